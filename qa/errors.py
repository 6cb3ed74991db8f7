"""The project's own errors, named by what went wrong, each with a stable code.

The core raises them; only qa/web/errors.py maps them to HTTP statuses.
"""


class QAError(Exception):
    code = "internal_error"

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class SettingError(QAError):
    """A QA_* setting or a command-line flag has a value it does not accept."""

    code = "bad_setting"


class ReportError(QAError):
    """The report file cannot be read or parsed."""

    code = "report_error"


class QuestionSetError(QAError):
    """An evaluation question file cannot be read."""

    code = "bad_question_set"


class BadQuestionError(QAError):
    """A question, statement or request parameter that cannot be answered as sent."""

    code = "bad_question"


class UnknownFilterError(QAError):
    """A search filter that names nothing in the report."""


class UnknownSpeakerError(UnknownFilterError):
    code = "unknown_speaker"


class UnknownSectionError(UnknownFilterError):
    code = "unknown_section"


class UnknownKindError(UnknownFilterError):
    code = "unknown_kind"


class UnknownDocumentError(UnknownFilterError):
    code = "unknown_document"


class NotFoundError(QAError):
    """A passage or speaker asked for by id that the report does not have."""

    code = "not_found"


class IndexNotBuiltError(QAError):
    code = "index_not_built"


class IndexMismatchError(QAError):
    """The index on disk was built from another corpus, encoder or settings, or is damaged."""

    code = "index_mismatch"


class IndexFolderError(QAError):
    """The index folder cannot be created, read or written."""

    code = "index_folder"


class EncoderError(QAError):
    code = "encoder_error"

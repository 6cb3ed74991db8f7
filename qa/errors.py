"""The project's own errors, each with an HTTP status and a stable code."""


class QAError(Exception):
    status = 500
    code = "internal_error"

    def __init__(self, message, code=None, status=None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status


class ReportError(QAError):
    """The report file cannot be read or parsed."""

    status = 500
    code = "report_error"


class BadRequestError(QAError):
    status = 400
    code = "bad_request"


class NotFoundError(QAError):
    status = 404
    code = "not_found"


class IndexNotBuiltError(QAError):
    status = 503
    code = "index_not_built"


class IndexMismatchError(QAError):
    """The index on disk was built from another corpus, encoder or settings."""

    status = 500
    code = "index_mismatch"


class EncoderError(QAError):
    status = 500
    code = "encoder_error"

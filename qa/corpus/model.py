"""The parsed report: document, sections, speakers and passages, as plain data."""
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property


@dataclass
class Document:
    path: str  # the file's name in the corpus folder
    sha256: str  # of the file
    id: str = ""  # from the file name: "lagos-2025-joint-thematic-meeting"
    language: str = "fr"  # of the report, as detected
    pages: int | None = None  # for a PDF
    kind: str | None = None  # "Document final"
    title: str | None = None
    subtitle: str | None = None
    dates: str | None = None
    place: str | None = None
    co_chairs: list = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    line: int
    parent: str | None = None
    moderators: list = field(default_factory=list)  # speaker ids
    document: str = ""  # the report's id


@dataclass
class Speaker:
    id: str
    name: str
    honorific: str = ""
    role: str | None = None
    organization: str | None = None
    aliases: list = field(default_factory=list)  # every way the report names them
    appearances: list = field(default_factory=list)  # {section, role, organization, represented_by, on_behalf_of}
    represented_by: str | None = None
    on_behalf_of: str | None = None
    documents: list = field(default_factory=list)  # per report: {document, role, organization}

    def in_document(self, document_id):
        """The speaker as one report presents them: that report's role and organisation."""
        entry = next((d for d in self.documents if d["document"] == document_id), None)
        if entry is None or (entry["role"], entry["organization"]) == (self.role, self.organization):
            return self
        return replace(self, role=entry["role"], organization=entry["organization"])

    def described(self, separator=", "):
        """"Name, role, organisation" as one line, leaving out what the report does not give."""
        return separator.join(filter(None, (self.name, self.role, self.organization)))

    def label(self):
        """As a reader sees it: the organisation left out where the role already names it."""
        repeated = self.role and self.organization and self.organization in self.role
        return ", ".join(filter(None, (self.name, self.role, None if repeated else self.organization)))


@dataclass
class Passage:
    """A paragraph, bullet or heading of the report, attributed and located."""

    id: str
    section: str
    kind: str  # front_matter, heading, list, narrative, speech, moderation, key_takeaways, group_statement
    speakers: list  # speaker ids; empty when nobody in particular said it
    text: str  # display text, markdown removed
    raw: str  # the exact slice of the file
    line_start: int
    line_end: int
    char_start: int
    char_end: int
    group: str | None = None  # "les participants" for a group statement
    page_start: int | None = None  # in a report with pages (PDF)
    page_end: int | None = None
    document: str = ""  # the report's id


@dataclass
class Corpus:
    """One report as parsed, or several merged (qa/corpus/library.py): documents in date order."""

    documents: list
    sections: list
    speakers: list
    passages: list
    warnings: list = field(default_factory=list)

    @property
    def document(self):
        return self.documents[0]

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        return cls(
            documents=[Document(**d) for d in data["documents"]],
            sections=[Section(**s) for s in data["sections"]],
            speakers=[Speaker(**s) for s in data["speakers"]],
            passages=[Passage(**p) for p in data["passages"]],
            warnings=list(data.get("warnings", [])),
        )

    @cached_property
    def _documents(self):
        return {d.id: d for d in self.documents}

    def document_of(self, item):
        """The Document of a passage, section or chunk."""
        return self._documents.get(item.document) or self.documents[0]

    def find_document(self, document_id):
        return self._documents.get(document_id)

    @cached_property
    def _speakers(self):
        return {s.id: s for s in self.speakers}

    @cached_property
    def _sections(self):
        return {s.id: s for s in self.sections}

    @cached_property
    def _positions(self):
        return {p.id: i for i, p in enumerate(self.passages)}

    def speaker(self, speaker_id):
        return self._speakers.get(speaker_id)

    def section(self, section_id):
        return self._sections.get(section_id)

    def passage(self, passage_id):
        position = self._positions.get(passage_id)
        return None if position is None else self.passages[position]

    def neighbours(self, passage_id):
        """(previous, next) passages in the same report, None at either end."""
        position = self._positions[passage_id]
        document = self.passages[position].document
        previous = self.passages[position - 1] if position > 0 else None
        following = self.passages[position + 1] if position + 1 < len(self.passages) else None
        return (previous if previous and previous.document == document else None,
                following if following and following.document == document else None)

    def passages_of(self, speaker_id):
        return [p for p in self.passages if speaker_id in p.speakers]

    def moderated_by(self, speaker_id):
        return [s for s in self.sections if speaker_id in s.moderators]

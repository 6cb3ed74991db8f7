"""The parsed report: document, sections, speakers and passages, as plain data."""
from dataclasses import asdict, dataclass, field


@dataclass
class Document:
    path: str
    sha256: str
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

    def summary(self):
        return {"id": self.id, "name": self.name, "role": self.role, "organization": self.organization}


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


@dataclass
class Corpus:
    document: Document
    sections: list
    speakers: list
    passages: list
    warnings: list = field(default_factory=list)

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        return cls(
            document=Document(**data["document"]),
            sections=[Section(**s) for s in data["sections"]],
            speakers=[Speaker(**s) for s in data["speakers"]],
            passages=[Passage(**p) for p in data["passages"]],
            warnings=list(data.get("warnings", [])),
        )

    def speaker(self, speaker_id):
        return next((s for s in self.speakers if s.id == speaker_id), None)

    def section(self, section_id):
        return next((s for s in self.sections if s.id == section_id), None)

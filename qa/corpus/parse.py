"""Report -> cover page, sections, speakers and attributed passages.

Attribution follows the report's conventions (French or English, detected from its text: see
qa/corpus/conventions.py), in this order for each paragraph:
a moderation phrase names the moderator; a person as the subject of a reporting verb is the
speaker; "les participants ... ont réaffirmé" is a group statement; a paragraph about the session
itself is narrative; otherwise an unnamed paragraph continues the current speaker (until a heading,
a new speaker or a narrative paragraph). Bullets introduced by a paragraph ending in ":" belong to it.
"""
import re
from pathlib import Path

from qa.corpus import conventions as reporting
from qa.corpus.blocks import mend_page_breaks, split_blocks
from qa.corpus.model import Corpus, Document, Passage, Section
from qa.corpus.people import find_moderator, name_mentions, speakers_named_in
from qa.corpus.readers import file_sha256, read_document
from qa.corpus.speakers import SpeakerRegistry
from qa.errors import ReportError
from qa.text import display_text, fold

NUMBERED_PART = re.compile(r"^(?P<n>\d+)\)\s+")
SESSION = re.compile(r"^Session\s+(?P<n>\d+)\b", re.I)
MAX_HEADING = 200
MIN_PARAGRAPH = 80


SLUG_SKIP = {"de", "du", "des", "d", "l", "la", "le", "les", "et", "en", "a", "au", "aux", "of", "the", "and"}


def slugify(text, words=5):
    kept = [w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in SLUG_SKIP]
    return "-".join(kept[:words]) or "section"


def is_heading(block):
    text = display_text(block.text)
    return (not block.bullet and block.lines == 1 and 0 < len(text) <= MAX_HEADING
            and (text[0].isupper() or text[0].isdigit()) and not text.endswith((".", ";", ":", ",", "…", "»", "!", "?", "\"")))


def is_body(block):
    """A bullet or a prose paragraph: the cover page has neither."""
    text = display_text(block.text)
    return block.bullet or (len(text) >= MIN_PARAGRAPH and text.endswith((".", ":", "!", "?", "»")))


def document_id(path):
    """A report's id, from its file name without the extension and a language tag:
    "lagos-2025-joint-thematic-meeting.fr.md" -> "lagos-2025-joint-thematic-meeting"."""
    stem = re.sub(r"\.(?:fr|en|ar|es|pt|it|de)$", "", Path(path).stem, flags=re.I)
    return re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-") or "report"


def parse_report(path):
    """Parse the report at path (text, Markdown, PDF or Word) into a Corpus."""
    path = Path(path)
    report = read_document(path)
    text = report.text
    blocks = mend_page_breaks(split_blocks(text))
    first_body = next((i for i, b in enumerate(blocks) if is_body(b)), None)
    if first_body is None:
        raise ReportError(f"{path}:1: no paragraph or bullet found, only short title lines")
    cover_end = first_body - 1 if first_body and is_heading(blocks[first_body - 1]) else first_body
    cover, body = blocks[:cover_end], blocks[cover_end:]
    conventions = reporting.for_text(" ".join(b.text for b in body))
    document = _document(path, cover, conventions)
    document.pages = report.page_count
    return _Parser(path, report, document, conventions).run(cover, body)


def _document(path, cover, conventions):
    lines = [display_text(b.text) for b in cover]
    document = Document(path=path.name, sha256=file_sha256(path), id=document_id(path), language=conventions.language)
    if len(lines) >= 2 and len(lines[0].split()) <= 3:
        document.kind, document.title = lines[0], lines[1]
    elif lines:
        document.title = lines[0]
    for index, line in enumerate(lines):
        dates = conventions.dates.search(line)
        if dates and not document.dates:
            document.dates = dates.group(0)
            document.place = line[dates.end():].strip(" ,") or None
            if not document.place and index + 1 < len(lines) and not conventions.dates.search(lines[index + 1]):
                document.place = lines[index + 1]  # the place on the line after the dates
            if index and lines[index - 1] not in (document.title, document.kind):
                document.subtitle = lines[index - 1]
        chairs = conventions.co_chairs.search(line)
        if chairs and not document.co_chairs:
            document.co_chairs = [c.strip() for c in conventions.chair_split.split(chairs.group("who")) if c.strip()]
    return document


class _Parser:
    def __init__(self, path, report, document, conventions):
        self.path = path
        self.text, self.report = report.text, report
        self.document = document
        self.conventions = conventions
        self.sections, self.passages, self.warnings = [], [], []
        self.registry = SpeakerRegistry()
        self.counts = {}

    def run(self, cover, body):
        if cover:
            self.sections.append(Section(id="cover", title=self.document.title or "cover", line=cover[0].line_start,
                                         document=self.document.id))
            for block in cover:
                self._add(block, "cover", "front_matter", [])
        if not is_heading(body[0]):
            self.sections.append(Section(id="preamble", title="(untitled)", line=body[0].line_start,
                                         document=self.document.id))
            self.warnings.append(f"{self.path}:{body[0].line_start}: text before the first heading")
        self._walk(body)
        for passage in self.passages:
            for surface, name in name_mentions(passage.text):
                self.registry.add_alias(surface, name, passage.speakers)
        ids = self.registry.finalise()
        for passage in self.passages:
            passage.speakers = [ids[key] for key in passage.speakers]
        for section in self.sections:
            section.moderators = [ids[key] for key in section.moderators]
        for speaker in self.registry.speakers():
            speaker.documents = [{"document": self.document.id, "role": speaker.role,
                                  "organization": speaker.organization}]
        return Corpus(documents=[self.document], sections=self.sections, speakers=self.registry.speakers(),
                      passages=self.passages, warnings=self.warnings)

    def _walk(self, body):
        section = self.sections[-1] if self.sections else None
        container = None  # a heading with sub-parts ("2) Perspectives ...", "Participation et portée")
        context, takeaways, previous = None, False, None
        for index, block in enumerate(body):
            text = display_text(block.text)
            if is_heading(block):
                context, previous = None, None
                if self.conventions.takeaways.match(text) and section:
                    takeaways = True
                    self._add(block, section.id, "heading", [])
                    continue
                takeaways = False
                numbered = NUMBERED_PART.match(text) or SESSION.match(text)
                if numbered:
                    container = None
                section = self._open_section(text, block.line_start, container)
                following = body[index + 1] if index + 1 < len(body) else None
                if container is None and following and is_heading(following) \
                        and not self.conventions.takeaways.match(display_text(following.text)):
                    container = section
                self._add(block, section.id, "heading", [])
                continue
            kind, speakers, group, context = self._attribute(block, text, section, context, takeaways, previous)
            if kind in ("speech", "moderation") and takeaways:
                takeaways = False
            previous = (self._add(block, section.id, kind, speakers, group), block)

    def _attribute(self, block, text, section, context, takeaways, previous):
        """Return kind, speaker keys, group and the context the next paragraph inherits."""
        if block.bullet:
            if takeaways:
                return "key_takeaways", [], None, context
            # bullets belong to the paragraph that introduces them with ":", and to each other
            introduced = previous is not None and (previous[0].text.endswith(":")
                                                   or previous[1].bullet and previous[0].kind != "list")
            if context and introduced:
                return context[0], context[1], context[2], context
            return "list", [], None, context
        rules = self.conventions
        group = rules.group.search(text)
        if not (group and rules.group_verbs.search(group.group("verb"))):
            group = None
        moderator = find_moderator(text, rules)
        if moderator:
            key = self.registry.resolve(moderator, section.id, [])
            if key not in section.moderators:
                section.moderators.append(key)
            # "Au cours du panel, les participants ont examiné ... Cette session, animée par X": the
            # paragraph reports what the group did; X moderated the section but is not its speaker
            if not group or group.start() > text.find(moderator.surface):
                return "moderation", [key], None, ("moderation", [key], None)
            return "group_statement", [], group.group("group"), ("group_statement", [], group.group("group"))
        mentions = speakers_named_in(text, rules)
        if mentions:
            current = context[1] if context else []
            keys = [self.registry.resolve(m, section.id, current) for m in mentions]
            for mention in mentions:
                if mention.represents:  # known as a person of the meeting, though someone else spoke
                    self.registry.resolve(mention.represents, section.id, current)
            return "speech", keys, None, ("speech", keys, None)
        if takeaways:
            return "key_takeaways", [], None, context
        if group:
            label = group.group("group")
            return "group_statement", [], label, ("group_statement", [], label)
        if rules.narrative.search(text):
            return "narrative", [], None, None
        if context and rules.pronoun.match(text) and context[0] != "group_statement":
            return context[0], context[1], None, context
        if context and rules.plural_pronoun.match(text) and context[0] == "group_statement":
            return context[0], [], context[2], context
        if context and context[0] == "speech" and rules.continues_unnamed and not rules.plural_pronoun.match(text):
            return context[0], context[1], None, context
        if rules.pronoun.match(text):
            self.warnings.append(f"{self.path}:{block.line_start}: a pronoun with no speaker before it; kept as narrative")
        elif block.ends_open():
            self.warnings.append(f"{self.path}:{block.line_start}: unfinished paragraph; kept as narrative")
        return "narrative", [], None, None

    def _open_section(self, title, line, container):
        numbered = NUMBERED_PART.match(title)
        session = SESSION.match(title)
        if numbered:
            base = f"part-{numbered.group('n')}"
        elif session:
            base = f"session-{session.group('n')}"
        else:
            base = slugify(title)
        section_id, n = base, 2
        while any(s.id == section_id for s in self.sections):
            section_id, n = f"{base}-{n}", n + 1
        section = Section(id=section_id, title=title, line=line, parent=container.id if container else None,
                          document=self.document.id)
        self.sections.append(section)
        return section

    def _add(self, block, section_id, kind, speakers, group=None):
        count = self.counts.get(section_id, 0) + 1
        self.counts[section_id] = count
        page_start, page_end = self.report.pages_of(block.line_start, block.line_end)
        passage = Passage(
            id=f"{section_id}-{count:02d}", section=section_id, kind=kind, speakers=list(speakers),
            page_start=page_start, page_end=page_end, document=self.document.id,
            text=display_text(block.text), raw=self.text[block.char_start:block.char_end], line_start=block.line_start,
            line_end=block.line_end, char_start=block.char_start, char_end=block.char_end, group=group)
        self.passages.append(passage)
        return passage

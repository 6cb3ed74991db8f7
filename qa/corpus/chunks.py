"""Retrieval chunks: passages grouped by section and speaker, long turns split at sentences."""
from dataclasses import dataclass

from qa.text import display_with_offsets, sentence_spans

# Kinds that carry no content of their own for retrieval.
SKIPPED_KINDS = {"heading"}


@dataclass
class Chunk:
    id: str
    section: str
    kind: str
    speakers: list
    group: str | None
    text: str
    passages: list  # passage ids, in order
    line_start: int
    line_end: int
    char_start: int  # offsets into the report file's text, end exclusive
    char_end: int
    document: str = ""  # the report's id
    page_start: int | None = None
    page_end: int | None = None


def chunk_passages(passages, max_words=120):
    """Group consecutive passages of one section, speaker set and kind; split those over max_words.

    A chunk never mixes two speakers or two sections. A passage longer than max_words is cut at
    sentence ends into pieces of about max_words; short neighbours of the same turn are merged.
    """
    chunks, run = [], []
    for passage in passages:
        if passage.kind in SKIPPED_KINDS or (run and _turn(run[-1]) != _turn(passage)):
            chunks += _pack(run, max_words)
            run = []
        if passage.kind not in SKIPPED_KINDS:
            run.append(passage)
    return chunks + _pack(run, max_words)


def _turn(passage):
    return passage.section, tuple(passage.speakers), passage.kind, passage.group


def _pack(run, max_words):
    chunks, current, words = [], [], 0
    for piece in (piece for passage in run for piece in _pieces(passage, max_words)):
        size = len(piece.text.split())
        if current and words + size > max_words:
            chunks.append(_chunk(current))
            current, words = [], 0
        current.append(piece)
        words += size
    return chunks + ([_chunk(current)] if current else [])


@dataclass
class _Piece:
    passage: object
    start: int  # in the passage's display text
    end: int
    part: int

    @property
    def text(self):
        return self.passage.text[self.start:self.end]

    def location(self):
        """(line_start, line_end, char_start, char_end) of this piece in the file."""
        raw, base = self.passage.raw, self.passage.char_start
        offsets = display_with_offsets(raw)[1]
        first, last = offsets[self.start], offsets[self.end - 1] + 1
        line = self.passage.line_start
        return line + raw[:first].count("\n"), line + raw[:last].count("\n"), base + first, base + last


def _pieces(passage, max_words):
    if len(passage.text.split()) <= max_words:
        return [_Piece(passage, 0, len(passage.text), 0)]
    pieces, start, end, words = [], None, 0, 0
    for a, b in sentence_spans(passage.text):
        size = len(passage.text[a:b].split())
        if start is not None and words + size > max_words:
            pieces.append(_Piece(passage, start, end, len(pieces)))
            start, words = None, 0
        start = a if start is None else start
        end, words = b, words + size
    if start is not None:
        pieces.append(_Piece(passage, start, end, len(pieces)))
    return pieces


def _chunk(pieces):
    first, last = pieces[0], pieces[-1]
    line_start, _, char_start, _ = first.location()
    _, line_end, _, char_end = last.location()
    return Chunk(
        id=first.passage.id if first.part == 0 else f"{first.passage.id}.{first.part + 1}",
        section=first.passage.section, kind=first.passage.kind, speakers=list(first.passage.speakers),
        group=first.passage.group, text=" ".join(p.text for p in pieces),
        passages=list(dict.fromkeys(p.passage.id for p in pieces)),
        line_start=line_start, line_end=line_end, char_start=char_start, char_end=char_end,
        document=first.passage.document, page_start=first.passage.page_start, page_end=last.passage.page_end)

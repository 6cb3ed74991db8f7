"""Text helpers shared by the parser, the indexes and attribution: display text, sentences, folding."""
import re
import unicodedata
from functools import lru_cache

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_DASH_BULLET = re.compile(r"^\s*[-*•]\s+")
# Abbreviations that end with a period but not a sentence.
_ABBREVIATIONS = {"m", "mme", "mlle", "dr", "pr", "me", "s.e", "st", "etc", "p", "cf", "ex", "no", "art", "vol"}
_BOUNDARY = re.compile(r"[.!?…]+[»\"”)]?\s+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9])")


def display_with_offsets(raw):
    """Display text of a raw slice (emphasis, links and bullet dash removed, spaces folded),
    with, for each display character, its offset in raw."""
    keep = [True] * len(raw)
    bullet = _DASH_BULLET.match(raw)
    if bullet:
        keep[: bullet.end()] = [False] * bullet.end()
    for link in _LINK.finditer(raw):
        label_start, label_end = link.start(1), link.end(1)
        for i in range(link.start(), link.end()):
            if not label_start <= i < label_end:
                keep[i] = False
    text, offsets, space = [], [], False
    for i, char in enumerate(raw):
        if not keep[i] or char == "*":
            continue
        if char.isspace():
            space = bool(text)
            continue
        if space:
            text.append(" ")
            offsets.append(i - 1)
            space = False
        text.append(char)
        offsets.append(i)
    return "".join(text), offsets


def display_text(raw):
    return display_with_offsets(raw)[0]


def sentence_spans(text):
    """(start, end) of each sentence of a French or English text."""
    spans, start = [], 0
    for boundary in _BOUNDARY.finditer(text):
        before = text[start:boundary.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS or len(last) == 1 or (last.isdigit() and len(last) <= 2):
            continue
        end = boundary.end()
        spans.append((start, len(text[:end].rstrip())))
        start = end
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# Where a long sentence holds several statements: semicolons, a colon opening a list, enumeration
# markers ("1) ...", "2. "), a second reported clause ("..., et que ...", "... and that ..."), a further
# item ("..., ainsi que ...", "..., notamment ...", "..., including ..."), a participle that adds a
# statement ("..., supervisant 21 projets", "..., stressing that"). Each part is a clause that
# attribution can match on its own.
_CLAUSE_BREAK = re.compile(r"\s*;\s+|\s*:\s+(?=\S)|\s+(?=\d{1,2}[.)]\s+[^\W\d_])|,?\s+(?=(?:et|and) (?:que|qu['’]|that)\b)"
                           r"|,\s+(?=(?:ainsi que|notamment|y compris|en particulier|as well as|including|in particular)\b)"
                           r"|,\s+(?=(?!(?:avant|pendant|durant|cependant|maintenant|suivant|according|during|regarding|concerning|following)\s)[^\W\d_A-Z]{3,}(?:ant|ing)\s)")
MIN_CLAUSE_WORDS = 4
# a list in brackets ("12 pays partenaires (Burundi, Tchad, ...)") is an enumeration of its own
_BRACKETED_LIST = re.compile(r"(\s*\()[^()]*(?:,[^()]*){2,}(\)\s*)")


def clause_spans(text, sentence_spans_of_text=None):
    """(start, end) of the clauses of each sentence that holds several (a sentence that does not
    split gives none: it is matched whole)."""
    found = []
    for start, end in sentence_spans_of_text or sentence_spans(text):
        parts, cursor = [], start
        cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, start, end)]
        for bracketed in _BRACKETED_LIST.finditer(text, start, end):  # the list, and what stands around it
            cuts += [bracketed.span(1), bracketed.span(2)]
        for cut_start, cut_end in sorted(cuts):
            if cut_start < cursor:
                continue
            parts.append((cursor, cut_start))
            cursor = cut_end
        parts.append((cursor, end))
        parts = [(a, b) for a, b in parts if len(text[a:b].split()) >= MIN_CLAUSE_WORDS]
        if len(parts) >= 2:
            found += parts
    return found


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


SHORT = 40  # words and names come back at every query: each is folded once (longer texts are not kept)


def fold(text):
    """Lower-case with accents removed and apostrophes unified: for comparing words."""
    return _fold_word(text) if len(text) <= SHORT else _fold(text)


def _fold(text):
    text = text.replace("’", "'").replace("ʼ", "'").replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


_fold_word = lru_cache(maxsize=50_000)(_fold)

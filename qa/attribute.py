"""Who said this? A statement is "quoted" when its words are in the report, "paraphrased" when a
passage says the same thing closely, "not_found" otherwise.

A wrong attribution is worse than none, so "paraphrased" asks for three things: the statement is
close in meaning to one sentence of the passage (cosine of the encoder's best sentence: very close,
or close and sharing a good part of its words with the passage, thresholds measured on paraphrases
and on statements nobody made), every figure it cites is in the passage (to within rounding), and
every name or acronym it mentions is there too (in French or through the glossary): "Japan
funds..." is not pinned on whoever spoke of funding.
"""
import re
from dataclasses import dataclass

from qa.analyzer import analyze, analyze_query, normalize
from qa.glossary import expansions
from qa.text import fold

_WORDS = re.compile(r"[^\W_]+(?:\.\d+)?", re.UNICODE)
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_ENTITY = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w-]*)*", re.UNICODE)
MIN_QUOTED_WORDS = 3


def canonical_words(text):
    """Words of text for matching quotes: case, accents, apostrophes, spacing and number formats ignored."""
    return _WORDS.findall(fold(normalize(text)))


def figures(text):
    return {float(f) for f in _FIGURE.findall(normalize(text))}


def figures_match(wanted, present, tolerance=0.05):
    """Each wanted figure is present, or one within rounding ("nearly 1,300" for 1 299)."""
    return all(any(abs(w - p) <= tolerance * max(abs(w), 1.0) for p in present) for w in wanted)


def entities(text):
    """Runs of acronyms and capitalised words past the start of a sentence ("West Africa", "NDICI"),
    each as the word lists that would show it in the report: its own words, or a French equivalent."""
    found = []
    for match in _ENTITY.finditer(normalize(text)):
        phrase = match.group(0)
        before = text[:match.start()].rstrip(" \"'(«")
        if not phrase.split()[0].isupper() and (not before or before[-1] in ".!?:;"):
            phrase = " ".join(phrase.split()[1:])  # the sentence's first word is capitalised anyway
        if phrase:
            found.append([canonical_words(phrase)] + [canonical_words(french) for french in expansions(phrase)])
    return found


@dataclass
class Candidate:
    speaker: object  # the Speaker, or None for report text or a group statement
    score: float
    hits: list


@dataclass
class Attribution:
    verdict: str
    candidates: list  # [Candidate], best first
    closest: list  # hits shown for context when nothing is attributed


# Cosine of the best sentence: alone above SURE; above CLOSE with WORDS of the statement's words there.
SURE, CLOSE, WORDS = 0.86, 0.825, 0.3


class Attributor:
    """Attribution over a loaded Searcher; what it needs of each chunk is prepared once, here."""

    def __init__(self, searcher):
        self.searcher = searcher
        self._quotable = []  # per chunk: its canonical words, as one spaced text, for quotes
        self._figures, self._tokens, self._words = [], [], []  # per chunk, with its speakers' names and roles
        for chunk in searcher.chunks:
            described = chunk.text + " " + searcher.speakers_text(chunk)
            self._quotable.append(" " + " ".join(canonical_words(chunk.text)) + " ")
            self._figures.append(figures(chunk.text))
            self._tokens.append(set(analyze(described)))
            self._words.append(set(canonical_words(described)))

    def attribute(self, text, k=5):
        searcher = self.searcher
        quoted = self._quoted_rows(canonical_words(text))
        vector = searcher.encode(text)
        if quoted:
            return Attribution("quoted", self._group([(row, 1.0) for row in quoted], k, vector), [])
        result = searcher.search(text, k=max(k, 10), vector=vector)
        wanted, names = figures(text), entities(text)
        own, tokens = analyze(text), set(analyze_query(text))
        scored = []
        for hit in result.candidates[: max(k, 10)]:
            row = hit.row
            support = searcher.sentence_support(row, vector)
            if support < CLOSE or not figures_match(wanted, self._figures[row]):
                continue
            shared = len(tokens & self._tokens[row]) / max(1, len(own))
            if support < SURE and shared < WORDS:
                continue
            if all(_shows(forms, self._words[row]) for forms in names):
                scored.append((row, support))
        if not scored:
            return Attribution("not_found", [], result.hits[:k])
        # candidates keep the hybrid search's order, which weighs words as well as meaning
        return Attribution("paraphrased", self._group(scored, k, vector), [])

    def _quoted_rows(self, words):
        if len(words) < MIN_QUOTED_WORDS:
            return []
        needle = " " + " ".join(words) + " "
        return [row for row, text in enumerate(self._quotable) if needle in text]

    def _group(self, scored_rows, k, vector):
        """One candidate per speaker (None for nobody in particular), best first."""
        groups = {}
        for row, score in scored_rows:
            hit = self.searcher.hit(row, score, vector)
            for speaker in hit.speakers or [None]:
                key = speaker.id if speaker else None
                _, best, hits = groups.get(key, (speaker, 0.0, []))
                groups[key] = (speaker, max(best, score), hits + [hit])
        ranked = list(groups.values())[:k]  # in the order the rows came
        return [Candidate(speaker, score, hits[:k]) for speaker, score, hits in ranked]


def _shows(forms, words):
    """The entity's own words are all there (or words they begin: "Nigeria" in "nigérian"), or most
    content words of a French equivalent are."""
    own, *french = forms
    if all(any(w.startswith(o) for w in words) if len(o) >= 5 else o in words for o in own):
        return True
    for form in french:
        content = [w for w in form if len(w) > 2]
        if content and sum(w in words for w in content) * 2 >= len(content):
            return True
    return False

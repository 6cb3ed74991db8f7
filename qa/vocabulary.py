"""The report's own vocabulary, embedded once at build time: a question's words in any language reach
their nearest words of the report through the encoder's space, for the lexical (BM25) side.

No hand-written table: each word of the report (its most frequent written form, per analysed stem) is
encoded; a question word is encoded at query time and stands for the report words it is closest to,
when it is as close as a word and its own translation usually are (calibrated per encoder: see
`calibrate`).

A word alone can be ambiguous ("traite" is also a milking, a bill of exchange): each word is also
encoded in its most frequent phrase of the report, the word and the words after it up to the next
content word of its clause ("traite des êtres", "lutte contre"), for attribution to tell what a
statement's words stand for in another language ("Menschenhandel", "الاتجار").
"""
import json
import re
import threading
from collections import Counter, OrderedDict

import numpy as np

from qa.analyzer import STOP_WORDS, analyze
from qa.errors import IndexMismatchError
from qa.places import mentions
from qa.text import fold

_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
_CLAUSE = re.compile(r"[^,;:.()«»\"!?–—\[\]/\n]+")  # a phrase does not cross punctuation
MIN_LETTERS = 4
PHRASE_WORDS = 4  # at most this many words after the word, up to the next content word
# A question word stands for a report word this many spreads above the similarity of a word to its
# nearest other word of the report (fitted on tests/data/questions.languages.own.jsonl).
MATCH_Z = -0.5
MAX_WORDS_TRANSLATED = 8  # one encoding batch; longer questions keep their first words
WORDS_KEPT = 20_000  # question words kept encoded (1.5 KB each)


class Vocabulary:
    def __init__(self, stems, vectors, calibration, languages=None, phrases=None, phrase_vectors=None):
        self.stems = stems  # analysed form of each word: the token BM25 knows
        self.vectors = vectors  # one unit row per word (its written form, encoded as a passage)
        self.phrases = phrases or [None] * len(stems)  # per word, its most frequent phrase, if any
        # per word, its phrase encoded as a passage (the word's own vector when it has none)
        self.phrase_vectors = vectors if phrase_vectors is None else phrase_vectors
        self.calibration = calibration
        self.threshold = calibration["mean"] + MATCH_Z * calibration["std"]
        self.row_of = {stem: i for i, stem in enumerate(stems)}
        self.languages = languages or [["fr"]] * len(stems)  # per word: the languages of the reports that use it
        self._rows_in = {}
        self._seen, self._lock = OrderedDict(), threading.Lock()  # question words already encoded, oldest first

    @classmethod
    def build(cls, texts, encoder, sample=128, languages=None, documents=None):
        """texts: the chunks, report by report; languages and documents: of each chunk's report (its
        words are stemmed as BM25 has them). A word belongs to the first report that uses it, which
        gives its written form and its place in the calibration's sample: adding a report leaves the
        words of the others, and their vectors, as they were."""
        languages = languages or ["fr"] * len(texts)
        documents = documents or [""] * len(texts)
        written, used_in, owner, stems_of, phrases = {}, {}, {}, {}, {}
        for text, language, document in zip(texts, languages, documents):
            for word, stem in _stemmed_words(text, language, stems_of):
                used_in.setdefault(stem, set()).add(language)
                if owner.setdefault(stem, document) == document:
                    written.setdefault(stem, Counter())[word if word.isupper() else word.lower()] += 1
            for stem, phrase in _phrases(text, language, stems_of):
                if owner[stem] == document:
                    phrases.setdefault(stem, Counter())[phrase] += 1
        stems = sorted(written)
        words = [written[s].most_common(1)[0][0] for s in stems]
        if not words:
            return cls([], np.zeros((0, encoder.dim), dtype=np.float32), {"mean": 1.0, "std": 1.0})
        vectors = encoder.encode_passages(words)
        phrases = [phrases[s].most_common(1)[0][0] if s in phrases else None for s in stems]
        phrase_vectors = vectors.copy()
        with_phrase = [i for i, phrase in enumerate(phrases) if phrase]
        if with_phrase:
            phrase_vectors[with_phrase] = encoder.encode_passages([phrases[i] for i in with_phrase])
        groups = {}
        for index, stem in enumerate(stems):
            groups.setdefault(owner[stem], []).append(index)
        groups = [groups[d] for d in dict.fromkeys(documents) if d in groups]
        return cls(stems, vectors, calibrate(encoder, words, vectors, sample, groups),
                   [sorted(used_in[s]) for s in stems], phrases, phrase_vectors)

    def save(self, stems_path, vectors_path, phrase_vectors_path):
        stems_path.write_text(json.dumps({"stems": self.stems, "calibration": self.calibration,
                                          "languages": self.languages, "phrases": self.phrases}, ensure_ascii=False),
                              encoding="utf-8")
        np.save(vectors_path, self.vectors)
        np.save(phrase_vectors_path, self.phrase_vectors)

    @classmethod
    def load(cls, stems_path, vectors_path, phrase_vectors_path):
        try:
            data = json.loads(stems_path.read_text(encoding="utf-8"))
            vectors, phrase_vectors = np.load(vectors_path), np.load(phrase_vectors_path)
        except (OSError, ValueError) as exc:
            raise IndexMismatchError(f"{stems_path.parent}: unreadable vocabulary ({exc})") from None
        if not len(vectors) == len(phrase_vectors) == len(data["stems"]):
            raise IndexMismatchError(f"{stems_path.parent}: the vocabulary's words and vectors do not match")
        return cls(data["stems"], vectors, data["calibration"], data.get("languages"), data.get("phrases"),
                   phrase_vectors)

    def stands_for(self, words, encoder):
        """For each word, whether a word of the report is as close to it as a translation would be."""
        if not words or not len(self.stems):
            return [False] * len(words)
        similarities = self.vectors_of(words, encoder) @ self.vectors.T
        return [bool(row.max() >= self.threshold) for row in similarities]

    def vectors_of(self, words, encoder):
        """The words encoded as queries; a word once encoded is kept (the questions of a field come
        back to the same words, and encoding one costs about half a question)."""
        with self._lock:
            missing = [w for w in words if w not in self._seen]
        if missing:
            encoded = encoder.encode_queries(missing)
            with self._lock:
                for word, vector in zip(missing, encoded):
                    self._seen[word] = vector
                while len(self._seen) > WORDS_KEPT:
                    self._seen.popitem(last=False)
        with self._lock:
            for word in words:
                self._seen.move_to_end(word)
            return np.stack([self._seen[w] for w in words])

    def translate(self, question, encoder, language=None, within=None):
        """The report's words that the question's words stand for; language: only the words of
        reports in that language (a French question's words into an English report's); within: only
        these words (rows), where a word spelled like one of them is matched as it is (and elsewhere
        asked all the same: "border" is not the report's "bord"). The places the question names are
        not asked: the CLDR gives their names."""
        rows = self.rows_of(language)
        if within is not None:
            rows = within if language is None else np.intersect1d(rows, within)
        skipped = STOP_WORDS | {fold(w) for place, _ in mentions(question) for w in _WORD.findall(place)}
        words = [w for w in dict.fromkeys(_WORD.findall(question))
                 if len(w) >= MIN_LETTERS and not w.isupper() and fold(w) not in skipped]
        if within is not None:  # a word spelled like one of these passages' is matched as it is
            there = {self.stems[i] for i in rows}
            words = [w for w in words if not set(analyze(w, language or "fr")) <= there]
        words = sorted(words, key=len, reverse=True)[:MAX_WORDS_TRANSLATED]  # the longest say the most
        if not words or not len(rows):
            return []
        similarities = self.vectors_of(words, encoder) @ self.vectors[rows].T
        best = similarities.argmax(axis=1)
        return list(dict.fromkeys(self.stems[rows[i]] for row, i in zip(similarities, best) if row[i] >= self.threshold))

    def rows_in(self, texts, languages):
        """Per text, the rows of its words (as build() reads them)."""
        stems_of, index = {}, self.row_of
        return [np.array(sorted({index[stem] for _, stem in _stemmed_words(text, language, stems_of) if stem in index}),
                         dtype=np.int32) for text, language in zip(texts, languages)]

    def rows_of(self, language):
        if language not in self._rows_in:
            self._rows_in[language] = np.array([i for i, used in enumerate(self.languages)
                                                if language is None or language in used], dtype=np.int64)
        return self._rows_in[language]


def words(text):
    """The words of text, without what an apostrophe elides ("l'accélération": "accélération")."""
    return [w.split("'")[-1] for w in _WORD.findall(text.replace("’", "'"))]


def _stem_of(word, language, stems_of):
    """The stem the vocabulary holds the word under, None when it holds none (too short, a stop word);
    stems_of: (word, language) -> stem, filled as words come (they come back in every chunk)."""
    key = (word, language)
    if key not in stems_of:
        tokens = analyze(word, language) if len(word) >= MIN_LETTERS and fold(word) not in STOP_WORDS else []
        stems_of[key] = tokens[0] if tokens else None
    return stems_of[key]


def _stemmed_words(text, language, stems_of):
    """(word, stem) of each word of text that the vocabulary holds words for."""
    for word in words(text):
        stem = _stem_of(word, language, stems_of)
        if stem is not None:
            yield word, stem


def _phrases(text, language, stems_of):
    """(stem, phrase) for each word of text the vocabulary holds that a content word follows in its
    clause: the word and the words after it up to that one, as written ("lutte contre", "abus d'autorité")."""
    for clause in _CLAUSE.findall(text):
        found = [(m.start(), m.end(), _stem_of(m.group(), language, stems_of)) for m in _WORD.finditer(clause)]
        for i, (start, _, stem) in enumerate(found):  # stem None: not a content word
            if stem is None:
                continue
            after = next((j for j in range(i + 1, min(len(found), i + 1 + PHRASE_WORDS)) if found[j][2]), None)
            if after is not None:
                yield stem, " ".join(clause[start:found[after][1]].split())


def calibrate(encoder, words, vectors, sample, groups=None):
    """How close a word of the report, asked as a query, is to the nearest *other* word of the report:
    the level a question word must clear to stand for one. The sample is drawn in each report's own
    words (groups: their indexes), so that it stays the same for a report when another is added."""
    groups = groups or [list(range(len(words)))]
    picked = np.concatenate([np.asarray(group)[np.random.default_rng(0).choice(len(group), min(sample, len(group)),
                                                                              replace=False)] for group in groups])
    similarities = encoder.encode_queries([words[i] for i in picked]) @ vectors.T
    similarities[np.arange(len(picked)), picked] = -np.inf
    nearest = similarities.max(axis=1)
    return {"mean": round(float(nearest.mean()), 6), "std": round(max(float(nearest.std()), 0.01), 6)}

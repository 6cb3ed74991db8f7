"""How much of what a statement says its backing sentence says too: the share of the statement's
content words (not its stop words, not its names, which attribution checks on their own) that the
sentence carries, as the same word or as one of the nearest words in meaning.

A real speaker on a real topic with an invented claim ("Mme Mullally a salué l'accélération des
procédures de retour...") comes close in meaning to what that speaker said: the names and the topic
weigh on the cosine. What it claims does not: "accélération", "retour", "efficace" are not in the
sentence, in any language. A word of another language is carried when a word of the sentence is
among its nearest words of the reports (a rank, not a cosine: the encoder's single words are much
closer to each other in some languages than in others).
"""
from functools import lru_cache

import numpy as np
from babel.core import UnknownLocaleError
from babel.units import get_unit_name
from stop_words import get_stop_words

from qa.analyzer import analyze
from qa.glossary import names_in
from qa.names import HONORIFICS
from qa.places import mentions, without_proclitic
from qa.text import fold
from qa.vocabulary import words

_STOP_LISTS = {"ar": "arabic", "de": "german", "en": "english", "es": "spanish", "fr": "french",
               "it": "italian", "pt": "portuguese"}
MIN_LETTERS = 3
NEAREST = 10  # a sentence word among the statement word's this many nearest words of the reports carries it
# Statements in these languages find the report's words through the words alone: English shares most
# stems with French, and the phrases, tried there too, carried invented claims (attribution.final5, 6, 9)
WORDS_ALONE = ("fr", "en")


@lru_cache(maxsize=None)
def _stop_words(language):
    return {fold(w) for w in get_stop_words(_STOP_LISTS.get(language, "english"))}


@lru_cache(maxsize=None)
def _percent_words(language):
    """The words of "percent" in the language (the CLDR's unit name: "pour cent", "بالمائة"),
    without an Arabic proclitic ("في المائة" is written too): part of a figure, not of a claim."""
    try:
        name = get_unit_name("concentr-percent", length="long", locale=language) or ""
    except UnknownLocaleError:
        return set()
    return {without_proclitic(fold(w)) for w in words(name)}


def content_words(text, language, names=()):
    """The statement's words that say what it claims: not stop words of its language, not words of
    its names (the phrases given, the organisations and places it names, titles), not the word for
    percent (attribution checks figures on their own)."""
    stop = _stop_words(language)
    names = [*names, *names_in(text), *(place for place, _ in mentions(text))]
    named = {fold(w) for phrase in names for w in words(phrase)} | HONORIFICS
    percent = _percent_words(language)
    found = [w for w in dict.fromkeys(words(text)) if len(w) >= MIN_LETTERS and fold(w) not in stop
             and fold(w) not in named and without_proclitic(fold(w)) not in percent]
    # an Arabic word is asked without the "and", "in", "for the" written onto it: the encoder knows it better alone
    return list(dict.fromkeys(without_proclitic(w) for w in found)) if language == "ar" else found


class Claims:
    """A statement's content words, and how much of them a sentence of the reports carries: a word of
    the same stem, or one of the word's NEAREST nearest words of the reports in that language, alone
    or (for a statement in another language than French or English) in its phrase. Each word's level
    is found once per statement, whatever the number of sentences asked about."""

    def __init__(self, text, language, names, vocabulary, encoder):
        self.words = content_words(text, language, names)
        self.vocabulary, self.encoder = vocabulary, encoder
        self.tables = [vocabulary.vectors] + ([vocabulary.phrase_vectors] if language not in WORDS_ALONE else [])
        self._vectors, self._levels = None, {}  # the words' vectors; per table and report language, the NEAREST-th similarity
        self._shares = {}  # (sentence, language) -> its share: a sentence is asked about again as it is judged

    def share(self, sentence, language):
        """The share of the words that sentence, in a report of that language, carries."""
        if not self.words:
            return 1.0
        if (sentence, language) not in self._shares:
            self._shares[sentence, language] = self._share(sentence, language)
        return self._shares[sentence, language]

    def _share(self, sentence, language):
        stems = set(analyze(sentence, language))
        uncovered = [i for i, w in enumerate(self.words) if not set(analyze(w, language)) & stems]
        rows = self.vocabulary.rows_in([sentence], [language])[0]
        for table, vectors in enumerate(self.tables):
            if uncovered and len(rows):
                best_there = (self._vectors_of_words()[uncovered] @ vectors[rows].T).max(axis=1)
                uncovered = [i for i, best in zip(uncovered, best_there) if best < self._level(table, language)[i]]
        return 1 - len(uncovered) / len(self.words)

    def _vectors_of_words(self):
        if self._vectors is None:
            self._vectors = self.vocabulary.vectors_of(self.words, self.encoder)
        return self._vectors

    def _level(self, table, language):
        """Per word, the similarity of its NEAREST-th nearest word (of that table) of the reports in language."""
        if (table, language) not in self._levels:
            similarities = self._vectors_of_words() @ self.tables[table].T
            similarities = similarities[:, self.vocabulary.rows_of(language)]
            nearest = min(NEAREST, similarities.shape[1]) - 1
            self._levels[table, language] = -np.partition(-similarities, nearest, axis=1)[:, nearest] \
                if nearest >= 0 else np.full(len(self.words), np.inf)
        return self._levels[table, language]

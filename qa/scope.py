"""Does the report address a question at all? It does not when the question rests on a name, or (in
French) a word, that the report never uses in any form: "AFRIPOL", "Bangladesh", "cryptomonnaies".

A term counts as used when the report has it as written, as the adjective made from it, spelled
alike in another language, through the glossary, or, failing those, when the encoder finds a word of
the report as close to it as a word and its translation usually are (the vocabulary's calibration).
The other signals of the search (how close the best passage is) do not separate questions the report
answers from questions next to it, so they are not used: a flag must never hide a real answer.
"""
import re

from qa.analyzer import STOP_WORDS, analyze
from qa.names import cognate_in, entity_phrases, forms, shows, words_as_written
from qa.text import fold

MIN_LETTERS = 5  # shorter French words are too often forms of common verbs


def unaddressed(question, language, searcher):
    """The terms of the question that the report never uses ([] when it may answer it). Only French
    and English questions are judged: in the other languages most names are translations the
    report cannot show ("ACNUR", "Costa do Marfim"), and a wrong flag would hide a real answer."""
    if language not in ("fr", "en"):
        return []
    report, grouped = searcher.report_words, searcher.report_words_by_initial
    candidates = [p for p in entity_phrases(question) if not shows(forms(p), report) and not cognate_in(p, grouped)]
    if len(searcher.report_languages) > 1:
        # reports in several languages name an institution each in their own ("Croix-Rouge", "Red
        # Cross"): only acronyms and single names are judged then
        candidates = [p for p in candidates if p.isupper() or not re.search(r"[\s-]", p)]
    if language == "fr" and "fr" in searcher.report_languages:  # a French word, in French reports
        for word in words_as_written(question.replace("’", "'")):
            word = word.split("'")[-1]
            if len(word) < MIN_LETTERS or not word[0].islower() or fold(word) in STOP_WORDS:
                continue
            stems = analyze(word)
            if stems and not set(stems) <= searcher.vocabulary.known and fold(word) not in report \
                    and not cognate_in(word, grouped):
                candidates.append(word)
    # an acronym the report does not have is unknown; other words may be the report's in another form
    to_ask = sorted({w for p in candidates if not p.isupper() for w in p.split() if len(w) >= 3})
    known = dict(zip(to_ask, searcher.vocabulary.stands_for(to_ask, searcher.encoder)))
    return [p for p in dict.fromkeys(candidates)
            if p.isupper() or not all(known.get(w, True) for w in p.split() if len(w) >= 3)]

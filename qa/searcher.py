"""Searcher.load(config) -> Searcher.search(question, k, ...) -> ranked, attributed hits, as plain data.

Three rankings are fused (qa/rankings.py, which also puts reports in several languages on one
scale): the chunk vectors (FAISS), BM25 over analysed text, and the best single sentence of each chunk. Each hit keeps its rank in every source, its speakers, section and
location, and the sentence to highlight. Turning hits into JSON or HTML is qa/web's job.
"""
import time
from dataclasses import dataclass, field

import numpy as np

from qa import store
from qa.acronyms import expand
from qa.analyzer import STOP_WORDS, analyze, analyze_query
from qa.corpus.chunks import Chunk
from qa.corpus.model import Section
from qa.encoders import create_encoder
from qa.corpus.library import local_part
from qa.errors import (IndexMismatchError, UnknownDocumentError, UnknownKindError, UnknownSectionError,
                       UnknownSpeakerError)
from qa.fusion import rrf, weighted
from qa.glossary import organisations_named, report_synonyms
from qa.grammar import verbs
from qa.language import detect
from qa.latin import LatinNames
from qa.names import (HONORIFICS, by_initial, canonical_words, entity_phrases, forms, shows,
                      words_as_written)
from qa.parts import heading_number, parts_named
from qa.places import demonyms, mentions, names_of
from qa.rankings import Rankings
from qa.scope import Scope, ScopeCheck, about_the_meeting, subjects
from qa.text import fold

SOURCES = ("dense", "sparse", "sentence")
# How much the question's words weigh against cosine (about 0.75-0.9 between relevant sentences)
# when choosing the sentence to highlight.
WORD_BONUS = 0.1
# "Who talked most about this": how many of the best candidates the facets count.
FACET_DEPTH = 20
TRANSLATION_CONTEXT = 10  # chunks of each vector ranking whose words a question's words are translated into
NAMING_DEPTH = 10  # the first candidates reordered by what they name (other languages) or the session asked about
ROLL_CALL = 3  # speakers a passage nobody speaks must name to count as a list of who spoke


@dataclass
class Source:
    """Where a text stands: its report, the lines (1-based, inclusive) and characters (end exclusive)
    of the report's text, and its pages when the report has pages."""

    document: str  # the report's id
    title: str | None
    date: str | None
    place: str | None
    file: str
    line_start: int
    line_end: int
    char_start: int
    char_end: int
    page_start: int | None = None
    page_end: int | None = None
    language: str = "fr"  # of the report


def source_of(document, item):
    """The Source of a passage or chunk of document."""
    return Source(document.id, document.title, document.dates, document.place, document.path, item.line_start,
                  item.line_end, item.char_start, item.char_end, item.page_start, item.page_end, document.language)


@dataclass
class Hit:
    row: int
    chunk: Chunk
    score: float
    ranks: dict  # source -> 1-based rank, or None where that source did not find it
    speakers: list  # Speaker objects, in the chunk's order
    section: Section
    source: Source
    highlight: tuple | None = None  # (start, end) in chunk.text of the sentence that best answers
    passage: str | None = None  # id of the passage holding the highlight: the one a permalink opens


@dataclass
class SearchResult:
    query: str
    hits: list
    candidates: list  # every fused hit up to the candidate depth, one per passage, for facets and paging
    timings: dict = field(default_factory=dict)
    language: str = "fr"  # of the question, as detected
    scope: Scope = field(default_factory=Scope)  # whether the report seems to address it at all

    @property
    def answerable(self):
        return self.scope.answerable

    @property
    def unaddressed(self):
        return self.scope.unaddressed


@dataclass
class Facets:
    depth: int  # how many candidates were counted
    speakers: list  # [(Speaker, count)], most first
    sections: list  # [(Section, count)], most first


class Searcher:
    def __init__(self, config, stored, encoder):
        self.config, self.manifest, self.corpus = config, stored.manifest, stored.corpus
        self.chunks, self.acronyms = stored.chunks, stored.acronyms
        self.encoder, self.dense, self.sparse, self.sentences = encoder, stored.dense, stored.sparse, stored.sentences
        self.clauses, self.vocabulary = stored.clauses, stored.vocabulary
        self.kinds = sorted({c.kind for c in self.chunks})
        # every word the report uses (its text, who speaks, the section titles), and those it writes
        # in lower case somewhere (common nouns, not names): for attribution and for the scope check
        self.described = []  # per chunk: its text, who says it and where ("Valletta" names the PACV section)
        self.described_words = []  # per chunk, the canonical words of that, as a set
        self.report_words, lower_case, capitalised = set(), set(), set()
        for chunk in self.chunks:
            section = self.corpus.section(chunk.section)
            self.described.append(" ".join((chunk.text, self.speakers_text(chunk), section.title if section else "")))
            self.described_words.append(set(canonical_words(self.described[-1])))
            self.report_words.update(self.described_words[-1])
            lower_case.update(w for w in words_as_written(chunk.text) if w[0].islower())
            capitalised.update(w for w in words_as_written(self.described[-1]) if w[0].isupper())
        self.common_words = {fold(w) for w in lower_case}  # each word folded once, not at each use
        self.report_words_by_initial = by_initial(self.report_words)
        # the report's names (written with a capital, never in lower case), for those written in Arabic script
        self.latin_names = LatinNames(w for w in capitalised if fold(w) not in self.common_words)
        self.languages = [self.corpus.document_of(c).language for c in self.chunks]
        self.report_languages = set(self.languages)
        self.rankings = Rankings(self.dense, self.sparse, self.sentences, self.vocabulary, encoder, self.languages)
        self._sentence_tokens = {}  # sentence index -> its analysed words, as they are first needed
        self._chunk_facts = {}  # row -> (speakers, section, source) of its hits, as they are first needed
        self.scope_check = ScopeCheck(self)
        # the chunks that, like the cover page, name the meeting's people rather than say anything: a
        # passage nobody speaks that names several of its report's speakers (the opening's list of
        # dignitaries with their roles matches any question that names a role)
        names_in_report = {}
        for speaker in self.corpus.speakers:
            for entry in speaker.documents:
                names_in_report.setdefault(entry["document"], []).append(speaker.name)
        self.roll_calls = {row for row, chunk in enumerate(self.chunks)
                           if chunk.kind == "front_matter" or not chunk.speakers and sum(
                               name in chunk.text for name in names_in_report.get(chunk.document, ())) >= ROLL_CALL}
        # per chunk, the number of the session it belongs to ("Session 2 - …" and the parts under it)
        numbered = {s.id: heading_number(s.title) for s in self.corpus.sections}
        parents = {s.id: s.parent for s in self.corpus.sections}

        def session_number(section_id):
            while section_id and not numbered.get(section_id):
                section_id = parents.get(section_id)
            return numbered.get(section_id)
        self.session_of = [session_number(c.section) for c in self.chunks]
        # per section, the stems of its title, in its report's language ("Objectifs": "object")
        self.title_stems = {s.id: frozenset(analyze(s.title, self.corpus.document_of(s).language))
                            for s in self.corpus.sections}
        # per speaker, the words of the organisation they speak for (or, if none is given, of their role)
        # and its country ("Service nigérian de l'immigration", "France"): "Qu'a dit l'ONUDC ?", "Qu'a dit
        # le Nigeria ?" ask what they said
        affiliations = {s.id: s.organization or s.role for s in self.corpus.speakers if s.organization or s.role}
        self.affiliation_words = {i: f" {' '.join(canonical_words(text))} " for i, text in affiliations.items()}
        # analysed as the reports' acronyms' long forms are (names kept as written), and, for the words a
        # typed name shares with them, whatever their capitals
        self.affiliation_stems = {i: f" {' '.join(analyze(text))} " for i, text in affiliations.items()}
        self.affiliation_word_stems = {i: set(analyze(text.lower())) for i, text in affiliations.items()}
        self.affiliation_countries = {i: {code for _, code in [*mentions(text), *demonyms(text)]}
                                      for i, text in affiliations.items()}
        # per chunk, its words in the vocabulary: a question's word is translated among the words of the
        # passages the encoder finds closest ("trafficking" is "traite" there, not a word spelled alike)
        self.chunk_words = self.vocabulary.rows_in([c.text for c in self.chunks], self.languages)

    @classmethod
    def load(cls, config, encoder=None):
        """Load the current index, refusing one built from another report, encoder or settings."""
        single_threaded_blas()
        stored = store.load_index(config)
        manifest = stored.manifest
        encoder = encoder or create_encoder(config["EMBEDDER"])
        if encoder.name != manifest["encoder"] or encoder.dim != manifest["dim"]:
            raise IndexMismatchError(f"the index was built with {manifest['encoder']} ({manifest['dim']} dims), "
                                     f"the configured encoder is {encoder.name} ({encoder.dim} dims)")
        return cls(config, stored, encoder)

    # --- filters ---------------------------------------------------------------------------

    def speaker_ids_matching(self, name):
        """Speaker ids for an id, a name as people write it ("Korzilius", "Mme Nandap"), or failing
        those, the organisation or the country they spoke for ("ECOWAS", "Nigeria": its speakers)."""
        found = self.speaker_ids_named(name)
        if found:
            return found
        speaking_for = self._speaking_for(name, whole=True)
        return [s.id for s in self.corpus.speakers if s.id in speaking_for]

    def speaker_ids_named(self, name):
        """Speaker ids for an id or a name as people write it."""
        key = fold(name).strip()
        if self.corpus.speaker(key):
            return [key]
        wanted = key.replace(".", " ").split()
        wanted = [w for w in wanted if w not in HONORIFICS] or wanted
        names = {s.id: fold(s.name).split() for s in self.corpus.speakers}
        found = [i for i, tokens in names.items() if wanted == tokens[-len(wanted):]]
        # else a first name or any part of the name ("Cheikh" is two people: both are meant)
        return found or [i for i, tokens in names.items() if set(wanted) <= set(tokens)]

    def section_ids_matching(self, name):
        """Section ids for an id (with its sub-parts), an id within its report ("session-1": that
        session of every report), or words of a title."""
        key = fold(name).strip()
        ids = [key] if self.corpus.section(key) else [s.id for s in self.corpus.sections if local_part(s.id) == key]
        if ids:
            return ids + [s.id for s in self.corpus.sections if s.parent in ids]
        return [s.id for s in self.corpus.sections if key and key in fold(s.title)]

    def allowed_rows(self, speaker=None, section=None, kind=None, document=None):
        """Rows that pass the filters, or None when there is no filter."""
        if not (speaker or section or kind or document):
            return None
        if document and not self.corpus.find_document(document):
            raise UnknownDocumentError(f"no report has the id {document!r}; see /api/documents")
        speakers = sections = None
        if speaker:
            speakers = set(self.speaker_ids_matching(speaker))
            if not speakers:
                raise UnknownSpeakerError(f"no speaker matches {speaker!r}; see /api/speakers")
        if section:
            sections = set(self.section_ids_matching(section))
            if not sections:
                raise UnknownSectionError(f"no section matches {section!r}; see /api/sections")
        if kind and kind not in self.kinds:
            raise UnknownKindError(f"kind must be one of {', '.join(self.kinds)}")
        return np.array([row for row, c in enumerate(self.chunks)
                         if (speakers is None or speakers & set(c.speakers))
                         and (sections is None or c.section in sections)
                         and (not kind or c.kind == kind) and (not document or c.document == document)],
                        dtype=np.int64)

    # --- search ----------------------------------------------------------------------------

    def encode(self, text):
        """The query vector of a question or statement (encode once, pass it to search and hit)."""
        return self.encoder.encode_queries([text])[0]

    def search(self, question, k=5, offset=0, speaker=None, section=None, kind=None, vector=None, judge_scope=True,
               document=None, statement=False):
        """The ranked hits for question; judge_scope: also say whether the report addresses it at all;
        statement: it is a statement to attribute, a sentence to be compared with sentences in any language."""
        config = self.config
        depth = int(config["CANDIDATES"])
        allowed = self.allowed_rows(speaker, section, kind, document)
        timings = {}
        started = time.perf_counter()
        named = self.latin_names.of(question)  # names written in Arabic script, as the report writes them
        if vector is None:  # the encoder reads them better in the report's spelling too
            vector = self.encode(" ".join([question] + named))
        timings["encode_ms"] = _ms(started)

        started = time.perf_counter()
        dense, sentence = self.rankings.vectors(vector, depth, allowed)
        timings["dense_ms"] = _ms(started)

        started = time.perf_counter()
        language = detect(question)[0]
        tokens = expand(analyze_query(question), self.acronyms)
        lexical_weight, sentence_weight = float(config["SPARSE_WEIGHT"]), float(config["SENTENCE_WEIGHT"])
        if language != "fr":
            # French is analysed; other languages reach the report's words through the encoder
            # (names of organisations and places through the glossary and the CLDR)
            within = self.words_of([row for row, _ in dense[:TRANSLATION_CONTEXT] + sentence[:TRANSLATION_CONTEXT]])
            tokens += [t for t in self.vocabulary.translate(question, self.encoder, within=within) if t not in tokens]
            # and names written in Arabic script reach the report's by their sound ("ليبرتيرا": "Liberterra")
            for name in named:  # exact where the report writes it, stemmed elsewhere
                tokens += [t for t in [fold(name)] + analyze(name) if t not in tokens]
        if language not in ("fr", "en"):
            # English shares many stems with French ("victims", "protection"): the lexical side
            # counts less only for the other languages
            lexical_weight = float(config["OTHER_LANGUAGE_SPARSE_WEIGHT"])
            # and the sentence closest to a question asked across languages is often the one that
            # names the speaker and their organisation ("La Contrôleuse Générale … du Service nigérian de
            # l'immigration (NIS) a présenté…"), not the one that answers: the whole chunk counts more
            if not statement:
                sentence_weight = float(config["OTHER_LANGUAGE_SENTENCE_WEIGHT"])
        sparse, tokens = self.rankings.lexical(question, language, tokens, depth, allowed)
        timings["sparse_ms"] = _ms(started)

        started = time.perf_counter()
        weights = [float(config["DENSE_WEIGHT"]), lexical_weight, sentence_weight]
        rankings = [dense, sparse, sentence]
        if config["FUSION"] == "weighted":
            fused = weighted(rankings, weights)
        else:
            fused = rrf(rankings, weights, int(config["RRF_K"]))
        # the cover page names every process, place and partner of the meeting, a list of who spoke
        # every speaker: they match many questions by their names alone, so they count for less than
        # what was said
        front = float(config["FRONT_MATTER_WEIGHT"])
        if front != 1.0:
            fused = sorted(((row, score * (front if row in self.roll_calls else 1.0), ranks)
                            for row, score, ranks in fused), key=lambda x: (-x[1], x[0]))
        if language not in ("fr", "en"):  # (in French and English, the lexical side reads the names)
            fused = self._naming_first(question, named, fused)
        # a question of nothing but what an organisation or a country said or did ("Qu'a dit l'ONUDC ?",
        # "What did ECOWAS commit to?"): its speakers first, not the cover page or a passage that names it
        # (most questions that name one ask about something: "How much did the EU contribute to…?" is not
        # what its ambassador said)
        asked_about = subjects(question, language, self.scope_check.meeting_words) if language in ("fr", "en") else ()
        if language in ("fr", "en") and (not asked_about or set(asked_about) <= verbs(question, language)):
            speaking_for = self._speaking_for(question)
            if speaking_for:
                fused = _first(fused, [bool(speaking_for & set(self.chunks[row].speakers))
                                       for row, _, _ in fused[:NAMING_DEPTH]])
        sessions = parts_named(question)  # "the second session": what was said there comes first
        if sessions:
            fused = _first(fused, [self.session_of[row] in sessions for row, _, _ in fused[:NAMING_DEPTH]])
        elif about_the_meeting(question, language, self.scope_check.meeting_words):  # when, where, chaired by whom
            fused = _first(fused, [self.chunks[row].kind == "front_matter" for row, _, _ in fused])
        elif language in ("fr", "en"):
            # a question of nothing but a part of the report, by its title's words ("Quels étaient les
            # objectifs de la réunion ?", "Quels résultats étaient attendus ?"): that part first, not what
            # merely comes close to it (not "Quel est l'objectif du projet SAFE-MIT ?")
            titled = {i for i, stems in self.title_stems.items() if stems and stems <= set(tokens)}
            in_titles = set().union(*(self.title_stems[i] for i in titled))
            if titled and all(set(analyze(w, language)) <= in_titles for w in asked_about):
                fused = _first(fused, [self.chunks[row].section in titled for row, _, _ in fused[:NAMING_DEPTH]])
        # one passage, one result: a passage is represented by its best chunk, highlighted at its best sentence
        candidates, shown = [], set()
        # the sentences of the candidates only, compared once: the index may hold millions
        rows = [row for row, _, _ in fused[:depth]]
        indexes = np.concatenate([self.sentences.sentences_of.get(row, []) for row in rows] + [[]]).astype(np.int64)
        cosines = np.zeros(self.sentences.count, dtype=np.float32)
        cosines[indexes] = self.sentences.vectors[indexes] @ vector
        bonus = None
        if tokens:
            bonus = np.zeros(self.sentences.count, dtype=np.float32)
            bonus[indexes] = self._word_bonus(tokens, indexes)
        for row, score, ranks in fused[:depth]:
            hit = self._hit(row, score, ranks)
            if len(hit.chunk.passages) > 1:  # which passage it stands for depends on its best sentence
                self._highlight(hit, vector, tokens, cosines, bonus)
            else:
                hit.passage = hit.chunk.passages[0]
            if hit.passage not in shown:
                shown.add(hit.passage)
                candidates.append(hit)
        for hit in candidates[offset:offset + k]:
            if hit.highlight is None:
                self._highlight(hit, vector, tokens, cosines, bonus)
        timings["fusion_ms"] = _ms(started)
        started = time.perf_counter()
        scope = self.scope_check.judge(question, language, vector) if judge_scope else Scope()
        timings["scope_ms"] = _ms(started)
        return SearchResult(question, candidates[offset:offset + k], candidates, timings, language, scope)

    def _speaking_for(self, text, whole=False):
        """The speakers of the organisations (as the reports or the glossary name them) and the countries
        text names; whole: text is a name itself, as typed ("naptip", "nigeria")."""
        if whole and text.islower():  # as typed in a form: "ecowas", "nigeria" (an acronym is a short word)
            text = text.upper() if len(text.split()) == 1 and len(text) <= 6 else text.title()
        names = [name for _, report_names in organisations_named(text) for name in report_names]
        # an acronym, or a name of several words ("Service nigérian de l'immigration"): not "Commission"
        names += [p for p in entity_phrases(text) if p.isupper() or len(p.split()) > 1]
        if whole and set(canonical_words(text)) - STOP_WORDS:  # (not "de", in every other organisation's name)
            names += [text] + report_synonyms(text)  # "HCR", where a report writes "UNHCR"
        places = mentions(text) + tuple(demonyms(text))  # "Nigeria", "French"
        found = {i for i, codes in self.affiliation_countries.items() if codes & {code for _, code in places}}
        # a name of more than its country ("Nigeria Immigration Service"): those of the country's speakers
        # whose organisation shares the most of its other words, if any does
        rest = set(analyze(text.lower())) - {stem for written, _ in places for stem in analyze(written.lower())}
        shared = {i: len(rest & self.affiliation_word_stems[i]) for i in found}
        most = max(shared.values(), default=0)
        if most:
            found = {i for i, count in shared.items() if count == most}
        for padded in {f" {' '.join(canonical_words(name))} " for name in names} - {"  "}:
            found |= {i for i, words in self.affiliation_words.items() if padded in words}
        # an acronym the reports spell out ("Union européenne (UE)"), for the speakers of the long form
        for long_form in {f" {' '.join(self.acronyms[p])} " for p in names if p in self.acronyms}:
            found |= {i for i, stems in self.affiliation_stems.items() if long_form in stems}
        return found

    def _naming_first(self, question, named, fused):
        """fused with, among its first NAMING_DEPTH, the passages that name more of what the question
        names (its places, organisations and people, where the reports name them at all) before the
        others, each group in its order: in a language the lexical side hardly reads, the encoder
        alone would put the meeting's overview, which names every country, before the speaker who
        spoke of the one asked about ("مع أي دول شكلت إثيوبيا فرق تحقيق مشتركة؟")."""
        phrases = entity_phrases(question)
        entities = [forms(phrase) for phrase in phrases]
        entities += [[canonical_words(written)] + names_of(code, ("fr", "en")) for written, code in mentions(question)
                     if not any(written in phrase for phrase in phrases)]
        entities += [[[fold(name)]] for name in named]
        # an organisation named in a script without capitals is found through the glossary alone ("الإيكواس")
        entities += [[canonical_words(name) for name in names] for written, names in organisations_named(question)
                     if not any(fold(written) in fold(phrase) for phrase in phrases)]
        entities = [e for e in entities if shows(e, self.report_words)]
        if not entities:
            return fused
        return _first(fused, [sum(shows(e, self.described_words[row]) for e in entities)
                              for row, _, _ in fused[:NAMING_DEPTH]])

    def words_of(self, rows):
        """The vocabulary's rows of the words of these chunks."""
        return np.unique(np.concatenate([self.chunk_words[row] for row in rows] + [np.zeros(0, dtype=np.int32)]))

    def hit(self, row, score, vector, ranks=(None, None, None), at=None):
        """A highlighted hit for a chunk found otherwise than by search (attribution); at: the
        (start, end) to highlight, when the caller knows which words back it."""
        hit = self._hit(row, score, ranks)
        if at is None:
            return self._highlight(hit, vector)
        hit.highlight = at
        hit.passage = self._passage_holding(hit)
        return hit

    def _hit(self, row, score, ranks):
        speakers, section, source = self._facts_of(row)
        return Hit(row=row, chunk=self.chunks[row], score=score, ranks=dict(zip(SOURCES, ranks)),
                   speakers=speakers, section=section, source=source)

    def _facts_of(self, row):
        """Who speaks in the chunk, its section and its source: the same for every hit on it (shared,
        never changed), and a search makes a hit of each of its fifty candidates."""
        found = self._chunk_facts.get(row)
        if found is None:
            chunk = self.chunks[row]
            found = self._chunk_facts[row] = (
                [self.corpus.speaker(s).in_document(chunk.document) for s in chunk.speakers],
                self.corpus.section(chunk.section), source_of(self.corpus.document_of(chunk), chunk))
        return found

    def _highlight(self, hit, vector, tokens=(), cosines=None, bonus=None):
        """Mark the chunk sentence that best answers: closest in meaning, with a bonus for the
        question's words (a "who moderated" question should light the "modérée par" sentence).
        cosines and bonus (per sentence of the index) may be computed once for many hits."""
        indexes = self.sentences.sentences_of.get(hit.row)
        if not indexes:
            hit.highlight = 0, len(hit.chunk.text)
        else:
            cosines = self.sentences.vectors[indexes] @ vector if cosines is None else cosines[indexes]
            if tokens:
                bonus = self._word_bonus(tokens, indexes) if bonus is None else bonus[indexes]
                cosines = cosines + WORD_BONUS * bonus
            _, start, end = self.sentences.spans[indexes[int(np.argmax(cosines))]]
            hit.highlight = int(start), int(end)
        hit.passage = self._passage_holding(hit)
        return hit

    def _word_bonus(self, tokens, indexes):
        """Per sentence of indexes, the share of the question's words it has."""
        wanted = set(tokens)
        return np.array([len(wanted & self._tokens_of(i)) / len(wanted) for i in indexes], dtype=np.float32)

    def _tokens_of(self, index):
        found = self._sentence_tokens.get(index)
        if found is None:
            row, start, end = self.sentences.spans[index]
            found = self._sentence_tokens[index] = set(analyze(self.chunks[row].text[start:end], self.languages[row]))
        return found

    def _passage_holding(self, hit):
        sentence = hit.chunk.text[hit.highlight[0]:hit.highlight[1]]
        for passage_id in hit.chunk.passages:
            if sentence in self.corpus.passage(passage_id).text:
                return passage_id
        return hit.chunk.passages[0]

    def evidence(self, row, vector):
        """(start, end, cosine, is a clause) in the chunk's text of the sentence, or clause of a long
        sentence, closest in meaning to vector: the words that would back an attribution."""
        best = (0, len(self.chunks[row].text), 0.0, False)
        for index in (self.sentences, self.clauses):
            spans, cosines = index.similarities(row, vector)
            if len(spans) and float(np.max(cosines)) > best[2]:
                start, end = spans[int(np.argmax(cosines))]
                best = (int(start), int(end), float(np.max(cosines)), index is self.clauses)
        return best

    def speakers_text(self, chunk):
        """Names, roles and organisations of the chunk's speakers, as one text."""
        return " ".join(self.corpus.speaker(s).described(" ") for s in chunk.speakers)

    def facets(self, candidates):
        """Who and which sections come up most among the best candidates."""
        speakers, sections = {}, {}
        candidates = candidates[:FACET_DEPTH]
        for hit in candidates:
            for speaker in hit.chunk.speakers:
                speakers[speaker] = speakers.get(speaker, 0) + 1
            sections[hit.chunk.section] = sections.get(hit.chunk.section, 0) + 1
        return Facets(
            depth=len(candidates),
            speakers=[(self.corpus.speaker(s), n) for s, n in sorted(speakers.items(), key=lambda x: (-x[1], x[0]))],
            sections=[(self.corpus.section(s), n) for s, n in sorted(sections.items(), key=lambda x: (-x[1], x[0]))])


def single_threaded_blas():
    """numpy's BLAS threads (the vocabulary's and the language detector's products) spin after each
    use and take the cores from the encoder's own threads: measured, encoding slowed by a quarter.
    These products are small; one thread does them as fast."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _ms(started):
    return round((time.perf_counter() - started) * 1000, 3)


def _first(fused, counts):
    """fused with its first len(counts) reordered, those counting more first, each group in its order."""
    head = fused[:len(counts)]
    return [head[i] for i in sorted(range(len(head)), key=lambda i: -counts[i])] + fused[len(counts):]

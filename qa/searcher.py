"""Searcher.load(config) -> Searcher.search(question, k, ...) -> ranked, attributed hits.

Three rankings are fused: the chunk vectors (FAISS), BM25 over French-analysed text, and the best
single sentence of each chunk (a question often matches one sentence of a long turn better than
the whole turn). Each hit keeps its rank in every source and a highlighted sentence.
"""
import json
import time
from dataclasses import dataclass, field

import numpy as np

from qa import store
from qa.acronyms import expand
from qa.analyzer import analyze, analyze_query
from qa.corpus.chunks import Chunk
from qa.corpus.model import Corpus
from qa.dense import FaissIndex
from qa.encoders import create_encoder
from qa.errors import BadRequestError, IndexMismatchError
from qa.fusion import rrf, weighted
from qa.sparse import BM25Index
from qa.text import fold

SOURCES = ("dense", "sparse", "sentence")
# How much the question's words weigh against cosine (about 0.75-0.9 between relevant sentences)
# when choosing the sentence to highlight.
WORD_BONUS = 0.1
# "Who talked most about this": how many of the best candidates the facets count.
FACET_DEPTH = 20


@dataclass
class Hit:
    row: int
    chunk: Chunk
    score: float
    ranks: dict  # source -> 1-based rank, or None where that source did not find it
    highlight: tuple  # (start, end) in chunk.text


@dataclass
class SearchResult:
    query: str
    hits: list
    candidates: list  # every fused hit up to the candidate depth, for facets and paging
    timings: dict = field(default_factory=dict)


class Searcher:
    def __init__(self, config, manifest, corpus, chunks, encoder, dense, sparse, sentences, spans, acronyms=None):
        self.config, self.manifest, self.corpus, self.chunks = config, manifest, corpus, chunks
        self.acronyms = acronyms or {}  # the report's own "long form (ACR)" pairs, for the lexical side
        self.encoder, self.dense, self.sparse = encoder, dense, sparse
        self.sentence_vectors, self.spans = sentences, spans
        self.sentences_of = {}
        for index, (row, _, _) in enumerate(spans):
            self.sentences_of.setdefault(int(row), []).append(index)
        self._speakers = {s.id: s for s in corpus.speakers}
        self._sections = {s.id: s for s in corpus.sections}
        self.passage_position = {p.id: i for i, p in enumerate(corpus.passages)}
        self.kinds = {c.kind for c in chunks}
        self._sentence_tokens = {}  # sentence index -> set of analysed tokens, filled as highlights need them

    @classmethod
    def load(cls, config, encoder=None):
        """Load the current index, refusing one built from another report, encoder or settings."""
        folder, manifest = store.read_manifest(config["INDEX_DIR"])
        reasons = store.stale_reasons(manifest, config)
        if reasons:
            raise IndexMismatchError(f"the index in {config['INDEX_DIR']} is stale: {'; '.join(reasons)}; "
                                     f"rebuild it with `python -m qa index`")
        encoder = encoder or create_encoder(config["EMBEDDER"])
        if encoder.name != manifest["encoder"] or encoder.dim != manifest["dim"]:
            raise IndexMismatchError(f"the index was built with {manifest['encoder']} ({manifest['dim']} dims), "
                                     f"the configured encoder is {encoder.name} ({encoder.dim} dims)")
        try:
            corpus = Corpus.from_dict(json.loads((folder / "corpus.json").read_text(encoding="utf-8")))
            chunks = [Chunk(**json.loads(line)) for line in (folder / "chunks.jsonl").open(encoding="utf-8")]
            sentences = np.load(folder / "sentences.npy")
            spans = np.load(folder / "sentence_spans.npy")
            acronyms = json.loads((folder / "acronyms.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise IndexMismatchError(f"{folder}: damaged index ({exc})") from None
        if len(chunks) != manifest["chunks"] or len(spans) != len(sentences) != manifest["sentences"]:
            raise IndexMismatchError(f"{folder}: the chunk or sentence tables do not match the manifest")
        dense = FaissIndex.load(folder / "dense.faiss", manifest["dense_index"], len(chunks), manifest["dim"])
        sparse = BM25Index.load(folder / "bm25", len(chunks))
        return cls(config, manifest, corpus, chunks, encoder, dense, sparse, sentences, spans, acronyms)

    # --- filters ---------------------------------------------------------------------------

    def find_speakers(self, name):
        """Speaker ids for an id or a name as people write it ("Korzilius", "Mme Nandap")."""
        wanted = fold(name).replace(".", " ").split()
        honorifics = {"m", "mme", "mlle", "dr", "pr", "s", "e", "se", "mr", "mrs", "ms", "prof"}
        wanted = [w for w in wanted if w not in honorifics] or wanted
        if fold(name).strip() in self._speakers:
            return [fold(name).strip()]
        names = {s.id: fold(s.name).split() for s in self.corpus.speakers}
        found = [i for i, tokens in names.items() if wanted == tokens[-len(wanted):]]
        # else a first name or any part of the name ("Cheikh" is two people: both are meant)
        return found or [i for i, tokens in names.items() if set(wanted) <= set(tokens)]

    def find_sections(self, name):
        key = fold(name).strip()
        if key in self._sections:
            return [key] + [s.id for s in self.corpus.sections if s.parent == key]
        return [s.id for s in self.corpus.sections if key and key in fold(s.title)]

    def allowed_rows(self, speaker=None, section=None, kind=None):
        """Rows that pass the filters, or None when there is no filter."""
        if not (speaker or section or kind):
            return None
        speakers = sections = None
        if speaker:
            speakers = set(self.find_speakers(speaker))
            if not speakers:
                raise BadRequestError(f"no speaker matches {speaker!r}; see /api/speakers", code="unknown_speaker")
        if section:
            sections = set(self.find_sections(section))
            if not sections:
                raise BadRequestError(f"no section matches {section!r}; see /api/sections", code="unknown_section")
        if kind and kind not in self.kinds:
            raise BadRequestError(f"kind must be one of {', '.join(sorted(self.kinds))}", code="unknown_kind")
        return np.array([row for row, c in enumerate(self.chunks)
                         if (speakers is None or speakers & set(c.speakers))
                         and (sections is None or c.section in sections)
                         and (not kind or c.kind == kind)], dtype=np.int64)

    # --- search ----------------------------------------------------------------------------

    def search(self, question, k=5, offset=0, speaker=None, section=None, kind=None):
        config = self.config
        depth = int(config["CANDIDATES"])
        allowed = self.allowed_rows(speaker, section, kind)
        timings = {}
        started = time.perf_counter()
        vector = self.encoder.encode_queries([question])
        timings["encode_ms"] = _ms(started)

        started = time.perf_counter()
        dense = self.dense.search(vector, depth, allowed)[0]
        sentence = self._sentence_ranking(vector[0], depth, allowed)
        timings["dense_ms"] = _ms(started)

        started = time.perf_counter()
        tokens = expand(analyze_query(question), self.acronyms)
        sparse = self.sparse.search([tokens], depth, allowed)[0]
        timings["sparse_ms"] = _ms(started)

        started = time.perf_counter()
        weights = [float(config["DENSE_WEIGHT"]), float(config["SPARSE_WEIGHT"]), float(config["SENTENCE_WEIGHT"])]
        rankings = [dense, sparse, sentence]
        if config["FUSION"] == "weighted":
            fused = weighted(rankings, weights)
        else:
            fused = rrf(rankings, weights, int(config["RRF_K"]))
        candidates = [Hit(row, self.chunks[row], score, dict(zip(SOURCES, ranks)), None)
                      for row, score, ranks in fused[:depth]]
        for hit in candidates[offset:offset + k]:
            hit.highlight = self.highlight(hit.row, vector[0], tokens)
        timings["fusion_ms"] = _ms(started)
        return SearchResult(question, candidates[offset:offset + k], candidates, timings)

    def _sentence_ranking(self, vector, depth, allowed):
        """Chunks ranked by their best sentence's similarity to the question."""
        if not len(self.sentence_vectors):
            return []
        sims = self.sentence_vectors @ vector
        best = np.full(len(self.chunks), -np.inf, dtype=np.float32)
        np.maximum.at(best, self.spans[:, 0], sims)
        if allowed is not None:
            mask = np.full(len(self.chunks), -np.inf, dtype=np.float32)
            mask[allowed] = 0
            best = best + mask
        top = np.argsort(-best, kind="stable")[:depth]
        return [(int(r), float(best[r])) for r in top if np.isfinite(best[r])]

    def hit(self, row, score, vector, ranks=(None, None, None)):
        return Hit(row=row, chunk=self.chunks[row], score=score, ranks=dict(zip(SOURCES, ranks)),
                   highlight=self.highlight(row, vector))

    def sentence_support(self, row, vector):
        """Cosine of the chunk sentence closest in meaning to vector."""
        indexes = self.sentences_of.get(row)
        return float(np.max(self.sentence_vectors[indexes] @ vector)) if indexes else 0.0

    def highlight(self, row, vector, tokens=()):
        """(start, end) of the chunk sentence that best answers: closest in meaning, with a bonus for
        the question's words (a "who moderated" question should light the "modérée par" sentence)."""
        indexes = self.sentences_of.get(row)
        if not indexes:
            return 0, len(self.chunks[row].text)
        scores = self.sentence_vectors[indexes] @ vector
        if tokens:
            wanted = set(tokens)
            scores = scores + WORD_BONUS * np.array(
                [len(wanted & self._tokens_of(i)) / len(wanted) for i in indexes], dtype=np.float32)
        _, start, end = self.spans[indexes[int(np.argmax(scores))]]
        return int(start), int(end)

    def _tokens_of(self, index):
        if index not in self._sentence_tokens:
            row, start, end = self.spans[index]
            self._sentence_tokens[index] = set(analyze(self.chunks[row].text[start:end]))
        return self._sentence_tokens[index]

    # --- description -----------------------------------------------------------------------

    def describe_speakers(self, chunk):
        """Names, roles and organisations of the chunk's speakers, as one text."""
        return " ".join(" ".join(filter(None, (s.name, s.role, s.organization)))
                        for s in (self._speakers[i] for i in chunk.speakers))

    def speaker_summary(self, speaker_id):
        speaker = self._speakers[speaker_id]
        return {"id": speaker.id, "name": speaker.name, "role": speaker.role, "organization": speaker.organization}

    def section_summary(self, section_id):
        section = self._sections.get(section_id)
        return {"id": section_id, "title": section.title if section else section_id}

    def passage_of(self, hit):
        """The passage holding the hit's highlighted sentence: the one a permalink should open."""
        sentence = hit.chunk.text[hit.highlight[0]:hit.highlight[1]]
        for passage_id in hit.chunk.passages:
            if sentence in self.corpus.passages[self.passage_position[passage_id]].text:
                return passage_id
        return hit.chunk.passages[0]

    def result(self, hit, rank):
        """The API's Result object for a hit."""
        chunk = hit.chunk
        start, end = hit.highlight
        passage_id = self.passage_of(hit)
        return {
            "id": chunk.id, "rank": rank, "score": round(hit.score, 6), "text": chunk.text,
            "highlight": chunk.text[start:end], "highlight_span": [start, end],
            "speakers": [self.speaker_summary(s) for s in chunk.speakers], "group": chunk.group,
            "section": self.section_summary(chunk.section), "kind": chunk.kind,
            "passages": chunk.passages, "passage": passage_id, "url": f"/passages/{passage_id}", "ranks": hit.ranks,
            "source": {"document": self.corpus.document.path, "line_start": chunk.line_start,
                       "line_end": chunk.line_end, "char_start": chunk.char_start, "char_end": chunk.char_end},
        }

    def results(self, hits, first_rank=1):
        return [self.result(hit, rank) for rank, hit in enumerate(hits, start=first_rank)]

    def passage(self, passage_id):
        """The API's Passage object, with the ids of its neighbours in the report."""
        position = self.passage_position.get(passage_id)
        if position is None:
            return None
        passages = self.corpus.passages
        passage = passages[position]
        return {
            "id": passage.id, "section": self.section_summary(passage.section), "kind": passage.kind,
            "speakers": [self.speaker_summary(s) for s in passage.speakers], "group": passage.group,
            "text": passage.text, "url": f"/passages/{passage.id}",
            "source": {"document": self.corpus.document.path, "line_start": passage.line_start,
                       "line_end": passage.line_end, "char_start": passage.char_start, "char_end": passage.char_end},
            "previous": passages[position - 1].id if position > 0 else None,
            "next": passages[position + 1].id if position + 1 < len(passages) else None,
        }

    def speaker_detail(self, speaker_id):
        speaker = self._speakers.get(speaker_id)
        if speaker is None:
            return None
        count = sum(1 for p in self.corpus.passages if speaker_id in p.speakers)
        return {**self.speaker_summary(speaker_id), "honorific": speaker.honorific, "aliases": speaker.aliases,
                "represented_by": speaker.represented_by, "on_behalf_of": speaker.on_behalf_of,
                "appearances": speaker.appearances, "passages": count,
                "moderated": [s.id for s in self.corpus.sections if speaker_id in s.moderators]}

    def facets(self, candidates):
        speakers, sections = {}, {}
        candidates = candidates[:FACET_DEPTH]
        for hit in candidates:
            for speaker in hit.chunk.speakers:
                speakers[speaker] = speakers.get(speaker, 0) + 1
            sections[hit.chunk.section] = sections.get(hit.chunk.section, 0) + 1
        return {
            "depth": len(candidates),
            "speakers": [{**self.speaker_summary(s), "count": n} for s, n in
                         sorted(speakers.items(), key=lambda x: (-x[1], x[0]))],
            "sections": [{**self.section_summary(s), "count": n} for s, n in
                         sorted(sections.items(), key=lambda x: (-x[1], x[0]))],
        }


def _ms(started):
    return round((time.perf_counter() - started) * 1000, 3)

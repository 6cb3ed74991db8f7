"""Retrieval evaluation: hit@1, hit@5, MRR@10 per language and speaker accuracy on a JSONL set.

Each line: {"id", "q", "lang", "evidence": [strings that must be in the retrieved chunk],
"speaker": expected speaker name or null for nobody in particular}.
"""
import json
from pathlib import Path

from qa.analyzer import normalize
from qa.errors import QuestionSetError
from qa.text import fold


def load_questions(path):
    questions = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionSetError(f"{path}: cannot read ({exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item.get("q"), str) or not isinstance(item.get("evidence"), list):
                raise ValueError("needs 'q' (text) and 'evidence' (list)")
        except (ValueError, AttributeError) as exc:
            raise QuestionSetError(f"{path}:{number}: not a question line ({exc})") from None
        questions.append(item)
    return questions


def _canonical(text):
    return " ".join(fold(normalize(text)).split())


def contains_evidence(chunk_text, evidence):
    text = _canonical(chunk_text)
    return all(_canonical(e) in text for e in evidence)


def evaluate(searcher, questions, depth=10):
    rows = []
    for item in questions:
        result = searcher.search(item["q"], k=depth)
        ranks = [i for i, hit in enumerate(result.hits, start=1) if contains_evidence(hit.chunk.text, item["evidence"])]
        first = ranks[0] if ranks else None
        top = result.hits[0] if result.hits else None
        names = [s.name for s in top.speakers] if top else []
        expected = item.get("speaker")
        speaker_ok = (not names) if expected is None else expected in names
        rows.append({"id": item.get("id"), "lang": item.get("lang", "?"), "q": item["q"], "rank": first,
                     "speaker_ok": speaker_ok, "top": top.chunk.id if top else None, "top_speakers": names,
                     "expected_speaker": expected})
    return rows


def summarise(rows):
    groups = {"all": rows}
    for row in rows:
        groups.setdefault(row["lang"], []).append(row)
    summary = {}
    for name, group in groups.items():
        n = len(group) or 1
        summary[name] = {
            "n": len(group),
            "hit@1": sum(1 for r in group if r["rank"] == 1) / n,
            "hit@5": sum(1 for r in group if r["rank"] and r["rank"] <= 5) / n,
            "mrr@10": sum(1 / r["rank"] for r in group if r["rank"]) / n,
            "speaker": sum(1 for r in group if r["speaker_ok"]) / n,
        }
    return summary

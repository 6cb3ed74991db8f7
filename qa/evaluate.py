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
    """Questions with their evidence; a question without "evidence" is one the report does not answer."""
    return _read_jsonl(path, lambda item: isinstance(item.get("q"), str) and isinstance(item.get("evidence", []), list),
                       "needs 'q' (text) and 'evidence' (list)")


def is_statement_set(path):
    """A file of statements (for attribution) rather than of questions: its first line has "text"."""
    lines = _read_jsonl(path, lambda item: True, "")
    return bool(lines) and ("text" in lines[0] or "claim" in lines[0]) and "q" not in lines[0]


def _read_jsonl(path, valid, expectation):
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionSetError(f"{path}: cannot read ({exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not valid(item):
                raise ValueError(expectation)
        except (ValueError, AttributeError) as exc:
            raise QuestionSetError(f"{path}:{number}: not a line of this set ({exc})") from None
        items.append(item)
    return items


def _canonical(text):
    return " ".join(fold(normalize(text)).split())


def contains_evidence(chunk_text, evidence):
    text = _canonical(chunk_text)
    return all(_canonical(e) in text for e in evidence)


def evaluate(searcher, questions, depth=10):
    """Per question, where its evidence came; a question with a "document" is asked of that report only."""
    rows = []
    for item in questions:
        result = searcher.search(item["q"], k=depth, document=item.get("document"))
        answered = "evidence" in item
        # a result stands for a passage (its best chunk shown): the evidence is looked for in both
        ranks = [i for i, hit in enumerate(result.hits, start=1)
                 if answered and contains_evidence(hit.chunk.text + " " + searcher.corpus.passage(hit.passage).text,
                                                   item["evidence"])]
        first = ranks[0] if ranks else None
        top = result.hits[0] if result.hits else None
        names = [s.name for s in top.speakers] if top else []
        expected = item.get("speaker")
        speaker_ok = (not names) if expected is None else expected in names
        rows.append({"id": item.get("id"), "lang": item.get("lang", "?"), "q": item["q"], "rank": first,
                     "speaker_ok": speaker_ok, "top": top.chunk.id if top else None, "top_speakers": names,
                     "expected_speaker": expected, "answered_in_report": answered,
                     "flagged": not result.answerable, "unaddressed": result.unaddressed,
                     "apart": result.scope.apart, "far": result.scope.far})
    return rows


def summarise(rows):
    groups = {"all": rows}
    for row in rows:
        groups.setdefault(row["lang"], []).append(row)
    summary = {}
    for name, group in groups.items():
        outside = [r for r in group if not r["answered_in_report"]]
        group = [r for r in group if r["answered_in_report"]]
        n = len(group) or 1
        summary[name] = {
            "n": len(group),
            "flagged": sum(1 for r in group if r["flagged"]) / n,  # real questions said not to be answered
            "outside": len(outside),
            "outside_flagged": sum(1 for r in outside if r["flagged"]) / (len(outside) or 1),
            "hit@1": sum(1 for r in group if r["rank"] == 1) / n,
            "hit@5": sum(1 for r in group if r["rank"] and r["rank"] <= 5) / n,
            "mrr@10": sum(1 / r["rank"] for r in group if r["rank"]) / n,
            "speaker": sum(1 for r in group if r["speaker_ok"]) / n,
        }
    return summary


# --- attribution -------------------------------------------------------------------------------
# Each line: {"id", "text", "lang", "kind": paraphrased|misquoted|invented|claimed, "speaker": who said
# it (null for an invented statement), "verdict"?, "differences"?: [{"statement", "report"}],
# "claimed_speaker"? with "speaker_check"?}.


def load_statements(path):
    """Statements, also in the development sets' wording ("claim", "changed", "claimed_speaker" with
    "true_speaker" and "expect")."""
    statements = []
    for item in _read_jsonl(path, lambda i: isinstance(i.get("text", i.get("claim")), str), "needs 'text'"):
        item = {**item, "text": item.get("text", item.get("claim"))}
        if item.get("kind") == "claimed_speaker":
            item.update(kind="claimed", speaker=item.get("true_speaker"), speaker_check=item.get("expect"))
        if "changed" in item:
            item["differences"] = [{"statement": item["changed"]["claim"], "report": item["changed"]["report"]}]
        if item.get("kind") in ("paraphrased", "misquoted"):
            item.setdefault("verdict", item["kind"])
        statements.append(item)
    return statements


def evaluate_attribution(attributor, statements):
    rows = []
    for item in statements:
        found = attributor.attribute(item["text"], speaker=item.get("claimed_speaker"))
        top = found.candidates[0].speaker.name if found.candidates and found.candidates[0].speaker else None
        attributed = found.verdict != "not_found"
        expected = item.get("speaker")
        rows.append({
            "id": item.get("id"), "lang": item.get("lang", "?"), "kind": item.get("kind", "?"),
            "text": item["text"], "verdict": found.verdict, "expected_verdict": item.get("verdict"),
            "speaker": top, "expected_speaker": expected,
            "right_speaker": attributed and top == expected,
            "wrong_person": attributed and top is not None and top != expected,
            "speaker_check": found.speaker_check, "expected_check": item.get("speaker_check"),
            "differences": found.candidates[0].differences if found.verdict == "misquoted" else [],
            "right_differences": found.verdict == "misquoted" and _same_differences(
                found.candidates[0].differences, item.get("differences", [])),
        })
    return rows


def summarise_attribution(rows):
    """The figures of the attribution targets, per kind of statement."""
    def share(selected, test):
        return round(sum(1 for r in selected if test(r)) / len(selected), 3) if selected else None

    paraphrases = [r for r in rows if r["kind"] == "paraphrased"]
    misquotes = [r for r in rows if r["kind"] == "misquoted"]
    invented = [r for r in rows if r["kind"] == "invented"]
    claimed = [r for r in rows if r["expected_check"]]
    return {
        "n": len(rows),
        "paraphrase_right_speaker": share(paraphrases, lambda r: r["right_speaker"]),
        "paraphrase_by_lang": {lang: share([r for r in paraphrases if r["lang"] == lang], lambda r: r["right_speaker"])
                               for lang in sorted({r["lang"] for r in paraphrases})},
        "wrong_person": sum(1 for r in rows if r["wrong_person"]),
        "invented_not_found": share(invented, lambda r: r["verdict"] == "not_found"),
        "misquoted_right_difference": share(misquotes, lambda r: r["right_differences"]),
        "misquoted_verdict": share(misquotes, lambda r: r["verdict"] == "misquoted"),
        "speaker_check_confirmed": share([r for r in claimed if r["expected_check"] == "confirmed"],
                                         lambda r: r["speaker_check"] == "confirmed"),
        "speaker_check_other": share([r for r in claimed if r["expected_check"] == "other_speaker"],
                                     lambda r: r["speaker_check"] == "other_speaker"),
    }


def _same_differences(found, expected):
    """Every expected difference is among those found: the statement's words and the report's."""
    def has(side, text, pairs):  # the same words, or one side's words within the other's ("au Ghana", "Ghana")
        return any(_canonical(text) in _canonical(pair[side]) or _canonical(pair[side]) in _canonical(text)
                   for pair in pairs)
    return bool(expected) and all(has("statement", e["statement"], found) and has("report", e["report"], found)
                                  for e in expected)


def retrieval_report(summary, rows):
    """The figures per language, then every question answered wrongly or flagged, as text."""
    lines = [f"{'set':6} {'n':>4} {'hit@1':>7} {'hit@5':>7} {'mrr@10':>7} {'speaker':>8} {'flagged':>8} "
             f"{'outside':>8} {'flagged':>8}"]
    for name, figures in summary.items():
        lines.append(f"{name:6} {figures['n']:>4} {figures['hit@1']:>7.3f} {figures['hit@5']:>7.3f} "
                     f"{figures['mrr@10']:>7.3f} {figures['speaker']:>8.3f} {figures['flagged']:>8.3f} "
                     f"{figures['outside']:>8} {figures['outside_flagged']:>8.3f}")
    for row in rows:
        if not row["answered_in_report"]:
            if not row["flagged"]:
                lines.append(f"not flagged {row['id']} [{row['lang']}]: {row['q']}")
            continue
        if row["flagged"]:
            why = ", ".join(row["unaddressed"]) or ("never together: " + " + ".join(row["apart"]) if row["apart"]
                                                    else "far from every sentence")
            lines.append(f"flagged {row['id']} [{row['lang']}] as not in the report ({why}): "
                         f"{row['q']}")
        if row["rank"] != 1 or not row["speaker_ok"]:
            lines.append(f"miss {row['id']} [{row['lang']}] rank={row['rank']} top={row['top']} "
                         f"speakers={row['top_speakers']} expected={row['expected_speaker']}: {row['q']}")
    return "\n".join(lines)


def attribution_report(summary, rows):
    """The attribution figures, then every statement judged wrongly, as text."""
    lines = [f"{name:28} {value}" for name, value in summary.items()]
    for row in rows:
        wrong = (row["expected_verdict"] and row["verdict"] != row["expected_verdict"]) or row["wrong_person"] \
            or (row["expected_check"] and row["speaker_check"] != row["expected_check"]) \
            or (row["kind"] == "misquoted" and not row["right_differences"]) \
            or (row["kind"] == "paraphrased" and not row["right_speaker"])
        if wrong:
            lines.append(f"miss {row['id']} [{row['lang']}] {row['kind']}: verdict={row['verdict']} "
                         f"speaker={row['speaker']} check={row['speaker_check']} differences={row['differences']} "
                         f"expected={row['expected_verdict'] or row['expected_check']}/{row['expected_speaker']}: "
                         f"{row['text'][:90]}")
    return "\n".join(lines)

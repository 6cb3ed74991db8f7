"""`python -m qa` commands, run as a user runs them."""
import json
import subprocess
import sys

import pytest

from conftest import MINI_REPORT, ROOT


def qa(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=timeout)


def test_corpus_summary():
    done = qa("corpus")
    assert done.returncode == 0
    assert "Sections (20):" in done.stdout and "Matthijs Korzilius [matthijs-korzilius]" in done.stdout
    assert "co-chairs: Nigeria, France" in done.stdout


def test_corpus_json(tmp_path):
    out = tmp_path / "corpus.json"
    assert qa("corpus", "--report", str(MINI_REPORT), "--out", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"document", "sections", "speakers", "passages", "warnings"} <= set(data)
    assert data["passages"][0]["line_start"] == 1


@pytest.mark.parametrize("args, message", [
    (("corpus", "--report", "/no/such/report.md"), "no such file"),
    (("search", "x", "--index-dir", "/no/such/index"), "no index"),
    (("bogus",), "invalid choice"),
])
def test_errors_are_messages_not_tracebacks(args, message):
    done = qa(*args)
    assert done.returncode != 0 and message in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_index_search_and_eval(tmp_path):
    env = {"QA_CORPUS": str(MINI_REPORT), "QA_INDEX_DIR": str(tmp_path / "index"), "PATH": ""}
    built = qa("index", env=env)
    assert built.returncode == 0 and "chunks" in built.stdout
    found = qa("search", "Combien d'élèves ont été formés ?", "--k", "2", "--json", env=env)
    results = json.loads(found.stdout)["results"]
    assert results[0]["speakers"][0]["name"] == "Jean Martin"
    readable = qa("search", "Combien d'élèves ont été formés ?", "--speaker", "Mme Sall", env=env)
    assert readable.returncode == 0 and "Fatou Sall" in readable.stdout
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "1", "q": "élèves formés en 2025", "lang": "fr",
                                     "evidence": ["3 442 élèves"], "speaker": "Jean Martin"}) + "\n", encoding="utf-8")
    assert qa("eval", str(questions), "--min-hit1", "0.5", env=env).returncode == 0
    impossible = qa("eval", str(questions), "--min-hit1", "1.01", env=env)
    assert impossible.returncode == 1 and "under the thresholds" in impossible.stderr


def test_serve_with_unreadable_report_exits_non_zero(tmp_path):
    env = {"QA_CORPUS": str(tmp_path / "missing.md"), "QA_INDEX_DIR": str(tmp_path / "index"), "PATH": ""}
    done = qa("serve", "--port", "8799", env=env, timeout=60)
    assert done.returncode != 0 and "missing.md: no such file" in done.stderr

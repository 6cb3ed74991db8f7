"""`python -m qa` commands, called as main(argv) in process; one real subprocess for the entry point."""
import json
import os
import subprocess
import sys

import pytest

from qa.cli import main

from conftest import MINI_REPORT, ROOT


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*argv, **env) -> (exit code, stdout, stderr), with only the given QA_* variables set."""
    def invoke(*argv, **env):
        for name in [n for n in os.environ if n.startswith("QA_")]:
            monkeypatch.delenv(name)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err
    return invoke


def test_corpus_summary(run):
    code, out, _ = run("corpus")
    assert code == 0
    assert "Sections (20):" in out and "Matthijs Korzilius [matthijs-korzilius]" in out
    assert "co-chairs: Nigeria, France" in out


def test_corpus_json(run, tmp_path):
    out = tmp_path / "corpus.json"
    assert run("corpus", "--report", str(MINI_REPORT), "--out", str(out))[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"documents", "sections", "speakers", "passages", "warnings"} <= set(data)
    assert data["passages"][0]["line_start"] == 1


@pytest.mark.parametrize("args, message", [
    (("corpus", "--report", "/no/such/report.md"), "no such file"),
    (("search", "x", "--index-dir", "/no/such/index"), "no index"),
])
def test_errors_are_messages_not_tracebacks(run, args, message):
    code, _, err = run(*args)
    assert code == 2 and message in err and "Traceback" not in err


def test_unknown_command_is_a_usage_error(run, capsys):
    with pytest.raises(SystemExit) as exit_:
        run("bogus")
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("env, flags, named", [
    ({"QA_FUSION": "rfr"}, (), "QA_FUSION"),
    ({"QA_FAISS_INDEX": "annoy"}, (), "QA_FAISS_INDEX"),
    ({"QA_TOP_K": "five"}, (), "QA_TOP_K"),
    ({"QA_CHUNK_WORDS": "0"}, (), "QA_CHUNK_WORDS"),
    ({}, ("--port", "99999"), "QA_PORT"),
    ({}, ("--workers", "0"), "QA_WORKERS"),
])
def test_a_bad_setting_stops_at_start_naming_it(run, tmp_path, env, flags, named):
    code, _, err = run("serve", "--index-dir", str(tmp_path / "index"), *flags, **env)
    assert code == 2 and err.startswith(f"error: {named} is ") and "must be" in err
    assert not (tmp_path / "index").exists()  # stopped before anything was built


def test_serve_with_unreadable_report_exits_non_zero(run, tmp_path):
    code, _, err = run("serve", "--port", "8799", QA_CORPUS=str(tmp_path / "missing.md"),
                       QA_INDEX_DIR=str(tmp_path / "index"))
    assert code == 2 and "missing.md: no such file" in err


@pytest.mark.slow
def test_index_search_and_eval_as_a_user_runs_them(tmp_path):
    """Through `python -m qa`, the real encoder, and nothing but the QA_* variables."""
    def qa(*args):
        env = {"QA_CORPUS": str(MINI_REPORT), "QA_INDEX_DIR": str(tmp_path / "index"), "PATH": ""}
        return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, cwd=ROOT,
                              env=env, timeout=120)

    built = qa("index")
    assert built.returncode == 0 and "chunks" in built.stdout
    found = qa("search", "Combien d'élèves ont été formés ?", "--k", "2", "--json")
    results = json.loads(found.stdout)["results"]
    assert results[0]["speakers"][0]["name"] == "Jean Martin"
    readable = qa("search", "Combien d'élèves ont été formés ?", "--speaker", "Mme Sall")
    assert readable.returncode == 0 and "Fatou Sall" in readable.stdout
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "1", "q": "élèves formés en 2025", "lang": "fr",
                                     "evidence": ["3 442 élèves"], "speaker": "Jean Martin"}) + "\n", encoding="utf-8")
    assert qa("eval", str(questions), "--min-hit1", "0.5").returncode == 0
    impossible = qa("eval", str(questions), "--min-hit1", "1.01")
    assert impossible.returncode == 1 and "under the thresholds" in impossible.stderr
    bad = qa("eval", str(tmp_path / "none.jsonl"))
    assert bad.returncode == 2 and "cannot read" in bad.stderr and "Traceback" not in bad.stderr


def test_documents_lists_the_reports_of_the_folder(run, tmp_path):
    import shutil

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(MINI_REPORT, folder)
    shutil.copy(ROOT / "tests" / "data" / "dakar_report.en.md", folder)
    code, out, _ = run("documents", "--json", QA_CORPUS=str(folder), QA_INDEX_DIR=str(tmp_path / "index"))
    listed = json.loads(out)["documents"]
    assert code == 0 and [d["id"] for d in listed] == ["dakar-report", "mini-report"]
    assert all(not d["indexed"] for d in listed)
    code, out, _ = run("documents", QA_CORPUS=str(folder), QA_INDEX_DIR=str(tmp_path / "index"))
    assert "dakar-report  Rabat Process Thematic Meeting" in out and "not in the index yet" in out


@pytest.mark.parametrize("name, content, message", [
    ("notes.xlsx", b"x", "it reads .md, .txt, .pdf, .docx"),
    ("scan.pdf", b"%PDF-1.4 broken", "not a readable PDF"),
    ("missing.pdf", None, "no such file"),
])
def test_add_refuses_what_it_cannot_read(run, tmp_path, name, content, message):
    import shutil

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(MINI_REPORT, folder)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, _, err = run("add", str(path), QA_CORPUS=str(folder), QA_INDEX_DIR=str(tmp_path / "index"))
    assert code == 2 and message in err and name in err
    assert sorted(p.name for p in folder.iterdir()) == ["mini_report.md"]


def test_remove_names_the_reports_when_the_id_is_unknown(run, tmp_path):
    code, _, err = run("remove", "nope", QA_CORPUS=str(ROOT / "corpus"), QA_INDEX_DIR=str(tmp_path / "index"))
    assert code == 2 and "lagos-2025-joint-thematic-meeting" in err

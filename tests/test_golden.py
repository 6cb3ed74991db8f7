"""Retrieval regressions on the real report with the real encoder, on questions written for the tests."""
import pytest

from qa.evaluate import evaluate, load_questions, summarise

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def summary(real_searcher):
    return summarise(evaluate(real_searcher, load_questions(ROOT / "tests" / "data" / "questions.own.jsonl")))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_answers_are_found(summary, lang):
    assert summary[lang]["hit@5"] >= 0.9
    assert summary[lang]["hit@1"] >= 0.8


def test_answers_carry_the_right_speaker(summary):
    assert summary["all"]["speaker"] >= 0.9


@pytest.fixture(scope="module")
def with_english_report(real_config, tmp_path_factory):
    """The Lagos report and the English test report, as PDF, in one index with the real encoder
    (the Lagos texts come from the real index's embedding cache)."""
    import shutil

    from qa import config, store
    from qa.build import build_index
    from qa.searcher import Searcher
    from render import to_pdf

    from conftest import REPORT, quiet

    root = tmp_path_factory.mktemp("two")
    (root / "corpus").mkdir()
    shutil.copy(REPORT, root / "corpus")
    to_pdf((ROOT / "tests" / "data" / "dakar_report.en.md").read_text(encoding="utf-8"),
           root / "corpus" / "dakar-2026.en.pdf")
    shutil.copytree(store.cache_folder(real_config["INDEX_DIR"]), store.cache_folder(root / "index"))
    values = config.load({"CORPUS": str(root / "corpus"), "INDEX_DIR": str(root / "index")}, environ={})
    build_index(values, log=quiet)
    return Searcher.load(values)


def test_the_english_report_from_its_pdf_answers_its_questions(with_english_report):
    questions = load_questions(ROOT / "tests" / "data" / "questions.dakar.jsonl")
    for question in questions:
        question["document"] = "dakar-2026"
    summary = summarise(evaluate(with_english_report, questions))
    assert summary["all"]["hit@5"] >= 0.9 and summary["all"]["speaker"] >= 0.8


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_second_report_leaves_the_lagos_answers_found(with_english_report, lang):
    summary = summarise(evaluate(with_english_report, load_questions(ROOT / "tests" / "data" / "questions.own.jsonl")))
    assert summary[lang]["hit@5"] >= 0.9

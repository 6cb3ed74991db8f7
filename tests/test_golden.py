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

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "corpus" / "lagos-2025-joint-thematic-meeting.fr.md"


@pytest.fixture(scope="session")
def report_path():
    return REPORT


@pytest.fixture(scope="session")
def corpus(report_path):
    from qa.corpus.parse import parse_report

    return parse_report(report_path)


@pytest.fixture
def write_report(tmp_path):
    """Write a small report (dedented) and return its path."""

    def write(text, name="report.md"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write

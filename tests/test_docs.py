"""The README documents every setting and its two commands exist."""
from qa.config import SETTINGS

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    missing = [s.name for s in SETTINGS if f"`QA_{s.name}`" not in README]
    assert not missing


def test_the_two_commands_exist():
    for command in ("bash scripts/serve.sh", "bash scripts/test.sh"):
        assert command in README
        assert (ROOT / command.split()[1]).exists()
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_the_evaluation_command_reads_sets_of_the_repository():
    import re

    sets = re.findall(r"python -m qa eval ([\w./-]+\.jsonl)", README)
    assert sets and all((ROOT / path).is_file() for path in sets)

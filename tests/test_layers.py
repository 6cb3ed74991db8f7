"""Where things live: the core knows no HTTP and builds no URL; settings are checked once, at load."""
import ast

import pytest

from qa import config
from qa.errors import SettingError

from conftest import ROOT

# the edges: the app factory, the HTTP server, the command line (which prints the API's JSON)
EDGES = ("__init__.py", "server.py", "cli.py", "__main__.py")
CORE = [p for p in (ROOT / "qa").rglob("*.py") if "web" not in p.parts and p.name not in EDGES]


def imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield node.module or ""


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_knows_no_http(path):
    assert not [m for m in imports(path) if m.split(".")[0] in ("flask", "werkzeug") or m.startswith("qa.web")]
    assert "/passages/" not in path.read_text(encoding="utf-8")


def test_errors_carry_no_http_status():
    from qa import errors

    kinds = [k for k in vars(errors).values() if isinstance(k, type) and issubclass(k, errors.QAError)]
    assert len(kinds) > 10 and not [k for k in kinds if hasattr(k, "status")]


def test_settings_are_cast_and_checked():
    loaded = config.load({"TOP_K": "7", "DENSE_WEIGHT": "0.5"}, environ={"QA_FUSION": "rrf"})
    assert loaded["TOP_K"] == 7 and loaded["DENSE_WEIGHT"] == 0.5 and loaded["FUSION"] == "rrf"
    assert config.build_settings(loaded) == {name: loaded[name] for name in config.BUILD_SETTINGS}


@pytest.mark.parametrize("overrides, message", [
    ({"FUSION": "RRF "}, "QA_FUSION is 'RRF ': it must be one of weighted, rrf"),
    ({"MAX_K": 0}, "QA_MAX_K is 0: it must be an integer from 1 to 1000"),
    ({"TOP_K": 2.5}, "QA_TOP_K is 2.5"),
    ({"TOP_K": 60}, "QA_TOP_K is 60: it must not exceed QA_MAX_K (50)"),
    ({"EMBEDDER": " "}, "QA_EMBEDDER is ' ': it must be a text"),
    ({"SPARSE_WEIGHT": "heavy"}, "QA_SPARSE_WEIGHT is 'heavy': it must be a number from 0 to 100"),
])
def test_a_bad_setting_names_itself_and_what_it_accepts(overrides, message):
    with pytest.raises(SettingError) as error:
        config.load(overrides, environ={})
    assert error.value.message.startswith(message)

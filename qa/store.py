"""The index on disk, and the only module that knows its layout: file names, manifest, atomic
publication, checks at load and staleness.

INDEX_DIR holds builds side by side and a symlink `current` to the one being served. A build is
written into a fresh folder and published by replacing the symlink in one rename, so an
interrupted build never touches the index being served.
"""
import json
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from qa.config import build_settings
from qa.corpus.library import fingerprint
from qa.corpus.readers import file_sha256
from qa.corpus.chunks import Chunk
from qa.corpus.model import Corpus
from qa.dense import FaissIndex
from qa.errors import IndexFolderError, IndexMismatchError, IndexNotBuiltError
from qa.sentences import SentenceIndex
from qa.sparse import BM25Index
from qa.vocabulary import Vocabulary

MANIFEST = "manifest.json"
DENSE = "dense.faiss"
SPARSE = "bm25"  # a folder: bm25s writes several files
SENTENCE_VECTORS = "sentences.npy"
SENTENCE_SPANS = "sentence_spans.npy"
CLAUSE_VECTORS = "clauses.npy"
CLAUSE_SPANS = "clause_spans.npy"
VOCABULARY = "vocabulary.json"
VOCABULARY_VECTORS = "vocabulary.npy"
VOCABULARY_PHRASES = "vocabulary_phrases.npy"
CHUNKS = "chunks.jsonl"
ACRONYMS = "acronyms.json"
CORPUS = "corpus.json"
FORMAT = 6  # 2: clauses and the encoder's calibration; 3: the vocabulary; 4: several reports; 5: words in phrases;
# 6: a bracketed list is a clause
CHECKSUM_LIMIT = 256 * 1024 * 1024  # files larger than this are checked by size only at load


@dataclass
class StoredIndex:
    """Everything an index folder holds, loaded."""

    manifest: dict
    corpus: Corpus
    chunks: list
    dense: FaissIndex
    sparse: BM25Index
    sentences: SentenceIndex
    clauses: SentenceIndex  # the clauses of long enumerated sentences, for attribution
    vocabulary: Vocabulary  # the report's words, embedded, for questions in other languages
    acronyms: dict  # the report's own "long form (ACR)" pairs: acronym -> analysed long form


def current(index_dir):
    return Path(index_dir) / "current"


def cache_folder(index_dir):
    """The embedding cache, beside the builds: it outlives them."""
    return Path(index_dir) / "cache"


def save_index(index_dir, stored):
    """Write stored into a new build folder, record its files in the manifest, publish it; return the manifest."""
    discard_partial_builds(index_dir)
    folder = _new_build_folder(index_dir)
    try:
        stored.dense.save(folder / DENSE)
        stored.sparse.save(folder / SPARSE)
        stored.sentences.save(folder / SENTENCE_VECTORS, folder / SENTENCE_SPANS)
        stored.clauses.save(folder / CLAUSE_VECTORS, folder / CLAUSE_SPANS)
        stored.vocabulary.save(folder / VOCABULARY, folder / VOCABULARY_VECTORS, folder / VOCABULARY_PHRASES)
        with open(folder / CHUNKS, "w", encoding="utf-8") as handle:
            for chunk in stored.chunks:
                handle.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
        (folder / ACRONYMS).write_text(json.dumps(stored.acronyms, ensure_ascii=False), encoding="utf-8")
        (folder / CORPUS).write_text(json.dumps(stored.corpus.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
        manifest = _write_manifest(folder, stored.manifest)
    except OSError as exc:
        raise IndexFolderError(f"{folder}: cannot write the index ({exc.strerror or exc})") from None
    _publish(folder, index_dir)
    return manifest


def load_index(config):
    """The current index for config, its files checked; IndexNotBuiltError if there is none,
    IndexMismatchError if it was built from another report or settings, or is damaged."""
    folder, manifest = read_manifest(config["INDEX_DIR"])
    reasons = stale_reasons(manifest, config)
    if reasons:
        raise IndexMismatchError(f"the index in {config['INDEX_DIR']} is stale: {'; '.join(reasons)}; "
                                 f"rebuild it with `python -m qa index`")
    try:
        corpus = Corpus.from_dict(json.loads((folder / CORPUS).read_text(encoding="utf-8")))
        chunks = [Chunk(**json.loads(line)) for line in (folder / CHUNKS).open(encoding="utf-8")]
        acronyms = json.loads((folder / ACRONYMS).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise IndexMismatchError(f"{folder}: damaged index ({exc})") from None
    if len(chunks) != manifest["chunks"]:
        raise IndexMismatchError(f"{folder}: the chunk or sentence tables do not match the manifest")
    sentences = SentenceIndex.load(folder / SENTENCE_VECTORS, folder / SENTENCE_SPANS, len(chunks),
                                   manifest["sentences"])
    clauses = SentenceIndex.load(folder / CLAUSE_VECTORS, folder / CLAUSE_SPANS, len(chunks), manifest["clauses"])
    dense = FaissIndex.load(folder / DENSE, manifest["dense_index"], len(chunks), manifest["dim"])
    sparse = BM25Index.load(folder / SPARSE, len(chunks))
    vocabulary = Vocabulary.load(folder / VOCABULARY, folder / VOCABULARY_VECTORS, folder / VOCABULARY_PHRASES)
    return StoredIndex(manifest, corpus, chunks, dense, sparse, sentences, clauses, vocabulary, acronyms)


def _new_build_folder(index_dir):
    index_dir = Path(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        folder = index_dir / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}.partial"
        folder.mkdir()
    except OSError as exc:
        raise IndexFolderError(f"{index_dir}: cannot create a build folder ({exc.strerror or exc})") from None
    return folder


def _publish(folder, index_dir):
    """Make folder the current index in one atomic rename, then remove older builds."""
    index_dir = Path(index_dir)
    final = folder.with_suffix("")
    folder.rename(final)
    link = index_dir / f".current-{uuid.uuid4().hex[:6]}"
    link.symlink_to(final.name)
    os.replace(link, current(index_dir))
    for old in index_dir.glob("build-*"):  # the cache folder is kept
        if old != final and not old.name.endswith(".partial"):
            shutil.rmtree(old, ignore_errors=True)
    return final


def discard_partial_builds(index_dir, older_than=3600):
    """Folders left by builds that were killed, once they are clearly abandoned."""
    for partial in Path(index_dir).glob("build-*.partial"):
        if time.time() - partial.stat().st_mtime > older_than:
            shutil.rmtree(partial, ignore_errors=True)


def check_folder(index_dir):
    """Create the index folder if needed; IndexFolderError when it cannot be created or read."""
    try:
        os.makedirs(index_dir, exist_ok=True)
    except OSError as exc:
        raise IndexFolderError(f"{index_dir}: cannot create the index folder ({exc.strerror})") from None
    if not os.access(index_dir, os.R_OK | os.X_OK):
        raise IndexFolderError(f"{index_dir}: the index folder is not readable")


def _write_manifest(folder, manifest):
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        size = path.stat().st_size
        files[str(path.relative_to(folder))] = {"size": size, "sha256": file_sha256(path)}
    manifest = {**manifest, "format": FORMAT, "files": files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def read_manifest(index_dir):
    """The manifest of the current index, its files checked; IndexNotBuiltError if there is none."""
    folder = current(index_dir)
    path = folder / MANIFEST
    if not folder.exists() or not path.exists():
        raise IndexNotBuiltError(f"no index in {index_dir} yet: `python -m qa index` builds it "
                                 f"(`python -m qa serve` does so by itself)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexMismatchError(f"{path}: unreadable manifest ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise IndexMismatchError(f"{path}: index format {manifest.get('format')}, this version reads {FORMAT}")
    for name, expected in manifest.get("files", {}).items():
        file = folder / name
        if not file.is_file():
            raise IndexMismatchError(f"{file}: missing from the index")
        if file.stat().st_size != expected["size"]:
            raise IndexMismatchError(f"{file}: {file.stat().st_size} bytes, the manifest says {expected['size']}")
        if expected["size"] <= CHECKSUM_LIMIT and file_sha256(file) != expected["sha256"]:
            raise IndexMismatchError(f"{file}: content differs from the manifest (corrupted or edited)")
    return folder, manifest


def stale_reasons(manifest, config):
    """Why this index does not serve this configuration; [] when it does (the reports are read
    here, so a missing one raises its own ReportError)."""
    reasons = []
    files, built_from = fingerprint(config["CORPUS"]), manifest.get("corpus_files", {})
    added = sorted(set(files) - set(built_from))
    removed = sorted(set(built_from) - set(files))
    changed = sorted(name for name in set(files) & set(built_from) if files[name] != built_from[name])
    for label, names in (("added", added), ("removed", removed), ("changed", changed)):
        if names:
            reasons.append(f"report{'s' if len(names) > 1 else ''} {label} since the index was built: {', '.join(names)}")
    built = manifest.get("settings", {})
    for name, value in build_settings(config).items():
        if built.get(name) != value:
            reasons.append(f"{name} is {value!r}, the index was built with {built.get(name)!r}")
    return reasons

"""The index on disk: layout, manifest, atomic publication and staleness checks.

INDEX_DIR holds builds side by side and a symlink `current` to the one being served. A build is
written into a fresh folder and published by replacing the symlink in one rename, so an
interrupted build never touches the index being served.
"""
import hashlib
import json
import os
import shutil
import time
import uuid
from pathlib import Path

from qa.corpus.blocks import read_report
from qa.errors import IndexMismatchError, IndexNotBuiltError

MANIFEST = "manifest.json"
FORMAT = 1
CHECKSUM_LIMIT = 256 * 1024 * 1024  # files larger than this are checked by size only at load
# Settings that change what is in the index: a change makes the index stale.
BUILD_SETTINGS = ("EMBEDDER", "CHUNK_WORDS", "FAISS_INDEX", "APPROX_FROM")


def current(index_dir):
    return Path(index_dir) / "current"


def new_build_folder(index_dir):
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    folder = index_dir / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}.partial"
    folder.mkdir()
    return folder


def publish(folder, index_dir):
    """Make folder the current index in one atomic rename, then remove older builds."""
    index_dir = Path(index_dir)
    final = folder.with_suffix("")
    folder.rename(final)
    link = index_dir / f".current-{uuid.uuid4().hex[:6]}"
    link.symlink_to(final.name)
    os.replace(link, current(index_dir))
    for old in index_dir.glob("build-*"):
        if old != final and not old.name.endswith(".partial"):
            shutil.rmtree(old, ignore_errors=True)
    return final


def discard_partial_builds(index_dir, older_than=3600):
    """Folders left by builds that were killed, once they are clearly abandoned."""
    for partial in Path(index_dir).glob("build-*.partial"):
        if time.time() - partial.stat().st_mtime > older_than:
            shutil.rmtree(partial, ignore_errors=True)


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def settings_of(config):
    return {name: config[name] for name in BUILD_SETTINGS}


def write_manifest(folder, manifest):
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
        raise IndexNotBuiltError(f"no index in {index_dir}: build it with `python -m qa index`")
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
    """Why this index does not serve this configuration; [] when it does (the report is read here,
    so an unreadable report raises its own ReportError)."""
    reasons = []
    corpus_sha256 = hashlib.sha256(read_report(config["CORPUS"]).encode("utf-8")).hexdigest()
    if manifest.get("corpus_sha256") != corpus_sha256:
        reasons.append("the report changed since the index was built")
    built = manifest.get("settings", {})
    for name, value in settings_of(config).items():
        if built.get(name) != value:
            reasons.append(f"{name} is {value!r}, the index was built with {built.get(name)!r}")
    return reasons

"""Adding, listing and removing the reports of the corpus folder, the index rebuilt after each change.

A report is read and parsed before anything changes; the index is rebuilt (texts already encoded
come from the embedding cache) and published atomically. If the rebuild fails, the corpus folder is
put back as it was and the served index was never touched.
"""
import os
import shutil
import time
from pathlib import Path

from qa.corpus.library import report_files
from qa.corpus.parse import document_id, parse_report
from qa.corpus.readers import file_sha256
from qa.errors import NotFoundError, ReportError

REMOVED = ".removed"  # where `remove` puts a report's file: out of the corpus, not deleted


def corpus_folder(config):
    folder = Path(config["CORPUS"])
    if not folder.is_dir():
        raise ReportError(f"QA_CORPUS is {str(folder)!r}, one file: adding or removing reports needs a folder; "
                          f"set QA_CORPUS to the folder of the reports (the default is corpus/)")
    return folder


def add_report(config, path, build, log=print):
    """Copy the report at path into the corpus folder and rebuild the index; return (Document, manifest)."""
    folder = corpus_folder(config)
    path = Path(path)
    started = time.perf_counter()
    log(f"reading {path}")
    parsed = parse_report(path)
    document = parsed.document
    log(f"{path.name}: {document.title or '(untitled)'}; {document.language}, {document.pages or 'no'} pages, "
        f"{len(parsed.passages)} passages, {len(parsed.speakers)} speakers in {time.perf_counter() - started:.1f} s")
    for warning in parsed.warnings:
        log(f"warning: {warning}")
    target = folder / path.name
    sha256 = file_sha256(path)
    for existing in report_files(folder):
        if file_sha256(existing) == sha256:
            raise ReportError(f"{path.name}: this report is already in the corpus, as {existing.name}")
        if document_id(existing) == document.id:
            raise ReportError(f"{path.name}: the report {existing.name} already has the id {document.id!r}; "
                              f"remove it first (`python -m qa remove {document.id}`) or rename the new file")
    partial = folder / f".{path.name}.partial"
    shutil.copyfile(path, partial)
    os.replace(partial, target)
    try:
        manifest = build(config)
    except BaseException:
        target.unlink(missing_ok=True)
        log(f"the index was not changed; {target} taken out again")
        raise
    return document, manifest


def remove_report(config, report_id, build, log=print):
    """Take the report with this id out of the corpus folder (into .removed/) and rebuild the index."""
    folder = corpus_folder(config)
    files = report_files(folder)
    found = [path for path in files if document_id(path) == report_id]
    if not found:
        known = ", ".join(sorted(document_id(p) for p in files))
        raise NotFoundError(f"no report has the id {report_id!r}; the reports are: {known}", code="unknown_document")
    if len(files) == 1:
        raise ReportError(f"{report_id} is the only report; the service needs at least one")
    path = found[0]
    removed = folder / REMOVED
    removed.mkdir(exist_ok=True)
    parked = removed / path.name
    os.replace(path, parked)
    log(f"moved {path.name} to {parked}")
    try:
        manifest = build(config)
    except BaseException:
        os.replace(parked, path)
        log(f"the index was not changed; {path.name} put back")
        raise
    return parked, manifest

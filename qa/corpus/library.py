"""The corpus: one report file or a folder of reports, parsed and merged into one Corpus.

Ids are unique across reports and stable: a passage or section id is the report's id and the id
the report gives it, "lagos-2025-joint-thematic-meeting:session-1-03"; adding or removing another
report changes none of them. A person named the same way in several reports is one speaker, with
each report's role and organisation in `documents`. Reports are kept in the order of their dates.
"""
import re
from dataclasses import replace
from pathlib import Path

from qa.corpus.model import Corpus
from qa.corpus.parse import parse_report
from qa.corpus.readers import file_sha256
from qa.corpus.readers import READABLE
from qa.errors import ReportError
from qa.text import fold

SEPARATOR = ":"
MONTHS = {month: number for number, names in enumerate((
    "janvier january", "février february fevrier", "mars march", "avril april", "mai may", "juin june",
    "juillet july", "août august aout", "septembre september", "octobre october", "novembre november",
    "décembre december decembre"), start=1) for month in names.split()}


def qualified(document_id, local_id):
    return f"{document_id}{SEPARATOR}{local_id}"


def local_part(item_id):
    return item_id.split(SEPARATOR, 1)[-1]


def report_files(location):
    """The report files QA_CORPUS names: the file itself, or every readable file of the folder."""
    location = Path(location)
    if location.is_dir():
        files = sorted(p for p in location.iterdir()
                       if p.is_file() and p.suffix.lower() in READABLE and not p.name.startswith("."))
        if not files:
            raise ReportError(f"{location}: no report in this folder (it reads {', '.join(READABLE)} files)")
        return files
    if not location.exists():
        raise ReportError(f"{location}: no such file or folder")
    return [location]


def fingerprint(location):
    """{file name: sha256} of the corpus: what an index was built from."""
    return {path.name: file_sha256(path) for path in report_files(location)}


def load_corpus(location, log=None):
    """Parse every report QA_CORPUS names and merge them."""
    corpora = []
    for path in report_files(location):
        corpus = parse_report(path)
        if log:
            document = corpus.document
            log(f"{path.name}: {document.language}, {document.pages or 'no'} pages, {len(corpus.passages)} passages, "
                f"{len(corpus.speakers)} speakers")
        corpora.append(corpus)
    return merge(corpora)


def date_key(document):
    """(year, month, day) of the meeting, from its dates as written; undated reports last."""
    text = fold(document.dates or "")
    year = re.search(r"\b(19|20)\d{2}\b", text)
    month = next((number for word, number in MONTHS.items() if re.search(rf"\b{fold(word)}\b", text)), 0)
    day = re.search(r"\b(\d{1,2})\b", text)
    return (int(year.group(0)) if year else 9999, month, int(day.group(1)) if day else 0)


def merge(corpora):
    """One Corpus from several parsed reports, ids qualified by report, people merged by name."""
    corpora = sorted(corpora, key=lambda c: (date_key(c.document), c.document.id))
    documents, sections, passages, warnings = [], [], [], []
    speakers, by_name = [], {}
    for corpus in corpora:
        document = corpus.document
        if any(d.id == document.id for d in documents):  # the same report in two languages
            document = replace(document, id=f"{document.id}-{document.language}")
        documents.append(document)
        doc = document.id
        renamed = {}  # this report's speaker ids -> the merged ones
        for speaker in corpus.speakers:
            entries = [{**entry, "document": doc} for entry in speaker.documents]
            appearances = [{**a, "section": qualified(doc, a["section"])} for a in speaker.appearances]
            known = by_name.get(fold(speaker.name))
            if known is None:
                merged = replace(speaker, id=_free_id(speaker.id, speakers), documents=entries,
                                 appearances=appearances, aliases=list(speaker.aliases))
                speakers.append(merged)
                by_name[fold(speaker.name)] = merged
            else:
                merged = known
                merged.documents += entries
                merged.appearances += appearances
                merged.aliases += [a for a in speaker.aliases if a not in merged.aliases]
                # the latest report's role and organisation, where it gives them
                merged.role, merged.organization = speaker.role or merged.role, speaker.organization or merged.organization
                merged.represented_by = speaker.represented_by or merged.represented_by
                merged.on_behalf_of = speaker.on_behalf_of or merged.on_behalf_of
            renamed[speaker.id] = merged.id
        for section in corpus.sections:
            sections.append(replace(section, id=qualified(doc, section.id), document=doc,
                                    parent=qualified(doc, section.parent) if section.parent else None,
                                    moderators=[renamed[m] for m in section.moderators]))
        for passage in corpus.passages:
            passages.append(replace(passage, id=qualified(doc, passage.id), section=qualified(doc, passage.section),
                                    document=doc, speakers=[renamed[s] for s in passage.speakers]))
        warnings += corpus.warnings
    return Corpus(documents=documents, sections=sections, speakers=speakers, passages=passages, warnings=warnings)


def _free_id(speaker_id, speakers):
    taken = {s.id for s in speakers}
    candidate, n = speaker_id, 2
    while candidate in taken:
        candidate, n = f"{speaker_id}-{n}", n + 1
    return candidate

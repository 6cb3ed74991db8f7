"""The API's JSON objects, built in this one place from the core's plain results.

The API, the pages and the CLI's --json all go through these functions; the pages add their own
layout on top. No Flask here, so the CLI can use it without an app. Field order is the documented one.
"""
from dataclasses import asdict

from qa.corpus.library import local_part
from qa.searcher import source_of


def passage_url(passage_id):
    return f"/passages/{passage_id}"


def speaker_json(speaker):
    return {"id": speaker.id, "name": speaker.name, "role": speaker.role, "organization": speaker.organization}


def section_json(section):
    return {"id": section.id, "title": section.title}


def source_json(corpus, item):
    """The location of a passage or chunk: its report, lines and pages."""
    return asdict(source_of(corpus.document_of(item), item))


def document_json(corpus, document):
    """The API's Document object: what the report is and how much the index holds of it."""
    passages = [p for p in corpus.passages if p.document == document.id]
    speakers = {s for p in passages for s in p.speakers} | {
        m for s in corpus.sections if s.document == document.id for m in s.moderators}
    return {"id": document.id, "title": document.title, "date": document.dates, "place": document.place,
            "language": document.language, "pages": document.pages, "passages": len(passages),
            "speakers": len(speakers), "kind": document.kind, "subtitle": document.subtitle,
            "co_chairs": document.co_chairs, "file": document.path}


def documents_json(corpus):
    return [document_json(corpus, d) for d in corpus.documents]


def document_detail_json(corpus, document_id):
    """A report with its sections and speakers (as that report presents them); None if there is none."""
    document = corpus.find_document(document_id)
    if document is None:
        return None
    sections = [s for s in sections_json(corpus)["sections"] if s["document"] == document_id]
    speakers = [speaker_json(s.in_document(document_id)) for s in corpus.speakers
                if any(d["document"] == document_id for d in s.documents)]
    return {**document_json(corpus, document), "sections": sections, "speakers": speakers}


def current_passage_id(corpus, passage_id):
    """For an id without its report ("session-1-03", as links were before several reports), the
    full id of that passage in the earliest report that has it; None when the id is current or unknown."""
    if corpus.passage(passage_id) is not None:
        return None
    return next((p.id for p in corpus.passages if local_part(p.id) == passage_id and p.id != passage_id), None)


def result_json(hit, rank):
    """The API's Result object for a hit."""
    chunk = hit.chunk
    start, end = hit.highlight
    return {
        "id": chunk.id, "rank": rank, "score": round(hit.score, 6), "text": chunk.text,
        "highlight": chunk.text[start:end], "highlight_span": [start, end],
        "speakers": [speaker_json(s) for s in hit.speakers], "group": chunk.group,
        "section": section_json(hit.section), "kind": chunk.kind,
        "passages": chunk.passages, "passage": hit.passage, "url": passage_url(hit.passage), "ranks": hit.ranks,
        "source": asdict(hit.source),
    }


def results_json(hits, first_rank=1):
    return [result_json(hit, rank) for rank, hit in enumerate(hits, start=first_rank)]


def facets_json(facets):
    return {
        "depth": facets.depth,
        "speakers": [{**speaker_json(speaker), "count": n} for speaker, n in facets.speakers],
        "sections": [{**section_json(section), "count": n} for section, n in facets.sections],
    }


def search_json(result, k, offset, searcher):
    """The /api/search response (took_ms is the route's to add)."""
    return {"query": result.query, "language": result.language, "answerable": result.answerable,
            "unaddressed": result.unaddressed, "not_together": result.scope.apart, "far": result.scope.far,
            "k": k, "offset": offset, "total": len(result.candidates),
            "results": results_json(result.hits, offset + 1), "facets": facets_json(searcher.facets(result.candidates)),
            "timings": result.timings}


def passage_json(corpus, passage_id):
    """The API's Passage object, with the ids of its neighbours in the report; None if there is no such passage."""
    passage = corpus.passage(passage_id)
    if passage is None:
        return None
    previous, following = corpus.neighbours(passage_id)
    return {
        "id": passage.id, "section": section_json(corpus.section(passage.section)),
        "kind": passage.kind,
        "speakers": [speaker_json(corpus.speaker(s).in_document(passage.document)) for s in passage.speakers],
        "group": passage.group, "text": passage.text, "url": passage_url(passage.id),
        "source": source_json(corpus, passage), "document": passage.document,
        "previous": previous.id if previous else None, "next": following.id if following else None,
    }


def speaker_detail_json(corpus, speaker_id):
    """The API's SpeakerDetail object; None if there is no such speaker."""
    speaker = corpus.speaker(speaker_id)
    if speaker is None:
        return None
    return {**speaker_json(speaker), "honorific": speaker.honorific, "aliases": speaker.aliases,
            "represented_by": speaker.represented_by, "on_behalf_of": speaker.on_behalf_of,
            "appearances": speaker.appearances, "documents": speaker.documents,
            "passages": len(corpus.passages_of(speaker_id)),
            "moderated": [s.id for s in corpus.moderated_by(speaker_id)]}


def speaker_passages_json(corpus, speaker_id):
    """A speaker and all their passages in report order; None if there is no such speaker."""
    detail = speaker_detail_json(corpus, speaker_id)
    if detail is None:
        return None
    return {"speaker": detail, "passages": [passage_json(corpus, p.id) for p in corpus.passages_of(speaker_id)]}


def sections_json(corpus):
    counts = {}
    for passage in corpus.passages:
        counts[passage.section] = counts.get(passage.section, 0) + 1
    return {"document": asdict(corpus.document), "documents": documents_json(corpus), "sections": [
        {"id": s.id, "title": s.title, "parent": s.parent, "line": s.line, "passages": counts.get(s.id, 0),
         "document": s.document, "moderators": [speaker_json(corpus.speaker(m).in_document(s.document))
                                                for m in s.moderators]} for s in corpus.sections]}


def attribution_json(found, searcher):
    """The verdict, whether the named speaker said it, the candidates with the words that back each
    (and what differs, for a misquote), and the closest passages, as the API shows them."""
    candidates = []
    for c in found.candidates:
        candidate = {"speaker": speaker_json(c.speaker) if c.speaker else None, "score": round(c.score, 6),
                     "passages": results_json(c.hits), "evidence": evidence_json(searcher, c.evidence)}
        if found.verdict == "misquoted":
            candidate["differences"] = c.differences
        candidates.append(candidate)
    found_json = {"verdict": found.verdict, "speaker_check": found.speaker_check, "candidates": candidates,
                  "closest": results_json(found.closest)}
    if found.claimed is not None:  # who the name given was read as: "ECOWAS" is its two speakers
        found_json["claimed_speakers"] = [speaker_json(searcher.corpus.speaker(i)) for i in found.claimed]
    return found_json


def evidence_json(searcher, evidence):
    """The sentence or clause that backs a candidate, located in its passage (start and end in the
    passage's text)."""
    chunk = searcher.chunks[evidence.row]
    text = chunk.text[evidence.start:evidence.end]
    for passage_id in chunk.passages:
        start = searcher.corpus.passage(passage_id).text.find(text)
        if start >= 0:
            return {"passage": passage_id, "start": start, "end": start + len(text), "text": text}
    return {"passage": chunk.passages[0], "start": 0, "end": 0, "text": text}

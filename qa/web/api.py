"""The JSON API: /healthz and /api/* (search, attribute, speakers, sections, passages, openapi.json)."""
import time
from dataclasses import asdict

from flask import Blueprint, jsonify, request

from qa.attribute import attribute, describe
from qa.errors import NotFoundError
from qa.web import params, searcher
from qa.web.openapi import openapi_document

bp = Blueprint("api", __name__)


@bp.get("/healthz")
def healthz():
    """Ready: the index is loaded and the encoder answers."""
    engine = searcher()
    return jsonify({"status": "ok", "passages": len(engine.corpus.passages), "speakers": len(engine.corpus.speakers),
                    "chunks": len(engine.chunks), "embedder": engine.manifest["encoder"],
                    "index_built_at": engine.manifest["built_at"]})


@bp.route("/api/search", methods=["GET", "POST"])
def search():
    """Ranked passages with their sources, and facets of who and where."""
    started = time.perf_counter()
    q, k, offset, filters = params.search_request(params.source())
    engine = searcher()
    result = engine.search(q, k=k, offset=offset, **filters)
    return jsonify({
        "query": q, "k": k, "offset": offset, "total": len(result.candidates),
        "results": engine.results(result.hits, offset + 1),
        "facets": engine.facets(result.candidates), "timings": result.timings,
        "took_ms": round((time.perf_counter() - started) * 1000, 3)})


@bp.post("/api/attribute")
def attribute_statement():
    """Who said this? quoted, paraphrased or not_found, with the supporting passages."""
    started = time.perf_counter()
    data = params.body()
    text = params.text(data, "text")
    k = params.integer(data, "k", 5, 1, 20)
    engine = searcher()
    found = describe(engine, attribute(engine, text, k=k))
    return jsonify({"text": text, **found, "took_ms": round((time.perf_counter() - started) * 1000, 3)})


@bp.get("/api/speakers")
def speakers():
    engine = searcher()
    return jsonify({"speakers": [engine.speaker_detail(s.id) for s in engine.corpus.speakers]})


@bp.get("/api/speakers/<speaker_id>")
def speaker(speaker_id):
    engine = searcher()
    detail = engine.speaker_detail(speaker_id)
    if detail is None:
        raise NotFoundError(f"no speaker with id {speaker_id!r}; see /api/speakers", code="unknown_speaker")
    passages = [engine.passage(p.id) for p in engine.corpus.passages if speaker_id in p.speakers]
    return jsonify({"speaker": detail, "passages": passages})


@bp.get("/api/sections")
def sections():
    engine = searcher()
    counts = {}
    for passage in engine.corpus.passages:
        counts[passage.section] = counts.get(passage.section, 0) + 1
    return jsonify({"document": asdict(engine.corpus.document), "sections": [
        {"id": s.id, "title": s.title, "parent": s.parent, "line": s.line, "passages": counts.get(s.id, 0),
         "moderators": [engine.speaker_summary(m) for m in s.moderators]} for s in engine.corpus.sections]})


@bp.get("/api/passages/<passage_id>")
def passage(passage_id):
    found = searcher().passage(passage_id)
    if found is None:
        raise NotFoundError(f"no passage with id {passage_id!r}", code="unknown_passage")
    return jsonify(found)


@bp.get("/api/openapi.json")
def openapi():
    return jsonify(openapi_document(request.host_url.rstrip("/")))

"""The JSON API under /api (search, attribute, documents, speakers, sections, passages, openapi.json), and /healthz."""
import time

from flask import Blueprint, current_app, jsonify, redirect, request, url_for

from qa.errors import NotFoundError
from qa.web import loaded_attributor, loaded_searcher, params, present
from qa.web.openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api")


def healthz():
    """Ready: the index is loaded and the encoder answers (registered at /healthz by init_app)."""
    searcher = loaded_searcher()
    return jsonify({"status": "ok", "documents": len(searcher.corpus.documents), "passages": len(searcher.corpus.passages),
                    "speakers": len(searcher.corpus.speakers), "chunks": len(searcher.chunks),
                    "embedder": searcher.manifest["encoder"], "index_built_at": searcher.manifest["built_at"]})


@bp.route("/search", methods=["GET", "POST"])
def search():
    """Ranked passages with their sources, and facets of who and where."""
    started = time.perf_counter()
    q, k, offset, filters = params.search_request(params.source())
    searcher = loaded_searcher()
    result = searcher.search(q, k=k, offset=offset, **filters)
    return jsonify({**present.search_json(result, k, offset, searcher), "took_ms": _ms(started)})


@bp.post("/attribute")
def attribute_statement():
    """Who said this? quoted, paraphrased, misquoted or not_found, with the words that back it; and,
    when a speaker is named, whether they said it."""
    started = time.perf_counter()
    text, k, speaker, document = params.attribute_request(params.body())
    found = present.attribution_json(loaded_attributor().attribute(text, k=k, speaker=speaker, document=document),
                                     loaded_searcher())
    return jsonify({"text": text, **found, "took_ms": _ms(started)})


@bp.get("/speakers")
def speakers():
    corpus = loaded_searcher().corpus
    return jsonify({"speakers": [present.speaker_detail_json(corpus, s.id) for s in corpus.speakers]})


@bp.get("/speakers/<speaker_id>")
def speaker(speaker_id):
    return _found(present.speaker_passages_json(loaded_searcher().corpus, speaker_id), "speaker", speaker_id)


@bp.get("/documents")
def documents():
    """The reports in the index."""
    return jsonify({"documents": present.documents_json(loaded_searcher().corpus)})


@bp.get("/documents/<document_id>")
def document(document_id):
    """One report: its sections and speakers."""
    return _found(present.document_detail_json(loaded_searcher().corpus, document_id), "document", document_id)


@bp.get("/sections")
def sections():
    return jsonify(present.sections_json(loaded_searcher().corpus))


@bp.get("/passages/<passage_id>")
def passage(passage_id):
    corpus = loaded_searcher().corpus
    moved = present.current_passage_id(corpus, passage_id)
    if moved:  # an id from before the index held several reports
        return redirect(url_for("api.passage", passage_id=moved), 308)
    return _found(present.passage_json(corpus, passage_id), "passage", passage_id)


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(current_app.config, request.host_url.rstrip("/")))


def _found(body, kind, wanted_id):
    if body is None:
        hint = "; see /api/speakers" if kind == "speaker" else ""
        raise NotFoundError(f"no {kind} with id {wanted_id!r}{hint}", code=f"unknown_{kind}")
    return jsonify(body)


def _ms(started):
    return round((time.perf_counter() - started) * 1000, 3)

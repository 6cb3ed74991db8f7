"""The web pages: ask (/ and /search), passage permalinks, speakers, and "Who said this?"."""
from flask import Blueprint, abort, current_app, render_template, request, url_for

from qa.attribute import attribute, describe
from qa.errors import BadRequestError
from qa.web import params, searcher

bp = Blueprint("html", __name__)


def _page(template, status=200, **context):
    engine = searcher()
    return render_template(template, speakers=engine.corpus.speakers,
                           sections=engine.corpus.sections, **context), status


def _with_segments(items):
    """Results with their text cut around the highlighted sentence: (before, highlight, after)."""
    for item in items:
        start, end = item["highlight_span"]
        item["segments"] = item["text"][:start], item["text"][start:end], item["text"][end:]
    return items


@bp.get("/")
def index():
    """The question form."""
    return _page("search.html", form={}, results=None)


@bp.get("/search")
def search():
    """Results for a question typed in the form."""
    form = request.args.to_dict()
    try:
        q, k, offset, filters = params.search_request(request.args)
        engine = searcher()
        result = engine.search(q, k=k, offset=offset, **filters)
    except BadRequestError as error:
        return _page("search.html", 400, form=form, results=None, error=error.message)
    results = _with_segments(engine.results(result.hits, offset + 1))
    more = offset + k < len(result.candidates)
    return _page("search.html", form=form, results=results, q=q, k=k, offset=offset, more=more,
                 facets=engine.facets(result.candidates), timings=result.timings)


@bp.get("/passages/<passage_id>")
def passage(passage_id):
    """A passage in context, with a citation ready to copy."""
    engine = searcher()
    found = engine.passage(passage_id)
    if found is None:
        abort(404)
    before = engine.passage(found["previous"]) if found["previous"] else None
    after = engine.passage(found["next"]) if found["next"] else None
    permalink = url_for("html.passage", passage_id=passage_id, _external=True)
    return _page("passage.html", passage=found, before=before, after=after,
                 citation=_citation(engine, found, permalink))


def _citation(engine, passage, permalink):
    doc = engine.corpus.document
    who = "; ".join(", ".join(filter(None, (s["name"], s["role"], s["organization"]))) for s in passage["speakers"])
    lines = passage["source"]
    where = f"lines {lines['line_start']}-{lines['line_end']}" if lines["line_end"] != lines["line_start"] \
        else f"line {lines['line_start']}"
    report = ", ".join(filter(None, (doc.kind, doc.title, doc.place, doc.dates)))
    return " — ".join(filter(None, (who or passage.get("group") or None, passage["section"]["title"], report,
                                    f"{doc.path}, {where}", permalink)))


@bp.get("/speakers")
def speakers():
    """Everyone who spoke."""
    engine = searcher()
    return _page("speakers.html", directory=[engine.speaker_detail(s.id) for s in engine.corpus.speakers])


@bp.get("/speakers/<speaker_id>")
def speaker(speaker_id):
    """One person's statements, in report order."""
    engine = searcher()
    detail = engine.speaker_detail(speaker_id)
    if detail is None:
        abort(404)
    passages = [engine.passage(p.id) for p in engine.corpus.passages if speaker_id in p.speakers]
    return _page("speaker.html", speaker=detail, passages=passages)


@bp.route("/attribute", methods=["GET", "POST"])
def who_said_this():
    """Paste a statement; get the verdict and the speakers with the passages that support it."""
    if request.method == "GET":
        return _page("attribute.html", text="", found=None)
    text = request.form.get("text", "")
    try:
        text = params.text({"text": text}, "text")
    except BadRequestError as error:
        return _page("attribute.html", 400, text=text, found=None, error=error.message)
    engine = searcher()
    found = describe(engine, attribute(engine, text))
    for candidate in found["candidates"]:
        _with_segments(candidate["passages"])
    return _page("attribute.html", text=text, found=found, candidates=found["candidates"],
                 closest=_with_segments(found["closest"]), limit=current_app.config["MAX_QUERY_CHARS"])

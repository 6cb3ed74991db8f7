"""The web pages: ask (/ and /search), passage permalinks, speakers, and "Who said this?"."""
from flask import Blueprint, abort, render_template, request, url_for

from qa.errors import BadQuestionError, UnknownFilterError
from qa.web import loaded_attributor, loaded_searcher, params, present

bp = Blueprint("html", __name__)


def _page(template, status=200, **context):
    corpus = loaded_searcher().corpus
    return render_template(template, speakers=corpus.speakers, sections=corpus.sections, **context), status


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
    searcher = loaded_searcher()
    try:
        q, k, offset, filters = params.search_request(request.args)
        result = searcher.search(q, k=k, offset=offset, **filters)
    except (BadQuestionError, UnknownFilterError) as error:
        return _page("search.html", 400, form=form, results=None, error=error.message)
    found = present.search_json(result, k, offset, searcher)
    return _page("search.html", form=form, results=_with_segments(found["results"]), q=q, k=k, offset=offset,
                 more=offset + k < found["total"], facets=found["facets"], timings=result.timings)


@bp.get("/passages/<passage_id>")
def passage(passage_id):
    """A passage in context, with a citation ready to copy."""
    corpus = loaded_searcher().corpus
    found = present.passage_json(corpus, passage_id)
    if found is None:
        abort(404)
    before = present.passage_json(corpus, found["previous"]) if found["previous"] else None
    after = present.passage_json(corpus, found["next"]) if found["next"] else None
    permalink = url_for("html.passage", passage_id=passage_id, _external=True)
    return _page("passage.html", passage=found, before=before, after=after,
                 citation=_citation(corpus, passage_id, permalink))


def _citation(corpus, passage_id, permalink):
    doc, passage = corpus.document, corpus.passage(passage_id)
    who = "; ".join(corpus.speaker(s).described() for s in passage.speakers)
    where = f"lines {passage.line_start}-{passage.line_end}" if passage.line_end != passage.line_start \
        else f"line {passage.line_start}"
    report = ", ".join(filter(None, (doc.kind, doc.title, doc.place, doc.dates)))
    return " — ".join(filter(None, (who or passage.group or None, corpus.section(passage.section).title, report,
                                    f"{doc.path}, {where}", permalink)))


@bp.get("/speakers")
def speakers():
    """Everyone who spoke."""
    corpus = loaded_searcher().corpus
    return _page("speakers.html", directory=[present.speaker_detail_json(corpus, s.id) for s in corpus.speakers])


@bp.get("/speakers/<speaker_id>")
def speaker(speaker_id):
    """One person's statements, in report order."""
    found = present.speaker_passages_json(loaded_searcher().corpus, speaker_id)
    if found is None:
        abort(404)
    return _page("speaker.html", **found)


@bp.route("/attribute", methods=["GET", "POST"])
def who_said_this():
    """Paste a statement; get the verdict and the speakers with the passages that support it."""
    if request.method == "GET":
        return _page("attribute.html", text="", found=None)
    text = request.form.get("text", "")
    try:
        text, k = params.attribute_request({"text": text})
    except BadQuestionError as error:
        return _page("attribute.html", 400, text=text, found=None, error=error.message)
    found = present.attribution_json(loaded_attributor().attribute(text, k=k))
    for candidate in found["candidates"]:
        _with_segments(candidate["passages"])
    return _page("attribute.html", text=text, found=found, candidates=found["candidates"],
                 closest=_with_segments(found["closest"]))

"""The web pages: ask (/ and /search), passage permalinks, speakers, and "Who said this?".

Every text a reader sees goes through gettext (qa/translations); the report's own words stay French.
"""
from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from qa.errors import BadQuestionError, UnknownFilterError
from qa.text import fold
from qa.web import loaded_attributor, loaded_searcher, params, present

bp = Blueprint("html", __name__)


def _page(template, status=200, **context):
    corpus = loaded_searcher().corpus
    return render_template(template, speakers=sorted(corpus.speakers, key=surname_key), sections=corpus.sections,
                           **context), status


def surname_key(speaker):
    """Sort by surname ("d'Almada" under A), then by the whole name."""
    name = speaker["name"] if isinstance(speaker, dict) else speaker.name
    last = fold(name).split()[-1]
    return last.split("'")[-1], fold(name)


def _with_segments(items):
    """Results with their text cut around the highlighted sentence (before, highlight, after), and
    where that sentence stands in the passage its link opens ("start-end")."""
    corpus = loaded_searcher().corpus
    for item in items:
        start, end = item["highlight_span"]
        item["segments"] = item["text"][:start], item["text"][start:end], item["text"][end:]
        at = corpus.passage(item["passage"]).text.find(item["highlight"])
        item["passage_highlight"] = f"{at}-{at + len(item['highlight'])}" if at >= 0 else None
    return items


def _form_error(error):
    """The reader's-language sentence for a bad question or filter."""
    limit = current_app.config["MAX_QUERY_CHARS"]
    messages = {
        "missing_q": _("Type a question."), "missing_text": _("Paste a statement to check."),
        "q_too_long": _("The question is too long: the limit is %(limit)d characters.", limit=limit),
        "text_too_long": _("The statement is too long: the limit is %(limit)d characters.", limit=limit),
        "unknown_speaker": _("No speaker of the report matches this name."),
        "unknown_section": _("No section of the report matches this title."),
        "unknown_kind": _("No passage is of this kind."),
        "unknown_document": _("No report has this id."),
    }
    return messages.get(error.code, _("This request cannot be answered: %(reason)s", reason=error.message))


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
        return _page("search.html", 400, form=form, results=None, error=_form_error(error))
    found = present.search_json(result, k, offset, searcher)
    return _page("search.html", form=form, results=_with_segments(found["results"]), q=q, k=k, offset=offset,
                 more=offset + k < found["total"], facets=found["facets"], timings=result.timings,
                 answerable=found["answerable"], unaddressed=found["unaddressed"], not_together=found["not_together"])


@bp.get("/passages/<passage_id>")
def passage(passage_id):
    """A passage in context, with a citation ready to copy."""
    corpus = loaded_searcher().corpus
    moved = present.current_passage_id(corpus, passage_id)
    if moved:  # a link from before the index held several reports
        return redirect(url_for("html.passage", passage_id=moved, **request.args), 301)
    found = present.passage_json(corpus, passage_id)
    if found is None:
        abort(404)
    before = present.passage_json(corpus, found["previous"]) if found["previous"] else None
    after = present.passage_json(corpus, found["next"]) if found["next"] else None
    text = found["text"]
    start, end = _span(request.args.get("hl"), len(text))
    heading = "; ".join(s["name"] for s in found["speakers"]) or found["group"] or _("Report text")
    return _page("passage.html", passage=found, before=before, after=after, heading=heading,
                 segments=(text[:start], text[start:end], text[end:]),
                 citation=_citation(corpus, passage_id, public_url() + f"/passages/{passage_id}"))


def _span(value, length):
    """(start, end) from "start-end" within a text of this length; (0, 0) when absent or off."""
    try:
        start, end = (int(n) for n in (value or "").split("-"))
    except ValueError:
        return 0, 0
    return (start, end) if 0 <= start < end <= length else (0, 0)


def public_url():
    """Where readers reach this service: QA_PUBLIC_URL, else the address the request came to."""
    return (current_app.config["PUBLIC_URL"] or request.host_url).rstrip("/")


def _citation(corpus, passage_id, permalink):
    passage = corpus.passage(passage_id)
    doc = corpus.document_of(passage)
    who = "; ".join(corpus.speaker(s).in_document(doc.id).label() for s in passage.speakers)
    if passage.page_start:
        where = _("pages %(start)s–%(end)s", start=passage.page_start, end=passage.page_end) \
            if passage.page_end != passage.page_start else _("page %(n)s", n=passage.page_start)
    else:
        where = _("lines %(start)s–%(end)s", start=passage.line_start, end=passage.line_end) \
            if passage.line_end != passage.line_start else _("line %(n)s", n=passage.line_start)
    report = ", ".join(filter(None, (doc.kind, doc.title, doc.place, doc.dates)))
    return " — ".join(filter(None, (who or passage.group or None, corpus.section(passage.section).title, report,
                                    f"{doc.path}, {where}", permalink)))


@bp.get("/documents")
def documents():
    """The reports searched."""
    return _page("documents.html", listed=present.documents_json(loaded_searcher().corpus))


@bp.get("/documents/<document_id>")
def document(document_id):
    """One report: what it is, its sections and its speakers."""
    found = present.document_detail_json(loaded_searcher().corpus, document_id)
    if found is None:
        abort(404)
    return _page("document.html", report=found)


@bp.get("/speakers")
def speakers():
    """Everyone who spoke."""
    corpus = loaded_searcher().corpus
    directory = [present.speaker_detail_json(corpus, s.id) for s in corpus.speakers]
    return _page("speakers.html", directory=sorted(directory, key=surname_key))


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
    text, speaker = request.form.get("text", ""), request.form.get("speaker", "")
    document = request.form.get("document", "")
    try:
        text, k, speaker, document = params.attribute_request({"text": text, "speaker": speaker, "document": document})
        found = present.attribution_json(loaded_attributor().attribute(text, k=k, speaker=speaker, document=document),
                                         loaded_searcher())
    except (BadQuestionError, UnknownFilterError) as error:
        return _page("attribute.html", 400, text=text, speaker=speaker, document_id=document, found=None,
                     error=_form_error(error))
    for candidate in found["candidates"]:
        _with_segments(candidate["passages"])
    return _page("attribute.html", text=text, speaker=speaker, document_id=document, found=found,
                 candidates=found["candidates"], closest=_with_segments(found["closest"]),
                 claimed=found.get("claimed_speakers", []), claimed_as=_organisation_typed(speaker))


def _organisation_typed(speaker):
    """The speaker typed, when it names an organisation or a country rather than a person ("ECOWAS")."""
    return speaker if speaker and not loaded_searcher().speaker_ids_named(speaker) else None

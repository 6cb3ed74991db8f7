"""init_app(app): the Searcher and Attributor in app.extensions, blueprints, error handlers, security headers."""
from flask import current_app

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app):
    from qa.attribute import Attributor
    from qa.web import api, errors, html, i18n

    searcher = app.config.get("SEARCHER")
    if searcher is None:
        from qa.searcher import Searcher

        searcher = Searcher.load(app.config)
    app.extensions["qa"] = searcher
    app.extensions["qa.attributor"] = Attributor(searcher)
    app.register_blueprint(api.bp)
    app.add_url_rule("/healthz", "healthz", api.healthz)
    app.register_blueprint(html.bp)
    errors.init_app(app)
    i18n.init_app(app)
    app.after_request(_security_headers)
    app.context_processor(lambda: _site(searcher.corpus))


def _site(corpus):
    """What every page says of the reports it serves: one report by its place, several as a series."""
    from flask_babel import gettext as _

    documents = corpus.documents
    place = (documents[0].place or documents[0].title or "").split(",")[0].strip()
    if len(documents) == 1 and place:
        title, heading = _("Ask the %(place)s report", place=place), _("Ask what was said at the %(place)s meeting",
                                                                       place=place)
    else:
        title, heading = _("Ask the meeting reports"), _("Ask what was said at these meetings")
    return {"document": documents[0], "documents": documents, "several_reports": len(documents) > 1,
            "site_title": title, "site_heading": heading}


def loaded_searcher():
    return current_app.extensions["qa"]


def loaded_attributor():
    return current_app.extensions["qa.attributor"]


def _security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response

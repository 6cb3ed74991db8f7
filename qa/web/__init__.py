"""init_app(app): the Searcher in app.extensions, blueprints, error handlers, security headers."""
import logging

from flask import current_app, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from qa.errors import QAError

log = logging.getLogger("qa.web")

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app):
    from qa.web import api, html

    searcher = app.config.get("SEARCHER")
    if searcher is None:
        from qa.searcher import Searcher

        searcher = Searcher.load(app.config)
    app.extensions["qa"] = searcher
    app.register_blueprint(api.bp)
    app.register_blueprint(html.bp)
    app.register_error_handler(QAError, _qa_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    app.after_request(_security_headers)
    app.context_processor(lambda: {"document": app.extensions["qa"].corpus.document})


def searcher():
    return current_app.extensions["qa"]


def wants_json():
    return request.path.startswith("/api/") or request.path == "/healthz"


def error_response(status, code, message):
    if wants_json():
        return make_response(jsonify({"error": {"code": code, "message": message}}), status)
    return make_response(render_template("error.html", status=status, code=code, message=message), status)


def _qa_error(error):
    return error_response(error.status, error.code, error.message)


def _http_error(error):
    code = (error.name or "error").lower().replace(" ", "_")
    messages = {404: "no such page or resource", 405: f"{request.method} is not allowed here",
                413: f"the request body is over {current_app.config['MAX_BODY_BYTES']} bytes"}
    response = error_response(error.code or 500, code, messages.get(error.code, error.description or error.name))
    if error.code == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def _unexpected(error):
    log.exception("unexpected error on %s %s", request.method, request.path)
    return error_response(500, "internal_error", "an unexpected error occurred; it has been logged")


def _security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response

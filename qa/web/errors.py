"""The one place where the project's errors become HTTP responses: JSON under /api/ (and /healthz),
the error page elsewhere."""
import logging

from flask import current_app, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from qa.errors import (BadQuestionError, IndexMismatchError, IndexNotBuiltError, NotFoundError, QAError,
                       UnknownFilterError)

log = logging.getLogger("qa.web")

# The first class in this order that an error is an instance of gives its status; others are 500.
STATUSES = ((BadQuestionError, 400), (UnknownFilterError, 400), (NotFoundError, 404), (IndexNotBuiltError, 503),
            (IndexMismatchError, 500))


def init_app(app):
    app.register_error_handler(QAError, _qa_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)


def status_of(error):
    return next((status for kind, status in STATUSES if isinstance(error, kind)), 500)


def wants_json():
    return request.path.startswith("/api/") or request.path == "/healthz"


def error_response(status, code, message):
    """JSON with the English message for the API; the error page, in the reader's language, elsewhere."""
    if wants_json():
        return make_response(jsonify({"error": {"code": code, "message": message}}), status)
    pages = {404: _("There is no such page. Passages and speakers are reached from the search results."),
             405: _("This page cannot be reached this way."),
             413: _("What was sent is too large."),
             503: _("The report's index is not ready yet; try again in a minute.")}
    reader = pages.get(status) or (_("This request cannot be answered as sent.") if status < 500
                                   else _("Something went wrong on our side; it has been logged."))
    return make_response(render_template("error.html", status=status, code=code, message=reader), status)


def _qa_error(error):
    return error_response(status_of(error), error.code, error.message)


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

"""Reading and checking what clients send: every bad value is a BadQuestionError with a clear code.

Limits come from the settings (current_app.config), which the OpenAPI document and the templates read too."""
from flask import current_app, request

from qa.errors import BadQuestionError

FILTERS = ("speaker", "section", "kind", "document")


def body():
    """The JSON object of a POST body."""
    if not request.get_data(cache=True):
        raise BadQuestionError("the request body is empty; send a JSON object", code="empty_body")
    data = request.get_json(silent=True, force=True)
    if data is None:
        raise BadQuestionError("the request body is not valid JSON", code="invalid_json")
    if not isinstance(data, dict):
        raise BadQuestionError("the request body must be a JSON object", code="invalid_body")
    return data


def source():
    return body() if request.method == "POST" else request.args


def text(data, name, required=True, limit=None):
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadQuestionError(f"'{name}' is required and must not be blank", code=f"missing_{name}")
        return None
    if not isinstance(value, str):
        raise BadQuestionError(f"'{name}' must be a string", code=f"invalid_{name}")
    limit = limit or int(current_app.config["MAX_QUERY_CHARS"])
    if len(value) > limit:
        raise BadQuestionError(f"'{name}' is {len(value)} characters; the limit is {limit}", code=f"{name}_too_long")
    if "\x00" in value:
        raise BadQuestionError(f"'{name}' contains a NUL character", code=f"invalid_{name}")
    return value.strip()


def integer(data, name, default, low, high):
    value = data.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        value = int(value)  # JSON Schema counts 20.0 as an integer
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise BadQuestionError(f"'{name}' must be an integer from {low} to {high}", code=f"invalid_{name}")
    try:
        number = int(value.strip()) if isinstance(value, str) else value
    except ValueError:
        raise BadQuestionError(f"'{name}' must be an integer from {low} to {high}", code=f"invalid_{name}") from None
    if not low <= number <= high:
        raise BadQuestionError(f"'{name}' must be an integer from {low} to {high}, not {number}", code=f"invalid_{name}")
    return number


def search_request(data):
    """(q, k, offset, filters) for /api/search and /search."""
    config = current_app.config
    q = text(data, "q")
    k = integer(data, "k", int(config["TOP_K"]), 1, int(config["MAX_K"]))
    depth = int(config["CANDIDATES"])
    offset = integer(data, "offset", 0, 0, max(0, depth - 1))
    filters = {name: text(data, name, required=False, limit=int(config["MAX_FILTER_CHARS"])) for name in FILTERS}
    return q, k, offset, filters


def attribute_request(data):
    """(text, k, speaker, document) for /api/attribute and /attribute; speaker: the one the statement
    is credited to, to check (an id or a name as written), or None; document: a report's id, or None."""
    config = current_app.config
    most = int(config["MAX_ATTRIBUTE_K"])
    limit = int(config["MAX_FILTER_CHARS"])
    return (text(data, "text"), integer(data, "k", min(int(config["TOP_K"]), most), 1, most),
            text(data, "speaker", required=False, limit=limit), text(data, "document", required=False, limit=limit))

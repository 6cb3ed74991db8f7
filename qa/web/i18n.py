"""The pages' language: French first, English at one click, with Flask-Babel's gettext catalogues.

The language comes from ?lang=fr|en (kept in every link and form of the page), else the browser's
Accept-Language, else French. The catalogues (qa/translations) are compiled by scripts/setup.sh,
never at request time. The JSON API does not depend on it.
"""
from pathlib import Path

from babel.lists import format_list
from flask import request, url_for
from flask_babel import Babel, get_locale
from flask_babel import gettext as _

from qa.errors import QAError

LANGUAGES = ("fr", "en")
DEFAULT = "fr"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


def init_app(app):
    _check_compiled()
    Babel(app, locale_selector=select_language, default_locale=DEFAULT,
          default_translation_directories=str(TRANSLATIONS))
    app.jinja_env.globals["url_for"] = url_keeping_language
    app.jinja_env.filters["listed"] = listed
    app.context_processor(_language_context)


def select_language():
    chosen = request.args.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT


def current_language():
    return str(get_locale())


def url_keeping_language(endpoint, **values):
    """url_for that carries a language the reader chose with ?lang= (not the static files)."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and endpoint != "static" and not endpoint.startswith("api.") and "lang" not in values:
        values["lang"] = chosen
    return url_for(endpoint, **values)


def _language_context():
    language = current_language()
    other = "en" if language == "fr" else "fr"
    switch = url_for(request.endpoint, **{**(request.view_args or {}), **request.args.to_dict(), "lang": other}) \
        if request.endpoint and request.method == "GET" else url_for("html.index", lang=other)
    return {"lang": language, "other_lang": other, "switch_url": switch,
            "language_name": language_name,
            "chosen_lang": request.args.get("lang") if request.args.get("lang") in LANGUAGES else None}


def listed(items):
    """Terms as a list reads in the reader's language: "Tunisie et 2024", "Tunisie and 2024"."""
    return format_list([str(item) for item in items], locale=current_language()) if items else ""


def language_name(code):
    """A report's language, named in the reader's language."""
    return {"fr": _("French"), "en": _("English")}.get(code, code)


def _check_compiled():
    for language in LANGUAGES:
        po = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
        mo = po.with_suffix(".mo")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            raise QAError(f"{mo}: the interface catalogue is not compiled; run `bash scripts/setup.sh` "
                          f"(it runs `pybabel compile -d qa/translations`)", code="catalogue_not_compiled")

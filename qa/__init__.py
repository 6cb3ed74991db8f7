"""Question answering with sources over the report of the Khartoum, Rabat and Niamey joint meeting."""


def create_app(test_config=None):
    """The Flask app: settings from qa.config (QA_* variables), then test_config; the Searcher is
    loaded once here (or given as test_config["SEARCHER"])."""
    from flask import Flask

    from qa import config, web

    app = Flask(__name__)
    app.config.from_mapping(config.load())
    if test_config:
        app.config.from_mapping(test_config)
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_BODY_BYTES"])
    app.json.sort_keys = False  # keep the documented field order
    web.init_app(app)
    return app

"""The OpenAPI 3.1 document of the JSON API (schemas are JSON Schema 2020-12)."""

_NULLABLE_STRING = {"type": ["string", "null"]}
_SPEAKER = {
    "type": "object", "required": ["id", "name", "role", "organization"],
    "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "role": _NULLABLE_STRING,
                   "organization": _NULLABLE_STRING},
}
_SECTION = {"type": "object", "required": ["id", "title"],
            "properties": {"id": {"type": "string"}, "title": {"type": "string"}}}
_NULLABLE_PAGE = {"type": ["integer", "null"], "minimum": 1}
_SOURCE = {
    "type": "object", "required": ["document", "title", "date", "place", "line_start", "line_end", "page_start",
                                   "page_end"],
    "description": "where the text stands: its report (id, title, date, place, file), the lines and characters of "
                   "the report's text, and its pages when the report has pages (PDF), else null",
    "properties": {"document": {"type": "string", "description": "the report's id (see /api/documents)"},
                   "title": _NULLABLE_STRING, "date": _NULLABLE_STRING, "place": _NULLABLE_STRING,
                   "file": {"type": "string"}, "language": {"type": "string"},
                   "line_start": {"type": "integer", "minimum": 1},
                   "line_end": {"type": "integer", "minimum": 1}, "char_start": {"type": "integer"},
                   "char_end": {"type": "integer"}, "page_start": _NULLABLE_PAGE, "page_end": _NULLABLE_PAGE},
}
_DOCUMENT = {
    "type": "object", "required": ["id", "title", "date", "place", "language", "pages", "passages", "speakers"],
    "properties": {"id": {"type": "string"}, "title": _NULLABLE_STRING, "date": _NULLABLE_STRING,
                   "place": _NULLABLE_STRING, "language": {"type": "string", "enum": ["fr", "en"]},
                   "pages": {"type": ["integer", "null"]}, "passages": {"type": "integer"},
                   "speakers": {"type": "integer"}, "kind": _NULLABLE_STRING, "subtitle": _NULLABLE_STRING,
                   "co_chairs": {"type": "array", "items": {"type": "string"}}, "file": {"type": "string"}},
}
_KIND = {"type": "string", "enum": ["front_matter", "heading", "list", "narrative", "speech", "moderation",
                                    "key_takeaways", "group_statement"]}
_RESULT = {
    "type": "object",
    "required": ["id", "rank", "score", "text", "highlight", "speakers", "section", "kind", "source"],
    "properties": {
        "id": {"type": "string"}, "rank": {"type": "integer", "minimum": 1},
        "score": {"type": "number", "description": "the fused score of the rankings; results follow rank, which for a "
                  "question in a language other than French or English also puts the passages that name its places "
                  "and people first among the first ten"},
        "text": {"type": "string"}, "highlight": {"type": "string"},
        "highlight_span": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        "speakers": {"type": "array", "items": {"$ref": "#/components/schemas/Speaker"}},
        "group": _NULLABLE_STRING, "section": {"$ref": "#/components/schemas/Section"}, "kind": _KIND,
        "passages": {"type": "array", "items": {"type": "string"}}, "passage": {"type": "string"},
        "url": {"type": "string"},
        "ranks": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}},
        "source": {"$ref": "#/components/schemas/Source"},
    },
}
_PASSAGE = {
    "type": "object", "required": ["id", "section", "kind", "speakers", "text", "source", "previous", "next"],
    "properties": {
        "id": {"type": "string"}, "section": {"$ref": "#/components/schemas/Section"}, "kind": _KIND,
        "speakers": {"type": "array", "items": {"$ref": "#/components/schemas/Speaker"}}, "group": _NULLABLE_STRING,
        "text": {"type": "string"}, "url": {"type": "string"}, "source": {"$ref": "#/components/schemas/Source"},
        "document": {"type": "string"}, "previous": _NULLABLE_STRING, "next": _NULLABLE_STRING,
    },
}
_SPEAKER_DETAIL = {
    "allOf": [{"$ref": "#/components/schemas/Speaker"}, {
        "type": "object", "required": ["aliases", "passages"],
        "properties": {"aliases": {"type": "array", "items": {"type": "string"}},
                       "passages": {"type": "integer", "minimum": 0}, "honorific": {"type": "string"},
                       "represented_by": _NULLABLE_STRING, "on_behalf_of": _NULLABLE_STRING,
                       "appearances": {"type": "array", "items": {"type": "object"}},
                       "documents": {"type": "array", "description": "the reports they appear in, with the role and "
                                                                     "organisation each gives them",
                                     "items": {"type": "object", "required": ["document", "role", "organization"],
                                               "properties": {"document": {"type": "string"},
                                                              "role": _NULLABLE_STRING,
                                                              "organization": _NULLABLE_STRING}}},
                       "moderated": {"type": "array", "items": {"type": "string"}}}}],
}
_COUNT = {"type": "object", "required": ["id", "count"], "properties": {"id": {"type": "string"},
                                                                       "count": {"type": "integer"}}}
_SEARCH_RESPONSE = {
    "type": "object", "required": ["query", "answerable", "k", "results", "took_ms"],
    "properties": {
        "query": {"type": "string"}, "k": {"type": "integer"}, "offset": {"type": "integer"},
        "language": {"type": "string", "description": "the question's language, as detected (fr, en, ar, es, pt, it, de)"},
        "answerable": {"type": "boolean", "description": "false when the report does not seem to address the question: "
                                                          "the results are then only the closest passages"},
        "unaddressed": {"type": "array", "items": {"type": "string"},
                        "description": "the question's names or words that the report never uses"},
        "not_together": {"type": "array", "items": {"type": "string"},
                         "description": "the question's places, names and years that the report uses, but never "
                                        "in one speaker's turn (then answerable is false too)"},
        "far": {"type": "boolean", "description": "no sentence of the reports comes close to the question in meaning "
                                                  "(French and English questions; then answerable is false too)"},
        "total": {"type": "integer"}, "took_ms": {"type": "number"}, "timings": {"type": "object"},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
        "facets": {"type": "object", "properties": {
            "depth": {"type": "integer"}, "speakers": {"type": "array", "items": _COUNT},
            "sections": {"type": "array", "items": _COUNT}}},
    },
}


def _limits(config):
    """The request fields' schemas, from the settings the API checks them against."""
    text = {"type": "string", "minLength": 1, "maxLength": int(config["MAX_QUERY_CHARS"])}
    return {"q": text, "text": text,
            "k": {"type": "integer", "minimum": 1, "maximum": int(config["MAX_K"]), "default": int(config["TOP_K"])},
            "offset": {"type": "integer", "minimum": 0, "maximum": max(0, int(config["CANDIDATES"]) - 1), "default": 0},
            "filter": {"type": "string", "maxLength": int(config["MAX_FILTER_CHARS"])},
            "attribute_k": {"type": "integer", "minimum": 1, "maximum": int(config["MAX_ATTRIBUTE_K"])}}


def _search_body(limits):
    return {"type": "object", "required": ["q"],
            "properties": {"q": limits["q"], "k": limits["k"], "offset": limits["offset"], "speaker": limits["filter"],
                           "section": limits["filter"], "kind": limits["filter"], "document": limits["filter"]}}


def _attribute_body(limits):
    return {"type": "object", "required": ["text"],
            "properties": {"text": limits["text"], "k": limits["attribute_k"],
                           "speaker": {**limits["filter"], "description": "check whether this speaker (id or name "
                                                                          "as written, or the organisation or "
                                                                          "country they spoke for) said it"},
                           "document": {**limits["filter"], "description": "look in this report only (its id)"}}}
_EVIDENCE = {
    "type": "object", "required": ["passage", "start", "end", "text"],
    "description": "the sentence or clause that backs the candidate: its span in the passage's text",
    "properties": {"passage": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
                   "end": {"type": "integer", "minimum": 0}, "text": {"type": "string"}},
}
_DIFFERENCE = {
    "type": "object", "required": ["statement", "report"],
    "description": "a figure, date (a month), name or negation of the statement and what the report says instead",
    "properties": {"statement": {"type": "string"}, "report": {"type": "string"},
                   "kind": {"type": "string", "enum": ["figure", "date", "name", "negation"]}},
}
_ATTRIBUTE_RESPONSE = {
    "type": "object", "required": ["text", "verdict", "speaker_check", "candidates"],
    "properties": {
        "text": {"type": "string"},
        "verdict": {"type": "string", "enum": ["quoted", "paraphrased", "misquoted", "not_found"]},
        "speaker_check": {"description": "when a speaker was named: did they say it? (null when none was)",
                          "oneOf": [{"type": "string", "enum": ["confirmed", "other_speaker", "not_found"]},
                                    {"type": "null"}]},
        "claimed_speakers": {"type": "array", "items": {"$ref": "#/components/schemas/Speaker"},
                             "description": "when a speaker was named: the speakers the name stands for"},
        "candidates": {"type": "array", "items": {
            "type": "object", "required": ["speaker", "score", "passages", "evidence"],
            "properties": {"speaker": {"oneOf": [{"$ref": "#/components/schemas/Speaker"}, {"type": "null"}]},
                           "score": {"type": "number"},
                           "passages": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
                           "evidence": _EVIDENCE,
                           "differences": {"type": "array", "items": _DIFFERENCE}}}},
        "closest": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
        "took_ms": {"type": "number"},
    },
}
_ERROR = {
    "type": "object", "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"],
                             "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
}


def _json(schema_name):
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}}}


def _responses(ok, *errors):
    responses = {"200": {"description": "OK", **_json(ok)}}
    for status in errors:
        responses[str(status)] = {"description": "Error", **_json("Error")}
    return responses


def _query(name, schema, description, required=False):
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


def _search_parameters(limits):
    return [
        _query("q", limits["q"], "the question, in French or English", True),
        _query("k", limits["k"], "results to return"),
        _query("offset", limits["offset"], "skip this many results (pages over a fixed candidate depth)"),
        _query("speaker", limits["filter"], "speaker id, name as written (\"Mme Nandap\"), or the organisation or "
                                            "country they spoke for (\"ECOWAS\")"),
        _query("section", limits["filter"], "section id or words of its title"),
        _query("kind", limits["filter"], "passage kind: speech, moderation, key_takeaways, ..."),
        _query("document", limits["filter"], "only this report (its id, see /api/documents)"),
    ]


def openapi_document(config, server_url=""):
    limits = _limits(config)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Migration dialogue meeting reports: questions with sources", "version": "1.1.0",
                 "description": "Passages of the reports of the Khartoum, Rabat and Niamey migration dialogues' "
                                "meetings (first: the joint thematic meeting in Lagos, 4-5 November 2025), with who "
                                "said them and where. Never generated text. Ids of passages and sections are "
                                "\"<report id>:<id in the report>\"; an id without its report (a link from before "
                                "several reports) is redirected (308) to the earliest report that has it."},
        "servers": [{"url": server_url or "/"}],
        "paths": {
            "/healthz": {"get": {"summary": "Readiness", "responses": _responses("Health")}},
            "/api/search": {
                "get": {"summary": "Search passages", "parameters": _search_parameters(limits),
                        "responses": _responses("SearchResponse", 400, 405)},
                "post": {"summary": "Search passages (JSON body)",
                         "requestBody": {"required": True, **_json("SearchRequest")},
                         "responses": _responses("SearchResponse", 400, 413)},
            },
            "/api/attribute": {"post": {
                "summary": "Who said this?", "requestBody": {"required": True, **_json("AttributeRequest")},
                "responses": _responses("AttributeResponse", 400, 413)}},
            "/api/speakers": {"get": {"summary": "Everyone who spoke", "responses": _responses("SpeakerList")}},
            "/api/speakers/{speaker_id}": {"get": {
                "summary": "A speaker and all their passages in report order",
                "parameters": [{"name": "speaker_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": _responses("SpeakerPassages", 404)}},
            "/api/sections": {"get": {"summary": "Sections of the reports", "responses": _responses("SectionList")}},
            "/api/documents": {"get": {"summary": "The reports searched", "responses": _responses("DocumentList")}},
            "/api/documents/{document_id}": {"get": {
                "summary": "One report with its sections and speakers",
                "parameters": [{"name": "document_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": _responses("DocumentDetail", 404)}},
            "/api/passages/{passage_id}": {"get": {
                "summary": "One passage with its neighbours",
                "parameters": [{"name": "passage_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {**_responses("Passage", 404), "308": {
                    "description": "an id without its report: redirected to the full id"}}}},
            "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": {
                "description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {
            "Speaker": _SPEAKER, "Section": _SECTION, "Source": _SOURCE, "Result": _RESULT, "Passage": _PASSAGE,
            "SpeakerDetail": _SPEAKER_DETAIL, "SearchResponse": _SEARCH_RESPONSE, "SearchRequest": _search_body(limits),
            "AttributeRequest": _attribute_body(limits), "AttributeResponse": _ATTRIBUTE_RESPONSE, "Error": _ERROR,
            "Health": {"type": "object", "required": ["status", "passages", "speakers", "embedder"],
                       "properties": {"status": {"type": "string", "enum": ["ok"]},
                                      "passages": {"type": "integer"}, "speakers": {"type": "integer"},
                                      "embedder": {"type": "string"}}},
            "SpeakerList": {"type": "object", "required": ["speakers"], "properties": {
                "speakers": {"type": "array", "items": {"$ref": "#/components/schemas/SpeakerDetail"}}}},
            "SpeakerPassages": {"type": "object", "required": ["speaker", "passages"], "properties": {
                "speaker": {"$ref": "#/components/schemas/SpeakerDetail"},
                "passages": {"type": "array", "items": {"$ref": "#/components/schemas/Passage"}}}},
            "Document": _DOCUMENT,
            "DocumentList": {"type": "object", "required": ["documents"], "properties": {
                "documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}}}},
            "DocumentDetail": {"allOf": [{"$ref": "#/components/schemas/Document"}, {
                "type": "object", "required": ["sections", "speakers"], "properties": {
                    "sections": {"type": "array", "items": {"type": "object"}},
                    "speakers": {"type": "array", "items": {"$ref": "#/components/schemas/Speaker"}}}}]},
            "SectionList": {"type": "object", "required": ["sections"], "properties": {
                "document": {"type": "object", "description": "the first report (all of them are in documents)"},
                "documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
                "sections": {"type": "array", "items": {
                    "type": "object", "required": ["id", "title", "parent", "passages", "moderators"],
                    "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "parent": _NULLABLE_STRING,
                                   "line": {"type": "integer"}, "passages": {"type": "integer"},
                                   "document": {"type": "string"},
                                   "moderators": {"type": "array", "items": {"$ref": "#/components/schemas/Speaker"}}}}}}},
        }},
    }

"""The JSON API over the mini report: every route, the response shapes against OpenAPI, every error."""
import pytest
from openapi_spec_validator import validate

QUESTION = "combien d'élèves ont été formés"


def test_openapi_document_is_valid(openapi):
    validate(openapi)
    for path in ("/healthz", "/api/search", "/api/attribute", "/api/speakers", "/api/speakers/{speaker_id}",
                 "/api/sections", "/api/passages/{passage_id}", "/api/openapi.json"):
        assert path in openapi["paths"]


def test_healthz(client, conforms):
    body = client.get("/healthz").get_json()
    conforms(body, "Health")
    assert body["status"] == "ok" and body["passages"] > 10 and body["speakers"] == 6
    assert body["embedder"] == "fake:hashed-words"


def test_search_get(client, conforms):
    response = client.get("/api/search", query_string={"q": QUESTION, "k": 3})
    assert response.status_code == 200
    body = response.get_json()
    conforms(body, "SearchResponse")
    assert body["query"] == QUESTION and body["k"] == 3 and len(body["results"]) == 3
    top = body["results"][0]
    assert "3 442 élèves" in top["text"] and top["highlight"] in top["text"]
    assert [s["name"] for s in top["speakers"]] == ["Jean Martin"]
    assert top["speakers"][0]["role"].startswith("Procureur")
    assert top["section"] == {"id": "mini-report:session-1", "title": "Session 1 - Prévention dans les écoles"}
    source = top["source"]
    assert source["document"] == "mini-report" and source["file"] == "mini_report.md" and source["line_start"] == 22
    assert source["title"] and source["date"] == "12-13 Mars 2026" and source["place"] and source["page_start"] is None
    assert [r["rank"] for r in body["results"]] == [1, 2, 3]


def test_search_post_equals_get(client):
    get = client.get("/api/search", query_string={"q": QUESTION, "k": 4}).get_json()
    post = client.post("/api/search", json={"q": QUESTION, "k": 4}).get_json()
    assert [r["id"] for r in get["results"]] == [r["id"] for r in post["results"]]


def test_nobody_in_particular_has_no_speakers(client):
    body = client.get("/api/search", query_string={"q": "La session s'est conclue par un appel", "k": 5}).get_json()
    narrative = [r for r in body["results"] if r["kind"] == "narrative"]
    assert narrative and all(r["speakers"] == [] for r in narrative)


@pytest.mark.parametrize("speaker", ["Mme Sall", "fatou-sall", "OIM", "IOM"])  # (or the organisation she spoke for)
def test_speaker_filter(client, speaker):
    body = client.get("/api/search", query_string={"q": "projet", "speaker": speaker}).get_json()
    assert body["results"] and all("fatou-sall" in [s["id"] for s in r["speakers"]] for r in body["results"])


def test_paging_and_facets(client):
    pages = [client.get("/api/search", query_string={"q": "coopération", "k": 2, "offset": o}).get_json()
             for o in (0, 2, 4)]
    ids = [r["id"] for page in pages for r in page["results"]]
    assert len(ids) == len(set(ids)) == 6
    assert [r["rank"] for r in pages[1]["results"]] == [3, 4]
    facets = pages[0]["facets"]
    assert facets["speakers"] and all(f["count"] >= 1 for f in facets["speakers"])
    assert sum(f["count"] for f in facets["sections"]) == facets["depth"]


def test_attribute_quoted_and_not_found(client, conforms):
    quoted = client.post("/api/attribute", json={"text": "les ÉQUIPES communes d’enquête ont démantelé 12 réseaux"})
    body = quoted.get_json()
    conforms(body, "AttributeResponse")
    assert body["verdict"] == "quoted"
    assert body["candidates"][0]["speaker"]["name"] == "Jean Martin"
    assert body["candidates"][0]["passages"][0]["highlight"]
    missing = client.post("/api/attribute", json={"text": "Le Japon a financé 400 écoles au Mali."}).get_json()
    assert missing["verdict"] == "not_found" and missing["candidates"] == []


def test_speakers(client, conforms):
    body = client.get("/api/speakers").get_json()
    conforms(body, "SpeakerList")
    sall = next(s for s in body["speakers"] if s["id"] == "fatou-sall")
    assert sall["passages"] == 2 and "Mme Sall" in sall["aliases"]
    detail = client.get("/api/speakers/jean-martin").get_json()
    conforms(detail, "SpeakerPassages")
    lines = [p["source"]["line_start"] for p in detail["passages"]]
    assert lines == sorted(lines) and len(lines) == detail["speaker"]["passages"] == 4


def test_sections(client, conforms):
    body = client.get("/api/sections").get_json()
    conforms(body, "SectionList")
    session3 = next(s for s in body["sections"] if s["id"] == "mini-report:session-3")
    assert session3["moderators"][0]["name"] == "Paul Ndiaye"


def test_passage_with_neighbours(client, conforms):
    body = client.get("/api/passages/mini-report:session-2-03").get_json()
    conforms(body, "Passage")
    assert body["previous"] == "mini-report:session-2-02" and body["next"] == "mini-report:session-2-04"
    assert client.get(f"/api/passages/{body['previous']}").get_json()["next"] == "mini-report:session-2-03"
    first = client.get("/api/passages/mini-report:cover-01").get_json()
    assert first["previous"] is None


def test_an_id_without_its_report_is_redirected_to_the_full_id(client):
    moved = client.get("/api/passages/session-2-03")
    assert moved.status_code == 308 and moved.headers["Location"].endswith("/api/passages/mini-report:session-2-03")
    assert client.get("/api/passages/session-2-03", follow_redirects=True).get_json()["id"] == "mini-report:session-2-03"
    page = client.get("/passages/session-2-03?lang=en")
    assert page.status_code == 301 and "/passages/mini-report:session-2-03?lang=en" in page.headers["Location"]
    assert client.get("/api/passages/session-99-01").status_code == 404


def test_documents_lists_the_report_with_its_counts(client, conforms):
    body = client.get("/api/documents").get_json()
    conforms(body, "DocumentList")
    (report,) = body["documents"]
    assert report["id"] == "mini-report" and report["language"] == "fr" and report["pages"] is None
    assert report["date"] == "12-13 Mars 2026" and report["passages"] > 10 and report["speakers"] >= 3
    detail = client.get("/api/documents/mini-report").get_json()
    assert {s["id"] for s in detail["sections"]} >= {"mini-report:session-1", "mini-report:session-3"}
    assert client.get("/api/documents/nope").get_json()["error"]["code"] == "unknown_document"


def test_document_filter_on_search_and_attribute(client):
    found = client.get("/api/search", query_string={"q": "réseaux", "document": "mini-report"}).get_json()
    assert found["results"] and all(r["source"]["document"] == "mini-report" for r in found["results"])
    for response in (client.get("/api/search", query_string={"q": "réseaux", "document": "nope"}),
                     client.post("/api/attribute", json={"text": "Les réseaux criminels", "document": "nope"})):
        assert response.status_code == 400 and response.get_json()["error"]["code"] == "unknown_document"


BAD_REQUESTS = [
    ("get", "/api/search", {}, None, 400, "missing_q"),
    ("get", "/api/search", {"q": ""}, None, 400, "missing_q"),
    ("get", "/api/search", {"q": "   "}, None, 400, "missing_q"),
    ("get", "/api/search", {"q": "x" * 1001}, None, 400, "q_too_long"),
    ("get", "/api/search", {"q": "x" * 10000}, None, 400, "q_too_long"),
    ("get", "/api/search", {"q": "x", "k": "0"}, None, 400, "invalid_k"),
    ("get", "/api/search", {"q": "x", "k": "51"}, None, 400, "invalid_k"),
    ("get", "/api/search", {"q": "x", "k": "abc"}, None, 400, "invalid_k"),
    ("get", "/api/search", {"q": "x", "k": "2.5"}, None, 400, "invalid_k"),
    ("get", "/api/search", {"q": "x", "k": "99999999999999999999999"}, None, 400, "invalid_k"),
    ("get", "/api/search", {"q": "x", "offset": "-1"}, None, 400, "invalid_offset"),
    ("get", "/api/search", {"q": "x", "speaker": "Nobody Known"}, None, 400, "unknown_speaker"),
    ("get", "/api/search", {"q": "x", "section": "nowhere"}, None, 400, "unknown_section"),
    ("get", "/api/search", {"q": "x", "kind": "poem"}, None, 400, "unknown_kind"),
    ("get", "/api/search", {"q": "a\x00b"}, None, 400, "invalid_q"),
    ("post", "/api/search", None, b"", 400, "empty_body"),
    ("post", "/api/search", None, b"{not json", 400, "invalid_json"),
    ("post", "/api/search", None, b"[1, 2]", 400, "invalid_body"),
    ("post", "/api/search", None, b'"just a string"', 400, "invalid_body"),
    ("post", "/api/search", None, b'{"q": 5}', 400, "invalid_q"),
    ("post", "/api/search", None, b'{"q": ["a"]}', 400, "invalid_q"),
    ("post", "/api/search", None, b'{"q": {"nested": {"deep": 1}}}', 400, "invalid_q"),
    ("post", "/api/search", None, b'{"q": "x", "k": true}', 400, "invalid_k"),
    ("post", "/api/search", None, b'{"q": "x", "k": 1.5}', 400, "invalid_k"),
    ("post", "/api/search", None, b'{"q": "x", "k": 1e308}', 400, "invalid_k"),
    ("post", "/api/search", None, b'{"q": "x", "k": 60.0}', 400, "invalid_k"),
    ("post", "/api/search", None, b'{"q": "x", "k": null, "speaker": 3}', 400, "invalid_speaker"),
    ("post", "/api/search", None, b'\xff\xfe{"q": "x"}', 400, "invalid_json"),
    ("post", "/api/search", None, b'{"q": "x"}' + b" " * 70000, 413, "request_entity_too_large"),
    ("post", "/api/attribute", None, b'{"k": 5}', 400, "missing_text"),
    ("post", "/api/attribute", None, b'{"text": "x", "k": 0}', 400, "invalid_k"),
    ("post", "/api/attribute", None, b'{"text": "' + b"y" * 1001 + b'"}', 400, "text_too_long"),
    ("get", "/api/attribute", None, None, 405, "method_not_allowed"),
    ("delete", "/api/search", None, None, 405, "method_not_allowed"),
    ("put", "/api/speakers", None, None, 405, "method_not_allowed"),
    ("get", "/api/speakers/nobody", None, None, 404, "unknown_speaker"),
    ("get", "/api/passages/nothing-99", None, None, 404, "unknown_passage"),
    ("get", "/api/no-such-route", None, None, 404, "not_found"),
]


@pytest.mark.parametrize("method, path, query, data, status, code", BAD_REQUESTS,
                         ids=[f"{m} {p} {code}" for m, p, _, _, _, code in BAD_REQUESTS])
def test_bad_requests_get_a_clear_json_error(client, conforms, method, path, query, data, status, code):
    kwargs = {"query_string": query} if query is not None else {}
    if data is not None:
        kwargs.update(data=data, content_type="application/json")
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    body = response.get_json()
    conforms(body, "Error")
    assert body["error"]["code"] == code and body["error"]["message"]


def test_odd_but_valid_questions(client):
    for q in ("🙂 traite ?", "ما هو الاتجار بالبشر", "%ZZ", "l’OIM « 3 442 »\u202f!", "' OR 1=1 --"):
        response = client.get("/api/search", query_string={"q": q})
        assert response.status_code == 200, q
        assert response.get_json()["query"] == q.strip()


def test_security_headers_everywhere(client):
    for path in ("/", "/api/search?q=x", "/healthz", "/api/nothing", "/nothing", "/static/style.css"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("raw", ["/api/search?q=%ZZ%", "/api/search?q=%E9t%E9", "/api/search?q=%00",
                                 "/api/search?q=a&q=b", "/api/search?q=%F0%9F%99%82&k=%FF"])
def test_raw_odd_query_strings_never_fail_the_server(client, conforms, raw):
    response = client.get(raw)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        conforms(response.get_json(), "Error")

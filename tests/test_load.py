"""8 concurrent clients against the real server: every answer 200 and the same as asked one by one."""
import json
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.slow

QUESTIONS = ["Combien d'élèves ont été formés ?", "How many criminal networks were dismantled?",
             "Qui a modéré la session 3 ?", "refuges en Mauritanie", "What did Ana Lopez report about shelters?",
             "présomption", "Quel est le projet PROTEGE ?", "12 réseaux"]


def ask(base, question):
    url = f"{base}/api/search?" + urllib.parse.urlencode({"q": question, "k": 5})
    with urllib.request.urlopen(url, timeout=30) as response:
        body = json.load(response)
        return response.status, [(r["id"], r["score"], r["highlight"]) for r in body["results"]]


def test_concurrent_answers_match_sequential_ones(live_server):
    expected = {q: ask(live_server, q) for q in QUESTIONS}
    jobs = [QUESTIONS[i % len(QUESTIONS)] for i in range(8 * 12)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda q: (q, ask(live_server, q)), jobs))
    assert len(answers) == 96
    for question, (status, results) in answers:
        assert status == 200
        assert results == expected[question][1], question


@pytest.mark.parametrize("method, path, body, status, code", [
    ("GET", "/api/search?q=" + "x" * 10000, None, 400, "q_too_long"),
    ("GET", "/api/search?q=" + "%C3%A9" * 5000, None, 400, "q_too_long"),
    ("POST", "/api/search", b'{"q": "' + b"y" * 1_000_000 + b'"}', 413, "request_entity_too_large"),
    ("POST", "/api/search", b"{not json", 400, "invalid_json"),
    ("GET", "/api/search?q=%ZZ&k=999999999999", None, 400, "invalid_k"),
])
def test_bad_input_over_real_http(live_server, method, path, body, status, code):
    import http.client

    host, port = live_server.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.putrequest(method, path, skip_accept_encoding=True)
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(len(body or b"")))
    connection.endheaders()
    try:
        connection.send(body or b"")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer a body over the limit, and close, before it has all been sent
    response = connection.getresponse()
    assert response.status == status
    assert json.load(response)["error"]["code"] == code

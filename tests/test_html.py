"""The web pages: form, results with sources, permalinks, speakers, "Who said this?", escaping."""
import re


def test_form_has_labelled_inputs(client):
    page = client.get("/").get_data(as_text=True)
    for field in ("q", "speaker", "section"):
        assert f'<label for="{field}">' in page and f'id="{field}"' in page
    assert '<html lang="en">' in page
    assert "<script" not in page  # usable without JavaScript


def test_results_show_speaker_role_section_lines_and_permalink(client):
    page = client.get("/search", query_string={"q": "combien d'élèves ont été formés"}).get_data(as_text=True)
    assert "Jean Martin" in page and "Procureur à la Cour d&#39;appel de Dakar" in page
    assert "Session 1 - Prévention dans les écoles" in page
    assert re.search(r"lines \d+–\d+", page)
    assert '<a href="/passages/session-1-05">permalink</a>' in page
    assert "<mark>" in page and '<blockquote lang="fr">' in page


def test_query_is_escaped(client):
    page = client.get("/search", query_string={"q": '<script>alert("x")</script>'}).get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_bad_question_re_renders_the_form_with_a_message(client):
    response = client.get("/search", query_string={"q": "   "})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'role="alert"' in page and 'id="q"' in page


def test_passage_page_in_context_with_citation(client):
    page = client.get("/passages/session-2-03").get_data(as_text=True)
    assert "Shelters reported a 42 % rise" in page
    assert "Before" in page and "After" in page  # the neighbours
    citation = re.search(r'<textarea id="citation"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "Ana Lopez" in citation and "Session 2 : Protection des victimes" in citation
    assert "mini_report.md, line" in citation and "/passages/session-2-03" in citation


def test_speaker_pages(client):
    directory = client.get("/speakers").get_data(as_text=True)
    assert directory.count('href="/speakers/') == 6
    page = client.get("/speakers/jean-martin").get_data(as_text=True)
    assert "4 passages" in page and "Le Dr Jean Martin" in page


def test_who_said_this(client):
    assert 'for="text"' in client.get("/attribute").get_data(as_text=True)
    page = client.post("/attribute", data={"text": "les équipes communes d'enquête ont démantelé 12 réseaux"})
    text = page.get_data(as_text=True)
    assert "Quoted" in text and "Jean Martin" in text
    nothing = client.post("/attribute", data={"text": "Le Japon a financé 400 écoles au Mali."}).get_data(as_text=True)
    assert "Not found" in nothing
    assert client.post("/attribute", data={"text": ""}).status_code == 400


def test_unknown_pages_are_html_404(client):
    response = client.get("/passages/nothing-here")
    assert response.status_code == 404 and "text/html" in response.content_type

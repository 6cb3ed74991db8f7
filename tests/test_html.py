"""The web pages, in French (the default) and in English: form, results with sources, passages with
the highlighted sentence, speakers, "Who said this?", errors, escaping; the catalogue is complete."""
import html
import re

import pytest

from conftest import ROOT

# (query string, <html lang>, a few words of that interface)
LANGUAGES = {"fr": ({}, "fr", "Rechercher"), "en": ({"lang": "en"}, "en", "Search")}


def get(client, path, lang, **query):
    return client.get(path, query_string={**LANGUAGES[lang][0], **query})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_form_has_labelled_inputs_in_the_readers_language(client, lang):
    page = get(client, "/", lang).get_data(as_text=True)
    for field in ("q", "speaker", "section"):
        assert f'<label for="{field}">' in page and f'id="{field}"' in page
    assert f'<html lang="{LANGUAGES[lang][1]}">' in page and LANGUAGES[lang][2] in page
    assert "<script" not in page  # usable without JavaScript


def test_french_by_default_then_the_browser_then_the_choice(client):
    assert '<html lang="fr">' in client.get("/").get_data(as_text=True)
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in english and 'href="/?lang=fr"' in english and ">Français<" in english
    chosen = client.get("/?lang=fr", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="fr">' in chosen and ">English<" in chosen
    assert '<html lang="fr">' in client.get("/?lang=xx").get_data(as_text=True)


def test_a_chosen_language_is_kept_in_links_and_forms(client):
    page = client.get("/search", query_string={"q": "élèves formés", "lang": "en"}).get_data(as_text=True)
    assert '<input type="hidden" name="lang" value="en">' in page
    assert 'href="/speakers?lang=en"' in page and re.search(r"/passages/mini-report:session-1-05\?[^\"]*lang=en", page)
    switch = re.search(r'id="language-switch" href="([^"]+)"', page).group(1)
    assert "lang=fr" in switch and "q=" in switch  # the same results, in the other language
    assert 'action="/attribute?lang=en"' in client.get("/attribute?lang=en").get_data(as_text=True)


@pytest.mark.parametrize("lang, lines, link", [("fr", r"lignes \d+–\d+", "ouvrir le passage"),
                                               ("en", r"lines \d+–\d+", "open the passage")])
def test_results_show_speaker_role_section_lines_and_passage_link(client, lang, lines, link):
    page = get(client, "/search", lang, q="combien d'élèves ont été formés").get_data(as_text=True)
    assert "Jean Martin" in page and "Procureur à la Cour d&#39;appel de Dakar" in page
    assert "Session 1 - Prévention dans les écoles" in page
    assert re.search(lines, page) and link in page
    href = re.search(r'href="(/passages/mini-report:session-1-05[^"]*)"', page).group(1)
    assert "hl=" in href and href.endswith("#hl")
    assert "<mark>" in page and '<blockquote lang="fr">' in page


def test_a_results_link_opens_its_passage_marking_the_sentence(client):
    page = client.get("/search", query_string={"q": "combien d'élèves ont été formés"}).get_data(as_text=True)
    href = re.search(r'href="(/passages/mini-report:session-1-05[^"#]*)', page).group(1).replace("&amp;", "&")
    marked = re.search(r"<mark>(.*?)</mark>", page, re.S).group(1)
    passage = client.get(href).get_data(as_text=True)
    assert re.search(r'<mark id="hl">(.*?)</mark>', passage, re.S).group(1) == marked
    for bad in ("5-2", "x", "0-999999"):  # a hand-edited link shows the passage, unmarked
        shown = client.get("/passages/mini-report:session-1-05", query_string={"hl": bad})
        assert shown.status_code == 200 and '<mark id="hl">' not in shown.get_data(as_text=True)


def test_query_is_escaped(client):
    page = client.get("/search", query_string={"q": '<script>alert("x")</script>'}).get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("lang, message", [("fr", "Saisissez une question."), ("en", "Type a question.")])
def test_bad_question_re_renders_the_form_with_a_message(client, lang, message):
    response = get(client, "/search", lang, q="   ")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'role="alert"' in page and 'id="q"' in page and message in page


@pytest.mark.parametrize("lang, before, after, line", [("fr", "Passage précédent", "Passage suivant", "ligne"),
                                                       ("en", "Previous passage", "Next passage", "line")])
def test_passage_page_titled_by_speaker_and_section_with_citation(client, lang, before, after, line):
    page = get(client, "/passages/mini-report:session-2-03", lang).get_data(as_text=True)
    assert "Shelters reported a 42 % rise" in page
    assert before in page and after in page  # the neighbours
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert "Ana Lopez" in heading and "Session 2" in heading and "session-2-03" not in heading
    citation = re.search(r'<textarea id="citation"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "Ana Lopez" in citation and "Session 2 : Protection des victimes" in citation
    assert f"mini_report.md, {line} " in citation and "/passages/mini-report:session-2-03" in citation
    assert citation.endswith("http://localhost/passages/mini-report:session-2-03")  # the address the reader used


def test_citation_uses_the_public_address_when_one_is_set(app):
    app.config["PUBLIC_URL"] = "https://qa.example.org/lagos"
    try:
        page = app.test_client().get("/passages/mini-report:session-2-03").get_data(as_text=True)
    finally:
        app.config["PUBLIC_URL"] = ""
    assert "https://qa.example.org/lagos/passages/mini-report:session-2-03</textarea>" in page and "localhost" not in page


@pytest.mark.parametrize("lang, count", [("fr", "4 passages, dans l’ordre du rapport"),
                                         ("en", "4 passages, in report order")])
def test_speaker_pages(client, lang, count):
    directory = get(client, "/speakers", lang).get_data(as_text=True)
    assert directory.count('href="/speakers/') == 6
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', directory)
    surnames = [n.split()[-1] for n in names]
    assert surnames == sorted(surnames)
    page = get(client, "/speakers/jean-martin", lang).get_data(as_text=True)
    assert count in page and "Le Dr Jean Martin" in page


def test_singular_forms_come_from_the_catalogue(client):
    page = client.get("/speakers/fatou-sall").get_data(as_text=True)
    count = re.search(r"<h2>(\d+) passages?, dans l’ordre du rapport</h2>", page)
    assert count and (count.group(0).count("passages") == (count.group(1) != "1"))


@pytest.mark.parametrize("lang, quoted, missing", [
    ("fr", "Citation exacte", "Introuvable"), ("en", "Quoted", "Not found")])
def test_who_said_this(client, lang, quoted, missing):
    assert 'for="text"' in get(client, "/attribute", lang).get_data(as_text=True)
    query = "?lang=en" if lang == "en" else ""
    page = client.post(f"/attribute{query}", data={"text": "les équipes communes d'enquête ont démantelé 12 réseaux"})
    text = page.get_data(as_text=True)
    assert quoted in text and "Jean Martin" in text
    nothing = client.post(f"/attribute{query}", data={"text": "Le Japon a financé 400 écoles au Mali."})
    assert missing in nothing.get_data(as_text=True)
    assert client.post(f"/attribute{query}", data={"text": ""}).status_code == 400


@pytest.mark.parametrize("lang, yes, no", [
    ("fr", "Oui : Fatou Sall (OIM) l’a dit", "Ce n’est pas OIM qui l’a dit, mais Jean Martin"),
    ("en", "Yes: Fatou Sall (OIM) said this", "Not OIM: this was said by Jean Martin")])
def test_did_this_organisation_say_it_reads_as_a_sentence(client, lang, yes, no):
    """The organisation typed, and who of its speakers said it."""
    query = "?lang=en" if lang == "en" else ""
    said = client.post(f"/attribute{query}", data={"text": "l'hébergement d'urgence reste insuffisant", "speaker": "OIM"})
    assert yes in html.unescape(said.get_data(as_text=True))
    other = client.post(f"/attribute{query}", data={"text": "les équipes communes d'enquête ont démantelé 12 réseaux",
                                                    "speaker": "OIM"})
    assert no in html.unescape(other.get_data(as_text=True))


@pytest.mark.parametrize("lang, message", [("fr", "Cette page n&#39;existe pas"), ("en", "There is no such page")])
def test_unknown_pages_are_html_404_in_the_readers_language(client, lang, message):
    response = get(client, "/passages/nothing-here", lang)
    assert response.status_code == 404 and "text/html" in response.content_type
    assert message in response.get_data(as_text=True)


def test_the_french_catalogue_translates_every_message():
    """Every text of the templates and of qa/web is in the catalogue, translated, none left fuzzy."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    method_map = [("qa/**.py", "python"), ("qa/templates/**.html", "jinja2")]
    used = {message for _, _, message, *_ in extract_from_dir(str(ROOT), method_map)}
    with open(ROOT / "qa" / "translations" / "fr" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    assert used and {m if isinstance(m, str) else m[0] for m in used} <= {m.id if isinstance(m.id, str) else m.id[0]
                                                                          for m in catalogue if m.id}
    for message in catalogue:
        if message.id:
            assert "fuzzy" not in message.flags and all(message.string if isinstance(message.string, tuple)
                                                        else [message.string]), message.id


def test_citation_names_the_speaker_once_with_role_and_organisation(client):
    page = client.get("/passages/mini-report:session-1-05").get_data(as_text=True)
    citation = re.search(r'<textarea id="citation"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert citation.startswith("Jean Martin, Procureur à la Cour d&#39;appel de Dakar — ")
    assert citation.count("Cour d&#39;appel de Dakar") == 1

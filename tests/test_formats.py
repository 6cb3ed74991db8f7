"""Reports as PDF and Word, made in the fixtures from a report written for the tests, and the
English reporting conventions, on that report and on small ones written here."""
import re

import pytest

from conftest import ROOT
from render import to_docx, to_pdf, to_pdf_flowing

DAKAR = ROOT / "tests" / "data" / "dakar_report.en.md"
HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Captain)\s+(?P<name>(?:[A-ZÀ-Þ][\w'-]+\s+){0,3}[A-ZÀ-Þ][\w'-]+)")


def lines_of(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def dakar_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dakar")
    text = DAKAR.read_text(encoding="utf-8")
    pdf, docx = folder / "dakar-report.en.pdf", folder / "dakar-report.en.docx"
    pages = to_pdf(text, pdf)
    to_docx(text, docx)
    return {"md": DAKAR, "pdf": pdf, "docx": docx, "pages": pages}


@pytest.fixture(scope="module")
def dakar(dakar_files):
    from qa.corpus.parse import parse_report

    return {kind: parse_report(dakar_files[kind]) for kind in ("md", "pdf", "docx")}


def test_pdf_text_is_the_report_without_running_headers_page_numbers_or_hyphens(dakar_files):
    from qa.corpus.readers import read_document

    report = read_document(dakar_files["pdf"])
    assert report.page_count == dakar_files["pages"] >= 4
    # every paragraph as written: headers and "Page n" footers dropped, hyphenated words joined,
    # and paragraphs cut by a page break mended
    assert lines_of(report.text) == lines_of(DAKAR.read_text(encoding="utf-8"))
    assert len(report.pages) == len(report.text.splitlines())


def test_another_pdf_layout_reads_the_same(tmp_path):
    from qa.corpus.readers import read_document

    path = tmp_path / "flowing.pdf"
    pages = to_pdf_flowing(DAKAR.read_text(encoding="utf-8"), path)
    report = read_document(path)
    assert report.page_count == pages >= 3
    assert lines_of(report.text) == [" ".join(line.split()) for line in lines_of(DAKAR.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("render, name", [(to_pdf, "lagos.pdf"), (to_pdf_flowing, "lagos.pdf"), (to_docx, "lagos.docx")])
def test_the_lagos_report_as_pdf_or_word_parses_as_its_text(tmp_path, render, name):
    from conftest import REPORT
    from qa.corpus.parse import parse_report

    path = tmp_path / name
    render(REPORT.read_text(encoding="utf-8"), path)
    text, pdf = parse_report(REPORT), parse_report(path)

    def people(corpus):
        return {s.name: (s.role, s.organization) for s in corpus.speakers}

    def attributed(corpus):  # the cover's short lines are blocks of their own in a PDF
        return [(p.kind, [corpus.speaker(s).name for s in p.speakers], p.group)
                for p in corpus.passages if p.section != "cover"]

    assert pdf.document.language == "fr" and people(pdf) == people(text)
    assert attributed(pdf) == attributed(text)
    if name.endswith(".pdf"):
        assert pdf.document.pages >= 20 and all(p.page_start for p in pdf.passages)


def test_word_text_is_the_report_with_headings_and_bullets(dakar_files):
    from qa.corpus.readers import read_document

    report = read_document(dakar_files["docx"])
    assert lines_of(report.text) == lines_of(DAKAR.read_text(encoding="utf-8"))
    assert report.pages is None and report.page_count is None


def test_the_same_report_parses_alike_from_text_pdf_and_word(dakar):
    def shape(corpus):  # the cover's lines are blocks of their own in a PDF
        return [(p.id, p.kind, p.speakers, p.group, p.text) for p in corpus.passages if p.section != "cover"]

    assert shape(dakar["md"]) == shape(dakar["pdf"]) == shape(dakar["docx"])
    assert [s.name for s in dakar["md"].speakers] == [s.name for s in dakar["pdf"].speakers]
    assert {d.language for d in (c.document for c in dakar.values())} == {"en"}


def test_pdf_passages_carry_the_pages_their_words_are_on(dakar, dakar_files):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(dakar_files["pdf"]))
    pages = [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    passages = dakar["pdf"].passages
    assert all(p.page_start and p.page_start <= p.page_end for p in passages)
    assert [p.page_start for p in passages] == sorted(p.page_start for p in passages)
    for passage in passages:
        assert " ".join(passage.text.split()[:4]) in pages[passage.page_start - 1]
    assert any(p.page_end > p.page_start for p in passages)  # a paragraph across a page break, mended
    assert all(p.page_start is None for p in dakar["md"].passages)


def test_cover_page_in_english(dakar):
    document = dakar["pdf"].document
    assert document.kind == "Final report" and document.title.startswith("Rabat Process Thematic Meeting")
    assert document.dates == "10-11 March 2026" and document.place == "Dakar, Senegal"
    assert document.co_chairs == ["Senegal", "Spain"] and document.pages >= 4


def test_every_named_speaker_is_found_with_an_organisation(dakar):
    corpus = dakar["pdf"]
    for passage in corpus.passages:
        named = HONORIFIC.match(passage.text)
        if named and passage.kind == "speech":
            surname = named.group("name").split()[-1]
            speakers = [corpus.speaker(s) for s in passage.speakers]
            # the person named, or the one who stood in for them ("X ... was represented by Y")
            stood_in = [s for s in corpus.speakers if s.represented_by and surname in s.name]
            assert any(surname in s.name for s in speakers) or any(
                sp.name in s.represented_by for s in stood_in for sp in speakers), passage.text[:80]
    assert len(corpus.speakers) >= 12
    assert all(s.organization for s in corpus.speakers), [s.name for s in corpus.speakers if not s.organization]


def test_continuations_groups_moderators_and_representation(dakar):
    corpus = dakar["md"]
    passages = corpus.passages
    for before, passage in zip(passages, passages[1:]):
        if re.match(r"(?:He|She) ", passage.text):
            assert passage.speakers and passage.speakers == before.speakers, passage.text[:60]
    groups = [p for p in passages if p.kind == "group_statement"]
    assert groups and all(re.match(r"(?:The )?(?:participants|many delegations)", p.text, re.I) for p in groups)
    assert all(not p.speakers for p in groups)
    sessions = [s for s in corpus.sections if s.id.startswith("session-")]
    assert len(sessions) == 3 and all(len(s.moderators) == 1 for s in sessions)
    represented = [s for s in corpus.speakers if s.represented_by]
    assert represented and all(not corpus.passages_of(s.id) for s in represented)
    behalf = [s for s in corpus.speakers if s.on_behalf_of]
    assert behalf and all(s.organization for s in behalf)


def test_english_conventions_in_a_small_report(write_report):
    from qa.corpus.parse import parse_report

    path = write_report("""
        Final report

        Test meeting on border cooperation

        2 June 2026
        Accra, Ghana

        Session 1: Data

        Moderated by Ms Ama Owusu (IOM), the session looked at the figures of the year and at their sources.

        According to Dr Kofi Mensah, Director of the Ghana Statistical Service, arrivals rose by a third in the year.

        Speaking on behalf of the African Union Commission, Mr Tesfaye Bekele stressed that data must be shared between all the member states.

        They also agreed on a calendar for the next exchanges between the statistical offices of the region.

        Participants stressed that comparable data are a condition of any common policy on migration.

        They recommended a shared glossary of terms for the statistical offices of the region and the police.

        Dr Mensah added that the survey would be repeated every two years in all the regions of the country.

        A short video on the work of the border posts was shown before the discussion opened to the floor.
        """, name="accra.md")
    corpus = parse_report(path)
    by_start = {p.text.split()[0] + " " + p.text.split()[1]: p for p in corpus.passages if p.kind != "heading"}
    assert corpus.document.language == "en"
    assert corpus.section("session-1").moderators == ["ama-owusu"]
    assert corpus.speaker("ama-owusu").organization == "IOM"
    assert by_start["According to"].speakers == ["kofi-mensah"]
    assert corpus.speaker("kofi-mensah").organization == "Ghana Statistical Service"
    assert by_start["Speaking on"].speakers == ["tesfaye-bekele"]
    assert corpus.speaker("tesfaye-bekele").on_behalf_of == "African Union Commission"
    # "They" after one speaker, or a paragraph naming nobody, is not guessed: it stays narrative
    assert by_start["They also"].kind == "narrative" and not by_start["They also"].speakers
    assert by_start["Participants stressed"].kind == "group_statement"
    assert by_start["They recommended"].kind == "group_statement"
    assert by_start["Dr Mensah"].speakers == ["kofi-mensah"]  # the short form names the person introduced
    assert by_start["A short"].kind == "narrative" and not by_start["A short"].speakers


def test_unreadable_files_are_named_in_the_error(tmp_path):
    from qa.corpus.readers import read_document
    from qa.errors import ReportError

    for name, content in (("broken.pdf", b"%PDF-1.4 not really"), ("broken.docx", b"PK not a zip"),
                          ("table.xlsx", b"x")):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ReportError, match=re.escape(name)):
            read_document(path)


def test_other_english_phrasings(write_report):
    from qa.corpus.parse import parse_report

    path = write_report("""
        Final report

        Senior officials meeting of the Khartoum Process

        12 and 13 February 2026
        Addis Ababa, Ethiopia

        PANEL 1: PREVENTION

        Chaired by Ms Hanna Tesfaye (IGAD), the panel discussed the prevention of irregular departures from the region.

        In her presentation, Ms Ana Lopez from IOM highlighted that return and reintegration programmes reached 4,000 people.

        Dr. John Smith, Senior Legal Officer, UNODC, explained that new legislation on smuggling had been adopted in five countries.

        Mr Peter Okello of the Ministry of Interior of Uganda stressed that border posts lacked equipment and staff in the north.

        Ms Ruth Kamau (NAPTIP), represented by Mr Ade Bello, stressed that shelters for victims were overcrowded in most states.

        Mr Omar Said, Head of the Unit based in Djibouti, noted that arrivals by sea had doubled since the previous meeting.

        Several speakers highlighted the need for better data on missing migrants along the Eastern route of the region.

        Key recommendations

        - Train border officials in the identification of victims.
        """, name="addis.md")
    corpus = parse_report(path)
    document = corpus.document
    assert (document.dates, document.place) == ("12 and 13 February 2026", "Addis Ababa, Ethiopia")
    speakers = {s.name: s for s in corpus.speakers}
    organisations = {name: s.organization for name, s in speakers.items()}
    assert organisations == {"Hanna Tesfaye": "IGAD", "Ana Lopez": "IOM", "John Smith": "UNODC",
                             "Peter Okello": "Ministry of Interior of Uganda", "Ruth Kamau": "NAPTIP",
                             "Omar Said": None}
    assert speakers["Omar Said"].role == "Head of the Unit based in Djibouti"
    assert speakers["Ruth Kamau"].represented_by == "Mr Ade Bello"
    kinds = [p.kind for p in corpus.passages if p.section != "cover"]
    assert kinds == ["heading", "moderation"] + ["speech"] * 5 + ["group_statement", "heading", "key_takeaways"]

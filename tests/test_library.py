"""Several reports in one index: ids, speakers across reports, adding and removing reports, the
embedding cache, and what the API and pages show of them."""
import re
import shutil

import pytest

from conftest import MINI_REPORT, REPORT, ROOT, FakeEncoder, make_config, quiet
from render import to_pdf

DAKAR = ROOT / "tests" / "data" / "dakar_report.en.md"


class CountingEncoder(FakeEncoder):
    """The fake encoder, keeping the texts it is asked to encode."""

    def __init__(self):
        self.texts = []

    @property
    def encoded(self):
        return len(self.texts)

    def encode_passages(self, texts):
        self.texts += texts
        return self._encode(texts)

    encode_queries = encode_passages


def build(encoder=None):
    from qa.build import build_index

    return lambda config: build_index(config, encoder=encoder or FakeEncoder(), log=quiet)


@pytest.fixture
def corpus_folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(MINI_REPORT, folder)
    return folder


def test_ids_are_qualified_by_report_and_the_lagos_ids_keep_their_local_part(tmp_path):
    from qa.corpus.library import load_corpus, local_part
    from qa.corpus.parse import parse_report

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(REPORT, folder)
    shutil.copy(DAKAR, folder / "dakar-2026.en.md")
    merged = load_corpus(folder)
    alone = parse_report(REPORT)
    assert [d.id for d in merged.documents] == ["lagos-2025-joint-thematic-meeting", "dakar-2026"]  # by date
    lagos = [p for p in merged.passages if p.document == "lagos-2025-joint-thematic-meeting"]
    assert [local_part(p.id) for p in lagos] == [p.id for p in alone.passages]
    assert all(p.id == f"lagos-2025-joint-thematic-meeting:{local_part(p.id)}" for p in lagos)
    ids = [p.id for p in merged.passages]
    assert len(ids) == len(set(ids)) and len({s.id for s in merged.sections}) == len(merged.sections)
    # adding a report changes no id of the other
    assert [p.id for p in load_corpus(folder / "dakar-2026.en.md").passages] == \
        [p.id for p in merged.passages if p.document == "dakar-2026"]
    previous, following = merged.neighbours(lagos[-1].id)
    assert following is None  # neighbours stay within their report


def test_a_person_in_two_reports_is_one_speaker_with_a_role_per_report(write_report):
    from qa.corpus.library import load_corpus

    write_report("""
        Document final

        Réunion de Rabat

        3-4 Mars 2025
        Rabat, Maroc

        Session 1

        Mme Salma Haddad, Directrice de la migration au Ministère de l'Intérieur du Maroc, a souligné que les arrivées avaient baissé de moitié.
        """, name="rabat.md")
    path = write_report("""
        Final report

        Meeting in Banjul

        5-6 May 2026
        Banjul, The Gambia

        Session 1

        Ms Salma Haddad, Ambassador of Morocco to The Gambia, stressed that arrivals had fallen by half in the last year.
        """, name="banjul.en.md")
    corpus = load_corpus(path.parent)
    (haddad,) = [s for s in corpus.speakers if s.name == "Salma Haddad"]
    assert [d["document"] for d in haddad.documents] == ["rabat", "banjul"]
    roles = {d["document"]: d["role"] for d in haddad.documents}
    assert roles["rabat"].startswith("Directrice") and roles["banjul"].startswith("Ambassador")
    assert haddad.in_document("rabat").role == roles["rabat"] and haddad.in_document("banjul").role == roles["banjul"]
    assert {tuple(p.speakers) for p in corpus.passages if p.kind == "speech"} == {(haddad.id,)}


def test_add_reencodes_only_the_new_report_and_an_unchanged_rebuild_nothing(corpus_folder, tmp_path):
    from qa import store
    from qa.reports import add_report

    config = make_config(tmp_path, CORPUS=str(corpus_folder))
    encoder = CountingEncoder()
    first = build(encoder)(config)
    alone = encoder.encoded
    assert first["encoded"]["new"] == alone and first["encoded"]["from_cache"] == 0
    pdf = tmp_path / "dakar-2026.en.pdf"
    to_pdf(DAKAR.read_text(encoding="utf-8"), pdf)
    encoder.texts = []
    document, manifest = add_report(config, pdf, build(encoder), log=quiet)
    assert document.id == "dakar-2026" and document.pages >= 4 and (corpus_folder / pdf.name).exists()
    assert manifest["documents"] == ["dakar-2026", "mini-report"]  # by date: 10-11 and 12-13 March 2026
    assert 0 < encoder.encoded == manifest["encoded"]["new"] and manifest["encoded"]["from_cache"] > 0
    # everything encoded is the new report's: its chunks (after their header line), sentences,
    # clauses and words, and its own calibration samples
    new_text = " ".join(re.sub(r"(?m)^- ", "", DAKAR.read_text(encoding="utf-8")).split()).lower()
    assert all(" ".join(text.split("\n")[-1].split()).lower() in new_text for text in encoder.texts)
    assert not store.stale_reasons(manifest, config)
    encoder.texts = []
    again = build(encoder)(config)
    assert encoder.encoded == 0 and again["encoded"]["new"] == 0


def test_a_failed_add_leaves_the_corpus_and_the_served_index_as_they_were(corpus_folder, tmp_path):
    from qa import store
    from qa.reports import add_report

    config = make_config(tmp_path, CORPUS=str(corpus_folder))
    build()(config)
    served = store.current(config["INDEX_DIR"]).resolve()

    def failing(config):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        add_report(config, DAKAR, failing, log=quiet)
    assert sorted(p.name for p in corpus_folder.iterdir()) == ["mini_report.md"]
    assert store.current(config["INDEX_DIR"]).resolve() == served and not store.stale_reasons(
        store.read_manifest(config["INDEX_DIR"])[1], config)


def test_add_and_remove_refuse_what_they_cannot_do(corpus_folder, tmp_path):
    from qa.errors import NotFoundError, ReportError
    from qa.reports import add_report, remove_report

    config = make_config(tmp_path, CORPUS=str(corpus_folder))
    with pytest.raises(ReportError, match="already in the corpus"):
        add_report(config, MINI_REPORT, build(), log=quiet)
    with pytest.raises(ReportError, match="QA_CORPUS"):
        add_report(make_config(tmp_path, CORPUS=str(MINI_REPORT)), DAKAR, build(), log=quiet)
    with pytest.raises(ReportError, match="only report"):
        remove_report(config, "mini-report", build(), log=quiet)
    with pytest.raises(NotFoundError, match="mini-report"):
        remove_report(config, "nope", build(), log=quiet)
    bad = tmp_path / "notes.xlsx"
    bad.write_bytes(b"x")
    with pytest.raises(ReportError, match="notes.xlsx"):
        add_report(config, bad, build(), log=quiet)


def test_remove_takes_the_report_out_and_rebuilds(corpus_folder, tmp_path):
    from qa.reports import add_report, remove_report

    config = make_config(tmp_path, CORPUS=str(corpus_folder))
    add_report(config, DAKAR, build(), log=quiet)
    parked, manifest = remove_report(config, "dakar-report", build(), log=quiet)
    assert manifest["documents"] == ["mini-report"] and parked.exists() and parked.parent.name == ".removed"
    assert sorted(p.name for p in corpus_folder.iterdir() if p.is_file()) == ["mini_report.md"]


def test_the_index_is_stale_when_a_report_is_added_to_the_folder(corpus_folder, tmp_path):
    from qa import store

    config = make_config(tmp_path, CORPUS=str(corpus_folder))
    manifest = build()(config)
    shutil.copy(DAKAR, corpus_folder)
    assert store.stale_reasons(manifest, config) == ["report added since the index was built: dakar_report.en.md"]


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    from qa import create_app
    from qa.searcher import Searcher

    root = tmp_path_factory.mktemp("two")
    folder = root / "corpus"
    folder.mkdir()
    shutil.copy(MINI_REPORT, folder)
    to_pdf(DAKAR.read_text(encoding="utf-8"), folder / "dakar-2026.en.pdf")
    config = make_config(root, CORPUS=str(folder))
    build()(config)
    searcher = Searcher.load(config, encoder=FakeEncoder())
    return create_app({**config, "SEARCHER": searcher, "TESTING": True}).test_client()


def test_documents_api_lists_both_reports(two_reports, conforms):
    body = two_reports.get("/api/documents").get_json()
    conforms(body, "DocumentList")
    by_id = {d["id"]: d for d in body["documents"]}
    assert by_id["dakar-2026"]["language"] == "en" and by_id["dakar-2026"]["pages"] >= 4
    assert by_id["mini-report"]["language"] == "fr" and by_id["mini-report"]["pages"] is None
    assert all(d["passages"] > 0 and d["speakers"] > 0 for d in body["documents"])


def test_results_name_their_report_and_pages_and_the_filter_keeps_one(two_reports):
    body = two_reports.get("/api/search", query_string={"q": "Red Cross families news relative", "k": 10}).get_json()
    sources = [r["source"] for r in body["results"]]
    assert {s["document"] for s in sources} == {"dakar-2026", "mini-report"}
    for source in sources:
        if source["document"] == "dakar-2026":
            assert source["page_start"] >= 1 and source["title"].startswith("Rabat Process")
            assert source["date"] == "10-11 March 2026" and source["place"] == "Dakar, Senegal"
        else:
            assert source["page_start"] is None
    only = two_reports.get("/api/search", query_string={"q": "Red Cross", "document": "dakar-2026"}).get_json()
    assert only["results"] and {r["source"]["document"] for r in only["results"]} == {"dakar-2026"}


def test_a_name_in_the_other_reports_language_is_not_called_unaddressed(two_reports):
    body = two_reports.get("/api/search", query_string={"q": "Combien de familles la Croix-Rouge a-t-elle aidées ?"})
    assert body.get_json()["answerable"] is True  # the English report says "Red Cross"
    body = two_reports.get("/api/search", query_string={"q": "What did AFRIPOL do?"}).get_json()
    assert body["answerable"] is False and body["unaddressed"] == ["AFRIPOL"]
    # "Red Cross" is found in the English report only, 2020 in the French one: the French one may say
    # "Croix-Rouge", so words are not asked to meet there; places, acronyms and years still are
    body = two_reports.get("/api/search", query_string={"q": "What did the Red Cross do in 2020?"}).get_json()
    assert body["answerable"] is True and body["not_together"] == []


def test_speakers_across_reports_and_the_report_pages(two_reports):
    speakers = two_reports.get("/api/speakers").get_json()["speakers"]
    assert all(s["documents"] for s in speakers)
    assert {d["document"] for s in speakers for d in s["documents"]} == {"dakar-2026", "mini-report"}
    form = two_reports.get("/?lang=en").get_data(as_text=True)
    assert 'name="document"' in form and "Dakar" in form
    assert 'name="document"' in two_reports.get("/attribute?lang=en").get_data(as_text=True)
    checked = two_reports.post("/attribute?lang=en", data={"text": "620 families", "document": "dakar-2026"})
    assert checked.status_code == 200 and 'value="dakar-2026" lang="en" selected' in checked.get_data(as_text=True)
    page = two_reports.get("/documents/dakar-2026?lang=en").get_data(as_text=True)
    assert "Ibrahima Ndiaye" in page  # a moderator is one of the report's speakers
    assert "Session 1: Data and trends on the Atlantic route" in page and "Amadou Diallo" in page
    assert two_reports.get("/documents/nope").status_code == 404
    listing = two_reports.get("/documents?lang=fr").get_data(as_text=True)
    assert "dakar-2026" in listing and "mini-report" in listing
    pages = two_reports.get("/api/documents/dakar-2026").get_json()["pages"]
    assert f"{pages} pages" in listing and "de pages" not in listing and "anglais" in listing


def test_one_report_has_no_report_filter(client):
    assert 'name="document"' not in client.get("/?lang=en").get_data(as_text=True)


@pytest.fixture(scope="module")
def english_report(tmp_path_factory):
    from qa import create_app
    from qa.searcher import Searcher

    root = tmp_path_factory.mktemp("english")
    folder = root / "corpus"
    folder.mkdir()
    shutil.copy(DAKAR, folder / "dakar-2026.en.md")
    config = make_config(root, CORPUS=str(folder))
    build()(config)
    return create_app({**config, "SEARCHER": Searcher.load(config, encoder=FakeEncoder()), "TESTING": True}).test_client()


@pytest.mark.parametrize("question, unaddressed", [
    ("What did the meeting say about the drones watching the coast?", ["drones"]),  # a noun it never writes
    ("How many children did Spain relocate?", []),  # "relocated" in the report: one verb
    ("What obstacles did the coast guards face?", []),  # the noun asked for need not be the report's
])
def test_a_noun_an_english_report_never_writes_is_unaddressed_in_an_english_question(english_report, question,
                                                                                      unaddressed):
    body = english_report.get("/api/search", query_string={"q": question}).get_json()
    assert body["unaddressed"] == unaddressed and body["answerable"] is not unaddressed


def test_a_noun_is_not_called_unaddressed_when_a_report_in_another_language_may_say_it(two_reports):
    body = two_reports.get("/api/search", query_string={"q": "What did the meeting say about the drones?"}).get_json()
    assert body["unaddressed"] == []  # the French report may say "drones" in its own words

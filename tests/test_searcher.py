"""Build, load and search over the mini report with the fake encoder; staleness and atomicity."""
import json

import pytest

from qa import store
from qa.build import build_index
from qa.errors import IndexMismatchError, IndexNotBuiltError, UnknownFilterError
from qa.searcher import Searcher
from qa.web.present import result_json

from conftest import FakeEncoder, MINI_REPORT, make_config, quiet


def test_manifest_records_provenance(mini_index):
    config, manifest = mini_index
    assert manifest["encoder"] == FakeEncoder.name and manifest["dim"] == 64
    assert manifest["corpus_files"] and manifest["documents"] == ["mini-report"] and manifest["chunks"] > 5
    assert manifest["settings"]["CHUNK_WORDS"] == 40
    assert {"numpy", "qa", "python"} <= set(manifest["versions"])
    assert "dense.faiss" in manifest["files"]


def test_search_returns_attributed_located_hits(mini_searcher):
    result = mini_searcher.search("combien d'élèves ont été formés", k=3)
    top = result.hits[0]
    assert "3 442 élèves" in top.chunk.text
    described = result_json(top, 1)
    assert [s["name"] for s in described["speakers"]] == ["Jean Martin"]
    assert described["section"]["id"] == "mini-report:session-1"
    assert described["source"]["line_start"] >= 1 and described["highlight"] in described["text"]
    assert "3 442" in described["highlight"]
    assert set(top.ranks) == {"dense", "sparse", "sentence"}


def test_names_in_other_languages_find_the_french_passage(mini_searcher):
    """The fake encoder translates nothing (its vectors rank at random across languages): the
    organisation's and the country's names make the passage the lexical ranking's first."""
    for question in ("Which IOM project runs in Mauritania?", "¿Qué proyecto de la OIM se ejecuta en Mauritania?",
                     "ما هو مشروع المنظمة الدولية للهجرة في موريتانيا؟"):
        ranks = {hit.chunk.text[:40]: hit.ranks["sparse"] for hit in mini_searcher.search(question, k=20).hits}
        assert ranks["Mme Fatou Sall (OIM) et M. Pedro Garcia "] == 1, question


@pytest.mark.parametrize("speaker", ["Mme Sall", "Fatou Sall", "fatou-sall", "sall"])
def test_speaker_filter_by_name_as_written(mini_searcher, speaker):
    result = mini_searcher.search("projet", k=5, speaker=speaker)
    assert result.hits and all("fatou-sall" in hit.chunk.speakers for hit in result.hits)


def test_section_and_kind_filters(mini_searcher):
    # a section's id within its report names that section in every report
    for section in ("session-3", "mini-report:session-3"):
        hits = mini_searcher.search("réseaux", section=section).hits
        assert hits and all(h.chunk.section == "mini-report:session-3" for h in hits)
    assert all(h.chunk.kind == "key_takeaways" for h in mini_searcher.search("école", kind="key_takeaways").hits)


@pytest.mark.parametrize("filters, code", [({"speaker": "Nobody Known"}, "unknown_speaker"),
                                           ({"section": "no such section"}, "unknown_section"),
                                           ({"kind": "poem"}, "unknown_kind")])
def test_unknown_filters_are_clear_errors(mini_searcher, filters, code):
    with pytest.raises(UnknownFilterError) as error:
        mini_searcher.search("projet", **filters)
    assert error.value.code == code


def test_paging_never_overlaps(mini_searcher):
    first = mini_searcher.search("coopération", k=3, offset=0)
    second = mini_searcher.search("coopération", k=3, offset=3)
    ids = [h.chunk.id for h in first.hits] + [h.chunk.id for h in second.hits]
    assert len(ids) == len(set(ids))
    assert ids == [h.chunk.id for h in first.candidates[:len(ids)]]


def test_no_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexNotBuiltError, match="python -m qa index"):
        Searcher.load(make_config(tmp_path), encoder=FakeEncoder())


def test_changed_report_makes_the_index_stale(tmp_path):
    report = tmp_path / "report.md"
    report.write_text(MINI_REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    config = make_config(tmp_path, CORPUS=str(report))
    build_index(config, encoder=FakeEncoder(), log=quiet)
    report.write_text(report.read_text(encoding="utf-8") + "\nUne phrase ajoutée après la construction de l'index.\n",
                      encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="report changed"):
        Searcher.load(config, encoder=FakeEncoder())


def test_other_settings_or_encoder_are_refused(mini_index):
    config, _ = mini_index
    with pytest.raises(IndexMismatchError, match="CHUNK_WORDS"):
        Searcher.load({**config, "CHUNK_WORDS": 99}, encoder=FakeEncoder())

    class Other(FakeEncoder):
        name = "fake:other"

    with pytest.raises(IndexMismatchError, match="fake:other"):
        Searcher.load(config, encoder=Other())


def test_corrupted_file_is_detected(tmp_path):
    config = make_config(tmp_path)
    build_index(config, encoder=FakeEncoder(), log=quiet)
    chunks = store.current(config["INDEX_DIR"]) / "chunks.jsonl"
    chunks.write_text(chunks.read_text(encoding="utf-8").replace("Jean Martin", "Jean Mortin"), encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="chunks.jsonl"):
        Searcher.load(config, encoder=FakeEncoder())


def test_interrupted_build_leaves_the_previous_index(tmp_path, monkeypatch):
    config = make_config(tmp_path)
    build_index(config, encoder=FakeEncoder(), log=quiet)
    before = json.loads((store.current(config["INDEX_DIR"]) / "manifest.json").read_text())

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed mid-build")

    monkeypatch.setattr("qa.build.BM25Index.save", crash)
    with pytest.raises(KeyboardInterrupt):
        build_index({**config, "CHUNK_WORDS": 30}, encoder=FakeEncoder(), log=quiet)
    monkeypatch.undo()
    after = json.loads((store.current(config["INDEX_DIR"]) / "manifest.json").read_text())
    assert after == before
    assert Searcher.load(config, encoder=FakeEncoder()).search("écoles").hits


def test_speaker_filter_by_first_name(mini_searcher):
    assert mini_searcher.speaker_ids_matching("Jean") == ["jean-martin"]
    assert mini_searcher.speaker_ids_matching("Dr. Martin") == ["jean-martin"]


def test_speaker_filter_by_another_of_the_reports_names_for_an_organisation(mini_searcher):
    """The report writes "ONUDC"; "ONUDD" is its other name for the same office (the glossary)."""
    written = mini_searcher.speaker_ids_matching("ONUDC")
    assert written and mini_searcher.speaker_ids_matching("ONUDD") == written

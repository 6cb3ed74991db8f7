"""The French analyzer: elision, accents, stop words, stems, exact figures, acronyms, glossary."""
import pytest

from qa.analyzer import analyze, analyze_query, normalize


def test_elision_and_stop_words():
    assert analyze("l'ONUDC et d'INTERPOL qu'il") == ["onudc", "interpol"]
    assert analyze("jusqu'à l’OIM") == ["oim"]


def test_accents_are_folded():
    assert analyze("Méditerranée") == analyze("mediterranee")
    assert analyze("réintégration") == analyze("reintegration")


def test_stems_conflate_inflections():
    assert analyze("victimes") == analyze("victime")
    assert analyze("poursuites judiciaires") == analyze("poursuite judiciaire")


@pytest.mark.parametrize("variant", ["3 442", "3442", "3,442", "3\u202f442", "3\u00a0442", "3.442"])
def test_thousands_in_any_format_are_one_token(variant):
    assert "3442" in analyze(f"une base de {variant} initiatives")


@pytest.mark.parametrize("variant", ["34,75", "34.75"])
def test_decimals(variant):
    assert analyze(f"{variant} millions")[0] == "34.75"


def test_percentages_keep_the_figure():
    assert analyze("42%")[0] == analyze("42 %")[0] == "42"


def test_acronyms_and_names_are_not_stemmed():
    assert analyze("le COP II et la NAPTIP") == ["cop", "ii", "naptip"]
    # "Touré" in mid-sentence is a name: kept whole, whereas the common noun would be stemmed
    assert "toure" in analyze("selon le Dr Touré, la traite")
    assert analyze("les Processus")[0] == analyze("le processus")[0]  # sentence-initial capital is not a name


def test_quotes_apostrophes_and_spaces_are_unified():
    assert normalize("l’« OIM »\u202f!") == 'l\'" OIM " !'


def test_english_questions_reach_french_words():
    tokens = analyze_query("How did ECOWAS fight migrant smuggling and trafficking?")
    for french in ("cedeao", *analyze("trafic traite")):
        assert french in tokens


def test_french_short_words_are_not_taken_for_acronyms():
    assert "ue" not in analyze_query("il a eu une réponse au comité")
    assert "ue" in analyze_query("What does the EU fund?")


def test_the_reports_own_acronyms_expand_both_ways():
    from qa.acronyms import expand, find_acronyms

    table = find_acronyms(["Le système d'information sur la gestion des frontières (BMIS) recueille les données."])
    assert table["BMIS"] == analyze("système d'information sur la gestion des frontières")
    assert set(table["BMIS"]) <= set(expand(analyze("Que fait le BMIS ?"), table))
    assert "bmis" in expand(analyze("le système d'information sur la gestion des frontières"), table)

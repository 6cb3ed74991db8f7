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


def test_names_in_other_languages_reach_the_reports_names():
    """Organisations (hand-written), places and months (the CLDR's) as the French report writes them."""
    cases = {"How did ECOWAS fight smuggling in Italy in November?": ("cedeao", "italie", "novembr"),
             "¿Qué dijo el ACNUR sobre Etiopía en marzo?": ("hcr", "ethiopie", "mar"),
             "ما هي العملية التي يقودها مكتب الأمم المتحدة المعني بالمخدرات والجريمة والإنتربول في نيجيريا؟":
                 ("onudc", "interpol", "nigeria"),
             "Was sagte die Internationale Organisation für Migration über Südsudan?": ("oim", "soudan", "sud")}
    for question, french in cases.items():
        tokens = analyze_query(question)
        assert set(french) <= set(tokens), (question, tokens)
    # "may" is a verb, "chad" not a country, "mali" Italian for "evils": months and places take their capital
    assert not {"mai", "tchad"} & set(analyze_query("may the chad project work?"))
    assert "mali" not in analyze_query("i mali della tratta")


def test_french_short_words_are_not_taken_for_acronyms():
    assert "ue" not in analyze_query("il a eu une réponse au comité")
    assert "ue" in analyze_query("What does the EU fund?")


def test_the_reports_own_acronyms_expand_both_ways():
    from qa.acronyms import expand, find_acronyms

    table = find_acronyms(["Le système d'information sur la gestion des frontières (BMIS) recueille les données."])
    assert table["BMIS"] == analyze("système d'information sur la gestion des frontières")
    assert set(table["BMIS"]) <= set(expand(analyze("Que fait le BMIS ?"), table))
    assert "bmis" in expand(analyze("le système d'information sur la gestion des frontières"), table)

"""Who said this, over the mini report (fake encoder): verdicts, "did X say this?", evidence, misquotes;
and the pieces attribution is made of."""
import html

import pytest

from qa.names import entity_phrases, is_round, negated, proportions, reported, without_negation, written_figures
from qa.places import nationalities, used_in
from qa.text import clause_spans

QUOTE = "les équipes communes d'enquête ont démantelé 12 réseaux"


def attribute(client, **body):
    response = client.post("/api/attribute", json=body)
    return response.status_code, response.get_json()


@pytest.mark.parametrize("speaker, check", [("Jean Martin", "confirmed"), ("Dr Martin", "confirmed"),
                                            ("Mme Sall", "other_speaker"), (None, None)])
def test_did_this_speaker_say_it(client, conforms, speaker, check):
    status, body = attribute(client, text=QUOTE, speaker=speaker)
    assert status == 200 and body["verdict"] == "quoted" and body["speaker_check"] == check
    assert body["candidates"][0]["speaker"]["name"] == "Jean Martin"
    conforms(body, "AttributeResponse")


@pytest.mark.parametrize("text, speaker, check", [
    (QUOTE, "OIM", "other_speaker"), ("l'hébergement d'urgence reste insuffisant", "OIM", "confirmed"),
    ("l'hébergement d'urgence reste insuffisant", "iom", "confirmed"),  # the English acronym, as typed
])
def test_did_this_organisation_say_it(client, conforms, text, speaker, check):
    """Mme Sall speaks for the OIM in the mini report: its name stands for her, and the answer says so."""
    status, body = attribute(client, text=text, speaker=speaker)
    assert status == 200 and body["verdict"] == "quoted" and body["speaker_check"] == check
    assert [s["name"] for s in body["claimed_speakers"]] == ["Fatou Sall"]
    conforms(body, "AttributeResponse")


@pytest.mark.parametrize("speaker", ["FRONTEX", "de"])  # (not "de", in "Centre de recherche" and "Cour d'appel de")
def test_an_organisation_nobody_spoke_for_is_a_400(client, speaker):
    status, body = attribute(client, text=QUOTE, speaker=speaker)
    assert status == 400 and body["error"]["code"] == "unknown_speaker"


def test_nobody_said_it(client):
    status, body = attribute(client, text="Le Japon a financé 400 écoles au Mali.", speaker="Jean Martin")
    assert status == 200 and body["verdict"] == "not_found" and body["speaker_check"] == "not_found"


def test_an_unknown_speaker_is_a_400(client):
    status, body = attribute(client, text=QUOTE, speaker="Nobody Known")
    assert status == 400 and body["error"]["code"] == "unknown_speaker"


def test_every_candidate_shows_the_words_that_back_it(client):
    _, body = attribute(client, text=QUOTE)
    evidence = body["candidates"][0]["evidence"]
    passage = client.get(f"/api/passages/{evidence['passage']}").get_json()
    assert passage["text"][evidence["start"]:evidence["end"]] == evidence["text"]
    assert "12 réseaux" in evidence["text"]


def test_a_changed_figure_is_a_misquote_naming_both_figures(client, conforms):
    _, body = attribute(client, text=QUOTE.replace("12", "21"))
    assert body["verdict"] == "misquoted" and body["candidates"][0]["speaker"]["name"] == "Jean Martin"
    assert body["candidates"][0]["differences"] == [{"statement": "21", "report": "12", "kind": "figure"}]
    conforms(body, "AttributeResponse")


@pytest.mark.parametrize("count", ["2 024", "2 025"])  # "2 025 élèves" is not the report's "en 2025"
def test_a_changed_count_is_paired_with_a_count_not_a_year(client, count):
    _, body = attribute(client, text=f"Il a souligné que {count} élèves ont été formés.")
    assert body["verdict"] == "misquoted"
    assert body["candidates"][0]["differences"] == [{"statement": count, "report": "3 442", "kind": "figure"}]


def test_a_changed_figure_is_looked_for_beside_the_figures_cited_rightly(client):
    # the closest sentence (the programme's) has no figure; the passage's next one has 2025, and 3 442
    _, body = attribute(client, text="M. Jean Martin a présenté le programme scolaire contre la traite : "
                                     "4 000 élèves formés en 2025.")
    assert body["verdict"] == "misquoted"
    assert body["candidates"][0]["differences"] == [{"statement": "4 000", "report": "3 442", "kind": "figure"}]
    candidate = body["candidates"][0]
    assert "3 442" in candidate["evidence"]["text"]  # the words that show it, not the sentence matched
    assert candidate["passages"][0]["highlight"] == candidate["evidence"]["text"]  # and the passage marks them


@pytest.mark.parametrize("lang, words", [("fr", ["Citation déformée", "le rapport dit « 12 », et non « 21 »"]),
                                         ("en", ["Misquoted", "the report says “12”, not “21”"])])
def test_the_page_says_what_differs_and_who_said_it(client, lang, words):
    page = client.post(f"/attribute?lang={lang}", data={"text": QUOTE.replace("12", "21"), "speaker": "Mme Sall"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and all(w in text for w in words) and 'id="speaker-check"' in text
    assert "Fatou Sall" in text and "Jean Martin" in text  # not her: him, misquoted
    assert {"fr": "c’est Jean Martin qui a parlé de cela, et la déclaration déforme ses propos",
            "en": "Jean Martin spoke of this, and the statement misquotes them"}[lang] in html.unescape(text)


def test_the_page_does_not_name_the_person_asked_about_among_those_who_said_it(client, monkeypatch):
    """The person asked about may be among the candidates without having said it (a related sentence
    of theirs): "Not Ms Sall: this was said by Jean Martin", not "by Jean Martin, Fatou Sall"."""
    from qa.web import present

    real = present.attribution_json

    def with_her_too(found, searcher):
        body = real(found, searcher)
        hers = dict(body["candidates"][0], speaker=present.speaker_json(searcher.corpus.speaker("fatou-sall")))
        return dict(body, speaker_check="other_speaker", candidates=body["candidates"] + [hers])

    monkeypatch.setattr(present, "attribution_json", with_her_too)
    page = client.post("/attribute?lang=en", data={"text": QUOTE, "speaker": "Mme Sall"}).get_data(as_text=True)
    assert "this was said by Jean Martin." in page


@pytest.mark.parametrize("lang, words", [("fr", "la déclaration dit « n'ont pas démantelé », et le rapport le contraire"),
                                         ("en", "the statement says “n'ont pas démantelé”, and the report the opposite")])
def test_the_page_names_a_negation_the_statement_adds_not_the_whole_sentence_it_denies(client, monkeypatch, lang,
                                                                                      words):
    from qa.web import present

    real = present.attribution_json

    def denied(found, searcher):
        body = real(found, searcher)
        clause = body["candidates"][0]["evidence"]["text"]
        negation = {"statement": "n'ont pas démantelé", "report": clause, "kind": "negation"}
        return dict(body, verdict="misquoted", candidates=[dict(body["candidates"][0], differences=[negation])])

    monkeypatch.setattr(present, "attribution_json", denied)
    page = client.post(f"/attribute?lang={lang}", data={"text": QUOTE}).get_data(as_text=True)
    verdict = html.unescape(page[page.index('id="verdict"'):page.index("</h2>")])
    assert words in verdict and "démantelé 12 réseaux" not in verdict  # the clause is shown below


@pytest.mark.parametrize("text, expected", [
    ("The report does not say this.", True), ("Il n'a jamais été question de cela.", True),
    ("Elle ne soutient pas cette idée.", True), ("Der Bericht sagt das nicht.", True),
    ("La protection est essentielle.", False), ("le principe de non-punition des victimes", False),
    ("elle ne peut être mise en œuvre qu'à travers une série d'engagements", False),
    ("المنظمات الإقليمية لا تؤدي أي دور", True), ("لم يتم تحديد الضحايا", True), ("ولا توجد بيانات", True),
    ("لا سيما النساء والأطفال", False), ("لا تزال التحديات قائمة", False),  # especially; still
    ("الهجرة غير النظامية", False), ("لاتجار الأطفال", False),  # irregular; "for trafficking"
])
def test_negation(text, expected):
    assert negated(text) is expected


def test_a_statement_without_its_negation():
    assert without_negation("The report does not say this.") == "The report does say this."
    assert without_negation("Elle ne soutient pas cette idée.") == "Elle soutient cette idée."
    assert without_negation("المنظمات الإقليمية لا تؤدي أي دور") == "المنظمات الإقليمية تؤدي أي دور"


@pytest.mark.parametrize("text, words_reported", [
    ("Mme Oringo a affirmé que les survivants ne sont pas des experts.", "les survivants ne sont pas des experts."),
    ("M. Sall a dit qu'il faut agir vite.", "il faut agir vite."),
    ("The minister said that sharing was not a priority.", "sharing was not a priority."),
    ("Graviano sagte, dass Schleusung nicht verbunden sei.", "Schleusung nicht verbunden sei."),
    ("Según Muteshi, los programas no son clave.", "los programas no son clave."),
    ("La société civile joue un rôle central.", "La société civile joue un rôle central."),
    ("Il a dit que non.", "Il a dit que non."),  # too little left to be what was said
])
def test_the_words_a_statement_reports(text, words_reported):
    assert reported(text) == words_reported


def test_months_in_any_language_are_the_reports_months():
    from qa.glossary import months_in

    assert months_in("to be held in March 2026") == [("March", "mars")]
    assert months_in("en junio de 2025, im Dezember") == [("junio", "juin"), ("Dezember", "décembre")]
    assert months_in("it may be held") == []  # English writes its months with a capital


def test_figures_as_written_and_which_are_round():
    assert [w for w, _ in written_figures("65 000 élèves, 1,300 morts, 34,75 millions, en 2025-2026")] == \
        ["65 000", "1,300", "34,75", "2025", "2026"]
    assert is_round(1300) and is_round(80) and not is_round(48) and not is_round(2026) and not is_round(1299) and not is_round(3.7)


def test_numbers_in_words_and_proportions():
    assert written_figures("Neuf migrants sur dix, dont sept enfants, en 2025", "fr") == \
        [("2025", 2025.0), ("Neuf", 9.0), ("dix", 10.0), ("sept", 7.0)]
    assert written_figures("un ou deux pays", "fr") == []  # "un", "deux": too often not numbers
    assert proportions("nine out of ten migrants", "en") == [(9.0, 10.0, 90.0)]
    assert proportions("un enfant sur cinq", "fr") == [(1.0, 5.0, 20.0)]
    assert proportions("le 12 novembre, sur 3 jours", "fr") == []


def test_a_number_in_words_is_checked_as_a_figure(client):
    _, body = attribute(client, text=QUOTE.replace("12", "vingt et un"))
    assert body["verdict"] == "misquoted"
    assert body["candidates"][0]["differences"] == [{"statement": "vingt et un", "report": "12", "kind": "figure"}]
    _, body = attribute(client, text=QUOTE.replace("12", "douze"))
    assert body["verdict"] == "paraphrased" and body["candidates"][0]["speaker"]["name"] == "Jean Martin"


def test_nationalities_are_names_in_every_language():
    assert [code for _, code in nationalities("aux parquets espagnols, les procuratori italiani, the Dutch, "
                                              "bei den französischen Staatsanwaltschaften")] == \
        ["lang:es", "lang:it", "lang:nl", "lang:fr"]
    assert not nationalities("une approche globale des personnes migrantes")
    words = {"parquets", "italiens", "nigeria"}
    assert used_in("lang:it", words) and not used_in("lang:es", words)
    assert used_in("lang:it", {"italie"})  # the country names the nationality too


def test_a_country_is_a_place_and_an_adjective_of_nationality_is_not():
    from qa.attribute import Attributor

    assert Attributor._is_place("Somalia")  # Somali is also a language: the country comes first
    assert Attributor._is_place("Soudan du Sud") and not Attributor._is_place("Spanish")


def test_a_region_is_named_by_its_continent_and_point_of_the_compass():
    from qa.names import canonical_words
    from qa.places import mentions

    [(_, west_africa)] = mentions("Die EU investiert in Westafrika")
    assert used_in(west_africa, set(canonical_words("en Afrique de l'Ouest")))  # the CLDR's: "Afrique occidentale"
    assert not used_in(west_africa, set(canonical_words("en Afrique de l'Est")))
    assert not used_in(west_africa, set(canonical_words("dans l'ouest du pays")))


def test_names_leave_out_the_words_that_open_a_sentence():
    assert entity_phrases("O ROCK levou à detenção de 53 traficantes na Somália.") == ["ROCK", "Somália"]
    assert entity_phrases("Enfin, en Côte d'Ivoire et au Nigeria, l'UE soutient la CEDEAO.") == \
        ["Côte d'Ivoire", "Nigeria", "UE", "CEDEAO"]


def test_long_enumerated_sentences_split_into_clauses():
    text = ("Elle a cité trois engagements : 1) impliquer les survivants en tant qu'experts ; 2) intégrer des soins "
            "tenant compte des traumatismes ; et 3) fournir un soutien durable. Une phrase simple sans liste.")
    clauses = [text[a:b] for a, b in clause_spans(text)]
    assert clauses == ["Elle a cité trois engagements", "1) impliquer les survivants en tant qu'experts",
                       "2) intégrer des soins tenant compte des traumatismes", "3) fournir un soutien durable."]
    text = ("Le Département coordonne la lutte contre la traite, supervisant 21 projets à travers le pays, ainsi que "
            "les mécanismes d'évaluation par les pairs. Il est venu, cependant, avant la fin, according to the plan.")
    assert [text[a:b] for a, b in clause_spans(text)] == [
        "Le Département coordonne la lutte contre la traite", "supervisant 21 projets à travers le pays",
        "ainsi que les mécanismes d'évaluation par les pairs."]  # not at "cependant", "avant", "according"
    text = ("Il a cité 12 pays partenaires (Burundi, Tchad, Djibouti, Kenya) et l'arrivée de nouveaux membres comme "
            "le Malawi. Le Centre (ROCK, à Khartoum) travaille avec l'OIM.")
    assert [text[a:b] for a, b in clause_spans(text)] == [  # a list in brackets, not any bracket
        "Il a cité 12 pays partenaires", "Burundi, Tchad, Djibouti, Kenya",
        "et l'arrivée de nouveaux membres comme le Malawi."]


def test_a_bracketed_acronym_is_offered_for_a_changed_acronym():
    from qa.attribute import Attributor

    sentence = "des centres gérés avec l'Organisation Internationale pour les Migrations (OIM)."
    assert "OIM" not in Attributor._entities_only_in(sentence, "des centres gérés avec le HCR")
    assert "OIM" in Attributor._entities_only_in(sentence, "des centres gérés avec le HCR", acronyms=True)


def test_a_changed_acronym_is_paired_with_the_passage_acronym():
    from qa.attribute import Attributor

    # "led by UNODC with the support of ECOWAS" for "... of INTERPOL": the acronym stands for the acronym,
    # not for a country named nearby
    pick = Attributor._counterpart(None, "ECOWAS", "Operation Open Roads is led by UNODC with the support of ECOWAS.",
                                   ["Nigeria", "INTERPOL"], "Menée au Nigeria par l'ONUDC avec le soutien d'INTERPOL.",
                                   "Menée au Nigeria par l'ONUDC avec le soutien d'INTERPOL.")
    assert pick == "INTERPOL"


@pytest.mark.parametrize("statement", [
    "Zanette sagte, das Treffen falle mit dem 15. Jahrestag des Khartum-Prozesses zusammen.",
    "Secondo Zanette, la riunione coincide con il 15º anniversario del Processo di Khartoum.",
    "She said the meeting marks the 15th anniversary of the Khartoum Process."])
def test_a_changed_figure_is_paired_with_the_figure_that_counts_the_same_thing(statement):
    from qa.attribute import Attributor

    # 20 is the nearer in size, but it counts the Rabat Process's years
    sentence = ("Elle se tient à l'occasion du 10e anniversaire du Processus de Khartoum et à l'approche du "
                "20e anniversaire du Processus de Rabat.")
    assert Attributor._figure_counterpart("15", 15.0, statement, [("10", 10.0), ("20", 20.0)], sentence) == ("10", 10.0)
    # with nothing in common around the figures, the nearest in size
    assert Attributor._figure_counterpart("15", 15.0, "15 victims", [("10", 10.0), ("18", 18.0)], sentence) == ("18", 18.0)


def test_a_figure_counts_the_same_thing_when_words_spelled_alike_stand_around_it():
    from qa.attribute import _context_of, _counts_alike

    around = _context_of("Laut Nicodemi beaufsichtigt die Abteilung 12 Projekte im ganzen Land.", "12")
    assert _counts_alike(around, "Le Département supervise 21 projets à travers le pays.", "21")
    assert not _counts_alike(around, "Elle a cité 21 pays partenaires.", "21")
    assert not _counts_alike(around, "En 2021 projets et programmes ont été lancés.", "21")  # not a figure there
    around = _context_of("reforçou as capacidades de mais de 5 000 profissionais", "5 000")
    assert _counts_alike(around, "le renforcement des capacités de plus de 3 000 praticiens", "3 000")  # words before


def test_a_word_is_shared_with_a_sentence_by_its_stem_or_a_stem_of_its_family():
    from qa.analyzer import analyze
    from qa.attribute import _family_shared

    sentence = set(analyze("Le comité a permis d'identifier les zones sensibles de la traite des enfants"))
    assert _family_shared({"identif", "enfant", "gold"}, sentence) == {"identif", "enfant"}  # "identif" (identification): "identifi"
    assert not _family_shared({"enfanc"}, sentence)  # "enfance" is not "enfants": neither begins the other
    assert _family_shared({"zon", "comit"}, sentence) == {"zon", "comit"}  # short stems: as they are only...
    assert not _family_shared({"zon"}, {"zones", "zonal"})  # ...not as the beginning of a longer one


def test_a_speaker_very_close_to_the_statement_said_it_only_if_their_sentence_carries_as_much_of_it():
    from types import SimpleNamespace

    from qa.attribute import Attribution, Attributor, Candidate, Evidence

    def candidate(speaker, carried):
        return Candidate(SimpleNamespace(id=speaker), 0.9, [], Evidence(0, 0, 1, 0.9, carried=carried))

    checker = SimpleNamespace(sure=0.86)  # both are very close; one said it in these words
    found = Attribution("paraphrased", [candidate("sa-carvalho", 0.92), candidate("mullally", 0.58)], [])
    assert Attributor._check(checker, found, {"mullally"}) == "other_speaker"
    assert Attributor._check(checker, found, {"sa-carvalho"}) == "confirmed"
    found = Attribution("paraphrased", [candidate("a", 0.0), candidate("b", 0.0)], [])  # across languages: not ranked
    assert Attributor._check(checker, found, {"b"}) == "confirmed"


def test_a_capitalised_german_noun_is_a_name_only_if_the_reports_never_write_it_in_lower_case(mini_searcher):
    from qa.attribute import Attributor

    attributor = Attributor(mini_searcher)
    # "Session" and "Modules" are the report's common nouns ("modules de prévention"); Dakar is a
    # place, Martin a name it writes only with a capital, PROTEGE an acronym
    assert attributor._german_names(["Session", "Modules", "Dakar", "Martin", "PROTEGE"]) == \
        ["Dakar", "Martin", "PROTEGE"]


def test_the_clause_a_statement_denies_is_the_close_sentence_that_carries_the_most_of_its_claim():
    from types import SimpleNamespace

    from qa.attribute import Attributor

    carried = {0: 0.2, 11: 0.7, 31: 0.9}  # by sentence start: the introduction, the clause, a sentence far off
    sentences = SimpleNamespace(similarities=lambda row, vector: ([(0, 10), (11, 30), (31, 50)], [0.9, 0.82, 0.7]))
    checker = SimpleNamespace(close=0.8, searcher=SimpleNamespace(sentences=sentences),
                              _carried=lambda evidence, claims: carried[evidence.start])
    checker._sentences = lambda row, vector: Attributor._sentences(checker, row, vector)
    found = Attributor._carrying_most(checker, 5, None, None)
    assert (found.row, found.start, found.end) == (5, 11, 30)  # not the closest, not the one that is not close
    carried[11] = 0.3
    assert Attributor._carrying_most(checker, 5, None, None) is None  # none close carries the claim


def test_an_organisation_is_an_acronym_the_reports_write_or_one_the_glossary_names_and_not_a_place():
    from types import SimpleNamespace

    from qa.attribute import Attributor

    reports = SimpleNamespace(_acronyms={"europol", "interpol", "tchad"}, _is_place=Attributor._is_place)
    assert Attributor._organisation(reports, "Europol") and Attributor._organisation(reports, "INTERPOL")
    assert not Attributor._organisation(reports, "Vienne")  # a city the statement's "Interpol" is no misquote of
    assert not Attributor._organisation(reports, "Tchad")  # a country, though a title writes it in capitals
    reports._acronyms = {"oim", "onudc"}  # the reports write the French acronyms
    assert Attributor._organisation(reports, "IOM") and Attributor._organisation(reports, "UNODC")
    assert not Attributor._organisation(reports, "Europol")
    # an organisation the glossary names, in any of the seven languages, whose acronym the reports never write
    assert Attributor._organisation(reports, "União Africana") and Attributor._organisation(reports, "African Union")
    assert not Attributor._organisation(reports, "Comissão")


def test_an_acronym_the_reports_write_is_shown_only_as_written_not_by_a_near_spelling():
    from types import SimpleNamespace

    from qa.attribute import Attributor

    passage = {"europe", "civipol", "dipartimento", "rock"}  # "l'Europe" is no "Europol"
    reports = SimpleNamespace(_acronyms={"europol", "civipol"}, _is_place=Attributor._is_place)
    reports._organisation = lambda phrase: Attributor._organisation(reports, phrase)
    assert not Attributor._shows(reports, "Europol", passage)
    assert Attributor._shows(reports, "CIVIPOL", passage)
    assert Attributor._shows(reports, "Dipartimentos", passage)  # a name in another language: near spellings count
    reports._acronyms = set()  # reports that never write Europol: a name like any other
    assert Attributor._shows(reports, "Europol", passage)


def test_an_acronym_the_reports_never_write_abbreviates_a_word_of_the_sentence_nearest_to_it():
    from types import SimpleNamespace

    import numpy as np

    from qa.attribute import Attributor

    stems = ["videosurveil", "interpol", "camer"]
    nearest = {"CCTV": 0, "AFRIPOL": 1, "GPS": 2}  # each acronym's nearest word of the reports
    vocabulary = SimpleNamespace(stems=stems, vectors=np.eye(3, dtype=np.float32),
                                 vectors_of=lambda words, encoder: np.eye(3, dtype=np.float32)[[nearest[w] for w in words]])
    checker = SimpleNamespace(searcher=SimpleNamespace(vocabulary=vocabulary, encoder=None), _acronyms={"interpol"})
    sentence = "le système de surveillance, équipé de caméras de vidéosurveillance reliées à INTERPOL"
    assert Attributor._abbreviates_a_word_of(checker, "CCTV", sentence)
    assert not Attributor._abbreviates_a_word_of(checker, "AFRIPOL", sentence)  # an organisation for another
    assert not Attributor._abbreviates_a_word_of(checker, "GPS", "le système de surveillance")  # not this sentence's


def test_a_count_changed_is_a_figure_of_what_the_sentence_counts_and_not_a_year():
    from qa.attribute import Attributor

    sentence = "Le projet a touché 65 000 élèves et formé 1 200 enseignants."
    changed = [{"statement": "56 000", "report": "65 000", "kind": "figure"}]
    assert Attributor._counts_changed("Il a touché 56 000 élèves.", sentence, changed)
    assert not Attributor._counts_changed("Il a cité 56 000 parents.", sentence, changed)  # not what it counts
    year = [{"statement": "2024", "report": "2023", "kind": "figure"}]
    assert not Attributor._counts_changed("des élèves en 2024", "des élèves en 2023", year)
    name = [{"statement": "Mali", "report": "Niger", "kind": "name"}]
    assert not Attributor._counts_changed("au Mali", "au Niger", name)


def test_what_a_statement_claims_leaves_out_its_names_and_stop_words():
    from qa.coverage import content_words

    assert content_words("Mme Mullally a salué l'accélération des procédures de retour.", "fr", ["Mullally"]) == \
        ["salué", "accélération", "procédures", "retour"]
    assert content_words("The ICMPD representative proposed a visa-free zone with Nigeria.", "en", ["ICMPD"]) == \
        ["representative", "proposed", "visa-free", "zone"]
    # the glossary's and the CLDR's names are names in any script: "the European Union", "Nigeria"
    assert content_words("يدعم الاتحاد الأوروبي مبادرات في نيجيريا", "ar") == ["يدعم", "مبادرات"]
    # "percent" belongs to the figure, in any of its languages' words (the CLDR's), with its proclitic
    assert content_words("About 90 percent of arrivals used smugglers", "en") == ["arrivals", "smugglers"]
    assert content_words("Environ 90 pour cent des arrivées", "fr") == ["arrivées"]
    assert content_words("نحو 90 في المائة من الواصلين", "ar") == ["الواصلين"]


def test_in_other_languages_than_french_and_english_a_word_is_carried_through_the_phrase_too():
    """"traite" alone is ambiguous (a milking, a bill); "traite des êtres" is what "Menschenhandel"
    means. English and French statements find the report's words through the words alone."""
    import numpy as np

    from qa.coverage import Claims
    from qa.vocabulary import Vocabulary

    import zlib

    def vector(text):  # its own direction for every text, but the three that mean the same
        text = "traite des êtres" if text in ("Menschenhandel", "trafficking") else text
        v = np.random.default_rng(zlib.crc32(text.encode())).normal(size=64)
        return v / np.linalg.norm(v)

    class Encoder:
        dim = 64

        def encode_passages(self, texts):
            return np.stack([vector(t) for t in texts]).astype(np.float32)

        encode_queries = encode_passages

    report = "La traite des êtres humains. La lutte contre la traite des êtres."
    filler = " ".join(f"mot{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(300))  # a report's many words
    vocabulary = Vocabulary.build([report, filler], Encoder())
    sentence = "Elle a parlé de la traite."
    # "Menschenhandel" is carried, not "sprach"; neither "spoke" nor "trafficking"
    assert Claims("Sie sprach über Menschenhandel.", "de", [], vocabulary, Encoder()).share(sentence, "fr") == 0.5
    assert Claims("She spoke of trafficking.", "en", [], vocabulary, Encoder()).share(sentence, "fr") == 0.0


def test_a_sentence_carries_a_claim_by_its_stems_or_by_the_nearest_words():
    """Words of another language reach the report's through their nearest words; a word whose
    nearest words are elsewhere is not carried, whatever its cosine."""
    import numpy as np

    from qa.coverage import Claims
    from qa.vocabulary import Vocabulary

    rng = np.random.default_rng(7)
    french = ("fermeture frontières terrestres écoles victimes enquêtes réseaux trafiquants protection "
              "formation juges procureurs données partage coopération financement projets enfants travail "
              "police migrants passeurs routes désert mer sauvetage retour réintégration accueil santé "
              "justice preuves témoins confiscation avoirs blanchiment corruption documents visas").split()
    french += ["".join(rng.choice(list("bcdfglmnprstv"), 3)) + "ation" for _ in range(400)]  # a report's size
    french = list(dict.fromkeys(french))
    vectors = {w: v / np.linalg.norm(v) for w, v in zip(french, rng.normal(size=(len(french), 256)))}
    english = {"closing": "fermeture", "borders": "frontières", "schools": "écoles"}
    unrelated = vectors[french[-1]]  # near a word of the report that none of the sentences has

    class Encoder:
        dim = 256

        def encode_passages(self, words):  # a phrase ("fermeture frontières") as its first word
            return np.stack([vectors[w.split()[0]] for w in words]).astype(np.float32)

        def encode_queries(self, words):
            rows = [vectors[english[w]] + 0.05 * rng.normal(size=256) if w in english else unrelated for w in words]
            return np.stack([r / np.linalg.norm(r) for r in rows]).astype(np.float32)

    vocabulary = Vocabulary.build([" ".join(french)], Encoder())
    claims = Claims("They said closing borders and schools is compensation.", "en", [], vocabulary, Encoder())
    assert claims.words == ["closing", "borders", "schools", "compensation"]
    assert claims.share("La fermeture des frontières et des écoles.", "fr") == 0.75  # not "compensation"
    assert claims.share("Le partage des données et des preuves.", "fr") == 0.0
    assert Claims("la fermeture des écoles", "fr", [], vocabulary, Encoder()).share(
        "Elle a annoncé la fermeture des écoles.", "fr") == 1.0  # the same stems, nothing encoded


def test_a_name_written_in_another_language_keeps_its_short_names():
    """Near spellings stand for the long words of a name; its short names (not titles) must be there."""
    from qa.names import cognate_in

    assert cognate_in("Dipartimento", {"departement"})
    assert cognate_in("Processo di Rabat", {"processus", "de", "rabat"})
    assert cognate_in("Dr Dipartimento", {"departement"})  # a title is not a name
    assert not cognate_in("Déclaration de Rabat", {"declaration", "de", "niamey"})

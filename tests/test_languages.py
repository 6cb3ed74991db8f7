"""Questions in the languages of the dialogues: detection, the report's vocabulary reached through the
encoder, one passage per result."""
import zlib

import numpy as np
import pytest

from qa.language import detect
from qa.latin import LatinNames, skeleton
from qa.parts import heading_number, parts_named
from qa.places import demonyms, mentions
from qa.scope import _proper_part
from qa.grammar import is_verb_form, nouns, verbs
from qa.vocabulary import Vocabulary


@pytest.mark.parametrize("question, language", [
    ("Qui a modéré la session 4 ?", "fr"), ("Who moderated session 4?", "en"),
    ("¿Quién moderó la sesión 4?", "es"), ("Quem moderou a sessão 4?", "pt"), ("Chi ha moderato la sessione 4?", "it"),
    ("Wer hat die Sitzung 4 moderiert?", "de"), ("من أدار الجلسة الرابعة؟", "ar"),
])
def test_short_questions_are_recognised(question, language):
    assert detect(question)[0] == language


class ConceptEncoder:
    """Words of one concept, in any language, share a direction; every other word has its own; the
    report's (French) words also share a little, as words of one language do."""

    name, dim = "test:concepts", 256
    CONCEPTS = {"enseignants": 0, "Lehrer": 0, "frontières": 1, "Grenzen": 1, "budget": 2}
    GERMAN = {"Lehrer", "Grenzen", "Schulen", "viele"}

    def _encode(self, texts):
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, self.CONCEPTS.get(text, 3 + zlib.crc32(text.encode()) % 250)] = 1.0
            if text not in self.GERMAN:
                vectors[row, 255] = 0.3
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    encode_queries = encode_passages = _encode


def test_a_question_word_reaches_the_report_word_of_the_same_meaning(tmp_path):
    encoder = ConceptEncoder()
    vocabulary = Vocabulary.build(["Les enseignants surveillent les frontières.", "Le budget des écoles."], encoder)
    assert set(vocabulary.translate("Wie viele Lehrer an den Grenzen?", encoder)) == {"enseign", "frontier"}
    assert vocabulary.translate("Wie viele Schulen?", encoder) == []  # no word of the report means that
    vocabulary.save(tmp_path / "v.json", tmp_path / "v.npy", tmp_path / "p.npy")
    loaded = Vocabulary.load(tmp_path / "v.json", tmp_path / "v.npy", tmp_path / "p.npy")
    assert loaded.stems == vocabulary.stems and loaded.threshold == pytest.approx(vocabulary.threshold)
    assert loaded.phrases == vocabulary.phrases and np.array_equal(loaded.phrase_vectors, vocabulary.phrase_vectors)


def test_a_word_is_also_encoded_in_its_most_frequent_phrase():
    """The word and the words after it up to the next content word of its clause, never across
    punctuation; a word without one keeps its own vector."""
    encoder = ConceptEncoder()
    vocabulary = Vocabulary.build(["La lutte contre la traite des êtres humains, personnes et enfants.",
                                   "La traite des êtres humains; la traite des enfants."], encoder)
    phrase_of = dict(zip(vocabulary.stems, vocabulary.phrases))
    assert phrase_of["lutt"] == "lutte contre"
    assert phrase_of["trait"] == "traite des êtres"  # twice, against "traite des enfants" once
    assert phrase_of["humain"] is None  # a comma follows: "personnes" is another item
    row = vocabulary.stems.index("humain")
    assert np.array_equal(vocabulary.phrase_vectors[row], vocabulary.vectors[row])


def test_a_question_word_is_encoded_once_and_translated_among_the_passages_words():
    encoder = ConceptEncoder()
    vocabulary = Vocabulary.build(["Les enseignants surveillent les frontières.", "Le budget des écoles."], encoder)
    asked = []
    encoder.encode_queries = lambda texts: (asked.extend(texts), encoder._encode(texts))[1]
    vocabulary.translate("Wie viele Lehrer an den Grenzen?", encoder)
    vocabulary.translate("Lehrer und Grenzen", encoder)
    assert len(asked) == len(set(asked)) and {"Grenzen", "Lehrer"} <= set(asked)  # kept for the second question
    vocabulary.translate("How many teachers are there, each year, across borders?", encoder)
    assert not {"many", "each", "across"} & set(asked)  # English function words are not encoded
    only_teachers = np.array([vocabulary.stems.index("enseign")])
    assert vocabulary.translate("Wie viele Lehrer an den Grenzen?", encoder, within=only_teachers) == ["enseign"]


def test_one_passage_one_result_across_pages(client):
    pages = [client.get("/api/search", query_string={"q": "coopération des victimes", "k": 4, "offset": o}).get_json()
             for o in (0, 4, 8)]
    passages = [r["passage"] for page in pages for r in page["results"]]
    assert len(passages) == len(set(passages)) and len(passages) > 4


def test_the_answer_says_which_language_it_read(client):
    body = client.get("/api/search", query_string={"q": "¿Cuántas escuelas recibieron módulos de prevención?"}).get_json()
    assert body["language"] == "es"


@pytest.mark.parametrize("question, answerable", [
    ("Combien d'élèves ont été formés ?", True),
    ("How many pupils were trained?", True),
    ("Quel rôle AFRIPOL a-t-elle joué dans les écoles ?", False),  # an acronym the report never uses
    ("What did UNICEF fund in the schools?", False),
    # a place, in any language: the report names Mauritania, never Algeria
    ("¿Qué proyecto se ejecuta en Mauritania?", True),
    ("¿Qué proyecto se ejecuta en Argelia?", False),
    ("ما هو المشروع الذي ينفذ في الجزائر؟", False),
    ("Which Mauritanian project was presented?", True),  # the adjective
    ("What did the Algerian minister say about the schools?", False),  # an adjective the CLDR does not list
    ("Que fait la police mauritanienne ?", True),
    ("Que fait la police algérienne ?", False),  # in lower case, as French writes it
    # a French noun the report never writes, in any form: not answered, however near a word of the report
    # is in the encoder's space or in spelling ("mariages": "famille"; "compagnies": "campagnes")
    ("Quelles campagnes contre les mariages forcés ?", False),
    ("Quel rôle les compagnies jouent-elles dans les écoles ?", False),
    # ... but for the noun the question asks for: the report need not call it so
    ("Quels obstacles les enseignants rencontrent-ils ?", True),
    ("Quel est l'avis des enseignants sur la formation ?", True),
    ("Combien de dossiers a-t-on ouverts ?", True),  # "ouverts" and "ouvrir": one verb
    ("Quel rôle jouent les enseignnats dans les écoles ?", True),  # a typing slip of a word of the report
    # words for the meeting and its people: a report may call them otherwise ("session", "intervenant")
    ("Qu'a dit le délégué de l'OIM lors de la séance sur les écoles ?", True),
    ("Quelles campagnes afin de freiner le recrutement ?", True),  # a verb says what was done, not what about
    # an ordinal names a part of the meeting, not a subject, though the report never writes it
    ("Qu'a retenu la troisième session sur les écoles ?", True),
    # a word no French or English dictionary knows, in no form of the report: a term of art, in either language
    ("Que fait-on pour les enfants talibés dans les écoles ?", False),
    ("What was said about sextortion in the schools?", False),
    # (names and words are checked through the encoder too: with the real one, in test_real_service)
])
def test_a_question_on_what_the_report_never_mentions_is_flagged(client, conforms, question, answerable):
    body = client.get("/api/search", query_string={"q": question}).get_json()
    conforms(body, "SearchResponse")
    assert body["answerable"] is answerable and bool(body["unaddressed"]) is not answerable
    assert body["results"]  # the closest passages are still there


@pytest.mark.parametrize("question, asked, named", [
    ("Quels obstacles Mme Diop a-t-elle relevés dans les écoles ?", "obstacles", ["écoles"]),
    ("Quel est l'avis du juge sur les enquêtes ?", "avis", ["juge", "enquêtes"]),
    ("Quelle a été la contribution de l'OIM ?", "contribution", []),
    ("Combien de dossiers ont été ouverts afin de lutter contre la traite ?", "dossiers", ["traite"]),  # no infinitive
    ("Que dit le rapport sur les mariages d'enfants ?", None, ["rapport", "mariages", "enfants"]),
    ("Que dit le rapport sur les ateliers de couture ?", None, ["rapport", "ateliers", "couture"]),  # a noun in -re
])
def test_the_nouns_of_a_french_question_and_the_one_it_asks_for(question, asked, named):
    assert nouns(question, "fr") == (asked, tuple(named))


@pytest.mark.parametrize("word, verb", [
    ("freiner", True), ("deviennent", True), ("soulevés", True), ("tenus", True), ("fixées", True),
    ("frontières", False), ("couture", False), ("mariages", False), ("prises", False),
])
def test_a_french_verb_is_told_from_a_noun(word, verb):
    assert is_verb_form(word) is verb


@pytest.mark.parametrize("text, code", [
    ("the Algerian minister", "DZ"), ("Nigerian officials", "NG"), ("a Chadian court", "TD"),
    ("Senegalese judges", "SN"), ("an Egyptian law", "EG"), ("Malian children", "ML"),
    ("the European Commission", None), ("a Christian charity", None), ("Mediterranean routes", None),
    ("the algerian minister", None),  # a capital, as for names
])
def test_an_adjective_made_from_a_country_name_names_the_country(text, code):
    assert [c for _, c in mentions(text)] == ([code] if code else [])


@pytest.mark.parametrize("text, codes", [
    ("die Antwort Ugandas", ["UG"]), ("Äthiopiens gemeinsame Teams", ["ET"]), ("Malis Komitee", ["ML"]),
    ("Paris und Laos", ["LA"]), ("Texas", []),  # "Laos" is the name itself; "Pari" and "Texa" are no places
])
def test_a_place_in_the_german_genitive_is_the_place(text, codes):
    assert [code for _, code in mentions(text)] == codes


def test_an_arabic_place_is_found_under_its_proclitics():
    """"and", "in", "for" are written onto the next word, two of them at times: "وبالمغرب", "and in Morocco";
    "for the" drops the article's alif: "للنيجر"."""
    assert [code for _, code in mentions("في النيجر والنيجر وبالمغرب وللنيجر")] == ["NE", "NE", "MA", "NE"]
    # "and" on a name written without the article ("وكينيا", and Kenya); not on another word ("وزارة", ministry)
    assert [code for _, code in mentions("محققين من جيبوتي وكينيا ووزارة العدل")] == ["DJ", "KE"]


@pytest.mark.parametrize("text, codes", [
    ("دعا وزير الخارجية النيجيري", ["NG"]), ("الشرطة المصرية والسلطات الموريتانية", ["EG", "MR"]),
    ("المهاجرين الإثيوبيين والكينيين", ["ET", "KE"]), ("الحكومة النيجرية", ["NE"]),  # Niger, not Nigeria
    ("الدعم المالي والتعاون الدولي والأمن الوطني", []),  # "financial", "international", "national"
])
def test_an_arabic_adjective_of_nationality_names_the_country(text, codes):
    assert [code for _, code in mentions(text)] == codes


@pytest.mark.parametrize("text, codes", [
    ("en Benín, Costa de Marfil y Níger", ["BJ", "CI", "NE"]),  # the CLDR's Spanish name is "Côte d'Ivoire"
    ("في بوركينا فاصو أو بوركينا فاسو", ["BF", "BF"]),  # two spellings in use
    ("o Benim e o Barém", ["BJ", "BH"]),
])
def test_a_country_is_found_under_its_other_names_in_use(text, codes):
    assert [code for _, code in mentions(text)] == codes


@pytest.mark.parametrize("text, codes", [
    ("la frontière algérienne", ["DZ"]), ("les autorités nigériennes et nigérianes", ["NE", "NG"]),
    ("des pêcheurs ghanéens", ["GH"]), ("les parquets italiens", ["IT"]),
    ("os canais de comunicação", []), ("Marcello Giordani", []),  # not adjectives of a country
    # adjectives no ending makes from a name: another word, or a name of several words
    ("the Ivorian judge", ["CI"]), ("les juges ivoiriennes", ["CI"]), ("Togolese and Burkinabe officials", ["TG", "BF"]),
    ("les autorités sierra-léonaises", ["SL"]),
])
def test_french_adjectives_of_nationality_name_the_country(text, codes):
    assert [c for _, c in demonyms(text)] == codes


@pytest.mark.parametrize("question, apart", [
    ("Qu'a fait l'Espagne en 2025 ?", ["Espagne", "2025"]),  # the co-chair on the cover; 2025 in session 1
    ("What did the University of Madrid say in 2020?", ["Madrid", "2020"]),
    ("Which Mauritanian project did Spain fund?", ["Mauritanian", "Spain"]),  # Spain: the co-chair only
    ("Quel projet l'OIM mène-t-elle au Sénégal et en Mauritanie ?", []),  # one turn names all three
    ("Combien d'élèves ont été formés en 2025 ?", []),
])
def test_names_the_report_uses_but_never_together_are_flagged(client, conforms, question, apart):
    body = client.get("/api/search", query_string={"q": question}).get_json()
    conforms(body, "SearchResponse")
    assert body["not_together"] == apart and body["answerable"] is not apart and not body["unaddressed"]


@pytest.mark.parametrize("lang, notice", [("fr", "Le rapport ne semble pas traiter cette question"),
                                          ("en", "The report does not seem to address this question")])
def test_the_page_says_the_report_does_not_answer(client, lang, notice):
    page = client.get("/search", query_string={"q": "Que dit le rapport sur AFRIPOL ?", "lang": lang})
    text = page.get_data(as_text=True)
    assert notice in text and "AFRIPOL" in text and 'id="not-answered"' in text
    answered = client.get("/search", query_string={"q": "Combien d'élèves ont été formés ?", "lang": lang})
    assert 'id="not-answered"' not in answered.get_data(as_text=True)


@pytest.mark.parametrize("lang, notice", [("fr", "mais jamais ensemble"), ("en", "but never together")])
def test_the_page_says_which_names_never_meet(client, lang, notice):
    text = client.get("/search", query_string={"q": "Qu'a fait l'Espagne en 2025 ?", "lang": lang}).get_data(as_text=True)
    assert notice in text and 'id="not-answered"' in text
    assert ("Espagne et 2025" if lang == "fr" else "Espagne and 2025") in text


@pytest.mark.parametrize("latin, arabic", [("Liberterra", "ليبرتيرا"), ("Nalubega", "نالوبيغا"), ("INTERPOL", "إنتربول"),
                                          ("Baumgartner", "بومغارتنر"), ("Graviano", "غرافيانو"), ("Zanette", "زانيتي"), ("Garcia", "غارسيا")])
def test_a_name_and_its_arabic_spelling_have_one_skeleton(latin, arabic):
    assert skeleton(latin) == skeleton(arabic)


@pytest.mark.parametrize("text, found", [
    ("ماذا قالت نالوبيغا عن عملية ليبرتيرا؟", ["Nalubega", "Liberterra"]),
    ("قال ميغنو إن", ["Mignot"]),  # a final "t" is not heard
    ("يعملون إلى جانب والإنتربول", ["INTERPOL"]),  # under "and the"
    ("مكافحة الاتجار بالبشر", []),  # "trafficking", a word of the language, sounds like "Tuggar"
    ("سيمول", []),  # "will finance": "Samuel" or "Somalie"? neither
    ("للإيكواس", []),  # "for the ECOWAS" is not "Lucas"
    ("Nalubega", []),  # written in Latin script already
])
def test_names_written_in_arabic_script_are_the_reports(text, found):
    names = LatinNames(["Nalubega", "Liberterra", "Mignot", "INTERPOL", "Tuggar", "Samuel", "Somalie", "Lucas"])
    assert names.of(text) == found


def test_a_question_naming_a_speaker_in_arabic_script_finds_her_by_her_name(mini_searcher):
    """The lexical ranking reads the name as the report writes it (the fake encoder knows no Arabic)."""
    hits = mini_searcher.search("ماذا قالت لوبيز؟", 5).hits
    assert [h.ranks["sparse"] for h in hits if h.chunk.speakers == ["ana-lopez"]] == [1]


def test_in_another_language_the_passages_naming_its_place_come_first(mini_searcher):
    """Among the first candidates, those that name the country asked about come before the others
    (the fake encoder knows no Arabic: its order alone would be a lottery)."""
    hits = mini_searcher.search("ماذا قيل عن موريتانيا؟", 10).hits
    naming = ["mauritanie" in mini_searcher.described_words[h.row] for h in hits]
    assert any(naming) and naming == sorted(naming, reverse=True)


@pytest.mark.parametrize("name, language, judged", [
    ("Lagos State", "en", "Lagos"),  # the reports write "État de Lagos"
    ("Abidjan Court", "en", "Abidjan"),
    ("World Bank", "en", "World Bank"),  # ordinary words only: judged whole
    ("Darién Gap", "en", "Darién"),
    ("CEO", "en", None),  # an abbreviation the dictionary has
    ("AFRIPOL", "en", "AFRIPOL"),
    ("Malaika Oringo", "en", "Malaika Oringo"),
])
def test_a_name_in_another_language_is_judged_by_its_names_not_its_ordinary_words(name, language, judged):
    assert _proper_part(name, language) == judged


def test_each_organisation_a_question_names_comes_with_all_the_reports_names_for_it():
    from qa.glossary import organisations_named

    assert organisations_named("What did the IOM say?") == [
        ("IOM", ["OIM", "Organisation Internationale pour les Migrations"])]
    assert [names for _, names in organisations_named("ما هي مبادرات الإيكواس؟")] == [["CEDEAO"]]  # no capitals


@pytest.fixture(scope="module")
def far_client(mini_index):
    """The mini report served with a FAR_Z so high that no sentence is ever close enough."""
    from qa import create_app
    from qa.searcher import Searcher

    from conftest import FakeEncoder

    config = {**mini_index[0], "FAR_Z": 100.0}
    return create_app({**config, "SEARCHER": Searcher.load(config, encoder=FakeEncoder()), "TESTING": True}).test_client()


@pytest.mark.parametrize("question, far", [
    ("Combien d'élèves ont été formés ?", True),
    ("How many pupils were trained?", True),
    ("¿Cuántas escuelas recibieron módulos de prevención?", False),  # judged in French and English only
    ("Quel rôle AFRIPOL a-t-elle joué dans les écoles ?", False),  # said by the name it never mentions instead
    # who spoke, for a country the report names: nothing besides the meeting and the name to be far from
    ("Who represented Spain?", False), ("Qui a parlé pour le Sénégal ?", False),
    ("Who represented Spain in the schools?", True),
])
def test_a_question_far_from_every_sentence_is_flagged(client, far_client, conforms, question, far):
    body = far_client.get("/api/search", query_string={"q": question}).get_json()
    conforms(body, "SearchResponse")
    assert body["far"] is far and body["results"]
    assert body["answerable"] is (not far and not body["unaddressed"])
    assert client.get("/api/search", query_string={"q": question}).get_json()["far"] is False  # at the default


@pytest.mark.parametrize("lang, notice", [("fr", "aucun de ses passages n’en est proche par le sens"),
                                          ("en", "none of its passages comes close to it in meaning")])
def test_the_page_says_no_passage_comes_close(far_client, lang, notice):
    text = far_client.get("/search", query_string={"q": "Combien d'élèves ont été formés ?", "lang": lang}
                          ).get_data(as_text=True)
    assert notice in text and 'id="not-answered"' in text


@pytest.mark.parametrize("question, sessions", [
    ("What lesson did the second session draw?", {2}), ("Who moderated session 4?", {4}),
    ("Qu'a retenu la troisième séance ?", {3}), ("Qui a ouvert la première session ?", {1}), ("la 3e session", {3}),
    ("¿Quién moderó la segunda sesión?", {2}), ("Na terceira sessão", {3}), ("il primo panel", {1}),
    ("im zweiten Panel", {2}), ("من أدارت الجلسة الرابعة؟", {4}), ("في الجلسة الأولى", {1}),
    ("Les 4 sessions ont porté sur quoi ?", set()),  # a count, not a session
    ("la première phase du programme", set()), ("la seconda conferenza dell'Alleanza", set()),
    ("Perché restano sconosciute secondo le conclusioni della sessione?", set()),  # "secondo": according to
])
def test_a_question_names_a_session_by_its_number_in_any_language(question, sessions):
    assert parts_named(question) == sessions


def test_a_section_heading_gives_its_session_number():
    assert [heading_number(t) for t in ("Session 2 - Protection en pratique", "Session 3 : Poursuites",
                                        "Session 1: Data and trends", "1) Cérémonie d'ouverture", "Clôture")] \
        == [2, 3, 1, None, None]


@pytest.mark.parametrize("question, session", [
    ("Qu'a dit Jean Martin lors de la troisième session ?", 3), ("Qu'a dit Jean Martin lors de la première session ?", 1),
    # the words of session 1's passage, the session named 3
    ("Qu'a présenté Jean Martin sur le programme scolaire contre la traite dans la session 3 ?", 3),
])
def test_the_passages_of_the_session_a_question_names_come_first(mini_searcher, question, session):
    """Jean Martin speaks in sessions 1 and 3 of the mini report."""
    hits = mini_searcher.search(question, 5).hits
    assert mini_searcher.session_of[hits[0].row] == session
    assert "Jean Martin" in hits[0].chunk.text or "jean-martin" in hits[0].chunk.speakers


@pytest.mark.parametrize("question, about", [
    ("When was the meeting held?", True), ("Où s'est tenue la réunion ?", True), ("Qui a présidé la réunion ?", True),
    ("Which countries co-chaired?", True), ("Who funded the meeting?", True),
    ("Who spoke?", False),  # who spoke there, not the meeting itself
    ("Who represented Spain?", False),  # a name: what was said for it
    ("When was the school programme launched?", False),  # a subject
    ("Quand s'est tenue la réunion de Dakar ?", True),  # the meeting named by its place (the report's)
    ("Qu'a fait le Sénégal ?", False),  # a country, though the report's place names it
    # what it asks for is not how the meeting was held: the cover page does not say it
    ("Quelles sont les conclusions de la réunion ?", False), ("Combien de participants a réuni la réunion ?", False),
    ("Quels pays ont coprésidé la réunion ?", True),
])
def test_a_question_about_the_meeting_itself_gets_the_cover_page_first(client, question, about):
    from qa.scope import about_the_meeting

    assert about_the_meeting(question, "fr" if "é" in question else "en", frozenset({"dakar"})) is about
    if about:
        [first] = client.get("/api/search", query_string={"q": question, "k": 1}).get_json()["results"]
        assert first["kind"] == "front_matter" and "12-13 Mars 2026" in first["text"]


@pytest.mark.parametrize("question", ["¿Dónde se celebró la reunión?", "Onde se realizou a reunião?",
                                      "Dove si è svolta la riunione?", "Wo fand das Treffen statt?"])
def test_a_question_in_another_language_loads_no_lexicon_of_its_own(mini_searcher, monkeypatch, question):
    """The rules of French and English questions (their nouns, subjects, the meeting itself) ask nothing
    of another language's lexicon: each weighs 60-130 MB, loaded for nothing."""
    import simplemma

    asked = []

    def watched(real):
        return lambda word, lang, **options: asked.append(lang) or real(word, lang, **options)
    for name in ("lemmatize", "is_known"):
        monkeypatch.setattr(simplemma, name, watched(getattr(simplemma, name)))
    assert mini_searcher.search(question, 5).hits
    assert set(asked) <= {"fr", "en"}


@pytest.mark.parametrize("question, language, found", [
    ("What did ECOWAS commit to?", "en", {"commit"}), ("What did the European Union announce?", "en", {"announce"}),
    ("What will Nigeria's government fund?", "en", set()),  # the name goes on after a possessive
    ("Which projects did the EU fund in Senegal?", "en", set()),  # it asks which projects
    ("Qu'a proposé l'ONUDC ?", "fr", {"proposé"}), ("À quoi la CEDEAO s'est-elle engagée ?", "fr", {"engagée"}),
    ("Combien de passeurs ont été extradés vers l'Italie ?", "fr", set()),  # a count, not what Italy did
])
def test_the_verbs_of_a_question_that_asks_what_someone_did(question, language, found):
    assert verbs(question, language) == found

"""The parser on the real report and on small reports the tests write."""
import re

import pytest

from qa.corpus.parse import parse_report
from qa.corpus.speakers import name_tokens
from qa.errors import ReportError
from qa.text import display_text

from conftest import ROOT

MINI = ROOT / "tests" / "data" / "mini_report.md"


def passage_with(corpus, phrase):
    found = [p for p in corpus.passages if phrase in p.text]
    assert len(found) == 1, f"{phrase!r} is in {len(found)} passages"
    return found[0]


def speaker_names(corpus, passage):
    return [corpus.speaker(s).name for s in passage.speakers]


def assert_covers_every_line_once(corpus, path):
    text = path.read_bytes().decode("utf-8")
    lines = text.splitlines()
    covered = [0] * (len(lines) + 1)
    for passage in corpus.passages:
        assert text[passage.char_start:passage.char_end] == passage.raw
        assert display_text(passage.raw) == passage.text
        for number in range(passage.line_start, passage.line_end + 1):
            covered[number] += 1 if lines[number - 1].strip() else 0
    for number, line in enumerate(lines, start=1):
        assert covered[number] == (1 if line.strip() else 0), f"line {number}: {line[:60]!r}"


# --- the real report ---------------------------------------------------------------------------

def test_no_line_of_the_report_is_lost_or_duplicated(corpus, report_path):
    assert_covers_every_line_once(corpus, report_path)


def test_cover_page(corpus):
    doc = corpus.document
    assert doc.kind == "Document final"
    assert doc.title.startswith("Réunion thématique conjointe")
    assert doc.subtitle.startswith("Renforcer les cadres de prévention")
    assert doc.dates == "4-5 Novembre 2025"
    assert doc.place == "Lagos, Nigeria"
    assert doc.co_chairs == ["Nigeria", "France"]


def test_sections_in_order_with_sub_parts(corpus):
    ids = [s.id for s in corpus.sections]
    for expected in ("vue-ensemble", "objectifs", "resultats-attendus", "part-1", "part-2", "session-1",
                     "session-2", "session-3", "session-4", "cloture"):
        assert expected in ids
    assert ids.index("part-2") < ids.index("session-1") < ids.index("session-4") < ids.index("cloture")
    children = [s.title for s in corpus.sections if s.parent == "part-2"]
    assert len(children) == 5
    assert children[0] == "Allocutions inaugurales" and children[-1] == "Mécanisme de subventions du MMD"
    assert not any(s.title == "Principaux enseignements" for s in corpus.sections)


def test_each_person_is_one_speaker(corpus):
    names = [name_tokens(s.name) for s in corpus.speakers]
    for i, one in enumerate(names):
        for other in names[i + 1:]:
            shorter, longer = sorted((one, other), key=len)
            assert longer[-len(shorter):] != shorter, (one, other)
    assert len({s.id for s in corpus.speakers}) == len(corpus.speakers)


@pytest.mark.parametrize("full, short", [
    ("Matthijs Korzilius", "M. Korzilius"),
    ("Cheikh Ousmane Touré", "Dr Touré"),
    ("Kemi Nanna Nandap", "Mme Nandap"),
    ("Cheikh Tourad Abdel Malick", "M. Abdel Malick"),
])
def test_short_forms_are_aliases_of_one_speaker(corpus, full, short):
    speaker = next(s for s in corpus.speakers if s.name == full)
    assert any(short.split()[-1] in alias for alias in speaker.aliases)
    for passage in corpus.passages:
        if re.search(rf"\b{re.escape(short)} a\b", passage.text):
            assert speaker.id in passage.speakers


def test_person_speaking_in_two_sessions_with_two_roles(corpus):
    tijjani = [s for s in corpus.speakers if s.name == "Tijjani Aliyu Ahmed"]
    assert len(tijjani) == 1
    sections = {p.section for p in corpus.passages if tijjani[0].id in p.speakers}
    assert sections == {"part-1", "cloture"}
    assert tijjani[0].on_behalf_of and "président" in tijjani[0].on_behalf_of
    assert tijjani[0].role.startswith("Commissaire Fédéral")


def test_flags_represented_by(corpus):
    represented = {s.name for s in corpus.speakers if s.represented_by}
    assert represented == {"Yusuf Maitama Tuggar", "Babajide Sanwo-Olu"}


def test_page_break_paragraph_is_one_passage(corpus):
    passage = passage_with(corpus, "expertise spécialisée, d'une coopération internationale soutenue")
    assert passage.line_end > passage.line_start
    assert speaker_names(corpus, passage) == ["Cyrille Baumgartner"]
    assert "s'accompagner d'une expertise" in passage.text


def test_unnamed_continuations_keep_the_speaker(corpus):
    assert speaker_names(corpus, passage_with(corpus, "Les avancées opérationnelles suivantes")) == ["Kemi Nanna Nandap"]
    assert speaker_names(corpus, passage_with(corpus, "La base de données montre")) == ["Resat Ozkan"]
    assert speaker_names(corpus, passage_with(corpus, "Il a identifié les partenariats")) == ["Samuel Simon Pulido"]
    bullet = passage_with(corpus, "L'assistance juridique, le soutien psychosocial")
    assert bullet.kind == "speech" and speaker_names(corpus, bullet) == ["Resat Ozkan"]


def test_pronoun_paragraphs_follow_the_previous_speaker(corpus):
    for before, passage in zip(corpus.passages, corpus.passages[1:]):
        if passage.kind == "speech" and re.match(r"(Il|Elle) ", passage.text):
            assert passage.speakers == before.speakers, passage.id


def test_moderators(corpus):
    moderators = {s.id: [corpus.speaker(m).name for m in s.moderators] for s in corpus.sections if s.moderators}
    assert moderators["session-1"] == ["Feyi Ogunade"]
    assert moderators["session-4"] == ["Anne Fumey"]
    assert len(moderators) == 5
    figures = passage_with(corpus, "84 % des personnes réfugiées")
    assert figures.kind == "moderation" and speaker_names(corpus, figures) == ["Sarah Doyel"]


def test_opening_list_and_group_statements_are_nobody_in_particular(corpus):
    opening = passage_with(corpus, "Les discours d'ouverture ont été prononcés")
    assert opening.kind == "narrative" and opening.speakers == []
    group = passage_with(corpus, "Les intervenantes et la modératrice se sont mis d'accord")
    assert group.kind == "group_statement" and group.speakers == [] and group.group
    assert passage_with(corpus, "Au cours de la discussion plénière").kind == "group_statement"


def test_joint_presentation_has_both_speakers(corpus):
    passage = passage_with(corpus, "ont présenté le projet SAFE-MIT")
    assert speaker_names(corpus, passage) == ["Manon Cagnard", "Ikape James Ikape"]


def test_key_takeaways_have_no_speaker(corpus):
    takeaways = [p for p in corpus.passages if p.kind == "key_takeaways"]
    assert len(takeaways) >= 20
    assert all(not p.speakers for p in takeaways)
    assert {p.section for p in takeaways} == {"session-1", "session-2", "session-3", "session-4"}


def test_roles_and_organisations(corpus):
    by_name = {s.name: s for s in corpus.speakers}
    assert by_name["Monica Zanette"].organization == "ICMPD"
    assert by_name["Kemi Nanna Nandap"].organization.startswith("Service nigérian de l'immigration")
    assert by_name["Olatunde Olayemi"].organization == "Commission de la CEDEAO"
    assert by_name["Ettien Tiémélé"].role.startswith("Juge")


def test_no_warnings_on_the_real_report(corpus):
    assert corpus.warnings == []


# --- small reports written by the tests --------------------------------------------------------

@pytest.fixture
def mini():
    return parse_report(MINI)


def test_mini_report_structure(mini):
    assert mini.document.title == "Réunion de test sur la coopération"
    assert mini.document.dates == "12-13 Mars 2026" and mini.document.place == "Dakar, Sénégal"
    assert mini.document.co_chairs == ["Sénégal", "Espagne"]
    assert [s.id for s in mini.sections] == ["cover", "vue-ensemble", "session-1", "session-2", "session-3"]
    assert_covers_every_line_once(mini, MINI)


def test_mini_report_attribution(mini):
    assert speaker_names(mini, passage_with(mini, "Plus de 200 écoles")) == ["Awa Diop"]
    assert speaker_names(mini, passage_with(mini, "3 442 élèves")) == ["Jean Martin"]
    broken = passage_with(mini, "doit être renouvelée")
    assert speaker_names(mini, broken) == ["Jean Martin"] and broken.line_end - broken.line_start == 2
    assert passage_with(mini, "La prévention commence").kind == "key_takeaways"
    assert speaker_names(mini, passage_with(mini, "PROTEGE")) == ["Fatou Sall", "Pedro Garcia"]
    assert speaker_names(mini, passage_with(mini, "Shelters reported")) == ["Ana Lopez"]
    assert speaker_names(mini, passage_with(mini, "hébergement d'urgence")) == ["Fatou Sall"]
    assert passage_with(mini, "Les participants ont réaffirmé").kind == "group_statement"
    assert speaker_names(mini, passage_with(mini, "démantelé 12 réseaux")) == ["Jean Martin"]
    assert speaker_names(mini, passage_with(mini, "1 299 dossiers")) == ["Jean Martin"]
    assert passage_with(mini, "s'est conclue").speakers == []
    martin = next(s for s in mini.speakers if s.name == "Jean Martin")
    assert martin.role.startswith("Procureur") and martin.organization == "Cour d'appel de Dakar"
    ndiaye = next(s for s in mini.speakers if s.name == "Paul Ndiaye")
    assert ndiaye.organization == "ONUDC"
    assert mini.section("session-3").moderators == [ndiaye.id]


def test_new_session_with_new_speaker(write_report):
    path = write_report(MINI.read_text(encoding="utf-8") + "\nSession 4 : Suivi\n\n"
                        "Mme Zoé Kane, Présidente du Comité national de suivi, a présenté le calendrier.\n\n"
                        "Elle a également annoncé une réunion en 2027.\n")
    corpus = parse_report(path)
    assert corpus.sections[-1].id == "session-4"
    kane = passage_with(corpus, "le calendrier")
    assert speaker_names(corpus, kane) == ["Zoé Kane"]
    assert speaker_names(corpus, passage_with(corpus, "réunion en 2027")) == ["Zoé Kane"]


def test_pronoun_with_nobody_before_is_kept_and_reported(write_report):
    path = write_report("""
        Vue d'ensemble

        Elle a souligné que la réunion était utile pour tous les participants présents à Dakar.
        """)
    corpus = parse_report(path)
    assert corpus.passages[-1].kind == "narrative" and corpus.passages[-1].speakers == []
    assert any(":3:" in w for w in corpus.warnings)


# --- bad input ---------------------------------------------------------------------------------

def test_missing_file(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        parse_report(tmp_path / "absent.md")


def test_empty_file(write_report):
    with pytest.raises(ReportError, match="empty"):
        parse_report(write_report("\n\n  \n"))


def test_non_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("Titre\n\nUne ligne\n".encode() + "Réunion à Lagos.\n".encode("latin-1"))
    with pytest.raises(ReportError, match=r"latin1.md:4: not UTF-8"):
        parse_report(path)


def test_only_titles_is_a_clear_error(write_report):
    with pytest.raises(ReportError, match=r":1: no paragraph"):
        parse_report(write_report("Titre\n\nSous-titre\n"))


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ReportError, match="folder"):
        parse_report(tmp_path)


def test_text_before_any_heading_is_kept(write_report):
    path = write_report("Une phrase qui commence le document sans aucun titre avant elle, assez longue pour compter.\n")
    corpus = parse_report(path)
    assert corpus.passages[0].section == "preamble" and corpus.warnings


def test_windows_line_endings(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(MINI.read_bytes().replace(b"\n", b"\r\n"))
    corpus = parse_report(path)
    assert_covers_every_line_once(corpus, path)
    assert speaker_names(corpus, passage_with(corpus, "doit être renouvelée")) == ["Jean Martin"]


# --- speaker data as the report writes it ------------------------------------------------------

def test_group_statement_before_a_moderation_phrase_stays_a_group_statement(corpus):
    passage = passage_with(corpus, "Au cours du premier panel, les participants ont examiné")
    assert passage.kind == "group_statement" and passage.speakers == [] and passage.group == "les participants"
    section = corpus.section(passage.section)
    assert [corpus.speaker(m).name for m in section.moderators] == ["Feyi Ogunade"]  # still the moderator


def test_moderation_phrase_first_is_the_moderators_paragraph(write_report):
    corpus = parse_report(write_report("""
        Session 1 : Prévention

        Animée par Mme Awa Diallo, Directrice du Centre régional, la session a examiné les risques. Les participants ont examiné les routes.

        Session 2 : Protection

        Au cours du panel, les participants ont examiné les routes migratoires du Sahel. Cette session, animée par M. Paul Ndong, a montré les liens entre trafic et traite.
        """))
    first, second = [p for p in corpus.passages if p.kind != "heading"]
    assert first.kind == "moderation" and speaker_names(corpus, first) == ["Awa Diallo"]
    assert second.kind == "group_statement" and second.group == "les participants"
    assert [corpus.speaker(m).name for m in corpus.section(second.section).moderators] == ["Paul Ndong"]


def test_organisation_named_with_a_presentation(corpus, write_report):
    matiada = next(s for s in corpus.speakers if s.name == "Matiada Ngalikpima")
    assert matiada.organization == "Expertise France"
    corpus = parse_report(write_report("""
        Session 1 : Projets

        Mme Léa Martin a présenté le programme régional de l'Agence Française de Développement (AFD) au Sahel.

        M. Karim Sy, Directeur du Bureau national, a présenté les travaux de la Banque Mondiale en matière de données.
        """))
    lea, karim = corpus.speakers
    assert lea.organization == "Agence Française de Développement (AFD)"
    assert karim.organization == "Bureau national"  # the appositive's own organisation comes first


def test_every_form_of_a_name_is_an_alias(corpus):
    aliases = {s.name: s.aliases for s in corpus.speakers}
    assert "Mme Rosemary Nalubega" in aliases["Rosemary Nalubega"]  # introduced as "Dr Rosemary Nalubega"
    assert "M. Abdel Malick" in aliases["Cheikh Tourad Abdel Malick"]
    assert "Mme Ngalikpima" in aliases["Matiada Ngalikpima"]
    assert all(s.name in s.aliases for s in corpus.speakers)


def test_flags_are_fields_and_the_role_keeps_the_reports_words(corpus):
    for speaker in corpus.speakers:
        for text in filter(None, (speaker.role, speaker.organization)):
            assert "on behalf" not in text and "represented" not in text
    tijjani = next(s for s in corpus.speakers if s.name == "Tijjani Aliyu Ahmed")
    assert tijjani.on_behalf_of and tijjani.on_behalf_of in corpus.passages_of(tijjani.id)[0].text

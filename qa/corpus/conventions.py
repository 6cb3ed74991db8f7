"""How meeting reports write who said what, in French and in English.

One `Conventions` per language holds the phrases the parser reads: the reporting verb that ends a
speaker's appositive ("a souligné" / "stressed"), moderation ("animée par" / "chaired by"), group
statements ("les participants ont réaffirmé" / "Participants stressed"), paragraphs about the
session itself, continuation pronouns, key-takeaway headings, dates, co-chairs and the way an
organisation is named in a role. A report's language is detected from its text (`for_text`).
"""
import re
from dataclasses import dataclass

_UP = "A-ZÀ-ÖØ-Þ"
_MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"


@dataclass(frozen=True)
class Conventions:
    language: str
    verb: re.Pattern  # the reporting verb that ends a subject's appositive
    # English: "Ms X stressed", "Ms X, Director of Y, stressed": after an appositive, the verb follows a comma
    verb_after_comma: re.Pattern | None
    group: re.Pattern
    group_verbs: re.Pattern
    narrative: re.Pattern
    pronoun: re.Pattern
    plural_pronoun: re.Pattern
    takeaways: re.Pattern
    dates: re.Pattern
    co_chairs: re.Pattern
    chair_split: re.Pattern
    moderation_end: re.Pattern  # where a moderator's appositive stops
    org_start: re.Pattern  # an appositive that is an organisation ("du Ministère", "of the Ministry")
    org_after: re.Pattern  # "au sein de X", "at X": X is the organisation
    org_cut: re.Pattern  # where an organisation's name stops within a role
    of_name: re.Pattern  # "Directeur de Expertise France", "Director of Pathfinders"
    according: re.Pattern  # "According to Dr X, ...": the paragraph is X's
    behalf_lead: re.Pattern  # "Speaking on behalf of X, Mr Y ...": Y speaks for X
    represented_by: re.Pattern  # "(représentée par Y)", "represented by Y"
    on_behalf: re.Pattern  # in an appositive: "s'exprimant au nom de X", "speaking on behalf of X"
    role_cut: re.Pattern  # a relative clause after the role
    organisation_before_head: bool  # English names an organisation's kind last: "Gambia Immigration Department"
    # French reports run a speaker's turn over unnamed paragraphs; English ones name or pronoun each
    continues_unnamed: bool


FRENCH = Conventions(
    language="fr",
    verb=re.compile(r"(?:,\s*|\s+)(?:a|ont|est|s['’]est|avait)\s+(?!été\b)"),
    verb_after_comma=None,
    group=re.compile(
        r"\b(?P<group>(?:les|des|de nombreux|plusieurs)\s+(?:participante?s|intervenante?s"
        r"(?:\s+et\s+(?:la|le|les)\s+modérat(?:rice|eur)s?)?|panélistes|délégations|experts))"
        r"\s+(?:ont|se sont|avaient|sont)\b(?P<verb>[^.]{0,60})", re.I),
    group_verbs=re.compile(
        r"réaffirm|appel|soulign|recommand|insist|reconn|réitér|convenu|d['’]accord|exprim|\bnot|identifi"
        r"|relev|plaid|demand|propos|salu|mis en (?:avant|évidence|lumière)|examin|analys|discut|débattu|échangé",
        re.I),
    narrative=re.compile(
        r"\b(?:la|cette) session\b|\ble (?:\w+ )?panel\b|\bs['’]est conclue?\b|\bse sont conclu(?:e)?s\b"
        r"|\bont été (?:présenté|prononcé)e?s\b|\bla cérémonie\b", re.I),
    pronoun=re.compile(r"^(?:Il|Elle)\s"),
    plural_pronoun=re.compile(r"^(?:Ils|Elles)\s"),
    takeaways=re.compile(r"^(?:Principaux enseignements|Enseignements clés|Points clés|Messages clés)\b", re.I),
    dates=re.compile(rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTHS_FR})\s+\d{{4}}\b", re.I),
    co_chairs=re.compile(r"coprésidence\s+d[eu]s?\s+(?:la\s+|l['’])?(?P<who>.+)", re.I),
    chair_split=re.compile(r"\s+et\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)?|,\s+"),
    moderation_end=re.compile(r",\s+(?:la|le|les|l['’]|cette|ce|ces|a|ont|est)\s"),
    org_start=re.compile(r"^(?:du|de la|de l['’]|des|d['’])\s*"),
    org_after=re.compile(rf"(?:au sein d[eu]|à)\s+(?:la\s+|l['’]|le\s+)?(?=[{_UP}])"),
    org_cut=re.compile(rf"\s+(?:en|auprès|sur|chargée?s?)\s|\s+au\s+[{_UP}][\w'’-]*(?=\s+et\b|,|$)"),
    of_name=re.compile(rf"^\w+ de (?!l['’]|la\s)(?P<org>[{_UP}][\w-]*(?:\s+(?:to|of|for|the|and|[{_UP}][\w-]*))*)"),
    according=re.compile(r"^Selon\s+"),
    behalf_lead=re.compile(r"^(?:S['’]exprimant|Intervenant|Parlant)\s+au nom d[eu]\s+(?:la\s+|l['’])?(?P<org>[^,]+),\s*"),
    represented_by=re.compile(r"\(?\s*représentée? par ([^),]+)\)?"),
    on_behalf=re.compile(r"(?:s['’]exprimant|parlant|intervenant)\s+au nom d[eu]\s+(?:la\s+|l['’])?([^,]+)"),
    role_cut=re.compile(r",\s+(?:qui|elle-même|lui-même)\b"),
    organisation_before_head=False,
    continues_unnamed=True,
)

# Past-tense reporting verbs: regular ones end in -ed; the irregular ones reports use are listed.
_EN_VERB = (r"(?:(?:also|further|then|later|in turn|finally|briefly|subsequently|again)\s+)?"
            r"(?![a-z]+ed\s+by\b|based\b)"  # "represented by", "accompanied by", "based in": not what they said
            r"(?:[a-z]+ed|said|spoke|gave|made|began|drew|took|told|shared|set out|went on|led|put forward"
            r"|brought|underscored|undertook|wrote|read|saw|felt|held|laid out|took the floor)\b")

ENGLISH = Conventions(
    language="en",
    verb=re.compile(rf"(?:,\s*|\s+)(?!(?:was|were|had been|has been)\b){_EN_VERB}"),
    verb_after_comma=re.compile(rf",\s*(?!(?:was|were|had been|has been)\b){_EN_VERB}"),
    group=re.compile(
        r"(?:^|[.;]\s+|\b(?:the|many|several|some|all|most|numerous|a number of)\s+)"
        r"(?P<group>(?:(?:the|many|several|some|all|most|numerous|a number of)\s+)?(?:participants|speakers"
        r"|panellists|panelists|delegations|delegates|experts|members))"
        r"\s+(?:(?:also|further|broadly|unanimously|jointly|generally|then|all|have|had)\s+)*(?P<verb>\w+(?:\s+\w+)?)", re.I),
    group_verbs=re.compile(
        r"stress|call|recommend|insist|recogni[sz]|reiterat|agree|express|\bnot|identif|highlight|emphasi[sz]"
        r"|underlin|underscor|welcom|acknowledg|discuss|exchang|examin|shar|urg|point|reaffirm|propos"
        r"|request|suggest|warn|observ|concluded that|thank", re.I),
    narrative=re.compile(
        r"\b(?:the|this) (?:\w+ )?session\b|\bthe (?:\w+ )?panel\b|\b(?:was|were) (?:opened|closed|concluded)\b"
        r"|\bconcluded with\b|\bthe (?:opening |closing )?ceremony\b", re.I),
    pronoun=re.compile(r"^(?:He|She)\s"),
    plural_pronoun=re.compile(r"^(?:They)\s"),
    takeaways=re.compile(r"^(?:Key (?:takeaways|messages|points|conclusions|recommendations|findings)"
                         r"|Main (?:takeaways|conclusions|messages|recommendations))\b", re.I),
    dates=re.compile(rf"\b(?:\d{{1,2}}(?:\s*(?:[-–]|and)\s*\d{{1,2}})?\s+(?:{_MONTHS_EN})|(?:{_MONTHS_EN})\s+\d{{1,2}}"
                     rf"(?:\s*[-–]\s*\d{{1,2}})?,?)\s+\d{{4}}\b", re.I),
    co_chairs=re.compile(r"co-?chair(?:ed|manship|s)?\s+(?:of|by)\s+(?:the\s+)?(?P<who>.+)", re.I),
    chair_split=re.compile(r"\s+and\s+(?:the\s+)?|,\s+(?:and\s+)?(?:the\s+)?"),
    moderation_end=re.compile(r",\s+(?:the|this|who|which|and|it)\s|\.(?:\s|$)"),
    org_start=re.compile(r"^(?:of|from)\s+(?:the\s+)?"),
    org_after=re.compile(rf"\b(?:at|within|with)\s+(?:the\s+)?(?=[{_UP}])"),
    org_cut=re.compile(r"\s+(?:in|based in|responsible for)\s"),
    of_name=re.compile(rf"^\w+(?:\s+\w+){{0,2}}\s+of\s+(?:the\s+)?(?P<org>[{_UP}][\w'’-]*(?:\s+[{_UP}][\w'’-]*)*)"),
    according=re.compile(r"^(?:According to|In the view of|For)\s+"),
    behalf_lead=re.compile(r"^(?:Speaking|Intervening|Taking the floor)\s+on behalf of\s+(?:the\s+)?(?P<org>[^,]+),\s*"),
    represented_by=re.compile(r"\(?\s*(?:was\s+)?represented by ([^),]+)\)?"),
    on_behalf=re.compile(r"(?:speaking|intervening)\s+on behalf of\s+(?:the\s+)?([^,]+)"),
    role_cut=re.compile(r",\s+(?:who|which|herself|himself)\b"),
    organisation_before_head=True,
    continues_unnamed=False,
)

BY_LANGUAGE = {"fr": FRENCH, "en": ENGLISH}


def for_text(text):
    """The conventions of the report's language: English if the text is English, else French."""
    from qa.language import detect

    return ENGLISH if detect(text[:20000])[0] == "en" else FRENCH

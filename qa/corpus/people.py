"""Find who speaks in a paragraph, the way the report names people.

The report introduces a speaker as the subject of a reporting verb: an optional honorific
("M.", "Mme", "Dr", "S.E.", "L'Ambassadeur", "La Contrôleuse Générale"), the name, then an
appositive ("Représentant de l'ONUDC au Nigeria", "du Ministère ...", "(ICMPD)") and "a <verb>".
Later it shortens the name ("M. Korzilius", "Dr Touré"). A moderator is named by
"Animée par X", "modérée par X" or "Sous la modération de X".
"""
import re
from dataclasses import dataclass, field

_UP = "A-ZÀ-ÖØ-Þ"
_ARTICLE = r"(?:(?:[Ll]e|[Ll]a)\s+|[Ll]['’]\s*)?"
_TITLE = (r"(?:S\.E\.|[Aa]mbassadeur|[Aa]mbassadrice|[Hh]onorable|Dr\.?|Pr\.?|[Pp]rofesseure?"
          r"|Contrôleuse [Gg]énérale|Contrôleur [Gg]énéral|M\.|Mme|Mlle|Me)")
HONORIFIC = rf"(?:{_ARTICLE}{_TITLE}\s+)+"
_TOKEN = rf"(?:[{_UP}][\w'’-]+|d['’][{_UP}][\w-]+)"
NAME = rf"{_TOKEN}(?:\s+{_TOKEN}){{0,5}}"

_MENTION = re.compile(rf"(?<![\w.])(?P<hon>{HONORIFIC})(?P<name>{NAME})")
_BARE_START = re.compile(rf"^(?P<name>{NAME})(?=\s*,|\s+\(|\s+(?:a|ont)\s)")
_PAREN = re.compile(r"\s*\((?P<paren>[^()]{1,120})\)")
_JOINT = re.compile(r"\s+et\s+")
# "a", "ont", "est" or "s'est" followed by the reporting verb ends the appositive.
_VERB = re.compile(r"(?:,\s*|\s+)(?:a|ont|est|s['’]est|avait)\s+(?!été\b)")
_MODERATION = re.compile(
    rf"(?:\b(?:[Aa]nimée?s?|[Mm]odérée?s?|[Pp]résidée?s?)\s+par|[Ss]ous la (?:modération|présidence) d[eu])"
    rf"\s+(?:le\s+|la\s+|l['’])?(?P<hon>{HONORIFIC})?(?P<name>{NAME})")
_MODERATION_END = re.compile(r",\s+(?:la|le|les|l['’]|cette|ce|ces|a|ont|est)\s")
# Capitalised words that open sentences, never names.
_NOT_NAMES = {
    "Au", "Aux", "En", "Le", "La", "Les", "Des", "Du", "De", "Il", "Elle", "Ils", "Elles", "Enfin",
    "Parmi", "Cette", "Ce", "Ces", "Sur", "Pour", "Dans", "Grâce", "Selon", "Deux", "Trois", "Un",
    "Une", "Lors", "Après", "Avec", "Sous", "Principaux", "Session", "Malgré", "Afin", "Entre",
}
_ORG_HEADS = (r"(?:Direction [Gg]énérale|[Mm]inistère|Commission|Service|Agence|Office|Département|Comité"
              r"|Centre|Autorité|Cour|Université|Fondation|Haut-Commissariat|Bureau|Institut|Observatoire"
              r"|[Dd]ivision|Union|Nations [Uu]nies|Organisation|État|Cellule|Gouvernement|Conseil)")
_ORG_START = re.compile(r"^(?:du|de la|de l['’]|des|d['’])\s*")
_ORG_AFTER = re.compile(rf"(?:au sein d[eu]|à)\s+(?:la\s+|l['’]|le\s+)?(?=[{_UP}])")
_ORG_HEAD = re.compile(rf"\b{_ORG_HEADS}\b")
_ACRONYM = re.compile(r"\b(?!(?:II|III|IV|VI|VII|VIII|IX|XI)\b)[A-Z]{3,}\b")
_ORG_CUT = re.compile(rf"\s+(?:en|auprès|sur|chargée?s?)\s|\s+au\s+[{_UP}][\w'’-]*(?=\s+et\b|,|$)")
_OF_NAME = re.compile(rf"^\w+ de (?!l['’]|la\s)(?P<org>[{_UP}][\w-]*(?:\s+(?:to|of|for|the|and|[{_UP}][\w-]*))*)")
_REPRESENTED = re.compile(r"\(?\s*représentée? par ([^),]+)\)?")
_ON_BEHALF = re.compile(r"(?:s['’]exprimant|parlant|intervenant)\s+au nom d[eu]\s+(?:la\s+|l['’])?([^,]+)")
_ROLE_CUT = re.compile(r",\s+(?:qui|elle-même|lui-même)\b")
# "X a présenté le portefeuille de programmes d'Expertise France": the organisation whose work a
# speaker presents, within the same clause; used only when the report gives them no other.
_PRESENTED_ORG = re.compile(
    rf"présentée?s?\s[^.,;:«]{{0,80}}?\b(?:d['’]|de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)"
    rf"(?P<org>[{_UP}][\w-]+(?:(?:\s+(?:de\s+la|de|du|des|pour|et)\s+|\s+(?:de\s+l|d)['’]|\s+)[{_UP}][\w-]+)*"
    rf"(?:\s+\([A-Z][A-Za-z-]+\))?)")


@dataclass
class Mention:
    """A person named in a paragraph, with what the report says of them there."""

    name: str
    honorific: str = ""
    role: str | None = None
    organization: str | None = None
    represented_by: str | None = None
    on_behalf_of: str | None = None
    surface: str = ""
    presented_org: str | None = None  # the organisation whose work they present, when named
    notes: list = field(default_factory=list)

    @property
    def tokens(self):
        return self.name.split()


def clean_name(name):
    """Drop post-nominal letters ("OON") that trail a full name."""
    tokens = name.split()
    while len(tokens) > 2 and tokens[-1].isupper():
        tokens.pop()
    return " ".join(tokens)


def speakers_named_in(text):
    """Return the people who speak in this paragraph (several for a joint presentation), or []."""
    for match in _MENTION.finditer(text):
        found = _subject_at(text, match)
        if found:
            return found
    bare = _BARE_START.match(text)
    if bare and _plausible_bare(bare.group("name")):
        return _subject_at(text, bare) or []
    return []


def find_moderator(text):
    """Return the Mention of the person a moderation phrase names, or None."""
    match = _MODERATION.search(text)
    if not match or not _plausible_name(match):
        return None
    rest = text[match.end():]
    paren = _PAREN.match(rest)
    appositive = ""
    if paren:
        rest = rest[paren.end():]
    elif rest.startswith(","):
        end = _MODERATION_END.search(rest)
        appositive = rest[1:end.start()] if end else ""
    return mention_of(match, appositive, paren.group("paren") if paren else None)


def _plausible_bare(name):
    tokens = name.split()
    return len(tokens) >= 2 and tokens[0] not in _NOT_NAMES


def _plausible_name(match):
    return bool(match.groupdict().get("hon")) or _plausible_bare(match.group("name"))


def _subject_at(text, match):
    """The mention(s) starting at match, if they are the subject of a reporting verb."""
    mentions = []
    while match:
        rest = text[match.end():]
        paren = _PAREN.match(rest)
        offset = match.end() + (paren.end() if paren else 0)
        mentions.append((match, paren.group("paren") if paren else None, offset))
        joint = _JOINT.match(text, offset)
        match = _MENTION.match(text, joint.end()) if joint else None
    last_end = mentions[-1][2]
    verb = _VERB.search(text, last_end)
    if not verb:
        return []
    appositive = text[last_end:verb.start()]
    if not _is_appositive(appositive):
        return []
    presented = _PRESENTED_ORG.match(text, verb.end())
    described = []
    for index, (found, paren, _) in enumerate(mentions):
        own_appositive = appositive if index == len(mentions) - 1 else ""
        described.append(mention_of(found, own_appositive.lstrip(", "), paren))
        described[-1].presented_org = presented.group("org") if presented and len(mentions) == 1 else None
    return described


def name_mentions(text):
    """(surface, name) of every honorific + name in a text ("Mme Rosemary Nalubega", "Dr Touré")."""
    return [(m.group(0).strip(), clean_name(m.group("name"))) for m in _MENTION.finditer(text)]


def _is_appositive(text):
    if not text.strip():
        return True
    if len(text) > 400 or ";" in text or re.search(r"[.!?]\s", text):
        return False
    return text.startswith(",") or bool(_ORG_START.match(text.strip()))


def mention_of(match, appositive, paren):
    """Build a Mention: the name, its honorific, and role, organisation and flags from the appositive."""
    appositive = " ".join(appositive.split()).strip(" ,")
    mention = Mention(name=clean_name(match.group("name")), honorific=(match.groupdict().get("hon") or "").strip(),
                      surface=f"{match.groupdict().get('hon') or ''}{match.group('name')}".strip())
    for source in filter(None, (paren, appositive)):
        represented = _REPRESENTED.search(source)
        if represented:
            mention.represented_by = represented.group(1).strip()
        behalf = _ON_BEHALF.search(source)
        if behalf:
            mention.on_behalf_of = behalf.group(1).strip()
    if paren and not _REPRESENTED.search(paren):
        mention.organization = paren.split(",")[0].strip()
    appositive = _REPRESENTED.sub("", appositive).strip(" ,")
    appositive = _ON_BEHALF.sub("", appositive).strip(" ,")
    appositive = _ROLE_CUT.split(appositive)[0].strip()
    if not appositive:
        mention.role = _title_role(mention.honorific)
        return mention
    if _ORG_START.match(appositive):
        mention.organization = mention.organization or _ORG_START.sub("", appositive)
        mention.role = _title_role(mention.honorific)
    elif _ORG_HEAD.match(appositive):
        mention.organization = mention.organization or appositive
    else:
        mention.role = appositive
        mention.organization = mention.organization or organization_in(appositive)
    return mention


def _title_role(honorific):
    """A functional title used as honorific ("La Contrôleuse Générale") is also the role."""
    found = re.search(r"Contrôleu(?:se|r) [Gg]énéral(?:e)?|[Aa]mbassad(?:eur|rice)|Professeure?", honorific)
    return found.group(0) if found else None


def organization_in(role):
    """The organisation a role phrase names, if any: after 'au sein de'/'à', an institution, an acronym."""
    after = _ORG_AFTER.search(role)
    if after:
        return _cut(role[after.end():])
    candidates = [m for m in (_ORG_HEAD.search(role), _ACRONYM.search(role, 1)) if m]
    if candidates:
        first = min(candidates, key=lambda m: m.start())
        return _cut(role[first.start():]) if first.re is _ORG_HEAD else first.group(0)
    named = _OF_NAME.match(role)
    return _cut(named.group("org")) if named else None


def _cut(org):
    acronym = re.match(r"[^()]*?\([A-Z][^()]*\)", org)
    if acronym:
        return acronym.group(0)
    return _ORG_CUT.split(org, maxsplit=1)[0].strip(" ,") or None

"""Find who speaks in a paragraph, the way the report names people.

The report introduces a speaker as the subject of a reporting verb: an optional honorific
("M.", "Mme", "Dr", "S.E.", "L'Ambassadeur", "La Contrôleuse Générale"), the name, then an
appositive ("Représentant de l'ONUDC au Nigeria", "du Ministère ...", "(ICMPD)") and "a <verb>".
Later it shortens the name ("M. Korzilius", "Dr Touré"). A moderator is named by
"Animée par X", "modérée par X" or "Sous la modération de X". English reports follow the same
shape ("Ms X, Director of Y, stressed", "Moderated by X"); what differs by language is in
qa/corpus/conventions.py, which every function here takes.
"""
import re
from dataclasses import dataclass, field

from qa.corpus.conventions import FRENCH

_UP = "A-ZÀ-ÖØ-Þ"
_ARTICLE = r"(?:(?:[Ll]e|[Ll]a)\s+|[Ll]['’]\s*)?"
_TITLE = (r"(?:S\.E\.|[Aa]mbassadeur|[Aa]mbassadrice|[Hh]onorable|Dr\.?|Pr\.?|[Pp]rofesseure?"
          r"|Contrôleuse [Gg]énérale|Contrôleur [Gg]énéral|M\.|Mme|Mlle|Me"
          r"|Mr\.?|Mrs\.?|Ms\.?|Miss|H\.E\.|His Excellency|Her Excellency|Ambassador|Hon\.|Honourable"
          r"|Prof\.?|Professor|Captain|Capt\.|Judge|Commissioner)")
HONORIFIC = rf"(?:{_ARTICLE}{_TITLE}\s+)+"
_TOKEN = rf"(?:[{_UP}][\w'’-]+|d['’][{_UP}][\w-]+)"
NAME = rf"{_TOKEN}(?:\s+{_TOKEN}){{0,5}}"

_MENTION = re.compile(rf"(?<![\w.])(?P<hon>{HONORIFIC})(?P<name>{NAME})")
_BARE_START = re.compile(rf"^(?P<name>{NAME})(?=\s*,|\s+\(|\s+(?:a|ont)\s)")
_PAREN = re.compile(r"\s*\((?P<paren>[^()]{1,120})\)")
_JOINT = re.compile(r"\s+(?:et|and)\s+")
_MODERATION = re.compile(
    rf"(?:\b(?:[Aa]nimée?s?|[Mm]odérée?s?|[Pp]résidée?s?)\s+par|[Ss]ous la (?:modération|présidence) d[eu]"
    rf"|\b(?:[Mm]oderated|[Cc]haired|[Ff]acilitated|[Pp]resided over)\s+by"
    rf"|\b[Uu]nder the (?:chairmanship|moderation|chairpersonship) of)"
    rf"\s+(?:le\s+|la\s+|l['’]|the\s+)?(?P<hon>{HONORIFIC})?(?P<name>{NAME})")
_REPRESENTED_SUBJECT = re.compile(r",?\s+(?:was|were)\s+represented by\s+")
_NAME_AT = re.compile(rf"(?P<name>{NAME})")
_ROLE_AFTER = re.compile(rf",\s*(?P<role>[{_UP}][^,.;]{{2,150}}),")  # "According to Dr X, Director of Y, ..."
# Capitalised words that open sentences, never names.
_NOT_NAMES = {
    "Au", "Aux", "En", "Le", "La", "Les", "Des", "Du", "De", "Il", "Elle", "Ils", "Elles", "Enfin",
    "Parmi", "Cette", "Ce", "Ces", "Sur", "Pour", "Dans", "Grâce", "Selon", "Deux", "Trois", "Un",
    "Une", "Lors", "Après", "Avec", "Sous", "Principaux", "Session", "Malgré", "Afin", "Entre",
    "The", "This", "These", "That", "In", "On", "At", "During", "After", "Before", "Finally", "Participants",
    "According", "Speaking", "Many", "Several", "Under", "Following", "Moreover", "However", "Furthermore",
    "Opening", "Closing", "Key", "As", "For", "With", "From", "By", "Its", "Their", "All", "Both",
}
_ORG_HEADS = (r"(?:Direction [Gg]énérale|[Mm]inistère|Commission|Service|Agence|Office|Département|Comité"
              r"|Centre|Autorité|Cour|Université|Fondation|Haut-Commissariat|Bureau|Institut|Observatoire"
              r"|[Dd]ivision|Union|Nations [Uu]nies|Organisation|État|Cellule|Gouvernement|Conseil"
              r"|Ministry|Agency|Department|Committee|Center|Authority|Court|University|Foundation|Institute"
              r"|Observatory|Organization|Unit|Government|Council|Directorate|Secretariat|Embassy|Mission"
              r"|Network|Association|Federation|Society|Coalition|Alliance|Tribunal)")
_ORG_HEAD = re.compile(rf"\b{_ORG_HEADS}\b")
_ACRONYM = re.compile(r"\b(?!(?:II|III|IV|VI|VII|VIII|IX|XI)\b)[A-Z]{3,}\b")
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
    represents: object = None  # the Mention of the person this one stands in for ("was represented by")
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


def speakers_named_in(text, conventions=FRENCH):
    """Return the people who speak in this paragraph (several for a joint presentation), or []."""
    lead = conventions.behalf_lead.match(text)  # "Speaking on behalf of X, Mr Y stressed"
    according = conventions.according.match(text)  # "According to Dr X, ..."
    if according:
        found = _according_to(text, according.end(), conventions)
        if found:
            return [found]
    for match in _MENTION.finditer(text, lead.end() if lead else 0):
        found = _represented_subject(text, match, conventions) or _subject_at(text, match, conventions)
        if found:
            if lead and match.start() == lead.end():
                found[0].on_behalf_of = lead.group("org").strip()
                found[0].organization = found[0].organization or found[0].on_behalf_of
            return found
    bare = _BARE_START.match(text)
    if bare and _plausible_bare(bare.group("name")):
        return _subject_at(text, bare, conventions) or []
    return []


def find_moderator(text, conventions=FRENCH):
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
        end = conventions.moderation_end.search(rest)
        appositive = rest[1:end.start()] if end else ""
    return mention_of(match, appositive, paren.group("paren") if paren else None, conventions)


def _plausible_bare(name):
    tokens = name.split()
    return len(tokens) >= 2 and tokens[0] not in _NOT_NAMES


def _plausible_name(match):
    return bool(match.groupdict().get("hon")) or _plausible_bare(match.group("name"))


def _according_to(text, start, conventions):
    """"According to Dr X (ORG), Director of Y, ...": X, with what the report says of them."""
    match = _MENTION.match(text, start)
    if not match:
        match = _NAME_AT.match(text, start)
        if not match or not _plausible_bare(match.group("name")):
            return None
    rest = text[match.end():]
    paren = _PAREN.match(rest)
    rest = rest[paren.end():] if paren else rest
    appositive = ""
    role = _ROLE_AFTER.match(rest)
    if role and not re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", role.group("role")):
        appositive = role.group("role")
    return mention_of(match, appositive, paren.group("paren") if paren else None, conventions)


def _represented_subject(text, match, conventions):
    """"Ms X, President of Y, was represented by Mr Z, Coordinator of W.": Z speaks, for X."""
    link = _REPRESENTED_SUBJECT.search(text, match.end())
    if not link or re.search(r"[.;]\s", text[match.end():link.start()]):
        return []
    deputy = _MENTION.match(text, link.end())
    if not deputy:
        return []
    rest = text[deputy.end():]
    paren = _PAREN.match(rest)
    rest = rest[paren.end():] if paren else rest
    role = re.match(r",\s*(?P<role>[^.;]{2,200})", rest)
    speaker = mention_of(deputy, role.group("role") if role else "", paren.group("paren") if paren else None,
                         conventions)
    represented = mention_of(match, text[match.end():link.start()].lstrip(", "), None, conventions)
    represented.represented_by = speaker.surface
    speaker.represents = represented
    return [speaker]


def _subject_at(text, match, conventions):
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
    verb = conventions.verb.search(text, last_end)
    if verb and conventions.verb_after_comma and verb.start() > last_end and text[verb.start()] != ",":
        # "Ms X from IOM stressed" names the organisation; otherwise a verb after an appositive without
        # a comma ("Head of the Unit based in Dakar") is part of the appositive
        between = text[last_end:verb.start()].strip()
        if "," in between or not conventions.org_start.match(between):
            verb = conventions.verb_after_comma.search(text, last_end)
    if not verb:
        return []
    appositive = text[last_end:verb.start()]
    if not _is_appositive(appositive, conventions):
        return []
    presented = _PRESENTED_ORG.match(text, verb.end())
    described = []
    for index, (found, paren, _) in enumerate(mentions):
        own_appositive = appositive if index == len(mentions) - 1 else ""
        described.append(mention_of(found, own_appositive.lstrip(", "), paren, conventions))
        described[-1].presented_org = presented.group("org") if presented and len(mentions) == 1 else None
    return described


def name_mentions(text):
    """(surface, name) of every honorific + name in a text ("Mme Rosemary Nalubega", "Dr Touré")."""
    return [(m.group(0).strip(), clean_name(m.group("name"))) for m in _MENTION.finditer(text)]


def _is_appositive(text, conventions):
    if not text.strip():
        return True
    if len(text) > 400 or ";" in text or re.search(r"[.!?]\s", text):
        return False
    return text.startswith(",") or bool(conventions.org_start.match(text.strip()))


def mention_of(match, appositive, paren, conventions=FRENCH):
    """Build a Mention: the name, its honorific, and role, organisation and flags from the appositive."""
    appositive = " ".join(appositive.split()).strip(" ,")
    mention = Mention(name=clean_name(match.group("name")), honorific=(match.groupdict().get("hon") or "").strip(),
                      surface=f"{match.groupdict().get('hon') or ''}{match.group('name')}".strip())
    represented_by, on_behalf = conventions.represented_by, conventions.on_behalf
    for source in filter(None, (paren, appositive)):
        represented = represented_by.search(source)
        if represented:
            mention.represented_by = represented.group(1).strip()
        behalf = on_behalf.search(source)
        if behalf:
            mention.on_behalf_of = behalf.group(1).strip()
    if paren and not represented_by.search(paren):
        mention.organization = paren.split(",")[0].strip()
    appositive = represented_by.sub("", appositive).strip(" ,")
    appositive = on_behalf.sub("", appositive).strip(" ,")
    appositive = conventions.role_cut.split(appositive)[0].strip()
    if not appositive:
        mention.role = _title_role(mention.honorific)
        return mention
    if conventions.org_start.match(appositive):
        mention.organization = mention.organization or conventions.org_start.sub("", appositive)
        mention.role = _title_role(mention.honorific)
    elif _ORG_HEAD.match(appositive):
        mention.organization = mention.organization or appositive
    else:
        mention.role = appositive
        mention.organization = mention.organization or organization_in(appositive, conventions)
    return mention


def _title_role(honorific):
    """A functional title used as honorific ("La Contrôleuse Générale") is also the role."""
    found = re.search(r"Contrôleu(?:se|r) [Gg]énéral(?:e)?|[Aa]mbassad(?:eur|rice)|Professeure?", honorific)
    return found.group(0) if found else None


def organization_in(role, conventions=FRENCH):
    """The organisation a role phrase names, if any: after 'au sein de'/'à'/'at', an institution, an acronym."""
    after = conventions.org_after.search(role)
    if after:
        return _cut(role[after.end():], conventions)
    candidates = [m for m in (_ORG_HEAD.search(role), _ACRONYM.search(role, 1)) if m]
    if candidates:
        first = min(candidates, key=lambda m: m.start())
        if first.re is not _ORG_HEAD:
            return first.group(0)
        start = _name_start(role, first.start()) if conventions.organisation_before_head else first.start()
        found = _cut(role[start:], conventions)
        # "the Unit", "the Department" alone name a part of something, not an organisation
        return None if found and conventions.organisation_before_head and " " not in found else found
    named = conventions.of_name.match(role)
    return _cut(named.group("org"), conventions) if named else None


def _name_start(role, head):
    """Where the capitalised words before an institution's kind start: "the Gambia Immigration
    Department", "the Women's Rights and Migration Network"."""
    start = head
    for word in reversed(list(re.finditer(r"\S+", role[:head]))):
        if word.group(0)[0].isupper() or word.group(0) == "and" and word.start() < start:
            start = word.start()
        else:
            break
    while role[start:].startswith("and "):
        start += 4
    return start


def _cut(org, conventions=FRENCH):
    acronym = re.match(r"[^()]*?\([A-Z][^()]*\)", org)
    if acronym:
        return acronym.group(0)
    org = conventions.org_cut.split(org, maxsplit=1)[0].strip(" ,")
    return re.sub(r"['’]s$", "", org) or None

"""Names, figures and negations in statements and passages, compared across spellings and languages.

Shared by attribution (is a statement backed by a passage? what differs?) and by the search's
"does the report address this at all?" check.
"""
import difflib
import re

from text_to_num import alpha2digit

from qa.analyzer import STOP_WORDS, normalize
from qa.glossary import expansions
from qa.places import mentions, names_of
from qa.text import fold

_WORDS = re.compile(r"[^\W_]+(?:\.\d+)?", re.UNICODE)
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # as years are written: four digits, no separator
HONORIFICS = {"m", "mme", "mlle", "dr", "pr", "s", "e", "se", "mr", "mrs", "ms", "prof"}  # folded, without the dot
NUMBER_LANGUAGES = {"fr", "en", "es", "pt", "it", "de"}  # text2num's, of the dialogues' languages
_PERCENT = re.compile(r"(\d)\s+(?:pour|per|por|par)\s+100\b")  # "quatre-vingts pour cent" -> "80 pour 100"
# "9 migrants sur 10", "9 out of 10", "one in 5": a part, up to four words, a whole
_PROPORTION = re.compile(r"(?<![\d.])\b(\d+(?:\.\d+)?|one|une?|uno|una|um|uma|eine?)\b(?:\s+[^\W\d_][\w'’-]*){0,4}?"
                         r"\s+(?:sur|out of|in|de cada|em cada|su|von)\s+(\d+)(?![\d.])", re.I)
# a figure as written: "3 442", "1,300", "34,75", "2025"
_FIGURE_AS_WRITTEN = re.compile(r"\d{1,3}(?:[  \u202f,.]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?")
_ENTITY = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w-]*(?:(?:\s+|\s+d['’]|\s+de\s+l['’]|\s+de\s+(?:la\s+)?)[A-ZÀ-ÖØ-Þ][\w-]*)*",
                     re.UNICODE)
# Arabic's particles of negation, "and" written onto them ("ولا"), but not in the phrases they make
# that deny nothing: "لا سيما" (especially), "لا بد" (must), "لا يزال" (still)
_ARABIC_NEGATION = r"(?<!\w)و?(?:لا|لم|لن|ليس|ليست|ليسوا)(?!\w)(?!\s+(?:سيما|بد|يزال|تزال|يزالون|زال))"
# "not", "never", "ne ... pas", "no", "non", "não", "nicht", "kein", "لا": a negation in any language of the dialogues
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|none|cannot|n't|nunca|não|nao|nicht|kein\w*|nie|mai|jamais|aucune?)\b"
    r"|(?<![\w-])(?:no|non)(?![\w-])|\bn(?:e\s|['’])(?:\S+\s){0,3}?(?:pas|plus|jamais|aucune?|guère|point)\b"
    "|" + _ARABIC_NEGATION, re.I)


# Common nouns that places are named with: on their own they name nothing the report could show
# ("West and Central Africa" is the report's "Afrique de l'Ouest et du Centre"; "the Gulf of Guinea")
GEOGRAPHIC = set(fold("""north south east west central northern southern eastern western gulf lake sea ocean coast
horn river desert nord sud est ouest centre centrale golfe lac mer océan côte corne fleuve désert""").split())


def named_part(phrase):
    """The phrase without the geographic nouns it is built with ("Lake Volta" -> "Volta")."""
    return " ".join(w for w in phrase.split() if fold(w) not in GEOGRAPHIC)


# a name and the adjective made from it: "Nigeria" in "nigérian", "Sénégal" in "sénégalais"; not "Niger" in "Nigeria"
ADJECTIVE_ENDINGS = {"", "s", "n", "ns", "ne", "nes", "nne", "nnes", "ais", "aise", "aises", "ain", "aine", "ains",
                      "ien", "ienne", "iens", "iennes", "an", "ans", "e", "es", "en", "enne", "ens", "ennes"}


def words_as_written(text):
    return _WORDS.findall(text)


def canonical_words(text):
    """Words of text for matching quotes: case, accents, apostrophes, spacing and number formats ignored."""
    return _WORDS.findall(fold(normalize(text)))


def figures(text):
    return {float(f) for f in _FIGURE.findall(normalize(text))}


def figure_in(wanted, present, tolerance=0.05):
    """wanted is among present; a round figure ("nearly 1,300", "80 %") also within rounding."""
    if not is_round(wanted):
        tolerance = 0.0  # a year, a count as exact as 3 442: only itself
    return any(abs(wanted - p) <= tolerance * max(abs(wanted), 1.0) for p in present)


def is_round(value):
    """Ending in zeros, with at most two significant digits: 80, 1 300, 5 000 (not 48, 2026, 1 299 or 3,7)."""
    if value != int(value) or value == 0:
        return False
    written = str(int(abs(value)))
    return written.endswith("0") and len(written.rstrip("0")) <= 2


def written_figures(text, language=None):
    """[(figure as written, value)] in order, then (language given) the numbers written in words."""
    found = [(m.group(0), float(normalize(m.group(0)))) for m in _FIGURE_AS_WRITTEN.finditer(text)
             if _FIGURE.fullmatch(normalize(m.group(0)))]
    return found + number_words(text, language) if language else found


def in_figures(text, language):
    """text with the numbers it writes in words as figures ("neuf sur dix" -> "9 sur 10"; from three
    on: "un" and "deux" are too often not numbers), as text2num reads them."""
    if language not in NUMBER_LANGUAGES:
        return text
    return _PERCENT.sub(r"\1 %", alpha2digit(text, language))


def proportions(text, language=None):
    """[(part, whole, percent)] of the proportions text states: "neuf migrants sur dix", "9 out of 10",
    "one in five" (90, 90 and 20 %)."""
    converted = normalize(in_figures(text, language) if language else text)
    found = []
    for part, whole in _PROPORTION.findall(converted):
        part = 1.0 if not part[0].isdigit() else float(part)
        if 0 < part < float(whole):
            found.append((part, float(whole), 100 * part / float(whole)))
    return found


def number_words(text, language):
    """[(as written, value)] of the numbers text writes in words ("seven", "neuf")."""
    converted = in_figures(text, language)
    if converted == text:
        return []
    before, after = text.split(), converted.split()
    found = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "replace":
            written = " ".join(before[a1:a2]).strip(",.;:()")
            found += [(written, float(m.group(0))) for m in _FIGURE.finditer(normalize(" ".join(after[b1:b2])))]
    return found


def entity_phrases(text):
    """Runs of acronyms and capitalised words past the start of a sentence ("West Africa", "NDICI"),
    without the articles and other small words that open a sentence ("O ROCK", "Le COP II")."""
    text = normalize(text)
    found = []
    for match in _ENTITY.finditer(text):
        words = match.group(0).split()
        before = text[:match.start()].rstrip(" \"'(«")
        starts = not before or before[-1] in ".!?:;" or re.search(r"(?:^|\s)\d{1,2}[.)]$", before)
        if starts and (not words[0].isupper() or len(words[0]) < 2):
            words = words[1:]  # the sentence's first word is capitalised anyway
        while words and fold(words[0]) in STOP_WORDS:
            words = words[1:]
        if words:
            found.append(" ".join(words))
    return found


def negated(text, language=None):
    """text says "not"; in Portuguese "no" is "in the" ("no reforço"), not a negation."""
    if language == "pt":
        return any(m.group(0).lower() != "no" for m in _NEGATION.finditer(text))
    return bool(_NEGATION.search(text))


def context_words(text, phrase, width=5):
    """The words just before and after phrase in text."""
    at = text.find(phrase)
    if at < 0:
        return set()
    before = canonical_words(text[:at])[-width:]
    after = canonical_words(text[at + len(phrase):])[:width]
    return {w for w in before + after if w not in STOP_WORDS}


def figure_at(text, written):
    """Where text writes the figure as a figure of its own ("21", not the end of "2021"); None if nowhere."""
    return re.search(rf"(?<![\w.,]){re.escape(written)}(?!\d)", text)


def figure_context(text, written, width=4):
    """(the content words after the figure written in text, up to the next figure: what it counts,
    "10e anniversaire du Processus de Khartoum"; those before it, back to the previous figure)."""
    match = figure_at(text, written)
    if not match:
        return [], []
    before, after = re.split(r"\d", text[:match.start()])[-1], re.split(r"\d", text[match.end():])[0]
    after_words = [w for w in canonical_words(after) if len(w) > 2 and w not in STOP_WORDS]
    before_words = [w for w in canonical_words(before) if len(w) > 2 and w not in STOP_WORDS]
    return after_words[:width], before_words[-width:]


def cognate_in(phrase, words):
    """Every long word of the name has a near spelling in words (a name written in another language),
    and its short capitalised words are there as written: "Déclaration de Rabat" is not the
    "Déclaration de Niamey". words: a set, or for a large vocabulary the same grouped by first letter
    (see by_initial)."""
    own = [w for w in canonical_words(phrase) if len(w) >= 6]
    grouped = isinstance(words, dict)
    short_names = {c for w in words_as_written(phrase) if len(w) < 6 and w[0].isupper()
                   for c in canonical_words(w)} - HONORIFICS
    return bool(own) and all(any(near(o, w) for w in (words.get(o[0], ()) if grouped else words)) for o in own) \
        and all(w in (words.get(w[0], ()) if grouped else words) for w in short_names)


def by_initial(words):
    """words grouped by their first letter: near() only compares words that share it."""
    grouped = {}
    for word in words:
        grouped.setdefault(word[:1], []).append(word)
    return grouped


def near(one, other, at_least=0.75):
    """Spelled alike: "dipartimento" and "departement" (the cheap bounds first: this runs often)."""
    if one[0] != other[0] or not 0.6 <= len(one) / max(len(other), 1) <= 1.6:
        return False
    matcher = difflib.SequenceMatcher(None, one, other)
    return matcher.real_quick_ratio() >= at_least and matcher.quick_ratio() >= at_least and matcher.ratio() >= at_least


def forms(phrase):
    """The name's own words, then the report's names for it: an organisation's (the glossary), a
    place's when the phrase names one (the CLDR: "West Africa" is in "Afrique de l'Ouest"; "World
    Bank" names no place)."""
    named = canonical_words(named_part(phrase))
    places = [code for written, code in mentions(phrase) if canonical_words(written) == named]
    return [canonical_words(phrase)] + [canonical_words(french) for french in expansions(phrase)] \
        + [words for code in places for words in names_of(code, ("fr", "en"))]


def without_negation(text):
    """text with its negation taken out: "n'est pas essentielle" -> "est essentielle", "is not" -> "is"."""
    text = re.sub(r"\bn(?:e\s+|['’])((?:\S+\s){0,3}?)(?:pas|plus|jamais|guère|point)\b\s*", r"\1", text)
    text = re.sub(r"\s*" + _ARABIC_NEGATION, "", text)
    return re.sub(r"\s*\b(?:not|never|nicht|nunca|não|non)\b|n't\b", "", text, flags=re.I)


# what introduces the words a statement reports: "X a affirmé que ...", "X said that ...", "X sagte, dass ..."
_REPORTED = re.compile(r"^(?:\S+\s+){1,7}?(?:(?:que|that|dass|che|أن|إن)\s+|qu['’])|^(?:\S+\s+){0,4}?\S+,\s+", re.I)


def reported(text):
    """The words a statement reports, without who said them: "Mme Oringo a affirmé que les survivants
    ..." -> "les survivants ...". text itself when it reports nobody's words."""
    match = _REPORTED.match(text)
    rest = text[match.end():] if match else ""
    return rest if len(rest.split()) >= 3 else text


def negation_context(text):
    """The negation and the words around it: "does not disproportionately affect"."""
    match = _NEGATION.search(text)
    if not match:
        return ""
    words_before = text[:match.start()].split()[-1:]
    words_after = text[match.end():].split()[:3]
    return " ".join(words_before + [match.group(0)] + words_after).strip(" ,.;")


def shows(forms, words, phrases=None):
    """The entity's own words are all there (or the adjective made from them: "Nigeria" in
    "nigérian"), or most content words of one of the report's names for it are; phrases (where
    `" union africaine " in phrases` asks the report): the report's name must be there as a phrase."""
    own, *french = forms
    if all(o in words or len(o) >= 5 and any(o + ending in words for ending in ADJECTIVE_ENDINGS) for o in own):
        return True
    for form in french:
        if phrases is not None:
            if form and f" {' '.join(form)} " in phrases:
                return True
            continue
        content = [w for w in form if len(w) > 2]
        if content and sum(w in words for w in content) * 2 >= len(content):
            return True
    return False

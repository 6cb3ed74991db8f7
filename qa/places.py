"""Countries and regions named in any language of the dialogues, through the CLDR's territory names
(Babel): "Italy", "Italia" and "إيطاليا" are the report's "Italie". The search reaches the report's
words for them, the scope check knows whether the report names a place at all, and attribution
does not read a country in translation as a changed one.

The CLDR has no adjectives of nationality, but its names of languages are often the same words
("Dutch", "néerlandais", "italien"): a language counts as a place, named by its own names and by
those of the country where it is most likely spoken (the CLDR's likely subtags: Dutch, the
Netherlands). An adjective made from a country's one-word name also names the country ("Algerian",
"Senegalese", "algérienne", "ghanéens"): the name, less at most two final letters, then an ending of
English or French.

The CLDR gives one name per language; ISO 3166's names in Debian's iso-codes translations (pycountry)
add the other names in use ("Costa de Marfil" beside the CLDR's Spanish "Côte d’Ivoire", "بوركينا
فاصو" beside "بوركينا فاسو").
"""
import gettext
import re
from functools import lru_cache

from babel import Locale
from babel.core import get_global

from qa.analyzer import normalize
from qa.language import LANGUAGES
from qa.text import fold

_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
# not places a question names: unknown region, outlying Oceania, the eurozone, pseudo-locales
_SKIPPED = {"ZZ", "QO", "EZ", "XA", "XB"}
# The endings of an adjective of nationality, English then French, each with the agreements it takes,
# tried in this order: "Nigerian" is Nigeria's (-an, not -ian), "nigérien" Niger's (-ien, not -en)
_FRENCH_AGREEMENT = ("", "s", "e", "es", "ne", "nes")  # "algériennes": "algérien" + "nes"
_DEMONYM_ENDINGS = (("i", ("",)), ("an", ("", "s", "e", "es")), ("ian", ("", "s")), ("ean", ("", "s")),
                    ("ese", ("",)), ("ish", ("",)), ("ien", _FRENCH_AGREEMENT), ("een", _FRENCH_AGREEMENT),
                    ("en", _FRENCH_AGREEMENT), ("ain", _FRENCH_AGREEMENT), ("ais", ("", "e", "es")),
                    ("ois", ("", "e", "es")))
DEMONYM_STEM = 4  # letters of the name an adjective must keep ("Mali-an", "Chad-ian")
# The adjectives of the dialogues' states that no ending makes from a one-word name of the CLDR's (another
# word, or a name of several words), English and French, folded, without their agreements: "Ivorian",
# "ivoirienne", "sierra-léonais" (its last word). Not those that name another state in part ("Bissau-Guinean").
IRREGULAR_DEMONYMS = {"CI": ("ivorian", "ivoirien"), "BF": ("burkinabe",), "CV": ("verdean", "verdien"),
                      "SL": ("leonean", "leonais"), "TG": ("togolese", "togolais"), "CF": ("centrafricain",),
                      "BE": ("belge",), "CY": ("cypriot", "chypriote"), "CH": ("swiss", "suisse"),
                      "GB": ("british", "britannique"), "FR": ("french",), "DE": ("german", "allemand"),
                      "ES": ("spanish", "espagnol"), "PT": ("portuguese",), "NL": ("dutch", "neerlandais"),
                      "GR": ("greek", "grec", "grecque"), "DK": ("danish", "danois"), "PL": ("polish", "polonais"),
                      "CZ": ("czech", "tcheque")}
_IRREGULAR = {adjective: code for code, adjectives in IRREGULAR_DEMONYMS.items() for adjective in adjectives}
# Arabic writes "and", "in", "for" onto the next word, a conjunction then a preposition at most:
# "والنيجر", "بالمغرب", "وبالمغرب"; "for the" drops the article's alif ("للاتجار": "الاتجار")
_ARABIC_PROCLITIC = re.compile(r"^[وف]?[بلك]?(?<=.)(?=ال)")
_ARABIC_FOR_THE = re.compile(r"^[وف]?ل(?=ل.)")


def without_proclitic(word):
    """An Arabic word without the "and", "in", "for" written onto it ("والنيجر": "النيجر")."""
    return _ARABIC_FOR_THE.sub("ا", _ARABIC_PROCLITIC.sub("", word))


def _words(text):
    return [without_proclitic(w) for w in _WORDS.findall(fold(normalize(text)))]


@lru_cache(maxsize=1)
def _language_names():
    """[(language, code, name as written)] of the major languages (ISO 639-1, not the CLDR's 600 others)."""
    return [(language, code, name) for language in LANGUAGES
            for code, name in Locale(language).languages.items() if len(code) == 2]


@lru_cache(maxsize=1)
def _names():
    """code -> {language: its name as words}: territories ("IT") and languages ("lang:it")."""
    table = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            if code not in _SKIPPED:
                table.setdefault(code, {})[language] = tuple(_words(name))
    for language, code, name in _language_names():
        table.setdefault(f"lang:{code}", {})[language] = tuple(_words(name))
    return table


@lru_cache(maxsize=1)
def _variants():
    """code -> the countries' other names (folded words) in the languages of the dialogues: pycountry's
    name and common name of each, translated. Inverted names ("Bolivia, Estado plurinacional de") are
    left out; a bracketed part is dropped."""
    import pycountry

    table = {}
    for language in LANGUAGES:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for country in pycountry.countries:
            for name in {getattr(country, "name", None), getattr(country, "common_name", None)} - {None}:
                name = re.sub(r"\s*\(.*?\)", "", translation.gettext(name))
                words = tuple(_words(name))
                if words and "," not in name and words not in _names().get(country.alpha_2, {}).values():
                    table.setdefault(country.alpha_2, set()).add(words)
    return {code: sorted(names) for code, names in table.items()}


def _country_of(code):
    """The territory where a language ("lang:nl") is most likely spoken ("NL"), or None."""
    if not code.startswith("lang:"):
        return None
    likely = get_global("likely_subtags").get(code[5:], "")
    return likely.split("_")[-1] if "_" in likely else None


@lru_cache(maxsize=1)
def _by_first_word():
    """first word -> [(name as words, code)], longest names first."""
    found = {}
    for code, names in _names().items():
        for words in set(names.values()) | set(_variants().get(code, ())):
            if words:
                found.setdefault(words[0], []).append((words, code))
    for entries in found.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return found


@lru_cache(maxsize=1)
def _country_stems():
    """A country's one-word English or French name less nothing, one or two final letters ("algeri",
    "ital") -> its code: the country whose name it is, else the only one it is the start of."""
    exact, cut = {}, {}
    for code, names in _names().items():
        if len(code) == 2:  # countries, not regions ("150") nor languages
            for words in {names.get("en"), names.get("fr")} - {None}:
                if len(words) == 1:
                    exact.setdefault(words[0], set()).add(code)
                    for stem in (words[0][:-1], words[0][:-2]):
                        if len(stem) >= DEMONYM_STEM:
                            cut.setdefault(stem, set()).add(code)
    found = {stem: codes.pop() for stem, codes in cut.items() if len(codes) == 1}
    found.update({name: codes.pop() for name, codes in exact.items() if len(codes) == 1})
    return found


@lru_cache(maxsize=16384)  # every word of every question is asked
def _demonym(word):
    """The country a folded word is the adjective of ("algerian", "algeriennes": "DZ"), or None."""
    for agreement in _FRENCH_AGREEMENT:  # ("Ivorian", "Ivorians", "ivoiriennes")
        if word.endswith(agreement) and word[:len(word) - len(agreement)] in _IRREGULAR:
            return _IRREGULAR[word[:len(word) - len(agreement)]]
    stems = _country_stems()
    for ending, agreements in _DEMONYM_ENDINGS:
        for agreement in agreements:
            stem = word[:len(word) - len(ending) - len(agreement)]
            if word.endswith(ending + agreement) and stem in stems:
                return stems[stem]
    return None


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# an Arabic adjective of nationality is the name, less its article and a final alif (or "ya alif"), then
# "i" and its agreement: مصر "المصري", نيجيريا "النيجيرية", الجزائر "الجزائريين"
_ARABIC_ENDINGS = ("يين", "يون", "يات", "ية", "ي")


@lru_cache(maxsize=1)
def _arabic_stems():
    """The Arabic one-word names of countries, as an adjective of nationality is made from them -> code."""
    found = {}
    for code, names in _names().items():
        if len(code) == 2 and code.isalpha():
            for words in {names.get("ar")} | set(_variants().get(code, ())):
                if words and len(words) == 1 and _ARABIC_LETTER.match(words[0]):
                    name = words[0].removeprefix("ال")
                    stems = {name, name[:-1] if name[-1] in "اة" else name, name[:-2] if name.endswith("يا") else name}
                    for stem in stems:
                        found.setdefault(stem, set()).add(code)
    return {stem: codes.pop() for stem, codes in found.items() if len(codes) == 1}


@lru_cache(maxsize=16384)
def _arabic_adjective(word):
    """The country an Arabic word (without its proclitics) is the adjective of ("النيجيري": "NG"), or None."""
    stem = word.removeprefix("ال")
    for ending in _ARABIC_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3 and stem[:-len(ending)] in _arabic_stems():
            return _arabic_stems()[stem[:-len(ending)]]
    return None


def demonyms(text):
    """[(word as written, country code)] of the adjectives made from a country's name that text
    uses, in lower case as French writes them ("la frontière algérienne") or capitalised."""
    return [(word, code) for word in _WORDS.findall(normalize(text)) for code in [_demonym(fold(word))] if code]


@lru_cache(maxsize=4096)  # a question's places are asked for by the search, the scope check and attribution
def mentions(text):
    """[(name as written in text, territory code)] of the places text names. A name in a script with
    capitals counts only when written with one ("Chad", not "chad"; the Italian "mali" is not Mali)."""
    written = _WORDS.findall(normalize(text))
    lookup, found, i = _by_first_word(), [], 0
    words = [without_proclitic(fold(w)) for w in written]  # one per word as written
    # "and" is written onto a name without the article too ("وكينيا": and Kenya)
    words = [w[1:] if w[:1] in "وف" and w not in lookup and w[1:] in lookup else w for w in words]
    while i < len(words):
        for name, code in lookup.get(words[i], ()):
            if tuple(words[i:i + len(name)]) == name and (written[i][0].isupper() or not written[i][0].islower()):
                found.append((" ".join(written[i:i + len(name)]), code))
                i += len(name)
                break
        else:
            code = (_genitive(words[i], lookup) or _demonym(words[i])) if written[i][0].isupper() else \
                _arabic_adjective(words[i]) if _ARABIC_LETTER.match(words[i]) else None
            if code:
                found.append((written[i], code))
            i += 1
    return tuple(found)


def _genitive(word, lookup):
    """The place whose one-word name the word is in the German genitive ("Ugandas", "Äthiopiens")."""
    if len(word) > DEMONYM_STEM and word.endswith("s"):
        return next((code for name, code in lookup.get(word[:-1], ()) if name == (word[:-1],)), None)
    return None


def names_of(code, languages=LANGUAGES):
    """The place's names, each as a list of folded words, in the given languages (a language's
    and its country's): the CLDR's first, then the other names in use (in any language)."""
    found = []
    for each in (code, _country_of(code)):
        names = _names().get(each, {}) if each else {}
        found += [list(names[language]) for language in languages if language in names]
    for each in (code, _country_of(code)):
        found += [list(words) for words in _variants().get(each, ()) if list(words) not in found]
    return found


def named_in(text, language):
    """The words, folded, of the names in language of the places text names ("Italia e Niger" ->
    ["italie", "niger"] for "fr")."""
    return [w for _, code in mentions(text) for words in names_of(code, (language,))[:1] for w in words]


# the points of the compass regions are named with, in the languages of the dialogues (folded)
_COMPASS = {direction: set(fold(words).split()) for direction, words in {
    "west": "west western ouest occidental occidentale occidentales westen westlich oeste ocidental غرب",
    "east": "east eastern est oriental orientale orientales osten ostlich leste este شرق",
    "north": "north northern nord septentrional septentrionale norden nordlich norte settentrionale شمال",
    "south": "south southern sud meridional meridionale australe austral suden sudlich sul sur جنوب",
}.items()}
_COMPASS_WORDS = set().union(*_COMPASS.values())
# how an adjective of nationality agrees: "italien", "italiens", "italienne(s)", "italiano/a/os/as", "italiani/e",
# "italienische(n/r/m)"
_AGREEMENT = ("", "s", "e", "es", "ne", "nes", "a", "as", "o", "os", "i", "en", "er", "em")


@lru_cache(maxsize=1)
def _nationalities():
    """folded name of a language, as an adjective of nationality ("espagnol", "italian") -> its code."""
    found = {}
    for code, names in _names().items():
        if code.startswith("lang:"):
            for words in names.values():
                if len(words) == 1 and len(words[0]) >= 4:
                    found.setdefault(words[0], code)
    return found


def nationalities(text):
    """[(word as written, code)] of the adjectives of nationality text uses, in lower case as the
    Romance languages write them ("parquets espagnols", "procuratori italiani"), or capitalised."""
    table, found = _nationalities(), []
    for word in _WORDS.findall(normalize(text)):
        folded = fold(word)
        for ending in _AGREEMENT:
            stem = folded[:-len(ending)] if ending and folded.endswith(ending) else folded if not ending else None
            if stem and stem in table:
                # an accent the name does not have makes another word: "créé" is not "Cree"
                accented = word.lower() != folded
                if not accented or word.lower()[:len(stem)] in _accented_names():
                    found.append((word, table[stem]))
                break
    return found


@lru_cache(maxsize=1)
def _accented_names():
    """The names of languages, in lower case with their accents ("néerlandais", "egiziano")."""
    return {normalize(name).lower() for _, _, name in _language_names()}


def used_in(code, words):
    """words (a set of folded words) name the place or nationality: one of its names, the last word
    agreeing as an adjective ("italiens" for Italian, "Italie" too), or a region's continent and
    point of the compass ("Afrique de l'Ouest" for the CLDR's "Afrique occidentale", "Westafrika")."""
    for name in names_of(code):
        *first, last = name
        if all(w in words for w in first) and any(last + ending in words for ending in _AGREEMENT):
            return True
        directions = [d for d, compass in _COMPASS.items() if compass & set(name)]
        rest = [w for w in name if w not in _COMPASS_WORDS]
        if len(directions) == 1 and rest and all(w in words for w in rest) and _COMPASS[directions[0]] & words:
            return True
    return False

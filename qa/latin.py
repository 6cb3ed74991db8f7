"""Names written in Arabic script, matched to the report's names in Latin script by their consonants:
"ليبرتيرا" is "Liberterra", "نالوبيغا" is "Nalubega". The CLDR gives countries' names in Arabic, but
not a speaker's, an operation's or an organisation's: those are written by ear. anyascii transliterates
the letters; a Latin name keeps its consonants, as an Arabic writer hears them (no "p" or "v" in
Arabic; French "ch" is "sh"; a final "t", "d" or "s" may be silent: "Mignot", "ميغنو")."""
import re
from functools import lru_cache

from anyascii import anyascii

from qa.analyzer import is_word
from qa.text import fold

MIN_CONSONANTS = 3  # shorter skeletons ("Touré": "tr") match too many words
# A name written by ear spells its vowels out ("ميغنو"): an Arabic word with fewer long vowels is a
# word of the language whose consonants may happen to be a name's ("فرق", teams: "Afrique")
MIN_VOWEL_LETTERS = 2
_VOWEL_LETTERS = set("اأإآوي")
_ARABIC_WORD = re.compile(r"[\u0600-\u06FF]+")
# (Latin spelling, sound) in the order they are replaced; then every vowel and semi-vowel goes
_SOUNDS = [("sch", "s"), ("ch", "s"), ("sh", "s"), ("gh", "g"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("ph", "f"),
           ("qu", "k"), ("ce", "se"), ("ci", "si"), ("q", "k"), ("c", "k"), ("x", "ks"), ("p", "b"), ("v", "f"),
           ("j", "g"), ("z", "s")]
_NOT_CONSONANTS = re.compile(r"[aeiouyw'h\W\d_]+")


def skeleton(word):
    """The consonants of a word as they sound, in Latin letters, a doubled one once: "Liberterra" and
    "ليبرتيرا" are both "lbrtr"."""
    latin = fold(anyascii(word)) if _ARABIC_WORD.search(word) else fold(word)
    for spelling, sound in _SOUNDS:
        latin = latin.replace(spelling, sound)
    return re.sub(r"(.)\1+", r"\1", _NOT_CONSONANTS.sub("", latin))


class LatinNames:
    """The report's names in Latin script (capitalised words), by their skeleton."""

    def __init__(self, names):
        self.by_skeleton = {}
        for name in names:
            found = skeleton(name)
            heard = [found, found[:-1]] if fold(name)[-1:] in ("t", "d", "s", "x") else [found]
            for form in heard:
                if len(form) >= MIN_CONSONANTS:
                    self.by_skeleton.setdefault(form, set()).add(name)

    def of(self, text):
        """The report's names that the Arabic words of text are written for (an Arabic word may carry
        "and", "the", "for": "والإنتربول"; without them first, "بومغارتنر" as written last)."""
        found = []
        for word in _ARABIC_WORD.findall(text):
            forms = _without_prefixes(word)
            if any(is_word(form, "ar") for form in forms):
                continue  # a word of the language ("اتجار", trafficking: "Tuggar")
            for form in reversed(forms):
                names = self.by_skeleton.get(skeleton(form), ())
                # one name only: a skeleton that several names share ("sml": "Samuel", "Somalie") tells none
                if len(names) == 1 and sum(letter in _VOWEL_LETTERS for letter in form) >= MIN_VOWEL_LETTERS:
                    found += names
                    break
        return list(dict.fromkeys(found))


@lru_cache(maxsize=4096)
def _without_prefixes(word):
    """The word, then without what Arabic writes onto a word: "و" "ف" (and), "ب" "ل" "ك" (in, for, as).
    With the article, only the word after it: a person's name takes none, and "للإيكواس" (for the
    ECOWAS) is not "Lucas"."""
    forms, rest = [word], word
    while rest[:1] in ("و", "ف", "ب", "ل", "ك") and len(rest) > 3:
        if rest.startswith("لل"):  # "for" + the article
            return (rest[2:],)
        rest = rest[1:]
        forms.append(rest)
    if rest.startswith("ال") and len(rest) > 4:
        return (rest[2:],)
    return tuple(forms)

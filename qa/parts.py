"""The numbered parts of a meeting that a question names: "the second session", "sesión 4", "im
zweiten Panel", "الجلسة الرابعة". The reports number their sessions in their headings ("Session 2 -
Protection en pratique", "Session 3: Identification…") and call them panels as well ("le deuxième
panel"); a question that names one is asking about what was said there.

Ordinals come from num2words in each of the dialogues' languages; a question's ordinal may be
inflected ("première", "segunda", "zweiten", "الرابعة") where num2words writes one form.
"""
import re
from functools import lru_cache

from num2words import num2words

from qa.places import without_proclitic
from qa.text import fold

LANGUAGES = ("fr", "en", "es", "pt", "it", "de", "ar")
LARGEST = 12  # no meeting of the series has more sessions
# The words for a session or panel, folded, in each language (Arabic without its article)
PART_WORDS = set(fold("""session séance panel sesión sessão painel sessione sitzung جلسة حلقة""").split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ORDINAL_FIGURE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e|er|re|ere|eme|a|o|ª|º)?$")  # "2nd", "2e", "2ème", "2ª"
_HEADING = re.compile(r"^\s*(?:" + "|".join(sorted(PART_WORDS)) + r")\s*(\d{1,2})\b")


@lru_cache(maxsize=None)
def _ordinals(languages=LANGUAGES):
    """(folded ordinal, number) in these languages (by default every one: a session is asked in the
    question's words, whatever the language detected for so short a phrase)."""
    return [(_bare(num2words(n, lang=language, to="ordinal")), n) for language in languages
            for n in range(1, LARGEST + 1)]


def _bare(word):
    """The word folded, an Arabic one without its article ("الرابعة": "رابعة")."""
    word = without_proclitic(fold(word))
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def ordinal(word, language):
    """The number the word says as an ordinal of the language ("quatrième": 4), None if none: it
    names a part or a rank, not a subject."""
    return _number(_bare(word), (language,)) if language in LANGUAGES else None


def _number(word, languages=LANGUAGES):
    """The number a word says as an ordinal or a figure (None when it says none)."""
    figure = _ORDINAL_FIGURE.match(word)
    if figure:
        return int(figure.group(1))
    for written, number in _ordinals(languages):
        # an inflected form: the same word but for its ending ("première", "segunda", "zweiten", "رابعة");
        # a final vowel is the ending ("segundo": "segunda"), a final consonant is not ("tenth": "tents")
        stem = written[:-1] if written[-1] in "aeiou" and len(written) >= 4 else written
        if word.startswith(stem) and len(word) <= len(written) + 2:
            return number
    return None


def parts_named(question):
    """The numbers of the sessions the question names: a word for a session next to an ordinal or a
    figure ("the third session", "session 3", "la 3e séance", "الجلسة الرابعة"). A bare figure before
    the word counts sessions rather than names one ("4 sessions")."""
    found = set()
    words = [_bare(w) for w in _WORD.findall(question)]
    for i, word in enumerate(words):
        if word not in PART_WORDS:
            continue
        if i > 0 and not words[i - 1].isdigit():
            found.add(_number(words[i - 1]))
        if i + 1 < len(words):
            found.add(_number(words[i + 1]))
    return {n for n in found if n and n <= LARGEST}


def heading_number(title):
    """The number of the session a section's heading names ("Session 2 - Protection en pratique": 2)."""
    match = _HEADING.match(fold(title or ""))
    return int(match.group(1)) if match else None

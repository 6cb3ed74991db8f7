"""The report's own acronyms: "Long form (ACR)" pairs, to expand one into the other in questions."""
import re

from qa.analyzer import analyze

_PAIR = re.compile(r"([^,;:.()«»]{3,160}?)\s*\(([A-Z][A-Z0-9-]{1,11})\)")
_WORD = re.compile(r"\S+")
MAX_WORDS = 8


def find_acronyms(texts):
    """{acronym: [analysed tokens of its long form]} from every "words (ACR)" of the texts; the long
    form is the last MAX_WORDS words before the bracket, within the clause."""
    table = {}
    for text in texts:
        for match in _PAIR.finditer(text):
            acronym = match.group(2)
            words = _WORD.findall(match.group(1))[-MAX_WORDS:]
            tokens = [t for t in analyze(" ".join(words)) if t != acronym.lower()]
            # the long form starts at the word that gives the acronym its first letter, if any does
            first = next((i for i, t in enumerate(tokens) if t[0] == acronym[0].lower()), 0)
            tokens = tokens[first:]
            if len(tokens) >= 2 and acronym not in table:
                table[acronym] = tokens
    return table


def expand(tokens, table):
    """Question tokens plus the long form of each acronym in them, and the acronym of each long form
    they spell out in full."""
    present = set(tokens)
    extra = []
    for acronym, long_form in table.items():
        key = acronym.lower()
        if key in present:
            extra += long_form
        elif set(long_form) <= present:
            extra.append(key)
    return tokens + [t for t in dict.fromkeys(extra) if t not in present]

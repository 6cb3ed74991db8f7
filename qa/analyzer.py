"""French-aware lexical analysis for BM25: normalisation, elision, stop words, stemming, glossary.

Acronyms (NAPTIP, COP), figures (3 442, 34,75) and names in the middle of a sentence are kept
exact; other words are stemmed with the French Snowball stemmer, which also conflates many
English cognates (victims/victimes, protection). English questions are expanded through a
bilingual glossary so that they reach the French text on the lexical side too.
"""
import re

import simplemma
import Stemmer

from qa.glossary import expansions
from qa.text import fold

_SPACES = re.compile(r"[\u00a0\u202f\u2009\u2007\u200b]")
_QUOTES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})
_THOUSANDS = re.compile(r"(?<=\d)[ ,.](?=\d{3}(?!\d))")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")

STOP_WORDS = set(fold(" ".join("""
a à afin ai aie ainsi alors au aucun aussi autre autres aux avaient avait avant avec avoir ayant
c ça car ce ceci cela celle celles celui ces cet cette ceux chaque ci comme comment d dans de des
dont donc du elle elles en encore entre es est et étaient était été être eu eux fait font hors
il ils j je jusqu l la le les leur leurs lors lorsqu lui m ma mais me même mes moi mon n ne ni nos
notre nous on ont ou où par pas peu peut plus pour pourquoi puisqu qu quand que quel quelle
quelles quels qui quoi s sa sans se selon ses si soit son sont sous sur t ta te tes toi ton tous
tout toute toutes très tu un une vers vos votre vous y combien quelles
the of and to in for on with by from at as is are was were be been being an this that these those
it its their there what which who whom whose how when where why did do does done has have had
about into than then so such can could would should will may might also any all some other
according per between during after before over under up out not no nor only own same
many much more most each every both either neither through across among against within without
upon onto since while whether because though although again still yet very just even
""".split())).split())

# English reports are stemmed as English; everything else (French reports, questions) as French.
_STEMMERS = {"fr": Stemmer.Stemmer("french"), "en": Stemmer.Stemmer("english")}


def normalize(text):
    """Unify what users type: apostrophes, quotes, odd spaces and number formats."""
    text = _SPACES.sub(" ", text.translate(_QUOTES))
    previous = None
    while previous != text:  # "1 000 000" needs two passes
        previous, text = text, _THOUSANDS.sub("", text)
    return _DECIMAL_COMMA.sub(".", text)


def analyze(text, language="fr"):
    """Tokens of a passage or a question, as BM25 indexes them (language: of a report's text)."""
    stemmer = _STEMMERS.get(language, _STEMMERS["fr"])
    text = normalize(text)
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        folded = fold(word)
        if word[0].isdigit():
            tokens.append(folded)
        elif len(word) >= 2 and word.isupper():
            tokens.append(folded)  # an acronym: exact
        elif folded in STOP_WORDS or len(folded) < 2:
            continue
        elif word[0].isupper() and not _starts_sentence(text, match.start()):
            tokens.append(folded)  # a name: exact
        else:
            tokens.append(stemmer.stemWord(folded))  # folded first: users often type no accents
    return tokens


def lemma(word, language="fr"):
    """The dictionary form of a word ("obtenus": "obtenir", "mariages": "mariage"), from simplemma's
    lexicons (each loaded on first use); the word itself when the lexicon does not have it."""
    return simplemma.lemmatize(word, lang=language)


def is_word(word, language="fr"):
    """simplemma's lexicon of the language has the word (in some form)."""
    return simplemma.is_known(word, lang=language)


def analyze_query(text):
    """Tokens of a question, with the French equivalents of English terms and the French names of
    the places it names ("إيطاليا": "italie") added."""
    from qa.places import named_in  # it analyses names with this module's normalize

    tokens = analyze(text)
    for french in expansions(text):
        tokens.extend(t for t in analyze(french) if t not in tokens)
    # a name is kept exact where the report writes it with its capital, stemmed elsewhere
    for word in named_in(text, "fr"):
        tokens.extend(t for t in [word] + analyze(word) if t not in tokens)
    return tokens


def _starts_sentence(text, position):
    before = text[:position].rstrip(" \"'(")
    return not before or bool(_SENTENCE_END.search(before))

"""What a question is about, read from the function words of its language (French and English, the
languages of the reports): the nouns it names, the noun it asks for, and which words are verbs.
Dictionary forms come from simplemma's lexicons (qa.analyzer.lemma)."""
from functools import lru_cache

from qa.analyzer import is_word, lemma
from qa.names import words_as_written
from qa.text import fold

# per language: determiners (a noun follows them), interrogatives (the noun after one names the kind
# of answer asked for) and the words that may stand between ("Quel est l'avis", "How many victims")
FUNCTION_WORDS = {
    "fr": ("le la les l un une des du de d au aux ce cet cette ces leur leurs son sa ses notre nos votre vos",
           "quel quelle quels quelles combien lequel laquelle lesquels lesquelles",
           "est sont était étaient sera seront fut furent a ont été"),
    "en": ("the a an this that these those its their his her our your",
           "what which how",
           "is are was were has have had been many much"),
}
_FUNCTION_WORDS = {language: tuple(set(fold(words).split()) for words in kinds)
                   for language, kinds in FUNCTION_WORDS.items()}
_INFINITIVE_AFTER = {"de", "d"}  # "afin de freiner": a verb, where "plantations de cacao" is a noun
# how a conjugated verb or a participle ends: "frontières" (of "frontière") is none
_VERB_ENDINGS = ("ent", "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "ait", "aient", "ant",
                 "ons", "ez")


@lru_cache(maxsize=16)  # the same question, asked by several rules of one search (not a cache of answers)
def nouns(question, language):
    """(the noun the question asks for, the nouns it names): the words after a determiner ("contre
    les mariages", "plantations de cacao", "the shipping companies"), but for the first after its
    interrogative ("Quels obstacles", "Quel est l'avis", "Combien de projets", "How many victims"):
    it names the kind of answer, a word the report need not use. (None, ()) in other languages."""
    if language not in _FUNCTION_WORDS:
        return None, ()
    determiners, interrogatives, between = _FUNCTION_WORDS[language]
    words = words_as_written(question.replace("’", "'"))
    asked = next((next((w for w in words[i + 1:] if fold(w) not in between | determiners), None)
                  for i, word in enumerate(words) if fold(word) in interrogatives), None)
    named = [word for previous, word in zip([""] + words, words)
             if fold(previous) in determiners and word[:1].islower() and word != asked
             and fold(word) not in determiners | between
             and not (language == "fr" and fold(previous) in _INFINITIVE_AFTER and _is_infinitive(word))]
    return asked, tuple(named)


# English auxiliaries after an interrogative: "What did ECOWAS commit to?", its verb after who did it
_AUXILIARIES = set("did does do will would should could can has have had".split())


def verbs(question, language):
    """The verbs of a question that asks what someone did: in French, the forms of a verb in a question
    that asks "what" ("Qu'a proposé l'ONUDC ?", "À quoi la CEDEAO s'est-elle engagée ?"; not "Combien de
    passeurs ont été extradés vers l'Italie ?"); in English, the word after the name that an interrogative
    and an auxiliary ask about ("What did ECOWAS commit to?", "What will the EU fund?")."""
    words = words_as_written(question.replace("’", "'"))
    if language == "fr" and words and (fold(words[0]) in ("qu", "que", "quoi")
                                       or fold(" ".join(words[:2])) == "a quoi"):
        return {w for w in words if w[0].islower() and is_verb_form(w)}
    if language == "en" and len(words) > 3 and fold(words[0]) in _FUNCTION_WORDS["en"][1] \
            and fold(words[1]) in _AUXILIARIES:
        rest = words[3:] if fold(words[2]) == "the" else words[2:]
        named = next((i for i, w in enumerate(rest) if not w[0].isupper()), len(rest))
        # (not after a possessive: "What will Nigeria's government fund?")
        return set(rest[named:named + 1]) if named and rest[named:named + 1] != ["s"] else set()
    return set()


def is_verb_form(word):
    """A French verb: an infinitive ("freiner"), a conjugated form ("deviennent": "devenir") or a past
    participle ("soulevés", "tenus": the lexicon gives the adjective "soulevé", "tenu", whose own
    dictionary form is the verb)."""
    found = lemma(word)
    verb = lemma(found) if found.endswith(("é", "u", "i", "is")) else found
    return _is_infinitive(word) or (verb != word and verb.endswith(("er", "ir", "re"))
                                    and word.endswith(_VERB_ENDINGS))


def _is_infinitive(word):
    """"lutter", not "couture": the lexicon knows no plural of a verb."""
    return word.endswith(("er", "ir", "re")) and lemma(word) == word and not is_word(word + "s")

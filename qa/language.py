"""The language of a question or statement, among those of the dialogues (py3langid, restricted to them)."""
from functools import lru_cache

LANGUAGES = ("fr", "en", "ar", "es", "pt", "it", "de")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect(text):
    """(language code, probability) of text."""
    language, probability = _identifier().classify(text)
    return language, float(probability)

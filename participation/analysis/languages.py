"""Which language a text was written in: the one language detector of the platform (py3langid carries its model).

Used when answers are stored (to record the language a resident actually wrote in) and by the analysis
pipeline (to centre embeddings per language). Plain functions, no Flask.
"""
from functools import lru_cache

UNKNOWN_LANGUAGE = "xx"
SUPPORTED = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa")
MIN_CHARACTERS = 20
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True, langs=list(SUPPORTED))


def detect_language(text: str, expected: str | None = None) -> str:
    """The language of `text`; "xx" when it has no letters to judge by.

    With an `expected` language (the one the interface was in), that language is kept unless identification
    is confident the text is in another one; short texts keep it too, since identification is unreliable
    below a sentence. Without one, plain py3langid classification decides.
    """
    expected = (expected or "").split("-")[0] or None
    if not text or not any(ch.isalpha() for ch in text):
        return expected or UNKNOWN_LANGUAGE
    if expected is None:
        import py3langid

        language, _ = py3langid.classify(text)
        return language
    if len(text.strip()) < MIN_CHARACTERS:
        return expected
    language, confidence = _identifier().classify(text)
    return language if language != expected and confidence >= MIN_CONFIDENCE else expected


def resolve_languages(texts, languages=None):
    """One lower-case language code per text, detecting the missing ones."""
    if languages is not None and len(languages) != len(texts):
        raise ValueError("languages must have one entry per text")
    given = languages or [None] * len(texts)
    return [(code or detect_language(text)).lower().split("-")[0] for text, code in zip(texts, given)]

"""Which language a free-text answer was written in (py3langid carries its model)."""
from functools import lru_cache

SUPPORTED = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa")
MIN_CHARACTERS = 20
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True, langs=list(SUPPORTED))


def detect_language(text: str, expected: str | None = None) -> str | None:
    """The expected (UI) language, unless identification is confident it is another one.

    Short texts keep the expected language: identification is unreliable below a sentence.
    """
    expected = (expected or "").split("-")[0] or None
    if not text or len(text.strip()) < MIN_CHARACTERS:
        return expected
    language, confidence = _identifier().classify(text)
    if expected is None or (language != expected and confidence >= MIN_CONFIDENCE):
        return language
    return expected

"""Language codes per text: given by the caller or detected with py3langid."""

UNKNOWN_LANGUAGE = "xx"


def detect_language(text):
    """ISO 639-1 code of `text`, or "xx" when it has no letters to judge by."""
    if not any(ch.isalpha() for ch in text):
        return UNKNOWN_LANGUAGE
    import py3langid

    language, _ = py3langid.classify(text)
    return language


def resolve_languages(texts, languages=None):
    """One lower-case language code per text, detecting the missing ones."""
    if languages is not None and len(languages) != len(texts):
        raise ValueError("languages must have one entry per text")
    given = languages or [None] * len(texts)
    return [(code or detect_language(text)).lower().split("-")[0] for text, code in zip(texts, given)]

"""Tokens, lemmas and stop words per language with blank spaCy pipelines.

Blank pipelines need no downloaded model; lemmas come from spacy-lookups-data
where a lookup table exists for the language and fall back to the lower-cased
token otherwise.
"""

from dataclasses import dataclass
from functools import lru_cache

import spacy

from .privacy import strip_personal_data

FALLBACK_PIPELINE = "xx"


@dataclass(frozen=True)
class NormalisedText:
    """Content lemmas of one text, in order, and the phrases of adjacent content lemmas."""

    language: str
    lemmas: tuple
    phrases: tuple


@lru_cache(maxsize=None)
def _pipeline(language):
    """A cached blank pipeline with a lookup lemmatizer when the tables exist."""
    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, ValueError):
        nlp = spacy.blank(FALLBACK_PIPELINE)
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, KeyError, ImportError):
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")
    return nlp


CASED_LEMMA_LANGUAGES = frozenset({"de"})


def _content_lemma(token, language):
    """The lemma of a meaningful word, or None for stop words, numbers, punctuation.

    German keeps the lookup's capitalisation so nouns read naturally in labels;
    other languages are lower-cased so sentence-initial words count as one.
    """
    if not token.is_alpha or token.is_stop or len(token.text) < 2:
        return None
    lemma = token.lemma_ or token.text
    if language not in CASED_LEMMA_LANGUAGES:
        lemma = lemma.lower()
    if token.vocab[lemma.lower()].is_stop:
        return None
    return lemma


def normalise_text(text, language):
    """Content lemmas and two-word phrases of one text; personal data never becomes a lemma."""
    doc = _pipeline(language)(strip_personal_data(text))
    lemmas, phrases, previous = [], [], None
    for token in doc:
        lemma = _content_lemma(token, language)
        if lemma is not None:
            lemmas.append(lemma)
            if previous is not None:
                phrases.append(f"{previous} {lemma}")
        previous = lemma
    return NormalisedText(language, tuple(lemmas), tuple(phrases))


def normalise_texts(texts, languages):
    """Normalise each text with the pipeline of its language."""
    return [normalise_text(text, language) for text, language in zip(texts, languages)]

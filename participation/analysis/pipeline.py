"""The whole theme analysis: normalise → embed → centre languages → cluster → label → representatives.

Plain data in and out, so the web app, workers and benchmarks can all call it.
"""

from dataclasses import dataclass, field

import numpy as np

from .cluster import NO_THEME, SpectralThemeClusterer, centroids_of
from .embed import embed_texts, l2_normalise
from .label import keywords_per_theme, theme_label
from .languages import resolve_languages
from .normalise import normalise_texts
from .reduce import LanguageCentering

MIN_REPRESENTATIVES = 3
MAX_REPRESENTATIVES = 5


@dataclass
class Theme:
    """One theme for planners: a short German label, its keywords, example texts and size."""

    label: str
    keywords: list
    keywords_by_language: dict
    representatives: list
    size: int
    languages: dict = field(default_factory=dict)


@dataclass
class ThemeResult:
    """Theme per text (-1 = no clear theme), the themes and their centroids in embedding space.

    Centroids live in the space of the embedder's vectors, so stored vectors of
    new texts of the same model can be assigned with assign_to_themes.
    """

    labels: list
    themes: list
    centroids: np.ndarray
    languages: list


def representatives_of(vectors, labels, theme, centroid, count=MAX_REPRESENTATIVES):
    """Members most similar to the theme's centroid: they show what the theme is about."""
    members = np.flatnonzero(labels == theme)
    similarity = vectors[members] @ centroid
    return [int(i) for i in members[np.argsort(-similarity, kind="stable")[:count]]]


def _empty_result(n_texts, languages, dim=0):
    return ThemeResult([NO_THEME] * n_texts, [], np.zeros((0, dim), dtype=np.float32), languages)


def cluster_texts(texts, languages=None, n_themes=None, *, embeddings=None, random_state=0,
                  clusterer=None, centering=None, embedder=None):
    """Group free-text answers into themes.

    `embeddings` (rows from embed_texts, all of one model) skips embedding, else `embedder` (default
    get_embedder()) embeds the texts; `clusterer` and
    `centering` swap pipeline steps (objects with fit_predict / fit_transform).
    Deterministic for a fixed `random_state`.
    """
    texts = list(texts)
    languages = resolve_languages(texts, languages)
    if not texts:
        return _empty_result(0, languages)
    vectors = l2_normalise(embed_texts(texts, embedder=embedder) if embeddings is None else embeddings)
    if len(vectors) != len(texts):
        raise ValueError("embeddings must have one row per text")
    centering = centering or LanguageCentering()
    clusterer = clusterer or SpectralThemeClusterer(n_themes=n_themes, random_state=random_state)
    centred = centering.fit_transform(vectors, languages)
    labels = np.asarray(clusterer.fit_predict(centred), dtype=int)
    n_found = int(labels.max()) + 1 if len(labels) and labels.max() >= 0 else 0
    if n_found == 0:
        return _empty_result(len(texts), languages, vectors.shape[1])

    centred_centroids = centroids_of(centred, labels, n_found)
    centrality = np.einsum("ij,ij->i", centred, centred_centroids[np.maximum(labels, 0)])
    overall, per_language = keywords_per_theme(normalise_texts(texts, languages), labels, n_found, centrality)
    themes = []
    for theme in range(n_found):
        member_languages = [languages[i] for i in np.flatnonzero(labels == theme)]
        themes.append(Theme(
            label=theme_label(overall[theme], per_language[theme]),
            keywords=overall[theme],
            keywords_by_language=per_language[theme],
            representatives=representatives_of(centred, labels, theme, centred_centroids[theme]),
            size=len(member_languages),
            languages={code: member_languages.count(code) for code in sorted(set(member_languages))},
        ))
    return ThemeResult(labels.tolist(), themes, centroids_of(vectors, labels, n_found), languages)

"""Working with stored themes without a rerun: assign new texts, carry names across reruns."""

import numpy as np
from scipy.optimize import linear_sum_assignment

from .cluster import NO_THEME, nearest_centroid
from .embed import l2_normalise

# Calibrated for USE v3 on the labelled SIB-200 tuning split (themes from 70 % of it, new texts from the other
# 30 %, all 8 languages): 0.2 maximises F0.5 averaged over "the new text's topic has a theme" and "it has none".
# Held-out: precision 0.48, recall 0.45, 93 % of new texts assigned, 26 % of texts on a topic without theme
# left without one (0.35 before: recall 0.22, only 46 % assigned).
DEFAULT_ASSIGN_THRESHOLD = 0.2
DEFAULT_MAP_MIN_SIMILARITY = 0.7


def assign_to_themes(vectors, theme_centroids, threshold=DEFAULT_ASSIGN_THRESHOLD):
    """Nearest theme per vector by cosine similarity, or -1 when no theme is similar enough."""
    vectors = l2_normalise(np.atleast_2d(np.asarray(vectors, dtype=np.float32)))
    centroids = np.asarray(theme_centroids, dtype=np.float32)
    if len(vectors) == 0 or centroids.size == 0:
        return np.full(len(vectors), NO_THEME, dtype=int)
    best, similarity = nearest_centroid(vectors, l2_normalise(np.atleast_2d(centroids)))
    return np.where(similarity >= threshold, best, NO_THEME).astype(int)


def map_themes(old_centroids, new_centroids, min_similarity=DEFAULT_MAP_MIN_SIMILARITY):
    """{new theme index: old theme index or None}, one-to-one by Hungarian matching on cosine similarity."""
    new = np.asarray(new_centroids, dtype=np.float32)
    old = np.asarray(old_centroids, dtype=np.float32)
    mapping = {index: None for index in range(len(new))}
    if len(new) == 0 or old.size == 0:
        return mapping
    similarity = l2_normalise(np.atleast_2d(new)) @ l2_normalise(np.atleast_2d(old)).T
    for new_index, old_index in zip(*linear_sum_assignment(-similarity)):
        if similarity[new_index, old_index] >= min_similarity:
            mapping[int(new_index)] = int(old_index)
    return mapping


def match_by_members(old_members: dict, new_members: list) -> dict[int, object]:
    """{new theme index: old theme key} for the pairs that clearly are the same theme.

    Clearly the same = they share most of the old theme's answers and most of the new theme's answers
    (strictly more than half of each). Such a pair is unique on both sides, so no old theme is inherited
    twice and no new theme inherits two old ones.
    """
    matches = {}
    for new_index, new_set in enumerate(new_members):
        new_set = set(new_set)
        for old_key, old_set in old_members.items():
            shared = len(new_set & set(old_set))
            if shared * 2 > len(old_set) and shared * 2 > len(new_set):
                matches[new_index] = old_key
                break
    return matches


def majority_destination(members, new_members: list) -> int | None:
    """The new theme that receives more than half of these answers, or None when they spread out."""
    members = set(members)
    for new_index, new_set in enumerate(new_members):
        if members and len(members & set(new_set)) * 2 > len(members):
            return new_index
    return None

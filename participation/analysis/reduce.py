"""Language centering: removes what a vector says about its language, keeps the topic.

Multilingual encoders place sentences of one language near each other, so
clustering raw vectors tends to split themes by language. Subtracting each
language's mean vector removes that offset. Languages with few texts have a
noisy mean, so their mean is shrunk towards the pool's mean.
"""

import numpy as np

from .embed import l2_normalise


class LanguageCentering:
    """Estimator with fit/transform, like scikit-learn's, over (vectors, languages)."""

    def __init__(self, shrinkage_texts=10):
        self.shrinkage_texts = shrinkage_texts

    def fit(self, vectors, languages):
        vectors = np.asarray(vectors, dtype=np.float32)
        self.global_mean_ = vectors.mean(axis=0) if len(vectors) else np.zeros(vectors.shape[1], np.float32)
        languages = np.asarray(languages)
        self.language_means_ = {}
        for language in np.unique(languages):
            members = vectors[languages == language]
            weight = len(members) / (len(members) + self.shrinkage_texts)
            self.language_means_[str(language)] = weight * members.mean(axis=0) + (1 - weight) * self.global_mean_
        return self

    def transform(self, vectors, languages):
        vectors = np.asarray(vectors, dtype=np.float32)
        offsets = np.array([self.language_means_.get(str(language), self.global_mean_) for language in languages],
                           dtype=np.float32).reshape(vectors.shape)
        return l2_normalise(vectors - offsets)

    def fit_transform(self, vectors, languages):
        return self.fit(vectors, languages).transform(vectors, languages)

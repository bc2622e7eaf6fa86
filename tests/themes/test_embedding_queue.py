"""Embedding new free text is asked for once per delay, after the resident's request; nothing is left behind."""
import pytest

from participation.extensions import db
from participation.jobs.local import resume_queued_jobs, run_maintenance
from participation.models import Job
from participation.surveys.answering import store_response
from participation.themes import embedding
from tests.conftest import wait_for


def free_text(survey, number: int, text: str = "Wir brauchen mehr Busse am Abend."):
    return store_response(survey, {"district": "Hafen", "children": False, "missing": f"{text} ({number})"},
                          submission_id=f"queue-test-{number:04d}", language="de")[0]


def embed_jobs() -> list[Job]:
    db.session.expire_all()
    return db.session.execute(db.select(Job).where(Job.kind == "themes.embed_pending")).scalars().all()


@pytest.fixture
def delayed(app):
    yield app
    embedding.cancel_scheduled_embeddings(app)


def test_many_submissions_within_the_delay_ask_for_one_job_that_embeds_them_all(delayed, survey, process):
    delayed.config.update(ANALYSIS_EMBED_ON_SUBMIT=True, ANALYSIS_EMBED_DELAY_SECONDS=600)
    for number in range(5):
        free_text(survey, number)
    assert embed_jobs() == [], "the submissions themselves do no queue work"
    assert list(delayed.extensions["embedding_timers"]) == [process.id]
    delayed.extensions["embedding_timers"][process.id].cancel()
    embedding.queue_scheduled_embedding(delayed, process.id)  # what the timer does when the delay is over
    assert len(embed_jobs()) == 1
    wait_for(lambda: embed_jobs()[0].status == "done", timeout=120)
    assert embed_jobs()[0].result["embedded"] == 5
    assert embedding.processes_with_pending_embeddings() == []


def test_an_answer_after_the_job_was_asked_for_gets_a_job_of_its_own(delayed, survey, process):
    delayed.config.update(ANALYSIS_EMBED_ON_SUBMIT=True, ANALYSIS_EMBED_DELAY_SECONDS=0.3)
    free_text(survey, 1)
    wait_for(lambda: len(embed_jobs()) == 1 and embed_jobs()[0].status == "done", timeout=120)
    free_text(survey, 2)
    wait_for(lambda: len(embed_jobs()) == 2 and all(job.status == "done" for job in embed_jobs()), timeout=120)
    assert embedding.processes_with_pending_embeddings() == []


def test_the_sweep_queues_answers_whose_request_never_asked(app, survey, process):
    app.config["ANALYSIS_EMBED_ON_SUBMIT"] = False
    free_text(survey, 1)
    assert embedding.processes_with_pending_embeddings() == [process.id]
    app.config["ANALYSIS_EMBED_ON_SUBMIT"] = True
    assert embedding.queue_pending_embeddings() == 1
    wait_for(lambda: embed_jobs() and embed_jobs()[0].status == "done", timeout=120)
    assert embedding.processes_with_pending_embeddings() == []


def test_local_runner_resumes_jobs_left_queued_and_keeps_going_after_a_failing_task(app):
    record = Job(kind="maintenance.ping", params={"steps": 1})
    db.session.add(record)
    db.session.commit()
    calls = []

    def broken():
        raise RuntimeError("boom")

    run_maintenance([broken, lambda: calls.append("ran")])
    assert calls == ["ran"]
    assert resume_queued_jobs() == 1
    wait_for(lambda: db.session.get(Job, record.id).status == "done" or db.session.expire_all(), timeout=60)

"""Theme analysis as a background job: thread and real RQ worker, atomic results, failures, embedding on submit."""
import pytest

from participation import jobs
from participation.extensions import db
from participation.models import AnalysisRun, AnswerEmbedding, Job, Theme, ThemeAssignment
from participation.themes import embedding, overview, review, runs
from tests.conftest import REDIS_URL, wait_for
from tests.themes.answers import store_answers


def _reload_run(run_id: int) -> AnalysisRun:
    db.session.expire_all()
    return db.session.get(AnalysisRun, run_id)


def _finished(run_id: int) -> AnalysisRun:
    """Wait until the analysis job has ended (the run's own status is written just before)."""
    return wait_for(lambda: _reload_run(run_id).job.finished and _reload_run(run_id), timeout=120)


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_analysis_runs_in_process_thread_and_reports_steps(process, answers):
    run = runs.start_analysis(process)
    assert run.job.runner == "thread"
    done = _finished(run.id)
    assert done.status == "done", done.job.as_dict()
    assert done.job.progress == 100 and done.job.result["themes"] == done.theme_count >= 4
    assert done.text_count == len(answers)
    assert _count(AnswerEmbedding) == len(answers)
    sizes = [len(runs.member_answer_ids(theme)) for theme in runs.active_themes(process)]
    assert sum(sizes) + overview.unassigned_count(process) == len(answers)


def test_analysis_runs_under_a_real_rq_worker(app, survey, process, rq_worker, redis_queue_name):
    store_answers(survey, per_topic=5)
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=redis_queue_name)
    run = runs.start_analysis(process)
    assert run.job.runner == "rq" and _reload_run(run.id).status == "queued"
    worker = rq_worker(burst=True)
    output, _ = worker.communicate(timeout=300)
    assert worker.returncode == 0, output
    done = _reload_run(run.id)
    assert done.status == "done", (done.job.as_dict(), output)
    assert done.text_count == 30 and done.theme_count >= 2
    assert _count(ThemeAssignment) == 30


def test_failure_after_clustering_writes_no_themes_and_can_be_retried(process, answers, monkeypatch):
    from participation.themes import rerun

    def crash(*args):
        raise RuntimeError("worker lost its database connection")

    monkeypatch.setattr(rerun, "_write_assignments", crash)
    run = runs.analyse_in_this_process(process)
    assert run.status == "failed"
    assert "database connection" in run.job.error
    assert _count(Theme) == 0 and _count(ThemeAssignment) == 0
    assert _count(AnswerEmbedding) == len(answers), "embeddings are a cache and are kept for the retry"

    monkeypatch.undo()
    runs.retry_analysis(run)
    done = _finished(run.id)
    assert done.status == "done", done.job.as_dict()
    assert done.theme_count >= 4 and done.job.attempts == 1


def test_run_of_a_killed_worker_counts_as_failed_and_can_be_retried(process, answers):
    from datetime import timedelta

    from participation.models import utcnow
    job = Job(kind="themes.run_analysis", status="running", heartbeat_at=utcnow() - timedelta(hours=1),
              process_id=process.id)
    db.session.add(job)
    db.session.flush()
    run = AnalysisRun(process_id=process.id, status="running", job_id=job.id)
    db.session.add(run)
    db.session.commit()
    job.params = {"run_id": run.id}
    db.session.commit()
    assert runs.active_run(process) is not None
    assert jobs.mark_stale_jobs_failed() == 1
    db.session.expire_all()
    assert runs.active_run(process) is None
    assert runs.latest_run(process).status == "failed"
    runs.retry_analysis(runs.latest_run(process))
    assert _finished(run.id).status == "done"


def test_too_few_answers_fail_with_a_clear_message(survey, process):
    store_answers(survey, per_topic=1)
    run = runs.analyse_in_this_process(process)
    assert run.status == "failed" and "Zu wenige" in run.job.error


def test_only_one_analysis_per_process_at_a_time(process, answers):
    db.session.add(AnalysisRun(process_id=process.id, status="running"))
    db.session.commit()
    with pytest.raises(runs.AnalysisError):
        runs.start_analysis(process)


def test_submission_queues_one_embedding_job_and_new_answers_join_themes(app, survey, process, analysed, answers):
    app.config["ANALYSIS_EMBED_ON_SUBMIT"] = True
    kita = next(theme for theme in runs.active_themes(process) if "Kita" in theme.label)
    from participation.surveys.answering import store_response
    response, _ = store_response(survey, {"district": "Hafen", "children": True,
                                          "missing": "Wir brauchen dringend einen Kitaplatz, die Warteliste ist lang."},
                                 submission_id="new-kita-answer-1", language="de")
    embed_jobs = db.session.execute(db.select(Job).where(Job.kind == "themes.embed_pending")).scalars().all()
    assert len(embed_jobs) == 1
    wait_for(lambda: db.session.get(Job, embed_jobs[0].id).status == "done" or db.session.expire_all(), timeout=60)
    answer = next(a for a in response.answers if a.question.code == "missing")
    assignment = review.assignment_of(answer.id)
    assert assignment is not None and assignment.source == "incremental"
    assert assignment.theme_id == kita.id
    assert _reload_run(analysed.id).status == "done"


def test_incremental_assignment_leaves_unrelated_answers_without_theme(survey, process, analysed, answers):
    from participation.surveys.answering import store_response
    response, _ = store_response(survey, {"district": "Hafen", "children": False,
                                          "missing": "Quantenchromodynamik und Gitterrechnungen auf Supercomputern."},
                                 submission_id="new-odd-answer-1", language="de")
    embedding.ensure_embeddings(embedding.collect_texts(process))
    assert runs.assign_new_answers(process) == 1
    answer = next(a for a in response.answers if a.question.code == "missing")
    assert review.assignment_of(answer.id).theme_id is None


def test_no_embedding_job_when_switched_off(app, survey, process):
    app.config["ANALYSIS_EMBED_ON_SUBMIT"] = False
    store_answers(survey, per_topic=1)
    assert _count(Job) == 0

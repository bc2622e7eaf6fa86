"""The RQ worker dies during a theme analysis: no half-written themes, the run is marked failed, a rerun completes."""
import os
import signal

import pytest

from participation import jobs
from participation.extensions import db
from participation.models import AnalysisRun, Job, Theme, ThemeAssignment, utcnow
from participation.surveys.answering import store_response
from participation.themes import runs
from tests.conftest import REDIS_URL, wait_for

TEXTS = ["Der Bus fährt abends zu selten", "Es fehlen Kitaplätze im Viertel", "Kein Kinderarzt nimmt neue Patienten",
         "Die Mieten steigen ständig", "Ältere Menschen sind oft allein", "Zu wenige Spielplätze für Kinder",
         "Otobüs akşamları çok seyrek geliyor", "لا توجد أماكن كافية في الحضانة", "Nobody helps with the forms",
         "Автобусы ходят очень редко"]
ANSWER_COUNT = 300


def _store_many(survey):
    for number in range(ANSWER_COUNT):
        text = f"{TEXTS[number % len(TEXTS)]} – Beispiel {number}"
        store_response(survey, {"district": "Nordstadt", "children": False, "missing": text},
                       submission_id=f"kill-test-{number:05d}")


def _state(run_id):
    db.session.expire_all()
    run = db.session.get(AnalysisRun, run_id)
    return run, db.session.get(Job, run.job_id) if run.job_id else None


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar()


@pytest.mark.slow
def test_killed_analysis_writes_no_themes_and_a_rerun_completes(app, survey, process, rq_worker, redis_queue_name):
    app.config.update(ANALYSIS_EMBED_ON_SUBMIT=False)
    _store_many(survey)
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=redis_queue_name)
    worker = rq_worker()
    run = runs.start_analysis(process)
    run_id = run.id

    def in_the_middle():
        current, job = _state(run_id)
        return job is not None and job.status == "running" and 10 <= job.progress < 85
    wait_for(in_the_middle, timeout=240, interval=0.02)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    assert _count(Theme) == 0 and _count(ThemeAssignment) == 0, "nothing half-written"

    assert jobs.mark_stale_jobs_failed(now=utcnow() + jobs.STALE_AFTER * 2) == 1
    failed_run, failed_job = _state(run_id)
    assert failed_job.status == "failed" and failed_run.status == "failed"
    assert runs.active_run(process) is None, "a dead run does not block new analyses"

    rq_worker()
    runs.retry_analysis(failed_run)
    done = wait_for(lambda: _state(run_id)[0] if _state(run_id)[0].status in ("done", "failed") else None,
                    timeout=300)
    assert done.status == "done", _state(run_id)[1].as_dict()
    assert done.text_count == ANSWER_COUNT and done.theme_count >= 2
    assert _count(ThemeAssignment) == ANSWER_COUNT

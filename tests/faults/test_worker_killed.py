"""A worker killed in the middle of a job: the job is marked failed, a retry completes it."""
import os
import signal

import pytest

from participation import jobs
from participation.extensions import db
from participation.models import Job, utcnow
from tests.conftest import REDIS_URL, wait_for


def _job(job_id):
    db.session.expire_all()
    return db.session.get(Job, job_id)


@pytest.mark.slow
def test_killed_worker_leaves_a_failed_job_that_a_rerun_completes(app, rq_worker, redis_queue_name):
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=redis_queue_name)
    worker = rq_worker()
    record = jobs.enqueue("maintenance.ping", steps=80)
    job_id = record.id
    wait_for(lambda: _job(job_id).status == "running" and _job(job_id).progress > 0, timeout=240)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    assert _job(job_id).status == "running"  # nobody knows yet: the heartbeat stops

    assert jobs.mark_stale_jobs_failed(now=utcnow() + jobs.STALE_AFTER * 2) == 1
    failed = _job(job_id)
    assert failed.status == "failed" and "unterbrochen" in failed.error

    rq_worker()
    jobs.retry(failed)
    done = wait_for(lambda: _job(job_id) if _job(job_id).status in ("done", "failed") else None, timeout=240)
    assert done.status == "done" and done.result == {"steps": 80} and done.attempts == 1

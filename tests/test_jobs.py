"""Background jobs: in-process thread without Redis, a real `rq worker` process with Redis."""
from participation import jobs
from participation.extensions import db
from participation.models import Job
from tests.conftest import REDIS_URL, wait_for


def _reload(job_id: str) -> Job:
    db.session.expire_all()
    return db.session.get(Job, job_id)


def test_job_runs_in_process_thread_without_redis(app):
    record = jobs.enqueue("maintenance.ping", steps=3)
    assert record.runner == "thread"
    done = wait_for(lambda: _reload(record.id).status == "done" and _reload(record.id))
    assert done.progress == 100 and done.result == {"steps": 3}
    assert done.started_at is not None and done.finished_at >= done.started_at


def test_failing_job_records_its_error_and_can_be_retried(app):
    record = jobs.enqueue("maintenance.ping", steps=1, fail=True)
    failed = wait_for(lambda: _reload(record.id).status == "failed" and _reload(record.id))
    assert "failed on purpose" in failed.error
    failed.params = {"steps": 1}
    db.session.commit()
    jobs.retry(failed)
    retried = wait_for(lambda: _reload(record.id).status == "done" and _reload(record.id))
    assert retried.attempts == 1 and retried.error is None


def test_unreachable_redis_falls_back_to_in_process_run(app):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    record = jobs.enqueue("maintenance.ping", steps=1)
    done = wait_for(lambda: _reload(record.id).status == "done" and _reload(record.id))
    assert done.runner == "thread"


def test_real_rq_worker_process_executes_job_and_state_is_read_from_database(app, rq_worker, redis_queue_name):
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=redis_queue_name)
    record = jobs.enqueue("maintenance.ping", steps=4)
    assert record.runner == "rq"
    assert _reload(record.id).status == "queued"
    worker = rq_worker(burst=True)
    output, _ = worker.communicate(timeout=120)
    assert worker.returncode == 0, output
    done = _reload(record.id)
    assert done.status == "done", (done.as_dict(), output)
    assert done.progress == 100 and done.result == {"steps": 4}


def test_stale_running_job_is_marked_failed(app):
    from datetime import timedelta
    from participation.models import utcnow
    record = Job(kind="maintenance.ping", status="running", heartbeat_at=utcnow() - timedelta(hours=1))
    db.session.add(record)
    db.session.commit()
    assert jobs.mark_stale_jobs_failed() == 1
    assert _reload(record.id).status == "failed"


def test_job_progress_is_visible_to_planners_only(app, client, make_user, process):
    from tests.conftest import login
    record = Job(kind="maintenance.ping", status="running", progress=40, message="halfway", process_id=process.id)
    db.session.add(record)
    db.session.commit()
    outsider = make_user("planner")
    login(client, outsider)
    assert client.get(f"/api/jobs/{record.id}").status_code == 403
    client.post("/logout")
    login(client, make_user("planner", processes=[process]))
    body = client.get(f"/api/jobs/{record.id}").json
    assert body["progress"] == 40 and body["status"] == "running"

"""Redis lost its jobs (restart without persistence, flush) or a worker died: nothing stays stuck.

Against the real Redis (TEST_REDIS_URL) and a real `flask worker` process; only this test's own queue
and job keys are deleted, which is what a flush does to them.
"""
from datetime import timedelta

from redis import Redis

from participation import jobs
from participation.extensions import db
from participation.jobs.reconcile import sweep
from participation.models import AnalysisRun, Job, utcnow
from tests.conftest import REDIS_URL


def _job(job_id: str) -> Job:
    db.session.expire_all()
    return db.session.get(Job, job_id)


def _lose_from_redis(record: Job, queue_name: str) -> None:
    """What a Redis restart without persistence does to a queued job: its hash and the queue are gone."""
    connection = Redis.from_url(REDIS_URL)
    connection.delete(f"rq:job:{jobs.rq_job_id(record)}", f"rq:queue:{queue_name}")
    assert not connection.exists(f"rq:job:{jobs.rq_job_id(record)}")


def _queued_minutes_ago(record: Job, minutes: int = 5) -> None:
    record.created_at = utcnow() - timedelta(minutes=minutes)
    db.session.commit()


def _use_test_queue(app, queue_name: str) -> None:
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=queue_name)


def test_worker_start_queues_jobs_again_that_redis_lost(app, rq_worker, redis_queue_name):
    _use_test_queue(app, redis_queue_name)
    record = jobs.enqueue("maintenance.ping", steps=2)
    _lose_from_redis(record, redis_queue_name)
    _queued_minutes_ago(record)

    worker = rq_worker(burst=True)
    output, _ = worker.communicate(timeout=120)
    assert worker.returncode == 0, output
    done = _job(record.id)
    assert done.status == "done", (done.as_dict(), output)
    assert done.result == {"steps": 2}


def test_sweep_queues_lost_jobs_again_and_a_worker_completes_them(app, rq_worker, redis_queue_name):
    _use_test_queue(app, redis_queue_name)
    lost = jobs.enqueue("maintenance.ping", steps=1)
    _lose_from_redis(lost, redis_queue_name)
    _queued_minutes_ago(lost)
    fresh = jobs.enqueue("maintenance.ping", steps=1)

    result = sweep()
    assert (result.requeued, result.failed, result.queue_checked) == (1, 0, True)
    assert Redis.from_url(REDIS_URL).exists(f"rq:job:{jobs.rq_job_id(lost)}")
    assert sweep(now=utcnow()).requeued == 0  # still in Redis now: nothing to do

    worker = rq_worker(burst=True)
    output, _ = worker.communicate(timeout=120)
    assert _job(lost.id).status == "done" and _job(fresh.id).status == "done", output


def test_job_queued_twice_runs_once(app):
    record = Job(kind="maintenance.ping", params={"steps": 1})
    db.session.add(record)
    db.session.commit()
    jobs.run(record.id)
    finished_at = _job(record.id).finished_at
    jobs.run(record.id)
    assert _job(record.id).status == "done" and _job(record.id).finished_at == finished_at


def test_sweep_leaves_queued_jobs_alone_while_redis_is_unreachable(app):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    record = Job(kind="maintenance.ping", runner="rq", created_at=utcnow() - timedelta(hours=2))
    db.session.add(record)
    db.session.commit()
    result = sweep()
    assert not result.queue_checked and result.requeued == 0 and _job(record.id).status == "queued"


def test_in_process_job_of_a_dead_web_process_becomes_retryable(app):
    record = Job(kind="maintenance.ping", runner="thread", created_at=utcnow() - timedelta(hours=2))
    db.session.add(record)
    db.session.commit()
    assert sweep().failed == 1
    failed = _job(record.id)
    assert failed.status == "failed" and "erneut starten" in failed.error


def test_analysis_whose_worker_vanished_no_longer_blocks_a_new_one(app, process):
    from participation.themes.runs import active_run
    run = AnalysisRun(process_id=process.id, status="running")
    db.session.add(run)
    db.session.commit()
    record = Job(kind="themes.run_analysis", status="running", runner="rq", params={"run_id": run.id},
                 process_id=process.id, heartbeat_at=utcnow() - timedelta(hours=1))
    db.session.add(record)
    db.session.commit()
    assert active_run(process) is not None

    assert sweep().failed == 1
    db.session.expire_all()
    assert db.session.get(AnalysisRun, run.id).status == "failed"
    assert active_run(process) is None

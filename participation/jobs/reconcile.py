"""Bring the `job` table and RQ back in line after an outage, so no process is blocked by a ghost job.

Redis may lose its jobs (restart without persistence, flush), a worker may be killed mid-job. The
database is the source of truth: a queued job whose RQ job is gone is queued again (running twice is
harmless, a job is claimed atomically), a running job whose worker is gone is marked failed so planners
see a retry button. Runs from `flask jobs sweep` (cron), at worker start and every few minutes in the worker.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from ..extensions import db
from ..models import Job, utcnow
from . import STALE_AFTER, _stale_handlers, _update_job, dispatch, rq_job_id

log = logging.getLogger(__name__)

# A job handed to a runner a moment ago may not be in Redis yet; look again after this long.
DISPATCH_GRACE = timedelta(minutes=2)
# In-process jobs die with their web process; one still queued after this long never ran.
THREAD_QUEUE_LIMIT = timedelta(hours=1)
INTERRUPTED = "Der Hintergrundprozess wurde unterbrochen. Bitte erneut starten."


@dataclass
class SweepResult:
    requeued: int = 0
    failed: int = 0
    queue_checked: bool = False

    def __str__(self) -> str:
        checked = "" if self.queue_checked else " (queue not reachable: lost queued jobs not checked)"
        return f"{self.failed} stale job(s) marked failed, {self.requeued} lost job(s) queued again{checked}"


def mark_failed(record: Job, now) -> None:
    """Failed with the message planners see beside the retry button; resets what depends on the job."""
    _update_job(record.id, status="failed", finished_at=now, error=INTERRUPTED, message="")
    handler = _stale_handlers.get(record.kind)
    if handler is not None:
        handler(record)


def sweep(now=None) -> SweepResult:
    """Reconcile every unfinished job with the queue; see the module docstring."""
    now = now or utcnow()
    result = SweepResult()
    connection = _redis()
    result.queue_checked = connection is not None
    unfinished = db.session.execute(
        db.select(Job).where(Job.status.in_(("queued", "running"))).order_by(Job.created_at)).scalars().all()
    for record in unfinished:
        action = _action_for(record, connection, now)
        if action == "fail":
            mark_failed(record, now)
            result.failed += 1
        elif action == "requeue":
            log.warning("job %s (%s) was lost from the queue and is queued again", record.id, record.kind)
            dispatch(record)
            result.requeued += 1
    db.session.expire_all()
    return result


def _action_for(record: Job, connection, now) -> str | None:
    heartbeat = record.heartbeat_at or record.started_at or record.created_at
    if record.status == "running":
        if heartbeat is not None and heartbeat < now - STALE_AFTER:
            return "fail"
        if connection is not None and record.runner == "rq" and _rq_status(connection, record) in ("failed", "stopped"):
            return "fail"
        return None
    age = now - record.created_at if record.created_at else timedelta(0)
    if record.runner == "thread" or not current_app.config.get("REDIS_URL"):
        return "fail" if age > THREAD_QUEUE_LIMIT else None
    if connection is None or age < DISPATCH_GRACE:
        return None
    return "requeue" if _rq_status(connection, record) in (None, "failed", "stopped", "canceled") else None


def _rq_status(connection, record: Job) -> str | None:
    """Status of the job's RQ job, None when Redis no longer knows it."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job as RQJob
    try:
        status = RQJob.fetch(rq_job_id(record), connection=connection).get_status(refresh=False)
    except NoSuchJobError:
        return None
    return getattr(status, "value", status)


def _redis():
    """A connection when Redis is configured and answers; None otherwise (nothing can be checked then)."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    from redis import Redis
    try:
        connection = Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        connection.ping()
        return connection
    except Exception as error:
        log.warning("queue not reachable, lost jobs cannot be checked: %s", error)
        return None

"""What monitoring needs to know about background work: worker heartbeat age and jobs waiting too long."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app

from ..extensions import db
from ..models import Job, WorkerHeartbeat, utcnow

# A worker beats about once a minute (jobs.worker.WORKER_TTL); three missed beats count as gone.
WORKER_SILENT_AFTER = timedelta(minutes=3)


def job_health(now=None) -> dict:
    """Seconds since the last worker heartbeat (None: never seen), jobs queued longer than the limit,
    and the problems an operator should act on."""
    now = now or utcnow()
    limit = timedelta(minutes=float(current_app.config.get("JOB_QUEUED_ALERT_MINUTES", 15)))
    last_seen = db.session.execute(db.select(db.func.max(WorkerHeartbeat.seen_at))).scalar_one_or_none()
    if last_seen is not None and last_seen.tzinfo is None:
        last_seen = last_seen.replace(tzinfo=now.tzinfo)
    waiting = db.session.execute(db.select(db.func.count(Job.id)).where(
        Job.status == "queued", Job.created_at < now - limit)).scalar_one()
    seconds = round((now - last_seen).total_seconds()) if last_seen is not None else None
    problems = []
    uses_workers = bool(current_app.config.get("REDIS_URL"))
    if uses_workers and (seconds is None or seconds > WORKER_SILENT_AFTER.total_seconds()):
        problems.append("no_worker")
    if waiting:
        problems.append("jobs_waiting")
    return {"worker_heartbeat_age_seconds": seconds, "jobs_queued_too_long": waiting,
            "queued_limit_minutes": limit.total_seconds() / 60, "problems": problems}

"""Background jobs: RQ on Redis when REDIS_URL is set, an in-process thread otherwise.

Job state lives in the `job` table, so the UI reads progress the same way whichever runner
executes it. A job function takes a `JobContext` and keyword parameters, reports progress
with `ctx.progress(percent, message)` and writes its results in one transaction at the end,
so a worker killed mid-run leaves nothing half-written.

Every job function is registered by importing `jobs.registry` (done at app start).
"""
from __future__ import annotations

import logging
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Callable

from flask import current_app, has_app_context
from sqlalchemy import update

from ..extensions import db
from ..models import Job, utcnow

log = logging.getLogger(__name__)

JobFunction = Callable[..., dict | None]
_registry: dict[str, JobFunction] = {}
_stale_handlers: dict[str, Callable[[Job], None]] = {}

STALE_AFTER = timedelta(minutes=10)


def job(kind: str):
    """Register a function as the job of the given kind."""
    def register(function: JobFunction) -> JobFunction:
        _registry[kind] = function
        return function
    return register


def on_stale(kind: str):
    """Register what else must be reset when a job of this kind lost its worker (e.g. its run's status)."""
    def register(function: Callable[[Job], None]) -> Callable[[Job], None]:
        _stale_handlers[kind] = function
        return function
    return register


def registered_kinds() -> list[str]:
    return sorted(_registry)


class JobContext:
    """What a running job function may use: its id and a way to report progress."""

    def __init__(self, job_id: str):
        self.job_id = job_id

    def progress(self, percent: int, message: str = "") -> None:
        """Write progress in its own short transaction, never committing the job's own work."""
        _update_job(self.job_id, progress=max(0, min(100, int(percent))), message=message[:500],
                    heartbeat_at=utcnow())


def _update_job(job_id: str, **values) -> None:
    with db.engine.begin() as connection:
        connection.execute(update(Job).where(Job.id == job_id).values(**values))


def enqueue(kind: str, *, process_id: int | None = None, created_by_id: int | None = None, **params) -> Job:
    """Record a job as queued and hand it to a runner."""
    if kind not in _registry:
        raise KeyError(f"unknown job kind {kind!r}")
    record = Job(kind=kind, params=params, process_id=process_id, created_by_id=created_by_id)
    db.session.add(record)
    db.session.commit()
    dispatch(record)
    return record


def dispatch(record: Job) -> None:
    """Send a queued job to RQ, or run it in-process when no Redis is configured or reachable."""
    redis_url = current_app.config.get("REDIS_URL")
    if redis_url:
        try:
            _rq_queue().enqueue("participation.jobs.execute", record.id, job_id=f"{record.id}-{record.attempts}",
                                job_timeout=3600, failure_ttl=86400)
            _update_job(record.id, runner="rq")
            db.session.refresh(record)
            return
        except Exception as error:  # Redis down must not stop residents or planners
            log.warning("queue unreachable, running job %s in-process: %s", record.id, error)
            _update_job(record.id, message="Warteschlange nicht erreichbar – läuft verzögert im Webprozess")
    _update_job(record.id, runner="thread")
    db.session.refresh(record)
    _thread_pool().submit(_run_in_app, current_app._get_current_object(), record.id)


_queue_check: dict = {}
QUEUE_CHECK_SECONDS = 30


def queue_delayed() -> bool:
    """True when Redis is configured but unreachable: jobs then run slowly inside the web process.

    Checked at most every 30 seconds per process, with a short timeout, so pages stay fast.
    """
    import time

    url = current_app.config.get("REDIS_URL")
    if not url:
        return False
    now = time.monotonic()
    cached = _queue_check.get(url)
    if cached is not None and now - cached[0] < QUEUE_CHECK_SECONDS:
        return cached[1]
    try:
        from redis import Redis
        Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
        delayed = False
    except Exception:
        delayed = True
    _queue_check[url] = (now, delayed)
    return delayed


def retry(record: Job) -> Job:
    """Queue a failed job again with the same parameters."""
    _update_job(record.id, status="queued", progress=0, message="", error=None,
                attempts=record.attempts + 1, started_at=None, finished_at=None)
    db.session.refresh(record)
    dispatch(record)
    return record


def _rq_queue():
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(current_app.config["REDIS_URL"], socket_connect_timeout=2, socket_timeout=5)
    return Queue(current_app.config["RQ_QUEUE"], connection=connection)


def _thread_pool() -> ThreadPoolExecutor:
    pool = current_app.extensions.get("job_threads")
    if pool is None:
        pool = current_app.extensions["job_threads"] = ThreadPoolExecutor(max_workers=1,
                                                                          thread_name_prefix="job")
    return pool


def _run_in_app(app, job_id: str) -> None:
    with app.app_context():
        run(job_id)


def run(job_id: str) -> None:
    """Execute one job inside an app context and record how it ended."""
    record = db.session.get(Job, job_id)
    if record is None or record.status in ("done", "running"):
        return
    function = _registry.get(record.kind)
    _update_job(job_id, status="running", started_at=utcnow(), heartbeat_at=utcnow(), progress=0)
    try:
        if function is None:
            raise KeyError(f"unknown job kind {record.kind!r}")
        result = function(JobContext(job_id), **(record.params or {}))
    except Exception as error:
        db.session.rollback()
        log.exception("job %s (%s) failed", job_id, record.kind)
        _update_job(job_id, status="failed", finished_at=utcnow(), error=f"{type(error).__name__}: {error}",
                    message="")
        current_app.logger.debug(traceback.format_exc())
        return
    db.session.commit()
    _update_job(job_id, status="done", progress=100, finished_at=utcnow(), result=result or {})
    db.session.expire_all()


def mark_stale_jobs_failed(now=None) -> int:
    """A running job without heartbeat for long lost its worker (killed, machine restarted)."""
    now = now or utcnow()
    stale = db.session.execute(
        db.select(Job).where(Job.status == "running", Job.heartbeat_at < now - STALE_AFTER)).scalars().all()
    for record in stale:
        _update_job(record.id, status="failed", finished_at=now,
                    error="Der Hintergrundprozess wurde unterbrochen. Bitte erneut starten.")
        handler = _stale_handlers.get(record.kind)
        if handler is not None:
            handler(record)
    db.session.expire_all()
    return len(stale)


_worker_app = {}


def execute(job_id: str) -> None:
    """Entry point for RQ workers: run the job inside this process's Flask app."""
    if has_app_context():
        run(job_id)
        return
    pid = os.getpid()
    if pid not in _worker_app:
        from .. import create_app
        _worker_app.clear()
        _worker_app[pid] = create_app(run_startup_tasks=False)
    with _worker_app[pid].app_context():
        run(job_id)

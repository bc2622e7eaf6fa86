"""`flask worker`: an RQ worker that reconciles lost jobs at start and leaves a heartbeat in the database.

The heartbeat row lets `/healthz/ready` say how long ago a worker was last alive, even after Redis lost
its own worker registry. Every few minutes the worker also reconciles jobs, so ghosts heal without cron.
"""
from __future__ import annotations

import logging
import os
import socket
import time
from datetime import timedelta

from flask import current_app
from rq import SimpleWorker

from ..extensions import db
from ..models import WorkerHeartbeat, utcnow
from .reconcile import sweep

log = logging.getLogger(__name__)

# Idle workers wake up this often (RQ's dequeue timeout is worker_ttl - 15 s) and beat.
WORKER_TTL = 60
RECONCILE_EVERY_SECONDS = 300


class HeartbeatWorker(SimpleWorker):
    """Runs jobs in its own process (the Flask app is already loaded) and reports itself alive."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("worker_ttl", WORKER_TTL)
        super().__init__(*args, **kwargs)
        self._last_reconcile = time.monotonic()

    def heartbeat(self, timeout=None, pipeline=None):
        super().heartbeat(timeout, pipeline)
        record_heartbeat(self.name, ",".join(self.queue_names()))
        if time.monotonic() - self._last_reconcile > RECONCILE_EVERY_SECONDS:
            self._last_reconcile = time.monotonic()
            reconcile_quietly()


def record_heartbeat(name: str, queue: str) -> None:
    """Upsert this worker's row; a database hiccup must not stop the worker."""
    try:
        row = db.session.get(WorkerHeartbeat, name)
        if row is None:
            row = WorkerHeartbeat(name=name, queue=queue, started_at=utcnow())
            db.session.add(row)
        row.seen_at = utcnow()
        db.session.execute(WorkerHeartbeat.__table__.delete().where(
            WorkerHeartbeat.seen_at < utcnow() - timedelta(days=1)))
        db.session.commit()
    except Exception as error:
        db.session.rollback()
        log.warning("worker heartbeat not recorded: %s", type(error).__name__)


def reconcile_quietly() -> None:
    """Lost jobs queued again, dead ones failed, expired export files deleted; never stops the worker."""
    from ..exports.storage import expire_exports
    try:
        result = sweep()
        if result.requeued or result.failed:
            log.warning("jobs reconciled: %s", result)
        expired = expire_exports()
        if expired:
            log.info("%s expired export file(s) deleted", expired)
    except Exception:
        db.session.rollback()
        log.exception("reconciling jobs failed")


def run_worker(burst: bool = False) -> None:
    """Reconcile first (jobs lost while no worker ran are queued again), then work."""
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(current_app.config["REDIS_URL"])
    queue = Queue(current_app.config["RQ_QUEUE"], connection=connection)
    worker = HeartbeatWorker([queue], connection=connection, name=f"{socket.gethostname()}.{os.getpid()}")
    reconcile_quietly()
    worker.work(burst=burst, logging_level="INFO")

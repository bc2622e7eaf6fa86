"""The in-process job runner of the embedded default (no Redis): started together with the web server.

Jobs themselves run in the web process's job thread (`jobs.dispatch`). Starting the runner hands it the
jobs a previous run left queued, and starts a maintenance thread that does what cron does in production:
marks jobs whose run died as failed and calls the given periodic tasks (e.g. queueing embeddings for
answers whose web request was interrupted).
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from ..extensions import db
from ..models import Job
from . import dispatch, mark_stale_jobs_failed

log = logging.getLogger(__name__)

MAINTENANCE_SECONDS = 120


def start_local_runner(app, periodic: list[Callable[[], object]] = (),
                       interval: float = MAINTENANCE_SECONDS) -> threading.Event:
    """Run one maintenance round, resume queued jobs and start the maintenance thread (stop: set the event)."""
    with app.app_context():
        run_maintenance(list(periodic))
        resume_queued_jobs()
    stop = threading.Event()
    thread = threading.Thread(target=_maintain, args=(app, list(periodic), interval, stop),
                              name="job-maintenance", daemon=True)
    thread.start()
    return stop


def resume_queued_jobs() -> int:
    """Jobs still queued from an earlier run (the process stopped before they ran) run now."""
    queued = db.session.execute(db.select(Job).where(Job.status == "queued").order_by(Job.created_at)).scalars().all()
    for record in queued:
        dispatch(record)
    return len(queued)


def run_maintenance(periodic: list[Callable[[], object]]) -> None:
    """One round: stale jobs failed, then every periodic task; a failing task never stops the others."""
    for task in (mark_stale_jobs_failed, *periodic):
        try:
            task()
        except Exception:
            db.session.rollback()
            log.exception("maintenance task %s failed", getattr(task, "__name__", task))


def _maintain(app, periodic: list, interval: float, stop: threading.Event) -> None:
    while not stop.wait(interval):
        with app.app_context():
            run_maintenance(periodic)

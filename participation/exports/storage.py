"""Where finished export files live, how long, and when they go.

Two backends (EXPORT_STORAGE): `files` keeps them in <instance>/exports (mode 0600, folder 0700) for one
machine; `database` keeps them in the `stored_export` table so every web and worker machine can serve them
without a shared folder. Either way a file lives EXPORT_LIFETIME_DAYS (7) and is deleted earlier when its
process's retention runs or the process is deleted, so no old file keeps free text that retention removed.
"""
from __future__ import annotations

import io
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..extensions import db
from ..models import Job, Process, StoredExport, utcnow

log = logging.getLogger(__name__)

EXPORT_JOB_KIND = "export"
BACKENDS = ("files", "database")


def backend() -> str:
    chosen = current_app.config.get("EXPORT_STORAGE", "files")
    if chosen not in BACKENDS:
        raise ValueError(f"EXPORT_STORAGE must be one of {', '.join(BACKENDS)}, not {chosen!r}")
    return chosen


def lifetime() -> timedelta:
    return timedelta(days=float(current_app.config.get("EXPORT_LIFETIME_DAYS", 7)))


def exports_folder() -> Path:
    folder = Path(current_app.instance_path) / "exports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _file_path(job_id: str, extension: str) -> Path:
    return exports_folder() / f"{job_id}.{extension}"


@contextmanager
def writing(job_id: str, extension: str) -> Iterator[Path]:
    """A private path to write the export to; stored (file 0600 or database row) when the block ends."""
    scratch = Path(tempfile.mkdtemp(prefix="export-", dir=exports_folder() if backend() == "files" else None))
    path = scratch / f"{job_id}.{extension}"
    try:
        yield path
        path.chmod(0o600)
        if backend() == "files":
            os.replace(path, _file_path(job_id, extension))
        else:
            db.session.merge(StoredExport(job_id=job_id, content=path.read_bytes()))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def is_expired(record: Job, now: datetime | None = None) -> bool:
    result = record.result or {}
    if result.get("expired"):
        return True
    return record.finished_at is not None and record.finished_at < (now or utcnow()) - lifetime()


def expires_at(record: Job) -> datetime | None:
    return record.finished_at + lifetime() if record.finished_at else None


def open_export(record: Job):
    """The stored file as a path or a byte stream for send_file; None when it is gone or expired."""
    extension = (record.result or {}).get("format")
    if record.status != "done" or not extension or is_expired(record):
        return None
    if backend() == "files":
        path = _file_path(record.id, extension)
        return path if path.exists() else None
    stored = db.session.get(StoredExport, record.id)
    return io.BytesIO(stored.content) if stored is not None else None


def discard(records: list[Job]) -> int:
    """Delete the stored files of these export jobs and mark them expired (the list then says so)."""
    for record in records:
        _delete_stored(record.id, (record.result or {}).get("format"))
        if record.status == "done":
            record.result = {**(record.result or {}), "expired": True}
    db.session.commit()
    return len(records)


def _delete_stored(job_id: str, extension: str | None) -> None:
    db.session.execute(StoredExport.__table__.delete().where(StoredExport.job_id == job_id))
    if extension:
        _file_path(job_id, extension).unlink(missing_ok=True)


def _export_jobs(*conditions) -> list[Job]:
    return db.session.execute(db.select(Job).where(Job.kind == EXPORT_JOB_KIND, *conditions)).scalars().all()


def discard_process_exports(process: Process) -> int:
    """Retention ran (or the process goes): none of its export files may outlive the deleted text."""
    return discard([record for record in _export_jobs(Job.process_id == process.id)
                    if not (record.result or {}).get("expired")])


def expire_exports(now: datetime | None = None) -> int:
    """Delete export files past their lifetime, and files no job knows any more; returns how many went."""
    now = now or utcnow()
    due = [record for record in _export_jobs(Job.status == "done", Job.finished_at < now - lifetime())
           if not (record.result or {}).get("expired")]
    count = discard(due)
    return count + _delete_orphan_files()


def _delete_orphan_files() -> int:
    """Files left behind by deleted jobs or processes (or an interrupted run)."""
    folder = Path(current_app.instance_path) / "exports"
    if not folder.is_dir():
        return 0
    known = {job_id for (job_id,) in db.session.execute(db.select(Job.id).where(Job.kind == EXPORT_JOB_KIND))}
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.name.split(".", 1)[0] not in known:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


@event.listens_for(Session, "before_flush")
def _remember_exports_of_deleted_processes(session, _context, _instances) -> None:
    """Jobs of a deleted process vanish by cascade; note their files so they are deleted after the commit."""
    deleted = [obj.id for obj in session.deleted if isinstance(obj, Process)]
    if not deleted:
        return
    rows = session.execute(db.select(Job.id, Job.result).where(Job.kind == EXPORT_JOB_KIND,
                                                                Job.process_id.in_(deleted))).all()
    session.info.setdefault("export_files_to_delete", []).extend(
        (job_id, (result or {}).get("format")) for job_id, result in rows)


@event.listens_for(Session, "after_commit")
def _delete_files_of_deleted_processes(session) -> None:
    for job_id, extension in session.info.pop("export_files_to_delete", []):
        if extension:
            try:
                _file_path(job_id, extension).unlink(missing_ok=True)
            except Exception as error:  # the commit stands; the expiry sweep removes orphans later
                log.warning("export file of job %s not deleted: %s", job_id, error)

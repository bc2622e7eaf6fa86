"""State of a background job, kept in the database so every web process sees the same progress."""
import uuid

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .core import UTCDateTime, utcnow

JOB_STATUSES = ("queued", "running", "done", "failed")


class Job(db.Model):
    __tablename__ = "job"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    kind: Mapped[str] = mapped_column(String(80), index=True)
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(String(500), default="")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    result: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    runner: Mapped[str] = mapped_column(String(20), default="")  # "rq" or "thread"
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    process_id: Mapped[int | None] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), nullable=True,
                                                   index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                      nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    started_at = mapped_column(UTCDateTime, nullable=True)
    finished_at = mapped_column(UTCDateTime, nullable=True)
    # Touched on every progress report; a running job whose heartbeat is old lost its worker.
    heartbeat_at = mapped_column(UTCDateTime, nullable=True)

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")

    def as_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "status": self.status, "progress": self.progress,
                "message": self.message, "error": self.error, "result": self.result}


class WorkerHeartbeat(db.Model):
    """Last sign of life of each `flask worker`, kept in the database so monitoring survives a Redis flush."""
    __tablename__ = "worker_heartbeat"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    queue: Mapped[str] = mapped_column(String(80), default="")
    started_at = mapped_column(UTCDateTime, default=utcnow)
    seen_at = mapped_column(UTCDateTime, default=utcnow, index=True)


class StoredExport(db.Model):
    """An export file kept in the database (EXPORT_STORAGE=database): every web machine can serve it."""
    __tablename__ = "stored_export"

    job_id: Mapped[str] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at = mapped_column(UTCDateTime, default=utcnow)

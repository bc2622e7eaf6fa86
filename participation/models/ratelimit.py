"""Counts per survey and hour of refused submissions (flood attempts). No IP address, no client data."""
from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .core import UTCDateTime


class RefusedAttempts(db.Model):
    """How often a limit refused a request in one hour; `scope` says which limit (submission, deletion)."""

    __tablename__ = "refused_attempts"
    __table_args__ = (UniqueConstraint("scope", "questionnaire_id", "hour", name="uq_refused_attempts_window"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))
    questionnaire_id: Mapped[int | None] = mapped_column(ForeignKey("questionnaire.id", ondelete="CASCADE"),
                                                         nullable=True, index=True)
    hour = mapped_column(UTCDateTime)
    count: Mapped[int] = mapped_column(Integer, default=0)

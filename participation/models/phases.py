"""The phases of a process: an editable list of steps, each with a checklist.

A phase can be finished and re-opened as often as the work needs it; every finish and re-open is kept as an
event, so the planning group sees that a step was taken up again and why.
"""
from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import UTCDateTime, utcnow

PHASE_EVENT_KINDS = ("finished", "reopened")


class ProcessPhase(db.Model):
    """One step of the process. `code` ties a step to the fixed phase codes (Process.phase) when it has one."""

    __tablename__ = "process_phase"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    finished: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    items = relationship("PhaseChecklistItem", back_populates="phase", cascade="all, delete-orphan",
                         order_by="PhaseChecklistItem.position, PhaseChecklistItem.id")
    events = relationship("PhaseEvent", back_populates="phase", cascade="all, delete-orphan",
                          order_by="PhaseEvent.at, PhaseEvent.id")

    @property
    def title(self) -> str:
        return self.name

    @property
    def reopened(self) -> bool:
        """Open again after having been finished at least once."""
        return not self.finished and any(event.kind == "reopened" for event in self.events)


class PhaseChecklistItem(db.Model):
    """Something to do in a phase ("Neue Entscheidungsträger nach der Wahl informieren"); who ticked it, when."""

    __tablename__ = "process_phase_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    phase_id: Mapped[int] = mapped_column(ForeignKey("process_phase.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at = mapped_column(UTCDateTime, nullable=True)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                   nullable=True)

    phase = relationship("ProcessPhase", back_populates="items")
    done_by = relationship("User")

    @property
    def title(self) -> str:
        return self.text


class PhaseEvent(db.Model):
    """A phase was finished or re-opened (with the reason the planner gave)."""

    __tablename__ = "process_phase_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    phase_id: Mapped[int] = mapped_column(ForeignKey("process_phase.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    at = mapped_column(UTCDateTime, default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True)

    phase = relationship("ProcessPhase", back_populates="events")
    by = relationship("User")

"""Running a measure: who leads it with whom, for which life stages, its status over time, its money.

Bodies (Ämter/Akteure) and life stages (Lebensphasen) are lists per process that planners edit; a measure
links to them. Amounts are whole euros (planning budgets; no cents, no decimal drift between databases).
"""
from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..extensions import db
from .core import UTCDateTime, utcnow

BODY_KINDS = ("office", "provider", "health", "civil", "other")
BODY_ROLES = ("lead", "partner")
CONTRIBUTION_KINDS = ("money", "staff", "rooms", "other")
EVALUATION_RESULTS = ("effective", "partly", "not_effective", "open")

measure_life_stage = Table(
    "strategy_measure_life_stage", db.metadata,
    Column("measure_id", ForeignKey("strategy_measure.id", ondelete="CASCADE"), primary_key=True),
    Column("life_stage_id", ForeignKey("strategy_life_stage.id", ondelete="CASCADE"), primary_key=True),
)


class Body(db.Model):
    """An office or actor of the process that can lead or join measures (Amt/Akteur)."""

    __tablename__ = "strategy_body"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="office")
    position: Mapped[int] = mapped_column(Integer, default=0)


class LifeStage(db.Model):
    """A life stage working groups are organised along (Lebensphase)."""

    __tablename__ = "strategy_life_stage"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class MeasureBody(db.Model):
    """A body leading (Federführung; several make a tandem) or joining a measure."""

    __tablename__ = "strategy_measure_body"
    __table_args__ = (UniqueConstraint("measure_id", "body_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("strategy_body.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="lead")

    body = relationship("Body")
    measure = relationship("Measure", backref=backref("body_links", cascade="all, delete-orphan",
                                                      order_by="MeasureBody.id"))


class MeasureStatusChange(db.Model):
    """Since when a measure has had a status; the latest row is the current one."""

    __tablename__ = "strategy_measure_status"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    since = mapped_column(Date)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    measure = relationship("Measure", backref=backref(
        "status_changes", cascade="all, delete-orphan",
        order_by=lambda: [MeasureStatusChange.since, MeasureStatusChange.id]))


class MeasureBudget(db.Model):
    """Money for a measure in one year from one funder (empty funder: the measure's own budget)."""

    __tablename__ = "strategy_measure_budget"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    funder: Mapped[str] = mapped_column(String(200), default="")

    measure = relationship("Measure", backref=backref(
        "budget_lines", cascade="all, delete-orphan", order_by=lambda: [MeasureBudget.year, MeasureBudget.id]))


class MeasureContribution(db.Model):
    """An own contribution, in money or in kind (staff hours, rooms), with its value in euros if known."""

    __tablename__ = "strategy_measure_contribution"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="money")
    description: Mapped[str] = mapped_column(String(300), default="")
    value: Mapped[int | None] = mapped_column(Integer, nullable=True)

    measure = relationship("Measure", backref=backref("contributions", cascade="all, delete-orphan",
                                                      order_by="MeasureContribution.id"))


class MeasureFunding(db.Model):
    """A funder of a measure with its funding period (Förderzeitraum)."""

    __tablename__ = "strategy_measure_funding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"), index=True)
    funder: Mapped[str] = mapped_column(String(200))
    starts_on = mapped_column(Date, nullable=True)
    ends_on = mapped_column(Date, nullable=True)

    measure = relationship("Measure", backref=backref("fundings", cascade="all, delete-orphan",
                                                      order_by="MeasureFunding.id"))

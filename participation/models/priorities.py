"""Prioritising together: residents and conference participants distribute points over themes and measures.

A round belongs to one process and lists its items (a published theme or a proposed measure). Online,
every resident's points are one submission (no IP address, no account; district, age band and target
group only when given). A conference session is one submission of channel "conference" holding the dot
counts per item and the session's size and composition (counts, never names), like a focus-group record.
"""

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Translatable, UTCDateTime, utcnow
from .questionnaire import new_short_code

PRIORITY_CHANNELS = ("online", "conference")
ROUND_STATUSES = ("draft", "open", "closed")


class PriorityRound(Translatable, db.Model):
    __tablename__ = "priority_round"
    TRANSLATABLE_FIELDS = ("title", "intro")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    intro: Mapped[str] = mapped_column(Text, default="")
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)
    languages: Mapped[list] = mapped_column(JSON, default=lambda: ["de"])
    short_code: Mapped[str] = mapped_column(String(40), unique=True, default=new_short_code)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    opens_at = mapped_column(UTCDateTime, nullable=True)
    closes_at = mapped_column(UTCDateTime, nullable=True)
    points_per_person: Mapped[int] = mapped_column(Integer, default=3)
    # 1: at most one point per item; more: a person may put up to this many points on one item.
    max_points_per_item: Mapped[int] = mapped_column(Integer, default=1)
    include_themes: Mapped[bool] = mapped_column(Boolean, default=True)
    include_measures: Mapped[bool] = mapped_column(Boolean, default=True)
    # The overall ranking on the residents' results page (only with enough participants).
    results_published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    process = relationship("Process")
    items = relationship("PriorityItem", back_populates="round", cascade="all, delete-orphan",
                         order_by="PriorityItem.position, PriorityItem.id")
    submissions = relationship("PrioritySubmission", back_populates="round", passive_deletes=True)

    def is_open(self, now=None) -> bool:
        now = now or utcnow()
        if self.status != "open":
            return False
        if self.opens_at is not None and now < self.opens_at:
            return False
        return self.closes_at is None or now <= self.closes_at


class PriorityItem(Translatable, db.Model):
    """A theme or a measure offered in a round, with a short description and optionally an example quote."""

    __tablename__ = "priority_item"
    __table_args__ = (UniqueConstraint("round_id", "theme_id", name="uq_priority_item_theme"),
                      UniqueConstraint("round_id", "measure_id", name="uq_priority_item_measure"))
    TRANSLATABLE_FIELDS = ("title", "description")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("priority_round.id", ondelete="CASCADE"), index=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), nullable=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"),
                                                   nullable=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    # A quote a planner marked in the theme; shown masked (privacy.masking) to residents.
    quote_answer_id: Mapped[int | None] = mapped_column(ForeignKey("answer.id", ondelete="SET NULL"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)

    round = relationship("PriorityRound", back_populates="items")
    theme = relationship("Theme")
    measure = relationship("Measure")
    quote_answer = relationship("Answer")

    @property
    def kind(self) -> str:
        return "measure" if self.measure_id else "theme"


class PrioritySubmission(db.Model):
    """One resident's points (online) or one conference session's dots. No IP address, no user agent."""

    __tablename__ = "priority_submission"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("priority_round.id", ondelete="CASCADE"), index=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    # Generated with the form: a resend of the same form stores nothing twice.
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(20), default="online")
    language: Mapped[str] = mapped_column(String(10), default="de")
    district: Mapped[str | None] = mapped_column(String(120), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    target_group: Mapped[str | None] = mapped_column(String(120), nullable=True)
    # Conference sessions only: aggregate facts, never names.
    held_on = mapped_column(Date, nullable=True)
    place: Mapped[str | None] = mapped_column(String(200), nullable=True)
    participant_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    composition: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                       nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)

    round = relationship("PriorityRound", back_populates="submissions")
    recorded_by = relationship("User")
    points = relationship("PriorityPoints", back_populates="submission", cascade="all, delete-orphan")

    @property
    def persons(self) -> int:
        """How many people these points stand for."""
        return self.participant_count or 1 if self.channel == "conference" else 1


class PriorityPoints(db.Model):
    __tablename__ = "priority_points"
    __table_args__ = (UniqueConstraint("submission_id", "item_id", name="uq_priority_points_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("priority_submission.id", ondelete="CASCADE"),
                                               index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("priority_item.id", ondelete="CASCADE"), index=True)
    points: Mapped[int] = mapped_column(Integer)

    submission = relationship("PrioritySubmission", back_populates="points")
    item = relationship("PriorityItem")

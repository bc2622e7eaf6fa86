"""The strategy a planning group builds from the themes: fields of action → goals → measures.

Every object belongs to one process (process_id on each row, so access checks need no joins).
Evidence links tie a theme, a single quoted answer, or a theme with one of its quotes to a field, goal,
measure or indicator.
"""
from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..extensions import db
from .core import Translatable, UTCDateTime, utcnow

GOAL_LEVELS = ("leitziel", "handlungsziel")
MEASURE_STATUSES = ("planned", "in_progress", "done", "paused", "dropped")


class StrategyField(db.Model):
    """A field of action (Handlungsfeld)."""

    __tablename__ = "strategy_field"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    goals = relationship("Goal", back_populates="field", cascade="all, delete-orphan",
                         order_by=lambda: [Goal.position, Goal.id])
    evidence = relationship("EvidenceLink", back_populates="field", cascade="all, delete-orphan")


class Goal(db.Model):
    """A goal of a field: a Leitziel, or a Handlungsziel that may name the Leitziel it serves."""

    __tablename__ = "strategy_goal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("strategy_field.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_goal.id", ondelete="SET NULL"),
                                                  nullable=True)
    level: Mapped[str] = mapped_column(String(20), default="leitziel")
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    field = relationship("StrategyField", back_populates="goals")
    parent = relationship("Goal", remote_side=[id])
    measures = relationship("Measure", back_populates="goal", cascade="all, delete-orphan",
                            order_by=lambda: [Measure.position, Measure.id])
    indicators = relationship("Indicator", back_populates="goal", cascade="all, delete-orphan",
                              order_by="Indicator.id")
    evidence = relationship("EvidenceLink", back_populates="goal", cascade="all, delete-orphan")


class Measure(Translatable, db.Model):
    """A measure (Maßnahme) with who is responsible, for whom, where, when and how far it is.

    Its title is translatable: residents read it on the "what came of it" page.
    """

    __tablename__ = "strategy_measure"
    TRANSLATABLE_FIELDS = ("title",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("strategy_goal.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(300), default="")
    partners: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(200), default="")
    starts_on = mapped_column(Date, nullable=True)
    ends_on = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    i18n: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    # Running the measure (models.measures has its bodies, status history and money).
    continuation: Mapped[str] = mapped_column(Text, default="", server_default="")
    evaluation_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    evaluated_on = mapped_column(Date, nullable=True)
    evaluation_result: Mapped[str] = mapped_column(String(20), default="", server_default="")

    goal = relationship("Goal", back_populates="measures")
    life_stages = relationship("LifeStage", secondary="strategy_measure_life_stage",
                               order_by="LifeStage.position, LifeStage.id")
    indicators = relationship("Indicator", back_populates="measure", cascade="all, delete-orphan",
                              order_by="Indicator.id")
    evidence = relationship("EvidenceLink", back_populates="measure", cascade="all, delete-orphan")


class Indicator(db.Model):
    """How progress of a goal or measure is measured, and who supplies the data."""

    __tablename__ = "strategy_indicator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_goal.id", ondelete="CASCADE"),
                                                nullable=True, index=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"),
                                                   nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(300))
    baseline: Mapped[str] = mapped_column(String(100), default="")
    target: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(60), default="")
    source: Mapped[str] = mapped_column(String(300), default="")

    goal = relationship("Goal", back_populates="indicators")
    measure = relationship("Measure", back_populates="indicators")
    evidence = relationship("EvidenceLink", back_populates="indicator", cascade="all, delete-orphan")

    @property
    def title(self) -> str:
        """Indicators are named, not titled; pages and exports address every strategy object by title."""
        return self.name


class EvidenceLink(db.Model):
    """A theme, one quoted answer, or both (a theme with one of its quotes) as the evidence for a field,
    goal, measure or indicator."""

    __tablename__ = "strategy_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), nullable=True,
                                                 index=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), nullable=True,
                                                  index=True)
    field_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_field.id", ondelete="CASCADE"),
                                                 nullable=True, index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_goal.id", ondelete="CASCADE"),
                                                nullable=True, index=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"),
                                                   nullable=True, index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_indicator.id", ondelete="CASCADE"),
                                                     nullable=True, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                      nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    theme = relationship("Theme")
    answer = relationship("Answer")
    field = relationship("StrategyField", back_populates="evidence")
    goal = relationship("Goal", back_populates="evidence")
    measure = relationship("Measure", back_populates="evidence")
    indicator = relationship("Indicator", back_populates="evidence")

    @property
    def target(self):
        return self.indicator or self.measure or self.goal or self.field

    @property
    def audit_title(self) -> str:
        """"Theme → measure" for the audit log; a quote by its number only (its text stays out of the log)."""
        source = self.theme.label if self.theme is not None else f"#{self.answer_id}"
        if self.theme is not None and self.answer_id is not None:
            source += f" (#{self.answer_id})"
        target = self.target
        return f"{source} → {target.title}" if target is not None else source


# --- Monitoring: measured indicator values, council decisions, quality self-check (issue #19) -------------

QUALITY_RATINGS = ("met", "partly", "not", "open")


class IndicatorValue(db.Model):
    """One measured value of an indicator on a date, e.g. from the municipal health reporting."""

    __tablename__ = "strategy_indicator_value"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("strategy_indicator.id", ondelete="CASCADE"), index=True)
    measured_on = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)

    indicator = relationship("Indicator", backref=backref(
        "values", cascade="all, delete-orphan", order_by="(IndicatorValue.measured_on, IndicatorValue.id)"))

    @property
    def title(self) -> str:
        return f"{self.indicator.name}: {self.measured_on.isoformat()}"


class CouncilDecision(db.Model):
    """A council decision (Ratsbeschluss) on the strategy: when, which body, the printed matter, a link."""

    __tablename__ = "strategy_council_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    decided_on = mapped_column(Date)
    body: Mapped[str] = mapped_column(String(200))
    document_number: Mapped[str] = mapped_column(String(100), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)

    @property
    def title(self) -> str:
        return f"{self.body} {self.decided_on.isoformat()} {self.document_number}".strip()


class QualityRating(db.Model):
    """How a measure meets one good-practice criterion (participation.strategy.quality.CRITERIA)."""

    __tablename__ = "strategy_quality_rating"
    __table_args__ = (UniqueConstraint("measure_id", "criterion"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(40))
    rating: Mapped[str] = mapped_column(String(20), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    measure = relationship("Measure", backref=backref("quality_ratings", cascade="all, delete-orphan"))

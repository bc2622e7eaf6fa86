"""What came of a process: how far residents' say reaches, the decisions on its themes, who wants to hear back.

The rules and decisions are shown to residents, so their texts are translatable like survey texts.
Subscriptions hold e-mail addresses apart from every answer: no response, no survey, no time of day —
a random token is the key, so not even the order of rows follows the order of submissions.
"""
from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Translatable, UTCDateTime, utcnow

# The German stages of participation, lowest first (stable English keys; labels in outcomes.labels).
PARTICIPATION_STAGES = ("information", "consultation", "involvement", "codetermination", "partial_authority",
                        "decision_power", "self_organisation")
DECISION_STATUSES = ("adopted", "partly_adopted", "under_review", "postponed", "not_implemented")
REASON_REQUIRED = ("postponed", "not_implemented")


class ParticipationRules(Translatable, db.Model):
    """The stage of participation and the rules ("Spielregeln") of one process."""

    __tablename__ = "participation_rules"
    TRANSLATABLE_FIELDS = ("residents_decide", "residents_advise", "decided_by", "timeline", "contact")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), unique=True)
    stage: Mapped[str] = mapped_column(String(40), default="consultation")
    residents_decide: Mapped[str] = mapped_column(Text, default="")
    residents_advise: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(Text, default="")
    timeline: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    process = relationship("Process")


class ThemeDecision(Translatable, db.Model):
    """What the deciding body made of one theme, and why. Residents see it once it is published.

    `theme_label` is the theme's own label in German; its translations live here with the decision's texts.
    """

    __tablename__ = "theme_decision"
    TRANSLATABLE_FIELDS = ("reason", "decided_by", "theme_label")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(30), default="under_review")
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_on = mapped_column(Date, nullable=True)
    decided_by: Mapped[str] = mapped_column(String(300), default="")
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at = mapped_column(UTCDateTime, nullable=True)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    theme = relationship("Theme")
    measure_links = relationship("DecisionMeasure", back_populates="decision", cascade="all, delete-orphan",
                                 order_by="DecisionMeasure.id")

    @property
    def theme_label(self) -> str:
        return self.theme.label if self.theme is not None else ""

    @theme_label.setter
    def theme_label(self, value: str) -> None:
        """German theme labels are renamed on the themes page, never through a decision."""

    @property
    def label(self) -> str:
        """What the audit log calls the decision: its theme."""
        return self.theme_label

    @property
    def measures(self) -> list:
        return [link.measure for link in self.measure_links]


class DecisionMeasure(db.Model):
    """A measure that carries a decision."""

    __tablename__ = "theme_decision_measure"
    __table_args__ = (UniqueConstraint("decision_id", "measure_id", name="uq_theme_decision_measure"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("theme_decision.id", ondelete="CASCADE"), index=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("strategy_measure.id", ondelete="CASCADE"), index=True)

    decision = relationship("ThemeDecision", back_populates="measure_links")
    measure = relationship("Measure")


class OutcomeSubscription(db.Model):
    """An address that wants one mail when decisions of the process are published.

    Confirmed by a link in the first mail (double opt-in); every mail carries the token that deletes it.
    `notified_round` is the publication round last mailed, so a repeated job sends nothing twice.
    """

    __tablename__ = "outcome_subscription"
    __table_args__ = (UniqueConstraint("process_id", "email", name="uq_outcome_subscription_email"),)

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(10), default="de")
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmation_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    notified_round: Mapped[int] = mapped_column(Integer, default=0)


class OutcomePublication(db.Model):
    """One "publish decisions" of a process: the round the notification job mails."""

    __tablename__ = "outcome_publication"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    round: Mapped[int] = mapped_column(Integer, default=1)
    decision_count: Mapped[int] = mapped_column(Integer, default=0)
    published_at = mapped_column(UTCDateTime, default=utcnow)

"""A participation process: one strategy's survey work in one place and time."""
from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Translatable, UTCDateTime, utcnow

PHASES = ("bestandsaufnahme", "leitlinien", "handlungsempfehlungen")


class Process(Translatable, db.Model):
    """Title and description are shown to residents, so they are translatable like survey texts."""

    __tablename__ = "process"
    TRANSLATABLE_FIELDS = ("title", "description")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[str] = mapped_column(String(40), default="bestandsaufnahme")
    districts: Mapped[list] = mapped_column(JSON, default=list)
    target_groups: Mapped[list] = mapped_column(JSON, default=list)
    languages: Mapped[list] = mapped_column(JSON, default=lambda: ["de"])
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)
    min_group_size: Mapped[int] = mapped_column(Integer, default=5)
    # Expected shares for the reach dashboard: {"district": {"Nordstadt": 0.3}, "target_group": {...}}
    quotas: Mapped[dict] = mapped_column(JSON, default=dict)
    # After this moment free text is anonymised; only coded and aggregated results remain.
    retention_until = mapped_column(UTCDateTime, nullable=True)
    retention_applied_at = mapped_column(UTCDateTime, nullable=True)
    # How this municipality calls its strategy ("Präventionskette", …); empty: "Strategie".
    strategy_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)

    questionnaires = relationship("Questionnaire", back_populates="process", cascade="all, delete-orphan",
                                  order_by="Questionnaire.id")
    members = relationship("User", secondary="process_member", back_populates="processes")
    phases = relationship("ProcessPhase", cascade="all, delete-orphan",
                          order_by="ProcessPhase.position, ProcessPhase.id")

    @property
    def surveys(self):
        return [q for q in self.questionnaires if q.kind == "survey"]

    @property
    def guides(self):
        return [q for q in self.questionnaires if q.kind == "guide"]

    def __repr__(self) -> str:
        return f"<Process {self.id} {self.title!r}>"

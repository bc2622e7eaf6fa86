"""Surveys and interview/focus-group guides: ordered sections with questions and options."""
import secrets

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Translatable, UTCDateTime, utcnow

QUESTION_KINDS = (
    "single_choice", "multiple_choice", "scale", "short_text", "long_text", "number", "district", "yes_no",
)
CHOICE_KINDS = ("single_choice", "multiple_choice")
TEXT_KINDS = ("short_text", "long_text")
SURVEY_STATUSES = ("draft", "open", "closed")
GUIDE_TYPES = ("interview", "focus_group")
PROFILE_FIELDS = ("district", "target_group")

SHORT_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_structure_version() -> str:
    """A fresh, never reused mark for a questionnaire's structure (see surveys.snapshot)."""
    return secrets.token_hex(8)


def new_short_code(length: int = 6) -> str:
    """A short code that is easy to type from a flyer (no 0/o, 1/l/i)."""
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(length))


class Questionnaire(Translatable, db.Model):
    """Common ground of surveys and guides; `kind` tells them apart."""

    __tablename__ = "questionnaire"
    TRANSLATABLE_FIELDS = ("title", "intro", "consent_text", "thanks_text")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    intro: Mapped[str] = mapped_column(Text, default="")
    consent_text: Mapped[str] = mapped_column(Text, default="")
    thanks_text: Mapped[str] = mapped_column(Text, default="")
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)
    languages: Mapped[list] = mapped_column(JSON, default=lambda: ["de"])
    # Languages a planner confirmed to publish to residents before their translation is complete.
    incomplete_languages_published: Mapped[list] = mapped_column(JSON, default=list)
    short_code: Mapped[str] = mapped_column(String(40), unique=True, default=new_short_code)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    opens_at = mapped_column(UTCDateTime, nullable=True)
    closes_at = mapped_column(UTCDateTime, nullable=True)
    results_published: Mapped[bool] = mapped_column(Boolean, default=False)
    guide_type: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    # Changes with every edit of the questionnaire, its sections, questions, options or process, so cached
    # copies of the structure are recognised as outdated (surveys.snapshot).
    structure_version: Mapped[str] = mapped_column(String(32), default=new_structure_version, server_default="0")
    # Survey waves: a repeat of a survey points at the wave before it (same question codes, compared in
    # surveys.waves); the first wave has none and number 1.
    previous_wave_id: Mapped[int | None] = mapped_column(
        ForeignKey("questionnaire.id", ondelete="SET NULL"), nullable=True, index=True)
    wave_number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    process = relationship("Process", back_populates="questionnaires")
    sections = relationship("Section", back_populates="questionnaire", cascade="all, delete-orphan",
                            order_by="Section.position")
    responses = relationship("Response", back_populates="questionnaire", passive_deletes=True)
    previous_wave = relationship("Questionnaire", remote_side=[id], foreign_keys=[previous_wave_id])

    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "questionnaire"}

    @property
    def questions(self) -> list["Question"]:
        return [q for section in self.sections for q in section.questions]

    def question_by_code(self, code: str):
        return next((q for q in self.questions if q.code == code), None)

    def is_open(self, now=None) -> bool:
        """Residents can answer only when the survey is open and inside its dates."""
        now = now or utcnow()
        if self.status != "open":
            return False
        if self.opens_at is not None and now < self.opens_at:
            return False
        return self.closes_at is None or now <= self.closes_at


class Survey(Questionnaire):
    __mapper_args__ = {"polymorphic_identity": "survey"}


class Guide(Questionnaire):
    """An interview or focus-group guide used by multipliers."""

    __mapper_args__ = {"polymorphic_identity": "guide"}


class Section(Translatable, db.Model):
    __tablename__ = "section"
    TRANSLATABLE_FIELDS = ("title", "intro")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300), default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    planned_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)

    questionnaire = relationship("Questionnaire", back_populates="sections")
    questions = relationship("Question", back_populates="section", cascade="all, delete-orphan",
                             order_by="Question.position")

    @property
    def active_questions(self) -> list["Question"]:
        return [q for q in self.questions if not q.archived]


class Question(Translatable, db.Model):
    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("section_id", "code", name="uq_question_section_code"),)
    TRANSLATABLE_FIELDS = ("text", "help_text", "narrative_prompt", "followup", "scale_min_label", "scale_max_label")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    help_text: Mapped[str] = mapped_column(Text, default="")
    # Guides only: the opening story prompt ("Erzählstimulus") read out before the question, and follow-ups.
    narrative_prompt: Mapped[str] = mapped_column(Text, default="")
    followup: Mapped[str] = mapped_column(Text, default="")
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    min_value: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_value: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scale_min_label: Mapped[str] = mapped_column(String(200), default="")
    scale_max_label: Mapped[str] = mapped_column(String(200), default="")
    max_length: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # How many options of a multiple-choice question may be ticked (None: no limit).
    min_choices: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_choices: Mapped[int | None] = mapped_column(Integer, nullable=True)
    profile_field: Mapped[str | None] = mapped_column(String(20), nullable=True)
    condition_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL"), nullable=True)
    condition_option_code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)

    section = relationship("Section", back_populates="questions")
    options = relationship("Option", back_populates="question", cascade="all, delete-orphan",
                           order_by="Option.position")
    condition_question = relationship("Question", remote_side=[id])

    @property
    def active_options(self) -> list["Option"]:
        return [o for o in self.options if not o.archived]

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    def text_limit(self) -> int:
        """Sensible default limits keep answers readable and the database safe."""
        if self.max_length:
            return self.max_length
        return 300 if self.kind == "short_text" else 5000


class Option(Translatable, db.Model):
    __tablename__ = "option"
    __table_args__ = (UniqueConstraint("question_id", "code", name="uq_option_question_code"),)
    TRANSLATABLE_FIELDS = ("label",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(500))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    i18n: Mapped[dict] = mapped_column(JSON, default=dict)

    question = relationship("Question", back_populates="options")

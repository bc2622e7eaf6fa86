"""Answers of a survey that a resident is still filling in, kept until they submit.

Keyed by the submission id (a random token that only the resident's session and form know), so the
session cookie stays small however long the answers are. Holds no IP, no user agent, no name; drafts
are deleted on submit and swept after a few days when abandoned.
"""
from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import UTCDateTime, utcnow


class SurveyDraft(db.Model):
    __tablename__ = "survey_draft"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id", ondelete="CASCADE"), index=True)
    # What the resident typed, per question code: a string, or a list for multiple choice.
    raw_answers: Mapped[dict] = mapped_column(JSON, default=dict)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    questionnaire = relationship("Questionnaire")

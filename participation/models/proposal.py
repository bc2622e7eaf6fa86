"""Multipliers' proposals for a guide question (new or changed), decided by planners."""
from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import UTCDateTime, utcnow

PROPOSAL_KINDS = ("new", "change")
PROPOSAL_STATUSES = ("open", "accepted", "changed", "declined")


class GuideProposal(db.Model):
    """A question text in the proposer's language with an optional story prompt, follow-ups and a comment.

    `status` is "accepted" (taken as proposed), "changed" (taken with the planner's changes) or "declined"
    (with `decision_reason`, which the multiplier sees).
    """

    __tablename__ = "guide_proposal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id", ondelete="CASCADE"), index=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    proposed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(10), default="new")
    # the question a change is about; for a new question the section it should go into
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"), nullable=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="SET NULL"), nullable=True)
    language: Mapped[str] = mapped_column(String(10), default="de")
    text: Mapped[str] = mapped_column(Text)
    narrative_prompt: Mapped[str] = mapped_column(Text, default="")
    followup: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                      nullable=True)
    decided_at = mapped_column(UTCDateTime, nullable=True)
    resulting_question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"),
                                                              nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    questionnaire = relationship("Questionnaire")
    proposed_by = relationship("User", foreign_keys=[proposed_by_id])
    decided_by = relationship("User", foreign_keys=[decided_by_id])
    question = relationship("Question", foreign_keys=[question_id])
    section = relationship("Section")
    resulting_question = relationship("Question", foreign_keys=[resulting_question_id])

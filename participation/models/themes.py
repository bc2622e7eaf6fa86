"""Themes found in free-text answers, and the planners' work on them."""
import numpy as np
from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import UTCDateTime, utcnow

REVIEW_FLAGS = ("off_topic", "personal_data", "abusive")


def vector_to_bytes(vector) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def bytes_to_vector(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32)


class AnswerEmbedding(db.Model):
    """The sentence embedding of one free-text answer, computed once by a worker and reused.

    `model` names the embedding model (its vector space); only vectors of the configured model are used.
    """

    __tablename__ = "answer_embedding"

    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(80), index=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    answer = relationship("Answer")

    @property
    def array(self) -> np.ndarray:
        return bytes_to_vector(self.vector)


class AnalysisRun(db.Model):
    """One theme analysis of a survey's or a whole process's free text."""

    __tablename__ = "analysis_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    questionnaire_id: Mapped[int | None] = mapped_column(ForeignKey("questionnaire.id", ondelete="CASCADE"),
                                                         nullable=True)
    job_id: Mapped[str | None] = mapped_column(ForeignKey("job.id", ondelete="SET NULL"), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    n_themes_requested: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text_count: Mapped[int] = mapped_column(Integer, default=0)
    theme_count: Mapped[int] = mapped_column(Integer, default=0)
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    embedding_model: Mapped[str | None] = mapped_column(String(80), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                      nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    finished_at = mapped_column(UTCDateTime, nullable=True)

    process = relationship("Process")
    job = relationship("Job")


class Theme(db.Model):
    """A theme of a process. Planners rename, merge, split and publish themes; reruns keep their work.

    The process's current themes are those with archived False. An archived theme with merged_into_id
    was merged by a planner into that theme; one with dissolved_run_id was dissolved ("aufgelöst") by that
    rerun and keeps in `archive` the answers and quotes it held then. A rerun keeps the id, notes,
    published flag and (when label_edited) the label of every theme it clearly finds again. `version`
    grows with every planner change (optimistic locking of two tabs). See participation/themes/ for the rules.
    """

    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    analysis_run_id: Mapped[int | None] = mapped_column(ForeignKey("analysis_run.id", ondelete="SET NULL"),
                                                        nullable=True)
    label: Mapped[str] = mapped_column(String(200))
    auto_label: Mapped[str] = mapped_column(String(200), default="")
    label_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    keywords: Mapped[list] = mapped_column(JSON, default=list)
    keywords_by_language: Mapped[dict] = mapped_column(JSON, default=dict)
    centroid: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    embedding_model: Mapped[str | None] = mapped_column(String(80), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    dissolved_run_id: Mapped[int | None] = mapped_column(ForeignKey("analysis_run.id", ondelete="SET NULL"),
                                                         nullable=True)
    archive: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    process = relationship("Process")
    question = relationship("Question")
    assignments = relationship("ThemeAssignment", back_populates="theme", passive_deletes=True)

    @property
    def centroid_vector(self):
        return bytes_to_vector(self.centroid) if self.centroid is not None else None

    def centroid_in(self, model_id: str):
        """The centre when it was computed with that embedding model, else None (spaces never mix)."""
        return self.centroid_vector if self.embedding_model == model_id else None


class ThemeAssignment(db.Model):
    """Which theme a free-text answer belongs to, and whether a planner chose it as a quote.

    At most one per answer; theme_id None = analysed but without theme. Flagged answers
    (Answer.review_flag) have none. source: analysis | incremental (joined after the run) | planner.
    """

    __tablename__ = "theme_assignment"
    __table_args__ = (UniqueConstraint("answer_id", name="uq_theme_assignment_answer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), nullable=True,
                                                 index=True)
    source: Mapped[str] = mapped_column(String(20), default="analysis")  # analysis | incremental | planner
    similarity: Mapped[float | None] = mapped_column(Float, nullable=True)
    representative: Mapped[bool] = mapped_column(Boolean, default=False)
    quote: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    answer = relationship("Answer")
    theme = relationship("Theme", back_populates="assignments")

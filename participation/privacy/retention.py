"""Retention of free text: after a process's retention date its free-text answers are emptied (a job).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from .. import audit
from ..exports.storage import discard_process_exports
from ..extensions import db
from ..jobs import job
from ..models import (
    TEXT_KINDS,
    Answer,
    AnswerEmbedding,
    Process,
    Question,
    Response,
    utcnow,
)


def anonymise_process(process: Process, now: datetime | None = None) -> dict:
    """Delete the free text of a process; codes, numbers, themes and aggregates remain.

    Text answers, notes and quotes lose their text and translation, embeddings of them are deleted,
    focus-group places and moderators are cleared, deletion codes are dropped. One transaction; then the
    process's export files are deleted, since they still hold the text.
    """
    now = now or utcnow()
    text_answer_ids = select(Answer.id).join(Response, Response.id == Answer.response_id).join(
        Question, Question.id == Answer.question_id).where(
        Response.process_id == process.id,
        (Question.kind.in_(TEXT_KINDS)) | (Answer.item_kind != "answer"))
    emptied = db.session.execute(
        update(Answer).where(Answer.id.in_(text_answer_ids),
                             (Answer.text_value.is_not(None)) | (Answer.translation_de.is_not(None)))
        .values(text_value=None, translation_de=None).execution_options(synchronize_session=False)).rowcount
    embeddings = db.session.execute(
        AnswerEmbedding.__table__.delete().where(AnswerEmbedding.answer_id.in_(text_answer_ids))).rowcount
    db.session.execute(
        update(Response).where(Response.process_id == process.id)
        .values(place=None, moderator=None, deletion_code_hash=None).execution_options(synchronize_session=False))
    process.retention_applied_at = now
    audit.record("retention_applied", process, user=False, texts_deleted=emptied, embeddings_deleted=embeddings)
    db.session.commit()
    exports_deleted = discard_process_exports(process)
    db.session.expire_all()
    return {"process_id": process.id, "texts_deleted": emptied, "embeddings_deleted": embeddings,
            "exports_deleted": exports_deleted}


def apply_retention(now: datetime | None = None) -> list[dict]:
    """Anonymise every process whose retention date has passed (again, if text came in since)."""
    now = now or utcnow()
    due = db.session.execute(
        select(Process).where(Process.retention_until.is_not(None), Process.retention_until <= now)
        .order_by(Process.id)).scalars().all()
    return [anonymise_process(process, now) for process in due]


@job("privacy.apply_retention")
def apply_retention_job(ctx) -> dict:
    """Scheduled (cron: `flask privacy apply-retention`, or enqueued) retention run."""
    ctx.progress(0, "Aufbewahrungsfristen werden geprüft")
    results = apply_retention()
    return {"processes": results}

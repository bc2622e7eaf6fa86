"""Deletion on request, retention of free text, and limits against flooding a survey.

No IP addresses: limits count submissions per survey and hour in the database, and refused
attempts are kept as counts per survey and hour, which planners see on the process overview.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from . import audit
from .extensions import db
from .jobs import job
from .models import (TEXT_KINDS, Answer, AnswerEmbedding, Process, Question, Questionnaire, RefusedAttempts,
                     Response, utcnow)

DELETION_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
DELETION_CODE_LENGTH = 16
SCOPE_SUBMISSION = "submission"
SCOPE_DELETION = "deletion"


# --- deletion on request -------------------------------------------------------------------------

def normalise_deletion_code(code: str) -> str:
    """Residents copy codes with spaces, dashes or in lower case; all of these count."""
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def hash_deletion_code(code: str) -> str:
    return hashlib.sha256(normalise_deletion_code(code).encode()).hexdigest()


def issue_deletion_code(response: Response) -> str:
    """Give a response a new deletion code; only its hash is stored. The caller commits."""
    raw = "".join(secrets.choice(DELETION_CODE_ALPHABET) for _ in range(DELETION_CODE_LENGTH))
    response.deletion_code_hash = hash_deletion_code(raw)
    return "-".join(raw[i:i + 4] for i in range(0, DELETION_CODE_LENGTH, 4))


def deletion_code_for_new_response(response: Response) -> str | None:
    """A code for a response that has none yet (a resend of the same submission gets no second code)."""
    if response.deletion_code_hash is not None:
        return None
    code = issue_deletion_code(response)
    db.session.commit()
    return code


def delete_response_by_code(code: str) -> bool:
    """Delete the response (with all its answers) that the code belongs to; False if no response has it."""
    normalised = normalise_deletion_code(code)
    if len(normalised) != DELETION_CODE_LENGTH:
        return False
    response = db.session.execute(
        select(Response).filter_by(deletion_code_hash=hash_deletion_code(normalised))).scalar_one_or_none()
    if response is None:
        return False
    audit.record("response_deleted_on_request", process_id=response.process_id, user=False,
                 questionnaire_id=response.questionnaire_id)
    db.session.delete(response)
    db.session.commit()
    return True


# --- limits without IP addresses -----------------------------------------------------------------

def _hour(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0)


def record_refused_attempt(scope: str, questionnaire_id: int | None, now: datetime | None = None) -> None:
    """Count a refused request in its own transaction (the request's own work may be rolled back)."""
    hour = _hour(now or utcnow())
    table = RefusedAttempts.__table__
    condition = (table.c.scope == scope) & (table.c.hour == hour) & (
        table.c.questionnaire_id == questionnaire_id if questionnaire_id is not None
        else table.c.questionnaire_id.is_(None))
    for _attempt in range(2):
        with db.engine.begin() as connection:
            if connection.execute(update(table).where(condition).values(count=table.c.count + 1)).rowcount:
                return
            try:
                connection.execute(table.insert().values(scope=scope, questionnaire_id=questionnaire_id,
                                                         hour=hour, count=1))
                return
            except IntegrityError:  # another process inserted the same hour just now: update it
                continue


def refused_in_window(scope: str, questionnaire_id: int | None, since: datetime) -> int:
    query = select(func.coalesce(func.sum(RefusedAttempts.count), 0)).where(
        RefusedAttempts.scope == scope, RefusedAttempts.hour >= _hour(since))
    query = query.where(RefusedAttempts.questionnaire_id == questionnaire_id) if questionnaire_id is not None \
        else query.where(RefusedAttempts.questionnaire_id.is_(None))
    return int(db.session.execute(query).scalar_one())


def check_submission_rate(questionnaire: Questionnaire, now: datetime | None = None) -> bool:
    """True if the survey may take one more online submission; otherwise count the refusal and say False.

    The limit (SUBMISSIONS_PER_HOUR per survey) is far above what a town's residents send, but stops a
    script from flooding the survey. Interviews and paper entry are not limited.
    """
    limit = current_app.config.get("SUBMISSIONS_PER_HOUR", 0)
    if not limit:
        return True
    now = now or utcnow()
    stored = db.session.execute(
        select(func.count(Response.id)).where(Response.questionnaire_id == questionnaire.id,
                                              Response.channel == "online",
                                              Response.created_at > now - timedelta(hours=1))).scalar_one()
    if stored < limit:
        return True
    record_refused_attempt(SCOPE_SUBMISSION, questionnaire.id, now)
    return False


def check_deletion_rate(now: datetime | None = None) -> bool:
    """Wrong deletion codes per hour, over all residents: guessing codes stays hopeless."""
    limit = current_app.config.get("DELETION_FAILURES_PER_HOUR", 0)
    return not limit or refused_in_window(SCOPE_DELETION, None, now or utcnow()) < limit


def refused_submissions(process: Process, days: int = 14) -> list[dict]:
    """Refused submissions per survey and hour in the last days, newest first, for the planners."""
    since = utcnow() - timedelta(days=days)
    rows = db.session.execute(
        select(RefusedAttempts, Questionnaire).join(Questionnaire, Questionnaire.id == RefusedAttempts.questionnaire_id)
        .where(Questionnaire.process_id == process.id, RefusedAttempts.scope == SCOPE_SUBMISSION,
               RefusedAttempts.hour >= since)
        .order_by(RefusedAttempts.hour.desc())).all()
    return [{"questionnaire": questionnaire, "hour": row.hour, "count": row.count} for row, questionnaire in rows]


# --- retention -----------------------------------------------------------------------------------

def anonymise_process(process: Process, now: datetime | None = None) -> dict:
    """Delete the free text of a process; codes, numbers, themes and aggregates remain.

    Text answers, notes and quotes lose their text and translation, embeddings of them are deleted,
    focus-group places and moderators are cleared, deletion codes are dropped. One transaction.
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
    db.session.expire_all()
    return {"process_id": process.id, "texts_deleted": emptied, "embeddings_deleted": embeddings}


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

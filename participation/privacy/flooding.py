"""Limits against flooding a survey or guessing deletion codes, without storing IP addresses.

Per client (address known only as a keyed hash, counted in memory or Redis by `throttle`): submissions and
new drafts per survey and hour, wrong deletion codes per hour. Per survey (in the database): submissions per
hour, a ceiling far above any town's residents. Refusals are kept as counts per survey and hour, which
planners see on the process overview.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from . import throttle
from ..models import (
    PrioritySubmission,
    Process,
    Questionnaire,
    RefusedAttempts,
    Response,
    utcnow,
)

SCOPE_SUBMISSION = "submission"
SCOPE_DELETION = "deletion"
SCOPE_DRAFT = "draft"
SCOPE_SUBSCRIPTION = "subscription"
CLIENT_LIMITS = {SCOPE_SUBMISSION: "SUBMISSIONS_PER_CLIENT_PER_HOUR", SCOPE_DRAFT: "DRAFTS_PER_CLIENT_PER_HOUR",
                 SCOPE_SUBSCRIPTION: "SUBSCRIPTIONS_PER_CLIENT_PER_HOUR"}
HOUR = 3600


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


def client_within_limit(scope: str, questionnaire: Questionnaire) -> bool:
    """Count one submission or new draft of the requesting client for this survey; past the client's
    hourly limit say False and count the refusal for the planners. Needs a request."""
    if _client_hit_within_limit(scope, str(questionnaire.id)):
        return True
    record_refused_attempt(scope, questionnaire.id)
    return False


def _client_hit_within_limit(scope: str, subject: str) -> bool:
    limit = current_app.config.get(CLIENT_LIMITS[scope], 0)
    return not limit or throttle.counters().hit(throttle.key(scope, subject, throttle.client_key()), HOUR) <= limit


def round_within_limits(priority_round, now: datetime | None = None) -> bool:
    """The survey limits, applied to a prioritisation round: per client and hour, and per round and hour.

    Refusals are not counted for the planners' overview (that table counts per survey)."""
    if not _client_hit_within_limit(SCOPE_SUBMISSION, f"round-{priority_round.id}"):
        return False
    limit = current_app.config.get("SUBMISSIONS_PER_HOUR", 0)
    if not limit:
        return True
    stored = db.session.execute(
        select(func.count(PrioritySubmission.id))
        .where(PrioritySubmission.round_id == priority_round.id, PrioritySubmission.channel == "online",
               PrioritySubmission.created_at > (now or utcnow()) - timedelta(hours=1))).scalar_one()
    return stored < limit


def _deletion_key() -> str:
    return throttle.key(SCOPE_DELETION, throttle.client_key())


def check_deletion_rate() -> bool:
    """Wrong deletion codes of the requesting client per hour: guessing stays hopeless for that client,
    while every other resident can still delete with their code. Needs a request."""
    limit = current_app.config.get("DELETION_FAILURES_PER_HOUR", 0)
    return not limit or throttle.counters().count(_deletion_key()) < limit


def count_wrong_deletion_code() -> None:
    throttle.counters().hit(_deletion_key(), HOUR)


def refused_submissions(process: Process, days: int = 14) -> list[dict]:
    """Refused submissions and drafts per survey and hour in the last days, newest first, for the planners."""
    since = utcnow() - timedelta(days=days)
    rows = db.session.execute(
        select(RefusedAttempts, Questionnaire).join(Questionnaire, Questionnaire.id == RefusedAttempts.questionnaire_id)
        .where(Questionnaire.process_id == process.id, RefusedAttempts.scope.in_((SCOPE_SUBMISSION, SCOPE_DRAFT)),
               RefusedAttempts.hour >= since)
        .order_by(RefusedAttempts.hour.desc())).all()
    return [{"questionnaire": questionnaire, "hour": row.hour, "count": row.count, "scope": row.scope}
            for row, questionnaire in rows]

"""Whether a survey can be answered, and its drafts: started, kept page by page, submitted exactly once.

Plain functions (need an app context, no request) so the rules can be tested on their own. The pages,
visibility and errors of one resident's way through a survey live in `surveys.progress`.
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import selectinload

from ..database import transaction_from_here
from ..extensions import db
from ..models import Question, Questionnaire, Response, Section, Survey, SurveyDraft, utcnow
from ..privacy.deletion import new_deletion_code
from . import snapshot
from .answering import (
    normalised_values,
    store_response,
    valid_submission_id,
)

DRAFT_LIFETIME = timedelta(days=3)
INSERT_BY_DIALECT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
# Far above every answer limit: what someone typed is kept for correcting, abuse cannot bloat a draft.
RAW_TEXT_CAP = 20000


@dataclass
class Availability:
    """Whether residents can answer a survey now, and if not, why (for a friendly page)."""
    state: str           # open | unknown | not_open | closed
    status_code: int = 200

    @property
    def open(self) -> bool:
        return self.state == "open"


def find_survey(code: str) -> Survey | None:
    """The survey with its whole structure (sections, questions, options, conditions) in a few queries."""
    return db.session.execute(db.select(Survey).filter_by(short_code=code).options(
        selectinload(Survey.process),
        selectinload(Survey.sections).selectinload(Section.questions).selectinload(Question.options),
        selectinload(Survey.sections).selectinload(Section.questions).selectinload(Question.condition_question),
    )).scalar_one_or_none()


def _survey_and_draft_statement():
    """Built once: constructing this statement cost a third of the lookup on every resident request."""
    survey, draft = Questionnaire.__table__, SurveyDraft.__table__
    joined = survey.outerjoin(draft, (draft.c.questionnaire_id == survey.c.id)
                              & (draft.c.submission_id == bindparam("submission_id")))
    return (select(survey.c.id, survey.c.structure_version, draft.c.submission_id, draft.c.raw_answers,
                   draft.c.consent).select_from(joined)
            .where(survey.c.short_code == bindparam("code"), survey.c.kind == "survey"))


SURVEY_AND_DRAFT = _survey_and_draft_statement()


def survey_and_draft(code: str, submission_id: str | None) -> tuple[Survey | None, Draft | None]:
    """The survey's cached structure (surveys.snapshot) and the resident's draft, in one query."""
    row = db.session.execute(SURVEY_AND_DRAFT, {
        "code": code, "submission_id": submission_id if valid_submission_id(submission_id) else ""}).first()
    if row is None:
        return None, None
    survey = snapshot.structure(row.id, row.structure_version)
    draft = Draft(row.submission_id, dict(row.raw_answers or {}), bool(row.consent)) if row.submission_id else None
    return survey, (draft if survey is not None else None)


def availability(survey: Survey | None) -> Availability:
    if survey is None or survey.status == "draft":
        return Availability("unknown", 404)
    if survey.is_open():
        return Availability("open")
    if survey.status == "closed" or (survey.closes_at is not None and utcnow() > survey.closes_at):
        return Availability("closed", 410)
    return Availability("not_open", 404)


def new_submission_id() -> str:
    return secrets.token_urlsafe(24)


@dataclass
class Draft:
    """A snapshot of a draft row: requests racing on the same draft never touch a deleted ORM object."""
    submission_id: str
    raw_answers: dict
    consent: bool


def find_draft(survey: Survey, submission_id: str | None) -> Draft | None:
    if not valid_submission_id(submission_id):
        return None
    row = db.session.execute(db.select(SurveyDraft.submission_id, SurveyDraft.raw_answers, SurveyDraft.consent)
                             .filter_by(submission_id=submission_id, questionnaire_id=survey.id)).first()
    return Draft(row.submission_id, dict(row.raw_answers or {}), bool(row.consent)) if row else None


def submitted_response(survey: Survey, submission_id: str | None) -> Response | None:
    if not valid_submission_id(submission_id):
        return None
    return db.session.execute(db.select(Response).filter_by(
        submission_id=submission_id, questionnaire_id=survey.id)).scalar_one_or_none()


def start_draft(survey: Survey, consent: bool, submission_id: str | None = None,
                existing: Draft | None = None) -> Draft:
    """Begin a draft, or resume `existing` (the draft already found for this submission id) with this consent.

    Old abandoned drafts are swept on the way, at most every DRAFT_SWEEP_INTERVAL per web process.
    """
    if existing is not None:
        db.session.execute(db.update(SurveyDraft).where(SurveyDraft.submission_id == existing.submission_id)
                           .values(consent=consent, updated_at=utcnow()))
        db.session.commit()
        existing.consent = consent
        return existing
    sweep_drafts_now_and_then()
    submission_id = submission_id if valid_submission_id(submission_id) else new_submission_id()
    insert = INSERT_BY_DIALECT[db.engine.dialect.name]  # one statement, no savepoint, even when sent twice
    created = db.session.execute(
        insert(SurveyDraft).values(questionnaire_id=survey.id, submission_id=submission_id, raw_answers={},
                                   consent=consent, updated_at=utcnow())
        .on_conflict_do_nothing(index_elements=["submission_id"])).rowcount
    db.session.commit()
    if not created:  # the same form sent twice at once: the other request created it
        return find_draft(survey, submission_id) or Draft(submission_id, {}, consent)
    return Draft(submission_id, {}, consent)


def merge_raw(draft: Draft, questions: list[Question], raw: dict) -> None:
    """Put what the resident typed on a page, valid or not, into the draft in memory (see write_draft)."""
    answers = dict(draft.raw_answers)
    for question in questions:
        value = raw.get(question.code)
        if isinstance(value, str):
            value = value[:RAW_TEXT_CAP]
        elif isinstance(value, list):
            value = [item[:RAW_TEXT_CAP] for item in value[:50]]
        if value in (None, "", []):
            answers.pop(question.code, None)
        else:
            answers[question.code] = value
    draft.raw_answers = answers


def write_draft(draft: Draft) -> bool:
    """Store the draft, so nothing typed is lost on any path; False when it is gone (submitted meanwhile)."""
    result = db.session.execute(SAVE_DRAFT, {"key": draft.submission_id, "raw_answers": draft.raw_answers,
                                             "updated_at": utcnow()})
    db.session.commit()
    return bool(result.rowcount)


# A Core statement, built once: the ORM's bulk-update path cost more CPU than the UPDATE itself.
SAVE_DRAFT = (SurveyDraft.__table__.update()
              .where(SurveyDraft.__table__.c.submission_id == bindparam("key"))
              .values(raw_answers=bindparam("raw_answers"), updated_at=bindparam("updated_at")))


def submit(survey: Survey, draft: Draft, values: dict, language: str) -> tuple[Response, str | None]:
    """Store the draft's values as a response exactly once and drop the draft in the same transaction.

    Returns the response and, for a new one, its deletion code (only the hash is stored with it); a resend
    returns the stored response and no code.
    """
    transaction_from_here(db.session)
    deletion_code, deletion_code_hash = new_deletion_code()  # the hash goes into the INSERT, not an UPDATE
    response, created = store_response(survey, normalised_values(survey, values),
                                       submission_id=draft.submission_id, channel="online",
                                       language=language, consent=bool(draft.consent),
                                       within_transaction=lambda _response: _delete_draft(draft.submission_id),
                                       new_expected=True, deletion_code_hash=deletion_code_hash)
    if not created:
        _delete_draft(draft.submission_id)
        db.session.commit()
    return response, (deletion_code if created else None)


def _delete_draft(submission_id: str) -> None:
    db.session.execute(db.delete(SurveyDraft).where(SurveyDraft.submission_id == submission_id)
                       .execution_options(synchronize_session=False))


DRAFT_SWEEP_INTERVAL = 300


def sweep_drafts_now_and_then() -> None:
    """Sweep at most every DRAFT_SWEEP_INTERVAL seconds per web process: one DELETE per new draft is waste."""
    now = time.monotonic()
    if now - current_app.extensions.get("drafts_swept_at", float("-inf")) < DRAFT_SWEEP_INTERVAL:
        return
    current_app.extensions["drafts_swept_at"] = now
    sweep_drafts()


def sweep_drafts() -> int:
    """Delete drafts nobody touched for DRAFT_LIFETIME (no personal data is kept longer than needed)."""
    result = db.session.execute(db.delete(SurveyDraft).where(SurveyDraft.updated_at < utcnow() - DRAFT_LIFETIME))
    return result.rowcount or 0

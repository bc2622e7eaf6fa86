"""The resident's path through a survey: pages, drafts, visibility and the final submission.

Plain functions (need an app context, no request) so the rules can be tested on their own.
A page is one section with at least one active question; pages are numbered from 1.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from ..answering import (
    is_visible, normalised_values, parse_question, store_response, valid_submission_id, validate_values,
)
from ..extensions import db
from ..models import Question, Response, Section, Survey, SurveyDraft, utcnow

DRAFT_LIFETIME = timedelta(days=3)
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
    return db.session.execute(db.select(Survey).filter_by(short_code=code)).scalar_one_or_none()


def availability(survey: Survey | None) -> Availability:
    if survey is None or survey.status == "draft":
        return Availability("unknown", 404)
    if survey.is_open():
        return Availability("open")
    if survey.status == "closed" or (survey.closes_at is not None and utcnow() > survey.closes_at):
        return Availability("closed", 410)
    return Availability("not_open", 404)


def pages(survey: Survey) -> list[Section]:
    return [section for section in survey.sections if section.active_questions]


def new_submission_id() -> str:
    return secrets.token_urlsafe(24)


def answer_values(survey: Survey, raw_answers: dict, exclude: set[str] = frozenset()) -> dict:
    """Turn stored raw input into values; invalid input and answers to hidden questions are left out."""
    values: dict = {}
    process = survey.process
    for question in survey.questions:
        if question.archived or question.code in exclude or question.code not in raw_answers:
            continue
        raw = raw_answers[question.code]
        value, error = parse_question(question, process, raw if isinstance(raw, list) else [raw])
        if error is None and value is not None:
            values[question.code] = value
    for question in survey.questions:
        if question.code in values and not is_visible(question, values):
            values.pop(question.code)
    return values


def shown_questions(section: Section, known_values: dict) -> list[Question]:
    """Questions of a page; a question whose condition lies on another page is shown only if it is met.

    Conditions on the same page are decided in the browser (survey.js) or, without JavaScript, by the
    resident reading the note under the question.
    """
    on_page = {q.code for q in section.active_questions}
    shown = []
    for question in section.active_questions:
        condition = question.condition_question
        if condition is not None and condition.code not in on_page and not is_visible(question, known_values):
            continue
        shown.append(question)
    return shown


def neighbour_page(survey: Survey, number: int, step: int, values: dict) -> int | None:
    """The next page (step +1) or previous page (step -1) that has a question to show; None past the end."""
    sections = pages(survey)
    candidate = number + step
    while 1 <= candidate <= len(sections):
        if shown_questions(sections[candidate - 1], values):
            return candidate
        candidate += step
    return None


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


def start_draft(survey: Survey, consent: bool, submission_id: str | None = None) -> Draft:
    """Begin (or, for a known submission id, resume) a draft; old abandoned drafts are swept on the way."""
    draft = find_draft(survey, submission_id)
    if draft is not None:
        db.session.execute(db.update(SurveyDraft).where(SurveyDraft.submission_id == draft.submission_id)
                           .values(consent=consent, updated_at=utcnow()))
        db.session.commit()
        draft.consent = consent
        return draft
    sweep_drafts()
    submission_id = submission_id if valid_submission_id(submission_id) else new_submission_id()
    try:
        with db.session.begin_nested():
            db.session.add(SurveyDraft(questionnaire_id=survey.id, submission_id=submission_id, raw_answers={},
                                       consent=consent))
        db.session.commit()
    except IntegrityError:  # the same form sent twice at once: the other request created it
        db.session.rollback()
        return find_draft(survey, submission_id) or Draft(submission_id, {}, consent)
    return Draft(submission_id, {}, consent)


def save_raw(draft: Draft, questions: list[Question], raw: dict) -> bool:
    """Keep what the resident typed on a page, valid or not, so nothing is lost on any path.

    Returns False when the draft is gone (submitted meanwhile by a parallel request).
    """
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
    result = db.session.execute(db.update(SurveyDraft).where(SurveyDraft.submission_id == draft.submission_id)
                                .values(raw_answers=answers, updated_at=utcnow()))
    db.session.commit()
    return bool(result.rowcount)


def final_errors(survey: Survey, draft: Draft) -> dict:
    """Problems with the whole set of answers (e.g. a required question on a page that was skipped)."""
    values = answer_values(survey, draft.raw_answers)
    errors = validate_values(survey, values)
    raw = draft.raw_answers
    for question in survey.questions:
        if question.code in raw and question.code not in values and is_visible(question, values) \
                and not question.archived:
            entered = raw[question.code]
            _value, error = parse_question(question, survey.process, entered if isinstance(entered, list)
                                           else [entered])
            if error:
                errors[question.code] = error
    return errors


def first_page_with_error(survey: Survey, errors: dict) -> int:
    for number, section in enumerate(pages(survey), start=1):
        if any(q.code in errors for q in section.active_questions):
            return number
    return 1


def submit(survey: Survey, draft: Draft, language: str) -> Response:
    """Store the draft as a response exactly once (a resend returns the stored one) and drop the draft."""
    values = answer_values(survey, draft.raw_answers)
    response, _created = store_response(survey, normalised_values(survey, values),
                                        submission_id=draft.submission_id, channel="online",
                                        language=language, consent=bool(draft.consent))
    db.session.execute(db.delete(SurveyDraft).where(SurveyDraft.submission_id == draft.submission_id))
    db.session.commit()
    return response


def sweep_drafts() -> int:
    """Delete drafts nobody touched for DRAFT_LIFETIME (no personal data is kept longer than needed)."""
    result = db.session.execute(db.delete(SurveyDraft).where(SurveyDraft.updated_at < utcnow() - DRAFT_LIFETIME))
    return result.rowcount or 0

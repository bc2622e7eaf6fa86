"""Answering a survey: start page with language and consent, one page per section, thanks."""
from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from .. import i18n
from ..answering import parse_form, valid_submission_id
from ..extensions import db
from ..forms.public import StartForm
from ..models import Survey
from . import bp
from .common import unavailable_page, use_survey_languages
from .flow import (
    answer_values, availability, final_errors, find_draft, find_survey, first_page_with_error, neighbour_page,
    pages, save_raw, shown_questions, start_draft, submit, submitted_response,
)

DRAFTS_KEY = "survey_drafts"


@bp.route("/")
def index():
    surveys = [s for s in db.session.execute(db.select(Survey).order_by(Survey.id)).scalars() if s.is_open()]
    return render_template("public/index.html", surveys=surveys)


def remembered_submission_id(code: str) -> str | None:
    return (session.get(DRAFTS_KEY) or {}).get(code)


def remember_submission_id(code: str, submission_id: str | None) -> None:
    """The session holds only the submission id per survey; the answers live in the draft."""
    drafts = dict(session.get(DRAFTS_KEY) or {})
    if submission_id:
        drafts[code] = submission_id
    else:
        drafts.pop(code, None)
    session[DRAFTS_KEY] = drafts


def open_survey_or_page(code: str):
    """(survey, language, None) when residents can answer, else (survey, language, friendly page)."""
    survey = find_survey(code)
    language = use_survey_languages(survey if survey is not None and survey.status != "draft" else None)
    state = availability(survey)
    if not state.open:
        return survey, language, unavailable_page(survey, state)
    return survey, language, None


@bp.route("/s/<code>", methods=["GET", "POST"])
def survey_start(code: str):
    survey, language, unavailable = open_survey_or_page(code)
    if unavailable:
        return unavailable
    form = StartForm()
    if not survey.consent_text:
        del form.consent
    draft = find_draft(survey, remembered_submission_id(code))
    if request.method == "GET" and draft is not None and "consent" in form:
        form.consent.data = draft.consent
    if form.validate_on_submit():
        chosen = request.form.get("language")
        if chosen in survey.languages and chosen in i18n.LANGUAGES:
            session["lang"] = language = chosen
        draft = start_draft(survey, consent="consent" in form and bool(form.consent.data),
                            submission_id=remembered_submission_id(code))
        remember_submission_id(code, draft.submission_id)
        first = neighbour_page(survey, 0, 1, answer_values(survey, draft.raw_answers)) or 1
        return redirect(url_for(".survey_page", code=code, number=first, lang=language))
    status = 422 if form.errors else 200
    return render_template("public/start.html", survey=survey, form=form, lang=language, resuming=draft is not None,
                           page_count=len(pages(survey))), status


@bp.route("/s/<code>/<int:number>", methods=["GET", "POST"])
def survey_page(code: str, number: int):
    survey, language, unavailable = open_survey_or_page(code)
    if unavailable:
        return unavailable
    sections = pages(survey)
    if not 1 <= number <= len(sections):
        abort(404)
    if request.method == "GET":
        draft = find_draft(survey, remembered_submission_id(code))
        if draft is None:
            return redirect(url_for(".survey_start", code=code))
        return render_page(survey, draft, number, language)

    submission_id = request.form.get("submission_id")
    if submitted_response(survey, submission_id) is not None:  # back button or resend after submitting
        return redirect(url_for(".survey_thanks", code=code))
    if not valid_submission_id(submission_id):
        return redirect(url_for(".survey_start", code=code))
    draft = find_draft(survey, submission_id) or start_draft(survey, consent=False, submission_id=submission_id)
    remember_submission_id(code, draft.submission_id)

    section = sections[number - 1]
    on_page = {q.code for q in section.active_questions}
    known = answer_values(survey, draft.raw_answers, exclude=on_page)
    questions = shown_questions(section, known)
    parsed = parse_form(questions, survey.process, request.form, known_values=known)
    if not save_raw(draft, questions, parsed.raw):
        if submitted_response(survey, submission_id) is not None:  # a parallel click submitted it
            return redirect(url_for(".survey_thanks", code=code))
        draft = start_draft(survey, consent=draft.consent, submission_id=submission_id)
        save_raw(draft, questions, parsed.raw)

    switch = request.form.get("switch_language")
    if switch:
        if switch in survey.languages and switch in i18n.LANGUAGES:
            session["lang"] = language = switch
        return redirect(url_for(".survey_page", code=code, number=number, lang=language))
    values = answer_values(survey, draft.raw_answers)
    if request.form.get("nav") == "back":
        previous = neighbour_page(survey, number, -1, values)
        if previous is None:
            return redirect(url_for(".survey_start", code=code))
        return redirect(url_for(".survey_page", code=code, number=previous))
    if parsed.errors:
        return render_page(survey, draft, number, language, errors=parsed.errors, status=422)
    following = neighbour_page(survey, number, 1, values)
    if following is not None:
        return redirect(url_for(".survey_page", code=code, number=following))

    errors = final_errors(survey, draft)
    if errors:
        return render_page(survey, draft, first_page_with_error(survey, errors), language, errors=errors,
                           status=422)
    if survey.consent_text and not draft.consent:
        flash(_("Bitte bestätigen Sie zuerst Ihr Einverständnis. Ihre Antworten sind gespeichert."), "error")
        return redirect(url_for(".survey_start", code=code))
    submit(survey, draft, language)
    remember_submission_id(code, None)
    return redirect(url_for(".survey_thanks", code=code))


def render_page(survey, draft, number: int, language: str, errors: dict | None = None, status: int = 200):
    sections = pages(survey)
    section = sections[number - 1]
    on_page = {q.code for q in section.active_questions}
    known = answer_values(survey, draft.raw_answers, exclude=on_page)
    questions = shown_questions(section, known)
    is_last = neighbour_page(survey, number, 1, answer_values(survey, draft.raw_answers)) is None
    page_errors = {code: message for code, message in (errors or {}).items() if code in on_page}
    return render_template("public/page.html", survey=survey, section=section, questions=questions,
                           values=draft.raw_answers, errors=page_errors, number=number,
                           total=len(sections), is_last=is_last, lang=language,
                           submission_id=draft.submission_id), status


@bp.route("/s/<code>/danke")
def survey_thanks(code: str):
    survey = find_survey(code)
    state = availability(survey)
    language = use_survey_languages(survey if state.state != "unknown" else None)
    if state.state == "unknown":
        return unavailable_page(survey, state)
    return render_template("public/thanks.html", survey=survey, lang=language)

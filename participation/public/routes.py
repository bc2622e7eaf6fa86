"""Answering a survey: start page with language and consent, one page per section, thanks."""
from flask import abort, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ..cooperation.instruments import instrument_ids
from ..database import statements_without_transaction
from ..extensions import db
from ..forms.outcomes import SubscribeForm
from ..forms.public import StartForm
from ..languages.i18n import offered_languages
from ..languages.translation_files import resident_languages
from ..models import Survey
from ..outcomes.mail import mail_configured
from ..outcomes.view import rules_view
from ..privacy.flooding import SCOPE_DRAFT, SCOPE_SUBMISSION, check_submission_rate, client_within_limit
from ..surveys.answering import valid_submission_id
from ..surveys.flow import availability, start_draft, submit, submitted_response, survey_and_draft
from ..surveys.progress import SurveyInProgress, survey_pages
from ..surveys.snapshot import survey_for_residents
from . import bp
from .common import unavailable_page, use_survey_languages

DRAFTS_KEY = "survey_drafts"
DELETION_CODES_KEY = "deletion_codes"


@bp.route("/")
def index():
    open_surveys = [s for s in db.session.execute(db.select(Survey).order_by(Survey.id)).scalars() if s.is_open()]
    partners_only = set().union(*(instrument_ids(process_id) for process_id in {s.process_id for s in open_surveys}))
    surveys = [s for s in open_surveys if s.id not in partners_only]   # partners get the partner survey's link
    offers = {survey.id: offered_languages(resident_languages(survey)) for survey in surveys}
    return render_template("public/index.html", surveys=surveys, offers=offers)


def remembered_submission_id(code: str) -> str | None:
    return (session.get(DRAFTS_KEY) or {}).get(code)


def remember_submission_id(code: str, submission_id: str | None) -> None:
    """The session holds only the submission id per survey; the answers live in the draft."""
    remembered = session.get(DRAFTS_KEY) or {}
    drafts = dict(remembered)
    if submission_id:
        drafts[code] = submission_id
    else:
        drafts.pop(code, None)
    if drafts != remembered:  # unchanged: the browser keeps its cookie, nothing is re-signed
        session[DRAFTS_KEY] = drafts


def open_survey_or_page(code: str, submission_id: str | None):
    """(survey, draft, language, None) when residents can answer, else (…, friendly page).

    The survey is the cached, read-only structure (surveys.snapshot); with the draft of `submission_id`
    it costs one query.
    """
    survey, draft = survey_and_draft(code, submission_id)
    language = use_survey_languages(survey if survey is not None and survey.status != "draft" else None)
    state = availability(survey)
    if not state.open:
        return survey, draft, language, unavailable_page(survey, state)
    return survey, draft, language, None


@bp.route("/s/<code>", methods=["GET", "POST"])
def survey_start(code: str):
    statements_without_transaction(db.session)  # a draft is written in one statement
    survey, draft, language, unavailable = open_survey_or_page(code, remembered_submission_id(code))
    if unavailable:
        return unavailable
    form = StartForm()
    if not survey.consent_text:
        del form.consent
    if request.method == "GET" and draft is not None and "consent" in form:
        form.consent.data = draft.consent
    if form.validate_on_submit():
        if draft is None and not client_within_limit(SCOPE_DRAFT, survey):
            abort(429)
        draft = start_draft(survey, consent="consent" in form and bool(form.consent.data),
                            submission_id=remembered_submission_id(code), existing=draft)
        remember_submission_id(code, draft.submission_id)
        first = SurveyInProgress(survey, draft).first_page()
        if g.get("language_notice"):  # keep the resident's own choice for surveys that have their language
            return redirect(url_for(".survey_page", code=code, number=first))
        chosen = request.form.get("language")
        if chosen in resident_languages(survey):
            session["lang"] = language = chosen
        return redirect(url_for(".survey_page", code=code, number=first, lang=language))
    status = 422 if form.errors else 200
    return render_template("public/start.html", survey=survey, form=form, lang=language, resuming=draft is not None,
                           page_count=len(survey_pages(survey)),
                           rules_summary=rules_view(survey.process_id, language)), status


@bp.route("/s/<code>/<int:number>", methods=["GET", "POST"])
def survey_page(code: str, number: int):
    statements_without_transaction(db.session)  # a draft is written in one statement; the submission is not
    submission_id = request.form.get("submission_id") if request.method == "POST" else remembered_submission_id(code)
    survey, draft, language, unavailable = open_survey_or_page(code, submission_id)
    if unavailable:
        return unavailable
    if not 1 <= number <= len(survey_pages(survey)):
        abort(404)
    if request.method == "GET":
        if draft is None:
            return redirect(url_for(".survey_start", code=code))
        return render_page(SurveyInProgress(survey, draft), number, language)

    if not valid_submission_id(submission_id):
        return redirect(url_for(".survey_start", code=code))
    if draft is None:  # a submission drops its draft in the same transaction
        if submitted_response(survey, submission_id) is not None:  # back button or resend after submitting
            return redirect(url_for(".survey_thanks", code=code))
        if not client_within_limit(SCOPE_DRAFT, survey):
            abort(429)
        draft = start_draft(survey, consent=False, submission_id=submission_id)
    remember_submission_id(code, draft.submission_id)
    progress = SurveyInProgress(survey, draft)
    parsed = progress.take_page(number, request.form)
    switch = request.form.get("switch_language")
    finishing = not switch and request.form.get("nav") != "back" and progress.complete(number, parsed)
    if finishing and within_submission_limits(survey):  # the draft is dropped anyway: no need to store it first
        return submit_and_thank(code, survey, progress, language)
    if not progress.keep():
        if submitted_response(survey, submission_id) is not None:  # a parallel click submitted it
            return redirect(url_for(".survey_thanks", code=code))
        progress.restart_with(start_draft(survey, consent=draft.consent, submission_id=submission_id))
        parsed = progress.take_page(number, request.form)
        progress.keep()

    if finishing:
        return refused_for_now(progress, number, language)
    if switch:
        if switch in resident_languages(survey):
            session["lang"] = language = switch
        return redirect(url_for(".survey_page", code=code, number=number, lang=language))
    if request.form.get("nav") == "back":
        previous = progress.neighbour(number, -1)
        if previous is None:
            return redirect(url_for(".survey_start", code=code))
        return redirect(url_for(".survey_page", code=code, number=previous))
    if parsed is not None and parsed.errors:
        return render_page(progress, number, language, errors=parsed.errors, status=422)
    following = progress.neighbour(number, 1)
    if following is not None:
        return redirect(url_for(".survey_page", code=code, number=following))

    errors = progress.final_errors()
    if errors:
        return render_page(progress, progress.first_page_with_error(errors), language, errors=errors, status=422)
    if survey.consent_text and not progress.draft.consent:
        flash(_("Bitte bestätigen Sie zuerst Ihr Einverständnis. Ihre Antworten sind gespeichert."), "error")
        return redirect(url_for(".survey_start", code=code))
    if within_submission_limits(survey):  # complete only after a parallel request had dropped the draft
        return submit_and_thank(code, survey, progress, language)
    return refused_for_now(progress, number, language)


def within_submission_limits(survey) -> bool:
    return client_within_limit(SCOPE_SUBMISSION, survey) and check_submission_rate(survey)


def refused_for_now(progress: SurveyInProgress, number: int, language: str):
    flash(_("Gerade kommen sehr viele Antworten auf einmal an. Ihre Antworten sind gespeichert – "
            "bitte senden Sie sie später noch einmal ab."), "error")
    return render_page(progress, number, language, status=429)


def submit_and_thank(code: str, survey, progress: SurveyInProgress, language: str):
    _response, deletion_code = submit(survey, progress.draft, progress.values(), language)
    remember_submission_id(code, None)
    remember_deletion_code(code, deletion_code)
    return redirect(url_for(".survey_thanks", code=code))


def remember_deletion_code(code: str, deletion_code: str | None) -> None:
    """Kept in the (signed, HttpOnly) session only until the thank-you page shows it once."""
    if deletion_code:
        session[DELETION_CODES_KEY] = {**(session.get(DELETION_CODES_KEY) or {}), code: deletion_code}


def take_deletion_code(code: str) -> str | None:
    codes = dict(session.get(DELETION_CODES_KEY) or {})
    deletion_code = codes.pop(code, None)
    if deletion_code:
        session[DELETION_CODES_KEY] = codes
    return deletion_code


def render_page(progress: SurveyInProgress, number: int, language: str, errors: dict | None = None,
                status: int = 200):
    on_page = progress.codes_on(number)
    page_errors = {code: message for code, message in (errors or {}).items() if code in on_page}
    return render_template("public/page.html", survey=progress.survey, section=progress.section(number),
                           questions=progress.questions_on(number), values=progress.draft.raw_answers,
                           errors=page_errors, number=number, total=progress.page_count,
                           is_last=progress.is_last(number), lang=language,
                           submission_id=progress.draft.submission_id), status


@bp.route("/s/<code>/danke")
def survey_thanks(code: str):
    statements_without_transaction(db.session)
    survey = survey_for_residents(code)
    state = availability(survey)
    language = use_survey_languages(survey if state.state != "unknown" else None)
    if state.state == "unknown":
        return unavailable_page(survey, state)
    return render_template("public/thanks.html", survey=survey, lang=language,
                           deletion_code=take_deletion_code(code),
                           subscribe_form=SubscribeForm() if mail_configured() else None)

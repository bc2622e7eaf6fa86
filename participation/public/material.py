"""Material around a survey: public results, QR code, printable flyer and paper version, paper data entry."""
import io

import segno
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import audit
from ..extensions import db
from ..forms.public import PaperEntryForm
from ..languages import i18n
from ..languages.translation_files import resident_languages
from ..links import absolute_url
from ..models import Response
from ..surveys.answering import normalised_values, parse_form, store_response, valid_submission_id
from ..surveys.flow import Availability, availability, find_survey, new_submission_id
from ..outcomes.view import rules_view
from ..surveys.results import survey_results
from . import bp
from .common import short_url, unavailable_page, use_survey_languages


def shown_survey(code: str):
    """A survey whose material is public (anything but a draft; planners of its process see drafts too)."""
    survey = find_survey(code)
    visible = survey is not None and (survey.status != "draft" or (
        current_user.is_authenticated and current_user.can_plan(survey.process)))
    language = use_survey_languages(survey if visible else None)
    return (survey if visible else None), language


@bp.route("/s/<code>/ergebnisse", endpoint="survey_results")
def survey_results_page(code: str):
    survey, language = shown_survey(code)
    if survey is None:
        return unavailable_page(None, availability(None))
    if not survey.results_published:
        return unavailable_page(survey, Availability("results_unpublished", 404))
    return render_template("public/results.html", survey=survey, lang=language,
                           results=survey_results(survey, language), rules=rules_view(survey.process_id, language))


QR_FORMATS = {  # kind: (segno options, content type)
    "svg": ({"scale": 8, "border": 4}, "image/svg+xml"),
    "png": ({"scale": 12, "border": 4}, "image/png"),
}


def qr_response(link: str, code: str, kind: str):
    """A short link as a QR code, as SVG (print, flyer) or PNG (office documents); surveys and rounds alike."""
    options, content_type = QR_FORMATS[kind]
    if kind == "svg":
        options = {**options, "title": link}
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind=kind, **options)
    return buffer.getvalue(), 200, {"Content-Type": content_type, "Cache-Control": "public, max-age=3600",
                                    "Content-Disposition": f'inline; filename="qr-{code}.{kind}"'}


@bp.route("/s/<code>/qr.<any(svg, png):kind>")
def survey_qr(code: str, kind: str):
    """The survey's short link as a QR code."""
    survey, _language = shown_survey(code)
    if survey is None:
        abort(404)
    return qr_response(short_url(survey), survey.short_code, kind)


def flyer_blocks(obj, language_codes: list[str], texts) -> list[dict]:
    """The invitation in every language residents are offered, each rendered with that language's catalogue.

    `texts()` returns the block's sentences; it is called inside the language's locale.
    """
    blocks = []
    for language in i18n.offered_languages(language_codes):
        title, fell_back = obj.text_with_fallback("title", language.code)
        with force_locale(language.ui_locale):
            blocks.append({"language": language, "title": title, "title_fell_back": fell_back, **texts()})
    return blocks


def scan_hint() -> str:
    """How to reach the page from paper; the same sentence on every flyer."""
    return _("Scannen Sie den QR-Code mit dem Handy oder geben Sie diesen Link ein:")


def _survey_invitation() -> dict:
    return {"invitation": _("Ihre Meinung zählt! Machen Sie mit – ohne Anmeldung, in wenigen Minuten."),
            "how": scan_hint()}


@bp.route("/s/<code>/flyer")
def survey_flyer(code: str):
    survey, language = shown_survey(code)
    if survey is None:
        return unavailable_page(None, availability(None))
    link = short_url(survey)
    return render_template("public/flyer.html", lang=language, link=link, title=survey.translated("title", language),
                           qr_svg=url_for("public.survey_qr", code=survey.short_code, kind="svg"),
                           qr_png=url_for("public.survey_qr", code=survey.short_code, kind="png"),
                           qr_alt=_("QR-Code mit dem Link zur Umfrage: %(link)s", link=link),
                           blocks=flyer_blocks(survey, resident_languages(survey), _survey_invitation),
                           outcome_link=absolute_url("public.survey_outcome", code=survey.short_code))


@bp.route("/s/<code>/druck")
def survey_print(code: str):
    survey, language = shown_survey(code)
    if survey is None:
        return unavailable_page(None, availability(None))
    return render_template("public/print.html", survey=survey, lang=language, link=short_url(survey))


def may_enter_paper(survey) -> bool:
    """Planners of the process, and multipliers the survey is assigned to."""
    if current_user.can_plan(survey.process):
        return True
    return current_user.role == "multiplier" and survey in current_user.assigned_questionnaires


@bp.route("/s/<code>/papier", methods=["GET", "POST"])
@login_required
def paper_entry(code: str):
    survey = find_survey(code)
    if survey is None:
        abort(404)
    if not may_enter_paper(survey):
        abort(403)
    g.content_language = i18n.select_content_language()
    form = PaperEntryForm()
    form.language.choices = [(lang.code, lang.native_name) for lang in i18n.offered_languages(survey.languages)]
    if not survey.consent_text:
        del form.consent
    questions = [q for q in survey.questions if not q.archived]
    parsed = None
    if request.method == "POST":
        # A sheet is entered as it was filled in: too many ticks are a warning to check, not a refusal.
        parsed = parse_form(questions, survey.process, request.form, enforce_limits=False)
        form_ok = form.validate_on_submit()
        confirmed = not parsed.warnings or request.form.get("confirm_limits") == "yes"
        if form_ok and not parsed.errors and confirmed and valid_submission_id(form.submission_id.data):
            return store_paper_response(survey, form, parsed.values)
    else:
        form.submission_id.data = new_submission_id()
        form.language.data = survey.languages[0] if survey.languages else "de"
    if not valid_submission_id(form.submission_id.data):
        form.submission_id.data = new_submission_id()
    count = db.session.execute(db.select(db.func.count(Response.id)).filter_by(
        questionnaire_id=survey.id, channel="paper")).scalar_one()
    errors = parsed.errors if parsed else {}
    warnings = parsed.warnings if parsed else {}
    status = 422 if (errors or form.errors or warnings) else 200
    return render_template("public/paper_entry.html", survey=survey, form=form, questions=questions,
                           values=parsed.raw if parsed else {}, errors=errors, warnings=warnings,
                           paper_count=count, lang=g.content_language), status


def store_paper_response(survey, form, values):
    language = form.language.data if form.language.data in survey.languages else "de"
    response, created = store_response(survey, normalised_values(survey, values, enforce_limits=False),
                                       submission_id=form.submission_id.data, channel="paper", language=language,
                                       consent="consent" in form and bool(form.consent.data),
                                       recorded_by=current_user._get_current_object())
    if created:
        audit.record("paper_response_entered", response, questionnaire_id=survey.id)
        db.session.commit()
        flash(_("Gespeichert. Sie können den nächsten Papierbogen eingeben."), "success")
    else:
        flash(_("Dieser Papierbogen war schon gespeichert; er wurde nicht doppelt erfasst."), "warning")
    return redirect(url_for(".paper_entry", code=survey.short_code))

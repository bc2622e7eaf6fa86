""""Was ist daraus geworden?": the public page per process, its print version, the open-data JSON, and
residents' addresses for one mail when decisions are published."""
from flask import abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..cooperation.records import public_decisions
from ..extensions import db
from ..forms.builder import ActionForm
from ..forms.outcomes import SubscribeForm
from ..languages import i18n
from ..languages.translation_files import resident_languages
from ..links import absolute_url
from ..models import PriorityRound, Process
from ..outcomes import hearing
from ..outcomes.labels import STAGE_LABELS, STAGE_MEANINGS
from ..outcomes.mail import mail_configured
from ..outcomes.view import as_json, is_public, outcome, process_languages
from ..privacy.flooding import SCOPE_SUBSCRIPTION, client_within_limit
from ..surveys.flow import Availability, availability, find_survey
from ..surveys.snapshot import survey_for_residents
from . import bp
from .common import unavailable_page, use_survey_languages

bp.add_app_template_global(STAGE_LABELS, "STAGE_LABELS")
bp.add_app_template_global(STAGE_MEANINGS, "STAGE_MEANINGS")


def public_process(process_id: int) -> Process | None:
    process = db.session.get(Process, process_id)
    return process if is_public(process) else None


def _page(process_id: int, template: str):
    process = public_process(process_id)
    if process is None:
        i18n.offer_languages(None)
        return unavailable_page(None, availability(None))
    language = i18n.offer_languages(process_languages(process)).code
    return render_template(template, process=process, lang=language, view=outcome(process, language),
                           link=absolute_url("public.process_outcome", process_id=process.id),
                           ranked_rounds=published_rankings(process),
                           committee_decisions=public_decisions(process))


def published_rankings(process: Process) -> list[PriorityRound]:
    """Prioritisation rounds whose ranking planners published: residents find them beside the decisions."""
    return db.session.execute(
        db.select(PriorityRound).filter_by(process_id=process.id, results_published=True)
        .order_by(PriorityRound.id)).scalars().all()


@bp.route("/prozess/<int:process_id>/was-daraus-wurde", endpoint="process_outcome")
def process_outcome_page(process_id: int):
    return _page(process_id, "public/outcome.html")


@bp.route("/prozess/<int:process_id>/was-daraus-wurde/druck", endpoint="process_outcome_print")
def process_outcome_print(process_id: int):
    return _page(process_id, "public/outcome_print.html")


def _json_language(offered: list[str]):
    """The language a data portal asked for with ?lang= (German without it), or an error response."""
    requested = request.args.get("lang") or "de"
    if requested not in offered:
        return None, (jsonify(error="language_not_offered", languages=offered), 400)
    return requested, None


def _json_response(view, page_url: str):
    with force_locale(i18n.language(view.language).ui_locale):
        document = as_json(view, current_app.config.get("OPEN_DATA_LICENSE") or "dl-de/by-2-0", page_url)
    response = jsonify(document)
    response.headers["Access-Control-Allow-Origin"] = "*"   # public open data, no cookies involved
    return response


@bp.route("/prozess/<int:process_id>/ergebnisse.json", endpoint="process_outcome_json")
def process_outcome_json(process_id: int):
    process = public_process(process_id)
    if process is None:
        return jsonify(error="not_found"), 404
    language, error = _json_language(process_languages(process))
    if error:
        return error
    return _json_response(outcome(process, language),
                          absolute_url("public.process_outcome", process_id=process.id, lang=language))


@bp.route("/s/<code>/ergebnisse.json", endpoint="survey_results_json")
def survey_results_json(code: str):
    survey = find_survey(code)
    if survey is None or survey.status == "draft":
        return jsonify(error="not_found"), 404
    if not survey.results_published:
        return jsonify(error="results_unpublished"), 404
    language, error = _json_language(resident_languages(survey))
    if error:
        return error
    return _json_response(outcome(survey.process, language, survey=survey),
                          absolute_url("public.process_outcome", process_id=survey.process_id, lang=language))


@bp.route("/s/<code>/was-daraus-wurde")
def survey_outcome(code: str):
    """The short link printed on flyers: the process page in the language the resident reads."""
    survey = survey_for_residents(code)
    if survey is None or survey.status == "draft":
        abort(404)
    return redirect(url_for(".process_outcome", process_id=survey.process_id, lang=request.args.get("lang")))


# --- hearing back ------------------------------------------------------------------------------

@bp.route("/s/<code>/benachrichtigen", methods=["POST"])
def subscribe(code: str):
    survey = survey_for_residents(code)
    state = availability(survey)
    language = use_survey_languages(survey if state.state != "unknown" else None)
    if state.state == "unknown" or not mail_configured():
        return unavailable_page(survey, Availability("unknown", 404))
    form = SubscribeForm()
    if not form.validate_on_submit():
        return render_template("public/thanks.html", survey=survey, lang=language, deletion_code=None,
                               subscribe_form=form), 422
    if not client_within_limit(SCOPE_SUBSCRIPTION, survey):
        abort(429)
    hearing.subscribe(db.session.get(Process, survey.process_id), form.email.data, language)
    flash(_("Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie darin Ihre Adresse."),
          "success")
    return redirect(url_for(".survey_thanks", code=code, _anchor="hearing-back"))


def _subscription_page(token: str, action: str):
    subscription = hearing.find(token)
    i18n.offer_languages([subscription.language] if subscription is not None else None)
    if subscription is None:
        return render_template("public/subscription.html", subscription=None, action=action,
                               form=ActionForm(), lang=g.content_language), 404
    form = ActionForm()
    if form.validate_on_submit():
        process_id = subscription.process_id
        if action == "confirm":
            hearing.confirm(subscription)
        else:
            hearing.unsubscribe(subscription)
        return render_template("public/subscription.html", subscription=None, done=action, action=action,
                               process_id=process_id, form=form, lang=g.content_language)
    return render_template("public/subscription.html", subscription=subscription, action=action, form=form,
                           lang=g.content_language)


@bp.route("/benachrichtigung/<token>/bestaetigen", methods=["GET", "POST"], endpoint="subscription_confirm")
def subscription_confirm(token: str):
    """A link in a mail only shows a button: mail scanners that open links change nothing."""
    return _subscription_page(token, "confirm")


@bp.route("/benachrichtigung/<token>/loeschen", methods=["GET", "POST"], endpoint="subscription_delete")
def subscription_delete(token: str):
    return _subscription_page(token, "delete")

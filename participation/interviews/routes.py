import secrets

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from ..auth.access import role_required
from ..extensions import db
from ..fieldwork.records import (
    INTERVIEW_LANGUAGES,
    composition_dimensions,
    may_record,
    may_view,
    record_from_form,
    record_type_of,
    submit_form_record,
    usable_questionnaires,
)
from ..fieldwork.guides import guide_texts_missing
from ..languages.i18n import LANGUAGES, current_language, language as language_info
from ..models import PriorityRound, Questionnaire, Response
from ..planning.priorities import conference_entry, conference_session_delete, conference_session_edit, load_session
from ..priorities.rounds import conference_rounds, may_enter_conference_dots
from ..privacy.masking import mask_personal_data
from ..surveys.answering import valid_submission_id
from . import bp

RECORDING_ROLES = ("multiplier", "planner", "admin")
# The service worker's cache; a new name drops pages kept by an older version (and the ids they carried).
OFFLINE_CACHE = "interviews-v3"


@bp.route("/")
@role_required(*RECORDING_ROLES)
def index():
    """A multiplier sees only the records they made themselves, and the guides assigned to them.

    `?offline=1` is the copy the device keeps for use without a network: the same page without the records.
    """
    records = None if request.args.get("offline") == "1" else db.session.execute(
        db.select(Response).where(Response.recorded_by_id == current_user.id)
        .order_by(Response.created_at.desc())).scalars().all()
    return render_template("interviews/index.html", records=records,
                           questionnaires=usable_questionnaires(current_user), record_type_of=record_type_of,
                           priority_rounds=conference_rounds(current_user))


@bp.route("/questionnaires/<int:questionnaire_id>/record", methods=["GET", "POST"])
@role_required(*RECORDING_ROLES)
def record(questionnaire_id: int):
    """Interview mode (surveys, interview guides) or a focus-group session record (focus-group guides).

    The guide is shown in the interview's language (`?language=`, or the form's choice), the interface in
    the multiplier's own. "Switch language" re-renders the form with what was typed, without saving.
    """
    questionnaire = db.session.get(Questionnaire, questionnaire_id)
    if not may_record(current_user, questionnaire):
        abort(404)
    record_type = record_type_of(questionnaire)
    errors, raw = {}, {}
    if request.method == "POST" and request.form.get("switch_language"):
        raw = request.form
    elif request.method == "POST":
        result = submit_form_record(current_user._get_current_object(), record_from_form(questionnaire, request.form))
        if result.status == "stored":
            flash(_("Gespeichert. Vielen Dank!"), "success")
            return redirect(url_for("interviews.index"))
        if result.status == "duplicate":
            flash(_("Dieser Eintrag war schon gespeichert; er wurde nicht doppelt angelegt."), "success")
            return redirect(url_for("interviews.index"))
        errors, raw = result.errors, request.form
    client_id = raw.get("client_id") if raw and valid_submission_id(raw.get("client_id")) else secrets.token_hex(16)
    language = interview_language(raw.get("language") if raw else None)
    template = "interviews/session.html" if record_type == "focus_group" else "interviews/interview.html"
    return render_template(template, guide=questionnaire, process=questionnaire.process, errors=errors,
                           form_values=raw or MultiDict({"language": language}), client_id=client_id,
                           lang=language, language_choices=interview_language_choices(),
                           district_choices=[(name, name) for name in questionnaire.process.districts or []],
                           group_choices=[(name, name) for name in questionnaire.process.target_groups or []],
                           dimensions=composition_dimensions(questionnaire.process)), (422 if errors else 200)


def interview_language(posted: str | None = None) -> str:
    """The form's choice, else `?language=`, else the interface language when interviews may use it."""
    for code in (posted, request.args.get("language"), current_language().code):
        if code in INTERVIEW_LANGUAGES:
            return code
    return "de"


def interview_language_choices() -> list[tuple[str, str]]:
    return [(code, LANGUAGES[code].native_name) for code in INTERVIEW_LANGUAGES]


def offline_urls(questionnaire: Questionnaire) -> list[str]:
    """The record form in every interview language: kept on the device after login (see offline.js)."""
    base = url_for("interviews.record", questionnaire_id=questionnaire.id)
    return [base] + [url_for("interviews.record", questionnaire_id=questionnaire.id, language=code)
                     for code in INTERVIEW_LANGUAGES]


@bp.context_processor
def offline_context():
    return {"offline_urls": offline_urls, "offline_cache": OFFLINE_CACHE}


@bp.route("/priorities/<int:round_id>/conference", methods=["GET", "POST"])
@role_required(*RECORDING_ROLES)
def priority_conference(round_id: int):
    """The moderator of a conference or district session enters its dot counts afterwards."""
    priority_round = db.session.get(PriorityRound, round_id)
    if not may_enter_conference_dots(current_user, priority_round):
        abort(404)
    return conference_entry(priority_round, done_url=url_for("interviews.index"),
                            for_planners=current_user.can_plan(priority_round.process))


def _moderated_round(round_id: int) -> PriorityRound:
    priority_round = db.session.get(PriorityRound, round_id)
    if priority_round is None or priority_round.process not in current_user.processes and \
            not current_user.can_plan(priority_round.process):
        abort(404)
    return priority_round


@bp.route("/priorities/<int:round_id>/conference/<int:submission_id>", methods=["GET", "POST"])
@role_required(*RECORDING_ROLES)
def priority_conference_session(round_id: int, submission_id: int):
    """The moderator corrects a session they entered, while the round is open and unpublished."""
    priority_round = _moderated_round(round_id)
    return conference_session_edit(priority_round, load_session(priority_round, submission_id),
                                   done_url=url_for("interviews.priority_conference", round_id=round_id),
                                   for_planners=current_user.can_plan(priority_round.process))


@bp.route("/priorities/<int:round_id>/conference/<int:submission_id>/delete", methods=["GET", "POST"])
@role_required(*RECORDING_ROLES)
def priority_conference_session_delete(round_id: int, submission_id: int):
    priority_round = _moderated_round(round_id)
    return conference_session_delete(priority_round, load_session(priority_round, submission_id),
                                     done_url=url_for("interviews.priority_conference", round_id=round_id),
                                     for_planners=current_user.can_plan(priority_round.process))


@bp.route("/records/<int:response_id>")
@role_required(*RECORDING_ROLES)
def show_record(response_id: int):
    """One interview or session; others' records are not found (ids are not a way in)."""
    response = db.session.get(Response, response_id)
    if not may_view(current_user, response):
        abort(404)
    own = response.recorded_by_id == current_user.id
    return render_template("interviews/record.html", record=response,
                           show_text=(lambda text: text) if own else mask_personal_data)


def offline_list_page() -> str:
    return url_for("interviews.index", offline=1)


@bp.route("/sw.js")
def service_worker():
    """The service worker, served under /interviews/ so its scope covers the interview pages."""
    assets = [offline_list_page(), url_for("static", filename="css/app.css"),
              url_for("static", filename="js/offline.js")]
    body = render_template("interviews/sw.js", assets=assets, scope=url_for("interviews.index"), cache=OFFLINE_CACHE,
                           shell=offline_list_page(), forms_path=url_for("interviews.index") + "questionnaires/",
                           static_path=url_for("static", filename=""))
    return body, 200, {"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache",
                       "Service-Worker-Allowed": url_for("interviews.index")}


bp.add_app_template_global(language_info, "language_info")  # name and direction of a guide text's language
bp.add_app_template_global(guide_texts_missing, "guide_texts_missing")

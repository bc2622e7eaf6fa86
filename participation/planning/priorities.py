"""Prioritisation rounds for planners: settings, items, conference dots, results and dot-voting posters."""
import secrets

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..auth.access import role_required
from ..extensions import db
from ..fieldwork.records import composition_dimensions
from ..forms.priorities import DeleteForm, ItemsForm, ItemTextForm, PointsForm, RoundForm, TranslationForm
from ..languages import i18n
from ..models import PriorityItem, PriorityRound, PrioritySubmission
from ..priorities import points as priority_points
from ..priorities.results import round_results
from ..priorities.rounds import (
    candidate_keys,
    conference_sessions,
    delete_round,
    example_quote,
    first_quote_id,
    item_key,
    may_change_session,
    round_counts,
    rounds_of,
    set_items,
)
from ..surveys.answering import clean_text
from ..surveys.builder import local_day_bounds
from . import bp
from .builder_routes import _local_date
from .loading import load_process

PREFIX = "/processes/<int:process_id>/priorities"


def load_round(process_id: int, round_id: int) -> PriorityRound:
    process = load_process(process_id)
    priority_round = db.session.get(PriorityRound, round_id)
    if priority_round is None or priority_round.process_id != process.id:
        abort(404)
    return priority_round


def round_url(priority_round: PriorityRound, endpoint: str = "planning.priority_round") -> str:
    return url_for(endpoint, process_id=priority_round.process_id, round_id=priority_round.id)


def _round_form(process, priority_round=None) -> RoundForm:
    form = RoundForm(obj=priority_round)
    form.languages.choices = [(lang.code, lang.native_name)
                              for lang in i18n.offered_languages(process.languages or ["de"])]
    if request.method == "GET":
        form.languages.data = list(priority_round.languages if priority_round else ["de"])
        if priority_round is not None:
            form.opens_at.data = _local_date(priority_round.opens_at)
            form.closes_at.data = _local_date(priority_round.closes_at)
    return form


def _apply_round_form(form: RoundForm, priority_round: PriorityRound) -> dict:
    """Copy the settings and return what changed, for the audit log."""
    zone = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    values = {"title": form.title.data.strip(), "intro": (form.intro.data or "").strip(),
              "points_per_person": form.points_per_person.data, "max_points_per_item": form.max_points_per_item.data,
              "include_themes": bool(form.include_themes.data), "include_measures": bool(form.include_measures.data),
              "languages": list(form.languages.data), "status": form.status.data,
              "results_published": bool(form.results_published.data),
              "opens_at": local_day_bounds(form.opens_at.data, zone),
              "closes_at": local_day_bounds(form.closes_at.data, zone, end=True)}
    changes = {name: str(value) for name, value in values.items() if getattr(priority_round, name, None) != value}
    for name, value in values.items():
        setattr(priority_round, name, value)
    return changes


@bp.route(PREFIX, methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_rounds(process_id: int):
    process = load_process(process_id)
    form = _round_form(process)
    if form.validate_on_submit():
        priority_round = PriorityRound(process_id=process.id)
        _apply_round_form(form, priority_round)
        db.session.add(priority_round)
        db.session.flush()
        audit.record("priority_round_created", priority_round)
        db.session.commit()
        flash(_("Die Runde ist angelegt. Wählen Sie jetzt die Einträge."), "success")
        return redirect(round_url(priority_round, "planning.priority_items"))
    return render_template("planning/priorities/rounds.html", process=process, rounds=rounds_of(process),
                           form=form), 422 if form.errors else 200


@bp.route(PREFIX + "/<int:round_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_round(process_id: int, round_id: int):
    priority_round = load_round(process_id, round_id)
    form = _round_form(priority_round.process, priority_round)
    if form.validate_on_submit():
        changes = _apply_round_form(form, priority_round)
        if changes:
            audit.record("priority_round_updated", priority_round, changes=changes)
        db.session.commit()
        flash(_("Die Einstellungen wurden gespeichert."), "success")
        return redirect(round_url(priority_round))
    translations = [i18n.LANGUAGES[code] for code in priority_round.languages
                    if code != "de" and code in i18n.LANGUAGES]
    return render_template("planning/priorities/round.html", process=priority_round.process,
                           priority_round=priority_round, form=form, translations=translations), \
        422 if form.errors else 200


@bp.route(PREFIX + "/<int:round_id>/items", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_items(process_id: int, round_id: int):
    priority_round = load_round(process_id, round_id)
    form = ItemsForm()
    candidates = candidate_keys(priority_round)
    labels = {"theme": _("Thema"), "measure": _("Maßnahme")}
    form.items.choices = [(f"{kind}:{object_id}", f"{labels[kind]}: {title}") for kind, object_id, title in candidates]
    if request.method == "GET":
        form.items.data = [item_key(item) for item in priority_round.items]
    if form.validate_on_submit():
        added, removed = set_items(priority_round, form.items.data or [])
        if added or removed:
            audit.record("priority_items_changed", priority_round, added=added, removed=removed)
        db.session.commit()
        flash(_("Die Einträge wurden gespeichert."), "success")
        return redirect(round_url(priority_round, "planning.priority_items"))
    return render_template("planning/priorities/items.html", process=priority_round.process,
                           priority_round=priority_round, form=form, quote=example_quote), 422 if form.errors else 200


@bp.route(PREFIX + "/<int:round_id>/items/<int:item_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_item(process_id: int, round_id: int, item_id: int):
    priority_round = load_round(process_id, round_id)
    item = db.session.get(PriorityItem, item_id)
    if item is None or item.round_id != priority_round.id:
        abort(404)
    form = ItemTextForm(obj=item)
    if request.method == "GET":
        form.show_quote.data = item.quote_answer_id is not None
    if form.validate_on_submit():
        item.title = form.title.data.strip()
        item.description = (form.description.data or "").strip()
        if not form.show_quote.data:
            item.quote_answer_id = None
        elif item.quote_answer_id is None and item.theme_id:
            item.quote_answer_id = first_quote_id(priority_round.process, item.theme_id)
        audit.record("priority_item_updated", item, round_id=priority_round.id)
        db.session.commit()
        flash(_("Der Eintrag wurde gespeichert."), "success")
        return redirect(round_url(priority_round, "planning.priority_items"))
    return render_template("planning/priorities/item.html", process=priority_round.process,
                           priority_round=priority_round, item=item, form=form,
                           quote=example_quote(item)), 422 if form.errors else 200


@bp.route(PREFIX + "/<int:round_id>/conference", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_conference(process_id: int, round_id: int):
    priority_round = load_round(process_id, round_id)
    return conference_entry(priority_round, done_url=round_url(priority_round, "planning.priority_results"))


def conference_entry(priority_round: PriorityRound, done_url: str, for_planners: bool = True):
    """Dot counts of one conference session, with its size and composition (counts, not names).

    Planners and the multipliers of the process who moderated the session use the same page.
    """
    form = PointsForm()
    checked = priority_points.CheckedPoints()
    if form.validate_on_submit():   # the form token is checked app-wide (CSRFProtect)
        checked = priority_points.check_conference(priority_round, request.form)
        if not checked.errors and priority_points.valid_submission_id(form.submission_id.data):
            submission, created = priority_points.store(priority_round, checked, submission_id=form.submission_id.data,
                                                        channel="conference", recorded_by=current_user)
            if created:
                audit.record("priority_conference_entered", priority_round, submission=submission.id,
                             participants=submission.participant_count, dots=checked.total)
                db.session.commit()
            flash(_("Die Punkte der Sitzung sind gespeichert."), "success")
            return redirect(done_url)
    form.submission_id.data = form.submission_id.data or secrets.token_urlsafe(24)
    return _conference_page(priority_round, form, checked, for_planners)


def _conference_page(priority_round: PriorityRound, form, checked, for_planners: bool, submission=None):
    """The entry form (new or one session to edit); below a new entry the sessions entered so far."""
    sessions = [] if submission is not None else conference_sessions(current_user, priority_round)
    return render_template("planning/priorities/conference.html", process=priority_round.process,
                           priority_round=priority_round, form=form, checked=checked, for_planners=for_planners,
                           error_items=priority_points.error_items, submission=submission, sessions=sessions,
                           may_change=lambda entry: may_change_session(current_user, entry), session_url=session_url,
                           dimensions=composition_dimensions(priority_round.process)), 422 if checked.errors else 200


# --- one conference session: correct or remove -----------------------------------------------------

def session_url(submission: PrioritySubmission, action: str = "edit") -> str:
    """Edit and delete links stay on the side (planning or interviews) the user came from."""
    endpoint = "priority_conference_session" + ("" if action == "edit" else "_delete")
    if request.blueprint == "planning":
        return url_for(f"planning.{endpoint}", process_id=submission.process_id, round_id=submission.round_id,
                       submission_id=submission.id)
    return url_for(f"interviews.{endpoint}", round_id=submission.round_id, submission_id=submission.id)


def load_session(priority_round: PriorityRound, submission_id: int) -> PrioritySubmission:
    """A conference session of this round the user may change: others' sessions are not found, the
    moderator's own session of a closed or published round is refused."""
    submission = db.session.get(PrioritySubmission, submission_id)
    if submission is None or submission.round_id != priority_round.id or submission.channel != "conference":
        abort(404)
    if not may_change_session(current_user, submission):
        abort(403 if submission.recorded_by_id == current_user.id else 404)
    return submission


def conference_session_edit(priority_round: PriorityRound, submission: PrioritySubmission, done_url: str,
                            for_planners: bool = True):
    """The entry form filled with the stored session; the same checks (and budget) as a new entry."""
    form = PointsForm()
    checked = priority_points.session_values(submission)
    if form.validate_on_submit():
        checked = priority_points.check_conference(priority_round, request.form)
        if not checked.errors:
            changes = priority_points.update_session(submission, checked)
            audit.record("priority_conference_updated", priority_round, submission=submission.id, **changes)
            db.session.commit()
            flash(_("Die Änderungen an der Sitzung sind gespeichert."), "success")
            return redirect(done_url)
    return _conference_page(priority_round, form, checked, for_planners, submission=submission)


def conference_session_delete(priority_round: PriorityRound, submission: PrioritySubmission, done_url: str,
                              for_planners: bool = True):
    """Ask first, then delete the session with its dots on POST."""
    form = DeleteForm()
    if form.validate_on_submit():
        audit.record("priority_conference_deleted", priority_round, submission=submission.id,
                     held_on=str(submission.held_on), place=submission.place,
                     participants=submission.participant_count, dots=sum(p.points for p in submission.points))
        db.session.delete(submission)
        db.session.commit()
        flash(_("Die Sitzung wurde gelöscht."), "success")
        return redirect(done_url)
    return render_template("planning/priorities/session_delete.html", process=priority_round.process,
                           priority_round=priority_round, submission=submission, form=form,
                           for_planners=for_planners, back_url=done_url)


@bp.route(PREFIX + "/<int:round_id>/conference/<int:submission_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_conference_session(process_id: int, round_id: int, submission_id: int):
    priority_round = load_round(process_id, round_id)
    return conference_session_edit(priority_round, load_session(priority_round, submission_id),
                                   done_url=round_url(priority_round, "planning.priority_conference"))


@bp.route(PREFIX + "/<int:round_id>/conference/<int:submission_id>/delete", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_conference_session_delete(process_id: int, round_id: int, submission_id: int):
    priority_round = load_round(process_id, round_id)
    return conference_session_delete(priority_round, load_session(priority_round, submission_id),
                                     done_url=round_url(priority_round, "planning.priority_conference"))


@bp.route(PREFIX + "/<int:round_id>/delete", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_round_delete(process_id: int, round_id: int):
    """Ask first; a round whose ranking residents have seen needs an explicit tick besides the button."""
    priority_round = load_round(process_id, round_id)
    form = DeleteForm()
    counts = round_counts(priority_round)
    if form.validate_on_submit():
        if priority_round.results_published and not form.acknowledge.data:
            form.acknowledge.errors = [_("Bitte bestätigen Sie, dass die veröffentlichte Rangfolge gelöscht werden "
                                         "soll.")]
        else:
            audit.record("priority_round_deleted", priority_round, **delete_round(priority_round))
            db.session.commit()
            flash(_("Die Runde „%(title)s“ wurde gelöscht.", title=counts["title"]), "success")
            return redirect(url_for("planning.priority_rounds", process_id=process_id))
    return render_template("planning/priorities/round_delete.html", process=priority_round.process,
                           priority_round=priority_round, form=form, counts=counts), \
        422 if form.acknowledge.errors else 200


TRANSLATION_LIMITS = {"title": 300, "intro": 3000, "description": 1000}


def translatable_fields(priority_round: PriorityRound) -> list[tuple]:
    """(form name, object, field, German text, limit) for every text residents read."""
    fields = [(f"round_{name}", priority_round, name, getattr(priority_round, name), TRANSLATION_LIMITS[name])
              for name in ("title", "intro") if getattr(priority_round, name)]
    for item in priority_round.items:
        fields += [(f"item_{item.id}_{name}", item, name, getattr(item, name), limit)
                   for name, limit in (("title", 500), ("description", 1000)) if getattr(item, name)]
    return fields


@bp.route(PREFIX + "/<int:round_id>/translations/<lang>", methods=["GET", "POST"])
@role_required("planner", "admin")
def priority_translations(process_id: int, round_id: int, lang: str):
    """The round's and items' texts in one of its languages, beside the German."""
    priority_round = load_round(process_id, round_id)
    if lang == "de" or lang not in priority_round.languages or lang not in i18n.LANGUAGES:
        abort(404)
    form = TranslationForm()
    fields = translatable_fields(priority_round)
    errors = {}
    if form.validate_on_submit():
        typed = {name: clean_text(request.form.get(name, "")) for name, *_rest in fields}
        errors = {name: _("Bitte kürzen Sie auf höchstens %(limit)d Zeichen.", limit=limit)
                  for name, _obj, _field, _german, limit in fields if len(typed[name]) > limit}
        if not errors:
            for name, obj, field_name, _german, _limit in fields:
                obj.set_text(field_name, lang, typed[name])
            audit.record("priority_round_updated", priority_round, translation=lang)
            db.session.commit()
            flash(_("Die Übersetzung wurde gespeichert."), "success")
            return redirect(url_for("planning.priority_translations", process_id=process_id, round_id=round_id,
                                    lang=lang))
    values = {name: request.form.get(name, "") if request.method == "POST" else
              ((obj.i18n or {}).get(lang) or {}).get(field_name, "") for name, obj, field_name, *_rest in fields}
    return render_template("planning/priorities/translations.html", process=priority_round.process,
                           priority_round=priority_round, form=form, fields=fields, values=values, errors=errors,
                           language=i18n.LANGUAGES[lang]), 422 if errors else 200


@bp.route(PREFIX + "/<int:round_id>/results")
@role_required("planner", "admin")
def priority_results(process_id: int, round_id: int):
    priority_round = load_round(process_id, round_id)
    return render_template("planning/priorities/results.html", process=priority_round.process,
                           priority_round=priority_round, results=round_results(priority_round))


@bp.route(PREFIX + "/<int:round_id>/posters")
@role_required("planner", "admin")
def priority_posters(process_id: int, round_id: int):
    """One sheet per item for dot voting; A4 or A3 as chosen (print CSS)."""
    priority_round = load_round(process_id, round_id)
    size = request.args.get("size") if request.args.get("size") in ("A4", "A3") else "A4"
    return render_template("planning/priorities/posters.html", process=priority_round.process,
                           priority_round=priority_round, size=size, quote=example_quote)

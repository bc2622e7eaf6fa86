"""Cooperation of a process: the overview (actors, committees, overdue tasks), an actor's page with its
profile and contact roles, a meeting's page, and the network map with its JSON and GraphML exports."""
from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import audit
from ..auth.access import role_required
from ..cooperation import network, records
from ..extensions import db
from ..forms.cooperation import ActorProfileForm, ContactForm
from ..models import ActorContact, Body, Meeting, StrategyField
from ..strategy.measures import bodies_of
from ..web import json_error
from . import bp
from .loading import load_process


def _body(process, body_id: int) -> Body:
    body = db.session.get(Body, body_id)
    if body is None or body.process_id != process.id:
        abort(404)
    return body


def _meeting(process, meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None or meeting.committee.process_id != process.id:
        abort(404)
    return meeting


def _date_arg(name: str, default: date | None = None) -> date | None:
    """A YYYY-MM-DD query argument; ValueError when it is there but not a date."""
    text = (request.args.get(name) or "").strip()
    return date.fromisoformat(text) if text else default


@bp.route("/processes/<int:process_id>/cooperation")
@role_required("planner", "admin")
def cooperation_overview(process_id: int):
    process = load_process(process_id)
    return render_template("planning/cooperation.html", process=process, actors=bodies_of(process),
                           committees=network.committees_of(process), meetings=records.meetings_of(process),
                           overdue=records.overdue_tasks(process, date.today()),
                           kinds=records.actor_kind_labels(), committee_kinds=records.committee_kind_labels())


def _actor_form(process, body) -> ActorProfileForm:
    profile = body.profile
    form = ActorProfileForm(obj=profile) if profile is not None else ActorProfileForm()
    form.actor_kind.choices = list(records.actor_kind_labels().items())
    form.districts.choices = [(d, d) for d in process.districts or []]
    form.fields.choices = [(f.id, f.title) for f in db.session.execute(
        db.select(StrategyField).filter_by(process_id=process.id).order_by(StrategyField.position)).scalars()]
    if request.method == "GET" and profile is not None:
        form.fields.data = [f.id for f in profile.fields]
    return form


def _actor_page(process, body, form, contact_form, status=200):
    return render_template("planning/actor.html", process=process, body=body, form=form,
                           contact_form=contact_form, kinds=records.actor_kind_labels(),
                           memberships=records.memberships_of(body)), status


@bp.route("/processes/<int:process_id>/cooperation/actors/<int:body_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def actor_page(process_id: int, body_id: int):
    process = load_process(process_id)
    body = _body(process, body_id)
    form = _actor_form(process, body)
    if request.method == "POST" and form.validate_on_submit():
        profile = records.profile_of(body)
        profile.actor_kind = form.actor_kind.data
        profile.districts = list(form.districts.data or [])
        profile.fields = [db.session.get(StrategyField, i) for i in form.fields.data or []]
        profile.resources = (form.resources.data or "").strip()
        profile.interests = (form.interests.data or "").strip()
        profile.confidential_profile = (form.confidential_profile.data or "").strip()
        audit.record("coop_actor_updated", body, name=body.name, kind=profile.actor_kind)
        db.session.commit()
        flash(_("Gespeichert."), "success")
        return redirect(url_for("planning.actor_page", process_id=process.id, body_id=body.id))
    return _actor_page(process, body, form, ContactForm(formdata=None), 400 if request.method == "POST" else 200)


@bp.route("/processes/<int:process_id>/cooperation/actors/<int:body_id>/contacts", methods=["POST"])
@role_required("planner", "admin")
def actor_contact_add(process_id: int, body_id: int):
    process = load_process(process_id)
    body = _body(process, body_id)
    contact_form = ContactForm()
    if not contact_form.validate_on_submit():
        return _actor_page(process, body, _actor_form(process, body), contact_form, 400)
    name = (contact_form.person_name.data or "").strip()
    records.profile_of(body).contacts.append(ActorContact(
        role_title=contact_form.role_title.data.strip(), person_name=name,
        consent_on=contact_form.consent_on.data if name else None))
    audit.record("coop_contact_added", body, name=body.name, role=contact_form.role_title.data.strip(),
                 named=bool(name))
    db.session.commit()
    flash(_("Kontaktrolle gespeichert."), "success")
    return redirect(url_for("planning.actor_page", process_id=process.id, body_id=body.id))


@bp.route("/processes/<int:process_id>/cooperation/meetings/<int:meeting_id>")
@role_required("planner", "admin")
def meeting_page(process_id: int, meeting_id: int):
    process = load_process(process_id)
    meeting = _meeting(process, meeting_id)
    return render_template("planning/meeting.html", process=process, meeting=meeting, today=date.today(),
                           committee_kinds=records.committee_kind_labels())


@bp.route("/processes/<int:process_id>/network")
@role_required("planner", "admin")
def network_page(process_id: int):
    process = load_process(process_id)
    try:
        at = _date_arg("at", date.today())
        since, until = _date_arg("from"), _date_arg("to")
    except ValueError:
        flash(_("Bitte geben Sie das Datum im Format JJJJ-MM-TT ein, z. B. 2026-03-31."), "error")
        at, since, until = date.today(), None, None
    snap = network.snapshot(process, at)
    placed, lines = network.layout(snap)
    numbers = network.actor_numbers(snap)
    comparison = None
    if since and until:
        comparison = network.compare(network.snapshot(process, since), network.snapshot(process, until))
    return render_template(
        "planning/network.html", process=process, at=at, since=since, until=until, snap=snap, placed=placed,
        lines=lines, size=network.SIZE, numbers=numbers, comparison=comparison,
        rows=sorted(snap.edges, key=lambda edge: (numbers[edge.source], edge.target)),
        overlaps=network.overlaps(process, at), missing=network.missing_actors(process, at),
        left=network.actors_who_left(process, at), names={n.id: n.name for n in snap.nodes})


@bp.route("/processes/<int:process_id>/network.json")
@role_required("planner", "admin")
def network_json(process_id: int):
    process = load_process(process_id)
    try:
        at = _date_arg("at", date.today())
    except ValueError:
        return json_error(400, "invalid_date", _("Bitte geben Sie das Datum im Format JJJJ-MM-TT ein."))
    return network.snapshot(process, at).as_dict()


@bp.route("/processes/<int:process_id>/network.graphml")
@role_required("planner", "admin")
def network_graphml(process_id: int):
    process = load_process(process_id)
    try:
        at = _date_arg("at", date.today())
    except ValueError:
        abort(400)
    audit.record("coop_network_exported", process, at=at.isoformat())
    db.session.commit()
    return Response(network.graphml(network.snapshot(process, at)), mimetype="application/graphml+xml",
                    headers={"Content-Disposition": f'attachment; filename="netzwerk-{process.id}-{at}.graphml"'})

"""Cooperation of a process: the overview (actors, committees, overdue tasks), an actor's page with its
profile and contact roles, a meeting's page, and the network map with its JSON and GraphML exports."""
from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import audit
from ..auth.access import role_required
from ..cooperation import network, records, templates
from ..extensions import db
from ..forms.builder import ActionForm
from ..forms.cooperation import (
    ActorProfileForm,
    AgreementForm,
    CommitteeForm,
    ContactForm,
    DecisionForm,
    MeetingForm,
    MembershipForm,
    TaskDoneForm,
    TaskForm,
)
from ..models import (
    ActorContact,
    Body,
    Committee,
    CommitteeMembership,
    Meeting,
    MeetingDecision,
    MeetingTask,
    StrategyField,
)
from ..strategy import fields_of, measures_of
from ..strategy.measures import bodies_of
from ..web import json_error
from . import bp, coop_edit
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


def _committee(process, committee_id: int) -> Committee:
    committee = db.session.get(Committee, committee_id)
    if committee is None or committee.process_id != process.id:
        abort(404)
    return committee


def _fields(process) -> list[StrategyField]:
    return list(db.session.execute(
        db.select(StrategyField).filter_by(process_id=process.id).order_by(StrategyField.position)).scalars())


def _none(label=None) -> list[tuple[int, str]]:
    return [(0, label or "–")]


def _committee_form(process, committee=None) -> CommitteeForm:
    form = CommitteeForm(obj=committee) if committee is not None else CommitteeForm()
    form.kind.choices = list(records.committee_kind_labels().items())
    form.field_id.choices = _none() + [(f.id, f.title) for f in _fields(process)]
    if request.method == "GET" and committee is not None:
        form.field_id.data = committee.field_id or 0
    return form


def _owned_id(choices, value: int) -> int | None:
    """A chosen id only if it is one of the offered ones (ids of other processes never get through)."""
    return value if value and value in {key for key, _label in choices} else None


def _date_arg(name: str, default: date | None = None) -> date | None:
    """A YYYY-MM-DD query argument; ValueError when it is there but not a date."""
    text = (request.args.get(name) or "").strip()
    return date.fromisoformat(text) if text else default


@bp.route("/processes/<int:process_id>/cooperation")
@role_required("planner", "admin")
def cooperation_overview(process_id: int):
    process = load_process(process_id)
    return _overview(process, _committee_form(process))


def _overview(process, committee_form, status=200):
    today = date.today()
    return render_template("planning/cooperation.html", process=process, actors=bodies_of(process),
                           committee_form=committee_form,
                           committees=network.committees_of(process), meetings=records.meetings_of(process),
                           overdue=records.overdue_tasks(process, today),
                           glance=network.at_a_glance(process, today), today=today,
                           kinds=records.actor_kind_labels(),
                           committee_kinds=records.committee_kind_labels(),
                           partner_waves=templates.partner_waves(process), action_form=ActionForm(),
                           key_person_guides=templates.marked(process, templates.KEY_PERSON_GUIDE)), status


@bp.route("/processes/<int:process_id>/cooperation/committees", methods=["POST"])
@role_required("planner", "admin")
def committee_add(process_id: int):
    process = load_process(process_id)
    form = _committee_form(process)
    if not form.validate_on_submit():
        return _overview(process, form, 400)
    committee = Committee(process_id=process.id, name=form.name.data.strip(), kind=form.kind.data,
                          purpose=(form.purpose.data or "").strip(),
                          field_id=_owned_id(form.field_id.choices, form.field_id.data))
    db.session.add(committee)
    db.session.flush()
    audit.record("coop_committee_added", committee, name=committee.name)
    db.session.commit()
    flash(_("Gremium angelegt."), "success")
    return redirect(url_for("planning.committee_page", process_id=process.id, committee_id=committee.id))


def record_form(form_class, obj, fresh: bool | None):
    """A form from the request, or - `fresh`, by default on GET - from the saved record alone (so a page
    re-rendered for another, refused form shows the record as saved)."""
    fresh = request.method == "GET" if fresh is None else fresh
    return form_class(obj=obj, formdata=None) if fresh else form_class(obj=obj), fresh and obj is not None


def membership_form(process, membership=None, fresh=None) -> MembershipForm:
    form, _from_record = record_form(MembershipForm, membership, fresh)
    form.body_id.choices = [(b.id, b.name) for b in bodies_of(process)]
    return form


def _committee_page(process, committee, form, member_form, agreement_form=None, status=200):
    if agreement_form is None:
        agreement_form = AgreementForm(formdata=None)
    return render_template("planning/committee.html", process=process, committee=committee, form=form,
                           member_form=member_form, agreement_form=agreement_form, today=date.today(),
                           committee_kinds=records.committee_kind_labels()), status


@bp.route("/processes/<int:process_id>/cooperation/committees/<int:committee_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def committee_page(process_id: int, committee_id: int):
    process = load_process(process_id)
    committee = _committee(process, committee_id)
    form = _committee_form(process, committee)
    if request.method == "POST" and form.validate_on_submit():
        committee.name, committee.kind = form.name.data.strip(), form.kind.data
        committee.purpose = (form.purpose.data or "").strip()
        committee.field_id = _owned_id(form.field_id.choices, form.field_id.data)
        audit.record("coop_committee_updated", committee, name=committee.name)
        db.session.commit()
        flash(_("Gespeichert."), "success")
        return redirect(url_for("planning.committee_page", process_id=process.id, committee_id=committee.id))
    return _committee_page(process, committee, form, membership_form(process, fresh=True),
                           status=400 if request.method == "POST" else 200)


@bp.route("/processes/<int:process_id>/cooperation/committees/<int:committee_id>/members", methods=["POST"])
@role_required("planner", "admin")
def committee_member_add(process_id: int, committee_id: int):
    process = load_process(process_id)
    committee = _committee(process, committee_id)
    form = membership_form(process)
    if not form.validate_on_submit():
        return _committee_page(process, committee, _committee_form(process, committee), form, status=400)
    body = _body(process, form.body_id.data)
    committee.memberships.append(CommitteeMembership(
        body=body, starts_on=form.starts_on.data, ends_on=form.ends_on.data, role=(form.role.data or "").strip(),
        mandate=(form.mandate.data or "").strip()))
    audit.record("coop_membership_added", committee, name=committee.name, actor=body.name)
    db.session.commit()
    flash(_("Mitgliedschaft eingetragen."), "success")
    return redirect(url_for("planning.committee_page", process_id=process.id, committee_id=committee.id))


def fill_meeting(meeting: Meeting, form, offered_bodies) -> None:
    offered = {b.id: b for b in offered_bodies}
    meeting.held_on = form.held_on.data
    meeting.agenda, meeting.minutes = (form.agenda.data or "").strip(), (form.minutes.data or "").strip()
    meeting.attendees = [offered[i] for i in form.attendees.data or [] if i in offered]


def meeting_form(process, meeting=None, fresh=None) -> MeetingForm:
    form, from_record = record_form(MeetingForm, meeting, fresh)
    form.attendees.choices = [(b.id, b.name) for b in bodies_of(process)]
    if from_record:
        form.attendees.data = [b.id for b in meeting.attendees]
    return form


@bp.route("/processes/<int:process_id>/cooperation/committees/<int:committee_id>/meetings/new",
          methods=["GET", "POST"])
@role_required("planner", "admin")
def meeting_add(process_id: int, committee_id: int):
    process = load_process(process_id)
    committee = _committee(process, committee_id)
    form = meeting_form(process)
    if request.method == "POST" and form.validate_on_submit():
        offered = bodies_of(process)  # before the new meeting exists: the query would flush it half-made
        meeting = Meeting(committee=committee)
        fill_meeting(meeting, form, offered)
        db.session.add(meeting)
        db.session.flush()
        audit.record("coop_meeting_added", committee, name=committee.name, held_on=meeting.held_on.isoformat(),
                     attendance=len(meeting.attendees))
        db.session.commit()
        flash(_("Sitzung gespeichert."), "success")
        return redirect(url_for("planning.meeting_page", process_id=process.id, meeting_id=meeting.id))
    return coop_edit.render(process, _("Sitzung eintragen") + ": " + committee.name,
                            (url_for("planning.committee_page", process_id=process.id, committee_id=committee.id),
                             committee.name),
                            [coop_edit.Section(form, "", _("Sitzung speichern"))],
                            400 if request.method == "POST" else 200)


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
    return _meeting_page(process, meeting, decision_form(process), task_form(process))


def _measure_choices(process) -> list[tuple[int, str]]:
    return _none() + [(m.id, m.title) for m in measures_of(process)]


def _goal_choices(process) -> list[tuple[int, str]]:
    """The process's goals, each named with its field so equal goal titles stay apart."""
    return _none() + [(goal.id, f"{field.title}: {goal.title}") for field in fields_of(process)
                      for goal in sorted(field.goals, key=lambda g: (g.position, g.id))]


def decision_form(process, decision=None, fresh=None) -> DecisionForm:
    """Field, goal and measure offered from this process only: another process's ids fail validation."""
    form, from_record = record_form(DecisionForm, decision, fresh)
    form.field_id.choices = _none() + [(f.id, f.title) for f in _fields(process)]
    form.goal_id.choices = _goal_choices(process)
    form.measure_id.choices = _measure_choices(process)
    if from_record:
        for name in ("field_id", "goal_id", "measure_id"):
            form[name].data = getattr(decision, name) or 0
    return form


def task_form(process, task=None, form_class=TaskForm, fresh=None) -> TaskForm:
    form, from_record = record_form(form_class, task, fresh)
    form.body_id.choices = _none() + [(b.id, b.name) for b in bodies_of(process)]
    form.measure_id.choices = _measure_choices(process)
    if from_record:
        form.body_id.data, form.measure_id.data = task.body_id or 0, task.measure_id or 0
    return form


def fill_decision(decision: MeetingDecision, form) -> None:
    decision.text, decision.public = form.text.data.strip(), bool(form.public.data)
    for name in ("field_id", "goal_id", "measure_id"):
        setattr(decision, name, _owned_id(form[name].choices, form[name].data))


def fill_task(task: MeetingTask, form) -> None:
    task.text, task.due_on = form.text.data.strip(), form.due_on.data
    task.body_id = _owned_id(form.body_id.choices, form.body_id.data)
    task.measure_id = _owned_id(form.measure_id.choices, form.measure_id.data)


def _meeting_page(process, meeting, decision_form, task_form, status=200):
    if request.method == "GET":
        decision_form.process(formdata=None)
        task_form.process(formdata=None)
    return render_template("planning/meeting.html", process=process, meeting=meeting, today=date.today(),
                           decision_form=decision_form, task_form=task_form, done_form=TaskDoneForm(),
                           committee_kinds=records.committee_kind_labels()), status


@bp.route("/processes/<int:process_id>/cooperation/meetings/<int:meeting_id>/decisions", methods=["POST"])
@role_required("planner", "admin")
def meeting_decision_add(process_id: int, meeting_id: int):
    process = load_process(process_id)
    meeting = _meeting(process, meeting_id)
    form = decision_form(process)
    if not form.validate_on_submit():
        return _meeting_page(process, meeting, form, task_form(process), 400)
    decision = MeetingDecision()
    fill_decision(decision, form)
    meeting.decisions.append(decision)
    audit.record("coop_decision_added", meeting.committee, name=meeting.committee.name, public=bool(form.public.data))
    db.session.commit()
    flash(_("Beschluss eingetragen."), "success")
    return redirect(url_for("planning.meeting_page", process_id=process.id, meeting_id=meeting.id))


@bp.route("/processes/<int:process_id>/cooperation/meetings/<int:meeting_id>/tasks", methods=["POST"])
@role_required("planner", "admin")
def meeting_task_add(process_id: int, meeting_id: int):
    process = load_process(process_id)
    meeting = _meeting(process, meeting_id)
    form = task_form(process)
    if not form.validate_on_submit():
        return _meeting_page(process, meeting, decision_form(process), form, 400)
    task = MeetingTask(done=False)
    fill_task(task, form)
    meeting.tasks.append(task)
    audit.record("coop_task_added", meeting.committee, name=meeting.committee.name, task=form.text.data.strip())
    db.session.commit()
    flash(_("Aufgabe eingetragen."), "success")
    return redirect(url_for("planning.meeting_page", process_id=process.id, meeting_id=meeting.id))


@bp.route("/processes/<int:process_id>/cooperation/meetings/<int:meeting_id>/tasks/<int:task_id>/done",
          methods=["POST"])
@role_required("planner", "admin")
def meeting_task_done(process_id: int, meeting_id: int, task_id: int):
    process = load_process(process_id)
    meeting = _meeting(process, meeting_id)
    task = db.session.get(MeetingTask, task_id)
    if task is None or task.meeting_id != meeting.id:
        abort(404)
    if TaskDoneForm().validate_on_submit():
        task.done = True
        audit.record("coop_task_done", meeting.committee, name=meeting.committee.name, task=task.text)
        db.session.commit()
        flash(_("Aufgabe erledigt."), "success")
    return redirect(url_for("planning.meeting_page", process_id=process.id, meeting_id=meeting.id))


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

"""Correcting cooperation records after they were saved: a membership is edited, ended or deleted; a
meeting, a decision or a task is edited or deleted (deleting asks for a tick first)."""
from datetime import date

from flask import abort, request, url_for
from flask_babel import gettext as _

from ..auth.access import role_required
from ..extensions import db
from ..forms.cooperation import EndMembershipForm, TaskEditForm
from ..models import CommitteeMembership, MeetingDecision, MeetingTask
from ..strategy.measures import bodies_of
from . import bp, coop_edit
from .cooperation_views import (
    _body,
    _committee,
    _meeting,
    decision_form,
    fill_decision,
    fill_meeting,
    fill_task,
    meeting_form,
    membership_form,
    task_form,
)
from .loading import load_process

BASE = "/processes/<int:process_id>/cooperation"


def _status() -> int:
    return 400 if request.method == "POST" else 200


def _membership(process, membership_id: int) -> CommitteeMembership:
    membership = db.session.get(CommitteeMembership, membership_id)
    if membership is None:
        abort(404)
    _committee(process, membership.committee_id)
    return membership


def _committee_url(process, committee) -> str:
    return url_for("planning.committee_page", process_id=process.id, committee_id=committee.id)


def _membership_page(process, membership, form=None, end_form=None, delete_form=None):
    committee = membership.committee
    url = lambda endpoint: url_for(endpoint, process_id=process.id, membership_id=membership.id)  # noqa: E731
    if end_form is None:
        end_form = EndMembershipForm(formdata=None, prefix="end", ends_on=membership.ends_on or date.today())
    return coop_edit.render(
        process, _("Mitgliedschaft von %(actor)s", actor=membership.body.name),
        (_committee_url(process, committee), committee.name),
        [coop_edit.Section(form or membership_form(process, membership, fresh=True), "", _("Speichern")),
         coop_edit.Section(end_form, url("planning.membership_end"), _("Mitgliedschaft beenden"),
                           _("Mitgliedschaft beenden")),
         coop_edit.delete_section(url("planning.membership_delete"), delete_form, _(
             "Löschen Sie nur einen falschen Eintrag. Wer ausgeschieden ist, bekommt ein Enddatum und bleibt so "
             "in der Geschichte des Netzwerks."))],
        _status())


@bp.route(f"{BASE}/memberships/<int:membership_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def membership_edit(process_id: int, membership_id: int):
    process = load_process(process_id)
    membership = _membership(process, membership_id)
    form = membership_form(process, membership)
    if request.method == "POST" and form.validate_on_submit():
        membership.body = _body(process, form.body_id.data)
        membership.starts_on, membership.ends_on = form.starts_on.data, form.ends_on.data
        membership.role, membership.mandate = (form.role.data or "").strip(), (form.mandate.data or "").strip()
        return coop_edit.saved("coop_membership_updated", membership.committee,
                               _committee_url(process, membership.committee), actor=membership.body.name)
    return _membership_page(process, membership, form=form if request.method == "POST" else None)


@bp.route(f"{BASE}/memberships/<int:membership_id>/end", methods=["POST"])
@role_required("planner", "admin")
def membership_end(process_id: int, membership_id: int):
    process = load_process(process_id)
    membership = _membership(process, membership_id)
    form = EndMembershipForm(prefix="end")
    form.member_since = membership.starts_on
    if not form.validate_on_submit():
        return _membership_page(process, membership, end_form=form)
    membership.ends_on = form.ends_on.data
    return coop_edit.saved("coop_membership_ended", membership.committee, _committee_url(process, membership.committee),
                           _("Mitgliedschaft beendet."), actor=membership.body.name,
                           ends_on=membership.ends_on.isoformat())


@bp.route(f"{BASE}/memberships/<int:membership_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def membership_delete(process_id: int, membership_id: int):
    process = load_process(process_id)
    membership = _membership(process, membership_id)
    committee = membership.committee
    return coop_edit.confirmed_delete(
        lambda form: _membership_page(process, membership, delete_form=form),
        lambda: committee.memberships.remove(membership), "coop_membership_deleted", committee,
        _committee_url(process, committee), _("Mitgliedschaft gelöscht."), actor=membership.body.name)


def _meeting_url(process, meeting) -> str:
    return url_for("planning.meeting_page", process_id=process.id, meeting_id=meeting.id)


def _meeting_label(meeting) -> str:
    return f"{meeting.committee.name}, {meeting.held_on.strftime('%d.%m.%Y')}"


def _meeting_edit_page(process, meeting, form=None, delete_form=None):
    return coop_edit.render(
        process, _("Sitzung bearbeiten") + ": " + meeting.committee.name,
        (_meeting_url(process, meeting), _meeting_label(meeting)),
        [coop_edit.Section(form or meeting_form(process, meeting, fresh=True), "", _("Sitzung speichern")),
         coop_edit.delete_section(url_for("planning.meeting_delete", process_id=process.id, meeting_id=meeting.id),
                         delete_form)],
        _status())


@bp.route(f"{BASE}/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@role_required("planner", "admin")
def meeting_edit(process_id: int, meeting_id: int):
    process = load_process(process_id)
    meeting = _meeting(process, meeting_id)
    form = meeting_form(process, meeting)
    if request.method == "POST" and form.validate_on_submit():
        fill_meeting(meeting, form, bodies_of(process))
        return coop_edit.saved("coop_meeting_updated", meeting.committee, _meeting_url(process, meeting),
                               _("Sitzung gespeichert."), held_on=meeting.held_on.isoformat(),
                               attendance=len(meeting.attendees))
    return _meeting_edit_page(process, meeting, form=form)


@bp.route(f"{BASE}/meetings/<int:meeting_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def meeting_delete(process_id: int, meeting_id: int):
    process = load_process(process_id)
    meeting = _meeting(process, meeting_id)
    committee = meeting.committee
    return coop_edit.confirmed_delete(
        lambda form: _meeting_edit_page(process, meeting, delete_form=form),
        lambda: committee.meetings.remove(meeting), "coop_meeting_deleted", committee,
        _committee_url(process, committee), _("Sitzung gelöscht."), held_on=meeting.held_on.isoformat())


def _item(process, meeting_id: int, model, item_id: int):
    """A decision or task of a meeting of this process; anything else is 404."""
    meeting = _meeting(process, meeting_id)
    item = db.session.get(model, item_id)
    if item is None or item.meeting_id != meeting.id:
        abort(404)
    return meeting, item


def _item_page(process, meeting, heading, form, delete_action, delete_form=None):
    return coop_edit.render(process, heading, (_meeting_url(process, meeting), _meeting_label(meeting)),
                            [coop_edit.Section(form, "", _("Speichern")),
                             coop_edit.delete_section(delete_action, delete_form)],
                            _status())


def _decision_page(process, meeting, decision, form=None, delete_form=None):
    return _item_page(process, meeting, _("Beschluss bearbeiten"), form or decision_form(process, decision, fresh=True),
                      url_for("planning.decision_delete", process_id=process.id, meeting_id=meeting.id,
                              decision_id=decision.id), delete_form)


@bp.route(f"{BASE}/meetings/<int:meeting_id>/decisions/<int:decision_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def decision_edit(process_id: int, meeting_id: int, decision_id: int):
    process = load_process(process_id)
    meeting, decision = _item(process, meeting_id, MeetingDecision, decision_id)
    form = decision_form(process, decision)
    if request.method == "POST" and form.validate_on_submit():
        fill_decision(decision, form)
        return coop_edit.saved("coop_decision_updated", meeting.committee, _meeting_url(process, meeting),
                               public=decision.public)
    return _decision_page(process, meeting, decision, form=form)


@bp.route(f"{BASE}/meetings/<int:meeting_id>/decisions/<int:decision_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def decision_delete(process_id: int, meeting_id: int, decision_id: int):
    process = load_process(process_id)
    meeting, decision = _item(process, meeting_id, MeetingDecision, decision_id)
    return coop_edit.confirmed_delete(
        lambda form: _decision_page(process, meeting, decision, delete_form=form),
        lambda: meeting.decisions.remove(decision), "coop_decision_deleted", meeting.committee,
        _meeting_url(process, meeting), _("Beschluss gelöscht."), text=decision.text[:200])


def _task_page(process, meeting, task, form=None, delete_form=None):
    return _item_page(process, meeting, _("Aufgabe bearbeiten"),
                      form or task_form(process, task, TaskEditForm, fresh=True),
                      url_for("planning.task_delete", process_id=process.id, meeting_id=meeting.id,
                              task_id=task.id), delete_form)


@bp.route(f"{BASE}/meetings/<int:meeting_id>/tasks/<int:task_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def task_edit(process_id: int, meeting_id: int, task_id: int):
    process = load_process(process_id)
    meeting, task = _item(process, meeting_id, MeetingTask, task_id)
    form = task_form(process, task, TaskEditForm)
    if request.method == "POST" and form.validate_on_submit():
        fill_task(task, form)
        task.done = bool(form.done.data)
        return coop_edit.saved("coop_task_updated", meeting.committee, _meeting_url(process, meeting),
                               task=task.text, done=task.done)
    return _task_page(process, meeting, task, form=form)


@bp.route(f"{BASE}/meetings/<int:meeting_id>/tasks/<int:task_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def task_delete(process_id: int, meeting_id: int, task_id: int):
    process = load_process(process_id)
    meeting, task = _item(process, meeting_id, MeetingTask, task_id)
    return coop_edit.confirmed_delete(
        lambda form: _task_page(process, meeting, task, delete_form=form),
        lambda: meeting.tasks.remove(task), "coop_task_deleted", meeting.committee,
        _meeting_url(process, meeting), _("Aufgabe gelöscht."), task=task.text)

"""Planners manage the multipliers of their process and see every interview and session in it."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func

from .. import audit
from ..auth.access import role_required
from ..extensions import db
from ..fieldwork.records import RECORD_CHANNELS, visible_records
from ..fieldwork import membership
from ..forms.multipliers import AssignmentForm, ConfirmForm, InviteMultiplierForm
from ..links import absolute_url
from ..models import Invitation, MembershipInvitation, Process, Response, User
from . import bp
from .loading import load_process


def process_multipliers(process: Process) -> list[User]:
    return sorted((u for u in process.members if u.role == "multiplier"), key=lambda u: (u.name.lower(), u.email))


def _multiplier_or_404(process: Process, user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.role != "multiplier" or process not in user.processes:
        abort(404)
    return user


def _manageable_multiplier(process: Process, user_id: int) -> User:
    """A member whose account the current planner may reset or switch off (see membership)."""
    user = _multiplier_or_404(process, user_id)
    if not membership.may_manage_account(current_user, user):
        abort(403)
    return user


def _pending_or_404(process: Process, invitation_id: int) -> MembershipInvitation:
    invitation = db.session.get(MembershipInvitation, invitation_id)
    if invitation is None or invitation.process_id != process.id or invitation.used_at is not None:
        abort(404)
    return invitation


def _invitation_link(token: str) -> str:
    return absolute_url("auth.accept_invitation", token=token)


def _choices(process: Process) -> list[tuple[int, str]]:
    return [(q.id, f"{q.title} ({_('Umfrage') if q.kind == 'survey' else _('Leitfaden')})")
            for q in process.questionnaires]


def _chosen(process: Process, ids) -> list:
    return [q for q in process.questionnaires if q.id in set(ids or [])]


@bp.route("/processes/<int:process_id>/multipliers", methods=["GET", "POST"])
@role_required("planner", "admin")
def multipliers(process_id: int):
    """List, invite and assign multipliers; the one-time link is shown once, to be handed over in person."""
    process = load_process(process_id)
    form = InviteMultiplierForm()
    form.questionnaires.choices = _choices(process)
    invitation_link = None
    if form.validate_on_submit():
        _invitation, token = membership.invite_to_process(process, form.email.data, form.name.data,
                                                         _chosen(process, form.questionnaires.data))
        invitation_link = _invitation_link(token)
        flash(_("Einladung erstellt. Geben Sie den Link persönlich weiter; er gilt 7 Tage und nur einmal."),
              "success")
        form = InviteMultiplierForm(formdata=None)
        form.questionnaires.choices = _choices(process)
    people = process_multipliers(process)
    assignment_forms = {}
    for person in people:
        assignment = AssignmentForm(formdata=None, prefix=f"u{person.id}",
                                    questionnaires=[q.id for q in person.assigned_questionnaires
                                                    if q.process_id == process.id])
        assignment.questionnaires.choices = _choices(process)
        assignment_forms[person.id] = assignment
    counts = dict(db.session.execute(
        db.select(Response.recorded_by_id, func.count(Response.id))
        .where(Response.process_id == process.id, Response.channel.in_(RECORD_CHANNELS))
        .group_by(Response.recorded_by_id)).all())
    return render_template("planning/multipliers.html", process=process, form=form, people=people,
                           assignment_forms=assignment_forms, confirm=ConfirmForm(), counts=counts,
                           invitation_link=invitation_link, pending=membership.pending_invitations(process),
                           manageable={person.id for person in people
                                       if membership.may_manage_account(current_user, person)}), (422 if form.errors else 200)


@bp.route("/processes/<int:process_id>/multipliers/<int:user_id>/assignments", methods=["POST"])
@role_required("planner", "admin")
def multiplier_assignments(process_id: int, user_id: int):
    process = load_process(process_id)
    user = _multiplier_or_404(process, user_id)
    form = AssignmentForm(prefix=f"u{user.id}")
    form.questionnaires.choices = _choices(process)
    if form.validate_on_submit():
        membership.set_assignments(user, process, _chosen(process, form.questionnaires.data))
        audit.record("multiplier_assigned", user, process_id=process.id, questionnaires=form.questionnaires.data)
        db.session.commit()
        flash(_("Zuweisung gespeichert."), "success")
    else:
        flash(_("Die Zuweisung konnte nicht gespeichert werden. Bitte wählen Sie nur angebotene Leitfäden."),
              "error")
    return redirect(url_for("planning.multipliers", process_id=process.id))


@bp.route("/processes/<int:process_id>/multipliers/<int:user_id>/active", methods=["POST"])
@role_required("planner", "admin")
def multiplier_active(process_id: int, user_id: int):
    """Deactivate (or reactivate) an account: a deactivated multiplier can neither log in nor sync."""
    process = load_process(process_id)
    user = _manageable_multiplier(process, user_id)
    if ConfirmForm().validate_on_submit():
        user.active = request.form.get("active") == "1"
        if not user.active:
            user.end_sessions()
        audit.record("multiplier_activated" if user.active else "multiplier_deactivated", user,
                     process_id=process.id)
        db.session.commit()
        flash(_("%(name)s ist wieder aktiv.", name=user.name) if user.active
              else _("%(name)s ist deaktiviert.", name=user.name), "success")
    return redirect(url_for("planning.multipliers", process_id=process.id))


@bp.route("/processes/<int:process_id>/multipliers/<int:user_id>/link", methods=["POST"])
@role_required("planner", "admin")
def multiplier_new_link(process_id: int, user_id: int):
    """A fresh one-time link (the old one may have expired); earlier unused links stop working."""
    process = load_process(process_id)
    user = _manageable_multiplier(process, user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    for old in db.session.execute(db.select(Invitation).filter_by(user_id=user.id, used_at=None)).scalars():
        old.expires_at = old.created_at
    invitation, token = Invitation.issue(user, purpose="invite" if user.password_hash is None else "reset")
    db.session.add(invitation)
    audit.record("multiplier_link_issued", user, process_id=process.id)
    db.session.commit()
    return render_template("planning/multiplier_link.html", process=process, person=user,
                           invitation_link=_invitation_link(token))


@bp.route("/processes/<int:process_id>/multipliers/<int:user_id>/remove", methods=["POST"])
@role_required("planner", "admin")
def multiplier_remove(process_id: int, user_id: int):
    """The multiplier no longer works in this process; the account and other processes are not touched."""
    process = load_process(process_id)
    user = _multiplier_or_404(process, user_id)
    if ConfirmForm().validate_on_submit():
        membership.leave_process(user, process)
        audit.record("multiplier_removed", user, process_id=process.id)
        db.session.commit()
        flash(_("%(name)s arbeitet nicht mehr in diesem Prozess.", name=user.name or user.email), "success")
    return redirect(url_for("planning.multipliers", process_id=process.id))


@bp.route("/processes/<int:process_id>/multipliers/invitations/<int:membership_invitation_id>/link",
          methods=["POST"])
@role_required("planner", "admin")
def invitation_new_link(process_id: int, membership_invitation_id: int):
    """A fresh link for an invitation not used yet; the earlier link stops working."""
    process = load_process(process_id)
    invitation = _pending_or_404(process, membership_invitation_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = invitation.new_token()
    audit.record("multiplier_link_issued", invitation, process_id=process.id)
    db.session.commit()
    return render_template("planning/multiplier_link.html", process=process, person=invitation,
                           invitation_link=_invitation_link(token))


@bp.route("/processes/<int:process_id>/multipliers/invitations/<int:membership_invitation_id>/withdraw",
          methods=["POST"])
@role_required("planner", "admin")
def invitation_withdraw(process_id: int, membership_invitation_id: int):
    process = load_process(process_id)
    invitation = _pending_or_404(process, membership_invitation_id)
    if ConfirmForm().validate_on_submit():
        audit.record("multiplier_invitation_withdrawn", invitation, process_id=process.id)
        db.session.delete(invitation)
        db.session.commit()
        flash(_("Einladung zurückgezogen."), "success")
    return redirect(url_for("planning.multipliers", process_id=process.id))


@bp.route("/processes/<int:process_id>/records")
@role_required("planner", "admin")
def process_records(process_id: int):
    """Every interview and focus-group session of the process, whoever recorded it."""
    process = load_process(process_id)
    return render_template("planning/records.html", process=process,
                           records=visible_records(current_user, process))

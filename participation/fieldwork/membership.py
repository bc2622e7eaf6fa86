"""Who belongs to a process as a multiplier, and who may manage which account.

A planner's invitation links nothing by itself: a new person creates their account with the link, the
holder of an existing account accepts it after logging in. Planners get the same answer whatever the
address, so they learn nothing about accounts outside their processes. Password links and deactivation
are for accounts that belong to no process outside the acting planner's; administrators may do both for
everyone. Functions need an app context, no request.
"""
from __future__ import annotations

from sqlalchemy import func

from .. import audit
from ..extensions import db
from ..models import MembershipInvitation, Process, User, utcnow


class InvitationNotForThisAccount(ValueError):
    """The logged-in account is not the invited address, or is not a multiplier account."""


def account_with_email(email: str) -> User | None:
    return db.session.execute(db.select(User).where(func.lower(User.email) == email.strip().lower())
                              ).scalar_one_or_none()


def invite_to_process(process: Process, email: str, name: str, questionnaires) -> tuple[MembershipInvitation, str]:
    """A pending invitation (replacing an earlier one for the same address) and its one-time link token."""
    email = email.strip().lower()
    invitation = db.session.execute(db.select(MembershipInvitation).filter_by(
        process_id=process.id, email=email, used_at=None)).scalar_one_or_none()
    if invitation is None:
        invitation = MembershipInvitation(process=process, email=email)
        db.session.add(invitation)
    invitation.name = name.strip()
    invitation.questionnaire_ids = [q.id for q in questionnaires if q.process_id == process.id]
    token = invitation.new_token()
    db.session.flush()
    audit.record("multiplier_invited", invitation, process_id=process.id)
    db.session.commit()
    return invitation, token


def pending_invitations(process: Process) -> list[MembershipInvitation]:
    return list(db.session.execute(
        db.select(MembershipInvitation)
        .where(MembershipInvitation.process_id == process.id, MembershipInvitation.used_at.is_(None),
               MembershipInvitation.expires_at > utcnow())
        .order_by(MembershipInvitation.created_at)).scalars())


def create_account_from(invitation: MembershipInvitation, password: str) -> User:
    """The invitee is new: their multiplier account, in the process, with the planner's assignments."""
    user = User(email=invitation.email, name=invitation.name, role="multiplier", active=True)
    user.set_password(password)
    db.session.add(user)
    _join(user, invitation)
    audit.record("invitation_accepted", user, user=user, process_id=invitation.process_id)
    db.session.commit()
    return user


def accept(invitation: MembershipInvitation, user: User) -> None:
    """The account holder, logged in, agrees to work in the inviting process."""
    if user.role != "multiplier" or user.email.lower() != invitation.email:
        raise InvitationNotForThisAccount(invitation.email)
    _join(user, invitation)
    audit.record("invitation_accepted", user, user=user, process_id=invitation.process_id)
    db.session.commit()


def _join(user: User, invitation: MembershipInvitation) -> None:
    process = invitation.process
    if process not in user.processes:
        user.processes.append(process)
    chosen = [q for q in process.questionnaires if q.id in set(invitation.questionnaire_ids or [])]
    set_assignments(user, process, chosen)
    invitation.used_at = utcnow()


def set_assignments(user: User, process: Process, questionnaires) -> None:
    """Replace the user's assignments within this process; those of other processes stay."""
    chosen = [q for q in questionnaires if q.process_id == process.id]
    user.assigned_questionnaires = [q for q in user.assigned_questionnaires if q.process_id != process.id] + chosen


def may_manage_account(actor: User, user: User) -> bool:
    """Password links and (de)activation: admins always, planners only for accounts wholly within their
    own processes (an account shared with another process is that process's business too)."""
    if actor.role == "admin":
        return True
    return actor.role == "planner" and all(actor.can_plan(process) for process in user.processes)


def leave_process(user: User, process: Process) -> None:
    """The multiplier no longer works in this process; their records stay, their assignments there go."""
    set_assignments(user, process, [])
    if process in user.processes:
        user.processes.remove(process)

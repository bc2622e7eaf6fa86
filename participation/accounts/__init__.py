"""User accounts: one set of rules for passwords, e-mail addresses and password resets.

Used by the command line (`create-user`, `reset-password`), the admin area and the web password form.
"""
from __future__ import annotations

from datetime import timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from .. import audit
from ..extensions import db
from ..links import NoBaseURL, absolute_url
from ..models import ROLES, Invitation, Process, User, utcnow

# The web's password form (forms.auth.SetPasswordForm) uses the same limits.
PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 200
RESET_VALID_FOR = timedelta(days=2)


class AccountError(ValueError):
    """Input an operator can correct; the message never contains a password or its hash."""


def check_password_rules(password: str) -> None:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise AccountError(f"The password needs at least {PASSWORD_MIN_LENGTH} characters.")
    if len(password) > PASSWORD_MAX_LENGTH:
        raise AccountError(f"The password may have at most {PASSWORD_MAX_LENGTH} characters.")


def normalised_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise AccountError(f"{email!r} is not a valid e-mail address: {error}") from None


def find_user(email: str) -> User | None:
    return db.session.execute(
        db.select(User).where(func.lower(User.email) == email.strip().lower())).scalar_one_or_none()


def create_account(email: str, role: str, password: str, name: str = "", process_ids=()) -> User:
    """A new active account; refuses duplicates, weak passwords and unknown processes with a clear message."""
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    email = normalised_email(email)
    check_password_rules(password)
    if find_user(email) is not None:
        raise AccountError(f"An account with {email} exists already. "
                           f"Use `flask --app wsgi reset-password {email}` to set a new password.")
    processes = []
    for process_id in process_ids:
        process = db.session.get(Process, process_id)
        if process is None:
            raise AccountError(f"There is no process with id {process_id}.")
        processes.append(process)
    user = User(email=email, name=name.strip(), role=role, active=True)
    user.set_password(password)
    user.processes = processes
    db.session.add(user)
    try:
        db.session.flush()
        audit.record("user_created", user, user=False, role=role)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise AccountError(f"An account with {email} exists already.") from None
    return user


def issue_password_reset(user: User, issued_by=None) -> str:
    """A one-time reset token; earlier unused links of the account stop working. Returns the clear token."""
    now = utcnow()
    for earlier in db.session.execute(db.select(Invitation).filter_by(user_id=user.id, used_at=None)).scalars():
        earlier.used_at = now
    invitation, token = Invitation.issue(user, purpose="reset", valid_for=RESET_VALID_FOR)
    db.session.add(invitation)
    audit.record("password_reset_issued", user, user=issued_by)
    db.session.commit()
    return token


def issue_reset_link(email: str) -> str:
    """For `flask reset-password`: the absolute one-time link (needs PUBLIC_BASE_URL outside a request)."""
    user = find_user(email)
    if user is None:
        raise AccountError(f"There is no account with {email.strip().lower()}.")
    try:
        absolute_url("auth.accept_invitation", token="check")
    except NoBaseURL:
        raise AccountError("Set PUBLIC_BASE_URL (e.g. in instance/.env) so the link points at this site.") from None
    return absolute_url("auth.accept_invitation", token=issue_password_reset(user, issued_by=False))

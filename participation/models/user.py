"""Accounts for planners, administrators and multipliers. Residents never have one."""
import hashlib
import secrets
from datetime import timedelta

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .core import UTCDateTime, utcnow

ROLES = ("admin", "planner", "multiplier")

process_members = Table(
    "process_member",
    db.metadata,
    Column("process_id", ForeignKey("process.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
)

questionnaire_assignments = Table(
    "questionnaire_assignment",
    db.metadata,
    Column("questionnaire_id", ForeignKey("questionnaire.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
)


class User(UserMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    preferred_language: Mapped[str | None] = mapped_column(String(10), nullable=True)
    # Part of every session cookie; a new value ends all sessions of the account on the server
    # (logout, password change, deactivation).
    session_token: Mapped[str] = mapped_column(String(32), default=lambda: secrets.token_hex(16))
    created_at = mapped_column(UTCDateTime, default=utcnow)

    processes = relationship("Process", secondary=process_members, back_populates="members")
    assigned_questionnaires = relationship("Questionnaire", secondary=questionnaire_assignments)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    def end_sessions(self) -> None:
        """Every session cookie issued so far stops working, on every device."""
        self.session_token = secrets.token_hex(16)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)
        self.end_sessions()

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    def has_role(self, *roles: str) -> bool:
        return self.role in roles

    def can_plan(self, process) -> bool:
        """Admins plan every process, planners only those they are members of."""
        if self.role == "admin":
            return True
        return self.role == "planner" and process in self.processes

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class OneTimeLink:
    """A link whose token is stored only as a hash and works until it expires or is used."""

    @classmethod
    def find_usable(cls, token: str):
        link = db.session.execute(db.select(cls).filter_by(token_hash=hash_token(token))).scalar_one_or_none()
        if link is None or link.used_at is not None or link.expires_at < utcnow():
            return None
        return link


class Invitation(OneTimeLink, db.Model):
    """A one-time link with which an invited person sets their own password."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(20), default="invite")  # invite | reset
    created_at = mapped_column(UTCDateTime, default=utcnow)
    expires_at = mapped_column(UTCDateTime)
    used_at = mapped_column(UTCDateTime, nullable=True)

    user = relationship("User")

    @classmethod
    def issue(cls, user: User, purpose: str = "invite", valid_for: timedelta = timedelta(days=7)):
        """Create an invitation and return it with the clear-text token (only the hash is stored)."""
        token = secrets.token_urlsafe(32)
        invitation = cls(user=user, token_hash=hash_token(token), purpose=purpose,
                         expires_at=utcnow() + valid_for)
        return invitation, token


class MembershipInvitation(OneTimeLink, db.Model):
    """A planner's invitation of a multiplier into a process, handed over as a one-time link.

    Nothing is linked before the invitee uses the link: a new person creates their account with it, the
    holder of an existing account accepts it in their own session. So a planner can neither take over nor
    find out about accounts of other processes.
    """

    __tablename__ = "membership_invitation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(120), default="")
    questionnaire_ids: Mapped[list] = mapped_column(JSON, default=list)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    expires_at = mapped_column(UTCDateTime)
    used_at = mapped_column(UTCDateTime, nullable=True)

    process = relationship("Process")

    def new_token(self, valid_for: timedelta = timedelta(days=7)) -> str:
        """A fresh link; an earlier one stops working."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.expires_at = utcnow() + valid_for
        return token

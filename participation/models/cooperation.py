"""Cooperation (issue #23): what a process knows about its actors, its committees and their meetings.

Actors are the process's bodies (strategy_body, "Akteure" in the UI); this module adds their profile
without a second list of organisations. Committees (Gremien: Steuerungsgruppe, Arbeitsgruppen, Netzwerke,
Konferenzen) have memberships over time; their meetings record attendance, decisions and tasks, which
feed the network map (participation/cooperation/network.py).
"""
from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..extensions import db
from .core import UTCDateTime, utcnow

ACTOR_KINDS = ("department", "health_insurer", "welfare", "school", "kita", "club", "migrant_org", "housing",
               "health", "business", "initiative", "other")
COMMITTEE_KINDS = ("steering", "working_group", "network", "conference", "other")

actor_field = Table(
    "coop_actor_field", db.metadata,
    Column("actor_id", ForeignKey("coop_actor.id", ondelete="CASCADE"), primary_key=True),
    Column("field_id", ForeignKey("strategy_field.id", ondelete="CASCADE"), primary_key=True),
)


class ActorProfile(db.Model):
    """What the process knows about one body as an actor; one row per body, created when first edited.

    `confidential_profile` is the stakeholder analysis: planners of the process only, in no export and not
    in the process archive."""

    __tablename__ = "coop_actor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("strategy_body.id", ondelete="CASCADE"), unique=True)
    actor_kind: Mapped[str] = mapped_column(String(30), default="other")
    districts: Mapped[list] = mapped_column(JSON, default=list)
    resources: Mapped[str] = mapped_column(Text, default="")
    interests: Mapped[str] = mapped_column(Text, default="")
    # info "confidential": the process archive leaves the column out (participation/exports/archive.py).
    confidential_profile: Mapped[str] = mapped_column(Text, default="", info={"confidential": True})

    body = relationship("Body", backref=backref("profile", uselist=False, cascade="all, delete-orphan"))
    fields = relationship("StrategyField", secondary=actor_field, order_by="StrategyField.position")


class ActorContact(db.Model):
    """A contact role of an actor. The role stays when people change; a name only with recorded consent."""

    __tablename__ = "coop_actor_contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("coop_actor.id", ondelete="CASCADE"), index=True)
    role_title: Mapped[str] = mapped_column(String(200))
    person_name: Mapped[str] = mapped_column(String(200), default="")
    consent_on = mapped_column(Date, nullable=True)

    actor = relationship("ActorProfile", backref=backref("contacts", cascade="all, delete-orphan",
                                                         order_by="ActorContact.id"))


class Committee(db.Model):
    """A Gremium of the process: Steuerungsgruppe, working group, network or conference."""

    __tablename__ = "coop_committee"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="working_group")
    purpose: Mapped[str] = mapped_column(Text, default="")
    field_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_field.id", ondelete="SET NULL"),
                                                 nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    field = relationship("StrategyField")


class CommitteeMembership(db.Model):
    """An actor's seat in a committee from a date to a date (open end: still a member)."""

    __tablename__ = "coop_membership"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("coop_committee.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("strategy_body.id", ondelete="CASCADE"), index=True)
    starts_on = mapped_column(Date)
    ends_on = mapped_column(Date, nullable=True)
    role: Mapped[str] = mapped_column(String(200), default="")
    mandate: Mapped[str] = mapped_column(Text, default="")

    body = relationship("Body")
    committee = relationship("Committee", backref=backref(
        "memberships", cascade="all, delete-orphan",
        order_by=lambda: [CommitteeMembership.starts_on, CommitteeMembership.id]))


meeting_attendance = Table(
    "coop_attendance", db.metadata,
    Column("meeting_id", ForeignKey("coop_meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("body_id", ForeignKey("strategy_body.id", ondelete="CASCADE"), primary_key=True),
)


class Meeting(db.Model):
    """A meeting of a committee: agenda, who attended (by actor), minutes."""

    __tablename__ = "coop_meeting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("coop_committee.id", ondelete="CASCADE"), index=True)
    held_on = mapped_column(Date)
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")

    committee = relationship("Committee", backref=backref(
        "meetings", cascade="all, delete-orphan", order_by=lambda: [Meeting.held_on, Meeting.id]))
    attendees = relationship("Body", secondary=meeting_attendance, order_by="Body.position")


class MeetingDecision(db.Model):
    """A decision of a meeting, optionally tied to the strategy; public ones appear on the residents' page."""

    __tablename__ = "coop_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("coop_meeting.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    field_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_field.id", ondelete="SET NULL"),
                                                 nullable=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_goal.id", ondelete="SET NULL"), nullable=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_measure.id", ondelete="SET NULL"),
                                                   nullable=True)

    meeting = relationship("Meeting", backref=backref("decisions", cascade="all, delete-orphan",
                                                      order_by="MeetingDecision.id"))
    field = relationship("StrategyField")
    goal = relationship("Goal")
    measure = relationship("Measure")


class MeetingTask(db.Model):
    """A task agreed in a meeting: who does it by when, optionally for a measure."""

    __tablename__ = "coop_task"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("coop_meeting.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_body.id", ondelete="SET NULL"), nullable=True)
    due_on = mapped_column(Date, nullable=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("strategy_measure.id", ondelete="SET NULL"),
                                                   nullable=True)

    meeting = relationship("Meeting", backref=backref("tasks", cascade="all, delete-orphan",
                                                      order_by="MeetingTask.id"))
    body = relationship("Body")
    measure = relationship("Measure")


class CooperationQuestionnaire(db.Model):
    """A survey or guide made from a cooperation template: the partner survey (its first wave; later waves
    point back to it through previous_wave) or an interview guide for key people."""

    __tablename__ = "coop_questionnaire"

    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id", ondelete="CASCADE"),
                                                  primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    created_at = mapped_column(UTCDateTime, default=utcnow)

    questionnaire = relationship("Questionnaire")


class CooperationAgreement(db.Model):
    """A Kooperationsvereinbarung of a committee: its term, when it is to be reviewed, and its partners.

    `review_on` is the next review; marking a review records `reviewed_on` and moves `review_on` on, so a
    reminder is due exactly while `review_on` is today or past."""

    __tablename__ = "coop_agreement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("coop_committee.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_on = mapped_column(Date, nullable=True)
    ends_on = mapped_column(Date, nullable=True)
    review_on = mapped_column(Date, nullable=True)
    reviewed_on = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)

    committee = relationship("Committee", backref=backref(
        "agreements", cascade="all, delete-orphan",
        order_by=lambda: [CooperationAgreement.starts_on, CooperationAgreement.id]))


class AgreementPartner(db.Model):
    """A partner of an agreement: an actor of the process with its goal, contribution and role in it."""

    __tablename__ = "coop_agreement_partner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("coop_agreement.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("strategy_body.id", ondelete="CASCADE"), index=True)
    goal: Mapped[str] = mapped_column(Text, default="")
    contribution: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(200), default="")

    body = relationship("Body")
    agreement = relationship("CooperationAgreement", backref=backref(
        "partners", cascade="all, delete-orphan", order_by="AgreementPartner.id"))


__all__ = ["ACTOR_KINDS", "COMMITTEE_KINDS", "ActorProfile", "ActorContact", "Committee", "CommitteeMembership",
           "Meeting", "MeetingDecision", "MeetingTask", "CooperationAgreement", "AgreementPartner",
           "CooperationQuestionnaire", "actor_field", "meeting_attendance"]

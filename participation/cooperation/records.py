"""Actors, committees and meetings of a process: labels, lookups and the lists the overview shows."""
from datetime import date

from flask_babel import gettext as _

from ..extensions import db
from ..models import ActorProfile, Body, Committee, Meeting, MeetingDecision, MeetingTask


def actor_kind_labels() -> dict[str, str]:
    return {"department": _("Amt / Fachbereich"), "health_insurer": _("Krankenkasse"),
            "welfare": _("Wohlfahrtsverband"), "school": _("Schule"), "kita": _("Kita"), "club": _("Verein"),
            "migrant_org": _("Migrantenorganisation"), "housing": _("Wohnungsunternehmen"),
            "health": _("Gesundheitswesen"), "business": _("Wirtschaft"), "initiative": _("Initiative"),
            "other": _("Sonstige")}


def committee_kind_labels() -> dict[str, str]:
    return {"steering": _("Steuerungsgruppe"), "working_group": _("Arbeitsgruppe"), "network": _("Netzwerk"),
            "conference": _("Konferenz"), "other": _("Sonstiges Gremium")}


def profile_of(body: Body) -> ActorProfile:
    """The body's actor profile, created empty the first time it is needed."""
    if body.profile is None:
        body.profile = ActorProfile(actor_kind="other", districts=[], resources="", interests="",
                                    confidential_profile="")
    return body.profile


def meetings_of(process) -> list[Meeting]:
    return list(db.session.execute(
        db.select(Meeting).join(Committee).where(Committee.process_id == process.id)
        .order_by(Meeting.held_on.desc(), Meeting.id)).scalars())


def overdue_tasks(process, today: date) -> list[MeetingTask]:
    """Open tasks from the process's meetings whose due date has passed."""
    return list(db.session.execute(
        db.select(MeetingTask).join(Meeting).join(Committee)
        .where(Committee.process_id == process.id, MeetingTask.done.is_(False), MeetingTask.due_on < today)
        .order_by(MeetingTask.due_on, MeetingTask.id)).scalars())


def public_decisions(process) -> list[MeetingDecision]:
    """Decisions of the process's committees marked public, newest first (residents' page)."""
    return list(db.session.execute(
        db.select(MeetingDecision).join(Meeting).join(Committee)
        .where(Committee.process_id == process.id, MeetingDecision.public.is_(True))
        .order_by(Meeting.held_on.desc(), MeetingDecision.id)).scalars())


def memberships_of(body: Body) -> list:
    committees = db.session.execute(
        db.select(Committee).where(Committee.process_id == body.process_id)).scalars()
    return sorted((m for c in committees for m in c.memberships if m.body_id == body.id),
                  key=lambda m: (m.starts_on or date.min, m.id))

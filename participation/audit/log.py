"""Reading the audit log: filter by process, person, action and date; the same rows for the page and CSV."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import format_datetime
from flask_babel import gettext as _

from ..exports.data import formula_safe
from ..extensions import db
from ..models import AuditEvent, Process, User
from .labels import action_label, object_label

PAGE_SIZE = 500


@dataclass
class AuditFilter:
    process_id: int | None = None
    user_id: int | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None


def events(selection: AuditFilter, limit: int | None = PAGE_SIZE) -> list[AuditEvent]:
    """Newest first. Dates are whole days in the server's time zone's calendar (UTC bounds)."""
    query = db.select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if selection.process_id:
        query = query.where(AuditEvent.process_id == selection.process_id)
    if selection.user_id:
        query = query.where(AuditEvent.user_id == selection.user_id)
    if selection.action:
        query = query.where(AuditEvent.action == selection.action)
    if selection.since:
        query = query.where(AuditEvent.at >= datetime.combine(selection.since, time.min))
    if selection.until:
        query = query.where(AuditEvent.at < datetime.combine(selection.until + timedelta(days=1), time.min))
    if limit:
        query = query.limit(limit)
    return db.session.execute(query).scalars().all()


def known_actions() -> list[str]:
    return db.session.execute(db.select(AuditEvent.action).group_by(AuditEvent.action)
                              .order_by(AuditEvent.action)).scalars().all()


def people() -> list[User]:
    return db.session.execute(db.select(User).order_by(User.email)).scalars().all()


def processes() -> list[Process]:
    return db.session.execute(db.select(Process).order_by(Process.title)).scalars().all()


TITLE_DETAILS = ("title", "label", "new")


def recorded_title(event: AuditEvent) -> str:
    """The title as it was: stored with the event, or for events written before titles were stored,
    the title some actions kept in their details (deletes, renames)."""
    if event.object_title:
        return event.object_title
    details = event.details if isinstance(event.details, dict) else {}
    return next((str(details[key]).strip() for key in TITLE_DETAILS
                 if isinstance(details.get(key), str) and details[key].strip()), "")


def object_text(event: AuditEvent) -> str:
    """"Maßnahme „Abendlinie“ (#4)": the title as it was, with the id for tracing; an event that kept
    no title says so instead of passing off today's object under that id as the one meant."""
    if not event.object_type:
        return ""
    kind = object_label(event.object_type)
    reference = f"#{event.object_id}" if event.object_id else ""
    title = recorded_title(event)
    if title:
        return (_("%(kind)s „%(title)s“ (%(reference)s)", kind=kind, title=title, reference=reference) if reference
                else _("%(kind)s „%(title)s“", kind=kind, title=title))
    return _("%(kind)s %(reference)s (Titel nicht erfasst)", kind=kind, reference=reference).replace("  ", " ")


def audit_csv(rows: list[AuditEvent]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_("Zeit"), _("Person"), _("Prozess"), _("Aktion"), _("Aktionscode"), _("Objekt")])
    for event in rows:
        writer.writerow([format_datetime(event.at, "yyyy-MM-dd HH:mm"),
                         formula_safe(event.user.email if event.user else ""),
                         formula_safe(event.process.title if event.process else ""),
                         formula_safe(action_label(event.action)), event.action, formula_safe(object_text(event))])
    return "\ufeff" + buffer.getvalue()

"""Writing to the audit log. Entries are only ever added, never edited from the UI."""
from flask_login import current_user

from ..extensions import db
from ..models import AuditEvent


TITLE_ATTRIBUTES = ("audit_title", "title", "label", "name", "text", "email", "code")


def title_of(obj) -> str:
    """What a person would call the object now (kept with the event, so a later rename or delete does not
    change what the log says). Models without a title of their own name one with `audit_title`."""
    for attribute in TITLE_ATTRIBUTES:
        value = getattr(obj, attribute, None) if obj is not None else None
        if isinstance(value, str) and value.strip():
            return value.strip()[:300]
    return ""


def record(action: str, obj=None, *, process_id: int | None = None, user=None, **details) -> AuditEvent:
    """Add an audit event to the current transaction (committed with the change it describes)."""
    actor = user if user is not None else (current_user if current_user and current_user.is_authenticated
                                           else None)
    if process_id is None and obj is not None:
        process_id = getattr(obj, "process_id", None)
        if process_id is None and type(obj).__name__ == "Process":
            process_id = obj.id
    event = AuditEvent(
        user_id=getattr(actor, "id", None),
        process_id=process_id,
        action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "id", "") or "") if obj is not None else "",
        object_title=title_of(obj),
        details=details,
    )
    db.session.add(event)
    return event

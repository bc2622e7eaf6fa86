"""Who may see what: role checks used by every non-public area."""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required


def role_required(*roles: str):
    """Only logged-in users with one of the roles; others are sent to login or refused."""
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def require_planner_of(process) -> None:
    """Refuse unless the current user plans this process (no access through guessed ids)."""
    if process is None:
        abort(404)
    if not current_user.is_authenticated or not current_user.can_plan(process):
        abort(403)

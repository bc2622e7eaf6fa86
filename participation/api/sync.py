"""POST /api/sync: records captured offline by multipliers, each accepted once per client id."""
from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from ..fieldwork.records import submit_record
from ..web import json_error
from . import bp

MAX_RECORDS_PER_BATCH = 100


@bp.route("/api/sync", methods=["POST"])
def sync():
    """Store good records and reject bad ones one by one; a repeated batch stores nothing twice.

    Body: {"records": [record, ...]}; answer: {"results": [{"client_id", "status", "errors"?...}]}.
    Session-authenticated; the CSRF token travels in the X-CSRFToken header.
    """
    if not current_user.is_authenticated:
        return json_error(401, "login_required", _("Bitte melden Sie sich an."))
    if not current_user.has_role("multiplier", "planner", "admin"):
        return json_error(403, "forbidden", _("Sie haben keine Berechtigung für diese Seite."))
    payload = request.get_json(silent=True)
    records = payload.get("records") if isinstance(payload, dict) else None
    if not isinstance(records, list):
        return json_error(400, "bad_request", _("Erwartet wird JSON mit einer Liste „records“."))
    if len(records) > MAX_RECORDS_PER_BATCH:
        return json_error(413, "too_many_records",
                          _("Bitte höchstens %(count)d Einträge auf einmal senden.", count=MAX_RECORDS_PER_BATCH))
    user = current_user._get_current_object()
    return jsonify({"results": [submit_record(user, record).as_dict() for record in records]})

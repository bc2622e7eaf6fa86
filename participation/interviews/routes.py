from flask import render_template
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..models import Response
from . import bp


@bp.route("/")
@role_required("multiplier", "planner", "admin")
def index():
    """A multiplier sees only the records they made themselves."""
    records = db.session.execute(
        db.select(Response).where(Response.recorded_by_id == current_user.id)
        .order_by(Response.created_at.desc())).scalars().all()
    return render_template("interviews/index.html", records=records)

"""Planners: retention date of a process and refused flood attempts on its surveys."""
from datetime import datetime, time, timezone

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from .. import audit
from ..auth.access import role_required
from ..extensions import db
from ..forms.privacy import RetentionForm
from ..models import Process
from ..privacy.flooding import refused_submissions
from . import bp
from .loading import load_process


@bp.app_template_global("refused_submissions")
def refused_submissions_global(process: Process) -> list[dict]:
    return refused_submissions(process)


@bp.route("/processes/<int:process_id>/privacy", methods=["GET", "POST"])
@role_required("planner", "admin")
def privacy(process_id: int):
    process = load_process(process_id)
    current = process.retention_until.date() if process.retention_until else None
    form = RetentionForm(data={"retention_until": current})
    if form.validate_on_submit():
        chosen = form.retention_until.data
        process.retention_until = datetime.combine(chosen, time(0, 0), tzinfo=timezone.utc) if chosen else None
        audit.record("retention_changed", process, retention_until=chosen.isoformat() if chosen else None)
        db.session.commit()
        flash(_("Aufbewahrungsfrist gespeichert."), "success")
        return redirect(url_for("planning.privacy", process_id=process.id))
    return render_template("planning/privacy.html", process=process, form=form,
                           refused=refused_submissions(process))

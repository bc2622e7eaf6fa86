"""Reruns of the theme analysis: the preview of what a rerun would change, apply or discard it."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..forms.themes import ActionForm
from ..models import AnalysisRun
from ..themes import rerun, runs
from . import bp
from .loading import load_process


def _run(process, run_id: int) -> AnalysisRun:
    run = db.session.get(AnalysisRun, run_id)
    if run is None or run.process_id != process.id:
        abort(404)
    return run


@bp.route("/processes/<int:process_id>/themes/runs/<int:run_id>/apply", methods=["POST"])
@role_required("planner", "admin")
def apply_theme_rerun(process_id: int, run_id: int):
    process = load_process(process_id)
    run = _run(process, run_id)
    if ActionForm().validate_on_submit():
        try:
            plan = rerun.apply_preview(run, user=current_user)
        except runs.AnalysisError as error:
            flash(str(error), "error")
        else:
            flash(_("Die neue Analyse wurde übernommen: %(kept)s Themen bleiben, %(new)s sind neu, "
                    "%(dissolved)s aufgelöst. Sie können das als Ganzes rückgängig machen.",
                    kept=len(plan.kept), new=len(plan.created), dissolved=len(plan.dissolved)), "success")
    return redirect(url_for("planning.themes_index", process_id=process.id))


@bp.route("/processes/<int:process_id>/themes/runs/<int:run_id>/discard", methods=["POST"])
@role_required("planner", "admin")
def discard_theme_rerun(process_id: int, run_id: int):
    process = load_process(process_id)
    run = _run(process, run_id)
    if ActionForm().validate_on_submit():
        try:
            rerun.discard_preview(run, user=current_user)
        except runs.AnalysisError as error:
            flash(str(error), "error")
        else:
            flash(_("Die neue Analyse wurde verworfen; die Themen bleiben, wie sie waren."), "success")
    return redirect(url_for("planning.themes_index", process_id=process.id))

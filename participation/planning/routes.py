from flask import render_template
from flask_login import current_user
from sqlalchemy import func

from ..auth.access import role_required
from ..extensions import db
from ..models import Process, Response
from ..reach.aggregates import total_responses
from . import bp
from .loading import load_process


def plannable_processes() -> list[Process]:
    processes = db.session.execute(db.select(Process).order_by(Process.id)).scalars().all()
    return [p for p in processes if current_user.can_plan(p)]


@bp.route("/")
@role_required("planner", "admin")
def index():
    processes = plannable_processes()
    counts = {process.id: total_responses(process) for process in processes}     # residents, not partners
    return render_template("planning/index.html", processes=processes, counts=counts)


@bp.route("/processes/<int:process_id>")
@role_required("planner", "admin")
def process_overview(process_id: int):
    process = load_process(process_id)
    counts = dict(db.session.execute(
        db.select(Response.questionnaire_id, func.count(Response.id))
        .where(Response.process_id == process.id).group_by(Response.questionnaire_id)).all())
    return render_template("planning/process.html", process=process, counts=counts)

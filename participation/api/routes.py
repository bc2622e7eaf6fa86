from flask import current_app, jsonify
from flask_login import current_user
from sqlalchemy import text

from ..extensions import csrf, db
from ..models import Job, Process
from ..web import json_error
from . import bp


@bp.route("/healthz")
@csrf.exempt
def healthz():
    """Liveness: the process serves requests (for restarts by systemd or an orchestrator). No checks."""
    return jsonify({"status": "alive"})


@bp.route("/healthz/ready")
def readiness():
    """Readiness and status for load balancers and monitoring (see README, "Monitoring").

    503 only when this process cannot serve residents (database unreachable). A missing queue or worker
    makes the status "degraded" with 200: jobs then run in-process or wait, residents are still served.
    """
    report = status_report()
    return jsonify(report), 503 if report["status"] == "unavailable" else 200


def status_report() -> dict:
    """Database, queue, worker heartbeat age, jobs queued too long, and the overall status."""
    from ..jobs.health import job_health
    report = {"database": _database_ok(), "queue": _queue_status()}
    if report["database"] != "ok":
        report["status"] = "unavailable"
        return report
    report.update(job_health())
    report["status"] = "degraded" if report["queue"] == "unreachable" or report["problems"] else "ok"
    return report


def _database_ok() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except Exception:
        db.session.rollback()
        return "unreachable"


def _queue_status() -> str:
    url = current_app.config.get("REDIS_URL")
    if not url:
        return "in-process"
    try:
        from redis import Redis
        Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
        return "ok"
    except Exception:
        return "unreachable"


def planner_refusal(process=None):
    """A JSON refusal unless the current user is a planner (of `process`, when given); None when allowed."""
    if not current_user.is_authenticated or not current_user.has_role("planner", "admin"):
        return json_error(403, "forbidden", "login as planner required")
    if process is not None and not current_user.can_plan(process):
        return json_error(403, "forbidden", "not your process")
    return None


@bp.route("/api/jobs/<job_id>")
def job_status(job_id: str):
    """Progress of a background job, for the progress bars of planners."""
    refusal = planner_refusal()
    if refusal:
        return refusal
    job = db.session.get(Job, job_id)
    if job is None:
        return json_error(404, "job_not_found", "no such job")
    refusal = planner_refusal(db.session.get(Process, job.process_id) if job.process_id else None)
    if refusal:
        return refusal
    return jsonify(job.as_dict())

"""How analysis jobs meet the job runner: what to reset when a worker died mid-job (see jobs.reconcile),
and which failures are the planner's to fix rather than a fault."""
from sqlalchemy import update

from ..extensions import db
from ..jobs import expected_failure, on_stale
from ..models import AnalysisRun, utcnow
from .runs import AnalysisError

# "Too few answers" and the like are for the planner, not a fault for operators.
expected_failure(AnalysisError)


@on_stale("themes.run_analysis")
def analysis_run_lost_its_worker(record) -> None:
    """The run shows as failed (it wrote no themes) so planners can retry or start a new one."""
    run_id = (record.params or {}).get("run_id")
    if run_id is None:
        return
    with db.engine.begin() as connection:
        connection.execute(update(AnalysisRun).where(AnalysisRun.id == run_id,
                                                     AnalysisRun.status.in_(("queued", "running")))
                           .values(status="failed", finished_at=utcnow()))

"""What to reset besides the job when a worker died in the middle of it (see jobs.mark_stale_jobs_failed)."""
from sqlalchemy import update

from ..extensions import db
from ..jobs import on_stale
from ..models import AnalysisRun, utcnow


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

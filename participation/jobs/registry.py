"""Job functions known to every runner: importing this module registers them all (done at app start).

Areas register their job functions with `@job(name)` in their own modules; this module only imports
those modules, plus a tiny job for health checks and tests of the runners.
"""
from ..exports import jobs as export_jobs  # noqa: F401  (strategy workbook, report, data)
from ..outcomes import hearing  # noqa: F401  (confirmation and decision mails)
from ..privacy import retention  # noqa: F401  (privacy.apply_retention)
from ..themes import recovery, runs  # noqa: F401  (analysis and embedding jobs, reset of stale runs)
from . import job


@job("maintenance.ping")
def ping(ctx, steps: int = 3, fail: bool = False) -> dict:
    """A tiny job for health checks and tests of the runners: reports progress, can fail on purpose."""
    import time

    for step in range(steps):
        ctx.progress(int(100 * step / max(steps, 1)), f"step {step + 1} of {steps}")
        time.sleep(0.05)
    if fail:
        raise RuntimeError("failed on purpose")
    return {"steps": steps}

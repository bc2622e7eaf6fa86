"""Job functions known to every runner. Areas add theirs here (imported at app start)."""
from .jobs import job


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

from .exports import jobs as _export_jobs  # noqa: E402,F401  (registers the export job)

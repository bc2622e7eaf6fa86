"""Per-request work of a resident's way through a survey, in-process: SQL statements and time per step.

Run on demand (uses the same survey as benchmarks/load.py, recreates the schema of the given database):

    .venv/bin/python benchmarks/profile_pages.py [--residents 30] [--database-url URL] [--profile out.prof]

Every resident opens the start page, consents, answers three pages (GET + POST each) and sees the
thank-you page, through Flask's test client (no server, no network), one after another. It prints per
step the SQL statements and the mean milliseconds per request; with --profile it writes a cProfile file
of all requests (read it with `python -m pstats` or snakeviz). Figures on a busy machine vary; the
statement counts do not.
"""
from __future__ import annotations

import argparse
import cProfile
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.load import DEFAULT_DATABASE, PAGES, SUBMISSION, SURVEY_CODE, _token, prepare_database  # noqa: E402


class StatementCounter:
    """Counts the SQL statements the requests send while `step` is set (not those of the job thread)."""

    def __init__(self):
        self.step = None
        self.counts = defaultdict(int)
        self.thread = threading.get_ident()

    def __call__(self, *_args, **_kwargs):
        if self.step is not None and threading.get_ident() == self.thread:
            self.counts[self.step] += 1


def one_resident(client, marker: str, timed) -> None:
    start = timed("GET start", client.get, f"/s/{SURVEY_CODE}")
    response = timed("POST consent", client.post, f"/s/{SURVEY_CODE}",
                     data={"csrf_token": _token(start.text), "language": "de", "consent": "y"})
    location = response.headers["Location"]
    for number, answers in enumerate(PAGES, start=1):
        page = timed(f"GET page {number}", client.get, location)
        data = {"csrf_token": _token(page.text), "submission_id": _token(page.text, SUBMISSION), "nav": "next",
                **answers(marker)}
        response = timed(f"POST page {number}", client.post, location, data=data)
        if response.status_code != 302:
            raise RuntimeError(f"page {number}: HTTP {response.status_code}")
        location = response.headers["Location"]
    timed("GET thanks", client.get, location)


def measure_ceiling(database_url: str, requests: int) -> tuple[float, float]:
    """Mean wall and CPU seconds of the bare Flask + SQLAlchemy insert (benchmarks/ceiling_app.py) in-process."""
    import os
    os.environ["DATABASE_URL"] = database_url
    from benchmarks.ceiling_app import app, engine, metadata
    metadata.drop_all(engine)
    metadata.create_all(engine)
    client = app.test_client()
    client.post("/insert", data={"marker": "warm-up"})
    started, cpu_started = time.perf_counter(), time.thread_time()
    for number in range(requests):
        client.post("/insert", data={"marker": f"ceiling-{number:06d}"})
    return (time.perf_counter() - started) / requests, (time.thread_time() - cpu_started) / requests


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--residents", type=int, default=30)
    parser.add_argument("--database-url",
                        default=f"postgresql+psycopg://postgres@127.0.0.1:5432/{DEFAULT_DATABASE}")
    parser.add_argument("--profile", help="write a cProfile file of all requests here")
    args = parser.parse_args(argv)

    prepare_database(args.database_url)
    from sqlalchemy import event

    from participation import create_app
    from participation.extensions import db

    # every simulated resident is one test client: no per-survey or per-client flood limits
    app = create_app({"REDIS_URL": "", "SUBMISSIONS_PER_HOUR": 0, "SUBMISSIONS_PER_CLIENT_PER_HOUR": 0,
                      "DRAFTS_PER_CLIENT_PER_HOUR": 0, "SESSION_COOKIE_SECURE": False},
                     run_startup_tasks=False)
    counter = StatementCounter()
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", counter)
    seconds = defaultdict(float)
    cpu_seconds = defaultdict(float)
    calls = defaultdict(int)
    profiler = cProfile.Profile() if args.profile else None

    def timed(step, call, *call_args, **call_kwargs):
        counter.step = step
        if profiler:
            profiler.enable()
        started, cpu_started = time.perf_counter(), time.thread_time()
        response = call(*call_args, **call_kwargs)
        seconds[step] += time.perf_counter() - started
        cpu_seconds[step] += time.thread_time() - cpu_started
        if profiler:
            profiler.disable()
        counter.step = None
        calls[step] += 1
        return response

    one_resident(app.test_client(), "warm-up", lambda step, call, *a, **k: call(*a, **k))
    for number in range(args.residents):
        one_resident(app.test_client(), f"profile-{number:04d}", timed)
    app.extensions.get("job_threads") and app.extensions["job_threads"].shutdown(wait=True)

    ceiling_wall, ceiling_cpu = measure_ceiling(args.database_url, args.residents * 9)
    print(f"\n{args.residents} residents one after another, in-process (Flask test client)")
    print(f"{'step':<14} {'SQL/request':>11} {'ms/request':>10} {'CPU ms/request':>14}")
    total_statements = total_seconds = total_cpu = 0
    for step in calls:
        print(f"{step:<14} {counter.counts[step] / calls[step]:>11.1f} {1000 * seconds[step] / calls[step]:>10.1f} "
              f"{1000 * cpu_seconds[step] / calls[step]:>14.1f}")
        total_statements += counter.counts[step]
        total_seconds += seconds[step]
        total_cpu += cpu_seconds[step]
    requests = sum(calls.values())
    print(f"{'mean request':<14} {total_statements / requests:>11.1f} {1000 * total_seconds / requests:>10.1f} "
          f"{1000 * total_cpu / requests:>14.1f}")
    print(f"{'ceiling insert':<14} {1:>11.1f} {1000 * ceiling_wall:>10.1f} {1000 * ceiling_cpu:>14.1f}")
    print(f"CPU ratio (ceiling CPU ÷ platform CPU per request): {ceiling_cpu / (total_cpu / requests):.2f}")
    if profiler:
        profiler.dump_stats(args.profile)
        print(f"profile written to {args.profile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

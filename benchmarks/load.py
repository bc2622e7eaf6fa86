"""Load benchmark: many residents answer a multi-page survey at once; nothing may be lost or doubled.

Run on demand (needs PostgreSQL at 127.0.0.1 and gunicorn; creates and uses its own database):

    .venv/bin/python benchmarks/load.py [--residents 200] [--concurrency 8,32,64,128] [--workers 4]

It starts gunicorn (gthread workers) for the platform on a loopback port, warms both servers up (16
residents and 144 inserts, not measured), lets N residents each complete the survey (start page with
consent, three pages, thank-you page) with a bounded number of threads, and prints throughput and
latency percentiles per concurrency level. After each level it waits until the embedding asked for by
the residents' free text is done (its CPU is printed on its own), then sends the same number of requests
to a bare Flask + SQLAlchemy endpoint that inserts one row (nine per client, each over a client and
connection of its own, as residents send theirs), served by a second gunicorn with the same settings (the
framework ceiling), and prints the ratio; measuring both back to back keeps load from other
processes on the machine out of the ratio as far as possible. Finally it counts in the database: exactly
N responses per level, none duplicated, none partial, no draft left behind. Exit code 1 if any check fails.
With --redis-url, jobs run on one RQ worker beside gunicorn (the documented production setup).
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PYTHON_BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "bench_load"
SURVEY_CODE = "lastprobe"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|id="csrf_token"[^>]*value="([^"]+)"')
SUBMISSION = re.compile(r'name="submission_id" value="([^"]+)"')

SURVEY = {
    "short_code": SURVEY_CODE,
    "title": {"de": "Lastprobe"},
    "consent_text": {"de": "Ich bin einverstanden."},
    "sections": [
        {"title": {"de": "Über Sie"}, "questions": [
            {"code": "district", "kind": "district", "required": True, "profile_field": "district",
             "text": {"de": "In welchem Stadtteil wohnen Sie?"}},
            {"code": "children", "kind": "yes_no", "required": True, "text": {"de": "Leben Kinder bei Ihnen?"}},
            {"code": "years", "kind": "number", "min_value": 0, "max_value": 100, "text": {"de": "Jahre hier?"}},
        ]},
        {"title": {"de": "Ihre Meinung"}, "questions": [
            {"code": "satisfaction", "kind": "scale", "min_value": 1, "max_value": 5, "required": True,
             "text": {"de": "Wie wohl fühlen Sie sich?"}},
            {"code": "topics", "kind": "multiple_choice", "text": {"de": "Was ist Ihnen wichtig?"},
             "options": [{"code": "bus", "label": {"de": "Bus"}}, {"code": "doctors", "label": {"de": "Ärzte"}}]},
        ]},
        {"title": {"de": "In Ihren Worten"}, "questions": [
            {"code": "missing", "kind": "long_text", "required": True,
             "text": {"de": "Wo genau fehlt Ihnen Unterstützung?"}},
        ]},
    ],
}
ANSWERS_PER_RESPONSE = 6
PAGES = [
    lambda marker: {"q_district": "Nordstadt", "q_children": "yes", "q_years": "12"},
    lambda marker: {"q_satisfaction": "4", "q_topics": ["bus", "doctors"]},
    lambda marker: {"q_missing": f"Mehr Busse am Abend ({marker})"},
]


# start page, consent, GET + POST per page, thank-you page: the ceiling sends as many per client
REQUESTS_PER_RESIDENT = 3 + 2 * len(PAGES)
SHARED_TLS = ssl.create_default_context()
WARM_UP_RESIDENTS = 16


@dataclass
class Outcome:
    latencies: list = field(default_factory=list)
    completed: int = 0
    failures: list = field(default_factory=list)
    markers: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def succeeded(self, marker: str = "") -> None:
        with self.lock:
            self.completed += 1
            self.markers.append(marker)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(url: str) -> None:
    """Recreate the benchmark's own database schema and the survey."""
    database = url.rsplit("/", 1)[-1]
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], capture_output=True)
    os.environ.update(DATABASE_URL=url, LOAD_DEMO="0", AUTO_MIGRATE="0", SECRET_KEY="benchmark-secret-key-of-32-characters!",
                      INSTANCE_PATH=str(Path("/tmp") / f"bench-instance-{os.getuid()}"))
    from flask_migrate import upgrade
    from sqlalchemy import text

    from participation import create_app
    from participation.demo.loader import build_questionnaire
    from participation.extensions import db
    from participation.models import Process, Survey

    app = create_app({"REDIS_URL": ""}, run_startup_tasks=False)
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        upgrade(revision="heads")  # every branch head, also before the migrations are re-chained
        process = Process(title="Lastprobe", districts=["Nordstadt", "Hafen"], languages=["de"])
        db.session.add(process)
        build_questionnaire(Survey, process, SURVEY, status="open")
        db.session.commit()
        db.engine.dispose()


class Child:
    """A process the benchmark starts in its own session and stops again, with its output in a log file."""

    def __init__(self, command: list[str], environment: dict, log_path: Path):
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by this process and all processes of its session, e.g.
        gunicorn's workers: a figure other load on the machine hardly changes, unlike requests per second."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == self.process.pid:  # process group = session leader started by us
                # own user + system time, and that of children already reaped (e.g. RQ's work horses)
                total += sum(int(value) for value in fields[11:15])
        return total / ticks

    def stop(self, timeout: float = 15) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


class Worker(Child):
    """One `flask worker` (RQ) process for the benchmark's own queue."""

    def __init__(self, environment: dict, log_path: Path):
        super().__init__([str(PYTHON_BIN / "flask"), "--app", "wsgi", "worker"], environment, log_path)


class Gunicorn(Child):
    """One gunicorn on a loopback port, started and stopped by the benchmark itself."""

    def __init__(self, target: str, workers: int, threads: int, environment: dict, log_path: Path,
                 keep_alive: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__([str(PYTHON_BIN / "gunicorn"), "-k", "gthread", "-w", str(workers), "--threads",
                          str(threads), "-b", f"127.0.0.1:{self.port}", "--timeout", "60", "--graceful-timeout",
                          "5", "--keep-alive", str(keep_alive), target], environment, log_path)

    def wait_ready(self, path: str = "/healthz", timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log.name}")
            try:
                if httpx.get(self.url + path, timeout=2).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not become ready")


def _token(html: str, pattern=CSRF) -> str:
    match = pattern.search(html)
    if not match:
        raise RuntimeError("token missing in page")
    return next(group for group in match.groups() if group)


def one_resident(base_url: str, marker: str, outcome: Outcome, deadline: float) -> None:
    """Open the survey, consent, answer three pages, reach the thank-you page. Retries once on 503."""
    def timed(call, *args, **kwargs):
        started = time.perf_counter()
        response = call(*args, **kwargs)
        outcome.latencies.append(time.perf_counter() - started)
        if response.status_code == 503:
            time.sleep(1)
            started = time.perf_counter()
            response = call(*args, **kwargs)
            outcome.latencies.append(time.perf_counter() - started)
        return response

    try:
        # Its own client (cookies, connection) per resident; the TLS context is shared, because building one
        # cost ~29 ms of the load generator's CPU per resident, taken from the server measured beside it.
        with httpx.Client(base_url=base_url, timeout=60, follow_redirects=False, verify=SHARED_TLS) as client:
            start = timed(client.get, f"/s/{SURVEY_CODE}")
            response = timed(client.post, f"/s/{SURVEY_CODE}",
                             data={"csrf_token": _token(start.text), "language": "de", "consent": "y"})
            location = response.headers.get("Location", "")
            for page_number, answers in enumerate(PAGES, start=1):
                if time.monotonic() > deadline:
                    raise TimeoutError("benchmark time limit reached")
                page = timed(client.get, location)
                if page.status_code != 200:
                    raise RuntimeError(f"page {page_number}: HTTP {page.status_code}")
                data = {"csrf_token": _token(page.text), "submission_id": _token(page.text, SUBMISSION),
                        "nav": "next", **answers(marker)}
                response = timed(client.post, location, data=data)
                if response.status_code != 302:
                    raise RuntimeError(f"page {page_number} answer: HTTP {response.status_code}")
                location = response.headers["Location"]
            if not location.rstrip("/").split("?")[0].endswith("/danke"):
                raise RuntimeError(f"ended at {location}")
            thanks = timed(client.get, location)
            if thanks.status_code != 200:
                raise RuntimeError(f"thank-you page: HTTP {thanks.status_code}")
        outcome.succeeded(marker)
    except Exception as error:  # counted and reported; the database check decides what was stored
        outcome.failures.append(f"{marker}: {type(error).__name__}: {error}")


def ceiling_visitor(base_url: str, label: str, outcome: Outcome) -> None:
    """As many inserts over one client of its own as a resident sends requests over theirs."""
    with httpx.Client(base_url=base_url, timeout=60, verify=SHARED_TLS) as client:
        for number in range(REQUESTS_PER_RESIDENT):
            started = time.perf_counter()
            try:
                response = client.post("/insert", data={"marker": f"{label}-{number}"})
                outcome.latencies.append(time.perf_counter() - started)
                if response.status_code == 200:
                    outcome.succeeded()
                else:
                    outcome.failures.append(f"HTTP {response.status_code}")
            except httpx.HTTPError as error:
                outcome.failures.append(str(error))


def percentile(values: list, share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_residents(base_url: str, residents: int, concurrency: int, label: str, time_limit: float):
    outcome = Outcome()
    deadline = time.monotonic() + time_limit
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for number in range(residents):
            pool.submit(one_resident, base_url, f"{label}-{number:05d}", outcome, deadline)
    return outcome, time.perf_counter() - started


def run_ceiling(base_url: str, visitors: int, concurrency: int, label: str):
    outcome = Outcome()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for number in range(visitors):
            pool.submit(ceiling_visitor, base_url, f"{label}-{number:05d}", outcome)
    return outcome, time.perf_counter() - started


def verify(url: str, label: str, expected: int) -> dict:
    """Count what the database holds for one concurrency level."""
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    like = f"%({label}-%"
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT a.text_value, r.id, (SELECT count(*) FROM answer x WHERE x.response_id = r.id) "
            "FROM answer a JOIN response r ON r.id = a.response_id WHERE a.text_value LIKE :like"),
            {"like": like}).all()
        drafts = connection.execute(text("SELECT count(*) FROM survey_draft")).scalar()
    engine.dispose()
    markers = [re.search(r"\((.+)\)", row[0]).group(1) for row in rows]
    return {"stored": len(set(markers)), "expected": expected,
            "duplicated": len(markers) - len(set(markers)),
            "partial": sum(1 for row in rows if row[2] != ANSWERS_PER_RESPONSE),
            "drafts_left": drafts}


def wait_for_embeddings(url: str, timeout: float) -> int:
    """Wait until every free-text answer has its embedding (or the timeout); return how many still have none."""
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    deadline = time.monotonic() + timeout
    try:
        while True:
            with engine.connect() as connection:
                missing = connection.execute(text(
                    "SELECT count(*) FROM answer a JOIN question q ON q.id = a.question_id "
                    "LEFT JOIN answer_embedding e ON e.answer_id = a.id "
                    "WHERE q.kind IN ('short_text', 'long_text') AND a.text_value IS NOT NULL "
                    "AND e.answer_id IS NULL")).scalar()
            if not missing or time.monotonic() > deadline:
                return missing
            time.sleep(2)
    finally:
        engine.dispose()


def summary(outcome: Outcome, seconds: float, unit_requests: int, cpu_seconds: float) -> dict:
    requests = len(outcome.latencies)
    return {"cpu_ms": 1000 * cpu_seconds / requests if requests else float("nan"),"requests_per_s": requests / seconds if seconds else 0, "units_per_s": outcome.completed / seconds,
            "p50_ms": 1000 * percentile(outcome.latencies, 0.50), "p95_ms": 1000 * percentile(outcome.latencies, 0.95),
            "p99_ms": 1000 * percentile(outcome.latencies, 0.99), "failures": len(outcome.failures),
            "requests": requests, "unit_requests": unit_requests}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--residents", type=int, default=200, help="residents per concurrency level")
    parser.add_argument("--concurrency", default="8,32,64,128", help="comma-separated levels of concurrent residents")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep-alive", type=int, default=5,
                        help="gunicorn --keep-alive seconds for both servers; with gthread and all threads busy, "
                             "gunicorn's default of 2 closes waiting keep-alive connections under overload")
    parser.add_argument("--time-limit", type=float, default=240, help="seconds per level at most")
    parser.add_argument("--redis-url", default="",
                        help="run jobs on RQ with one `flask worker` beside gunicorn (the documented production "
                             "setup); empty: jobs run in the gunicorn workers' own job thread")
    parser.add_argument("--database-url",
                        default=f"postgresql+psycopg://postgres@127.0.0.1:5432/{DEFAULT_DATABASE}")
    args = parser.parse_args(argv)
    levels = [max(1, min(256, int(level))) for level in args.concurrency.split(",")]
    residents = max(1, min(5000, args.residents))
    run_id = uuid.uuid4().hex[:6]
    log_dir = Path("/tmp") / f"bench-load-{run_id}"
    log_dir.mkdir(parents=True, exist_ok=True)

    prepare_database(args.database_url)
    environment = dict(os.environ, DATABASE_URL=args.database_url, REDIS_URL="", LOAD_DEMO="0",
                       AUTO_MIGRATE="0", SECRET_KEY="benchmark-secret-key-of-32-characters!", COOKIE_SECURE="0", LOG_JSON="0",
                       # every simulated resident comes from 127.0.0.1: no per-survey or per-client flood limits
                       SUBMISSIONS_PER_HOUR="0", SUBMISSIONS_PER_CLIENT_PER_HOUR="0", DRAFTS_PER_CLIENT_PER_HOUR="0",
                       PYTHONPATH=str(REPO))
    if args.redis_url:
        environment["REDIS_URL"] = args.redis_url
        environment["RQ_QUEUE"] = f"bench-{run_id}"
    from sqlalchemy import create_engine

    from benchmarks.ceiling_app import metadata
    engine = create_engine(args.database_url)
    metadata.drop_all(engine)
    metadata.create_all(engine)
    engine.dispose()

    results = []
    # Both servers run for the whole benchmark, idle while the other is measured: each level measures the
    # platform and right after it the ceiling, so load from other processes on the machine hits both alike.
    server = Gunicorn("wsgi:app", args.workers, args.threads, environment, log_dir / "platform.log",
                      args.keep_alive)
    ceiling = Gunicorn("benchmarks.ceiling_app:app", args.workers, args.threads, environment,
                       log_dir / "ceiling.log", args.keep_alive)
    worker = Worker(environment, log_dir / "worker.log") if args.redis_url else None
    try:
        server.wait_ready()
        ceiling.wait_ready()
        # Warm-up, not measured: templates compiled, connections opened, caches filled, on both servers.
        run_residents(server.url, WARM_UP_RESIDENTS, 8, f"W{run_id}", args.time_limit)
        run_ceiling(ceiling.url, WARM_UP_RESIDENTS, 8, f"W{run_id}")
        wait_for_embeddings(args.database_url, timeout=120)
        for level in levels:
            label = f"L{run_id}c{level}"
            cpu_before = server.cpu_seconds()
            worker_cpu_before = worker.cpu_seconds() if worker is not None else 0.0
            outcome, seconds = run_residents(server.url, residents, level, label, args.time_limit)
            result = {"level": level, "label": label, "outcome": outcome,
                      "app": summary(outcome, seconds, REQUESTS_PER_RESIDENT, server.cpu_seconds() - cpu_before)}
            print(f"platform  c={level:<4} {residents} residents in {seconds:.1f} s", flush=True)
            # The embedding asked for after the residents' answers runs before the ceiling is measured, so it
            # never slows the ceiling down; its CPU is reported on its own.
            result["backlog"] = wait_for_embeddings(args.database_url, timeout=120)
            result["worker_cpu_s"] = (worker.cpu_seconds() - worker_cpu_before) if worker is not None else None
            cpu_before = ceiling.cpu_seconds()
            outcome, seconds = run_ceiling(ceiling.url, residents, level, label)
            result["ceiling"] = summary(outcome, seconds, 1, ceiling.cpu_seconds() - cpu_before)
            results.append(result)
        embedding_backlog = max(result["backlog"] for result in results)
    finally:
        server.stop()
        ceiling.stop()
        if worker is not None:
            worker.stop()

    jobs = ("RQ worker (1 process) beside gunicorn" if args.redis_url
            else "in-process job thread of each gunicorn worker")
    print(f"\nLoad benchmark: gunicorn gthread, {args.workers} workers x {args.threads} threads, "
          f"keep-alive {args.keep_alive} s, PostgreSQL; "
          f"{residents} residents per level, each {REQUESTS_PER_RESIDENT} requests (start, consent, "
          f"{len(PAGES)} pages x GET+POST, thanks); "
          f"embedding jobs: {jobs}")
    print("command: " + " ".join(["benchmarks/load.py", *(argv if argv is not None else sys.argv[1:])]))
    header = (f"{'conc':>5} {'surveys/s':>10} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'fail':>5} | "
              f"{'ceiling req/s':>13} {'p50 ms':>7} {'p95 ms':>7} | {'ratio':>6} | "
              f"{'CPU ms/req':>10} {'ceiling':>7} {'ratio':>6} | "
              f"{'stored':>6} {'dup':>4} {'partial':>7} {'drafts':>6}")
    print(header)
    print("-" * len(header))
    ok = True
    for result in results:
        check = verify(args.database_url, result["label"], residents)
        app_stats, ceiling_stats = result["app"], result["ceiling"]
        ratio = app_stats["requests_per_s"] / ceiling_stats["requests_per_s"] if ceiling_stats["requests_per_s"] else 0
        print(f"{result['level']:>5} {app_stats['units_per_s']:>10.1f} {app_stats['requests_per_s']:>8.1f} "
              f"{app_stats['p50_ms']:>8.1f} {app_stats['p95_ms']:>8.1f} {app_stats['p99_ms']:>8.1f} "
              f"{app_stats['failures']:>5} | {ceiling_stats['requests_per_s']:>13.1f} {ceiling_stats['p50_ms']:>7.1f} "
              f"{ceiling_stats['p95_ms']:>7.1f} | {ratio:>6.2f} | {app_stats['cpu_ms']:>10.2f} "
              f"{ceiling_stats['cpu_ms']:>7.2f} {ceiling_stats['cpu_ms'] / app_stats['cpu_ms']:>6.2f} | "
              f"{check['stored']:>6} {check['duplicated']:>4} "
              f"{check['partial']:>7} {check['drafts_left']:>6}")
        ok = ok and check["stored"] == residents == result["outcome"].completed and not check["duplicated"] \
            and not check["partial"] and not check["drafts_left"]
        for failure in result["outcome"].failures[:5]:
            print(f"      failure: {failure}")
    for result in results:
        if result["worker_cpu_s"] is not None:
            print(f"c={result['level']}: the RQ worker used {result['worker_cpu_s']:.1f} s of CPU for this level's "
                  "embedding, after its delay (measured until every new free-text answer had its embedding)")
    print("\nratio = platform requests/s ÷ ceiling requests/s (bare Flask + SQLAlchemy, one INSERT per request)")
    print("CPU ms/req = CPU time of the gunicorn processes per request (its ratio hardly depends on other load)")
    print(f"free-text answers still without embedding 120 s after a level at most: {embedding_backlog}")
    print("PASS: every resident's response stored exactly once and complete, no draft left" if ok else
          "FAIL: lost, duplicated or partial responses or drafts left behind (see above)")
    print(f"server logs: {log_dir}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""`flask ...` commands for operators: schema, users, demo data, workers, jobs."""
import click
from flask import current_app
from flask.cli import with_appcontext

from .extensions import db


def register_cli(app) -> None:
    app.cli.add_command(init_db)
    app.cli.add_command(create_user)
    app.cli.add_command(load_demo)
    app.cli.add_command(worker)
    app.cli.add_command(run_demo)
    app.cli.add_command(jobs_group)
    app.cli.add_command(privacy_group)
    from .themes.cli import themes_group
    app.cli.add_command(themes_group)


@click.command("init-db")
@with_appcontext
def init_db():
    """Create or upgrade the schema to the newest migration."""
    from .startup import upgrade_schema
    upgrade_schema()
    click.echo("schema is up to date")


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(["admin", "planner", "multiplier"]), required=True)
@click.option("--name", default="")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--process", "process_ids", multiple=True, type=int, help="process id the user works on")
@with_appcontext
def create_user(email, role, name, password, process_ids):
    """Create an account with a role (and optionally process memberships)."""
    from .models import Process, User

    user = User(email=email.strip().lower(), name=name, role=role)
    user.set_password(password)
    user.processes = [db.session.get(Process, pid) for pid in process_ids if db.session.get(Process, pid)]
    db.session.add(user)
    db.session.commit()
    click.echo(f"created {role} {user.email}")


@click.command("load-demo")
@with_appcontext
def load_demo():
    """Load the demo process, surveys, guides, answers and demo accounts (once)."""
    from .demo.loader import DEMO_LOGINS, load_demo_data
    created = load_demo_data()
    click.echo("demo loaded" if created else "demo was already loaded")
    for role, email, password in DEMO_LOGINS:
        click.echo(f"  {role:<11} {email} / {password}")


@click.command("worker")
@click.option("--burst", is_flag=True, help="stop when the queue is empty")
@with_appcontext
def worker(burst):
    """Run an RQ worker for the configured queue (needs REDIS_URL)."""
    from redis import Redis
    from rq import Queue, SimpleWorker

    url = current_app.config.get("REDIS_URL")
    if not url:
        raise click.ClickException("REDIS_URL is not set: without Redis, jobs run inside the web process.")
    connection = Redis.from_url(url)
    queue = Queue(current_app.config["RQ_QUEUE"], connection=connection)
    SimpleWorker([queue], connection=connection).work(burst=burst)


@click.command("run-demo")
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=5000, type=int)
@click.option("--threads", default=8, type=int, help="requests served at the same time")
def run_demo(host, port, threads):
    """Start the embedded default: SQLite, in-process jobs, demo data; prints URL and logins.

    Served by waitress (a production WSGI server that runs wherever Python runs), with the in-process
    job runner started alongside.
    """
    from waitress import serve

    from .demo.loader import DEMO_LOGINS
    from .jobs.local import start_local_runner
    from .themes.embedding import queue_pending_embeddings

    app = current_app._get_current_object()
    if not app.config.get("REDIS_URL"):
        start_local_runner(app, periodic=[queue_pending_embeddings])
    click.echo(f"\n  Participation platform running at http://{host}:{port}/\n")
    click.echo("  Demo logins:")
    for role, email, password in DEMO_LOGINS:
        click.echo(f"    {role:<11} {email} / {password}")
    click.echo("")
    serve(app, host=host, port=port, threads=threads, ident="participation")


@click.group("jobs")
def jobs_group():
    """Inspect and retry background jobs."""


@jobs_group.command("list")
@with_appcontext
def jobs_list():
    from .models import Job
    for record in db.session.execute(db.select(Job).order_by(Job.created_at.desc()).limit(30)).scalars():
        click.echo(f"{record.id}  {record.kind:<24} {record.status:<8} {record.progress:>3}%  {record.message}")


@jobs_group.command("sweep")
@with_appcontext
def jobs_sweep():
    """Mark jobs whose worker died as failed, so planners can retry them."""
    from .jobs import mark_stale_jobs_failed
    click.echo(f"{mark_stale_jobs_failed()} stale job(s) marked failed")


@click.group("privacy")
def privacy_group():
    """Data protection: retention of free text."""


@privacy_group.command("apply-retention")
@with_appcontext
def privacy_apply_retention():
    """Anonymise the free text of every process whose retention date has passed (run daily from cron)."""
    from .privacy.retention import apply_retention
    results = apply_retention()
    for result in results:
        click.echo(f"process {result['process_id']}: {result['texts_deleted']} text(s) deleted, "
                   f"{result['embeddings_deleted']} embedding(s) deleted")
    click.echo(f"retention applied to {len(results)} process(es)")

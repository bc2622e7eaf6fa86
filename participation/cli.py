"""`flask ...` commands for operators: schema, users, demo data, workers, jobs."""
import click
from flask import current_app
from flask.cli import with_appcontext

from .extensions import db

# Commands that may run on a missing or empty database; every other one refuses (see guard_commands).
WITHOUT_DATABASE = {"init-db", "run-demo", "db", "shell", "routes", "run"}


def register_cli(app) -> None:
    app.cli.add_command(init_db)
    app.cli.add_command(create_user)
    app.cli.add_command(load_demo)
    app.cli.add_command(worker)
    app.cli.add_command(run_demo)
    app.cli.add_command(jobs_group)
    app.cli.add_command(privacy_group)
    app.cli.add_command(reset_password)
    from .themes.cli import themes_group
    app.cli.add_command(themes_group)
    from .exports.cli import export_group, exports_group, process_group
    app.cli.add_command(export_group)
    app.cli.add_command(exports_group)
    app.cli.add_command(process_group)
    for name, command in app.cli.commands.items():
        if name not in WITHOUT_DATABASE:
            guard_commands(command)


def guard_commands(command: click.Command) -> None:
    """Make a command (each command of a group) stop with a clear message unless the database is set up,
    so cron on an unconfigured machine never creates or touches a stray database."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            guard_commands(sub)
        return
    original = command.callback
    if getattr(original, "database_checked", False):  # the command objects are shared by every app created
        return

    @with_appcontext
    def checked(*args, **kwargs):
        from .startup import database_problem
        problem = database_problem(current_app)
        if problem:
            raise click.ClickException(problem)
        return click.get_current_context().invoke(original, *args, **kwargs)

    checked.database_checked = True
    command.callback = checked


@click.command("init-db")
@with_appcontext
def init_db():
    """Create or upgrade the schema to the newest migration (run after every update)."""
    from sqlalchemy.engine import make_url

    from .startup import upgrade_schema
    upgrade_schema()
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).render_as_string(hide_password=True)
    click.echo(f"schema of {url} is up to date")


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(["admin", "planner", "multiplier"]), required=True)
@click.option("--name", default="")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--process", "process_ids", multiple=True, type=int, help="process id the user works on")
@with_appcontext
def create_user(email, role, name, password, process_ids):
    """Create an account with a role (and optionally process memberships); same rules as the web."""
    from .accounts import AccountError, create_account
    try:
        user = create_account(email, role, password, name=name, process_ids=process_ids)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"created {role} {user.email}")


@click.command("reset-password")
@click.argument("email")
@with_appcontext
def reset_password(email):
    """Print a one-time link with which the account's owner sets a new password (valid 2 days)."""
    from .accounts import AccountError, issue_reset_link
    try:
        link = issue_reset_link(email)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"one-time link for {email.strip().lower()} (valid 2 days, works once):\n{link}")


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
    """Run an RQ worker for the configured queue (needs REDIS_URL); reconciles lost jobs at start."""
    from .jobs.worker import run_worker

    if not current_app.config.get("REDIS_URL"):
        raise click.ClickException("REDIS_URL is not set: without Redis, jobs run inside the web process.")
    run_worker(burst=burst)


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
    from .startup import prepare_now
    from .themes.embedding import queue_pending_embeddings

    app = current_app._get_current_object()
    prepare_now(app)
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
    """Reconcile jobs with the queue: queue lost ones again, mark those whose worker died as failed."""
    from .jobs.reconcile import sweep
    click.echo(str(sweep()))


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
                   f"{result['embeddings_deleted']} embedding(s) deleted, "
                   f"{result['exports_deleted']} export file(s) deleted")
    click.echo(f"retention applied to {len(results)} process(es)")

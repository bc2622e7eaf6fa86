"""What happens when the app starts, and what commands check before they touch the database.

Only the embedded default (no DATABASE_URL: `run-demo`, `scripts/start.sh`) migrates and loads the demo
implicitly, and only once it serves its first request. Commands never create a database: on a missing,
empty or outdated one they stop with a clear message (see `database_problem`).
"""
import logging
import threading
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from .web import MIGRATIONS_DIRECTORY

log = logging.getLogger(__name__)


def upgrade_schema() -> None:
    upgrade()


def prepare_database(app: Flask) -> None:
    """In the embedded default: migrate and load the demo when the server handles its first request."""
    if not (app.config.get("AUTO_MIGRATE") or app.config.get("LOAD_DEMO")):
        return
    lock = threading.Lock()
    state = {"prepared": False}

    @app.before_request
    def prepare_once():
        if state["prepared"]:
            return
        with lock:
            if not state["prepared"]:
                prepare_now(app)
                state["prepared"] = True


def prepare_now(app: Flask) -> None:
    """Migrate and load the demo at once (run-demo does this before it serves, so no resident waits)."""
    if app.config.get("AUTO_MIGRATE"):
        upgrade_schema()
    if app.config.get("LOAD_DEMO"):
        from .demo.loader import load_demo_data
        if load_demo_data():
            log.info("demo data loaded")


def database_problem(app: Flask) -> str | None:
    """Why commands must not run on this database (missing, unreachable, empty, not migrated), or None."""
    from .extensions import db

    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        return (f"No database at {shown}. Configure DATABASE_URL in {app.instance_path}/.env and run "
                f"`flask --app wsgi init-db`, or start the demo with `bash scripts/start.sh`.")
    try:
        with db.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            current = _current_revisions(connection) if "alembic_version" in tables else None
    except Exception as error:
        return f"Database {shown} is not reachable ({type(error).__name__}). Check DATABASE_URL."
    if "process" not in tables:
        return f"Database {shown} is empty. Run `flask --app wsgi init-db` first."
    if current is not None and current != _head_revisions():
        return f"The schema of {shown} is out of date. Run `flask --app wsgi init-db` after every update."
    return None


def _current_revisions(connection) -> set[str]:
    from sqlalchemy import text
    return {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}


def _head_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIRECTORY))
    return set(ScriptDirectory.from_config(config).get_heads())

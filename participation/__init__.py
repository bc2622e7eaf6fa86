"""Participation platform: ask → collect → understand → plan."""
from pathlib import Path

from flask import Flask

from .config import load_config

__all__ = ["create_app"]


def create_app(overrides: dict | None = None, *, run_startup_tasks: bool = True) -> Flask:
    """Application factory: configure, wire extensions and blueprints, prepare the database."""
    app = Flask(__name__, instance_path=str(_instance_path()), instance_relative_config=True)
    app.config.update(load_config(Path(app.instance_path)))
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(overrides or {})

    from .logging_setup import configure_logging
    configure_logging(app)

    from . import web
    web.init_app(app)

    from .cli import register_cli
    register_cli(app)

    if run_startup_tasks:
        from .startup import prepare_database
        prepare_database(app)
    return app


def _instance_path() -> Path:
    """instance/ beside the package in a checkout; overridable with INSTANCE_PATH."""
    import os
    configured = os.environ.get("INSTANCE_PATH")
    if configured:
        return Path(configured).resolve()
    return Path(__file__).resolve().parent.parent / "instance"

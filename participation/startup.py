"""What happens when the app starts: schema migrations and, in the embedded default, the demo."""
import logging

from flask import Flask
from flask_migrate import upgrade

log = logging.getLogger(__name__)


def upgrade_schema() -> None:
    upgrade()


def prepare_database(app: Flask) -> None:
    with app.app_context():
        if app.config.get("AUTO_MIGRATE"):
            upgrade_schema()
        if app.config.get("LOAD_DEMO"):
            from .demo.loader import load_demo_data
            if load_demo_data():
                log.info("demo data loaded")

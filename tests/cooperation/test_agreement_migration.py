"""Migration 0022 adds the agreement tables next to existing committees, and goes down and up again."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from participation import create_app
from participation.extensions import db
from tests.conftest import _test_config
from tests.test_migrations import use_schema

SCHEMA = "coop_agreement_migration"
TABLES = {"coop_agreement", "coop_agreement_partner"}


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_migration_0022_keeps_committees_and_goes_down_and_up_again(backend, postgres_url, tmp_path):
    url = postgres_url if backend == "postgresql" else f"sqlite:///{tmp_path / 'agreements.sqlite'}"
    app = create_app(_test_config(url, tmp_path), run_startup_tasks=False)
    with app.app_context():
        if backend == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
                connection.execute(text(f"CREATE SCHEMA {SCHEMA}"))
            use_schema(SCHEMA)
        try:
            upgrade(revision="0021_process_phases")
            with db.engine.begin() as connection:
                connection.execute(text(
                    "INSERT INTO process (title, description, phase, districts, target_groups, languages, i18n, "
                    "min_group_size, quotas) VALUES ('Nordstadt', '', 'leitlinien', '[]', '[]', :languages, "
                    "'{}', 5, '{}')"), {"languages": '["de"]'})
                connection.execute(text(
                    "INSERT INTO coop_committee (process_id, name, kind, purpose) "
                    "SELECT id, 'AG Bewegung', 'working_group', '' FROM process"))
            upgrade(revision="0022_coop_agreements")
            assert TABLES <= _tables()
            with db.engine.begin() as connection:
                connection.execute(text(
                    "INSERT INTO coop_agreement (committee_id, title, review_on, notes) "
                    "SELECT id, 'Vereinbarung', '2026-01-01', '' FROM coop_committee"))
            downgrade(revision="0021_process_phases")
            assert not TABLES & _tables()
            upgrade(revision="0022_coop_agreements")
            with db.engine.connect() as connection:
                assert connection.execute(text("SELECT name FROM coop_committee")).scalars().all() == ["AG Bewegung"]
                assert connection.execute(text("SELECT count(*) FROM coop_agreement")).scalar() == 0
        finally:
            if backend == "postgresql":
                with db.engine.begin() as connection:
                    connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            db.engine.dispose()

"""Migration 0022 adds the agreement tables next to existing committees, and goes down and up again."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from participation.extensions import db
from tests.test_migrations import migrated_to

SCHEMA = "coop_agreement_migration"
TABLES = {"coop_agreement", "coop_agreement_partner"}


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_migration_0022_keeps_committees_and_goes_down_and_up_again(backend, postgres_url, tmp_path):
    with migrated_to("0021_process_phases", backend, postgres_url, tmp_path, SCHEMA):
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

"""Migration 0021 gives every existing process the three fixed phases, finished up to its current phase."""
from flask_migrate import upgrade
from sqlalchemy import text

from participation.extensions import db
from tests.test_migrations import migrated_to

SCHEMA = "phase_migration_check"
EXISTING = {"Nordstadt": "bestandsaufnahme", "Hafen": "leitlinien", "Lindenhof": "handlungsempfehlungen"}


def _insert_processes(connection) -> None:
    for title, phase in EXISTING.items():
        connection.execute(text(
            "INSERT INTO process (title, description, phase, districts, target_groups, languages, i18n, "
            "min_group_size, quotas) VALUES (:title, '', :phase, '[]', '[]', '[\"de\"]', '{}', 5, '{}')"),
            {"title": title, "phase": phase})


def test_existing_processes_get_phases_from_their_fixed_phase(backend, postgres_url, tmp_path):
    with migrated_to("0016", backend, postgres_url, tmp_path, SCHEMA):
        with db.engine.begin() as connection:
            _insert_processes(connection)
        upgrade(revision="0021_process_phases")
        with db.engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT p.title, f.name, f.code, f.position, f.finished FROM process_phase f "
                "JOIN process p ON p.id = f.process_id ORDER BY p.title, f.position")).all()
    finished = {}
    for title, name, code, position, done in rows:
        finished.setdefault(title, []).append((name, code, bool(done)))
    assert finished["Nordstadt"] == [("Bestandsaufnahme", "bestandsaufnahme", False),
                                     ("Leitlinien", "leitlinien", False),
                                     ("Handlungsempfehlungen", "handlungsempfehlungen", False)]
    assert [done for _n, _c, done in finished["Hafen"]] == [True, False, False]
    assert [done for _n, _c, done in finished["Lindenhof"]] == [True, True, False]

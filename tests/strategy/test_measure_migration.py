"""Migration 0017 turns the free-text "Zuständigkeit" and "Partner" of existing measures into bodies of the
process, linked as lead and partners, on both databases."""
from datetime import datetime, timezone

from flask_migrate import upgrade
from sqlalchemy import Boolean, Integer, inspect, text
from sqlalchemy.types import JSON, Date, DateTime

from participation.extensions import db
from tests.test_migrations import migrated_to

SCHEMA = "measure_migration"



def _insert(connection, table: str, values: dict) -> int:
    """A row with the given values; required columns without a value get a harmless filler."""
    row = dict(values)
    for column in inspect(connection).get_columns(table):
        if column["name"] in row or column["nullable"] or column["name"] == "id" or column.get("default"):
            continue
        kind = column["type"]
        row[column["name"]] = (0 if isinstance(kind, Integer) else False if isinstance(kind, Boolean)
                               else "{}" if isinstance(kind, JSON) else datetime.now(timezone.utc)
                               if isinstance(kind, (DateTime, Date)) else "x")
    names = ", ".join(row)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row)
    return connection.execute(text(f"SELECT max(id) FROM {table}")).scalar()


def test_free_text_becomes_bodies_and_links(backend, postgres_url, tmp_path):
    with migrated_to("0016", backend, postgres_url, tmp_path, SCHEMA):
        with db.engine.begin() as connection:
            process = _insert(connection, "process", {"title": "Alt"})
            field = _insert(connection, "strategy_field", {"process_id": process, "title": "F"})
            goal = _insert(connection, "strategy_goal", {"process_id": process, "field_id": field,
                                                         "title": "G", "level": "leitziel"})
            for title, responsible, partners in (("A", "Jugendamt", "AOK, Kitas; Sportverein"),
                                                 ("B", "jugendamt", "Kitas\nKitas"), ("C", "", "")):
                _insert(connection, "strategy_measure", {
                    "process_id": process, "goal_id": goal, "title": title, "responsible": responsible,
                    "partners": partners, "status": "planned", "i18n": "{}"})
        upgrade()
        with db.engine.connect() as connection:
            bodies = connection.execute(text("SELECT name FROM strategy_body ORDER BY position")).scalars().all()
            links = connection.execute(text(
                "SELECT m.title, b.name, l.role FROM strategy_measure_body l JOIN strategy_measure m "
                "ON m.id = l.measure_id JOIN strategy_body b ON b.id = l.body_id ORDER BY m.title, l.id")).all()
            evaluation = connection.execute(text("SELECT evaluation_result FROM strategy_measure")).scalars()
        assert bodies == ["Jugendamt", "AOK", "Kitas", "Sportverein"], "one body per name, case ignored"
        assert [tuple(row) for row in links] == [
            ("A", "Jugendamt", "lead"), ("A", "AOK", "partner"), ("A", "Kitas", "partner"),
            ("A", "Sportverein", "partner"), ("B", "Jugendamt", "lead"), ("B", "Kitas", "partner")]
        assert set(evaluation) == {""}

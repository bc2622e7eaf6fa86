"""The database restarts while residents submit: clear retry messages, nothing half-stored, nothing doubled.

Restarts the local PostgreSQL cluster, so it runs only with --db=postgresql and RUN_DB_RESTART_TEST=1
(scripts/test.sh sets it for the PostgreSQL pass; never on a server others are testing on).
"""
import os
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from participation.extensions import db
from tests.conftest import wait_for
from tests.faults.resident import ANSWERS_PER_RESPONSE, Resident

RESIDENTS = 40
# Overridable for other PostgreSQL versions or setups (e.g. "systemctl restart postgresql").
RESTART_COMMAND = os.environ.get("DB_RESTART_COMMAND", "pg_ctlcluster --skip-systemctl-redirect 15 main restart")


def _database_answers() -> bool:
    try:
        return db.session.execute(text("SELECT 1")).scalar() == 1
    except OperationalError:
        db.session().invalidate()
        return False


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("RUN_DB_RESTART_TEST") != "1", reason="restarts PostgreSQL; set RUN_DB_RESTART_TEST=1")
@pytest.mark.csrf
def test_database_restart_during_load_loses_and_doubles_nothing(app, backend, survey, live_server):
    if backend != "postgresql":
        pytest.skip("needs PostgreSQL")
    app.config["SUBMISSIONS_PER_HOUR"] = 0
    residents = [Resident(live_server, survey.short_code) for _ in range(RESIDENTS)]
    completed: dict[str, bool] = {}
    restarted: list[bool] = []
    first_residents_under_way = threading.Event()
    restart_began = threading.Event()
    restart_done = threading.Event()

    def answer(number: int):
        if number == 6:
            first_residents_under_way.set()
        if number >= RESIDENTS // 2:  # the second half answers while and after the database restarts
            restart_began.wait(timeout=60)
        if number == RESIDENTS - 1:  # and one certainly after it
            restart_done.wait(timeout=120)
        marker = f"neustart-{number:03d}"
        completed[marker] = residents[number].answer_survey(marker)

    def restart_database():
        first_residents_under_way.wait(timeout=60)
        restart_began.set()
        try:
            subprocess.run(RESTART_COMMAND.split(), check=True, timeout=120)
            restarted.append(True)
        finally:
            restart_done.set()

    restarter = threading.Thread(target=restart_database)
    restarter.start()
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(answer, range(RESIDENTS)))
        restarter.join()
    finally:
        for resident in residents:
            resident.close()
        db.session().invalidate()  # this test's own connection died with the restart
        db.engine.dispose()

    assert restarted, "the database was restarted while residents answered"
    statuses = [status for resident in residents for status in resident.statuses]
    assert 500 not in statuses
    for body in (body for resident in residents for body in resident.unavailable_bodies):
        assert "noch einmal" in body and "nichts doppelt" in body
    assert all(completed.values()) and len(completed) == RESIDENTS

    wait_for(_database_answers, timeout=60)
    rows = db.session.execute(text(
        "SELECT a.text_value, (SELECT count(*) FROM answer x WHERE x.response_id = r.id) "
        "FROM answer a JOIN response r ON r.id = a.response_id WHERE a.text_value LIKE 'Abends fehlt ein Bus%'"
    )).all()
    markers = [value.split("(")[1].rstrip(")") for value, _count in rows]
    assert sorted(markers) == sorted(completed), "every resident stored exactly once"
    assert all(count == ANSWERS_PER_RESPONSE for _value, count in rows), "no response half-stored"
    total = db.session.execute(text("SELECT count(*) FROM response")).scalar()
    assert total == RESIDENTS

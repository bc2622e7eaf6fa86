"""Connections the database dropped while idle are replaced unnoticed; reads skip the transaction, writes keep it."""
import psycopg
import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from participation.extensions import db


@pytest.fixture
def postgres_only(backend):
    if backend != "postgresql":
        pytest.skip("needs PostgreSQL (connections dropped by the server, driver transaction state)")


def _server_like_app(app_config: dict, **overrides):
    """A second app on the test database whose test client gives every request its own app context and
    database session, as a server does (the `app` fixture keeps one context, and so one session, open)."""
    from participation import create_app
    return create_app({**app_config, **overrides}, run_startup_tasks=False)


def _drop_every_other_connection(database_url: str) -> int:
    """What a database restart or a firewall timeout does to a pool: every connection but this one dies."""
    url = make_url(database_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as connection:
        return len(connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        ).fetchall())


@pytest.mark.parametrize("idle_seconds, status", [(0, 200), (3600, 503)])
def test_a_connection_dropped_while_idle_is_replaced_before_a_resident_uses_it(
        postgres_only, app, app_config, survey, database_url, idle_seconds, status):
    """With the idle check the page simply works; without it (idle time not reached) the resident would get
    the "please resend" page, which is what the check exists to avoid."""
    application = _server_like_app(app_config, DB_PING_AFTER_IDLE_SECONDS=idle_seconds)
    client = application.test_client()
    page = f"/s/{survey.short_code}"
    db.session.remove()
    assert client.get(page).status_code == 200
    assert _drop_every_other_connection(database_url) >= 1

    assert client.get(page).status_code == status
    assert client.get(page).status_code == 200  # the pool recovers in every case
    with application.app_context():
        db.engine.dispose()
    db.engine.dispose()  # the test's own pool lost its connections too


def test_resident_pages_read_outside_a_transaction_and_write_inside_one(postgres_only, app, app_config, survey):
    """Reading pages save the BEGIN/ROLLBACK round trips; anything that stores answers stays atomic."""
    application = _server_like_app(app_config)
    client = application.test_client()
    page_url = f"/s/{survey.short_code}"
    seen: list[tuple[str, bool]] = []

    def remember(connection, _cursor, statement, _parameters, _context, _executemany):
        seen.append((statement.split()[0].upper(), connection.connection.dbapi_connection.autocommit))

    with application.app_context():
        engine = db.engine
    client.get(page_url)  # the first visit caches the survey's structure (read in its own transaction)
    event.listen(engine, "before_cursor_execute", remember)
    try:
        page = client.get(page_url)
        reads = list(seen)
        seen.clear()
        client.post(page_url, data={"language": "de", "consent": "y"})
        writes = list(seen)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
        engine.dispose()

    assert page.status_code == 200
    assert reads and all(autocommit for _verb, autocommit in reads)
    assert any(verb == "INSERT" for verb, _autocommit in writes)
    assert not any(autocommit for _verb, autocommit in writes)

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


def test_resident_pages_skip_transactions_except_where_writes_belong_together(postgres_only, app, app_config, survey):
    """Reading a page and storing a draft (one statement each) save the BEGIN/COMMIT round trips; storing a
    response, its answers and dropping the draft happen in one transaction, or not at all."""
    from tests.public.conftest import GOOD_FIRST_PAGE, GOOD_SECOND_PAGE, submission_id_of

    application = _server_like_app(app_config)
    client = application.test_client()
    page_url = f"/s/{survey.short_code}"
    seen: list[tuple[str, str, bool]] = []

    def remember(connection, _cursor, statement, _parameters, _context, _executemany):
        words = statement.split()
        table = words[2] if words[0].upper() in ("INSERT", "DELETE") else words[1] if words[0].upper() == "UPDATE" else ""
        seen.append((words[0].upper(), table, connection.connection.dbapi_connection.autocommit))

    def statements_of(call) -> list[tuple[str, str, bool]]:
        seen.clear()
        result = call()
        assert result.status_code in (200, 302)
        return list(seen)

    with application.app_context():
        engine = db.engine
    client.get(page_url)  # the first visit caches the survey's structure (read in its own transaction)
    event.listen(engine, "before_cursor_execute", remember)
    try:
        reads = statements_of(lambda: client.get(page_url))
        draft_started = statements_of(lambda: client.post(page_url, data={"language": "de", "consent": "y"}))
        submission_id = submission_id_of(client.get(f"{page_url}/1").get_data(as_text=True))
        draft_saved = statements_of(lambda: client.post(f"{page_url}/1", data={
            **GOOD_FIRST_PAGE, "submission_id": submission_id, "nav": "next"}))
        submitted = statements_of(lambda: client.post(f"{page_url}/2", data={
            **GOOD_SECOND_PAGE, "submission_id": submission_id, "nav": "next"}))
    finally:
        event.remove(engine, "before_cursor_execute", remember)
        engine.dispose()

    assert reads and all(autocommit for _verb, _table, autocommit in reads)
    assert ("INSERT", "survey_draft", True) in draft_started
    assert ("UPDATE", "survey_draft", True) in draft_saved
    together = [(verb, table, autocommit) for verb, table, autocommit in submitted if verb != "SELECT"]
    assert [(verb, table) for verb, table, _autocommit in together] == [
        ("INSERT", "response"), ("INSERT", "answer"), ("DELETE", "survey_draft")]
    assert not any(autocommit for _verb, _table, autocommit in together)

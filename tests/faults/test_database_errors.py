"""A lost database connection becomes a clear 'try again' answer, never a bare server error."""
from sqlalchemy.exc import OperationalError, ProgrammingError


def _raising(error):
    def view():
        raise error
    return view


def test_lost_connection_tells_the_resident_to_resend(app):
    app.add_url_rule("/boom-page", "boom_page", _raising(OperationalError("INSERT", {}, Exception("server closed"))),
                     methods=["POST"])
    app.add_url_rule("/api/boom", "boom_api", _raising(OperationalError("SELECT", {}, Exception("refused"))))
    client = app.test_client()
    page = client.post("/boom-page")
    assert page.status_code == 503
    assert page.headers["Retry-After"]
    text = page.get_data(as_text=True)
    assert "noch nicht gespeichert" in text and "nichts doppelt" in text
    api = client.get("/api/boom")
    assert api.status_code == 503 and api.get_json()["error"]["code"] == "database_unavailable"


def test_programming_errors_stay_server_errors(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.add_url_rule("/boom-sql", "boom_sql", _raising(ProgrammingError("SELECT x", {}, Exception("no column"))))
    response = app.test_client().get("/boom-sql")
    assert response.status_code == 500


def test_connection_lost_after_the_answer_is_ready_does_not_become_an_error(app, monkeypatch):
    """The database restarts between the view and the teardown: the finished request must not fail."""
    from participation.extensions import db

    def failing_close():
        raise OperationalError("ROLLBACK", {}, Exception("terminating connection due to administrator command"))

    monkeypatch.setattr(db.session(), "close", failing_close)
    app.do_teardown_appcontext()
    assert db.session() is not None

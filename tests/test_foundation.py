"""The ground everything stands on: health, login, roles, audit."""
import pytest

from participation.extensions import db
from participation.models import AuditEvent, Invitation, User
from tests.conftest import login


def test_healthz_says_the_process_is_alive(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "alive"}


def test_readiness_reports_database_and_in_process_queue(client):
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert (response.json["database"], response.json["queue"]) == ("ok", "in-process")
    assert response.json["jobs_queued_too_long"] == 0 and response.json["problems"] == []


def test_readiness_degrades_but_stays_in_rotation_when_redis_is_unreachable(app, client):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json["status"] == "degraded" and response.json["queue"] == "unreachable"


@pytest.mark.parametrize("path", ["/planning/", "/admin/", "/interviews/"])
def test_anonymous_users_are_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_multiplier_is_refused_in_planning_and_admin(client, make_user):
    multiplier = make_user("multiplier")
    login(client, multiplier)
    assert client.get("/planning/").status_code == 403
    assert client.get("/admin/").status_code == 403
    assert client.get("/interviews/").status_code == 200


def test_planner_sees_only_processes_they_belong_to(client, make_user, process):
    from participation.models import Process
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    planner = make_user("planner", processes=[process])
    login(client, planner)
    page = client.get("/planning/").get_data(as_text=True)
    assert process.title in page and "Anderer Prozess" not in page
    assert client.get(f"/planning/processes/{process.id}").status_code == 200
    assert client.get(f"/planning/processes/{other.id}").status_code == 403
    assert client.get("/admin/").status_code == 403


def test_wrong_password_is_refused_and_account_locks_after_repeated_failures(app, client, make_user):
    planner = make_user("planner")
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        response = client.post("/login", data={"email": planner.email, "password": "wrong"})
        assert response.status_code == 401
    response = client.post("/login", data={"email": planner.email, "password": "correct horse battery"})
    assert response.status_code == 429
    assert client.get("/planning/").status_code == 302


def test_login_records_audit_event_and_password_is_hashed(client, make_user):
    planner = make_user("planner")
    assert "correct horse battery" not in planner.password_hash
    login(client, planner)
    events = db.session.execute(db.select(AuditEvent).filter_by(action="login")).scalars().all()
    assert [event.user_id for event in events] == [planner.id]


def test_admin_invites_multiplier_who_sets_password_once(client, make_user):
    admin = make_user("admin")
    login(client, admin)
    page = client.post("/admin/", data={"name": "Aylin", "email": "Aylin@Example.org", "role": "multiplier"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    token = html.split("/invite/")[1].split("<")[0].strip()
    client.post("/logout")
    invited = db.session.execute(db.select(User).filter_by(email="aylin@example.org")).scalar_one()
    assert invited.password_hash is None

    response = client.post(f"/invite/{token}", data={"password": "ein sicheres Passwort", "confirm": "ein sicheres Passwort"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/interviews/")
    client.post("/logout")
    assert client.get(f"/invite/{token}").status_code == 410
    login(client, invited, password="ein sicheres Passwort")


def test_expired_invitation_is_refused(client, make_user):
    from datetime import timedelta
    user = make_user("multiplier")
    invitation, token = Invitation.issue(user, valid_for=timedelta(seconds=-1))
    db.session.add(invitation)
    db.session.commit()
    assert client.get(f"/invite/{token}").status_code == 410


@pytest.mark.csrf
def test_login_without_csrf_token_is_refused(client, make_user):
    planner = make_user("planner")
    response = client.post("/login", data={"email": planner.email, "password": "correct horse battery"})
    assert response.status_code == 400
    assert client.get("/planning/").status_code == 302


def test_pages_send_security_headers(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_unknown_page_is_friendly_and_api_errors_are_json(client):
    page = client.get("/does-not-exist")
    assert page.status_code == 404 and "<h1>" in page.get_data(as_text=True)
    api = client.get("/api/jobs/unknown")
    assert api.status_code == 403 and api.json["error"]["code"] == "forbidden"

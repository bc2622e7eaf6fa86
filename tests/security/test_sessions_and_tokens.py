"""Production cookies, one-time links for invitations and password resets, upload size, the audit log."""
import re
from datetime import timedelta

import pytest

from participation import create_app
from participation.extensions import db
from participation.models import AuditEvent, Invitation, User, utcnow
from tests.conftest import login
from tests.security.conftest import build_url, checked_rules


def test_production_session_cookie_is_secure_httponly_and_samesite(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite'}")
    monkeypatch.setenv("SECRET_KEY", "production-secret-long-enough-for-the-check")
    monkeypatch.delenv("COOKIE_SECURE", raising=False)
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "LOAD_DEMO": False, "AUTO_MIGRATE": False,
                      "REDIS_URL": ""}, run_startup_tasks=False)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    with app.app_context():
        db.create_all()
        user = User(email="p@example.org", role="planner")
        user.set_password("correct horse battery")
        db.session.add(user)
        db.session.commit()
        client = app.test_client()
        response = client.post("/login", data={"email": "p@example.org", "password": "correct horse battery"},
                               base_url="https://example.org")
        cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        db.session.remove()
        db.engine.dispose()


def _reset_link(client, admin, user) -> str:
    login(client, admin)
    response = client.post(f"/admin/users/{user.id}/reset")
    assert response.status_code == 200
    match = re.search(r"https?://[^\s<\"]+/invite/[\w-]+", response.get_data(as_text=True))
    assert match, "reset link is shown to the admin"
    client.post("/logout")
    return match.group(0).split("localhost", 1)[-1]


def test_admin_issues_password_reset_that_works_once(client, make_user):
    admin = make_user("admin")
    planner = make_user("planner", password="old password 123")
    link = _reset_link(client, admin, planner)
    assert db.session.execute(db.select(Invitation).filter_by(user_id=planner.id, purpose="reset")).scalar_one()
    response = client.post(link, data={"password": "brand new secret", "confirm": "brand new secret"})
    assert response.status_code == 302
    client.post("/logout")
    assert client.get(link).status_code == 410
    login(client, planner, password="brand new secret")
    assert db.session.execute(db.select(AuditEvent).filter_by(action="password_reset_issued")).first()


def test_new_reset_link_invalidates_the_earlier_one(client, make_user):
    admin = make_user("admin")
    planner = make_user("planner")
    first = _reset_link(client, admin, planner)
    second = _reset_link(client, admin, planner)
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_expired_reset_link_is_refused(client, make_user):
    planner = make_user("planner")
    invitation, token = Invitation.issue(planner, purpose="reset", valid_for=timedelta(days=2))
    invitation.expires_at = utcnow() - timedelta(minutes=1)
    db.session.add(invitation)
    db.session.commit()
    response = client.post(f"/invite/{token}", data={"password": "brand new secret", "confirm": "brand new secret"})
    assert response.status_code == 410
    assert not planner.check_password("brand new secret")


def test_only_admins_issue_reset_links(client, make_user):
    planner = make_user("planner")
    victim = make_user("admin")
    login(client, planner)
    assert client.post(f"/admin/users/{victim.id}/reset").status_code == 403
    assert not db.session.execute(db.select(Invitation).filter_by(user_id=victim.id)).first()


def test_login_is_rate_limited_per_account(app, client, make_user):
    user = make_user("planner")
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        client.post("/login", data={"email": user.email, "password": "wrong"})
    response = client.post("/login", data={"email": user.email, "password": "correct horse battery"})
    assert response.status_code == 429


def test_oversized_request_is_refused_with_clear_message(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/delete", data={"code": "x" * 5000})
    assert response.status_code == 413
    assert "zu groß" in response.get_data(as_text=True)


def test_no_route_edits_or_deletes_audit_events(app, client, make_user, secret_world):
    """The audit log is append-only from the UI: an admin calling every route leaves old entries intact."""
    admin = make_user("admin")
    login(client, admin)
    before = {event.id: (event.action, event.user_id, event.process_id, event.object_id, repr(event.details))
              for event in db.session.execute(db.select(AuditEvent)).scalars()}
    assert before
    for rule, method in checked_rules(app):
        url = build_url(app, rule, secret_world)
        for object_id in before:
            target = re.sub(r"/\d+(?=/|$)", f"/{object_id}", url, count=1) if rule.arguments else url
            client.open(target, method=method, data={"action": "delete", "details": "{}"})
    db.session.expire_all()
    after = {event.id: (event.action, event.user_id, event.process_id, event.object_id, repr(event.details))
             for event in db.session.execute(db.select(AuditEvent)).scalars()}
    assert {key: after.get(key) for key in before} == before


@pytest.mark.parametrize("route", ["/admin/audit"])
def test_audit_log_page_has_no_forms_that_change_anything(client, make_user, route):
    login(client, make_user("admin"))
    main = client.get(route).get_data(as_text=True).split("<main", 1)[1]
    assert 'method="post"' not in main.lower() and "<form" in main, "only the GET filter form"

"""A session cookie copied before logout, a password change or deactivation no longer opens anything
(issue 13, item 6)."""
from flask import g

from participation.extensions import db
from participation.models import Invitation, User
from tests.conftest import login


def interviewer(world) -> User:
    return db.session.execute(db.select(User).filter_by(email="geheim-multi@example.org")).scalar_one()


def saved_session(client) -> str:
    return client.get_cookie("session").value


def replay(app, cookie: str):
    g.pop("_login_user", None)
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief


def test_cookie_saved_before_logout_no_longer_opens_records(app, client, secret_world):
    record_url = f"/interviews/records/{secret_world.ids['record_id']}"
    login(client, interviewer(secret_world))
    assert client.get(record_url).status_code == 200
    cookie = saved_session(client)
    logout = client.post("/logout")
    assert "cache" in logout.headers["Clear-Site-Data"]
    response = replay(app, cookie).get(record_url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_password_change_ends_other_sessions(app, client, secret_world):
    person = interviewer(secret_world)
    record_url = f"/interviews/records/{secret_world.ids['record_id']}"
    login(client, person)
    cookie = saved_session(client)
    invitation, token = Invitation.issue(person, purpose="reset")
    db.session.add(invitation)
    db.session.commit()
    g.pop("_login_user", None)
    other_device = app.test_client()
    assert other_device.post(f"/invite/{token}", data={"password": "a brand new secret",
                                                       "confirm": "a brand new secret"}).status_code == 302
    assert other_device.get(record_url).status_code == 200
    assert replay(app, cookie).get(record_url).status_code == 302


def test_deactivation_ends_sessions(app, client, secret_world):
    person = interviewer(secret_world)
    login(client, person)
    cookie = saved_session(client)
    g.pop("_login_user", None)
    planner = app.test_client()
    owner = db.session.execute(db.select(User).filter_by(email="geheim-planung@example.org")).scalar_one()
    login(planner, owner)
    url = f"/planning/processes/{secret_world.process.id}/multipliers/{person.id}/active"
    assert planner.post(url, data={"active": "0"}).status_code == 302
    assert planner.post(url, data={"active": "1"}).status_code == 302
    db.session.expire_all()
    assert person.active  # even reactivated, the old cookie stays dead
    assert replay(app, cookie).get("/interviews/").status_code == 302

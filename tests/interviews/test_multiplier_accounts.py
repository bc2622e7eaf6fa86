"""Planners invite multipliers with a one-time link, decide what they may use, and can deactivate them."""
import re

from flask import g

from participation.extensions import db
from participation.models import AuditEvent, Process, User
from tests.conftest import login

from .conftest import interview_record


def switch_client() -> None:
    """The tests' app context outlives requests, so Flask-Login's cached user must go between two clients."""
    g.pop("_login_user", None)


def invitation_token(html: str) -> str:
    return re.search(r"/invite/([A-Za-z0-9_-]+)", html).group(1)


def test_planner_invites_multiplier_who_sets_password_and_sees_assigned_guides(
        client, planner, process, interview_guide, focus_guide):
    login(client, planner)
    page = client.post(f"/planning/processes/{process.id}/multipliers",
                       data={"name": "Aylin Demir", "email": "Aylin@Example.org",
                             "questionnaires": [str(interview_guide.id)]})
    assert page.status_code == 200
    token = invitation_token(page.get_data(as_text=True))
    client.post("/logout")

    assert not db.session.execute(db.select(User).filter_by(email="aylin@example.org")).first()

    response = client.post(f"/invite/{token}", data={"password": "ein sicheres Passwort",
                                                     "confirm": "ein sicheres Passwort"})
    assert response.headers["Location"].endswith("/interviews/")
    invited = db.session.execute(db.select(User).filter_by(email="aylin@example.org")).scalar_one()
    assert invited.role == "multiplier" and invited.name == "Aylin Demir"
    assert process in invited.processes and invited.assigned_questionnaires == [interview_guide]
    home = client.get("/interviews/").get_data(as_text=True)
    assert "Peer-Interview Nordstadt" in home and "Gruppengespräch Eltern" not in home
    client.post("/logout")
    assert client.get(f"/invite/{token}").status_code == 410  # the link works once only


def test_only_planners_of_the_process_manage_its_multipliers(client, make_user, process, multiplier):
    other_process = Process(title="Anderer Prozess")
    db.session.add(other_process)
    db.session.commit()
    stranger = make_user("planner", processes=[other_process])
    login(client, stranger)
    assert client.get(f"/planning/processes/{process.id}/multipliers").status_code == 403
    assert client.post(f"/planning/processes/{process.id}/multipliers/{multiplier.id}/active",
                       data={"active": "0"}).status_code == 403
    assert client.get(f"/planning/processes/{process.id}/records").status_code == 403
    assert multiplier.active
    client.post("/logout")
    login(client, multiplier)
    assert client.get(f"/planning/processes/{process.id}/multipliers").status_code == 403


def test_assignment_limits_what_a_multiplier_may_record(client, planner, process, multiplier, interview_guide,
                                                        focus_guide):
    login(client, planner)
    response = client.post(f"/planning/processes/{process.id}/multipliers/{multiplier.id}/assignments",
                           data={f"u{multiplier.id}-questionnaires": [str(focus_guide.id)]})
    assert response.status_code == 302
    assert multiplier.assigned_questionnaires == [focus_guide]
    client.post("/logout")

    login(client, multiplier)
    assert client.get(f"/interviews/questionnaires/{interview_guide.id}/record").status_code == 404
    assert client.get(f"/interviews/questionnaires/{focus_guide.id}/record").status_code == 200
    result = client.post("/api/sync", json={"records": [interview_record(interview_guide)]}).json["results"][0]
    assert result["status"] == "rejected" and result["code"] == "not_assigned"


def test_deactivated_multiplier_can_neither_log_in_nor_sync(client, planner, process, multiplier, interview_guide):
    other = client.application.test_client()
    login(other, multiplier)
    switch_client()
    login(client, planner)
    response = client.post(f"/planning/processes/{process.id}/multipliers/{multiplier.id}/active",
                           data={"active": "0"})
    assert response.status_code == 302
    assert not multiplier.active
    assert db.session.execute(db.select(AuditEvent).filter_by(action="multiplier_deactivated")).scalar_one()

    switch_client()
    assert other.post("/api/sync", json={"records": [interview_record(interview_guide)]}).status_code == 401
    assert other.get("/interviews/").status_code == 302
    refused = other.post("/login", data={"email": multiplier.email, "password": "correct horse battery"})
    assert refused.status_code == 401


def test_new_link_replaces_the_old_one(client, planner, process):
    from participation.models import MembershipInvitation
    login(client, planner)
    first = invitation_token(client.post(f"/planning/processes/{process.id}/multipliers",
                                         data={"name": "Olena", "email": "olena@example.org"}).get_data(as_text=True))
    invited = db.session.execute(db.select(MembershipInvitation).filter_by(email="olena@example.org")).scalar_one()
    page = client.post(f"/planning/processes/{process.id}/multipliers/invitations/{invited.id}/link")
    second = invitation_token(page.get_data(as_text=True))
    assert second != first
    client.post("/logout")
    assert client.get(f"/invite/{first}").status_code == 410
    assert client.get(f"/invite/{second}").status_code == 200

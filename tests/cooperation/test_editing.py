"""Records are corrected after saving: a membership is edited, ended (the network follows) or deleted; a
meeting's date and attendance are edited and the meeting deleted after a tick; decisions link to field,
goal and measure of this process only, and are edited or deleted like tasks."""
import re
from datetime import date

import pytest

from participation.cooperation import network
from participation.extensions import db
from participation.models import AuditEvent, Meeting, MeetingDecision, MeetingTask
from tests.conftest import login
from tests.cooperation.helpers import make_world


@pytest.fixture
def world(app, client, make_user):
    app.config["WTF_CSRF_ENABLED"] = False
    world = make_world()
    login(client, make_user("planner", processes=[world.process], email="bearbeiten@example.org"))
    return world


def _members(world, at: date) -> set[str]:
    snap = network.snapshot(world.process, at)
    names = {n.id: n.name for n in snap.nodes}
    return {names[e.source] for e in snap.edges if e.kind == "member"}


def test_a_membership_is_edited_ended_and_deleted_and_the_network_follows(world, client):
    [membership] = world.committee.memberships
    url = f"{world.base}/memberships/{membership.id}"
    assert "Jugendamt" in _members(world, date(2025, 6, 1))
    page = client.get(url).get_data(as_text=True)
    assert 'value="Sprecherin"' in page and "Mitgliedschaft beenden" in page

    too_early = client.post(f"{url}/end", data={"end-ends_on": "2024-12-31"})
    assert too_early.status_code == 400 and "Das Ende liegt vor dem Beginn." in too_early.get_data(as_text=True)
    assert client.post(f"{url}/end", data={"end-ends_on": "2025-03-31"}).status_code == 302
    db.session.expire_all()
    assert membership.ends_on == date(2025, 3, 31)
    assert "Jugendamt" in _members(world, date(2025, 3, 1))
    assert "Jugendamt" not in _members(world, date(2025, 6, 1))  # ended: absent at a later date

    school = world.actors["Schule"]
    bad = client.post(url, data={"body_id": school.id, "starts_on": "2025-05-01", "ends_on": "2025-04-01",
                                 "role": "Gastgeberin", "mandate": "bis 500 Euro"})
    assert bad.status_code == 400 and "Das Ende liegt vor dem Beginn." in bad.get_data(as_text=True)
    assert 'value="Gastgeberin"' in bad.get_data(as_text=True)
    assert client.post(url, data={"body_id": school.id, "starts_on": "2025-05-01", "ends_on": "",
                                  "role": "Gastgeberin", "mandate": "bis 500 Euro"}).status_code == 302
    db.session.expire_all()
    assert (membership.body.name, membership.starts_on, membership.ends_on, membership.role, membership.mandate) == (
        "Schule", date(2025, 5, 1), None, "Gastgeberin", "bis 500 Euro")
    assert "Schule" in _members(world, date(2025, 6, 1))

    assert client.post(f"{url}/delete", data={}).status_code == 400
    assert client.post(f"{url}/delete", data={"confirm": "y"}).status_code == 302
    assert world.committee.memberships == []
    actions = set(db.session.execute(db.select(AuditEvent.action)).scalars())
    assert {"coop_membership_ended", "coop_membership_updated", "coop_membership_deleted"} <= actions


def test_a_meeting_is_edited_and_deleted_after_confirmation(world, client):
    meeting = world.meeting
    url = f"{world.base}/meetings/{meeting.id}/edit"
    jugendamt, verein, schule = (world.actors[n] for n in ("Jugendamt", "Sportverein", "Schule"))
    page = client.get(url).get_data(as_text=True)
    assert re.search(rf'<input checked[^>]*name="attendees" type="checkbox" value="{verein.id}"', page)
    refused = client.post(url, data={"held_on": "", "agenda": "Neue Tagesordnung", "attendees": [str(schule.id)]})
    assert refused.status_code == 400 and "Neue Tagesordnung" in refused.get_data(as_text=True)
    assert client.post(url, data={"held_on": "2025-02-03", "agenda": "Neue Tagesordnung", "minutes": "Protokoll",
                                  "attendees": [str(jugendamt.id), str(schule.id)]}).status_code == 302
    db.session.expire_all()
    assert meeting.held_on == date(2025, 2, 3) and meeting.agenda == "Neue Tagesordnung"
    assert [b.name for b in meeting.attendees] == ["Jugendamt", "Schule"]
    edges = {(e.source, e.kind) for e in network.snapshot(world.process, date(2025, 3, 1)).edges}
    assert (f"a{schule.id}", "guest") in edges and (f"a{verein.id}", "guest") not in edges

    assert client.post(f"{world.base}/meetings/{meeting.id}/delete", data={}).status_code == 400
    assert db.session.get(Meeting, meeting.id) is not None
    response = client.post(f"{world.base}/meetings/{meeting.id}/delete", data={"confirm": "y"})
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/cooperation/committees/{world.committee.id}")
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id) is None


def test_a_decision_links_to_a_goal_of_this_process_only(world, client):
    other = make_world("Anderswo", names=("Fremdes Amt", "Fremder Verein"))
    meeting = world.meeting
    add = f"{world.base}/meetings/{meeting.id}/decisions"
    refused = client.post(add, data={"text": "Fremdes Ziel", "field_id": "0", "goal_id": str(other.goal.id),
                                     "measure_id": "0"})
    assert refused.status_code == 400 and "Fremdes Ziel" in refused.get_data(as_text=True)
    assert meeting.decisions == []
    page = client.get(f"{world.base}/meetings/{meeting.id}").get_data(as_text=True)
    assert world.goal.title in page and other.goal.title not in page  # goals offered: this process's only

    assert client.post(add, data={"text": "Bewegte Pause einführen", "field_id": str(world.field.id),
                                  "goal_id": str(world.goal.id), "measure_id": "0"}).status_code == 302
    [decision] = meeting.decisions
    assert (decision.field_id, decision.goal_id, decision.measure_id) == (world.field.id, world.goal.id, None)
    page = client.get(f"{world.base}/meetings/{meeting.id}").get_data(as_text=True)
    assert f"/strategy#goal-{world.goal.id}" in page and world.goal.title in page

    edit = f"{world.base}/meetings/{meeting.id}/decisions/{decision.id}"
    assert f'<option selected value="{world.goal.id}">' in client.get(edit).get_data(as_text=True)
    assert client.post(edit, data={"text": "Bewegte Pause", "field_id": "0", "goal_id": str(other.goal.id),
                                   "measure_id": "0"}).status_code == 400
    assert client.post(edit, data={"text": "Bewegte Pause", "field_id": "0", "goal_id": "0", "measure_id": "0",
                                   "public": "y"}).status_code == 302
    db.session.expire_all()
    assert (decision.text, decision.goal_id, decision.public) == ("Bewegte Pause", None, True)
    assert client.get(f"{world.base}/meetings/{other.meeting.id}/decisions/{decision.id}").status_code == 404
    assert client.post(f"{edit}/delete", data={"confirm": "y"}).status_code == 302
    assert db.session.execute(db.select(MeetingDecision)).first() is None


def test_a_task_is_edited_and_deleted(world, client):
    meeting = world.meeting
    meeting.tasks = [MeetingTask(text="Halle anfragen", done=False)]
    db.session.commit()
    [task] = meeting.tasks
    url = f"{world.base}/meetings/{meeting.id}/tasks/{task.id}"
    verein = world.actors["Sportverein"]
    assert client.post(url, data={"text": "Halle fest buchen", "body_id": str(verein.id), "due_on": "2025-03-01",
                                  "measure_id": "0", "done": "y"}).status_code == 302
    db.session.expire_all()
    assert (task.text, task.body_id, task.due_on, task.done) == ("Halle fest buchen", verein.id, date(2025, 3, 1), True)
    assert client.post(f"{url}/delete", data={"confirm": "y"}).status_code == 302
    assert db.session.execute(db.select(MeetingTask)).first() is None


def test_records_of_another_process_are_404(world, client):
    other = make_world("Anderswo", names=("Fremdes Amt", "Fremder Verein"))
    other.meeting.tasks = [MeetingTask(text="Fremde Aufgabe", done=False)]
    db.session.commit()
    [membership], task = other.committee.memberships, other.meeting.tasks[0]
    base = world.base
    assert client.get(f"{base}/memberships/{membership.id}").status_code == 404
    assert client.post(f"{base}/memberships/{membership.id}/end", data={"end-ends_on": "2025-03-01"}).status_code == 404
    assert client.post(f"{base}/memberships/{membership.id}/delete", data={"confirm": "y"}).status_code == 404
    assert client.get(f"{base}/meetings/{other.meeting.id}/edit").status_code == 404
    assert client.post(f"{base}/meetings/{other.meeting.id}/delete", data={"confirm": "y"}).status_code == 404
    assert client.post(f"{base}/meetings/{world.meeting.id}/tasks/{task.id}/delete",
                       data={"confirm": "y"}).status_code == 404
    db.session.expire_all()
    assert membership.ends_on is None and other.meeting.tasks == [task]

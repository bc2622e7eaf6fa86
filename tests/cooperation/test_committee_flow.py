"""A planner records a committee, its members, a meeting with attendance, a public decision and a task,
and marks the task done; the network follows. Bad input is refused with the values kept."""
from datetime import date

import pytest

from participation.cooperation import network
from participation.extensions import db
from participation.models import Body, Committee, MeetingTask, Process
from tests.conftest import login


@pytest.fixture
def planner(demo_outcomes, client, make_user, app):
    app.config["WTF_CSRF_ENABLED"] = False
    login(client, make_user("planner", processes=[demo_outcomes], email="gremien@example.org"))
    return demo_outcomes


def _body_id(process, name) -> int:
    return db.session.execute(db.select(Body.id).filter_by(process_id=process.id, name=name)).scalar_one()


def test_committee_members_meeting_decision_and_task(planner, client):
    base = f"/planning/processes/{planner.id}/cooperation"
    response = client.post(f"{base}/committees", data={"name": "AG Bewegung", "kind": "working_group",
                                                       "field_id": "0", "purpose": "Mehr Bewegung im Alltag"})
    assert response.status_code == 302
    committee = db.session.execute(db.select(Committee).filter_by(name="AG Bewegung")).scalar_one()
    page = f"{base}/committees/{committee.id}"
    sport, club = _body_id(planner, "Sportamt"), _body_id(planner, "Sportverein")
    bad = client.post(f"{page}/members", data={"body_id": sport, "starts_on": "2026-05-01", "ends_on": "2026-01-01",
                                               "role": "Sprecher"})
    assert bad.status_code == 400 and "Das Ende liegt vor dem Beginn." in bad.get_data(as_text=True)
    assert 'value="Sprecher"' in bad.get_data(as_text=True)
    for body_id in (sport, club):
        assert client.post(f"{page}/members", data={"body_id": body_id, "starts_on": "2026-01-01"}).status_code == 302
    response = client.post(f"{base}/committees/{committee.id}/meetings/new", data={
        "held_on": "2026-02-01", "agenda": "Bewegungstreff", "attendees": [str(sport), str(club)]})
    assert response.status_code == 302
    meeting = committee.meetings[0]
    assert [b.name for b in meeting.attendees] == ["Sportamt", "Sportverein"]
    assert client.post(f"{base}/meetings/{meeting.id}/decisions", data={
        "text": "Der Bewegungstreff startet im Mai.", "field_id": "0", "measure_id": "0",
        "public": "y"}).status_code == 302
    assert client.post(f"{base}/meetings/{meeting.id}/tasks", data={
        "text": "Halle anfragen", "body_id": str(sport), "due_on": "2026-03-01", "measure_id": "0"}).status_code == 302
    task = db.session.execute(db.select(MeetingTask).filter_by(text="Halle anfragen")).scalar_one()
    assert task in network_overdue(planner)
    assert client.post(f"{base}/meetings/{meeting.id}/tasks/{task.id}/done").status_code == 302
    assert task not in network_overdue(planner)
    public = client.get(f"/prozess/{planner.id}/was-daraus-wurde").get_data(as_text=True)
    assert "Der Bewegungstreff startet im Mai." in public
    edges = {(e.source, e.target): e.weight for e in network.snapshot(planner, date(2026, 6, 1)).edges}
    assert edges[(f"a{sport}", f"c{committee.id}")] == 1


def network_overdue(process):
    from participation.cooperation.records import overdue_tasks
    return overdue_tasks(process, date(2026, 4, 1))


def test_ids_of_another_process_are_refused(planner, client):
    other = Process(title="Anderswo", districts=["X"])
    db.session.add(other)
    db.session.flush()
    stranger = Body(process_id=other.id, name="Fremdes Amt")
    foreign = Committee(process_id=other.id, name="Fremd", kind="network", purpose="")
    db.session.add_all([stranger, foreign])
    db.session.commit()
    base = f"/planning/processes/{planner.id}/cooperation"
    assert client.get(f"{base}/committees/{foreign.id}").status_code == 404
    assert client.get(f"{base}/actors/{stranger.id}").status_code == 404
    committee = db.session.execute(db.select(Committee).filter_by(process_id=planner.id)).scalars().first()
    response = client.post(f"{base}/committees/{committee.id}/members",
                           data={"body_id": stranger.id, "starts_on": "2026-01-01"})
    assert response.status_code == 400  # not among the offered actors
    assert all(m.body_id != stranger.id for m in committee.memberships)

"""Creating and editing processes; administrators add planners."""
from participation.extensions import db
from participation.models import AuditEvent, Process
from tests.conftest import login

VALID = {"title": "Älter werden im Quartier", "description": "Bestandsaufnahme 2027", "phase": "leitlinien",
         "districts": "Nordstadt\r\nHafen\r\n\r\nHafen", "target_groups": "Ältere Menschen\nPflegende Angehörige",
         "languages": ["de", "tr", "ar"], "min_group_size": "7"}


def test_planner_creates_a_process_and_becomes_member(client, make_user):
    planner = make_user("planner")
    login(client, planner)
    response = client.post("/planning/processes/new", data=VALID)
    assert response.status_code == 302
    process = db.session.execute(db.select(Process)).scalar_one()
    assert process.districts == ["Nordstadt", "Hafen"]
    assert process.target_groups == ["Ältere Menschen", "Pflegende Angehörige"]
    assert (process.phase, process.languages, process.min_group_size) == ("leitlinien", ["de", "tr", "ar"], 7)
    assert planner in process.members
    assert client.get(f"/planning/processes/{process.id}").status_code == 200
    assert db.session.execute(db.select(AuditEvent).filter_by(action="process_created")).scalar_one().process_id \
        == process.id


def test_process_form_errors_keep_input(client, make_user):
    login(client, make_user("planner"))
    response = client.post("/planning/processes/new", data={**VALID, "title": "", "min_group_size": "1",
                                                           "languages": ["tr"]})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="title-error"' in page and 'id="min_group_size-error"' in page and 'id="languages-error"' in page
    assert "Bestandsaufnahme 2027" in page and "Pflegende Angehörige" in page and 'value="1"' in page
    assert db.session.execute(db.select(Process)).first() is None


def test_editing_shows_lists_one_per_line_and_saves(client, make_user, process):
    planner = make_user("planner", processes=[process])
    login(client, planner)
    page = client.get(f"/planning/processes/{process.id}/edit").get_data(as_text=True)
    assert "Nordstadt\nHafen\nLindenhof</textarea>" in page
    response = client.post(f"/planning/processes/{process.id}/edit", data={**VALID, "title": "Neuer Titel"})
    assert response.status_code == 302
    db.session.expire_all()
    assert process.title == "Neuer Titel" and process.districts == ["Nordstadt", "Hafen"]


def switch_user(client, user):
    client.post("/logout")
    login(client, user)


def test_other_planners_cannot_edit_and_only_admins_add_members(client, make_user, process):
    outsider = make_user("planner")
    login(client, outsider)
    assert client.get(f"/planning/processes/{process.id}/edit").status_code == 403
    assert client.post(f"/planning/processes/{process.id}/members",
                       data={"user_id": outsider.id}).status_code == 403
    member = make_user("planner", processes=[process])
    switch_user(client, member)
    assert client.post(f"/planning/processes/{process.id}/members",
                       data={"user_id": outsider.id}).status_code == 403
    switch_user(client, make_user("admin"))
    page = client.get(f"/planning/processes/{process.id}/edit").get_data(as_text=True)
    assert outsider.email in page
    client.post(f"/planning/processes/{process.id}/members", data={"user_id": outsider.id})
    db.session.expire_all()
    assert outsider in process.members
    switch_user(client, outsider)
    assert client.get(f"/planning/processes/{process.id}/edit").status_code == 200

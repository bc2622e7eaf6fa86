"""Actors: the profile form, contact roles where a name needs recorded consent, the confidential
stakeholder profile (only planners of the process; that no file carries it: test_confidential_exports.py),
meetings and overdue tasks, roles."""
from datetime import date

import pytest

from participation.extensions import db
from participation.models import ActorContact, Body, Meeting, MeetingTask, Process
from tests.conftest import login

SECRET = "VERTRAULICH-Haltung-7Z"


def _body(process, name) -> Body:
    return db.session.execute(db.select(Body).filter_by(process_id=process.id, name=name)).scalar_one()


def _url(process, body, suffix=""):
    return f"/planning/processes/{process.id}/cooperation/actors/{body.id}{suffix}"


@pytest.fixture
def planner(demo_outcomes, client, make_user):
    login(client, make_user("planner", processes=[demo_outcomes], email="koordination@example.org"))
    return demo_outcomes


def _form_token(client, url) -> str:
    html = client.get(url).get_data(as_text=True)
    return html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]


def test_a_name_without_recorded_consent_is_refused_and_the_input_kept(planner, client, app):
    app.config["WTF_CSRF_ENABLED"] = False
    body = _body(planner, "Sozialamt")
    response = client.post(_url(planner, body, "/contacts"),
                           data={"role_title": "Leitung", "person_name": "Maria Muster", "consent_on": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "nur mit Einwilligung" in html
    assert 'value="Maria Muster"' in html and 'value="Leitung"' in html
    response = client.post(_url(planner, body, "/contacts"),
                           data={"role_title": "Leitung", "person_name": "Maria Muster", "consent": "y"})
    assert response.status_code == 400  # ticked, but without the date
    assert db.session.execute(db.select(ActorContact).filter_by(person_name="Maria Muster")).first() is None

    assert client.post(_url(planner, body, "/contacts"), data={"role_title": "Koordination"}).status_code == 302
    assert client.post(_url(planner, body, "/contacts"), data={
        "role_title": "Leitung", "person_name": "Maria Muster", "consent": "y",
        "consent_on": "2026-01-15"}).status_code == 302
    contacts = [(c.role_title, c.person_name, c.consent_on) for c in body.profile.contacts]
    assert contacts == [("Koordination", "", None), ("Leitung", "Maria Muster", date(2026, 1, 15))]
    assert "Einwilligung vom 15.01.2026" in client.get(_url(planner, body)).get_data(as_text=True)


def test_profile_form_saves_kind_districts_fields_and_keeps_bad_input(planner, client, app):
    app.config["WTF_CSRF_ENABLED"] = False
    body = _body(planner, "Sportamt")
    field_id = body.profile.fields[0].id
    response = client.post(_url(planner, body), data={
        "actor_kind": "club", "districts": ["Eichberg", "Nordstadt"], "fields": [str(field_id)],
        "resources": "Hallenzeiten dienstags", "interests": "Mehr Kinder im Verein", "confidential_profile": SECRET})
    assert response.status_code == 302
    db.session.expire_all()
    profile = _body(planner, "Sportamt").profile
    assert (profile.actor_kind, profile.districts, [f.id for f in profile.fields]) == (
        "club", ["Eichberg", "Nordstadt"], [field_id])
    bad = client.post(_url(planner, body), data={"actor_kind": "spaceship", "resources": "Noch da"})
    assert bad.status_code == 400 and "Noch da" in bad.get_data(as_text=True)


def test_confidential_profile_only_for_planners_of_the_process(planner, client, make_user):
    body = _body(planner, "Jugendamt")
    body.profile.confidential_profile = SECRET
    db.session.commit()
    assert SECRET in client.get(_url(planner, body)).get_data(as_text=True)
    other = Process(title="Anderer Prozess", districts=["X"])
    db.session.add(other)
    db.session.commit()
    client.post("/logout")
    other_client = client
    login(other_client, make_user("planner", processes=[other], email="andere@example.org"))
    for url in (_url(planner, body), f"/planning/processes/{planner.id}/network",
                f"/planning/processes/{planner.id}/cooperation"):
        response = other_client.get(url)  # another process: refused (403, as for every planning page)
        assert response.status_code == 403 and SECRET not in response.get_data(as_text=True)
    # an id of this process through the other process's address: also 404
    assert other_client.get(f"/planning/processes/{other.id}/cooperation/actors/{body.id}").status_code == 404


def test_overview_lists_the_overdue_task_and_the_meeting_page_its_parts(planner, client):
    html = client.get(f"/planning/processes/{planner.id}/cooperation").get_data(as_text=True)
    overdue = html.split('id="overdue-tasks"')[1].split("</ul>")[0]
    assert "Antrag Randzeitenbetreuung schreiben" in overdue and "Elternlotsen schulen" not in overdue
    task = db.session.execute(db.select(MeetingTask).filter_by(text="Antrag Randzeitenbetreuung schreiben")).scalar_one()
    page = client.get(f"/planning/processes/{planner.id}/cooperation/meetings/{task.meeting.id}").get_data(as_text=True)
    assert "Migrantenselbstorganisation" in page.split('id="attendance"')[1]
    assert "Die Randzeitenbetreuung wird für 2027 beantragt." in page and "überfällig" in page
    task.done = True
    db.session.commit()
    assert 'id="overdue-tasks"' not in client.get(f"/planning/processes/{planner.id}/cooperation").get_data(
        as_text=True)


@pytest.mark.parametrize("role", ["multiplier", None])
def test_multipliers_and_residents_cannot_reach_cooperation(demo_outcomes, app, make_user, role):
    client = app.test_client()
    if role:
        login(client, make_user(role, processes=[demo_outcomes], email=f"{role}@example.org"))
    body = _body(demo_outcomes, "Jugendamt")
    meeting = db.session.execute(db.select(Meeting)).scalars().first()
    base = f"/planning/processes/{demo_outcomes.id}"
    for url in (f"{base}/cooperation", f"{base}/network", f"{base}/network.json", f"{base}/network.graphml",
                f"{base}/cooperation/actors/{body.id}", f"{base}/cooperation/meetings/{meeting.id}"):
        response = client.get(url)
        assert response.status_code == 403 if role else (response.status_code == 302
                                                          and "/login" in response.headers["Location"]), url
    assert client.post(f"{base}/cooperation/actors/{body.id}/contacts",
                       data={"role_title": "x"}).status_code in ((400, 403) if role else (302, 400))


def test_public_decisions_appear_on_the_residents_page_and_internal_ones_do_not(demo_outcomes, client):
    from participation.outcomes.view import is_public
    assert is_public(demo_outcomes)
    html = client.get(f"/prozess/{demo_outcomes.id}/was-daraus-wurde").get_data(as_text=True)
    listed = html.split('id="committee-decisions"')[1].split("</ul>")[0]
    assert "Der Gesundheitskiosk wird bis Ende 2027 fortgeführt." in listed
    assert "Die Steuerungsgruppe trifft sich viermal im Jahr." not in html  # not marked public

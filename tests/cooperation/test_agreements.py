"""Cooperation agreements: a planner records one on the committee page with its partners, corrects and
deletes it; its review date raises a reminder on the process overview until the review is recorded.
Bad input keeps what was typed; ids of another process are 404; every change is in the audit log."""
from datetime import date, timedelta

import pytest

from participation.audit.labels import ACTION_LABELS
from participation.cooperation.agreements import due_agreements
from participation.extensions import db
from participation.models import AgreementPartner, AuditEvent, CooperationAgreement
from tests.conftest import login
from tests.cooperation.helpers import make_world

REMINDER = "ist zur Überprüfung fällig seit"


@pytest.fixture
def world(app, client, make_user):
    app.config["WTF_CSRF_ENABLED"] = False
    world = make_world()
    login(client, make_user("planner", processes=[world.process], email="vereinbarung@example.org"))
    return world


def _agreement(world, review_on=None, title="Vereinbarung Bewegung") -> CooperationAgreement:
    agreement = CooperationAgreement(committee=world.committee, title=title, starts_on=date(2025, 1, 1),
                                     review_on=review_on, notes="")
    db.session.add(agreement)
    db.session.commit()
    return agreement


def _actions(process) -> list[str]:
    return list(db.session.execute(db.select(AuditEvent.action).filter_by(process_id=process.id)
                                   .order_by(AuditEvent.id)).scalars())


def test_agreement_with_partners_is_created_corrected_and_deleted(world, client):
    add = f"{world.base}/committees/{world.committee.id}/agreements"
    bad = client.post(add, data={"title": "Vereinbarung Bewegung", "starts_on": "2026-05-01",
                                 "ends_on": "2026-01-01", "notes": "Entwurf vom Mai"})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 400 and "Das Ende liegt vor dem Beginn." in html
    assert 'value="Vereinbarung Bewegung"' in html and "Entwurf vom Mai" in html
    no_date = client.post(add, data={"title": "Vereinbarung Bewegung", "starts_on": "1.5.2026"})
    assert no_date.status_code == 400
    assert db.session.execute(db.select(CooperationAgreement)).first() is None

    response = client.post(add, data={"title": "Vereinbarung Bewegung", "starts_on": "2026-01-01",
                                      "ends_on": "2027-12-31", "review_on": "2026-12-01", "notes": ""})
    assert response.status_code == 302
    agreement = db.session.execute(db.select(CooperationAgreement)).scalar_one()
    page = f"{world.base}/agreements/{agreement.id}"
    assert response.headers["Location"].endswith(page)
    school, club = world.actors["Schule"], world.actors["Sportverein"]
    for body, role, goal, contribution in ((school, "Gastgeberin", "Bewegte Pausen", "Schulhof"),
                                           (club, "Übungsleitung", "Mitglieder gewinnen", "Trainer")):
        assert client.post(f"{page}/partners", data={"body_id": body.id, "role": role, "goal": goal,
                                                     "contribution": contribution}).status_code == 302
    committee_page = client.get(f"{world.base}/committees/{world.committee.id}").get_data(as_text=True)
    assert "Vereinbarung Bewegung" in committee_page and "Bewegte Pausen" in committee_page
    assert "Schulhof" in committee_page and "01.12.2026" in committee_page

    partner = next(p for p in agreement.partners if p.body_id == club.id)
    assert client.post(f"{page}/partners/{partner.id}", data={
        "body_id": club.id, "role": "Übungsleitung", "goal": "Kinder in Bewegung bringen",
        "contribution": "Zwei Trainer"}).status_code == 302
    assert client.post(page, data={"title": "Vereinbarung Bewegte Schule", "starts_on": "2026-01-01", "ends_on": "",
                                   "review_on": "2026-12-01", "notes": "verlängert"}).status_code == 302
    db.session.expire_all()
    assert agreement.title == "Vereinbarung Bewegte Schule" and agreement.ends_on is None
    assert partner.goal == "Kinder in Bewegung bringen" and partner.contribution == "Zwei Trainer"

    refused = client.post(f"{page}/partners/{partner.id}/delete", data={})
    assert refused.status_code == 400 and "Bitte bestätigen Sie das Löschen." in refused.get_data(as_text=True)
    assert client.post(f"{page}/partners/{partner.id}/delete", data={"confirm": "y"}).status_code == 302
    assert [p.body.name for p in agreement.partners] == ["Schule"]
    assert client.post(f"{page}/delete", data={}).status_code == 400
    assert client.post(f"{page}/delete", data={"confirm": "y"}).status_code == 302
    assert db.session.execute(db.select(CooperationAgreement)).first() is None
    assert db.session.execute(db.select(AgreementPartner)).first() is None
    assert [a for a in _actions(world.process) if a.startswith("coop_agreement")] == [
        "coop_agreement_added", "coop_agreement_partner_added", "coop_agreement_partner_added",
        "coop_agreement_partner_updated", "coop_agreement_updated", "coop_agreement_partner_removed",
        "coop_agreement_deleted"]
    assert all(code in ACTION_LABELS for code in _actions(world.process))


def test_an_actor_is_a_partner_of_an_agreement_once(world, client):
    agreement = _agreement(world)
    page = f"{world.base}/agreements/{agreement.id}"
    school, club = world.actors["Schule"], world.actors["Sportverein"]
    assert client.post(f"{page}/partners", data={"body_id": school.id, "goal": "Bewegte Pausen"}).status_code == 302
    again = client.post(f"{page}/partners", data={"body_id": school.id, "goal": "Schulhof öffnen"})
    html = again.get_data(as_text=True)
    assert again.status_code == 400 and "Dieser Akteur ist schon Partner dieser Vereinbarung." in html
    assert "Schulhof öffnen" in html
    assert client.post(f"{page}/partners", data={"body_id": club.id}).status_code == 302
    club_partner = next(p for p in agreement.partners if p.body_id == club.id)
    moved = client.post(f"{page}/partners/{club_partner.id}", data={"body_id": school.id, "goal": "Trainer"})
    assert moved.status_code == 400
    db.session.expire_all()
    assert sorted(p.body.name for p in agreement.partners) == ["Schule", "Sportverein"]
    assert client.post(f"{page}/partners/{club_partner.id}", data={"body_id": club.id, "goal": "Trainer"}
                       ).status_code == 302


def test_ids_of_another_process_are_404_and_foreign_partners_refused(world, client):
    other = make_world("Anderswo", names=("Fremdes Amt", "Fremder Verein"))
    foreign = _agreement(other, title="Fremde Vereinbarung")
    foreign.partners = [AgreementPartner(body=other.actors["Fremdes Amt"], role="", goal="", contribution="")]
    own = _agreement(world)
    db.session.commit()
    base = world.base
    assert client.get(f"{base}/agreements/{foreign.id}").status_code == 404
    assert client.post(f"{base}/agreements/{foreign.id}", data={"title": "gekapert"}).status_code == 404
    assert client.post(f"{base}/agreements/{foreign.id}/delete", data={"confirm": "y"}).status_code == 404
    assert client.post(f"{base}/agreements/{foreign.id}/review", data={}).status_code == 404
    assert client.get(f"{base}/agreements/{own.id}/partners/{foreign.partners[0].id}").status_code == 404
    assert client.post(f"{base}/committees/{other.committee.id}/agreements", data={"title": "x"}).status_code == 404
    refused = client.post(f"{base}/agreements/{own.id}/partners", data={
        "body_id": other.actors["Fremdes Amt"].id, "goal": "Mein Ziel"})
    assert refused.status_code == 400 and "Mein Ziel" in refused.get_data(as_text=True)
    assert own.partners == [] and foreign.title == "Fremde Vereinbarung"


def test_due_review_is_reminded_on_the_overviews_until_it_is_recorded(world, client):
    today = date.today()
    agreement = _agreement(world, review_on=today + timedelta(days=1))
    overview = f"/planning/processes/{world.process.id}"
    assert REMINDER not in client.get(overview).get_data(as_text=True)
    agreement.review_on = today - timedelta(days=3)
    db.session.commit()
    html = client.get(overview).get_data(as_text=True)
    assert REMINDER in html and (today - timedelta(days=3)).strftime("%d.%m.%Y") in html
    assert f"/cooperation/committees/{world.committee.id}#agreement-{agreement.id}" in html
    assert REMINDER in client.get(f"{world.base}").get_data(as_text=True)

    review = f"{world.base}/agreements/{agreement.id}/review"
    refused = client.post(review, data={"review-next_review_on": today.isoformat()})
    assert refused.status_code == 400
    assert "Die nächste Überprüfung muss nach heute liegen." in refused.get_data(as_text=True)
    assert due_agreements(world.process, today) == [agreement]
    next_year = today + timedelta(days=365)
    assert client.post(review, data={"review-next_review_on": next_year.isoformat()}).status_code == 302
    db.session.expire_all()
    assert (agreement.reviewed_on, agreement.review_on) == (today, next_year)
    assert REMINDER not in client.get(overview).get_data(as_text=True)
    assert due_agreements(world.process, next_year) == [agreement]  # and back when the next one comes round
    assert "coop_agreement_reviewed" in _actions(world.process)


def test_the_demo_has_an_agreement_due_for_review_on_its_overview(demo_outcomes, client, make_user):
    login(client, make_user("planner", processes=[demo_outcomes]))
    [due] = due_agreements(demo_outcomes, date.today())
    assert due.review_on < date.today() and 3 <= len(due.partners) <= 4
    assert all(p.goal and p.contribution and p.role for p in due.partners)
    html = client.get(f"/planning/processes/{demo_outcomes.id}").get_data(as_text=True)
    assert REMINDER in html and due.title in html

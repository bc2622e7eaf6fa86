"""Issue 14, item 4: multipliers propose guide questions; planners accept, change or decline with a reason."""
from flask import g

from participation.extensions import db
from participation.models import AuditEvent, GuideProposal
from tests.conftest import login

PROPOSED = "Çocuğunuz için okulda en çok neyi özlüyorsunuz?"
GERMAN = "Was vermissen Sie für Ihr Kind in der Schule am meisten?"


def switch(client, user) -> None:
    client.post("/logout")
    g.pop("_login_user", None)
    login(client, user)


def propose(client, guide, **changes):
    section = guide.sections[0]
    data = {"target": f"new:{section.id}", "language": "tr", "text": PROPOSED,
            "narrative_prompt": "Okuldaki son gününüzü anlatın.", "followup": "Öğretmenler? Yemek?",
            "comment": "Anneler bunu sık soruyor."}
    data.update(changes)
    return client.post(f"/interviews/questionnaires/{guide.id}/proposals", data=data)


def decision_url(process, guide, proposal) -> str:
    return f"/planning/processes/{process.id}/questionnaires/{guide.id}/proposals/{proposal.id}"


def actions() -> list[str]:
    return [event.action for event in db.session.execute(db.select(AuditEvent).order_by(AuditEvent.id)).scalars()]


def test_turkish_proposal_becomes_a_guide_question_with_its_translation(
        client, multiplier, planner, process, interview_guide):
    login(client, multiplier)
    assert propose(client, interview_guide).status_code == 302
    proposal = db.session.execute(db.select(GuideProposal)).scalar_one()
    assert (proposal.status, proposal.language, proposal.kind) == ("open", "tr", "new")

    switch(client, planner)
    listing = client.get(f"/planning/processes/{process.id}/questionnaires/{interview_guide.id}/proposals")
    assert PROPOSED in listing.get_data(as_text=True) and "Anneler bunu sık soruyor." in listing.get_data(as_text=True)
    form = client.get(decision_url(process, interview_guide, proposal)).get_data(as_text=True)
    assert PROPOSED in form  # prefilled as the Turkish translation
    response = client.post(decision_url(process, interview_guide, proposal), data={
        "accept-text_de": GERMAN, "accept-text_translated": PROPOSED,
        "accept-narrative_prompt_de": "Erzählen Sie von Ihrem letzten Tag in der Schule.",
        "accept-narrative_prompt_translated": "Okuldaki son gününüzü anlatın.",
        "accept-followup_de": "Lehrkräfte? Essen?", "accept-followup_translated": "Öğretmenler? Yemek?",
        "accept-question_kind": "long_text", "accept-section_id": str(interview_guide.sections[0].id),
        "accept-accept": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    question = next(q for q in interview_guide.questions if q.text == GERMAN)
    assert question.translated("text", "tr") == PROPOSED
    assert question.translated("narrative_prompt", "tr") == "Okuldaki son gününüzü anlatın."
    assert question.narrative_prompt == "Erzählen Sie von Ihrem letzten Tag in der Schule."
    proposal = db.session.get(GuideProposal, proposal.id)
    assert (proposal.status, proposal.resulting_question_id) == ("accepted", question.id)
    assert [a for a in actions() if a != "login"][-3:] == [
        "guide_proposal_made", "question_added", "guide_proposal_accepted"]
    assert "Türkçe" in client.get(listing.request.path).get_data(as_text=True)

    switch(client, multiplier)
    own = client.get(f"/interviews/questionnaires/{interview_guide.id}/proposals").get_data(as_text=True)
    assert "übernommen" in own
    guide_page = client.get(f"/interviews/questionnaires/{interview_guide.id}/record?language=tr")
    assert PROPOSED in guide_page.get_data(as_text=True)


def test_planner_changes_a_proposal_before_taking_it(client, multiplier, planner, process, interview_guide):
    login(client, multiplier)
    question = interview_guide.question_by_code("contact")
    propose(client, interview_guide, target=f"change:{question.id}", language="de",
            text="An wen wenden Sie sich, wenn Sie Hilfe brauchen?", narrative_prompt="", followup="")
    proposal = db.session.execute(db.select(GuideProposal)).scalar_one()
    switch(client, planner)
    client.post(decision_url(process, interview_guide, proposal), data={
        "accept-text_de": "An wen wenden Sie sich zuerst, wenn Sie Hilfe brauchen?", "accept-accept": "1",
        "accept-question_kind": "long_text", "accept-section_id": str(interview_guide.sections[0].id)})
    db.session.expire_all()
    assert question.text == "An wen wenden Sie sich zuerst, wenn Sie Hilfe brauchen?"
    assert db.session.get(GuideProposal, proposal.id).status == "changed"
    assert "guide_proposal_changed" in actions()


def test_declined_proposal_needs_a_reason_which_the_multiplier_sees(
        client, multiplier, planner, process, interview_guide):
    login(client, multiplier)
    propose(client, interview_guide)
    proposal = db.session.execute(db.select(GuideProposal)).scalar_one()
    switch(client, planner)
    url = decision_url(process, interview_guide, proposal)
    refused = client.post(url, data={"decline-reason": "  ", "decline-decline": "1"})
    assert refused.status_code == 422 and "Bitte füllen Sie dieses Feld aus." in refused.get_data(as_text=True)
    reason = "Diese Frage stellt schon die Schulbefragung im Herbst."
    assert client.post(url, data={"decline-reason": reason, "decline-decline": "1"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(GuideProposal, proposal.id).status == "declined"
    assert all(q.text != GERMAN for q in interview_guide.questions)
    assert "guide_proposal_declined" in actions()
    switch(client, multiplier)
    own = client.get(f"/interviews/questionnaires/{interview_guide.id}/proposals").get_data(as_text=True)
    assert "abgelehnt" in own and reason in own


def test_proposals_stay_with_their_guide_and_their_people(
        client, multiplier, other_multiplier, planner, make_user, process, interview_guide, focus_guide):
    login(client, multiplier)
    propose(client, interview_guide)
    proposal = db.session.execute(db.select(GuideProposal)).scalar_one()
    assert propose(client, interview_guide, text="").status_code == 422
    assert propose(client, interview_guide, target="change:999999").status_code == 422  # not a choice
    assert client.get(decision_url(process, interview_guide, proposal)).status_code in (403, 404)
    switch(client, other_multiplier)  # assigned to the same guide, but sees only their own proposals
    assert PROPOSED not in client.get(f"/interviews/questionnaires/{interview_guide.id}/proposals").get_data(
        as_text=True)
    outsider = make_user("planner", email="andere-planung@example.org")
    switch(client, outsider)
    assert client.get(decision_url(process, interview_guide, proposal)).status_code in (403, 404)
    switch(client, planner)
    wrong_guide = f"/planning/processes/{process.id}/questionnaires/{focus_guide.id}/proposals/{proposal.id}"
    assert client.get(wrong_guide).status_code == 404
    assert db.session.execute(db.select(db.func.count(GuideProposal.id))).scalar() == 1

"""Interview mode and focus-group sessions through the forms (no JavaScript), and who sees what."""
from flask import g

from participation.extensions import db
from participation.models import Answer, Response
from tests.conftest import login

from .conftest import GERMAN_TRANSLATION, TURKISH_ANSWER


def switch_client() -> None:
    g.pop("_login_user", None)


def form_of(page_html: str) -> str:
    return page_html.split('name="client_id" value="')[1].split('"')[0]


def interview_form(client, guide, **changes) -> dict:
    page = client.get(f"/interviews/questionnaires/{guide.id}/record").get_data(as_text=True)
    data = {"client_id": form_of(page), "language": "tr", "district": "Nordstadt",
            "target_group": "Familien mit Kindern", "consent": "yes", "q_missing": TURKISH_ANSWER,
            "t_missing": GERMAN_TRANSLATION, "q_children": "yes", "q_satisfaction": "4"}
    data.update(changes)
    return data


def session_form(client, guide, **changes) -> dict:
    page = client.get(f"/interviews/questionnaires/{guide.id}/record").get_data(as_text=True)
    data = {"client_id": form_of(page), "language": "de", "held_on": "2025-03-14", "place": "Familienzentrum",
            "moderator": "Quartiersmanagement", "participant_count": "7", "consent": "yes",
            "comp_target_group_0": "5", "comp_age_band_2": "4",
            "note_everyday": "Kitaplätze fehlen.\nBusse fahren abends zu selten.",
            "quote_everyday": "Wir warten seit einem Jahr auf einen Platz.",
            "note_contribute": "Eltern bieten Hausaufgabenhilfe an."}
    data.update(changes)
    return data


def test_interview_form_shows_followups_and_translation_fields(client, multiplier, interview_guide):
    login(client, multiplier)
    html = client.get(f"/interviews/questionnaires/{interview_guide.id}/record").get_data(as_text=True)
    assert "Nach Beispielen aus dem Alltag fragen." in html  # follow-ups are for the interviewer
    assert 'name="t_missing"' in html and 'name="t_contact"' in html
    assert 'name="t_children"' not in html
    assert "etwa 15 Minuten" in html


def test_turkish_peer_interview_is_stored_with_german_translation_and_consent(client, multiplier, interview_guide):
    login(client, multiplier)
    response = client.post(f"/interviews/questionnaires/{interview_guide.id}/record",
                           data=interview_form(client, interview_guide))
    assert response.status_code == 302
    stored = db.session.execute(db.select(Response)).scalar_one()
    assert (stored.channel, stored.language, stored.consent, stored.recorded_by_id) == (
        "peer_interview", "tr", True, multiplier.id)
    assert (stored.district, stored.target_group) == ("Nordstadt", "Familien mit Kindern")
    answer = db.session.execute(db.select(Answer).join(Answer.question).filter_by(code="missing")).scalar_one()
    assert answer.text_value == TURKISH_ANSWER
    assert answer.translation_de == GERMAN_TRANSLATION
    assert answer.language == "tr"
    assert answer.item_kind == "answer"


def test_sending_the_same_form_twice_stores_it_once(client, multiplier, interview_guide):
    login(client, multiplier)
    data = interview_form(client, interview_guide)
    for _ in range(2):
        assert client.post(f"/interviews/questionnaires/{interview_guide.id}/record", data=data).status_code == 302
    assert db.session.execute(db.select(db.func.count(Response.id))).scalar() == 1


def test_interview_without_consent_is_not_stored_and_keeps_what_was_typed(client, multiplier, interview_guide):
    login(client, multiplier)
    data = interview_form(client, interview_guide)
    del data["consent"]
    response = client.post(f"/interviews/questionnaires/{interview_guide.id}/record", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Einverständnis" in html
    assert TURKISH_ANSWER in html and GERMAN_TRANSLATION in html
    assert f'value="{data["client_id"]}"' in html  # the corrected form is still the same record
    assert db.session.execute(db.select(db.func.count(Response.id))).scalar() == 0


def test_invalid_answer_is_shown_next_to_the_question(client, multiplier, interview_guide):
    login(client, multiplier)
    response = client.post(f"/interviews/questionnaires/{interview_guide.id}/record",
                           data=interview_form(client, interview_guide, q_satisfaction="9", district="Mond"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Bitte geben Sie eine Zahl von 1 bis 5 ein." in html and "field-satisfaction-error" in html
    assert "Bitte wählen Sie einen Stadtteil aus der Liste." in html


def test_focus_group_session_stores_notes_and_quotes_as_items(client, multiplier, focus_guide):
    login(client, multiplier)
    response = client.post(f"/interviews/questionnaires/{focus_guide.id}/record",
                           data=session_form(client, focus_guide))
    assert response.status_code == 302
    session = db.session.execute(db.select(Response)).scalar_one()
    assert session.channel == "focus_group" and session.consent
    assert (session.place, session.moderator, session.participant_count) == (
        "Familienzentrum", "Quartiersmanagement", 7)
    assert session.composition == {"target_group": {"Familien mit Kindern": 5}, "age_band": {"30-49": 4}}
    items = sorted((a.question.code, a.item_kind, a.text_value) for a in session.answers)
    assert items == [("contribute", "note", "Eltern bieten Hausaufgabenhilfe an."),
                     ("everyday", "note", "Busse fahren abends zu selten."),
                     ("everyday", "note", "Kitaplätze fehlen."),
                     ("everyday", "quote", "Wir warten seit einem Jahr auf einen Platz.")]


def test_focus_group_composition_may_not_exceed_participants(client, multiplier, focus_guide):
    login(client, multiplier)
    response = client.post(f"/interviews/questionnaires/{focus_guide.id}/record",
                           data=session_form(client, focus_guide, comp_target_group_0="12", participant_count="7"))
    assert response.status_code == 422
    assert "mehr Personen (12) als Teilnehmende (7)" in response.get_data(as_text=True)
    assert db.session.execute(db.select(db.func.count(Response.id))).scalar() == 0


def test_other_multiplier_sees_nothing_and_planner_sees_all_masked(
        client, multiplier, other_multiplier, planner, process, interview_guide, focus_guide):
    login(client, multiplier)
    client.post(f"/interviews/questionnaires/{interview_guide.id}/record",
                data=interview_form(client, interview_guide, q_contact="Ruf mich an: 0171 2345678"))
    client.post(f"/interviews/questionnaires/{focus_guide.id}/record", data=session_form(client, focus_guide))
    records = db.session.execute(db.select(Response).order_by(Response.id)).scalars().all()
    assert len(records) == 2
    assert "0171 2345678" in client.get(f"/interviews/records/{records[0].id}").get_data(as_text=True)
    client.post("/logout")
    switch_client()

    login(client, other_multiplier)
    home = client.get("/interviews/").get_data(as_text=True)
    assert "Sie haben noch keine Interviews erfasst." in home
    for record in records:
        assert client.get(f"/interviews/records/{record.id}").status_code == 404
    client.post("/logout")
    switch_client()

    login(client, planner)
    overview = client.get(f"/planning/processes/{process.id}/records").get_data(as_text=True)
    assert overview.count("/interviews/records/") == 2
    assert overview.count("liegt vor") == 2
    detail = client.get(f"/interviews/records/{records[0].id}").get_data(as_text=True)
    assert GERMAN_TRANSLATION in detail
    assert "0171 2345678" not in detail and "[Telefon]" in detail
    session = client.get(f"/interviews/records/{records[1].id}").get_data(as_text=True)
    assert "Wir warten seit einem Jahr auf einen Platz." in session and "Zitat" in session

"""POST /api/sync: each client id is stored once; bad records are rejected one by one with reasons."""
import re

import pytest

from participation.extensions import db
from participation.models import Answer, Response
from tests.conftest import login

from .conftest import GERMAN_TRANSLATION, TURKISH_ANSWER, client_id, interview_record, session_record


def stored_count() -> int:
    return db.session.execute(db.select(db.func.count(Response.id))).scalar()


def sync(client, *records):
    response = client.post("/api/sync", json={"records": list(records)})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.json["results"]


def test_records_are_stored_and_a_repeated_sync_stores_nothing_twice(client, multiplier, interview_guide,
                                                                    focus_guide):
    login(client, multiplier)
    interview, session = interview_record(interview_guide), session_record(focus_guide)
    first = sync(client, interview, session)
    assert [r["status"] for r in first] == ["stored", "stored"]
    again = sync(client, interview, session)
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert [r["id"] for r in again] == [r["id"] for r in first]
    assert stored_count() == 2

    stored = db.session.get(Response, first[0]["id"])
    assert (stored.channel, stored.language, stored.consent, stored.recorded_by_id) == (
        "peer_interview", "tr", True, multiplier.id)
    answer = next(a for a in stored.answers if a.question.code == "missing")
    assert (answer.text_value, answer.translation_de) == (TURKISH_ANSWER, GERMAN_TRANSLATION)
    items = db.session.execute(db.select(Answer).where(Answer.response_id == first[1]["id"])).scalars().all()
    assert sorted(a.item_kind for a in items) == ["note", "note", "quote"]
    assert db.session.get(Response, first[1]["id"]).channel == "focus_group"


def test_interrupted_sync_is_completed_by_resending_the_whole_batch(client, multiplier, interview_guide):
    """The first part of a batch arrived before the connection dropped; the resend adds only the rest."""
    login(client, multiplier)
    batch = [interview_record(interview_guide) for _ in range(4)]
    assert [r["status"] for r in sync(client, *batch[:2])] == ["stored", "stored"]
    assert [r["status"] for r in sync(client, *batch)] == ["duplicate", "duplicate", "stored", "stored"]
    assert stored_count() == 4


def test_bad_records_are_rejected_one_by_one_while_good_ones_are_stored(client, multiplier, interview_guide,
                                                                       focus_guide):
    login(client, multiplier)
    good = interview_record(interview_guide)
    no_consent = interview_record(interview_guide, consent=False)
    bad_answer = interview_record(interview_guide, answers={"missing": "", "satisfaction": 9, "unknown": "x"})
    bad_session = session_record(focus_guide, held_on="14.03.2025", participant_count=0, items=[])
    no_id = interview_record(interview_guide, client_id="")
    wrong_type = interview_record(focus_guide)
    good_session = session_record(focus_guide)
    results = sync(client, good, no_consent, bad_answer, bad_session, no_id, wrong_type, "not a record",
                   good_session)

    assert [r["status"] for r in results] == ["stored"] + ["rejected"] * 6 + ["stored"]
    assert results[1]["code"] == "consent_missing" and "consent" in results[1]["errors"]
    assert set(results[2]["errors"]) == {"missing", "satisfaction", "unknown"}
    assert set(results[3]["errors"]) >= {"held_on", "participant_count", "items"}
    assert results[4]["code"] == "invalid_client_id"
    assert results[5]["code"] == "wrong_type"
    assert results[6]["code"] == "invalid_client_id"
    assert all(isinstance(message, str) and message for r in results[1:7] for message in r["errors"].values())
    assert stored_count() == 2


def test_a_rejected_record_can_be_corrected_and_sent_again_with_its_id(client, multiplier, interview_guide):
    login(client, multiplier)
    record = interview_record(interview_guide, consent=False)
    assert sync(client, record)[0]["status"] == "rejected"
    record["consent"] = True
    assert sync(client, record)[0]["status"] == "stored"


def test_guides_not_assigned_are_rejected_with_not_assigned(client, make_user, multiplier, process,
                                                            interview_guide, survey):
    login(client, multiplier)
    results = sync(client, interview_record(survey), interview_record(interview_guide, questionnaire_id=99999))
    assert [r["code"] for r in results] == ["not_assigned", "not_assigned"]
    assert stored_count() == 0


def test_a_client_id_of_another_multiplier_reveals_nothing(client, multiplier, other_multiplier, interview_guide):
    from flask import g
    login(client, multiplier)
    record = interview_record(interview_guide)
    stored_id = sync(client, record)[0]["id"]
    client.post("/logout")
    g.pop("_login_user", None)
    login(client, other_multiplier)
    result = sync(client, record)[0]
    assert result["status"] == "rejected" and result["code"] == "client_id_taken" and "id" not in result
    assert db.session.get(Response, stored_id).recorded_by_id == multiplier.id


def test_forms_captured_offline_are_read_like_posted_forms(client, multiplier, interview_guide, focus_guide):
    login(client, multiplier)
    interview = {"client_id": client_id(), "type": "interview", "questionnaire_id": interview_guide.id,
                 "form": [["language", "tr"], ["district", "Hafen"], ["consent", "yes"],
                          ["q_missing", TURKISH_ANSWER], ["t_missing", GERMAN_TRANSLATION], ["q_children", "no"]]}
    session = {"client_id": client_id(), "type": "focus_group", "questionnaire_id": focus_guide.id,
               "form": [["language", "de"], ["held_on", "2025-03-14"], ["place", "Treff"], ["moderator", "M."],
                        ["participant_count", "5"], ["consent", "yes"], ["quote_everyday", "Zu wenig Plätze."]]}
    broken = {"client_id": client_id(), "type": "interview", "questionnaire_id": interview_guide.id,
              "form": {"q_missing": "x"}}
    results = sync(client, interview, session, broken)
    assert [r["status"] for r in results] == ["stored", "stored", "rejected"]
    stored = db.session.get(Response, results[0]["id"])
    assert stored.district == "Hafen"
    assert {a.question.code: a.value for a in stored.answers} == {"missing": TURKISH_ANSWER, "children": False}


@pytest.mark.parametrize("body", [None, {"records": "x"}, [1, 2]])
def test_malformed_batches_get_a_json_error(client, multiplier, body):
    login(client, multiplier)
    response = client.post("/api/sync", json=body) if body is not None else client.post(
        "/api/sync", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"]["code"] == "bad_request"


def test_too_large_batches_are_refused(client, multiplier, interview_guide):
    login(client, multiplier)
    response = client.post("/api/sync", json={"records": [interview_record(interview_guide)] * 101})
    assert response.status_code == 413 and response.json["error"]["code"] == "too_many_records"


def test_sync_requires_login(client):
    response = client.post("/api/sync", json={"records": []})
    assert response.status_code == 401 and response.json["error"]["code"] == "login_required"


@pytest.mark.csrf
def test_sync_needs_the_csrf_header_token(client, multiplier, interview_guide):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/login", data={"email": multiplier.email, "password": "correct horse battery",
                                "csrf_token": token})
    home = client.get("/interviews/").get_data(as_text=True)
    header_token = re.search(r'<meta name="csrf-token" content="([^"]+)"', home).group(1)
    record = interview_record(interview_guide)
    refused = client.post("/api/sync", json={"records": [record]})
    assert refused.status_code == 400 and refused.json["error"]["code"] == "csrf_failed"
    accepted = client.post("/api/sync", json={"records": [record]}, headers={"X-CSRFToken": header_token})
    assert accepted.status_code == 200 and accepted.json["results"][0]["status"] == "stored"


def test_the_same_batch_sent_in_parallel_is_stored_once(live_server, multiplier, interview_guide, focus_guide):
    """Two tabs (or a retry racing the first attempt) send the same records at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    batch = [interview_record(interview_guide) for _ in range(5)] + [session_record(focus_guide)]
    sessions = []
    for _ in range(4):
        http = requests.Session()
        http.post(live_server + "/login", data={"email": multiplier.email, "password": "correct horse battery"})
        sessions.append(http)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda http: http.post(live_server + "/api/sync", json={"records": batch},
                                                       timeout=60).json()["results"], sessions))
    for results in answers:
        assert all(r["status"] in ("stored", "duplicate") for r in results)
    stored_per_record = [sum(results[i]["status"] == "stored" for results in answers) for i in range(len(batch))]
    assert stored_per_record == [1] * len(batch)
    db.session.rollback()
    assert stored_count() == len(batch)

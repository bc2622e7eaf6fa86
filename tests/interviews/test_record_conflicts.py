"""Issue 14, item 1: a reused record id never throws an interview away.

The same id with the same content is a duplicate; the same id with other content is a conflict, which the
sync answers with `status: "conflict"` (the browser resends under a new id) and the form stores under a
new id at once.
"""
from participation.extensions import db
from participation.fieldwork.records import _stored_texts
from participation.models import Response
from tests.conftest import login

from .conftest import client_id, interview_record, session_record
from .test_recording import interview_form
from .test_sync import stored_count, sync

OTHER_ANSWER = "Otobüs akşamları çok seyrek geliyor, eve yürümek zorunda kalıyorum."


def missing_answers() -> list[str]:
    db.session.rollback()
    return sorted(answer.text_value for response in db.session.execute(db.select(Response)).scalars()
                  for answer in response.answers if answer.question.code == "missing")


def test_same_id_with_other_content_is_a_conflict_and_the_resend_under_a_new_id_is_stored(
        client, multiplier, interview_guide):
    login(client, multiplier)
    first = interview_record(interview_guide)
    assert sync(client, first)[0]["status"] == "stored"
    assert sync(client, first)[0]["status"] == "duplicate"

    other = interview_record(interview_guide, client_id=first["client_id"],
                             answers={"missing": OTHER_ANSWER, "satisfaction": 2})
    result = sync(client, other)[0]
    assert result["status"] == "conflict" and result["code"] == "id_conflict"
    assert result["errors"]["client_id"]
    assert stored_count() == 1

    resent = sync(client, {**other, "client_id": client_id()})[0]
    assert resent["status"] == "stored"
    assert len(missing_answers()) == 2 and OTHER_ANSWER in missing_answers()


def test_small_differences_count_as_other_content(client, multiplier, interview_guide, focus_guide):
    login(client, multiplier)
    interview, session = interview_record(interview_guide), session_record(focus_guide)
    sync(client, interview, session)
    changed = [interview_record(interview_guide, client_id=interview["client_id"], language="ar"),
               interview_record(interview_guide, client_id=interview["client_id"], translations_de={}),
               session_record(focus_guide, client_id=session["client_id"], participant_count=9)]
    assert [r["status"] for r in sync(client, *changed)] == ["conflict"] * 3
    # the same content with keys in another order and padded text is still the same record
    reordered = dict(reversed(list(interview.items())))
    reordered["answers"] = {**interview["answers"], "missing": "  " + interview["answers"]["missing"] + " "}
    assert sync(client, reordered)[0]["status"] == "duplicate"


def test_captured_form_and_posted_form_with_the_same_content_are_one_record(client, multiplier, interview_guide):
    """The browser keeps a copy of an online post under the post's id; the copy's sync is a duplicate."""
    login(client, multiplier)
    data = interview_form(client, interview_guide)
    assert client.post(f"/interviews/questionnaires/{interview_guide.id}/record", data=data).status_code == 302
    copy = {"client_id": data["client_id"], "type": "interview", "questionnaire_id": interview_guide.id,
            "form": [[name, value] for name, value in data.items() if name != "client_id"]}
    assert sync(client, copy)[0]["status"] == "duplicate"
    assert stored_count() == 1


def test_form_posted_twice_under_one_id_with_other_content_stores_both(client, multiplier, interview_guide):
    """The issue's sequence without JavaScript: a page kept with its id X is used for a second interview."""
    login(client, multiplier)
    url = f"/interviews/questionnaires/{interview_guide.id}/record"
    first = interview_form(client, interview_guide)
    assert client.post(url, data=first).status_code == 302
    second = {**first, "q_missing": OTHER_ANSWER, "t_missing": ""}
    response = client.post(url, data=second, follow_redirects=True)
    assert "Gespeichert. Vielen Dank!" in response.get_data(as_text=True)
    assert "nicht doppelt angelegt" not in response.get_data(as_text=True)
    assert stored_count() == 2
    again = client.post(url, data=first, follow_redirects=True)  # a true double post stays one record
    assert "nicht doppelt angelegt" in again.get_data(as_text=True)
    assert stored_count() == 2


def test_record_stored_before_fingerprints_compares_its_texts(client, multiplier, interview_guide):
    login(client, multiplier)
    record = interview_record(interview_guide)
    stored_id = sync(client, record)[0]["id"]
    db.session.get(Response, stored_id).content_hash = None
    db.session.commit()
    assert _stored_texts(db.session.get(Response, stored_id))
    assert sync(client, record)[0]["status"] == "duplicate"
    other = interview_record(interview_guide, client_id=record["client_id"], answers={"missing": OTHER_ANSWER})
    assert sync(client, other)[0]["status"] == "conflict"


def test_someone_elses_id_is_refused_not_compared(client, multiplier, other_multiplier, interview_guide):
    from flask import g
    login(client, multiplier)
    record = interview_record(interview_guide)
    sync(client, record)
    client.post("/logout")
    g.pop("_login_user", None)
    login(client, other_multiplier)
    assert sync(client, record)[0]["code"] == "client_id_taken"
    assert stored_count() == 1

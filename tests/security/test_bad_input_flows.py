"""Property-based bad input against the residents' pages, paper entry, interview forms and offline sync.

Skipped until those areas are merged; every request must be answered without a server error, without
live script in the answer, and a sync batch is judged record by record with nothing half-stored.
"""
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participation.extensions import db
from participation.models import Answer, Response
from tests.conftest import login
from tests.security.test_bad_input import SETTINGS, assert_handled, form_data, json_values, nasty_text

pytest.importorskip("participation.surveys.flow", reason="residents' survey flow not merged yet")


def _started(client) -> str:
    import re
    start = client.post("/s/kurz", data={"language": "de", "consent": "y"})
    page = client.get(start.headers["Location"]).get_data(as_text=True)
    return re.search(r'name="submission_id" (?:type="hidden" )?value="([^"]+)"', page).group(1)


@SETTINGS
@given(first=form_data, second=form_data, nav=st.sampled_from(["next", "back", "", "x" * 100]))
def test_resident_pages_survive_anything(client, survey, first, second, nav):
    submission_id = _started(client)
    assert_handled(client.post("/s/kurz/1", data={**first, "submission_id": submission_id, "nav": nav}))
    assert_handled(client.post("/s/kurz/2", data={**second, "submission_id": submission_id, "nav": "next"}))
    assert_handled(client.post("/s/kurz/2", data=second))
    for response in db.session.execute(db.select(Response)).scalars():
        assert all(answer.question.questionnaire_id == survey.id for answer in response.answers)


@SETTINGS
@given(data=form_data)
def test_start_page_survives_anything(client, survey, data):
    assert_handled(client.post("/s/kurz", data=data))


@pytest.fixture
def multiplier_client(client, make_user, survey, process):
    from participation.demo.loader import build_questionnaire
    from participation.models import Guide
    from tests.conftest import SMALL_SURVEY
    guide = build_questionnaire(Guide, process, dict(SMALL_SURVEY, short_code="leitfaden", guide_type="interview"),
                                status="open")
    user = make_user("multiplier", [process])
    user.assigned_questionnaires = [survey, guide]
    db.session.commit()
    login(client, user)
    return client, survey, guide


@SETTINGS
@given(data=form_data)
def test_paper_entry_survives_anything(multiplier_client, data):
    client, survey, _guide = multiplier_client
    assert_handled(client.post(f"/s/{survey.short_code}/papier", data=data))


@SETTINGS
@given(data=form_data)
def test_interview_form_survives_anything(multiplier_client, data):
    client, _survey, guide = multiplier_client
    response = client.post(f"/interviews/questionnaires/{guide.id}/record", data=data)
    assert_handled(response)


record_fields = st.fixed_dictionaries({}, optional={
    "client_id": st.one_of(nasty_text, st.just(uuid.uuid4().hex)), "type": st.sampled_from(["interview", "x", 3]),
    "questionnaire_id": st.one_of(st.integers(), nasty_text), "language": st.one_of(nasty_text, st.just("tr")),
    "district": st.one_of(nasty_text, st.none()), "consent": st.one_of(st.booleans(), nasty_text),
    "answers": st.one_of(st.dictionaries(st.sampled_from(["district", "children", "missing", "unknown", "years"]),
                                         json_values, max_size=5), json_values),
    "translations_de": json_values, "items": json_values, "form": json_values})


@SETTINGS
@given(bad=st.lists(record_fields, max_size=5))
def test_sync_batch_is_judged_record_by_record_and_nothing_is_half_stored(multiplier_client, bad):
    client, _survey, guide = multiplier_client
    good = {"client_id": uuid.uuid4().hex, "type": "interview", "questionnaire_id": guide.id, "language": "de",
            "district": "Nordstadt", "consent": True,
            "answers": {"district": "Nordstadt", "children": False, "missing": "Ein Treffpunkt fehlt."}}
    before = db.session.execute(db.select(db.func.count(Response.id))).scalar()
    response = client.post("/api/sync", json={"records": [*bad, good]})
    assert_handled(response)
    results = response.get_json()["results"]
    assert len(results) == len(bad) + 1
    assert results[-1]["status"] == "stored"
    for result in results:
        assert result["status"] in ("stored", "duplicate", "rejected")
        if result["status"] == "rejected":
            assert result["errors"] and result["code"]
    stored = [r for r in results if r["status"] == "stored"]
    db.session.expire_all()
    assert db.session.execute(db.select(db.func.count(Response.id))).scalar() == before + len(stored)
    for result in stored:
        answers = db.session.execute(db.select(Answer).filter_by(response_id=result["id"])).scalars().all()
        assert answers, "a stored record has its answers"

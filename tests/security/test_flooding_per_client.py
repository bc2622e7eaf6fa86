"""Flood limits hit the client that floods, not every resident (issue 13, items 4 and 7)."""
import uuid

from participation.extensions import db
from participation.models import RefusedAttempts, Response, SurveyDraft
from participation.privacy.deletion import issue_deletion_code
from participation.surveys.answering import store_response
from tests.conftest import login
from tests.privacy.test_resident_wiring import _answer
from tests.security.conftest import table_snapshot

ATTACKER = "203.0.113.66"
RESIDENT = "198.51.100.5"


def client_from(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_guessing_deletion_codes_does_not_block_other_residents(app, survey):
    app.config["DELETION_FAILURES_PER_HOUR"] = 5
    response, _ = store_response(survey, {"district": "Hafen", "children": False}, submission_id="r-000001",
                                 consent=True)
    code = issue_deletion_code(response)
    db.session.commit()
    attacker = client_from(app, ATTACKER)
    statuses = [attacker.post("/delete", data={"code": f"AAAA-BBBB-CCCC-{n:04d}"}).status_code for n in range(7)]
    assert statuses[:5] == [404] * 5 and statuses[5:] == [429, 429]
    assert attacker.post("/delete", data={"code": code}).status_code == 429
    assert client_from(app, RESIDENT).post("/delete", data={"code": code}).status_code == 200
    assert db.session.execute(db.select(Response)).first() is None
    assert ATTACKER not in repr(table_snapshot(exclude=()))


def test_one_client_cannot_use_up_the_survey_limit(app, survey):
    app.config["SUBMISSIONS_PER_HOUR"] = 3
    app.config["SUBMISSIONS_PER_CLIENT_PER_HOUR"] = 1
    attacker = client_from(app, ATTACKER)
    results = [_answer(attacker)[0].status_code for _ in range(3)]
    assert results == [302, 429, 429]
    assert _answer(client_from(app, RESIDENT))[0].status_code == 302
    assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 2


def test_drafts_are_limited_per_client_and_planners_see_the_refusals(app, survey, process, make_user):
    app.config["DRAFTS_PER_CLIENT_PER_HOUR"] = 3
    attacker = client_from(app, ATTACKER)
    statuses = [attacker.post("/s/kurz/2", data={"submission_id": uuid.uuid4().hex, "q_missing": "x" * 5000,
                                                 "nav": "next"}).status_code for _ in range(6)]
    assert 429 not in statuses[:3] and statuses[3:] == [429, 429, 429]
    assert db.session.execute(db.select(db.func.count(SurveyDraft.id))).scalar_one() == 3
    refused = db.session.execute(db.select(RefusedAttempts).filter_by(scope="draft")).scalar_one()
    assert refused.count == 3 and refused.questionnaire_id == survey.id

    resident = client_from(app, RESIDENT)
    assert resident.post("/s/kurz", data={"language": "de", "consent": "y"}).status_code == 302
    planner = client_from(app, RESIDENT)
    login(planner, make_user("planner", [process]))
    overview = planner.get(f"/planning/processes/{process.id}").get_data(as_text=True)
    assert "Begonnene Antworten" in overview and "<td>3</td>" in overview
    assert ATTACKER not in repr(table_snapshot(exclude=()))

"""The residents' survey flow gives a deletion code once, and refuses floods with a friendly message."""
import re

import pytest

pytest.importorskip("participation.surveys.flow", reason="residents' survey flow not merged yet")

from participation.extensions import db
from participation.models import RefusedAttempts, Response

FIRST = {"q_district": "Hafen", "q_children": "no", "q_years": "3"}
SECOND = {"q_satisfaction": "4", "q_missing": "Mehr Bänke am Hafen."}
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")


def _submission_id(html: str) -> str:
    return re.search(r'name="submission_id" (?:type="hidden" )?value="([^"]+)"', html).group(1)


def _answer(client, code="kurz"):
    start = client.post(f"/s/{code}", data={"language": "de", "consent": "y"})
    page = client.get(start.headers["Location"])
    submission_id = _submission_id(page.get_data(as_text=True))
    client.post(f"/s/{code}/1", data={**FIRST, "submission_id": submission_id, "nav": "next"})
    return client.post(f"/s/{code}/2", data={**SECOND, "submission_id": submission_id, "nav": "next"}), \
        submission_id


def test_thank_you_page_shows_a_deletion_code_once_and_it_deletes_the_response(client, survey):
    final, submission_id = _answer(client)
    assert final.status_code == 302
    thanks = client.get(final.headers["Location"]).get_data(as_text=True)
    code = CODE.search(thanks)
    assert code, "the thank-you page shows a deletion code"
    assert not CODE.search(client.get(final.headers["Location"]).get_data(as_text=True)), "shown only once"
    response = db.session.execute(db.select(Response).filter_by(submission_id=submission_id)).scalar_one()
    assert response.deletion_code_hash
    assert client.post("/delete", data={"code": code.group(0)}).status_code == 200
    db.session.expire_all()
    assert db.session.execute(db.select(Response).filter_by(submission_id=submission_id)).first() is None


def test_flooded_survey_refuses_politely_keeps_the_answers_and_counts_the_refusal(app, client, survey):
    app.config["SUBMISSIONS_PER_HOUR"] = 1
    first_resident = app.test_client()
    assert _answer(first_resident)[0].status_code == 302
    refused, submission_id = _answer(client)
    assert refused.status_code == 429
    assert "später" in refused.get_data(as_text=True)
    assert "Mehr Bänke am Hafen." in refused.get_data(as_text=True) or \
        db.session.execute(db.select(Response).filter_by(submission_id=submission_id)).first() is None
    assert db.session.execute(db.select(RefusedAttempts)).scalar_one().count == 1
    app.config["SUBMISSIONS_PER_HOUR"] = 10
    again = client.post("/s/kurz/2", data={**SECOND, "submission_id": submission_id, "nav": "next"})
    assert again.status_code == 302
    assert db.session.execute(db.select(Response).filter_by(submission_id=submission_id)).scalar_one()

"""Redis unreachable: background work still runs (in the web process) and says it is delayed."""
from participation import jobs
from participation.extensions import db
from participation.models import Job
from tests.conftest import wait_for

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def test_job_runs_in_process_and_tells_it_is_delayed(app):
    app.config["REDIS_URL"] = UNREACHABLE_REDIS
    record = jobs.enqueue("maintenance.ping", steps=2)
    job_id = record.id
    assert record.runner == "thread"
    assert "verzögert" in record.message

    def finished():
        db.session.expire_all()
        job = db.session.get(Job, job_id)
        return job if job.finished else None
    assert wait_for(finished).status == "done"


def test_health_check_reports_the_queue_as_unreachable_while_residents_are_served(app, client):
    app.config["REDIS_URL"] = UNREACHABLE_REDIS
    assert client.get("/healthz").status_code == 200
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.get_json()["queue"] == "unreachable" and response.get_json()["status"] == "degraded"


def test_pages_that_start_analyses_can_say_it_is_delayed(app):
    from flask import render_template_string
    app.config["REDIS_URL"] = UNREACHABLE_REDIS
    with app.test_request_context():
        assert "verzögert" in render_template_string('{% include "_queue_notice.html" %}')
    app.config["REDIS_URL"] = ""
    with app.test_request_context():
        assert "verzögert" not in render_template_string('{% include "_queue_notice.html" %}')


def test_residents_still_submit_when_redis_is_unreachable(app, client, survey):
    """Submitting may queue background work (embeddings); an unreachable queue must not stop the resident."""
    import re

    import pytest
    pytest.importorskip("participation.surveys.flow", reason="residents' survey flow not merged yet")
    from participation.models import Response
    app.config["REDIS_URL"] = UNREACHABLE_REDIS
    start = client.post("/s/kurz", data={"language": "de", "consent": "y"})
    page = client.get(start.headers["Location"]).get_data(as_text=True)
    submission_id = re.search(r'name="submission_id" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    client.post("/s/kurz/1", data={"q_district": "Hafen", "q_children": "no", "submission_id": submission_id,
                                   "nav": "next"})
    final = client.post("/s/kurz/2", data={"q_missing": "Der Bus fährt abends zu selten.",
                                           "submission_id": submission_id, "nav": "next"})
    assert final.status_code == 302 and final.headers["Location"].endswith("/danke")
    stored = db.session.execute(db.select(Response).filter_by(submission_id=submission_id)).scalar_one()
    assert any(answer.text_value for answer in stored.answers)

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


def test_health_check_reports_the_queue_as_unreachable(app, client):
    app.config["REDIS_URL"] = UNREACHABLE_REDIS
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["queue"] == "unreachable"


def test_pages_that_start_analyses_can_say_it_is_delayed(app):
    from flask import render_template_string
    app.config["REDIS_URL"] = UNREACHABLE_REDIS
    with app.test_request_context():
        assert "verzögert" in render_template_string('{% include "_queue_notice.html" %}')
    app.config["REDIS_URL"] = ""
    with app.test_request_context():
        assert "verzögert" not in render_template_string('{% include "_queue_notice.html" %}')

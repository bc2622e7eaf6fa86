"""Monitoring: worker heartbeat age, jobs queued too long, liveness apart from readiness."""
from datetime import timedelta

from participation.extensions import db
from participation.jobs.worker import record_heartbeat
from participation.models import Job, WorkerHeartbeat, utcnow
from tests.conftest import REDIS_URL


def test_missing_worker_and_waiting_jobs_are_reported(app, client):
    app.config["REDIS_URL"] = REDIS_URL
    db.session.add(Job(kind="maintenance.ping", runner="rq", created_at=utcnow() - timedelta(minutes=40)))
    db.session.commit()
    report = client.get("/healthz/ready").json
    assert report["worker_heartbeat_age_seconds"] is None
    assert report["jobs_queued_too_long"] == 1
    assert report["status"] == "degraded" and set(report["problems"]) == {"no_worker", "jobs_waiting"}


def test_worker_heartbeat_is_reported_in_seconds(app, client):
    app.config["REDIS_URL"] = REDIS_URL
    record_heartbeat("host.1", "participation")
    report = client.get("/healthz/ready").json
    assert 0 <= report["worker_heartbeat_age_seconds"] < 60
    assert report["status"] == "ok", report
    db.session.get(WorkerHeartbeat, "host.1").seen_at = utcnow() - timedelta(minutes=10)
    db.session.commit()
    report = client.get("/healthz/ready").json
    assert report["worker_heartbeat_age_seconds"] >= 600 and "no_worker" in report["problems"]


def test_unreachable_database_takes_the_process_out_of_rotation(app, client, monkeypatch):
    from participation.api import routes
    monkeypatch.setattr(routes, "_database_ok", lambda: "unreachable")
    response = client.get("/healthz/ready")
    assert response.status_code == 503 and response.json["status"] == "unavailable"
    assert client.get("/healthz").status_code == 200

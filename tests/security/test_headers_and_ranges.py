"""HSTS in production, no-store on personal pages, an offline cache without records, and numbers beyond the
database's range answered with 400/404 instead of 500 (issue 13, items 8, 10 and 11)."""
import json
import re
import subprocess
import uuid

import pytest

from participation import create_app
from participation.extensions import db
from tests.conftest import login
from tests.privacy.test_resident_wiring import _answer


def test_production_sends_strict_transport_security(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite'}")
    monkeypatch.setenv("SECRET_KEY", "production-secret-long-enough-for-the-check")
    app = create_app({"TESTING": True, "LOAD_DEMO": False, "AUTO_MIGRATE": False, "REDIS_URL": ""},
                     run_startup_tasks=False)
    with app.app_context():
        db.create_all()
        header = app.test_client().get("/login", base_url="https://example.org").headers
        assert re.fullmatch(r"max-age=\d{8,}", header["Strict-Transport-Security"])
        db.session.remove()
        db.engine.dispose()


def test_development_mode_sends_no_hsts(client):
    assert "Strict-Transport-Security" not in client.get("/login").headers


def test_pages_with_codes_or_records_are_never_stored(app, client, survey, secret_world):
    final, _submission_id = _answer(client)
    thanks = client.get(final.headers["Location"])
    assert re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", thanks.get_data(as_text=True))
    assert "no-store" in thanks.headers["Cache-Control"]
    assert "no-store" in client.get("/delete").headers["Cache-Control"]
    from participation.models import User
    login(client, db.session.execute(db.select(User).filter_by(email="geheim-multi@example.org")).scalar_one())
    record = client.get(f"/interviews/records/{secret_world.ids['record_id']}")
    assert record.status_code == 200 and "no-store" in record.headers["Cache-Control"]


def _offline_rule(app, paths):
    """Which paths the rendered service worker keeps for offline use (run in node)."""
    script = app.test_client().get("/interviews/sw.js").get_data(as_text=True)
    harness = ("var self={addEventListener:function(){},location:{origin:'http://localhost'}};"
               + script + ";console.log(JSON.stringify(" + json.dumps(paths)
               + ".map(function(p){return keepsOffline(new URL('http://localhost'+p));})));")
    result = subprocess.run(["node", "-e", harness], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return dict(zip(paths, json.loads(result.stdout)))


def test_offline_cache_holds_forms_not_records(app):
    pytest.importorskip("shutil").which("node") or pytest.skip("node not installed")
    kept = _offline_rule(app, ["/interviews/", "/interviews/?offline=1", "/interviews/questionnaires/3/record",
                               "/static/js/offline.js",
                               "/interviews/records/7", "/interviews/records/7/translations",
                               "/planning/processes/1/records"])
    assert kept == {"/interviews/": False, "/interviews/?offline=1": True, "/interviews/questionnaires/3/record": True,
                    "/static/js/offline.js": True, "/interviews/records/7": False,
                    "/interviews/records/7/translations": False, "/planning/processes/1/records": False}


def test_ids_beyond_32_bits_in_urls_are_not_found(client, make_user, process):
    login(client, make_user("admin"))
    for url in ("/interviews/records/99999999999", f"/planning/processes/{2**31}",
                f"/planning/processes/{process.id}/multipliers/{2**40}/link", "/api/processes/99999999999/themes"):
        response = client.get(url) if "link" not in url else client.post(url)
        assert response.status_code == 404, url


def test_sync_with_huge_questionnaire_id_is_rejected_and_the_batch_goes_on(client, make_user, survey, process):
    user = make_user("multiplier", [process])
    user.assigned_questionnaires = [survey]
    db.session.commit()
    login(client, user)
    good = {"client_id": uuid.uuid4().hex, "type": "interview", "questionnaire_id": survey.id, "language": "de",
            "consent": True, "answers": {"district": "Hafen", "children": False}}
    batch = [dict(good, client_id=uuid.uuid4().hex, questionnaire_id=value)
             for value in (2**31, 2**63, -2**40, "99999999999999999999")] + [good]
    response = client.post("/api/sync", json={"records": batch})
    assert response.status_code == 200
    statuses = [result["status"] for result in response.get_json()["results"]]
    assert statuses == ["rejected"] * 4 + ["stored"]


def test_deeply_nested_json_is_a_bad_request(client, make_user, process):
    login(client, make_user("multiplier", [process]))
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/sync", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


def test_question_bounds_beyond_the_range_get_a_message(client, make_user, survey, process):
    login(client, make_user("planner", [process]))
    question = next(q for q in survey.questions if q.kind == "number")
    url = f"/planning/processes/{process.id}/questionnaires/{survey.id}/questions/{question.id}"
    page = client.get(url)
    if page.status_code == 404:
        pytest.skip("question editor has another address")
    response = client.post(url, data={"kind": "number", "text": "Wie viele?", "min_value": "99999999999",
                                      "max_value": "5", "section_id": str(question.section_id)})
    assert response.status_code in (200, 422)
    assert "1.000.000.000" in response.get_data(as_text=True)
    assert "99999999999" in response.get_data(as_text=True)

"""Real browser: the exports list says how long files are kept and which are deleted; the insecure-login page."""
from datetime import timedelta
from pathlib import Path

import pytest

from participation import jobs
from participation.extensions import db
from participation.models import Job, utcnow
from tests.browser import assert_accessible

SHOTS = Path("/tmp/ops")


def _export(process, finished_days_ago=0) -> Job:
    record = Job(kind="export", process_id=process.id, params={"export": "data", "file_format": "zip",
                                                               "language": "de"})
    db.session.add(record)
    db.session.commit()
    jobs.run(record.id)
    db.session.expire_all()
    record = db.session.get(Job, record.id)
    record.finished_at = utcnow() - timedelta(days=finished_days_ago)
    db.session.commit()
    return record


@pytest.mark.browser
@pytest.mark.parametrize("language,width,height", [("de", 390, 844), ("ar", 1366, 900), ("de", 1366, 900),
                                                   ("ar", 390, 844)])
def test_exports_list_shows_lifetime_and_deleted_files(app, live_server, browser, make_user, survey, process,
                                                       tmp_path, language, width, height):
    app.instance_path = str(tmp_path / "instance")
    _export(process, finished_days_ago=10)
    _export(process)
    user = make_user("planner", processes=[process])
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{live_server}/login?lang={language}")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit], input[type=submit]")
    page.goto(f"{live_server}/planning/processes/{process.id}/exports?lang={language}")
    table = page.locator("#export-list").inner_text()
    assert ("gelöscht" if language == "de" else "محذوف") in table
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"exports-{language}-{width}.png"), full_page=True)
    assert_accessible(page)
    context.close()

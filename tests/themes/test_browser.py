"""A planner in Chromium analyses the answers, watches progress, merges, renames, moves, checks the cross-tab."""
import threading

import pytest

from participation import jobs
from participation.extensions import db
from participation.models import Answer, Theme
from participation.themes import review, runs
from tests.browser import assert_accessible

pytestmark = pytest.mark.browser


def _theme(process, word):
    db.session.expire_all()
    return next(t for t in runs.active_themes(process) if word in t.label or word in t.keywords)


def _crosstab_row(page, label):
    return [cell.inner_text() for cell in page.locator("table.crosstab tbody tr", has_text=label).locator("td").all()]


def test_planner_reviews_themes_in_chromium(app, live_server, page, make_user, process, answers):
    process.min_group_size = 1
    db.session.commit()
    planner = make_user("planner", processes=[process], password="planer-passwort-1")
    page.goto(live_server + "/login")
    page.fill("input[name=email]", planner.email)
    page.fill("input[name=password]", "planer-passwort-1")
    page.click("button[type=submit], input[type=submit]")

    # Hold the single job thread so the analysis waits in the queue while the planner looks at its progress.
    release = threading.Event()
    jobs._thread_pool().submit(release.wait, 60)
    base = f"{live_server}/planning/processes/{process.id}/themes"
    page.goto(base)
    assert_accessible(page)
    page.get_by_role("button", name="Analyse starten").click()
    progress = page.locator("progress#analysis-progress")
    assert progress.is_visible()
    assert "Wartet" in page.locator(".job-message").inner_text()
    assert_accessible(page)
    release.set()
    page.locator(".theme-list").wait_for(timeout=120_000)  # the poller reloads the page when the job is done
    assert not page.locator("progress").count()
    assert_accessible(page)

    kita, playground, bus = _theme(process, "Kita"), _theme(process, "Spielplatz"), _theme(process, "Bus")
    page.goto(f"{base}/crosstab?by=channel")
    assert_accessible(page)
    before_kita, before_playground = _crosstab_row(page, kita.label), _crosstab_row(page, playground.label)

    page.goto(f"{base}/{playground.id}")
    assert_accessible(page)
    page.select_option("#merge-target", str(kita.id))
    page.get_by_role("button", name="Zusammenführen").click()
    assert page.locator("h1").inner_text() == kita.label

    page.fill("#rename-label", "Kinderbetreuung und Spielplätze")
    page.get_by_role("button", name="Umbenennen").click()
    assert page.locator("h1").inner_text() == "Kinderbetreuung und Spielplätze"

    page.goto(f"{base}/{bus.id}")
    moved = runs.member_answer_ids(bus)[0]
    page.locator(f"#answer-{moved} input[type=checkbox]").check()
    page.select_option("#selection-target", str(kita.id))
    page.get_by_role("button", name="Ausgewählte verschieben").click()
    assert page.locator("[role=status]").first.inner_text().startswith("1 Antwort")
    assert review.assignment_of(moved).theme_id == kita.id

    page.goto(f"{base}/crosstab?by=channel")
    assert page.locator("table.crosstab tbody tr", has_text=playground.label).count() == 0
    after = _crosstab_row(page, "Kinderbetreuung und Spielplätze")
    assert int(after[-1]) == int(before_kita[-1]) + int(before_playground[-1]) + 1
    assert_accessible(page)

    page.goto(f"{base}/{bus.id}")
    flagged = runs.member_answer_ids(bus)[0]
    page.locator(f"#answer-{flagged}").get_by_label("Ausschließen, weil").select_option("personal_data")
    page.locator(f"#answer-{flagged}").get_by_role("button", name="Ausschließen").click()
    page.goto(f"{base}/flagged")
    assert page.locator(".answer-list li").count() == 1
    assert_accessible(page)
    page.goto(f"{base}/unassigned")
    assert_accessible(page)

    page.goto(base)
    page.get_by_role("button", name="Rückgängig machen").click()
    db.session.expire_all()
    assert db.session.get(Answer, flagged).review_flag is None
    page.get_by_role("button", name="Rückgängig machen").click()
    assert db.session.get(Theme, kita.id) and review.assignment_of(moved).theme_id == bus.id

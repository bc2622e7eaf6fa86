"""Residents prioritise on a 390 px phone, with and without JavaScript, in German and Arabic; axe finds nothing
grave on any page, the planners' pages included."""
import pytest

from participation.extensions import db
from participation.models import PrioritySubmission
from tests.browser import PHONE, assert_accessible

pytestmark = pytest.mark.browser


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _submit(page):
    with page.expect_navigation():
        page.click("form.priority-form button[type=submit]")


def test_resident_distributes_points_on_a_phone_with_javascript(page, live_server, priority_round):
    first, second = (f"#field-points_{item.id}" for item in priority_round.items[:2])
    page.goto(f"{live_server}/p/prio1")
    assert_accessible(page)
    _no_horizontal_scroll(page)
    live = page.locator("#points-status")
    assert live.is_visible() and "Noch 3 von 3" in live.inner_text()
    page.fill(first, "2")
    page.fill(second, "2")
    assert "1 mehr als erlaubt" in live.inner_text()
    page.select_option("#field-district", "Hafen")
    _submit(page)
    assert "Sie haben 4 Punkte vergeben – erlaubt sind höchstens 3" in page.locator("#error-summary").inner_text()
    assert page.locator(first).input_value() == "2" and page.locator("#field-district").input_value() == "Hafen"
    assert_accessible(page)
    page.fill(second, "1")
    _submit(page)
    assert "Vielen Dank" in page.locator("h1").inner_text()
    assert_accessible(page)
    assert db.session.execute(db.select(db.func.count(PrioritySubmission.id))).scalar_one() == 1


def test_arabic_page_is_right_to_left_and_accessible(page, live_server, priority_round):
    page.goto(f"{live_server}/p/prio1?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    _no_horizontal_scroll(page)
    priority_round.results_published = True
    db.session.commit()
    page.goto(f"{live_server}/p/prio1/ergebnisse?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)


def test_resident_prioritises_in_arabic_without_javascript(browser, live_server, priority_round):
    """axe needs JavaScript, so this run checks the plain form's behaviour; the audit is the test above."""
    context = browser.new_context(viewport=PHONE, locale="ar", java_script_enabled=False)
    page = context.new_page()
    field = f"#field-points_{priority_round.items[0].id}"
    try:
        page.goto(f"{live_server}/p/prio1?lang=ar")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("form.counting").count() == 0, "without JavaScript the points line is plain text"
        page.fill(field, "3")
        _submit(page)
        assert page.locator(f"{field}-error").is_visible() and page.locator(field).input_value() == "3"
        page.fill(field, "2")
        _submit(page)
        assert page.url.endswith("/p/prio1/danke")
    finally:
        context.close()


def test_planner_pages_on_a_phone(page, live_server, make_user, process, priority_round):
    user = make_user("planner", [process])
    page.goto(f"{live_server}/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", "correct horse battery")
    with page.expect_navigation():
        page.click("input[type=submit]")
    base = f"{live_server}/planning/processes/{process.id}/priorities/{priority_round.id}"
    for path in ("", "/items", "/conference", "/results", "/posters?size=A3"):
        page.goto(base + path)
        assert_accessible(page)

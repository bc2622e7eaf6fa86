"""A planner sees who was reached on the demo data, in a real browser, without accessibility errors."""
import pytest

from participation.demo.loader import DEMO_LOGINS
from tests.browser import assert_accessible

pytestmark = pytest.mark.browser


def test_planner_sees_reach_dashboard_of_demo(live_server, page, demo):
    _, email, password = next(login for login in DEMO_LOGINS if login[0] == "planner")
    page.goto(live_server + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("input[type=submit]")
    page.goto(f"{live_server}/planning/processes/{demo.id}/reach")
    assert page.locator("h1").inner_text() == "Wer wurde erreicht?"
    assert page.locator("svg.chart").count() >= 5
    assert_accessible(page)
    page.select_option("select[name=district]", index=1)
    page.click("form.filters button[type=submit]")
    assert "district=" in page.url
    assert_accessible(page)
    page.goto(f"{live_server}/planning/processes/{demo.id}/quotas")
    assert_accessible(page)

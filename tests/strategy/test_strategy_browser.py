"""A planner works on the strategy in a real browser; the page passes the accessibility audit."""
import pytest

from participation.extensions import db
from participation.models import Measure
from tests.browser import assert_accessible

pytestmark = pytest.mark.browser


def _login(page, live_server, user):
    page.goto(live_server + "/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit], input[type=submit]")


def test_strategy_page_is_accessible_and_links_evidence(live_server, page, make_user, strategy_process):
    planner = make_user("planner", processes=[strategy_process])
    _login(page, live_server, planner)
    page.goto(f"{live_server}/planning/processes/{strategy_process.id}/strategy")
    assert page.locator("h1").inner_text() == "Strategie"
    assert_accessible(page)

    school_route = db.session.execute(db.select(Measure).filter_by(title="Schulwegplan")).scalar_one()
    assert page.locator("#measures-without-evidence").inner_text().strip() == "Schulwegplan"
    page.select_option("#target", f"measure:{school_route.id}")
    page.select_option("#theme_id", label="Schlechte Busverbindungen")
    page.click("#evidence-form input[type=submit]")
    assert page.locator(".notice-success").inner_text() == "Beleg verknüpft."
    assert page.locator("#measures-without-evidence").count() == 0
    assert_accessible(page)

    page.goto(f"{live_server}/planning/processes/{strategy_process.id}/strategy/goals/"
              f"{school_route.goal_id}/measures/new")
    assert_accessible(page)
    page.goto(f"{live_server}/planning/processes/{strategy_process.id}/strategy/field/"
              f"{school_route.goal.field_id}/delete")
    assert_accessible(page)
    page.goto(f"{live_server}/planning/processes/{strategy_process.id}/exports")
    assert_accessible(page)

"""The start and login pages work in a real browser and pass an accessibility audit."""
import pytest

from tests.browser import assert_accessible

pytestmark = pytest.mark.browser


def test_start_and_login_pages_are_accessible_in_chromium(live_server, page):
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page)
    page.goto(live_server + "/login")
    assert page.locator("input[name=email]").is_visible()
    assert_accessible(page)


def test_arabic_start_page_is_right_to_left(live_server, page):
    page.goto(live_server + "/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"

""""Was ist daraus geworden?" on a 390 px phone in German, Turkish and Arabic (right to left): fits, speaks the
language, passes axe; reached from the thank-you page; the print version prints on A4 in large type."""
import io
from pathlib import Path

import pytest

from tests.browser import PHONE
from tests.i18n.test_phone_languages_browser import check_page

pytestmark = pytest.mark.browser
SHOTS = Path("/work/scratch/loop")


@pytest.mark.parametrize("language", ["de", "tr", "ar"])
def test_outcome_page_on_a_phone(browser, live_server, demo_outcomes, language):
    context = browser.new_context(viewport=PHONE, locale=language)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/s/auenstadt/danke?lang={language}")
        with page.expect_navigation():
            page.locator(f"a[href*='/prozess/{demo_outcomes.id}/was-daraus-wurde']").click()
        page.wait_for_load_state()
        check_page(page, language)
        assert page.locator(".outcome-theme").count() == 7
        assert page.locator(".stage-ladder li.current").count() == 1
        if SHOTS.is_dir():
            page.screenshot(path=str(SHOTS / f"outcome-{language}-390.png"), full_page=True)
    finally:
        context.close()


def test_print_version_is_a4_with_large_type(browser, live_server, demo_outcomes):
    from pypdf import PdfReader
    context = browser.new_context(locale="tr")
    page = context.new_page()
    try:
        page.goto(f"{live_server}/prozess/{demo_outcomes.id}/was-daraus-wurde/druck?lang=tr")
        page.emulate_media(media="print")
        size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert size >= 19, size                                    # 15 pt body text on the notice board
        pdf = page.pdf(prefer_css_page_size=True, print_background=False)
        first = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        assert (round(float(first.width)), round(float(first.height))) == (595, 842)   # A4 in points
        if SHOTS.is_dir():
            (SHOTS / "outcome-tr-print.pdf").write_bytes(pdf)
    finally:
        context.close()

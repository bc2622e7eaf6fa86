"""The coordination office walks the demo's cooperation pages in a real browser, on a phone and a laptop, in
German and Arabic (right to left): overview, a committee, one of its meetings, an actor, the network map today,
a year ago and compared, and the process phases. Every page passes axe, never scrolls sideways and leaves no
interface text in German; the network's table names exactly the actors drawn on the map.

Screenshots go to $SCREENSHOT_DIR when it is set (for looking at them; the test does not need them)."""
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from participation.cooperation import network
from participation.strategy.measures import bodies_of
from tests.browser import assert_accessible
from tests.i18n.leftovers import german_interface_texts
from tests.i18n.test_browser_languages import TEXTS_IN_PAGE_LANGUAGE

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}
SHOTS = Path(os.environ["SCREENSHOT_DIR"]) if os.environ.get("SCREENSHOT_DIR") else None

MAP_ACTORS = """() => Array.from(document.querySelectorAll('svg.network-map g.node-actor')).map(g =>
  [g.querySelector('text').textContent.trim(), g.querySelector('title').textContent.trim()])"""
TABLE_ACTORS = """() => Array.from(document.querySelectorAll('#network-table tbody tr')).map(row =>
  [row.cells[0].textContent.trim(), row.cells[1].textContent.trim()])"""


def _check(page, language: str, width: int, name: str, untranslated: set[str]) -> None:
    html = page.locator("html")
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr"), page.url
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} scrolls sideways at {width} px in {language}: {scroll}"
    left_german = [text for text in page.evaluate(TEXTS_IN_PAGE_LANGUAGE) if text in untranslated]
    assert left_german == [], f"{page.url}: {left_german}"
    assert_accessible(page)
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"coop-{name}-{language}-{width}.png"), full_page=True)


def _names(process) -> set[str]:
    """Names the planners typed or may rename (an actor called "Wohlfahrtsverband", the phase
    "Bestandsaufnahme") are data, not untranslated labels."""
    return ({body.name for body in bodies_of(process)} | {c.name for c in network.committees_of(process)}
            | {phase.name for phase in process.phases})


def _follow(page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def _map_and_table_agree(page, process, at: date) -> None:
    """The table is the map's accessible twin: the same numbered actors, and those of network.json."""
    drawn = {tuple(pair) for pair in page.evaluate(MAP_ACTORS)}
    listed = {tuple(pair) for pair in page.evaluate(TABLE_ACTORS)}
    assert drawn and drawn == listed
    expected = {n.name for n in network.snapshot(process, at).nodes if n.kind == "actor"}
    assert {name for _number, name in drawn} == expected
    assert sorted(int(number) for number, _name in drawn) == list(range(1, len(expected) + 1))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_coordination_office_walks_the_cooperation_pages(browser, live_server, demo_outcomes, size, language):
    viewport = SIZES[size]
    width = viewport["width"]
    untranslated = german_interface_texts(language) - _names(demo_outcomes)
    today, year_ago = date.today(), date.today() - timedelta(days=365)
    context = browser.new_context(viewport=viewport, locale="de-DE")
    page = context.new_page()
    base = f"{live_server}/planning/processes/{demo_outcomes.id}"
    try:
        page.goto(f"{live_server}/login?lang={language}")
        page.fill("#email", "planung@beispielstadt.de")
        page.fill("#password", "demo-planung")
        with page.expect_navigation():
            page.click("#submit")

        page.goto(f"{base}/cooperation")
        _check(page, language, width, "overview", untranslated)
        _follow(page, "a:text-is('AG Gesund aufwachsen')")
        assert re.search(r"/cooperation/committees/\d+$", page.url)
        assert page.locator("#memberships tbody tr").count() == 6
        _check(page, language, width, "committee", untranslated)
        _follow(page, "a[href*='/cooperation/meetings/']")
        assert page.locator("#attendance li").count() >= 1
        _check(page, language, width, "meeting", untranslated)
        _follow(page, "#attendance a:text-is('Gesundheitsamt')")
        assert re.search(r"/cooperation/actors/\d+$", page.url)
        _check(page, language, width, "actor", untranslated)

        page.goto(f"{base}/cooperation")
        _follow(page, f"a[href$='/processes/{demo_outcomes.id}/network']")
        _check(page, language, width, "network", untranslated)
        _map_and_table_agree(page, demo_outcomes, today)
        page.fill("#at", year_ago.isoformat())
        _follow(page, "form.network-dates:has(#at) button[type=submit]")
        assert f"at={year_ago}" in page.url
        _check(page, language, width, "network-year-ago", untranslated)
        _map_and_table_agree(page, demo_outcomes, year_ago)
        page.fill("#from", year_ago.isoformat())
        page.fill("#to", today.isoformat())
        _follow(page, "form.network-dates:has(#from) button[type=submit]")
        assert "Türkisch-Deutscher Elternverein" in page.locator("#comparison").inner_text()
        _check(page, language, width, "network-compared", untranslated)

        page.goto(f"{base}/phases")
        _check(page, language, width, "phases", untranslated)
    finally:
        context.close()

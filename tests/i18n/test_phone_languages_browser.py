"""On a 390 px phone, in each of the nine languages: the demo survey from start to results with no sideways
scrolling, no German left where a translation exists, choice limits and errors you can see, axe clean; and a
survey that lacks the language says so in it. One browser page walks everything (runtime stays reasonable)."""
import pytest

from participation.demo.loader import build_questionnaire
from participation.extensions import db
from participation.languages.i18n import LANGUAGES
from participation.models import Response, Survey
from tests.browser import PHONE, assert_accessible
from tests.conftest import SMALL_SURVEY
from tests.i18n.leftovers import german_interface_texts
from tests.i18n.test_browser_languages import GERMAN_MARKERS, TEXTS_IN_PAGE_LANGUAGE

pytestmark = pytest.mark.browser

NINE = ["de", "de-easy", "en", "tr", "ar", "ru", "uk", "pl", "fa"]
NOTICES = {  # "Diese Umfrage gibt es (noch) nicht in dieser Sprache: …" as each language's catalogue says it
    "de-easy": "Diese Umfrage gibt es (noch) nicht in dieser Sprache: Einfache Sprache.",
    "tr": "Bu anket bu dilde (henüz) yok: Türkçe.",
    "ru": "Этого опроса (пока) нет на этом языке: Русский.",
    "uk": "Цього опитування (поки що) немає цією мовою: Українська.",
    "pl": "Ta ankieta nie jest (jeszcze) dostępna w tym języku: Polski.",
    "fa": "این نظرسنجی (هنوز) به این زبان موجود نیست: فارسی.",
}


def check_page(page, language: str) -> None:
    """Fits the phone, speaks the language (nothing German unless marked), and passes axe."""
    expected = LANGUAGES[language]
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (expected.lang_attribute, expected.direction)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url} scrolls sideways in {language}: {width}"
    assert page.locator(".fallback-de").count() == 0, page.url
    if expected.ui_locale != "de":
        german = german_interface_texts(expected.ui_locale)
        texts = page.evaluate(TEXTS_IN_PAGE_LANGUAGE)
        assert [text for text in texts if text in german or GERMAN_MARKERS.search(text)] == [], page.url
    assert_accessible(page)


def submit(page, selector: str) -> None:
    """Send a form and wait for the next page to be ready (its scripts have run)."""
    with page.expect_navigation():
        page.locator(selector).click()
    page.wait_for_load_state()


def walk_demo_survey(page, live_server: str, language: str) -> None:
    page.goto(f"{live_server}/?lang={language}")
    check_page(page, language)
    page.goto(f"{live_server}/s/auenstadt")
    check_page(page, language)
    submit(page, "main form button[type=submit]")  # without consent: the error is seen on the phone
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.title().split(":")[0] != page.title()
    check_page(page, language)
    page.locator("#consent").check()
    submit(page, "main form button[type=submit]")
    check_page(page, language)
    page.locator("input[name=q_age_band]").nth(2).check()
    page.locator("input[name=q_children_household][value=no]").check()
    submit(page, "button[name=nav][value=next]")
    for index in range(4):  # the demo allows three priorities
        page.locator("input[name=q_priorities]").nth(index).check()
    page.locator("input[name=q_supported_scale]").nth(2).check()
    submit(page, "button[name=nav][value=next]")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#field-priorities-error").is_visible()
    check_page(page, language)
    page.locator("input[name=q_priorities]").nth(3).uncheck()
    submit(page, "button[name=nav][value=next]")
    check_page(page, language)
    page.locator("textarea[name=q_support_missing]").fill("x" * 4960)
    counter = page.locator("[data-counter-for=field-support_missing]")
    assert counter.is_visible() and "40" in counter.inner_text()
    page.locator("textarea[name=q_support_missing]").fill("Abends fährt kein Bus.")
    submit(page, "button[name=nav][value=next]")
    assert page.url.endswith("/danke")
    check_page(page, language)
    page.goto(f"{live_server}/s/auenstadt/ergebnisse")
    check_page(page, language)


def test_demo_survey_on_a_phone_in_all_nine_languages(live_server, browser, demo):
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    page = context.new_page()
    try:
        for language in NINE:
            walk_demo_survey(page, live_server, language)
            page.context.clear_cookies()  # the next resident starts afresh (the session keeps drafts)
    finally:
        context.close()
    db.session.expire_all()
    walked = db.session.execute(db.select(Response.language).where(
        Response.channel == "online", Response.submission_id.not_like("demo-%"))).scalars().all()
    assert sorted(walked) == sorted(NINE)


def test_a_survey_without_the_residents_language_says_so_in_it_on_a_phone(live_server, browser, demo):
    spec = {**SMALL_SURVEY, "published_incomplete": ["en", "ar"]}
    build_questionnaire(Survey, demo, spec, status="open")
    db.session.commit()
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    page = context.new_page()
    try:
        for language, notice in NOTICES.items():
            page.goto(f"{live_server}/s/kurz?lang={language}")
            block = page.locator(".language-notice")
            assert block.get_attribute("lang") == LANGUAGES[language].lang_attribute
            assert block.locator("p strong").inner_text() == notice
            assert [link.inner_text() for link in block.get_by_role("link").all()] == [
                "Deutsch", "English", "العربية"]
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1]
            assert_accessible(page)
            page.goto(f"{live_server}/")
            card = page.locator(".card", has=page.locator('a[href="/s/kurz"]'))
            assert card.locator(".notice").inner_text() == notice
        page.locator('.language-switch a[hreflang="en"]').click()
        page.goto(f"{live_server}/s/kurz")
        assert page.locator(".language-notice").count() == 0
    finally:
        context.close()

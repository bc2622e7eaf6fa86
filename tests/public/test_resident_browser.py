"""Residents on a phone-sized Chromium: with and without JavaScript, in German and in Arabic."""
import pytest

from participation.extensions import db
from tests.browser import PHONE, assert_accessible
from tests.public.conftest import responses_of, seed_responses

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


def click_next(page):
    with page.expect_navigation():
        page.click("button[name=nav][value=next]")


def answer_survey(page, base: str, language: str, javascript: bool, audit: bool = False) -> None:
    """Start in the given language, answer both pages (with a conditional question and a mistake)."""
    page.goto(f"{base}/s/kurz?lang={language}")
    direction = "rtl" if language == "ar" else "ltr"
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("html").get_attribute("lang") == language
    if audit:
        assert_accessible(page)
    page.check("#consent")
    with page.expect_navigation():
        page.click("form button[type=submit]")

    assert page.locator("progress").get_attribute("value") == "1"
    childcare = page.locator("#question-childcare")
    if javascript:
        assert childcare.is_hidden(), "the conditional question waits for its condition"
    else:
        assert childcare.is_visible() and childcare.locator(".condition-note").is_visible()
    if audit:
        assert_accessible(page)
    page.check("input[name=q_district][value=Hafen]")
    page.check("input[name=q_children][value=yes]")
    assert childcare.is_visible()
    page.check("input[name=q_childcare][value=waiting]")
    page.fill("input[name=q_years]", "150")
    click_next(page)

    error = page.locator("#field-years-error")
    assert error.is_visible() and "0" in error.inner_text() and "100" in error.inner_text()
    assert page.locator("input[name=q_years]").input_value() == "150"
    assert page.locator("input[name=q_childcare][value=waiting]").is_checked()
    if audit:
        assert_accessible(page)
    page.fill("input[name=q_years]", "12")
    click_next(page)

    assert page.locator("progress").get_attribute("value") == "2"
    if audit:
        assert_accessible(page)
    page.check("input[name=q_satisfaction][value='4']")
    page.check("input[name=q_topics][value=bus]")
    text = "نحتاج إلى طبيب أطفال" if language == "ar" else "Ein Kinderarzt fehlt."
    page.fill("textarea[name=q_missing]", text)
    with page.expect_navigation():
        if javascript:
            page.dblclick("button[name=nav][value=next]")  # an impatient double click
        else:
            page.click("button[name=nav][value=next]")
    assert page.url.endswith("/s/kurz/danke")
    assert page.locator("html").get_attribute("dir") == direction
    if audit:
        assert_accessible(page)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_resident_answers_with_javascript_on_a_phone(live_server, page, survey, language):
    answer_survey(page, live_server, language, javascript=True, audit=True)
    [response] = responses_of(survey)
    assert response.language == language and response.consent is True
    answers = {a.question.code: a.value for a in response.answers}
    assert answers["childcare"] == "waiting" and answers["years"] == 12 and answers["topics"] == ["bus"]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_resident_answers_without_javascript_on_a_phone(live_server, no_js_page, survey, language):
    # no audit here: axe needs JavaScript in the page; the same markup is audited in the test above
    answer_survey(no_js_page, live_server, language, javascript=False)
    [response] = responses_of(survey)
    assert response.language == language
    assert {a.question.code: a.value for a in response.answers}["childcare"] == "waiting"


def test_without_javascript_an_answer_that_does_not_apply_can_be_cleared(live_server, no_js_page, survey):
    page = no_js_page
    page.goto(f"{live_server}/s/kurz")
    page.check("#consent")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    page.check("input[name=q_district][value=Nordstadt]")
    page.check("input[name=q_children][value=no]")
    page.check("input[name=q_childcare][value=waiting]")
    click_next(page)
    assert "gilt für Ihre vorherige Antwort nicht" in page.locator("#field-childcare-error").inner_text()
    page.check("input[name=q_childcare][value='']")
    click_next(page)
    assert page.locator("progress").get_attribute("value") == "2"


def test_javascript_hides_a_question_again_and_its_answer_is_not_sent(live_server, page, survey):
    page.goto(f"{live_server}/s/kurz")
    page.check("#consent")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    page.check("input[name=q_district][value=Hafen]")
    page.check("input[name=q_children][value=yes]")
    page.check("input[name=q_childcare][value=waiting]")
    page.check("input[name=q_children][value=no]")
    assert page.locator("#question-childcare").is_hidden()
    click_next(page)
    assert page.locator("progress").get_attribute("value") == "2"


def test_language_switch_on_a_page_keeps_typed_answers(live_server, no_js_page, survey):
    page = no_js_page
    page.goto(f"{live_server}/s/kurz")
    page.check("#consent")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    page.fill("input[name=q_years]", "7")
    with page.expect_navigation():
        page.click("button[name=switch_language][value=ar]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("input[name=q_years]").input_value() == "7"


def test_results_flyer_print_and_friendly_pages_pass_the_accessibility_audit(live_server, page, survey):
    seed_responses(survey, [{"district": "Hafen", "children": True, "childcare": "yes", "topics": ["bus"],
                             "satisfaction": 5}] * 6)
    survey.results_published = True
    db.session.commit()
    for path in ("/s/kurz/ergebnisse", "/s/kurz/ergebnisse?lang=ar", "/s/kurz/flyer", "/s/kurz/druck",
                 "/s/kurz/druck?lang=ar", "/s/gibtesnicht", "/"):
        page.goto(live_server + path)
        assert_accessible(page)
    assert page.locator("a[href='/s/kurz']").count() == 1
    page.goto(live_server + "/s/kurz/flyer")
    assert page.locator("img.qr").evaluate("img => img.naturalWidth") > 100, "the QR code image loads"


def test_paper_entry_page_passes_the_accessibility_audit(live_server, page, survey, make_user, process):
    planner = make_user("planner", processes=[process])
    page.goto(live_server + "/login")
    page.fill("input[name=email]", planner.email)
    page.fill("input[name=password]", "correct horse battery")
    with page.expect_navigation():
        page.click("form button[type=submit], form input[type=submit]")
    page.goto(live_server + "/s/kurz/papier")
    assert_accessible(page)
    page.check("input[name=consent]")
    page.check("input[name=q_district][value=Hafen]")
    page.check("input[name=q_children][value=no]")
    with page.expect_navigation():
        page.click("form.paper-form button[type=submit]")
    assert "Gespeichert." in page.locator("main").inner_text()
    assert_accessible(page)
    assert len(responses_of(survey)) == 1

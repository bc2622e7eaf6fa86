"""In a real browser, residents see the pages in their language with no German left, and RTL mirrors."""
import re

import pytest

from participation.extensions import db
from tests.browser import PHONE, assert_accessible
from tests.i18n.leftovers import german_interface_texts
from tests.i18n.survey_texts import translate_completely

pytestmark = pytest.mark.browser

GERMAN_MARKERS = re.compile(r"\b(Sie|Ihre?|und|nicht|werden|der|die|das|Umfrage|Anmeldung)\b")

# Visible text whose nearest lang attribute is the page's language (texts marked lang="de" are
# deliberate, e.g. survey texts that fall back to German, and language names are in their own language).
TEXTS_IN_PAGE_LANGUAGE = """() => {
  const pageLang = document.documentElement.lang;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    const text = node.textContent.trim();
    if (!text || element.closest('script, style')) continue;
    if (element.closest('[lang]').getAttribute('lang') !== pageLang) continue;
    texts.push(text);
  }
  for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      if (element.getAttribute(name)) texts.push(element.getAttribute(name));
    }
  }
  texts.push(document.title);
  return texts;
}"""


@pytest.fixture
def open_survey(survey):
    survey.languages = ["de", "en", "tr", "ar", "ru", "uk", "pl", "fa"]
    for language, title in {"tr": "Kısa anket", "ar": "استطلاع قصير", "uk": "Коротке опитування"}.items():
        survey.set_text("title", language, title)
    db.session.commit()
    return survey


@pytest.mark.parametrize("language, direction", [("tr", "ltr"), ("ar", "rtl"), ("uk", "ltr")])
def test_start_page_has_no_german_left_in_the_residents_language(live_server, browser, open_survey,
                                                                 language, direction):
    context = browser.new_context(viewport=PHONE, locale=language)
    page = context.new_page()
    try:
        page.goto(live_server + "/")  # chosen from the browser's Accept-Language alone
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, direction)
        texts = page.evaluate(TEXTS_IN_PAGE_LANGUAGE)
        german = german_interface_texts(language)
        leftovers = [text for text in texts if text in german or
                     (language != "de" and GERMAN_MARKERS.search(text) and text != open_survey.process.title)]
        assert leftovers == []
        assert page.get_by_role("link", name=open_survey.translated("title", language)).is_visible()
        assert_accessible(page)
    finally:
        context.close()


def test_german_start_page_in_german(live_server, page, open_survey):
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", level=1).inner_text() == "Ihre Meinung zählt"
    assert_accessible(page)


def test_right_to_left_layout_mirrors_the_header(live_server, page):
    page.goto(live_server + "/?lang=de")
    ltr_brand = page.locator(".brand").bounding_box()
    page.goto(live_server + "/?lang=fa")
    rtl_brand = page.locator(".brand").bounding_box()
    width = PHONE["width"]
    assert ltr_brand["x"] < width / 2
    assert rtl_brand["x"] + rtl_brand["width"] > width / 2
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert_accessible(page)


def test_language_switch_keeps_the_choice_across_pages(live_server, page):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Українська").click()
    page.goto(live_server + "/login")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.get_by_role("button", name="Увійти").is_visible()


def log_in(page, live_server, user):
    page.goto(live_server + "/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", "correct horse battery")
    page.locator("form button[type=submit], form input[type=submit]").last.click()


def test_planner_translation_pages_are_accessible_and_report_import_problems(live_server, page, make_user,
                                                                            process, open_survey, tmp_path):
    log_in(page, live_server, make_user("planner", processes=[process]))
    page.goto(f"{live_server}/planning/questionnaires/{open_survey.id}/translations")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Übersetzungen")
    assert_accessible(page)
    wrong = tmp_path / "anket.csv"
    wrong.write_text("id,de,ar\nsurvey.title,Kurze Umfrage,استطلاع\n", encoding="utf-8")
    page.goto(f"{live_server}/planning/questionnaires/{open_survey.id}/translations/tr/import")
    page.set_input_files("input[type=file]", str(wrong))
    page.get_by_role("button", name="Übersetzung prüfen und übernehmen").click()
    assert page.get_by_role("alert").filter(has_text="Die Datei wurde nicht übernommen").is_visible()
    assert_accessible(page)


def test_answer_translation_page_keeps_the_original_direction(live_server, page, make_user, process, open_survey):
    import uuid

    from participation.surveys.answering import store_response
    multiplier = make_user("multiplier", processes=[process])
    record, _ = store_response(open_survey, {"missing": "لا توجد حضانة قريبة."}, submission_id=uuid.uuid4().hex,
                               channel="peer_interview", language="ar", consent=True, recorded_by=multiplier)
    log_in(page, live_server, multiplier)
    page.goto(f"{live_server}/interviews/records/{record.id}/translations")
    original = page.locator("blockquote[lang=ar]")
    assert original.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert_accessible(page)
    page.get_by_role("link", name="Übersetzung bearbeiten").click()
    page.fill("textarea", "Es gibt keine Kita in der Nähe.")
    page.get_by_role("button", name="Übersetzung speichern").click()
    assert page.locator("blockquote[lang=de]").inner_text() == "Es gibt keine Kita in der Nähe."
    assert_accessible(page)


def assert_no_german_left(page, language: str, direction: str) -> None:
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, direction)
    german = german_interface_texts(language)
    texts = page.evaluate(TEXTS_IN_PAGE_LANGUAGE)
    assert [text for text in texts if text in german or (language != "de" and GERMAN_MARKERS.search(text))] == []
    assert page.locator(".fallback-de").count() == 0
    assert_accessible(page)


@pytest.mark.parametrize("language, direction", [("de", "ltr"), ("tr", "ltr"), ("ar", "rtl"), ("uk", "ltr")])
def test_resident_answers_the_whole_survey_in_the_browser(live_server, browser, survey, language, direction):
    survey.languages = ["de", "en", "tr", "ar", "ru", "uk", "pl", "fa"]
    translate_completely(survey)
    db.session.commit()
    context = browser.new_context(viewport=PHONE, locale={"de": "de-DE", "tr": "tr-TR", "ar": "ar-SY",
                                                          "uk": "uk-UA"}[language])
    page = context.new_page()
    try:
        page.goto(f"{live_server}/s/{survey.short_code}")  # the language comes from the browser alone
        assert_no_german_left(page, language, direction)
        page.locator("#consent").check()
        page.locator("main form button[type=submit]").click()
        assert_no_german_left(page, language, direction)
        page.locator("input[name=q_district]").first.check()
        page.locator("input[name=q_children][value=no]").check()
        page.fill("input[name=q_years]", "12")
        page.locator("button[name=nav][value=next]").click()
        assert_no_german_left(page, language, direction)
        page.locator("input[name=q_satisfaction]").nth(3).check()
        page.fill("textarea[name=q_missing]", {"de": "Abends fährt kein Bus.", "tr": "Akşamları otobüs yok.",
                                               "ar": "لا توجد حافلات في المساء.", "uk": "Увечері немає автобусів."}[language])
        page.locator("button[name=nav][value=next]").click()
        assert_no_german_left(page, language, direction)
        assert page.get_by_text(translated_thanks(survey, language)).is_visible()
    finally:
        context.close()
    from participation.models import Response
    db.session.expire_all()
    stored = db.session.execute(db.select(Response)).scalar_one()
    assert stored.language == language
    assert next(a for a in stored.answers if a.question.code == "missing").language == language


def translated_thanks(survey, language: str) -> str:
    return survey.translated("thanks_text", language)

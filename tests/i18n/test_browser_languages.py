"""In a real browser, residents see the pages in their language with no German left, and RTL mirrors."""
import re

import pytest

from participation.extensions import db
from scripts import translations as catalogues
from tests.browser import PHONE, assert_accessible

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


def german_interface_texts(locale: str) -> set[str]:
    """German messages whose translation differs from the German (so seeing them means untranslated)."""
    catalog = catalogues.read_catalogue(locale)
    return {message.id for message in catalog if isinstance(message.id, str) and message.id
            and message.string and message.string != message.id}


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

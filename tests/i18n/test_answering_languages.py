"""A resident answers the whole survey in each language, and no German is left on the pages."""
import re

import pytest

from participation.extensions import db
from tests.i18n.leftovers import german_interface_texts
from tests.i18n.survey_texts import SURVEY_TEXTS, translate_completely

LANGUAGES = ["de"] + list(SURVEY_TEXTS)


@pytest.fixture
def translated_survey(survey):
    survey.languages = list(LANGUAGES)
    survey.process.languages = list(LANGUAGES)
    translate_completely(survey)
    db.session.commit()
    return survey


def texts_in_page_language(html: str) -> str:
    """Visible text outside elements marked with another language (language names, German fallbacks)."""
    import lxml.html
    document = lxml.html.fromstring(html)
    page_language = document.get("lang")
    for element in document.xpath("//body//*[@lang]"):
        if element.get("lang") != page_language and element.getparent() is not None:
            element.drop_tree()
    for element in document.xpath("//script | //style"):
        element.drop_tree()
    attributes = " ".join(document.xpath("//@aria-label | //@title | //@placeholder"))
    return document.text_content() + " " + attributes


def german_left(html: str, language: str) -> list[str]:
    text = texts_in_page_language(html)
    return sorted(message for message in german_interface_texts(language)
                  if re.search(r"(?<!\w)" + re.escape(message) + r"(?!\w)", text))


def submission_id_of(html: str) -> str:
    return re.search(r'name="submission_id" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_resident_answers_the_whole_survey_in_each_language(client, translated_survey, language):
    start = client.get(f"/s/kurz?lang={language}")
    html = start.get_data(as_text=True)
    assert start.status_code == 200
    expected = "de" if language == "de" else language
    assert f'<html lang="{expected}"' in html
    assert SURVEY_TEXTS.get(language, {}).get("survey.title", "Kurze Umfrage") in html
    assert german_left(html, language) == []
    first = client.post("/s/kurz", data={"consent": "y", "language": language})
    assert first.status_code == 302
    page_one = client.get(first.headers["Location"]).get_data(as_text=True)
    assert german_left(page_one, language) == []
    assert 'class="fallback-de"' not in page_one or language == "de"
    submission = submission_id_of(page_one)
    second = client.post("/s/kurz/1", data={"submission_id": submission, "nav": "next", "q_district": "Hafen",
                                            "q_children": "no", "q_years": "3"})
    assert second.status_code == 302
    page_two = client.get(second.headers["Location"]).get_data(as_text=True)
    assert german_left(page_two, language) == []
    done = client.post("/s/kurz/2", data={"submission_id": submission, "nav": "next", "q_satisfaction": "4",
                                          "q_missing": "Mehr Busse am Abend" if language == "de" else "…"})
    assert done.status_code == 302
    thanks = client.get(done.headers["Location"]).get_data(as_text=True)
    assert german_left(thanks, language) == []
    assert SURVEY_TEXTS.get(language, {}).get("survey.thanks_text", "Vielen Dank!") in thanks
    from participation.models import Response
    stored = db.session.execute(db.select(Response)).scalar_one()
    assert stored.language == language

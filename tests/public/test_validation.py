"""Every kind of bad input gets a clear message next to its field, and nothing typed is lost."""
import re

import pytest

from tests.public.conftest import GOOD_FIRST_PAGE, GOOD_SECOND_PAGE, post_page, responses_of


def error_of(html: str, code: str) -> str:
    """The message shown inside the question's own block (next to the field)."""
    block = re.search(rf'<div class="field question[^"]*has-error[^"]*" id="question-{code}".*?</div>\s*(?=<div)',
                      html, re.S)
    assert block, f"no error shown at question {code}"
    message = re.search(rf'<p class="error" id="field-{code}-error">(.*?)</p>', block.group(0), re.S)
    assert message, f"no message next to question {code}"
    return message.group(1)


def rejected(response) -> str:
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'role="alert" id="error-summary"' in html
    return html


def test_missing_required_answer(client, survey, started):
    html = rejected(post_page(client, 1, started, {**GOOD_FIRST_PAGE, "q_district": ""}))
    assert "Bitte beantworten Sie diese Frage." in error_of(html, "district")
    assert 'value="12"' in html and 'value="waiting" checked' in html and 'value="yes" checked' in html


@pytest.mark.parametrize("typed, message", [
    ("150", "Bitte geben Sie eine Zahl von 0 bis 100 ein."),
    ("-1", "Bitte geben Sie eine Zahl von 0 bis 100 ein."),
    ("zwölf", "Bitte geben Sie eine Zahl ein"),
])
def test_number_out_of_range_or_not_a_number(client, survey, started, typed, message):
    html = rejected(post_page(client, 1, started, {**GOOD_FIRST_PAGE, "q_years": typed}))
    assert message in error_of(html, "years")
    assert f'value="{typed}"' in html, "the typed value stays in the field"
    assert 'aria-invalid="true"' in html and 'aria-describedby="field-years-error"' in html


def test_decimal_comma_is_understood(client, survey, started):
    assert post_page(client, 1, started, {**GOOD_FIRST_PAGE, "q_years": "2,5"}).status_code == 302


def test_scale_value_outside_the_scale(client, survey, started):
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    html = rejected(post_page(client, 2, started, {**GOOD_SECOND_PAGE, "q_satisfaction": "9"}))
    assert "1 bis 5" in error_of(html, "satisfaction")
    assert ">Mehr Kinderärzte in der Nähe.</textarea>" in html


def test_option_that_is_not_in_the_question(client, survey, started):
    html = rejected(post_page(client, 1, started, {**GOOD_FIRST_PAGE, "q_district": "Mars"}))
    assert "angebotenen Antworten" in error_of(html, "district")
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    html = rejected(post_page(client, 2, started, {**GOOD_SECOND_PAGE, "q_topics": ["bus", "rockets"]}))
    assert "angebotenen Antworten" in error_of(html, "topics")
    assert 'value="bus" checked' in html


def test_answer_to_a_hidden_conditional_question(client, survey, started):
    html = rejected(post_page(client, 1, started, {**GOOD_FIRST_PAGE, "q_children": "no"}))
    assert "gilt für Ihre vorherige Antwort nicht" in error_of(html, "childcare")
    assert 'value="no" checked' in html and 'value="waiting" checked' in html
    assert post_page(client, 1, started, {**GOOD_FIRST_PAGE, "q_children": "no", "q_childcare": ""}).status_code \
        == 302


@pytest.mark.parametrize("code, limit", [("name_short", 300), ("missing", 5000)])
def test_over_long_text(client, survey, started, code, limit):
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    too_long = "ä" * (limit + 1)
    html = rejected(post_page(client, 2, started, {**GOOD_SECOND_PAGE, f"q_{code}": too_long}))
    assert f"höchstens {limit} Zeichen" in error_of(html, code)
    assert too_long in html, "the long text stays so it can be shortened"
    assert f'maxlength="{limit}"' in html


def test_several_errors_are_listed_at_the_top_with_links_to_the_fields(client, survey, started):
    html = rejected(post_page(client, 1, started, {"q_years": "500", "q_children": "maybe"}))
    summary = re.search(r'id="error-summary".*?</div>', html, re.S).group(0)
    for code in ("district", "children", "years"):
        assert f'href="#question-{code}"' in summary
    assert "Bitte prüfen Sie 3 Antworten." in summary


def test_required_question_skipped_by_jumping_ahead_is_asked_for_at_the_end(client, survey, started):
    html = client.get("/s/kurz/2").get_data(as_text=True)
    assert "Antworten absenden" in html
    final = post_page(client, 2, started, GOOD_SECOND_PAGE)
    html = rejected(final)
    assert "Seite 1 von 2" in html and "Bitte beantworten Sie diese Frage." in error_of(html, "district")
    assert responses_of(survey) == []
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    assert client.get("/s/kurz/2").get_data(as_text=True).count("Mehr Kinderärzte in der Nähe.") == 1


def test_invalid_answers_left_behind_by_the_back_button_are_caught_before_storing(client, survey, started):
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    post_page(client, 2, started, {**GOOD_SECOND_PAGE, "q_satisfaction": "7"}, nav="back")
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    html = rejected(post_page(client, 2, started, {**GOOD_SECOND_PAGE, "q_satisfaction": "7"}))
    assert "1 bis 5" in error_of(html, "satisfaction")
    assert responses_of(survey) == []


def test_control_characters_are_dropped_but_every_script_is_kept(client, survey, started):
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    post_page(client, 2, started, {**GOOD_SECOND_PAGE, "q_missing": "Ärzte\x00 لا Дети 医生\x07"})
    [response] = responses_of(survey)
    assert {a.question.code: a.value for a in response.answers}["missing"] == "Ärzte لا Дети 医生"


def test_a_forged_submission_id_leads_back_to_the_start(client, survey, started):
    forged = post_page(client, 1, "x", GOOD_FIRST_PAGE)
    assert forged.status_code == 302 and forged.headers["Location"].endswith("/s/kurz")

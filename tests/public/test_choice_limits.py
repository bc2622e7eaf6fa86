"""Choice limits of a multiple-choice question hold on every channel: online, paper (warns), interviews, sync."""
import uuid

import pytest

from participation.extensions import db
from participation.models import Question
from participation.surveys.answering import validate_values
from tests.conftest import login
from tests.public.conftest import GOOD_FIRST_PAGE, GOOD_SECOND_PAGE, drafts, post_page, responses_of, start
from tests.public.test_paper_entry import PAPER, entry_form

ALL_TOPICS = ["bus", "doctors", "playgrounds"]


@pytest.fixture
def limited(survey):
    """'Was ist Ihnen wichtig?' allows at most two of its three answers."""
    topics = survey.question_by_code("topics")
    topics.max_choices = 2
    db.session.commit()
    return survey


@pytest.fixture
def planner(make_user, process):
    return make_user("planner", processes=[process])


def test_online_too_many_ticks_are_refused_in_the_residents_language_and_kept(client, limited):
    submission_id = start(client, language="en")
    assert post_page(client, 1, submission_id, GOOD_FIRST_PAGE).status_code == 302
    refused = post_page(client, 2, submission_id, {**GOOD_SECOND_PAGE, "q_topics": ALL_TOPICS})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Please choose at most 2 answers. Chosen: 3." in html
    assert "<title>Error: " in html and 'href="#question-topics"' in html
    assert html.count('name="q_topics" value="') == 3 and html.split('name="q_topics"')[1].count("checked") == 1
    assert responses_of(limited) == [] and drafts()[0].raw_answers["topics"] == ALL_TOPICS

    fixed = post_page(client, 2, submission_id, {**GOOD_SECOND_PAGE, "q_topics": ["bus", "doctors"]})
    assert fixed.status_code == 302 and fixed.headers["Location"].endswith("/danke")
    [response] = responses_of(limited)
    assert next(a for a in response.answers if a.question.code == "topics").value == ["bus", "doctors"]


@pytest.mark.parametrize("language, message", [
    ("de", "Bitte wählen Sie höchstens 2 Antworten. Gewählt: 3."),
    ("uk", "Будь ласка, оберіть щонайбільше 2 відповіді. Вибрано: 3."),
    ("fa", "لطفاً حداکثر 2 پاسخ انتخاب کنید. انتخاب‌شده: 3."),
])
def test_the_limit_is_shown_and_refused_in_each_language(client, limited, language, message):
    limited.languages = ["de", "uk", "fa"]
    limited.incomplete_languages_published = ["uk", "fa"]
    db.session.commit()
    submission_id = start(client, language=language)
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    hint = message.split(". ")[0] if language != "fa" else "لطفاً حداکثر 2 پاسخ انتخاب کنید"
    assert hint in client.get("/s/kurz/2").get_data(as_text=True)
    refused = post_page(client, 2, submission_id, {**GOOD_SECOND_PAGE, "q_topics": ALL_TOPICS})
    assert refused.status_code == 422 and message in refused.get_data(as_text=True)


def test_too_few_ticks_are_refused_but_an_optional_question_may_stay_empty(app, limited):
    topics = limited.question_by_code("topics")
    topics.min_choices, topics.max_choices = 2, None
    db.session.commit()
    base = {"district": "Hafen", "children": False}
    with app.test_request_context("/"):
        assert validate_values(limited, {**base, "topics": ["bus"]}) == {
            "topics": "Bitte wählen Sie mindestens 2 Antworten. Gewählt: 1."}
        assert validate_values(limited, base) == {}
        assert validate_values(limited, {**base, "topics": ["bus", "doctors"]}) == {}


def test_a_resident_cannot_slip_past_the_limit_by_sending_the_last_page_again(client, limited):
    """The final check of the whole draft uses the same rule as the page."""
    submission_id = start(client)
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    post_page(client, 2, submission_id, {**GOOD_SECOND_PAGE, "q_topics": ALL_TOPICS})
    again = post_page(client, 2, submission_id, {**GOOD_SECOND_PAGE, "q_topics": ALL_TOPICS})
    assert again.status_code == 422 and responses_of(limited) == []


def test_paper_entry_warns_and_stores_the_sheet_as_filled_in_only_when_confirmed(client, limited, planner):
    login(client, planner)
    _html, submission_id = entry_form(client)
    sheet = {**PAPER, "q_topics": ALL_TOPICS, "submission_id": submission_id}
    warned = client.post("/s/kurz/papier", data=sheet)
    html = warned.get_data(as_text=True)
    assert warned.status_code == 422 and responses_of(limited) == []
    assert "mehr oder weniger Antworten angekreuzt als erlaubt" in html
    assert 'class="warning"' in html and 'name="confirm_limits"' in html and 'href="#question-topics"' in html
    assert html.split('name="q_topics"')[1].count("checked") == 1  # every tick is still there

    saved = client.post("/s/kurz/papier", data={**sheet, "confirm_limits": "yes"})
    assert saved.status_code == 302
    [response] = responses_of(limited)
    assert next(a for a in response.answers if a.question.code == "topics").value == ALL_TOPICS


def test_paper_entry_within_the_limit_needs_no_confirmation(client, limited, planner):
    login(client, planner)
    _html, submission_id = entry_form(client)
    saved = client.post("/s/kurz/papier", data={**PAPER, "q_topics": ["bus", "doctors"],
                                                "submission_id": submission_id})
    assert saved.status_code == 302 and len(responses_of(limited)) == 1


@pytest.fixture
def survey_multiplier(make_user, process, limited):
    user = make_user("multiplier", processes=[process])
    user.assigned_questionnaires = [limited]
    db.session.commit()
    return user


def interview(survey, topics) -> dict:
    return {"client_id": uuid.uuid4().hex, "type": "interview", "questionnaire_id": survey.id, "language": "tr",
            "consent": True, "answers": {"district": "Hafen", "children": False, "topics": topics}}


def test_offline_sync_rejects_a_record_over_the_limit_with_a_reason_and_keeps_good_ones(client, limited,
                                                                                     survey_multiplier):
    login(client, survey_multiplier)
    over, good = interview(limited, ALL_TOPICS), interview(limited, ["bus"])
    results = client.post("/api/sync", json={"records": [over, good]}).json["results"]
    assert [r["status"] for r in results] == ["rejected", "stored"]
    assert results[0]["code"] == "invalid"
    assert results[0]["errors"] == {"topics": "Bitte wählen Sie höchstens 2 Antworten. Gewählt: 3."}
    assert len(responses_of(limited)) == 1


def test_the_interview_form_refuses_too_many_ticks_and_keeps_the_form(client, limited, survey_multiplier):
    login(client, survey_multiplier)
    form = {"client_id": uuid.uuid4().hex, "language": "tr", "consent": "yes", "q_district": "Hafen",
            "q_children": "no", "q_topics": ALL_TOPICS}
    refused = client.post(f"/interviews/questionnaires/{limited.id}/record", data=form)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Bitte wählen Sie höchstens 2 Antworten. Gewählt: 3." in html
    assert "<title>Fehler: Interview" in html and 'id="error-summary"' in html and 'href="#question-topics"' in html
    assert html.split('name="q_topics"')[1].count("checked") == 1  # the ticks are kept
    assert responses_of(limited) == []


def test_planner_sets_limits_in_the_builder_and_the_print_version_shows_them(client, survey, planner):
    login(client, planner)
    topics = survey.question_by_code("topics")
    url = f"/planning/processes/{survey.process_id}/questionnaires/{survey.id}/questions/{topics.id}"
    form = {"text": "Was ist Ihnen wichtig?", "section_id": topics.section_id, "condition": ""}
    refused = client.post(url, data={**form, "min_choices": "3", "max_choices": "2"})
    assert refused.status_code == 200
    assert "Die Höchstzahl der Antworten darf nicht kleiner sein als die Mindestzahl." in refused.get_data(as_text=True)
    assert client.post(url, data={**form, "min_choices": "", "max_choices": "2"}).status_code == 302
    db.session.expire_all()
    assert (db.session.get(Question, topics.id).min_choices, db.session.get(Question, topics.id).max_choices) == (
        None, 2)
    printed = client.get("/s/kurz/druck?lang=en").get_data(as_text=True)
    assert '<p class="hint choice-limit" id="field-topics-limit">Please choose at most 2 answers.</p>' in printed
    assert 'aria-describedby="field-topics-limit"' in printed

"""Planners and assigned multipliers type in paper questionnaires quickly, each exactly once."""
import re

import pytest

from participation.extensions import db
from participation.models import AuditEvent
from tests.conftest import login
from tests.public.conftest import responses_of, submission_id_of

PAPER = {"language": "ar", "consent": "y", "q_district": "Lindenhof", "q_children": "no", "q_years": "3",
         "q_topics": ["playgrounds"], "q_missing": "ملاعب أكثر"}


@pytest.fixture
def planner(make_user, process):
    return make_user("planner", processes=[process])


def entry_form(client) -> tuple[str, str]:
    page = client.get("/s/kurz/papier")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return html, submission_id_of(html)


def test_anonymous_visitors_are_sent_to_login(client, survey):
    response = client.get("/s/kurz/papier")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_only_planners_of_the_process_and_assigned_multipliers_may_enter(client, make_user, survey, process):
    from participation.models import Process
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    login(client, make_user("planner", processes=[other]))
    assert client.get("/s/kurz/papier").status_code == 403
    client.post("/logout")
    login(client, make_user("multiplier", processes=[process]))
    assert client.get("/s/kurz/papier").status_code == 403
    client.post("/logout")
    multiplier = make_user("multiplier", processes=[process])
    multiplier.assigned_questionnaires = [survey]
    db.session.commit()
    login(client, multiplier)
    assert client.get("/s/kurz/papier").status_code == 200


def test_all_questions_on_one_page_and_a_saved_entry_gives_an_empty_form(client, survey, planner):
    login(client, planner)
    html, submission_id = entry_form(client)
    assert len(re.findall(r'class="question-number"', html)) == 8
    saved = client.post("/s/kurz/papier", data={**PAPER, "submission_id": submission_id}, follow_redirects=True)
    html = saved.get_data(as_text=True)
    assert "Gespeichert." in html and "Bisher ist 1 Papierbogen erfasst." in html
    assert submission_id_of(html) != submission_id
    assert 'checked' not in html.split('name="q_district"')[1].split("</fieldset>")[0]
    [response] = responses_of(survey)
    assert response.channel == "paper" and response.language == "ar" and response.consent is True
    assert response.recorded_by_id == planner.id and response.district == "Lindenhof"
    assert {a.question.code: a.value for a in response.answers} == {
        "district": "Lindenhof", "children": False, "years": 3, "topics": ["playgrounds"], "missing": "ملاعب أكثر"}
    assert db.session.execute(db.select(AuditEvent).filter_by(action="paper_response_entered")).scalar_one()


def test_saving_the_same_sheet_twice_stores_it_once(client, survey, planner):
    login(client, planner)
    _html, submission_id = entry_form(client)
    client.post("/s/kurz/papier", data={**PAPER, "submission_id": submission_id})
    again = client.post("/s/kurz/papier", data={**PAPER, "submission_id": submission_id}, follow_redirects=True)
    assert "schon gespeichert" in again.get_data(as_text=True)
    assert len(responses_of(survey)) == 1


def test_bad_input_on_paper_entry_keeps_everything_typed(client, survey, planner):
    login(client, planner)
    _html, submission_id = entry_form(client)
    rejected = client.post("/s/kurz/papier", data={**PAPER, "q_years": "300", "q_children": "",
                                                  "submission_id": submission_id})
    assert rejected.status_code == 422
    html = rejected.get_data(as_text=True)
    assert 'id="field-years-error"' in html and "0 bis 100" in html
    assert 'id="field-children-error"' in html
    assert 'value="300"' in html and "ملاعب أكثر" in html and 'value="Lindenhof" checked' in html
    assert submission_id_of(html) == submission_id, "correcting and saving keeps the sheet's id"
    assert responses_of(survey) == []


def test_a_sheet_without_consent_is_not_entered(client, survey, planner):
    login(client, planner)
    _html, submission_id = entry_form(client)
    refused = client.post("/s/kurz/papier", data={**{k: v for k, v in PAPER.items() if k != "consent"},
                                                 "submission_id": submission_id})
    assert refused.status_code == 422 and "Einverständnis" in refused.get_data(as_text=True)
    assert responses_of(survey) == []


def test_paper_entry_works_for_a_closed_survey(client, survey, planner):
    survey.status = "closed"
    db.session.commit()
    login(client, planner)
    _html, submission_id = entry_form(client)
    assert client.post("/s/kurz/papier", data={**PAPER, "submission_id": submission_id}).status_code == 302
    assert len(responses_of(survey)) == 1


@pytest.mark.csrf
def test_paper_entry_is_protected_against_cross_site_requests(client, survey, planner):
    client.post("/login", data={"email": planner.email, "password": "correct horse battery"})
    response = client.post("/s/kurz/papier", data={**PAPER, "submission_id": "abcdefghijkl"})
    assert response.status_code in (400, 302)
    assert responses_of(survey) == []

"""Helpers for the residents' tests: walking through the small survey with the test client."""
import re

import pytest

from participation.extensions import db
from participation.models import Response, SurveyDraft
from participation.surveys.answering import store_response

GOOD_FIRST_PAGE = {"q_district": "Hafen", "q_children": "yes", "q_childcare": "waiting", "q_years": "12"}
GOOD_SECOND_PAGE = {"q_satisfaction": "4", "q_topics": ["bus", "doctors"],
                    "q_missing": "Mehr Kinderärzte in der Nähe.", "q_name_short": "bunt"}


def submission_id_of(html: str) -> str:
    match = re.search(r'name="submission_id" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "the page carries no submission id"
    return match.group(1)


def responses_of(survey) -> list[Response]:
    db.session.expire_all()
    return db.session.execute(db.select(Response).filter_by(questionnaire_id=survey.id)).scalars().all()


def drafts() -> list[SurveyDraft]:
    db.session.expire_all()
    return db.session.execute(db.select(SurveyDraft)).scalars().all()


def start(client, code="kurz", language="de", consent=True) -> str:
    """Choose the language, agree, and open the first page; return the form's submission id."""
    data = {"language": language}
    if consent:
        data["consent"] = "y"
    response = client.post(f"/s/{code}", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    return submission_id_of(page.get_data(as_text=True))


def post_page(client, number: int, submission_id: str, answers: dict, nav="next", code="kurz", **extra):
    return client.post(f"/s/{code}/{number}", data={**answers, "submission_id": submission_id, "nav": nav, **extra})


def seed_responses(survey, answers_list: list[dict], channel="online") -> None:
    for number, answers in enumerate(answers_list):
        store_response(survey, answers, submission_id=f"seed-{survey.id}-{number:05d}", channel=channel)


@pytest.fixture
def started(client, survey):
    """A resident who chose German, agreed, and is on page 1; returns the page's submission id."""
    return start(client)

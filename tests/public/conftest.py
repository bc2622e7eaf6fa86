"""Helpers for the residents' tests: walking through the small survey with the test client."""
import re

import pytest

from participation.extensions import db
from participation.models import Response


def submission_id_of(html: str) -> str:
    match = re.search(r'name="submission_id" value="([^"]+)"', html)
    assert match, "the page carries no submission id"
    return match.group(1)


def responses_of(survey) -> list[Response]:
    db.session.expire_all()
    return db.session.execute(db.select(Response).filter_by(questionnaire_id=survey.id)).scalars().all()


GOOD_FIRST_PAGE = {"q_district": "Hafen", "q_children": "yes", "q_childcare": "waiting", "q_years": "12"}
GOOD_SECOND_PAGE = {"q_satisfaction": "4", "q_topics": ["bus", "doctors"],
                    "q_missing": "Mehr Kinderärzte in der Nähe.", "q_name_short": "bunt"}


@pytest.fixture
def started(client, survey):
    """A resident who chose German, agreed, and is on page 1; returns the page's submission id."""
    response = client.post("/s/kurz", data={"language": "de", "consent": "y"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"])
    return submission_id_of(page.get_data(as_text=True))

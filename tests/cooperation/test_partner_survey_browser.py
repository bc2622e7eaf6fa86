"""A planner reads the Kooperationscheck on a phone in German and Arabic: no horizontal scrolling, the small
committee hidden, nothing grave for axe; the cooperation overview with its two template buttons likewise."""
import secrets

import pytest

from participation.cooperation import templates
from participation.extensions import db
from participation.models import Committee
from participation.surveys import builder
from participation.surveys.answering import store_response
from tests.browser import PHONE, assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def partner_survey(process, make_user):
    process.min_group_size = 5
    committees = [Committee(process_id=process.id, name=name, kind="working_group")
                  for name in ("AG Bewegung", "Netzwerk Familie", "Steuerungsgruppe")]
    db.session.add_all(committees)
    db.session.commit()
    make_user("planner", processes=[process], email="browser@example.org")
    survey = templates.create_partner_survey(process)
    builder.open_questionnaire(survey)
    db.session.commit()
    for committee, count, rating in zip(committees + [None], (6, 7, 2, 4), (4, 5, 2, 3)):
        for _n in range(count):
            store_response(survey, {"partner_committee": f"gremium_{committee.id}" if committee else "anderes",
                                    "partner_trust": rating}, submission_id=secrets.token_hex(16), consent=True)
    return process


def _login(page, live_server):
    page.goto(f"{live_server}/login")
    page.fill("#email", "browser@example.org")
    page.fill("#password", "correct horse battery")
    with page.expect_navigation():
        page.click("#submit")


def test_kooperationscheck_on_a_phone_in_german_and_arabic(page, live_server, partner_survey):
    _login(page, live_server)
    for language, hidden in (("de", "nicht ausgewiesen"), ("ar", "غير معروض")):
        for path in ("cooperation/check", "cooperation"):
            page.goto(f"{live_server}/planning/processes/{partner_survey.id}/{path}?lang={language}")
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            assert_accessible(page)
        page.goto(f"{live_server}/planning/processes/{partner_survey.id}/cooperation/check?lang={language}")
        row = page.locator("#table-partner_trust tr", has_text="Steuerungsgruppe")
        assert hidden in row.inner_text()
        assert "(n = 6)" in page.locator("#table-partner_trust tr", has_text="AG Bewegung").inner_text()

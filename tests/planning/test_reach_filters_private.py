"""Filtered reach views, compared with each other and with the unfiltered page, give no small group away."""
from datetime import datetime, timedelta

from participation.extensions import db
from participation.models import Response
from participation.reach.aggregates import choice_frequencies
from participation.reach.dashboard import filter_values, weekly_counts
from participation.surveys.answering import store_response
from tests.conftest import login


def _fill(survey, count, start, district, language="de", topics=("bus",)):
    for number in range(start, start + count):
        store_response(survey, {"district": district, "children": False, "topics": list(topics)},
                       submission_id=f"filters-{number:04d}", language=language)


def test_filtered_choice_counts_cannot_be_added_up_to_a_hidden_one(survey):
    """Unfiltered "parks" = 20; by district 8 + 9 + 3. Showing the two large ones would give Hafen's 3."""
    _fill(survey, 8, 0, "Nordstadt", topics=("bus", "parks"))
    _fill(survey, 9, 100, "Lindenhof", topics=("bus", "parks"))
    _fill(survey, 3, 200, "Hafen", topics=("bus", "parks"))
    _fill(survey, 6, 300, "Hafen")
    question = survey.question_by_code("topics")
    unfiltered = {cell.value: cell.count for cell in choice_frequencies(question, survey.process)[0]}
    assert unfiltered["parks"] == 20
    shown = {}
    for district in ("Nordstadt", "Lindenhof", "Hafen"):
        cells, _answered = choice_frequencies(question, survey.process, district=district)
        shown[district] = {cell.value: cell.count for cell in cells}.get("parks")
    assert shown["Hafen"] is None
    assert None in (shown["Nordstadt"], shown["Lindenhof"]), "one complement hidden across the districts"


def test_a_filter_with_too_few_answers_shows_no_numbers_and_no_options(client, make_user, survey):
    _fill(survey, 9, 0, "Nordstadt")
    _fill(survey, 6, 100, "Hafen")
    _fill(survey, 2, 200, "Hafen", language="ar")
    login(client, make_user("planner", processes=[survey.process]))
    page = client.get(f"/planning/processes/{survey.process.id}/reach?district=Hafen&language=ar")
    html = page.get_data(as_text=True)
    assert "keine Zahlen gezeigt" in html and "Personen haben geantwortet" not in html
    empty = client.get(f"/planning/processes/{survey.process.id}/reach?district=Lindenhof").get_data(as_text=True)
    assert "keine Zahlen gezeigt" in empty, "an empty selection looks like a hidden one"


def test_filter_menus_offer_only_groups_the_page_shows(survey):
    _fill(survey, 9, 0, "Nordstadt")
    _fill(survey, 6, 100, "Lindenhof")
    _fill(survey, 2, 200, "Hafen")
    assert "Hafen" not in filter_values(survey.process, "district")
    assert filter_values(survey.process, "district") == ["Nordstadt"], "Lindenhof is the complement (17 − 9 − 6)"


def test_a_week_with_few_answers_is_hidden_with_a_complement(survey):
    sizes = (10, 2, 8, 12)
    _fill(survey, sum(sizes), 0, "Nordstadt")
    responses = db.session.execute(db.select(Response).order_by(Response.id)).scalars().all()
    start = datetime(2026, 3, 2, 10, 0)
    weeks_of = [week for week, size in enumerate(sizes) for _n in range(size)]
    for response, week in zip(responses, weeks_of):
        response.created_at = start + timedelta(days=7 * week)
    db.session.commit()
    weeks = weekly_counts(survey.process)
    assert [cell.count for _week, cell in weeks] == [10, None, None, 12], "32 − 10 − 12 − 8 would give the 2 away"

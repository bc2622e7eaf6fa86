"""Breakdowns hide groups below the minimum size; everything else is counted exactly."""
from participation.extensions import db
from participation.reach.aggregates import choice_frequencies, response_counts, suppress
from participation.surveys.answering import store_response


def test_suppress_hides_small_groups_and_the_cell_that_would_give_them_away():
    cells = {cell.value: cell for cell in suppress({"Nordstadt": 7, "Hafen": 2, "Lindenhof": 5, "Altstadt": 9}, 5)}
    assert cells["Nordstadt"].count == 7 and cells["Altstadt"].count == 9
    assert cells["Hafen"].hidden and cells["Hafen"].count is None and cells["Hafen"].share is None
    assert cells["Lindenhof"].hidden, "23 − 7 − 9 − 5 would reveal Hafen = 2"


def _answer(survey, number, district, topics):
    store_response(survey, {"district": district, "children": False, "topics": topics},
                   submission_id=f"agg-{number:04d}")


def test_district_counts_and_choice_frequencies_respect_minimum_group_size(survey):
    for number in range(6):
        _answer(survey, number, "Nordstadt", ["bus"])
    for number in range(6, 8):
        _answer(survey, number, "Hafen", ["bus", "doctors"])
    process = survey.process
    districts = {cell.value: cell for cell in response_counts(process, "district")}
    assert districts["Hafen"].hidden
    assert districts["Nordstadt"].hidden, "8 answers in all minus 6 in Nordstadt would give Hafen away"
    cells, answered = choice_frequencies(survey.question_by_code("topics"), process)
    by_code = {cell.value: cell for cell in cells}
    assert answered == 8 and by_code["bus"].count == 8 and by_code["doctors"].hidden
    filtered, answered_in_hafen = choice_frequencies(survey.question_by_code("topics"), process, district="Hafen")
    assert answered_in_hafen is None, "a filter on a hidden group says nothing, not even how many answered"
    assert all(cell.hidden for cell in filtered)
    db.session.rollback()

"""Residents' pages use a cached survey structure: a planner's edit shows on the next page, nothing is stale."""
import re

from sqlalchemy import event

from participation.extensions import db
from participation.surveys import builder, structure
from participation.surveys.snapshot import survey_for_residents
from tests.public.conftest import GOOD_FIRST_PAGE, post_page, responses_of, start


def page_html(client, number: int) -> str:
    response = client.get(f"/s/kurz/{number}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def question(survey, code):
    return survey.question_by_code(code)


def test_changed_question_text_shows_on_the_next_page_view(client, survey):
    start(client)
    assert "Wie viele Jahre wohnen Sie schon hier?" in page_html(client, 1)
    structure.update_question(question(survey, "years"), text="Seit wann wohnen Sie hier (in Jahren)?")
    db.session.commit()
    html = page_html(client, 1)
    assert "Seit wann wohnen Sie hier (in Jahren)?" in html and "Wie viele Jahre wohnen" not in html


def test_added_archived_and_renamed_options_show_at_once(client, survey):
    start(client)
    topics = question(survey, "topics")
    structure.add_option(topics, "Grünflächen")
    structure.update_option(topics.options[0], "Busse und Bahnen")
    structure.archive_option(topics.options[2])
    db.session.commit()
    html = page_html(client, 2)
    assert "Grünflächen" in html and "Busse und Bahnen" in html and "Spielplätze" not in html


def test_new_district_of_the_process_can_be_chosen_and_is_accepted(client, survey):
    submission_id = start(client)
    builder.update_process(survey.process, districts=["Nordstadt", "Hafen", "Lindenhof", "Altstadt"])
    db.session.commit()
    assert 'value="Altstadt"' in page_html(client, 1)
    answered = post_page(client, 1, submission_id, {**GOOD_FIRST_PAGE, "q_district": "Altstadt"})
    assert answered.status_code == 302, "the new district passes validation, not only display"


def test_a_closed_survey_takes_no_more_answers_from_open_pages(client, survey):
    submission_id = start(client)
    builder.close_questionnaire(survey)
    db.session.commit()
    assert client.get("/s/kurz/1").status_code == 410
    assert post_page(client, 1, submission_id, GOOD_FIRST_PAGE).status_code == 410
    assert responses_of(survey) == []


def test_a_removed_question_is_no_longer_asked(client, survey):
    start(client)
    structure.remove_question(question(survey, "name_short"))
    db.session.commit()
    assert "Ein Wort zu Ihrem Viertel" not in page_html(client, 2)


def test_the_structure_is_read_once_per_version_not_per_page(app, client, survey):
    """A page asks the database for the survey's version and the draft, never for its questions row by row."""
    submission_id = start(client)
    statements = []

    def listener(_connection, _cursor, statement, *_args):
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", listener)
    try:
        page_html(client, 1)
        shown = list(statements)
        statements.clear()
        post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
        stored = list(statements)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    structure_reads = [sql for sql in shown + stored if re.search(r'FROM "?(section|question|option)"?\b', sql)]
    assert structure_reads == []
    assert len(shown) <= 2 and len(stored) <= 3, (shown, stored)


def test_cached_structure_belongs_to_no_session_and_survives_commits(app, survey):
    cached = survey_for_residents("kurz")
    db.session.commit()
    assert cached is survey_for_residents("kurz"), "unchanged survey: the same cached structure"
    assert cached not in db.session
    assert [q.code for q in cached.questions][:2] == ["district", "children"]
    assert cached.questions[2].condition_question.code == "children"
    assert survey_for_residents("unbekannt") is None

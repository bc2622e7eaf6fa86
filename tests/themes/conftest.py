"""Fixtures of the theme tests: a survey with ~60 multilingual answers, analysed or not."""
import pytest

from tests.themes.answers import store_answers


@pytest.fixture
def answers(survey):
    """{answer_id: topic} of 60 stored answers (6 topics × 10, six languages)."""
    return store_answers(survey)


@pytest.fixture
def analysed(process, answers):
    from participation.themes_service import analyse_in_this_process
    run = analyse_in_this_process(process)
    assert run.status == "done", run.job.as_dict()
    return run

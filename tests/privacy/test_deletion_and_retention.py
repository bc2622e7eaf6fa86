"""Residents delete their own answers with a code; free text goes when the retention date has passed."""
from datetime import timedelta

import pytest

from participation.extensions import db
from participation.models import Answer, AnswerEmbedding, AuditEvent, Job, Process, RefusedAttempts, Response, utcnow
from participation.privacy.deletion import delete_response_by_code, issue_deletion_code
from participation.privacy.flooding import (
    SCOPE_DELETION,
    check_submission_rate,
    record_refused_attempt,
    refused_submissions,
)
from participation.privacy.retention import apply_retention
from participation.surveys.answering import store_response
from tests.conftest import login

VALUES = {"district": "Nordstadt", "children": True, "missing": "Ich heiße Anna, Tel. 0176 1234567",
          "satisfaction": 4, "topics": ["bus"]}


def _stored(survey, number=0, **extra):
    response, _ = store_response(survey, dict(VALUES, **extra), submission_id=f"resp-{number:06d}", consent=True)
    return response


def _with_code(survey, number=0):
    response = _stored(survey, number)
    code = issue_deletion_code(response)
    db.session.commit()
    return response, code


def test_deletion_code_is_readable_and_only_its_hash_is_stored(survey):
    response, code = _with_code(survey)
    assert len(code) == 19 and code.count("-") == 3
    assert code.replace("-", "") not in (response.deletion_code_hash or "")
    assert len(response.deletion_code_hash) == 64


def test_a_response_gets_one_code_only(survey):
    from participation.privacy.deletion import deletion_code_for_new_response
    response = _stored(survey)
    code = deletion_code_for_new_response(response)
    assert code and deletion_code_for_new_response(response) is None
    assert delete_response_by_code(code)


def test_resident_deletes_response_with_code_typed_loosely(client, survey):
    response, code = _with_code(survey)
    other = _stored(survey, 1)
    page = client.post("/delete", data={"code": "  " + code.lower().replace("-", " ") + " "})
    assert page.status_code == 200
    assert "gelöscht" in page.get_data(as_text=True)
    assert db.session.get(Response, response.id) is None
    assert not db.session.execute(db.select(Answer).filter_by(response_id=response.id)).first()
    assert db.session.get(Response, other.id) is not None
    event = db.session.execute(db.select(AuditEvent).filter_by(action="response_deleted_on_request")).scalar_one()
    assert event.user_id is None and event.process_id == survey.process_id


def test_wrong_or_used_code_gets_a_clear_message(client, survey):
    _response, code = _with_code(survey)
    assert delete_response_by_code(code)
    page = client.post("/delete", data={"code": code})
    assert page.status_code == 404
    assert "keine Antworten" in page.get_data(as_text=True)
    empty = client.post("/delete", data={"code": ""})
    assert "Bitte geben Sie Ihren Lösch-Code ein" in empty.get_data(as_text=True)


def test_guessing_codes_is_rate_limited(app, client, survey):
    app.config["DELETION_FAILURES_PER_HOUR"] = 3
    _response, code = _with_code(survey)
    for _ in range(3):
        assert client.post("/delete", data={"code": "AAAA-BBBB-CCCC-DDDD"}).status_code == 404
    refused = client.post("/delete", data={"code": code})
    assert refused.status_code == 429
    assert "einer Stunde" in refused.get_data(as_text=True)
    assert db.session.execute(db.select(Response)).first() is not None


def test_thank_you_snippet_shows_the_code(app, survey):
    from flask import render_template_string
    with app.test_request_context():
        html = render_template_string('{% include "public/_deletion_code.html" %}', deletion_code="ABCD-EFGH")
    assert "ABCD-EFGH" in html and "/delete" in html


def test_submission_rate_is_limited_per_survey_and_refusals_are_counted(app, survey, process):
    app.config["SUBMISSIONS_PER_HOUR"] = 3
    for number in range(3):
        _stored(survey, number)
    assert not check_submission_rate(survey)
    assert not check_submission_rate(survey)
    counts = db.session.execute(db.select(RefusedAttempts)).scalars().all()
    assert [(row.scope, row.questionnaire_id, row.count) for row in counts] == [("submission", survey.id, 2)]
    assert refused_submissions(process)[0]["count"] == 2


def test_old_submissions_do_not_count_against_the_limit(app, survey):
    app.config["SUBMISSIONS_PER_HOUR"] = 2
    for number in range(2):
        _stored(survey, number).created_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    assert check_submission_rate(survey)


def test_planners_see_refused_submissions_on_the_process_overview(client, make_user, survey, process):
    record_refused_attempt("submission", survey.id)
    record_refused_attempt("submission", survey.id)
    record_refused_attempt(SCOPE_DELETION, None)
    login(client, make_user("planner", [process]))
    page = client.get(f"/planning/processes/{process.id}").get_data(as_text=True)
    assert "Abgewiesene Einsendungen" in page
    assert "<td>2</td>" in page


def _embed(answer):
    db.session.add(AnswerEmbedding(answer_id=answer.id, model="test", vector=b"\x00" * 8))


def test_retention_deletes_free_text_but_keeps_coded_answers(app, survey, process):
    response = _stored(survey)
    text_answer = next(a for a in response.answers if a.question.code == "missing")
    _embed(text_answer)
    process.retention_until = utcnow() - timedelta(days=1)
    db.session.commit()
    results = apply_retention()
    assert results == [{"process_id": process.id, "texts_deleted": 1, "embeddings_deleted": 1, "exports_deleted": 0}]
    answers = {a.question.code: a for a in db.session.get(Response, response.id).answers}
    assert answers["missing"].text_value is None
    assert answers["district"].text_value == "Nordstadt"
    assert answers["satisfaction"].number_value == 4
    assert answers["topics"].choice_codes == ["bus"]
    assert db.session.get(Process, process.id).retention_applied_at is not None
    assert db.session.execute(db.select(AuditEvent).filter_by(action="retention_applied")).scalar_one()


def test_retention_leaves_processes_before_their_date_alone(survey, process):
    response = _stored(survey)
    process.retention_until = utcnow() + timedelta(days=30)
    db.session.commit()
    assert apply_retention() == []
    assert any(a.text_value and "Anna" in a.text_value for a in db.session.get(Response, response.id).answers)


def test_retention_runs_as_job_and_from_the_command_line(app, survey, process):
    from participation import jobs
    from tests.conftest import wait_for
    _stored(survey)
    process.retention_until = utcnow() - timedelta(days=1)
    db.session.commit()
    record = jobs.enqueue("privacy.apply_retention")
    job_id = record.id

    def finished_job():
        db.session.expire_all()
        job = db.session.get(Job, job_id)
        return job if job.finished else None
    assert wait_for(finished_job).status == "done"
    assert db.session.get(Process, process.id).retention_applied_at is not None
    _stored(survey, 2)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["privacy", "apply-retention"])
    assert "retention applied to 1 process(es)" in result.output
    assert "1 text(s) deleted" in result.output


def test_planner_sets_retention_date(client, make_user, process):
    login(client, make_user("planner", [process]))
    response = client.post(f"/planning/processes/{process.id}/privacy", data={"retention_until": "2027-12-31"})
    assert response.status_code == 302
    assert db.session.get(Process, process.id).retention_until.date().isoformat() == "2027-12-31"
    assert db.session.execute(db.select(AuditEvent).filter_by(action="retention_changed")).scalar_one()


@pytest.mark.parametrize("value", ["31.12.2027x", "morgen"])
def test_invalid_retention_date_gets_message_and_changes_nothing(client, make_user, process, value):
    login(client, make_user("planner", [process]))
    response = client.post(f"/planning/processes/{process.id}/privacy", data={"retention_until": value})
    assert response.status_code == 200
    assert 'class="error"' in response.get_data(as_text=True)
    assert db.session.get(Process, process.id).retention_until is None

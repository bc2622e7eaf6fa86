"""The partner survey (all waves) and the key-person guides are the cooperation check's own instruments: their
answers never count as residents' in totals, the reach dashboard, exports, public results or the themes."""
import re
import uuid

import pytest
from sqlalchemy import func

from participation.cooperation.templates import KEY_PERSON_GUIDE, OPEN_CODE, marked, partner_waves
from participation.exports.collect import coded_answers, dataset, reach_rows, BreakdownMask
from participation.extensions import db
from participation.models import Answer, AnswerEmbedding, CooperationQuestionnaire, Questionnaire, Response
from participation.reach.aggregates import response_counts
from participation.reach.dashboard import reach_overview
from participation.themes import runs
from participation.themes.embedding import collect_texts, embedding_status
from tests.conftest import login

PARTNER_WORD, KEY_PERSON_WORD = "Gremienfrosch", "Schlüsselkauz"


def _instrument_ids(process) -> set[int]:
    """Straight from the tables: marked questionnaires and every questionnaire whose previous wave is one."""
    ids = set(db.session.execute(db.select(CooperationQuestionnaire.questionnaire_id)
                                 .where(CooperationQuestionnaire.process_id == process.id)).scalars())
    while True:
        more = set(db.session.execute(db.select(Questionnaire.id).where(
            Questionnaire.previous_wave_id.in_(ids), Questionnaire.id.not_in(ids))).scalars())
        if not more:
            return ids
        ids |= more


def _resident_count(process, *where) -> int:
    return db.session.execute(db.select(func.count(Response.id)).where(
        Response.process_id == process.id, Response.questionnaire_id.not_in(_instrument_ids(process)), *where)
    ).scalar_one()


@pytest.fixture
def residents(demo_outcomes):
    """The demo with its partner survey: (process, residents' responses, partners' responses)."""
    process = demo_outcomes
    ids = _instrument_ids(process)
    assert {wave.id for wave in partner_waves(process)} <= ids and len(partner_waves(process)) == 2
    everyone = db.session.execute(db.select(func.count(Response.id))
                                  .where(Response.process_id == process.id)).scalar_one()
    residents = _resident_count(process)
    assert everyone - residents == 28 + 35 and residents > 0
    return process, residents


def _text_answer(questionnaire, code: str, text: str) -> Answer:
    response = Response(questionnaire_id=questionnaire.id, process_id=questionnaire.process_id,
                        submission_id=uuid.uuid4().hex, channel="online", language="de")
    answer = Answer(question_id=questionnaire.question_by_code(code).id, text_value=text, language="de")
    response.answers.append(answer)
    db.session.add(response)
    db.session.commit()
    return answer


def test_reach_figures_count_residents_only(residents, client, make_user):
    process, expected = residents
    overview = reach_overview(process)
    assert overview["total"] == expected
    for field in ("channel", "language"):
        direct = dict(db.session.execute(
            db.select(getattr(Response, field), func.count(Response.id))
            .where(Response.process_id == process.id, Response.questionnaire_id.not_in(_instrument_ids(process)))
            .group_by(getattr(Response, field))).all())
        shown = {cell.value: cell.count for cell in response_counts(process, field) if not cell.hidden}
        assert shown and all(direct[value] == count for value, count in shown.items())
    login(client, make_user("planner", processes=[process]))
    page = client.get(f"/planning/processes/{process.id}/reach").get_data(as_text=True)
    assert f"Antworten insgesamt: {expected}" in page
    assert partner_waves(process)[0].title not in page            # not offered as a filter either
    partner = partner_waves(process)[-1]
    page = client.get(f"/planning/processes/{process.id}/reach?survey={partner.id}").get_data(as_text=True)
    assert f"Antworten insgesamt: {expected}" in page              # a partner wave's id is ignored, not shown
    index = client.get("/planning/").get_data(as_text=True)
    assert f"Antworten: {expected}" in index


def test_partner_waves_still_count_for_themselves(residents):
    """The cooperation check and the wave comparison count a wave's partners (apart from residents)."""
    from participation.reach.aggregates import total_responses

    process, _expected = residents
    assert [total_responses(process, wave.id) for wave in partner_waves(process)] == [28, 35]


def test_exports_count_residents_only(residents, app):
    process, expected = residents
    with app.test_request_context():
        _check_exports(process, expected)


def _check_exports(process, expected):
    data = dataset(process)
    partner_ids = _instrument_ids(process)
    assert len(data["responses"]) == expected
    assert not {row["questionnaire_id"] for row in data["responses"] + data["answers"]} & partner_ids
    assert not {row["questionnaire_id"] for row in data["codebook"]} & partner_ids
    channels = {row.label: row.count for row in reach_rows(process) if isinstance(row.count, int)}
    assert sum(channels.values()) <= expected * 4          # four breakdowns of the residents' total at most
    online = _resident_count(process, Response.channel == "online")
    assert any(count == online for count in channels.values())


def test_partner_and_key_person_answers_never_reach_the_themes(residents, app):
    process, _expected = residents
    before = embedding_status(process.id)
    partner = _text_answer(partner_waves(process)[-1], OPEN_CODE, f"Der {PARTNER_WORD} sollte öfter tagen.")
    guide = marked(process, KEY_PERSON_GUIDE)[0]
    key_person = _text_answer(guide, "kp_obstacles", f"Ein {KEY_PERSON_WORD} entscheidet alles allein.")
    mine = {partner.id, key_person.id}
    assert not mine & {item.answer_id for item in collect_texts(process)}
    assert not any(PARTNER_WORD in item.text or KEY_PERSON_WORD in item.text for item in collect_texts(process))
    assert collect_texts(process, partner_waves(process)[-1]) == []
    assert embedding_status(process.id) == before             # nothing more to embed, nothing more counted
    run = runs.analyse_in_this_process(process, preview=True)
    assert run.status == "preview", run.job.as_dict()
    assert not mine & set(run.params["proposal"]["answer_ids"])
    assert not db.session.execute(db.select(AnswerEmbedding).where(AnswerEmbedding.answer_id.in_(mine))).first()
    with app.test_request_context():
        assert not [row for row in coded_answers(process, BreakdownMask(process)) if row["answer_id"] in mine]


def test_public_results_count_residents_only(residents, client):
    process, expected = residents
    page = client.get(f"/prozess/{process.id}/was-daraus-wurde").get_data(as_text=True)
    shown = re.search(r'class="big-number">(\d+)<', page)
    assert shown and int(shown.group(1)) == expected
    assert client.get(f"/prozess/{process.id}/ergebnisse.json").json["participants"] == expected

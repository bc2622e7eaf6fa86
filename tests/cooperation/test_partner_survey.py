"""The cooperation check (issue 23, item 4): the partner survey and the key-person guide made from templates
in one click, a second wave that keeps the codes, and the Kooperationscheck page, which hides committees
below the minimum group size (and those that would give them away) and shows the others' means."""
import secrets

import pytest

from participation.cooperation import check as coop_check
from participation.cooperation import templates
from participation.extensions import db
from participation.models import AuditEvent, Committee, Guide, Process, Response, Survey
from participation.surveys import builder
from participation.surveys.answering import store_response
from tests.conftest import login


@pytest.fixture
def committees(process):
    process.min_group_size = 5
    items = [Committee(process_id=process.id, name=name, kind=kind) for name, kind in (
        ("AG Bewegung", "working_group"), ("Netzwerk Familie", "network"), ("Steuerungsgruppe", "steering"))]
    db.session.add_all(items)
    db.session.commit()
    return {item.name: item for item in items}


@pytest.fixture
def planner(process, committees, client, make_user, app):
    app.config["WTF_CSRF_ENABLED"] = False
    login(client, make_user("planner", processes=[process], email="kooperation@example.org"))
    return process


def _create(client, process):
    return client.post(f"/planning/processes/{process.id}/cooperation/partner-survey")


def _answer(wave, group_code, ratings: dict, count: int) -> None:
    for _n in range(count):
        store_response(wave, {"partner_committee": group_code, **ratings},
                       submission_id=secrets.token_hex(16), consent=True)


def test_one_click_gives_the_anonymous_partner_survey_with_one_option_per_committee(planner, client, committees):
    response = _create(client, planner)
    survey = templates.partner_survey_of(planner)
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/questionnaires/{survey.id}")
    assert isinstance(survey, Survey) and survey.status == "draft"
    kinds = {q.code: q.kind for q in survey.questions}
    assert kinds == {"partner_committee": "single_choice", "partner_goals": "scale", "partner_trust": "scale",
                     "partner_roles": "scale", "partner_benefit": "scale", "partner_change": "long_text"}
    committee = survey.question_by_code("partner_committee")
    assert committee.text == "In welchem Gremium arbeiten Sie mit?"
    assert [(o.code, o.label) for o in committee.options] == [
        (f"gremium_{committees['AG Bewegung'].id}", "AG Bewegung"),
        (f"gremium_{committees['Netzwerk Familie'].id}", "Netzwerk Familie"),
        (f"gremium_{committees['Steuerungsgruppe'].id}", "Steuerungsgruppe"), ("anderes", "Anderes Gremium")]
    scale = survey.question_by_code("partner_trust")
    assert (scale.min_value, scale.max_value) == (1, 5)
    # anonymous: nothing that asks who someone is or where they live
    assert not any(q.kind == "district" or q.profile_field for q in survey.questions)
    assert builder.open_problems(survey) == []
    assert db.session.execute(db.select(AuditEvent.action).where(
        AuditEvent.action == "coop_partner_survey_created")).scalar_one()
    again = _create(client, planner)
    assert again.status_code == 302
    assert len(templates.marked(planner, templates.PARTNER_SURVEY)) == 1
    overview = client.get(f"/planning/processes/{planner.id}/cooperation").get_data(as_text=True)
    assert "Kooperationscheck ansehen" in overview and "Partnerbefragung anlegen" not in overview


@pytest.mark.csrf
def test_buttons_need_a_csrf_token(planner, client, app):
    app.config["WTF_CSRF_ENABLED"] = True
    assert _create(client, planner).status_code == 400
    assert client.post(f"/planning/processes/{planner.id}/cooperation/key-person-guide").status_code == 400
    assert templates.partner_survey_of(planner) is None and not templates.marked(planner, templates.KEY_PERSON_GUIDE)


def test_check_page_before_any_partner_survey_says_where_to_make_one(planner, client):
    page = client.get(f"/planning/processes/{planner.id}/cooperation/check")
    assert page.status_code == 200
    assert "noch keine Partnerbefragung" in page.get_data(as_text=True)


def test_partner_survey_needs_committees(process, client, make_user, app):
    app.config["WTF_CSRF_ENABLED"] = False
    login(client, make_user("planner", processes=[process], email="ohne@example.org"))
    response = client.post(f"/planning/processes/{process.id}/cooperation/partner-survey", follow_redirects=True)
    assert "Bitte legen Sie zuerst die Gremien an" in response.get_data(as_text=True)
    assert templates.partner_survey_of(process) is None


def test_second_wave_keeps_question_and_committee_codes(planner, client):
    _create(client, planner)
    first = templates.partner_survey_of(planner)
    response = client.post(f"/planning/processes/{planner.id}/questionnaires/{first.id}/waves/new")
    assert response.status_code == 302
    waves = templates.partner_waves(planner)
    assert [wave.wave_number for wave in waves] == [1, 2]
    second = waves[1]
    assert [q.code for q in second.questions] == [q.code for q in first.questions]
    assert [o.code for o in second.question_by_code("partner_committee").options] == \
        [o.code for o in first.question_by_code("partner_committee").options]
    third = builder.create_wave(second)
    db.session.commit()
    assert [wave.id for wave in templates.partner_waves(planner)] == [first.id, second.id, third.id]


def test_a_new_wave_also_asks_about_committees_founded_since(planner, client, committees, survey):
    _create(client, planner)
    first = templates.partner_survey_of(planner)
    founded = Committee(process_id=planner.id, name="Präventionskette Süd", kind="network")
    db.session.add(founded)
    db.session.commit()
    response = client.post(f"/planning/processes/{planner.id}/questionnaires/{first.id}/waves/new",
                           follow_redirects=True)
    assert "Neu in der Frage nach dem Gremium: Präventionskette Süd." in response.get_data(as_text=True)
    second = templates.partner_waves(planner)[1]
    db.session.expire_all()
    codes = [o.code for o in second.question_by_code("partner_committee").options]
    assert codes == [o.code for o in first.question_by_code("partner_committee").options][:-1] + [
        f"gremium_{founded.id}", "anderes"]
    assert [o.code for o in first.question_by_code("partner_committee").options][-1] == "anderes"
    assert templates.add_new_committees(survey) == []  # a residents' survey is left alone


def _opened_waves(planner, committees):
    first = templates.create_partner_survey(planner)
    builder.open_questionnaire(first)
    db.session.commit()
    codes = {name: f"gremium_{item.id}" for name, item in committees.items()}
    return first, codes


def test_open_partner_survey_is_not_listed_for_residents(planner, client, committees, survey):
    first, _codes = _opened_waves(planner, committees)
    second = builder.create_wave(first)
    builder.open_questionnaire(second)
    db.session.commit()
    listing = client.get("/").get_data(as_text=True)
    assert "/s/kurz" in listing
    assert f"/s/{first.short_code}" not in listing and f"/s/{second.short_code}" not in listing
    assert client.get(f"/s/{second.short_code}").status_code == 200      # partners answer through the link


def test_check_hides_small_committees_and_shows_the_others_means(planner, client, committees, app):
    first, codes = _opened_waves(planner, committees)
    _answer(first, codes["AG Bewegung"], {"partner_goals": 4}, 6)
    _answer(first, codes["Netzwerk Familie"], {"partner_goals": 5}, 7)
    _answer(first, codes["Steuerungsgruppe"], {"partner_goals": 2}, 2)     # below 5
    _answer(first, "anderes", {"partner_goals": 2}, 4)                     # below 5 as well: 6 together
    second = builder.create_wave(first)
    builder.open_questionnaire(second)
    db.session.commit()
    _answer(second, codes["AG Bewegung"], {"partner_goals": 3}, 5)
    _answer(second, codes["Netzwerk Familie"], {"partner_goals": 5}, 5)
    with app.test_request_context():
        result = coop_check.cooperation_check(planner)
        goals = next(s for s in result.statements if s.code == "partner_goals")
        rows = {str(row.label): row for row in goals.committees}
    assert result.participants == [19, 10]
    assert [(f.count, f.mean) for f in rows["AG Bewegung"].figures] == [(6, 4.0), (5, 3.0)]
    assert rows["AG Bewegung"].change == pytest.approx(-1.0)
    assert [(f.count, f.mean) for f in rows["Netzwerk Familie"].figures] == [(7, 5.0), (5, 5.0)]
    assert rows["Steuerungsgruppe"].figures[0].hidden and rows["Steuerungsgruppe"].figures[0].count is None
    assert rows["Anderes Gremium"].figures[0].hidden
    assert (rows["Steuerungsgruppe"].figures[1].count, rows["Steuerungsgruppe"].figures[1].mean) == (0, None)
    assert rows["Steuerungsgruppe"].change is None
    assert goals.overall.figures[0].mean == pytest.approx(71 / 19)
    assert goals.overall.figures[1].mean == pytest.approx(4.0)

    page = client.get(f"/planning/processes/{planner.id}/cooperation/check")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Gremien mit weniger als 5 Antwortenden werden nicht ausgewiesen" in html
    assert html.count("nicht ausgewiesen") >= 2
    assert "4,0" in html and "(n = 6)" in html and "-1,0" in html
    assert "(n = 2)" not in html and "(n = 4)" not in html


def test_a_single_small_committee_takes_a_second_one_into_hiding(planner, committees, app):
    first, codes = _opened_waves(planner, committees)
    _answer(first, codes["AG Bewegung"], {"partner_goals": 4}, 6)
    _answer(first, codes["Netzwerk Familie"], {"partner_goals": 5}, 7)
    _answer(first, codes["Steuerungsgruppe"], {"partner_goals": 4}, 2)
    with app.test_request_context():
        goals = coop_check.cooperation_check(planner).statements[0]
        rows = {str(row.label): row.figures[0] for row in goals.committees}
    assert rows["Steuerungsgruppe"].hidden
    assert rows["AG Bewegung"].hidden            # otherwise 15 − 6 − 7 would give the 2 away
    assert rows["Netzwerk Familie"].mean == 5.0


def test_committee_means_never_add_up_to_a_withheld_overall_mean(planner, committees, app):
    first, codes = _opened_waves(planner, committees)
    _answer(first, codes["AG Bewegung"], {"partner_goals": 4}, 5)
    _answer(first, codes["AG Bewegung"], {"partner_goals": 1}, 1)     # one person on point 1: points hidden
    _answer(first, codes["Netzwerk Familie"], {"partner_goals": 5}, 7)
    with app.test_request_context():
        goals = coop_check.cooperation_check(planner).statements[0]
        rows = {str(row.label): row.figures[0] for row in goals.committees}
    assert goals.overall.figures[0].mean is None and goals.overall.figures[0].hidden
    assert rows["AG Bewegung"].count == 6 and rows["AG Bewegung"].mean is None
    assert rows["Netzwerk Familie"].mean == 5.0


def test_key_person_guide_is_a_usable_interview_guide(planner, client, make_user):
    response = client.post(f"/planning/processes/{planner.id}/cooperation/key-person-guide")
    guide = templates.marked(planner, templates.KEY_PERSON_GUIDE)[0]
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/questionnaires/{guide.id}")
    assert isinstance(guide, Guide) and guide.guide_type == "interview"
    assert [section.title for section in guide.sections] == [
        "Geschichte der Zusammenarbeit", "Ressourcen", "Interessen", "Hindernisse", "Erwartungen"]
    assert all(q.kind == "long_text" for q in guide.questions)
    assert "Leitfaden für Schlüsselpersonen" in client.get(
        f"/planning/processes/{planner.id}/cooperation").get_data(as_text=True)
    assert client.get(f"/planning/processes/{planner.id}/questionnaires/{guide.id}").status_code == 200
    builder.open_questionnaire(guide)
    db.session.commit()
    record = f"/interviews/questionnaires/{guide.id}/record"
    assert "Was erschwert die Zusammenarbeit?" in client.get(record).get_data(as_text=True)
    stored = client.post(record, data={"client_id": secrets.token_hex(16), "language": "de", "consent": "yes",
                                       "q_kp_obstacles": "Die Termine liegen immer vormittags."})
    assert stored.status_code == 302
    answer = db.session.execute(db.select(Response).where(Response.questionnaire_id == guide.id)).scalar_one()
    assert answer.channel == "peer_interview"


def test_other_processes_stay_out(planner, client):
    """Unknown process ids are 404, processes the planner does not plan 403 (as everywhere), and a survey of
    another process never counts as a wave of this one."""
    other = Process(title="Anderswo", districts=[], target_groups=[], languages=["de"], i18n={})
    db.session.add(other)
    db.session.flush()
    db.session.add(Committee(process_id=other.id, name="Fremdes Gremium", kind="network"))
    db.session.commit()
    for process_id, status in ((other.id + 100, 404), (other.id, 403)):
        base = f"/planning/processes/{process_id}/cooperation"
        assert client.post(f"{base}/partner-survey").status_code == status
        assert client.post(f"{base}/key-person-guide").status_code == status
        assert client.get(f"{base}/check").status_code == status
    assert templates.partner_survey_of(other) is None
    first = templates.create_partner_survey(planner)
    db.session.flush()
    stray = builder.create_questionnaire(other, "survey", "Fremde Welle")
    stray.previous_wave = first
    db.session.commit()
    assert templates.partner_waves(planner) == [first]
    assert templates.partner_waves(other) == []


def test_demo_has_two_partner_waves_a_year_apart_with_one_hidden_committee(demo_outcomes, client, make_user, app):
    waves = templates.partner_waves(demo_outcomes)
    assert [(wave.wave_number, wave.status) for wave in waves] == [(1, "closed"), (2, "closed")]
    assert 330 <= (waves[1].created_at - waves[0].created_at).days <= 400
    assert templates.marked(demo_outcomes, templates.KEY_PERSON_GUIDE)
    with app.test_request_context():
        result = coop_check.cooperation_check(demo_outcomes)
        rows = {str(row.label): row for row in result.statements[0].committees}
    assert result.participants == [28, 35]
    assert rows["Stadtteilkonferenz Lindenhof"].figures[0].hidden
    shown = [figure for row in rows.values() for figure in row.figures if not figure.hidden]
    assert len(shown) >= 7 and all(figure.count >= 5 for figure in shown)
    assert rows["Netzwerk Frühe Hilfen"].change > 0
    login(client, make_user("planner", processes=[demo_outcomes], email="check@example.org"))
    page = client.get(f"/planning/processes/{demo_outcomes.id}/cooperation/check").get_data(as_text=True)
    assert "Netzwerk Frühe Hilfen" in page and "nicht ausgewiesen" in page

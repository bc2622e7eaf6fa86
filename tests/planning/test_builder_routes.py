"""The builder pages: access, forms with field errors, refusals, copy, preview and the question flow."""
import re

import pytest

from participation.extensions import db
from participation.models import QUESTION_KINDS, AuditEvent, Questionnaire, Response
from participation.surveys import builder
from tests.conftest import login


@pytest.fixture
def planner(make_user, process):
    return make_user("planner", processes=[process])


@pytest.fixture
def planner_client(client, planner):
    login(client, planner)
    return client


def base(survey):
    return f"/planning/processes/{survey.process_id}/questionnaires/{survey.id}"


def answer(survey):
    """Store one answer through the foundation's answering code (as residents' pages will)."""
    from participation.surveys.answering import store_response
    store_response(survey, {"district": "Hafen", "children": True, "childcare": "waiting", "topics": ["bus"]},
                   submission_id="route-test-0001")


def test_planner_of_another_process_gets_403_everywhere(client, make_user, survey):
    other_process_planner = make_user("planner")
    login(client, other_process_planner)
    question = survey.question_by_code("topics")
    urls = [base(survey), base(survey) + "/settings", base(survey) + "/preview/de",
            f"{base(survey)}/questions/{question.id}", f"/planning/processes/{survey.process_id}/edit",
            f"{base(survey)}/sections/{survey.sections[0].id}/questions/new?kind=yes_no"]
    for url in urls:
        assert client.get(url).status_code == 403, url
    posts = [base(survey) + "/open", base(survey) + "/copy", f"{base(survey)}/questions/{question.id}/delete",
             f"{base(survey)}/questions/{question.id}/options/{question.options[0].id}/delete"]
    for url in posts:
        assert client.post(url).status_code == 403, url
    assert len(question.options) == 3


def test_multipliers_and_guests_cannot_build(client, make_user, survey):
    assert client.get(base(survey)).status_code == 302
    login(client, make_user("multiplier", processes=[survey.process]))
    assert client.get(base(survey)).status_code == 403


def test_ids_of_another_process_are_not_found(planner_client, survey):
    from participation.demo.loader import build_questionnaire
    from participation.models import Process, Survey
    foreign = Process(title="Anderer Prozess", districts=["Süd"], languages=["de"])
    db.session.add(foreign)
    foreign_survey = build_questionnaire(Survey, foreign, {"short_code": "fremd", "title": {"de": "Fremd"},
                                                           "sections": [{"questions": []}]})
    db.session.commit()
    path = f"/planning/processes/{survey.process_id}/questionnaires/{foreign_survey.id}"
    assert planner_client.get(path).status_code == 404


def test_building_a_survey_with_a_condition_and_opening_it(planner_client, process):
    response = planner_client.post(f"/planning/processes/{process.id}/questionnaires/new/survey",
                                   data={"title": "Nachbarschaft"})
    assert response.status_code == 302
    survey = db.session.execute(db.select(Questionnaire).filter_by(title="Nachbarschaft")).scalar_one()
    section = survey.sections[0]
    new_question = f"{base(survey)}/sections/{section.id}/questions/new"
    assert "Stadtteil" in planner_client.get(new_question).get_data(as_text=True)
    planner_client.post(new_question, data={"kind": "yes_no", "text": "Haben Sie Kinder?", "required": "y"})
    children = survey.questions[0]
    page = planner_client.get(new_question + "?kind=long_text").get_data(as_text=True)
    assert f'value="{children.id}:yes"' in page
    response = planner_client.post(new_question, data={"kind": "long_text", "text": "Was fehlt für Kinder?",
                                                       "condition": f"{children.id}:yes"})
    assert response.status_code == 302
    db.session.expire_all()
    wish = survey.questions[1]
    assert (wish.condition_question_id, wish.condition_option_code) == (children.id, "yes")
    more = [{"kind": "single_choice", "text": "Wie kommen Sie hin?", "options": "Bus\nRad"},
            {"kind": "multiple_choice", "text": "Was fehlt?", "options": "Ärzte\nSpielplätze"},
            {"kind": "scale", "text": "Wie wohl fühlen Sie sich?", "min_value": "1", "max_value": "5",
             "scale_min_label": "gar nicht", "scale_max_label": "sehr"},
            {"kind": "short_text", "text": "Ein Wort zum Viertel"},
            {"kind": "number", "text": "Wie viele Jahre wohnen Sie hier?", "min_value": "0"},
            {"kind": "district", "text": "Wo wohnen Sie?", "required": "y"}]
    for data in more:
        assert planner_client.post(new_question, data=data).status_code == 302, data
    assert planner_client.post(base(survey) + "/open").status_code == 302
    db.session.expire_all()
    assert survey.status == "open"
    assert sorted(q.kind for q in survey.questions) == sorted(QUESTION_KINDS)
    for language in survey.languages:
        preview = planner_client.get(f"{base(survey)}/preview/{language}").get_data(as_text=True)
        assert 'name="q_wo_wohnen_sie"' in preview and "5 – sehr" in preview
    overview = planner_client.get(base(survey)).get_data(as_text=True)
    assert f"/s/{survey.short_code}/flyer" in overview
    assert "nur wenn „Haben Sie Kinder?“ = Ja" in overview


def test_question_form_errors_keep_input(planner_client, survey):
    section = survey.sections[0]
    url = f"{base(survey)}/sections/{section.id}/questions/new"
    response = planner_client.post(url, data={"kind": "multiple_choice", "text": "Was nutzen Sie?",
                                              "help_text": "Mehrere möglich"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "mindestens eine Antwortmöglichkeit" in page and "Mehrere möglich" in page
    response = planner_client.post(url, data={"kind": "scale", "text": "Wie zufrieden?", "min_value": "5",
                                              "max_value": "1"})
    assert "kleineren Anfangs- als Endwert" in response.get_data(as_text=True)


def test_condition_pointing_at_a_later_question_is_refused(planner_client, survey):
    years = survey.question_by_code("years")
    topics = survey.question_by_code("topics")
    response = planner_client.post(f"{base(survey)}/questions/{years.id}",
                                   data={"text": years.text, "condition": f"{topics.id}:bus"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="condition-error"' in page and "nur auf eine frühere Frage beziehen" in page
    assert f'value="{topics.id}:bus"' not in page
    db.session.expire_all()
    assert years.condition_question_id is None


def test_editing_wording_of_answered_question_keeps_codes(planner_client, survey):
    answer(survey)
    topics = survey.question_by_code("topics")
    bus = topics.options[0]
    planner_client.post(f"{base(survey)}/questions/{topics.id}", data={"text": "Was zählt für Sie?"})
    planner_client.post(f"{base(survey)}/questions/{topics.id}/options/{bus.id}/rename",
                        data={"label": "Busse und Bahnen"})
    db.session.expire_all()
    assert (topics.text, topics.code) == ("Was zählt für Sie?", "topics")
    assert (bus.label, bus.code) == ("Busse und Bahnen", "bus")


def test_deleting_answered_option_or_question_is_refused_with_explanation(planner_client, survey):
    answer(survey)
    topics = survey.question_by_code("topics")
    bus = topics.options[0]
    response = planner_client.post(f"{base(survey)}/questions/{topics.id}/options/{bus.id}/delete",
                                   follow_redirects=True)
    assert "schon 1-mal gewählt" in response.get_data(as_text=True)
    response = planner_client.post(f"{base(survey)}/questions/{topics.id}/delete", follow_redirects=True)
    assert "kann nicht gelöscht werden" in response.get_data(as_text=True)
    planner_client.post(f"{base(survey)}/questions/{topics.id}/archive")
    db.session.expire_all()
    assert bus in topics.options and topics.archived
    assert db.session.execute(db.select(Response)).scalar_one().answers


def test_copy_creates_a_draft_without_answers(planner_client, survey):
    answer(survey)
    response = planner_client.post(base(survey) + "/copy")
    copy_id = int(re.search(r"/questionnaires/(\d+)", response.headers["Location"]).group(1))
    copy = db.session.get(Questionnaire, copy_id)
    assert copy.status == "draft" and copy.short_code != survey.short_code and copy.responses == []
    assert [q.code for q in copy.questions] == [q.code for q in survey.questions]


def test_preview_renders_every_language_and_stores_nothing(planner_client, survey):
    page = planner_client.get(base(survey) + "/preview/ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and "استطلاع قصير" in page and 'class="preview-banner"' in page
    page = planner_client.get(base(survey) + "/preview/en").get_data(as_text=True)
    assert "Short survey" in page and 'name="q_topics"' in page
    response = planner_client.post(base(survey) + "/preview/de", data={"q_district": "Hafen", "q_children": "no",
                                                                      "q_years": "viele"})
    page = response.get_data(as_text=True)
    assert "Bitte geben Sie eine Zahl ein" in page and 'value="viele"' in page
    assert db.session.execute(db.select(Response)).first() is None
    assert planner_client.get(base(survey) + "/preview/tr").status_code == 404


def test_short_code_errors_appear_at_the_field(planner_client, survey, process):
    other = builder.create_questionnaire(process, "survey", "Zweite Umfrage")
    db.session.commit()
    data = {"title": "Zweite Umfrage", "short_code": "kurz", "languages": ["de"]}
    page = planner_client.post(base(other) + "/settings", data=data).get_data(as_text=True)
    assert 'id="short_code-error"' in page and "schon vergeben" in page
    page = planner_client.post(base(other) + "/settings", data={**data, "short_code": "Nord Stadt!"}).get_data(
        as_text=True)
    assert "Kleinbuchstaben" in page and 'value="nord stadt!"' in page
    response = planner_client.post(base(other) + "/settings", data={
        **data, "short_code": "nordstadt-2027", "opens_at": "2027-03-01", "closes_at": "2027-03-31",
        "intro": "Hallo", "consent_text": "Ich stimme zu.", "thanks_text": "Danke!"})
    assert response.status_code == 302
    db.session.expire_all()
    assert other.short_code == "nordstadt-2027" and other.closes_at > other.opens_at


def test_reordering_with_buttons(planner_client, survey):
    topics = survey.question_by_code("topics")
    playgrounds = topics.options[2]
    planner_client.post(f"{base(survey)}/questions/{topics.id}/options/{playgrounds.id}/up")
    planner_client.post(f"{base(survey)}/sections/{survey.sections[1].id}/move/up")
    db.session.expire_all()
    assert [o.code for o in sorted(topics.options, key=lambda o: o.position)] == ["bus", "playgrounds", "doctors"]
    assert sorted(survey.sections, key=lambda s: s.position)[0].title == "Ihre Meinung"
    assert db.session.execute(db.select(AuditEvent).filter_by(action="item_moved")).scalars().all()


def test_guide_builder_shows_minutes_and_followups(planner_client, process):
    planner_client.post(f"/planning/processes/{process.id}/questionnaires/new/guide",
                        data={"title": "Fokusgruppe Senioren", "guide_type": "focus_group"})
    guide = db.session.execute(db.select(Questionnaire).filter_by(title="Fokusgruppe Senioren")).scalar_one()
    section = guide.sections[0]
    planner_client.post(f"{base(guide)}/sections/{section.id}", data={"title": "Einstieg", "planned_minutes": "15"})
    planner_client.post(f"{base(guide)}/sections/{section.id}/questions/new",
                        data={"kind": "long_text", "text": "Was fehlt Ihnen im Alltag?", "followup": "Wo genau?"})
    page = planner_client.get(base(guide)).get_data(as_text=True)
    assert "15 Minuten" in page and "Wo genau?" in page
    assert "Wo genau?" in planner_client.get(base(guide) + "/preview/de").get_data(as_text=True)


@pytest.mark.csrf
def test_question_form_needs_csrf_token(client, planner, survey):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/login", data={"email": planner.email, "password": "correct horse battery",
                                "csrf_token": token})
    section = survey.sections[0]
    url = f"{base(survey)}/sections/{section.id}/questions/new"
    refused = client.post(url, data={"kind": "yes_no", "text": "Ohne Token?"})
    assert refused.status_code == 400
    page = client.get(url + "?kind=yes_no").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    accepted = client.post(url, data={"kind": "yes_no", "text": "Mit Token?", "csrf_token": token})
    assert accepted.status_code == 302
    db.session.expire_all()
    assert [q.text for q in survey.questions if q.text.endswith("Token?")] == ["Mit Token?"]


def test_question_moves_to_another_section_from_its_form(planner_client, survey):
    years = survey.question_by_code("years")
    second = survey.sections[1]
    page = planner_client.get(f"{base(survey)}/questions/{years.id}").get_data(as_text=True)
    assert "Ihre Meinung" in page and 'name="section_id"' in page
    planner_client.post(f"{base(survey)}/questions/{years.id}", data={"text": years.text, "section_id": second.id})
    db.session.expire_all()
    assert years.section_id == second.id
    childcare = survey.question_by_code("childcare")
    planner_client.post(f"{base(survey)}/sections/{second.id}/move/up")
    response = planner_client.post(f"{base(survey)}/questions/{childcare.id}", data={
        "text": childcare.text, "section_id": second.id,
        "condition": f"{survey.question_by_code('children').id}:yes"})
    assert 'id="section_id-error"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert childcare.section_id != second.id


def test_deleting_a_copied_draft_from_the_builder(planner_client, survey):
    response = planner_client.post(base(survey) + "/copy")
    copy_path = response.headers["Location"]
    assert "Löschen" in planner_client.get(copy_path).get_data(as_text=True)
    response = planner_client.post(copy_path + "/delete")
    assert response.headers["Location"].endswith(f"/planning/processes/{survey.process_id}")
    assert planner_client.get(copy_path).status_code == 404
    refused = planner_client.post(base(survey) + "/delete", follow_redirects=True)
    assert "schließen" in refused.get_data(as_text=True)
    assert db.session.get(Questionnaire, survey.id) is not None


def test_planner_publishes_results_page_from_settings(planner_client, survey, client):
    assert survey.results_published is False
    data = {"title": survey.title, "short_code": survey.short_code, "languages": ["de", "en"],
            "results_published": "y"}
    assert planner_client.post(base(survey) + "/settings", data=data).status_code == 302
    db.session.expire_all()
    assert survey.results_published is True
    data.pop("results_published")
    planner_client.post(base(survey) + "/settings", data=data)
    db.session.expire_all()
    assert survey.results_published is False

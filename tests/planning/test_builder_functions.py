"""The builder's plain functions: codes, answers kept intact, conditions, order, copy, opening."""
import pytest

from participation.extensions import db
from participation.models import AuditEvent, Guide, Question, Survey
from participation.surveys import builder, structure
from participation.surveys.answering import store_response
from participation.surveys.builder import BuilderError


@pytest.fixture(autouse=True)
def request_context(app):
    """Refusal messages are translated, which needs a request to pick the language."""
    with app.test_request_context():
        yield


def answer(survey, values, number=1):
    store_response(survey, values, submission_id=f"test-submission-{number:04d}")


def test_codes_come_from_labels_and_are_unique():
    assert builder.slugify("Ärzte & Praxen in der Nähe") == "aerzte_praxen_in_der_naehe"
    assert builder.slugify("???") == "frage"
    assert builder.unique_code("bus", {"bus", "bus_2"}) == "bus_3"


def test_new_survey_has_every_question_type_with_stable_codes(process):
    survey = builder.create_questionnaire(process, "survey", "Wie lebt es sich hier?")
    section = survey.sections[0]
    for kind in ("single_choice", "multiple_choice", "scale", "short_text", "long_text", "number", "district",
                 "yes_no"):
        structure.add_question(section, kind, f"Frage {kind}", options=["Bus", "Bus", "Ärzte"])
    db.session.commit()
    kinds = [q.kind for q in survey.questions]
    assert len(kinds) == 8 and len({q.code for q in survey.questions}) == 8
    choice = survey.questions[0]
    assert [o.code for o in choice.options] == ["bus", "bus_2", "aerzte"]
    assert survey.questions[2].min_value == 1 and survey.questions[2].max_value == 5
    assert survey.questions[3].options == []
    structure.update_option(choice.options[2], "Ärztinnen und Ärzte")
    assert choice.options[2].code == "aerzte"
    structure.update_question(choice, text="Ganz neue Formulierung")
    assert choice.code == "frage_single_choice"


def test_question_codes_are_unique_across_sections(process):
    survey = builder.create_questionnaire(process, "survey", "Zwei Abschnitte")
    first = structure.add_question(survey.sections[0], "short_text", "Alter")
    second_section = builder.add_section(survey, "Zweiter Teil")
    second = structure.add_question(second_section, "short_text", "Alter")
    assert (first.code, second.code) == ("alter", "alter_2")


def test_answered_question_and_option_are_refused_and_can_be_archived(survey):
    answer(survey, {"district": "Hafen", "children": True, "childcare": "waiting", "topics": ["bus"]})
    childcare = survey.question_by_code("childcare")
    with pytest.raises(BuilderError, match="Antworten"):
        structure.remove_question(survey.question_by_code("topics"))
    bus = survey.question_by_code("topics").options[0]
    with pytest.raises(BuilderError, match="1-mal"):
        structure.remove_option(bus)
    structure.archive_option(bus)
    db.session.commit()
    assert bus.archived and survey.question_by_code("topics").active_options[0].code == "doctors"
    doctors = survey.question_by_code("topics").options[1]
    structure.remove_option(doctors)
    db.session.commit()
    assert [o.code for o in survey.question_by_code("topics").options] == ["bus", "playgrounds"]
    stored = db.session.execute(db.select(Question).filter_by(code="childcare")).scalar_one()
    assert stored is childcare


def test_a_question_others_depend_on_cannot_be_deleted_or_hidden(survey):
    children = survey.question_by_code("children")
    with pytest.raises(BuilderError, match="Bedingung"):
        structure.remove_question(children)
    with pytest.raises(BuilderError, match="Bedingung"):
        structure.archive_question(children)
    yes_option = survey.question_by_code("childcare").options[0]
    structure.remove_option(yes_option)
    assert yes_option not in survey.question_by_code("childcare").options


def test_conditions_must_point_at_an_earlier_choice_question(survey):
    years = survey.question_by_code("years")
    topics = survey.question_by_code("topics")
    missing = survey.question_by_code("missing")
    with pytest.raises(BuilderError, match="Auswahl"):
        structure.set_condition(missing, years, "5")
    with pytest.raises(BuilderError, match="frühere"):
        structure.set_condition(years, topics, "bus")
    with pytest.raises(BuilderError, match="Antwort"):
        structure.set_condition(missing, topics, "no_such_option")
    structure.set_condition(missing, topics, "doctors")
    structure.set_condition(years, survey.question_by_code("district"), "Hafen")
    assert (missing.condition_question, missing.condition_option_code) == (topics, "doctors")
    assert [q.code for q in structure.condition_candidates(survey, before=years)] == [
        "district", "children", "childcare"]


def test_moving_keeps_conditions_in_order(survey):
    first_section = survey.sections[0]
    childcare = survey.question_by_code("childcare")
    with pytest.raises(BuilderError, match="danach"):
        structure.move_item(childcare, "up")
    assert [q.code for q in first_section.questions] == ["district", "children", "childcare", "years"]
    assert structure.move_item(childcare, "down")
    assert [q.code for q in first_section.questions] == ["district", "children", "years", "childcare"]
    assert structure.move_item(survey.question_by_code("district"), "up") is False
    assert structure.move_item(survey.sections[1], "up")
    assert [s.position for s in survey.sections] == [0, 1]
    assert survey.sections[0].questions[0].code == "satisfaction"


def test_copy_is_a_draft_with_new_code_and_no_answers(survey):
    answer(survey, {"district": "Hafen", "children": False})
    structure.archive_question(survey.question_by_code("name_short"))
    copy = builder.copy_questionnaire(survey)
    db.session.commit()
    assert isinstance(copy, Survey) and copy.status == "draft" and copy.responses == []
    assert copy.short_code != survey.short_code
    assert [q.code for q in copy.questions] == [q.code for q in survey.questions if not q.archived]
    childcare = copy.question_by_code("childcare")
    assert childcare.condition_question is copy.question_by_code("children")
    assert copy.translated("title", "en") == "Short survey"
    assert survey.question_by_code("children").id != copy.question_by_code("children").id


def test_opening_needs_a_question_and_options(process):
    survey = builder.create_questionnaire(process, "survey", "Leer")
    with pytest.raises(BuilderError, match="mindestens eine Frage"):
        builder.open_questionnaire(survey)
    structure.add_question(survey.sections[0], "single_choice", "Ohne Antworten")
    with pytest.raises(BuilderError, match="keine Antwortmöglichkeiten"):
        builder.open_questionnaire(survey)
    structure.add_question(survey.sections[0], "yes_no", "Geht es Ihnen gut?")
    structure.archive_question(survey.questions[0])
    builder.open_questionnaire(survey)
    db.session.commit()
    assert survey.status == "open" and survey.is_open()


def test_short_code_rules(survey, process):
    other = builder.create_questionnaire(process, "survey", "Andere")
    assert builder.short_code_error("Gross") is not None
    assert builder.short_code_error("-nord") is not None
    assert builder.short_code_error("kurz", except_id=other.id) is not None
    assert builder.short_code_error("kurz", except_id=survey.id) is None
    with pytest.raises(BuilderError) as refused:
        builder.update_settings(other, short_code="kurz")
    assert refused.value.field == "short_code"


def test_guides_keep_type_minutes_and_followups(process):
    guide = builder.create_questionnaire(process, "guide", "Interviewleitfaden", guide_type="interview")
    builder.update_section(guide.sections[0], title="Einstieg", planned_minutes=10)
    structure.add_question(guide.sections[0], "long_text", "Was fehlt Ihnen?", followup="Wo genau?")
    db.session.commit()
    copy = builder.copy_questionnaire(guide)
    assert isinstance(copy, Guide) and copy.guide_type == "interview"
    assert copy.sections[0].planned_minutes == 10 and copy.questions[0].followup == "Wo genau?"
    with pytest.raises(BuilderError):
        builder.create_questionnaire(process, "guide", "Ohne Art")


def test_every_change_is_audited(process):
    survey = builder.create_questionnaire(process, "survey", "Protokolliert")
    question = structure.add_question(survey.sections[0], "single_choice", "Farbe?", options=["Rot"])
    structure.add_option(question, "Blau")
    structure.move_item(question.options[1], "up")
    db.session.commit()
    actions = db.session.execute(db.select(AuditEvent.action).where(AuditEvent.process_id == process.id)
                                 .order_by(AuditEvent.id)).scalars().all()
    assert actions == ["questionnaire_created", "question_added", "option_added", "item_moved"]


def test_target_group_question_offers_the_process_groups_and_fills_the_breakdown(process):
    survey = builder.create_questionnaire(process, "survey", "Zielgruppen")
    question = structure.add_question(survey.sections[0], "single_choice", "Was trifft auf Sie zu?",
                                    profile_field="target_group")
    builder.open_questionnaire(survey)
    db.session.commit()
    assert [o.label for o in question.options] == ["Familien mit Kindern", "Ältere Menschen"]
    response, _created = store_response(survey, {question.code: question.options[1].code},
                                        submission_id="target-group-0001")
    assert response.target_group == "Ältere Menschen"


def test_a_survey_whose_end_has_passed_cannot_be_opened(process):
    from datetime import timedelta

    from participation.models import utcnow
    survey = builder.create_questionnaire(process, "survey", "Vorbei")
    structure.add_question(survey.sections[0], "yes_no", "Alles gut?")
    builder.update_settings(survey, opens_at=utcnow() - timedelta(days=9), closes_at=utcnow() - timedelta(days=2))
    with pytest.raises(BuilderError, match="Vergangenheit"):
        builder.open_questionnaire(survey)


def test_questions_move_between_sections_only_after_their_condition(survey):
    first, second = survey.sections
    years = survey.question_by_code("years")
    structure.move_question_to_section(years, second)
    assert [q.code for q in second.questions][-1] == "years" and years.position == 4
    assert [q.position for q in first.questions] == [0, 1, 2]
    structure.move_item(second, "up")
    childcare = survey.question_by_code("childcare")
    with pytest.raises(BuilderError, match="danach"):
        structure.move_question_to_section(childcare, survey.sections[0])
    db.session.commit()
    assert childcare.section is first and [q.code for q in first.questions] == ["district", "children", "childcare"]


def test_answered_scale_keeps_its_steps_but_labels_can_change(survey):
    answer(survey, {"district": "Hafen", "children": False, "satisfaction": 4})
    satisfaction = survey.question_by_code("satisfaction")
    with pytest.raises(BuilderError, match="Stufen"):
        structure.update_question(satisfaction, min_value=1, max_value=3)
    structure.update_question(satisfaction, scale_max_label="sehr wohl", min_value=1, max_value=5)
    assert (satisfaction.max_value, satisfaction.scale_max_label) == (5, "sehr wohl")


def test_only_unanswered_closed_questionnaires_can_be_deleted(survey, process):
    with pytest.raises(BuilderError, match="schließen"):
        builder.delete_questionnaire(survey)
    answer(survey, {"district": "Hafen", "children": False})
    builder.close_questionnaire(survey)
    with pytest.raises(BuilderError, match="Antworten"):
        builder.delete_questionnaire(survey)
    draft = builder.copy_questionnaire(survey)
    db.session.commit()
    builder.delete_questionnaire(draft)
    db.session.commit()
    assert [q.id for q in process.questionnaires] == [survey.id]


def test_sections_are_deleted_only_without_answers_and_dependents(survey):
    first, second = survey.sections
    extra = builder.add_section(survey, "Zum Schluss")
    structure.add_question(extra, "long_text", "Noch etwas?", condition=(survey.question_by_code("children"), "no"))
    with pytest.raises(BuilderError, match="hängt"):
        builder.remove_section(first)
    builder.remove_section(second)
    db.session.commit()
    assert [s.title for s in survey.sections] == ["Über Sie", "Zum Schluss"]
    assert [s.position for s in survey.sections] == [0, 1]
    answer(survey, {"district": "Hafen", "children": False})
    with pytest.raises(BuilderError, match="Antworten"):
        builder.remove_section(first)

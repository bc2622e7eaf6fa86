"""Loading what a planner works on, always through the process they may plan (no access by guessed ids)."""
from flask import abort

from ..auth.access import require_planner_of
from ..extensions import db
from ..models import Option, Process, Question, Questionnaire, Section


def load_process(process_id: int) -> Process:
    process = db.session.get(Process, process_id)
    require_planner_of(process)
    return process


def load_questionnaire(process_id: int, questionnaire_id: int) -> Questionnaire:
    process = load_process(process_id)
    questionnaire = db.session.get(Questionnaire, questionnaire_id)
    if questionnaire is None or questionnaire.process_id != process.id:
        abort(404)
    return questionnaire


def load_section(process_id: int, questionnaire_id: int, section_id: int) -> Section:
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    section = db.session.get(Section, section_id)
    if section is None or section.questionnaire_id != questionnaire.id:
        abort(404)
    return section


def load_question(process_id: int, questionnaire_id: int, question_id: int) -> Question:
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    question = db.session.get(Question, question_id)
    if question is None or question.section.questionnaire_id != questionnaire.id:
        abort(404)
    return question


def load_option(process_id: int, questionnaire_id: int, question_id: int, option_id: int) -> Option:
    question = load_question(process_id, questionnaire_id, question_id)
    option = db.session.get(Option, option_id)
    if option is None or option.question_id != question.id:
        abort(404)
    return option

"""Cooperation templates on the survey engine: the anonymous partner survey (Partnerbefragung) and the
interview guide for key people (Schlüsselpersonen).

Both are ordinary surveys and guides, built with surveys.builder / surveys.structure so the builder can
edit them afterwards and the interview flow can use them. Question codes are fixed, and the committee
question's options are coded by committee ("gremium_<id>"), so a wave made with builder.create_wave keeps
them and the Kooperationscheck (cooperation.check) can match waves and committees. The texts are German
content like any survey a planner types; they are translated in the builder's translation view.
"""
from __future__ import annotations

from flask_babel import gettext as _

from .. import audit
from ..extensions import db
from ..models import CooperationQuestionnaire, Questionnaire, Survey
from ..surveys import builder, structure
from . import network

PARTNER_SURVEY, KEY_PERSON_GUIDE = "partner_survey", "key_person_guide"
COMMITTEE_CODE, OPEN_CODE, OTHER_OPTION = "partner_committee", "partner_change", "anderes"
SCALE_LOW, SCALE_HIGH = "trifft gar nicht zu", "trifft voll zu"
# code: statement, rated from 1 (not at all) to 5 (fully)
LIKERT = {
    "partner_goals": "Die Partnerinnen und Partner in unserem Gremium verfolgen gemeinsame Ziele.",
    "partner_trust": "Ich vertraue darauf, dass die anderen Partner Absprachen einhalten.",
    "partner_roles": "Die Rollen und Zuständigkeiten in der Zusammenarbeit sind klar.",
    "partner_benefit": "Die Zusammenarbeit bringt meiner Einrichtung einen Nutzen.",
}
PARTNER_TITLE = "Partnerbefragung: Wie gut arbeiten wir zusammen?"
PARTNER_INTRO = ("Diese Befragung richtet sich an die Partner der Gremien. Sie ist anonym: Wir fragen nicht nach "
                 "Namen oder Kontaktdaten. Ergebnisse werden nur für Gruppen ab der Mindestgröße gezeigt.")
COMMITTEE_QUESTION = "In welchem Gremium arbeiten Sie mit?"
COMMITTEE_HELP = "Wenn Sie in mehreren Gremien sind: das Gremium, an das Sie beim Antworten vor allem denken."
OTHER_LABEL = "Anderes Gremium"
OPEN_QUESTION = "Was sollte sich an der Zusammenarbeit ändern?"

GUIDE_TITLE = "Interview mit Schlüsselpersonen der Zusammenarbeit"
GUIDE_INTRO = ("Leitfaden für Gespräche mit Schlüsselpersonen der beteiligten Einrichtungen. Erklären Sie vorher, "
               "wofür die Antworten genutzt werden, und halten Sie die Einwilligung fest.")
# (section title, [(code, question, narrative prompt, follow-up)])
GUIDE_SECTIONS = [
    ("Geschichte der Zusammenarbeit", [
        ("kp_history", "Wie hat die Zusammenarbeit mit den anderen Einrichtungen begonnen?",
         "Erzählen Sie von einem Moment, in dem die Zusammenarbeit gut funktioniert hat.",
         "Wer war damals dabei, wer ist dazugekommen, wer nicht mehr?")]),
    ("Ressourcen", [
        ("kp_resources", "Was bringt Ihre Einrichtung in die Zusammenarbeit ein?", "",
         "Räume, Personalstunden, Mittel, Zugang zu Gruppen – was davon ist sicher, was befristet?")]),
    ("Interessen", [
        ("kp_interests", "Was möchte Ihre Einrichtung mit der Zusammenarbeit erreichen?", "",
         "Wo decken sich Ihre Anliegen mit denen der anderen, wo nicht?")]),
    ("Hindernisse", [
        ("kp_obstacles", "Was erschwert die Zusammenarbeit?",
         "Denken Sie an eine Absprache, die nicht umgesetzt wurde. Woran lag es?",
         "Wo werden Entscheidungen auf anderen Wegen getroffen?")]),
    ("Erwartungen", [
        ("kp_expectations", "Was erwarten Sie von der Zusammenarbeit in den nächsten zwei Jahren?", "",
         "Was müsste passieren, damit sich der Aufwand für Ihre Einrichtung lohnt?")]),
]


class TemplateError(ValueError):
    """A template could not be applied; the message is for the planner."""


def marked(process, purpose: str) -> list[Questionnaire]:
    """The process's questionnaires made from one template, oldest first."""
    return list(db.session.execute(
        db.select(Questionnaire).join(CooperationQuestionnaire,
                                      CooperationQuestionnaire.questionnaire_id == Questionnaire.id)
        .where(CooperationQuestionnaire.process_id == process.id, CooperationQuestionnaire.purpose == purpose)
        .order_by(Questionnaire.id)).scalars())


def partner_survey_of(process) -> Survey | None:
    """The first wave of the process's partner survey, if there is one."""
    return next(iter(marked(process, PARTNER_SURVEY)), None)


def partner_waves(process) -> list[Survey]:
    """The partner survey and every later wave of it (surveys whose previous_wave chain leads to it)."""
    first = partner_survey_of(process)
    if first is None:
        return []
    chain = {first.id}
    surveys = [survey for survey in process.surveys if survey.process_id == process.id]
    grown = True
    while grown:
        grown = False
        for survey in surveys:
            if survey.id not in chain and survey.previous_wave_id in chain:
                chain.add(survey.id)
                grown = True
    return sorted((survey for survey in surveys if survey.id in chain),
                  key=lambda survey: (survey.wave_number or 1, survey.id))


def is_partner_wave(survey: Questionnaire) -> bool:
    """Whether a survey is a partner survey or a later wave of one (not a survey for residents)."""
    seen = set()
    while survey is not None and survey.id not in seen:
        seen.add(survey.id)
        link = db.session.get(CooperationQuestionnaire, survey.id)
        if link is not None and link.purpose == PARTNER_SURVEY:
            return True
        survey = survey.previous_wave
    return False


def add_new_committees(wave: Survey, user=None) -> list[str]:
    """A new wave of the partner survey also asks about committees founded since the wave before: their
    options (coded by committee) go before "Anderes Gremium". Returns the names added. The caller commits."""
    question = wave.question_by_code(COMMITTEE_CODE)
    if question is None or not is_partner_wave(wave):
        return []
    offered = {option.code for option in question.options}
    added = [committee for committee in network.committees_of(wave.process)
             if f"gremium_{committee.id}" not in offered]
    for committee in added:
        structure.add_option(question, committee.name, user=user).code = f"gremium_{committee.id}"
    last = [option for option in question.options if option.code == OTHER_OPTION]
    for position, option in enumerate([o for o in question.options if o.code != OTHER_OPTION] + last):
        option.position = position
    question.options.sort(key=lambda option: option.position)
    return [committee.name for committee in added]


def _mark(questionnaire: Questionnaire, purpose: str) -> None:
    db.session.add(CooperationQuestionnaire(questionnaire_id=questionnaire.id,
                                            process_id=questionnaire.process_id, purpose=purpose))


def create_partner_survey(process, user=None) -> Survey:
    """The anonymous partner survey as a draft: four statements on a 1–5 scale, the committee question with
    one option per committee of the process, and one open question. The caller commits."""
    if partner_survey_of(process) is not None:
        raise TemplateError(_("Dieser Prozess hat schon eine Partnerbefragung. Legen Sie dort eine neue "
                              "Welle an."))
    committees = network.committees_of(process)
    if not committees:
        raise TemplateError(_("Bitte legen Sie zuerst die Gremien an: Die Partnerbefragung fragt, in welchem "
                              "Gremium jemand mitarbeitet."))
    survey = builder.create_questionnaire(process, "survey", PARTNER_TITLE, user=user)
    survey.languages = ["de"]
    survey.intro = PARTNER_INTRO
    section = survey.sections[0]
    committee = structure.add_question(section, "single_choice", COMMITTEE_QUESTION, help_text=COMMITTEE_HELP,
                                       options=[c.name for c in committees] + [OTHER_LABEL], user=user)
    committee.code = COMMITTEE_CODE
    for option, item in zip(committee.options, committees):
        option.code = f"gremium_{item.id}"
    committee.options[-1].code = OTHER_OPTION
    for code, text in LIKERT.items():
        question = structure.add_question(section, "scale", text, min_value=1, max_value=5,
                                          scale_min_label=SCALE_LOW, scale_max_label=SCALE_HIGH, user=user)
        question.code = code
    structure.add_question(section, "long_text", OPEN_QUESTION, user=user).code = OPEN_CODE
    db.session.flush()
    _mark(survey, PARTNER_SURVEY)
    audit.record("coop_partner_survey_created", survey, user=user, committees=len(committees))
    return survey


def create_key_person_guide(process, user=None) -> Questionnaire:
    """An interview guide for key people (history, resources, interests, obstacles, expectations) as a
    draft in the guide editor. The caller commits."""
    guide = builder.create_questionnaire(process, "guide", GUIDE_TITLE, guide_type="interview", user=user)
    guide.intro = GUIDE_INTRO
    for position, (title, questions) in enumerate(GUIDE_SECTIONS):
        section = guide.sections[0] if position == 0 else builder.add_section(guide, title, user=user)
        section.title = title
        for code, text, prompt, followup in questions:
            structure.add_question(section, "long_text", text, narrative_prompt=prompt, followup=followup,
                                   user=user).code = code
    db.session.flush()
    _mark(guide, KEY_PERSON_GUIDE)
    audit.record("coop_key_person_guide_created", guide, user=user)
    return guide

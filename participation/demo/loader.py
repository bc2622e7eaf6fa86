"""Load the demo process from `demo.content` into the database (only into an empty database)."""
from datetime import date, timedelta

from ..extensions import db
from ..models import Guide, Option, Process, Question, Section, Survey, User, utcnow
from ..surveys.answering import store_response
from .phases import load_phases
from .priorities import load_priority_round

DEMO_LOGINS = (
    ("admin", "admin@beispielstadt.de", "demo-admin"),
    ("planner", "planung@beispielstadt.de", "demo-planung"),
    ("multiplier", "aylin@beispielstadt.de", "demo-multi"),
    ("multiplier", "olena@beispielstadt.de", "demo-multi"),
)
DEMO_NAMES = {"admin@beispielstadt.de": "Admin Beispielstadt", "planung@beispielstadt.de": "Petra Planung",
              "aylin@beispielstadt.de": "Aylin Demir", "olena@beispielstadt.de": "Olena Kovalenko"}


def load_demo_data(outcomes: bool = True) -> bool:
    """Create the demo unless any process exists; return whether it was created.

    With `outcomes` (the default of `flask load-demo` and the first start) the demo also has its published
    themes, strategy, rules and decisions (demo.outcomes) and an earlier survey wave a year before
    (demo.waves); tests of the earlier steps load it without.
    """
    if db.session.execute(db.select(Process.id).limit(1)).first() is not None:
        return False
    from . import content

    process = Process(**content.PROCESS)
    db.session.add(process)
    users = _create_users(process)
    survey = build_questionnaire(Survey, process, content.SURVEY, status="open")
    survey.results_published = True
    interview_guide = build_questionnaire(Guide, process, content.INTERVIEW_GUIDE, status="open")
    focus_guide = build_questionnaire(Guide, process, content.FOCUS_GROUP_GUIDE, status="open")
    multipliers = [u for u in users if u.role == "multiplier"]
    for multiplier in multipliers:
        multiplier.assigned_questionnaires = [survey, interview_guide, focus_guide]
    db.session.commit()

    for number, entry in enumerate(content.responses()):
        questionnaire = survey
        recorder = None
        if entry["channel"] == "peer_interview":
            recorder = multipliers[number % len(multipliers)]
        response, _created = store_response(
            questionnaire, entry["answers"], submission_id=f"demo-response-{number:04d}", channel=entry["channel"],
            language=entry["language"], consent=entry.get("consent", True), recorded_by=recorder,
            translations_de=entry.get("translations_de"))
        response.created_at = utcnow() - timedelta(days=entry.get("days_ago", 0), hours=number % 11)
    for number, session in enumerate(content.focus_group_sessions()):
        response, _created = store_response(
            focus_guide, {}, submission_id=f"demo-focus-group-{number:04d}", channel="focus_group",
            language=session.get("language", "de"), consent=True, recorded_by=multipliers[0],
            items=session["items"], held_on=date.today() - timedelta(days=session.get("held_days_ago", 0)),
            place=session.get("place"), moderator=session.get("moderator"),
            participant_count=session.get("participant_count"), composition=session.get("composition"))
        response.created_at = utcnow() - timedelta(days=session.get("held_days_ago", 0))
    db.session.commit()
    planner = next(user for user in users if user.role == "planner")
    load_phases(process, planner)
    db.session.commit()
    if outcomes:
        from .outcomes import load_outcomes
        load_outcomes(process, planner)
        db.session.commit()
        from .waves import load_earlier_wave
        load_earlier_wave(process, survey)
        from .partner_survey import load_partner_survey
        load_partner_survey(process, planner)
    load_priority_round(process, planner)   # after the outcomes: the round offers the themes published there
    return True


def _create_users(process: Process) -> list[User]:
    users = []
    for role, email, password in DEMO_LOGINS:
        user = User(email=email, name=DEMO_NAMES[email], role=role)
        user.set_password(password)
        user.processes = [process]
        users.append(user)
    db.session.add_all(users)
    return users


def _texts(target, values: dict | None, field: str) -> None:
    """Set German and every translation of one field from a {language: text} dict."""
    for language, text in (values or {}).items():
        target.set_text(field, language, text)


def build_questionnaire(model, process: Process, spec: dict, status: str = "draft"):
    """Build a survey or guide from the plain-dict format of demo_content (also used by tests)."""
    questionnaire = model(process=process, status=status, title="", guide_type=spec.get("guide_type"),
                          languages=list(process.languages), i18n={},
                          incomplete_languages_published=list(spec.get("published_incomplete", [])))
    if spec.get("short_code"):
        questionnaire.short_code = spec["short_code"]
    for field in ("title", "intro", "consent_text", "thanks_text"):
        _texts(questionnaire, spec.get(field), field)
    by_code = {}
    for section_position, section_spec in enumerate(spec["sections"]):
        section = Section(position=section_position, planned_minutes=section_spec.get("planned_minutes"), i18n={})
        _texts(section, section_spec.get("title"), "title")
        _texts(section, section_spec.get("intro"), "intro")
        questionnaire.sections.append(section)
        for position, question_spec in enumerate(section_spec["questions"]):
            question = Question(position=position, code=question_spec["code"], kind=question_spec["kind"],
                                required=question_spec.get("required", False),
                                min_value=question_spec.get("min_value"), max_value=question_spec.get("max_value"),
                                min_choices=question_spec.get("min_choices"),
                                max_choices=question_spec.get("max_choices"),
                                profile_field=question_spec.get("profile_field"), text="", i18n={})
            for field in ("text", "help_text", "narrative_prompt", "followup"):
                _texts(question, question_spec.get(field), field)
            scale_labels = question_spec.get("scale_labels") or {}
            _texts(question, scale_labels.get("min"), "scale_min_label")
            _texts(question, scale_labels.get("max"), "scale_max_label")
            for option_position, option_spec in enumerate(question_spec.get("options") or []):
                option = Option(position=option_position, code=option_spec["code"], label="", i18n={})
                _texts(option, option_spec["label"], "label")
                question.options.append(option)
            condition = question_spec.get("condition")
            if condition:
                question.condition_question = by_code[condition["question"]]
                question.condition_option_code = condition["option"]
            by_code[question.code] = question
            section.questions.append(question)
    db.session.add(questionnaire)
    return questionnaire

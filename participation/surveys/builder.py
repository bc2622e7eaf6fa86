"""Building surveys and guides: plain functions that keep stored answers intact.

Every function changes the session and records an audit event; the caller commits. A change that
would corrupt answers (deleting an answered question or option, changing an answered question's
type, breaking a condition) raises BuilderError with a message for the planner.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func

from .. import audit
from ..extensions import db
from ..models import (
    CHOICE_KINDS,
    Answer,
    Guide,
    Option,
    Process,
    Question,
    Questionnaire,
    Section,
    Survey,
    utcnow,
)
from ..models.questionnaire import GUIDE_TYPES, new_short_code

CONDITION_SOURCE_KINDS = ("single_choice", "multiple_choice", "yes_no", "district")
SHORT_CODE_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
CODE_MAX_LENGTH = 40
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


class BuilderError(ValueError):
    """A change was refused; the message explains why to the planner, `field` names the form field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# --- codes -----------------------------------------------------------------------------------------------

def slugify(text: str, fallback: str = "frage") -> str:
    """A code from a label: lower-case ASCII words joined by underscores ("Ärzte & Praxen" → "aerzte_praxen")."""
    ascii_text = unicodedata.normalize("NFKD", (text or "").translate(GERMAN_LETTERS))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}_{word}" if slug else word
        if len(candidate) > CODE_MAX_LENGTH - 4:
            break
        slug = candidate
    return slug or fallback


def unique_code(base: str, taken) -> str:
    """`base`, or `base_2`, `base_3`, … whichever is not taken yet."""
    taken = set(taken)
    if base not in taken:
        return base
    number = 2
    while f"{base}_{number}" in taken:
        number += 1
    return f"{base}_{number}"


def question_code_for(questionnaire: Questionnaire, text: str) -> str:
    """Question codes are unique within the whole questionnaire, archived questions included."""
    return unique_code(slugify(text, "frage"), (q.code for q in questionnaire.questions))


def option_code_for(question: Question, label: str) -> str:
    return unique_code(slugify(label, "antwort"), (o.code for o in question.options))


# --- answers ---------------------------------------------------------------------------------------------

def question_answer_count(question: Question) -> int:
    """Stored answers, notes and quotes of one question."""
    if question.id is None:
        return 0
    return db.session.execute(
        db.select(func.count(Answer.id)).where(Answer.question_id == question.id)).scalar_one()


def option_answer_count(option: Option) -> int:
    """How many stored answers picked this option."""
    if option.question.id is None:
        return 0
    rows = db.session.execute(
        db.select(Answer.choice_codes).where(Answer.question_id == option.question.id)).scalars()
    return sum(1 for codes in rows if codes and option.code in codes)


def answer_counts(questionnaire: Questionnaire) -> dict[int, int]:
    """{question id: number of stored answers} for the builder's overview (one query)."""
    ids = [q.id for q in questionnaire.questions if q.id is not None]
    if not ids:
        return {}
    return dict(db.session.execute(
        db.select(Answer.question_id, func.count(Answer.id)).where(Answer.question_id.in_(ids))
        .group_by(Answer.question_id)).all())


# --- audit -----------------------------------------------------------------------------------------------

def _record(action: str, obj, questionnaire: Questionnaire, user=None, **details) -> None:
    audit.record(action, obj, process_id=questionnaire.process_id or questionnaire.process.id, user=user,
                 questionnaire_id=questionnaire.id, **details)


# --- processes -------------------------------------------------------------------------------------------

def create_process(creator, **fields) -> Process:
    """A new process; the person who creates it becomes its first member."""
    process = Process(**fields)
    process.members.append(creator)
    db.session.add(process)
    db.session.flush()
    audit.record("process_created", process, user=creator, title=process.title)
    return process


def update_process(process: Process, user=None, **fields) -> None:
    changed = sorted(name for name, value in fields.items() if getattr(process, name) != value)
    for name, value in fields.items():
        setattr(process, name, value)
    audit.record("process_updated", process, user=user, fields=changed)


def add_member(process: Process, member, user=None) -> None:
    if member.role not in ("planner", "admin"):
        raise BuilderError(_("Nur Personen mit der Rolle Planung können einem Prozess zugeordnet werden."))
    if member in process.members:
        raise BuilderError(_("Diese Person gehört schon zum Prozess."))
    process.members.append(member)
    audit.record("process_member_added", process, user=user, member_id=member.id)


# --- questionnaires --------------------------------------------------------------------------------------

def create_questionnaire(process: Process, kind: str, title: str, guide_type: str | None = None,
                         user=None) -> Questionnaire:
    """A draft survey or guide with one empty section, offered in the process's languages."""
    if kind == "guide" and guide_type not in GUIDE_TYPES:
        raise BuilderError(_("Bitte wählen Sie, ob der Leitfaden für Interviews oder Fokusgruppen ist."),
                           "guide_type")
    model = Guide if kind == "guide" else Survey
    questionnaire = model(title=title.strip(), guide_type=guide_type if kind == "guide" else None,
                          languages=list(process.languages or ["de"]), i18n={}, short_code=free_short_code(),
                          sections=[Section(position=0, title="", i18n={})])
    db.session.add(questionnaire)
    questionnaire.process = process
    db.session.flush()
    _record("questionnaire_created", questionnaire, questionnaire, user, kind=questionnaire.kind)
    return questionnaire


def free_short_code() -> str:
    while True:
        code = new_short_code()
        if not short_code_taken(code):
            return code


def short_code_taken(code: str, except_id: int | None = None) -> bool:
    query = db.select(Questionnaire.id).where(Questionnaire.short_code == code)
    if except_id is not None:
        query = query.where(Questionnaire.id != except_id)
    return db.session.execute(query.limit(1)).first() is not None


def short_code_error(code: str, except_id: int | None = None) -> str | None:
    """Why a short code can't be used, or None when it is fine."""
    if not SHORT_CODE_PATTERN.fullmatch(code or ""):
        return _("Bitte nur Kleinbuchstaben (a–z), Ziffern und Bindestriche verwenden, 1 bis 40 Zeichen, "
                 "nicht mit einem Bindestrich beginnen oder enden.")
    if short_code_taken(code, except_id):
        return _("Diese Kurzadresse ist schon vergeben. Bitte wählen Sie eine andere.")
    return None


def update_settings(questionnaire: Questionnaire, user=None, **fields) -> None:
    """Texts, dates, languages and short code; validated so the caller can show the message at the field."""
    if "short_code" in fields:
        error = short_code_error(fields["short_code"], questionnaire.id)
        if error:
            raise BuilderError(error, "short_code")
    opens_at, closes_at = fields.get("opens_at", questionnaire.opens_at), fields.get(
        "closes_at", questionnaire.closes_at)
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        raise BuilderError(_("Das Ende muss nach dem Beginn liegen."), "closes_at")
    if "guide_type" in fields and questionnaire.kind == "guide" and fields["guide_type"] not in GUIDE_TYPES:
        raise BuilderError(_("Bitte wählen Sie, ob der Leitfaden für Interviews oder Fokusgruppen ist."),
                           "guide_type")
    changed = sorted(name for name, value in fields.items() if getattr(questionnaire, name) != value)
    for name, value in fields.items():
        setattr(questionnaire, name, value)
    _record("questionnaire_updated", questionnaire, questionnaire, user, fields=changed)


def delete_questionnaire(questionnaire: Questionnaire, user=None) -> None:
    """Delete a survey or guide nobody has answered yet (a copy made by mistake, an abandoned draft)."""
    if questionnaire.responses:
        raise BuilderError(_("Dieser Fragebogen hat schon Antworten und kann nicht gelöscht werden. "
                             "Sie können ihn schließen."))
    if questionnaire.status == "open":
        raise BuilderError(_("Bitte schließen Sie den Fragebogen, bevor Sie ihn löschen."))
    _record("questionnaire_deleted", questionnaire, questionnaire, user, title=questionnaire.title)
    db.session.delete(questionnaire)


def open_problems(questionnaire: Questionnaire) -> list[str]:
    """What must be fixed before residents or multipliers can answer."""
    questions = [q for q in questionnaire.questions if not q.archived]
    problems = []
    if not questions:
        problems.append(_("Bitte legen Sie mindestens eine Frage an."))
    if questionnaire.closes_at is not None and questionnaire.closes_at < utcnow():
        problems.append(_("Das Ende liegt in der Vergangenheit. Bitte ändern Sie es in den Einstellungen."))
    for question in questions:
        if question.kind in CHOICE_KINDS and not question.active_options:
            problems.append(_("Die Frage „%(question)s“ hat keine Antwortmöglichkeiten.", question=question.text))
    if questionnaire.kind != "guide" and any(q.kind == "district" for q in questions) \
            and not questionnaire.process.districts:
        problems.append(_("Für die Stadtteil-Frage sind im Prozess keine Stadtteile eingetragen."))
    return problems


def open_questionnaire(questionnaire: Questionnaire, user=None) -> None:
    problems = open_problems(questionnaire)
    if problems:
        raise BuilderError(" ".join(problems))
    questionnaire.status = "open"
    _record("questionnaire_opened", questionnaire, questionnaire, user)


def close_questionnaire(questionnaire: Questionnaire, user=None) -> None:
    questionnaire.status = "closed"
    _record("questionnaire_closed", questionnaire, questionnaire, user)


def copy_questionnaire(source: Questionnaire, user=None, title: str | None = None) -> Questionnaire:
    """A draft with the same texts, translations and structure, a new short code and no answers.

    Archived questions and options are left out; codes stay the same so a second wave is comparable.
    """
    process = source.process
    copy = type(source)(guide_type=source.guide_type, status="draft",
                        title=title or _("%(title)s (Kopie)", title=source.title), short_code=free_short_code(),
                        intro=source.intro, consent_text=source.consent_text, thanks_text=source.thanks_text,
                        i18n=_deep_copy(source.i18n), languages=list(source.languages or ["de"]))
    db.session.add(copy)
    copy.process = process
    copied_questions: dict[int, Question] = {}
    for section in source.sections:
        new_section = Section(position=section.position, title=section.title, intro=section.intro,
                              planned_minutes=section.planned_minutes, i18n=_deep_copy(section.i18n))
        copy.sections.append(new_section)
        for question in section.active_questions:
            new_question = Question(
                position=question.position, code=question.code, kind=question.kind, text=question.text,
                help_text=question.help_text, narrative_prompt=question.narrative_prompt, followup=question.followup,
                required=question.required,
                min_value=question.min_value, max_value=question.max_value,
                scale_min_label=question.scale_min_label, scale_max_label=question.scale_max_label,
                max_length=question.max_length, min_choices=question.min_choices, max_choices=question.max_choices,
                profile_field=question.profile_field,
                condition_option_code=question.condition_option_code, i18n=_deep_copy(question.i18n))
            if question.condition_question_id in copied_questions:
                new_question.condition_question = copied_questions[question.condition_question_id]
            else:
                new_question.condition_option_code = None
            for option in question.active_options:
                new_question.options.append(Option(position=option.position, code=option.code, label=option.label,
                                                   i18n=_deep_copy(option.i18n)))
            new_section.questions.append(new_question)
            copied_questions[question.id] = new_question
    db.session.flush()
    _record("questionnaire_copied", copy, copy, user, source_id=source.id)
    return copy


def create_wave(source: Questionnaire, user=None) -> Questionnaire:
    """The survey once more as its next wave: a copy (same question and option codes, so the waves can be
    compared) that points at `source`, with its own short code, a draft until a planner opens it."""
    if source.kind != "survey":
        raise BuilderError(_("Nur Umfragen können als neue Welle wiederholt werden."))
    wave = copy_questionnaire(source, user, title=source.title)
    wave.previous_wave = source
    wave.wave_number = (source.wave_number or 1) + 1
    db.session.flush()
    _record("survey_wave_created", wave, wave, user, previous_wave_id=source.id, wave_number=wave.wave_number)
    return wave


def _deep_copy(translations: dict | None) -> dict:
    return {language: dict(fields) for language, fields in (translations or {}).items()}


# --- sections --------------------------------------------------------------------------------------------

def add_section(questionnaire: Questionnaire, title: str = "", intro: str = "", planned_minutes: int | None = None,
                user=None) -> Section:
    section = Section(position=len(questionnaire.sections), title=title.strip(), intro=intro.strip(),
                      planned_minutes=planned_minutes, i18n={})
    questionnaire.sections.append(section)
    db.session.flush()
    _record("section_added", section, questionnaire, user)
    return section


def update_section(section: Section, user=None, **fields) -> None:
    for name, value in fields.items():
        setattr(section, name, value)
    _record("section_updated", section, section.questionnaire, user, fields=sorted(fields))


def remove_section(section: Section, user=None) -> None:
    """Delete an empty or unanswered section; refuse when answers or conditions depend on it."""
    questionnaire = section.questionnaire
    answered = [q for q in section.questions if question_answer_count(q)]
    if answered:
        raise BuilderError(_("Dieser Abschnitt enthält Fragen mit Antworten und kann nicht gelöscht werden. "
                             "Sie können die einzelnen Fragen ausblenden."))
    ids = {q.id for q in section.questions}
    dependents = [q for q in questionnaire.questions if q.condition_question_id in ids and q.section is not section]
    if dependents:
        raise BuilderError(_("Die Frage „%(question)s“ hängt von einer Frage in diesem Abschnitt ab. "
                             "Bitte ändern Sie zuerst deren Bedingung.", question=dependents[0].text))
    if len(questionnaire.sections) == 1:
        raise BuilderError(_("Ein Fragebogen braucht mindestens einen Abschnitt."))
    _record("section_removed", section, questionnaire, user, title=section.title)
    questionnaire.sections.remove(section)
    _renumber(questionnaire.sections)



def _renumber(items) -> None:
    for position, item in enumerate(sorted(items, key=lambda i: i.position)):
        item.position = position


def local_day_bounds(day, timezone_name: str, end: bool = False) -> datetime | None:
    """The start (or end) of a calendar day in the municipality's time zone, as an aware datetime."""
    from datetime import time
    from zoneinfo import ZoneInfo
    if day is None:
        return None
    moment = time(23, 59, 59) if end else time(0, 0)
    return datetime.combine(day, moment, tzinfo=ZoneInfo(timezone_name))

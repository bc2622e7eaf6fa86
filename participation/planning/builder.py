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
    CHOICE_KINDS, QUESTION_KINDS, Answer, Guide, Option, Process, Question, Questionnaire, Section, Survey, utcnow,
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


def copy_questionnaire(source: Questionnaire, user=None) -> Questionnaire:
    """A draft with the same texts, translations and structure, a new short code and no answers.

    Archived questions and options are left out; codes stay the same so a second wave is comparable.
    """
    process = source.process
    copy = type(source)(guide_type=source.guide_type, status="draft",
                        title=_("%(title)s (Kopie)", title=source.title), short_code=free_short_code(),
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
                help_text=question.help_text, followup=question.followup, required=question.required,
                min_value=question.min_value, max_value=question.max_value,
                scale_min_label=question.scale_min_label, scale_max_label=question.scale_max_label,
                max_length=question.max_length, profile_field=question.profile_field,
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


# --- questions -------------------------------------------------------------------------------------------

def add_question(section: Section, kind: str, text: str, *, required: bool = False, help_text: str = "",
                 followup: str = "", options: list[str] | None = None, min_value: int | None = None,
                 max_value: int | None = None, scale_min_label: str = "", scale_max_label: str = "",
                 max_length: int | None = None, condition: tuple[Question, str] | None = None,
                 profile_field: str | None = None, user=None) -> Question:
    """Append a question to a section; choice questions get their options (codes from the labels).

    A single-choice question with profile_field "target_group" offers the process's target groups
    when no options are given, so its answers fill the reach dashboard's target-group breakdown.
    """
    if kind not in QUESTION_KINDS:
        raise BuilderError(_("Diese Fragenart gibt es nicht."))
    questionnaire = section.questionnaire
    if profile_field == "target_group" and kind == "single_choice" and not any(o.strip() for o in options or []):
        options = list(questionnaire.process.target_groups or [])
        if not options:
            raise BuilderError(_("Im Prozess sind noch keine Zielgruppen eingetragen."), "target_group")
    question = Question(position=len(section.questions), kind=kind, text=text.strip(),
                        code=question_code_for(questionnaire, text), i18n={})
    section.questions.append(question)
    _set_question_fields(question, required=required, help_text=help_text, followup=followup,
                         min_value=min_value, max_value=max_value, scale_min_label=scale_min_label,
                         scale_max_label=scale_max_label, max_length=max_length)
    if kind == "district":
        question.profile_field = "district"
    elif kind == "single_choice" and profile_field == "target_group":
        question.profile_field = "target_group"
    if kind in CHOICE_KINDS:
        for label in options or []:
            if label.strip():
                _append_option(question, label)
    db.session.flush()
    if condition is not None:
        try:
            set_condition(question, *condition, record=False)
        except BuilderError:
            section.questions.remove(question)
            raise
    _record("question_added", question, questionnaire, user, code=question.code, kind=kind)
    return question


def _set_question_fields(question: Question, **fields) -> None:
    if question.kind == "scale":
        low = fields.get("min_value") if fields.get("min_value") is not None else 1
        high = fields.get("max_value") if fields.get("max_value") is not None else 5
        if high <= low or high - low > 10:
            raise BuilderError(_("Eine Skala braucht einen kleineren Anfangs- als Endwert und höchstens 11 Stufen."),
                               "max_value")
        fields.update(min_value=low, max_value=high)
    if question.kind == "number" and None not in (fields.get("min_value"), fields.get("max_value")) \
            and fields["max_value"] < fields["min_value"]:
        raise BuilderError(_("Der größte Wert muss mindestens so groß sein wie der kleinste."), "max_value")
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        setattr(question, name, value)


def update_question(question: Question, user=None, **fields) -> None:
    """Change wording and settings; the code and the type stay, so stored answers keep their meaning."""
    current = {name: getattr(question, name) for name in ("min_value", "max_value")}
    merged = {**current, **fields}
    if question.kind == "scale" and _scale_steps(merged) != _scale_steps(current) and question_answer_count(question):
        raise BuilderError(_("Auf diese Skala gibt es schon Antworten. Ihre Stufen bleiben deshalb gleich; "
                             "Sie können die Beschriftungen ändern."), "max_value")
    _set_question_fields(question, **merged)
    _record("question_updated", question, question.section.questionnaire, user, code=question.code,
            fields=sorted(fields))


def _scale_steps(values: dict) -> tuple[int, int]:
    low, high = values.get("min_value"), values.get("max_value")
    return (1 if low is None else low), (5 if high is None else high)


def remove_question(question: Question, user=None) -> None:
    """Delete a question without answers; refuse (and point to archiving) when it has any."""
    count = question_answer_count(question)
    if count:
        raise BuilderError(_("Auf diese Frage gibt es schon %(count)d Antworten. Sie kann nicht gelöscht werden, "
                             "damit die Antworten erhalten bleiben. Sie können sie stattdessen ausblenden.",
                             count=count))
    _refuse_if_condition_source(question)
    section = question.section
    _record("question_removed", question, section.questionnaire, user, code=question.code)
    section.questions.remove(question)
    _renumber(section.questions)


def archive_question(question: Question, user=None) -> None:
    """Hide a question from new answers; its stored answers stay and stay exportable."""
    _refuse_if_condition_source(question)
    question.archived = True
    _record("question_archived", question, question.section.questionnaire, user, code=question.code)


def restore_question(question: Question, user=None) -> None:
    question.archived = False
    _record("question_restored", question, question.section.questionnaire, user, code=question.code)


def _refuse_if_condition_source(question: Question) -> None:
    dependents = [q for q in question.section.questionnaire.questions
                  if q.condition_question is question and not q.archived]
    if dependents:
        raise BuilderError(_("Die Frage „%(question)s“ wird nur abhängig von dieser Frage gezeigt. "
                             "Bitte entfernen Sie zuerst deren Bedingung.", question=dependents[0].text))


def ordered_questions(questionnaire: Questionnaire) -> list[Question]:
    return [q for section in sorted(questionnaire.sections, key=lambda s: s.position)
            for q in sorted(section.questions, key=lambda q: q.position)]


def condition_candidates(questionnaire: Questionnaire, before: Question | None = None,
                         section: Section | None = None) -> list[Question]:
    """Questions a condition may point at: earlier, not archived, with fixed answers."""
    candidates = []
    for question in ordered_questions(questionnaire):
        if question is before:
            break
        if section is not None and question.section.position > section.position:
            break
        if question.kind in CONDITION_SOURCE_KINDS and not question.archived:
            candidates.append(question)
    return candidates


def condition_answers(question: Question) -> list[tuple[str, str]]:
    """(code, German label) of the answers a condition on this question can require."""
    if question.kind == "yes_no":
        return [("yes", _("Ja")), ("no", _("Nein"))]
    if question.kind == "district":
        return [(name, name) for name in (question.section.questionnaire.process.districts or [])]
    return [(option.code, option.label) for option in question.active_options]


def condition_error(question: Question, source: Question | None, option_code: str | None) -> str | None:
    if source is None:
        return None
    questionnaire = question.section.questionnaire
    if source.section.questionnaire is not questionnaire:
        return _("Die Bedingung muss sich auf eine Frage desselben Fragebogens beziehen.")
    if source.kind not in CONDITION_SOURCE_KINDS:
        return _("Eine Bedingung kann sich nur auf eine Auswahl-, Ja/Nein- oder Stadtteil-Frage beziehen.")
    order = ordered_questions(questionnaire)
    if source is question or order.index(source) > order.index(question):
        return _("Eine Bedingung kann sich nur auf eine frühere Frage beziehen. "
                 "Bitte verschieben Sie die Frage „%(question)s“ weiter nach vorn.", question=source.text)
    if option_code not in dict(condition_answers(source)):
        return _("Bitte wählen Sie eine Antwort der Frage „%(question)s“.", question=source.text)
    return None


def set_condition(question: Question, source: Question | None, option_code: str | None = None, *,
                  user=None, record: bool = True) -> None:
    """Show `question` only when `source` was answered with `option_code` (None removes the condition)."""
    error = condition_error(question, source, option_code)
    if error:
        raise BuilderError(error, "condition")
    question.condition_question = source
    question.condition_option_code = option_code if source is not None else None
    if record:
        _record("question_condition_set", question, question.section.questionnaire, user, code=question.code,
                source=source.code if source else None, option=question.condition_option_code)


def _conditions_in_order(questionnaire: Questionnaire) -> str | None:
    order = ordered_questions(questionnaire)
    for question in order:
        source = question.condition_question
        if source is not None and source in order and order.index(source) > order.index(question):
            return _("Die Frage „%(question)s“ hängt von „%(source)s“ ab und muss danach kommen.",
                     question=question.text, source=source.text)
    return None


# --- options ---------------------------------------------------------------------------------------------

def _append_option(question: Question, label: str) -> Option:
    option = Option(position=len(question.options), code=option_code_for(question, label), label=label.strip(),
                    i18n={})
    question.options.append(option)
    return option


def add_option(question: Question, label: str, user=None) -> Option:
    if question.kind not in CHOICE_KINDS:
        raise BuilderError(_("Nur Auswahlfragen haben eigene Antwortmöglichkeiten."))
    if not label.strip():
        raise BuilderError(_("Bitte geben Sie einen Text für die Antwortmöglichkeit ein."))
    option = _append_option(question, label)
    db.session.flush()
    _record("option_added", option, question.section.questionnaire, user, question=question.code, code=option.code)
    return option


def update_option(option: Option, label: str, user=None) -> None:
    """Change the wording; the code stays, so stored answers keep pointing at this option."""
    if not label.strip():
        raise BuilderError(_("Bitte geben Sie einen Text für die Antwortmöglichkeit ein."))
    option.label = label.strip()
    _record("option_updated", option, option.question.section.questionnaire, user, code=option.code)


def remove_option(option: Option, user=None) -> None:
    """Delete an option nobody chose; refuse when answers or a condition use it."""
    count = option_answer_count(option)
    if count:
        raise BuilderError(_("Diese Antwort wurde schon %(count)d-mal gewählt. Sie kann nicht gelöscht werden, "
                             "damit die Antworten erhalten bleiben. Sie können sie stattdessen ausblenden.",
                             count=count))
    _refuse_if_option_in_condition(option)
    question = option.question
    _record("option_removed", option, question.section.questionnaire, user, code=option.code)
    question.options.remove(option)
    _renumber(question.options)


def archive_option(option: Option, user=None) -> None:
    """No longer offered; answers that chose it stay readable."""
    _refuse_if_option_in_condition(option)
    option.archived = True
    _record("option_archived", option, option.question.section.questionnaire, user, code=option.code)


def restore_option(option: Option, user=None) -> None:
    option.archived = False
    _record("option_restored", option, option.question.section.questionnaire, user, code=option.code)


def _refuse_if_option_in_condition(option: Option) -> None:
    question = option.question
    dependents = [q for q in question.section.questionnaire.questions
                  if q.condition_question is question and q.condition_option_code == option.code]
    if dependents:
        raise BuilderError(_("Die Frage „%(question)s“ wird nur bei dieser Antwort gezeigt. "
                             "Bitte ändern Sie zuerst deren Bedingung.", question=dependents[0].text))


# --- order -----------------------------------------------------------------------------------------------

def _siblings(item) -> list:
    if isinstance(item, Section):
        return item.questionnaire.sections
    if isinstance(item, Question):
        return item.section.questions
    if isinstance(item, Option):
        return item.question.options
    raise TypeError(f"cannot move {item!r}")


def _questionnaire_of(item) -> Questionnaire:
    if isinstance(item, Section):
        return item.questionnaire
    if isinstance(item, Question):
        return item.section.questionnaire
    return item.question.section.questionnaire


def move_item(item, direction: str, user=None) -> bool:
    """Swap a section, question or option with its neighbour ("up" or "down"); False at either end.

    A move that would put a question before the question its condition depends on is refused.
    """
    siblings = sorted(_siblings(item), key=lambda s: s.position)
    _renumber(siblings)
    index = siblings.index(item)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(siblings):
        return False
    neighbour = siblings[target]
    item.position, neighbour.position = neighbour.position, item.position
    questionnaire = _questionnaire_of(item)
    _resort(questionnaire)
    error = _conditions_in_order(questionnaire)
    if error:
        item.position, neighbour.position = neighbour.position, item.position
        _resort(questionnaire)
        raise BuilderError(error)
    _record("item_moved", item, questionnaire, user, direction=direction)
    return True


def move_question_to_section(question: Question, target: Section, user=None) -> None:
    """Put a question at the end of another section of the same questionnaire (conditions stay in order)."""
    source = question.section
    questionnaire = source.questionnaire
    if target is source:
        return
    if target.questionnaire is not questionnaire:
        raise BuilderError(_("Der Abschnitt gehört zu einem anderen Fragebogen."), "section_id")
    old_position, new_position = question.position, len(target.questions)
    question.section = target
    question.position = new_position
    _renumber(source.questions)
    _resort(questionnaire)
    error = _conditions_in_order(questionnaire)
    if error:
        for other in source.questions:
            if other.position >= old_position:
                other.position += 1
        question.section = source
        question.position = old_position
        _resort(questionnaire)
        raise BuilderError(error, "section_id")
    _record("question_moved_to_section", question, questionnaire, user, code=question.code, section_id=target.id)


def _renumber(items) -> None:
    for position, item in enumerate(sorted(items, key=lambda i: i.position)):
        item.position = position


def _resort(questionnaire: Questionnaire) -> None:
    """Keep the loaded relationship lists in position order after positions changed."""
    questionnaire.sections.sort(key=lambda s: s.position)
    for section in questionnaire.sections:
        section.questions.sort(key=lambda q: q.position)
        for question in section.questions:
            question.options.sort(key=lambda o: o.position)


def local_day_bounds(day, timezone_name: str, end: bool = False) -> datetime | None:
    """The start (or end) of a calendar day in the municipality's time zone, as an aware datetime."""
    from datetime import time
    from zoneinfo import ZoneInfo
    if day is None:
        return None
    moment = time(23, 59, 59) if end else time(0, 0)
    return datetime.combine(day, moment, tzinfo=ZoneInfo(timezone_name))

"""Questions, options, display conditions and order inside a survey or guide, keeping stored answers intact.

Every function changes the session and records an audit event; the caller commits. A change that would
corrupt answers raises BuilderError with a message for the planner.
"""
from __future__ import annotations

from flask_babel import gettext as _

from ..extensions import db
from ..models import (
    CHOICE_KINDS,
    QUESTION_KINDS,
    Option,
    Question,
    Questionnaire,
    Section,
)
from .builder import (
    CONDITION_SOURCE_KINDS,
    BuilderError,
    _record,
    _renumber,
    option_answer_count,
    option_code_for,
    question_answer_count,
    question_code_for,
)

# --- questions -------------------------------------------------------------------------------------------

# Offered when a planner marks a question as the age band question and types no options. The codes are
# the ones the reach dashboard and the k-anonymous data export know (privacy.k_anonymity.WIDE_AGE_BANDS).
STANDARD_AGE_BANDS = (("u18", "unter 18 Jahre"), ("18_29", "18 bis 29 Jahre"), ("30_49", "30 bis 49 Jahre"),
                      ("50_64", "50 bis 64 Jahre"), ("65_79", "65 bis 79 Jahre"), ("80plus", "80 Jahre und älter"),
                      ("na", "möchte ich nicht sagen"))
PROFILE_FIELDS = ("target_group", "age_band")

def add_question(section: Section, kind: str, text: str, *, required: bool = False, help_text: str = "",
                 narrative_prompt: str = "", followup: str = "", options: list[str] | None = None, min_value: int | None = None,
                 max_value: int | None = None, scale_min_label: str = "", scale_max_label: str = "",
                 max_length: int | None = None, condition: tuple[Question, str] | None = None,
                 profile_field: str | None = None, min_choices: int | None = None, max_choices: int | None = None,
                 user=None) -> Question:
    """Append a question to a section; choice questions get their options (codes from the labels).

    A single-choice question with profile_field "target_group" offers the process's target groups
    when no options are given, so its answers fill the reach dashboard's target-group breakdown; one with
    "age_band" offers the standard age bands, which the dashboard's age quotas and the export know.
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
    _set_question_fields(question, required=required, help_text=help_text, narrative_prompt=narrative_prompt,
                         followup=followup, min_value=min_value, max_value=max_value,
                         scale_min_label=scale_min_label, scale_max_label=scale_max_label, max_length=max_length,
                         min_choices=min_choices, max_choices=max_choices)
    if kind == "district":
        question.profile_field = "district"
    elif kind == "single_choice" and profile_field in PROFILE_FIELDS:
        question.profile_field = profile_field
    if kind == "single_choice" and profile_field == "age_band" and not any(o.strip() for o in options or []):
        for code, label in STANDARD_AGE_BANDS:
            question.options.append(Option(position=len(question.options), code=code, label=label, i18n={}))
    elif kind in CHOICE_KINDS:
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
    if question.kind != "multiple_choice":
        fields.update(min_choices=None, max_choices=None)
    elif None not in (fields.get("min_choices"), fields.get("max_choices")) \
            and fields["max_choices"] < fields["min_choices"]:
        raise BuilderError(_("Die Höchstzahl der Antworten darf nicht kleiner sein als die Mindestzahl."), "max_choices")
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


def _resort(questionnaire: Questionnaire) -> None:
    """Keep the loaded relationship lists in position order after positions changed."""
    questionnaire.sections.sort(key=lambda s: s.position)
    for section in questionnaire.sections:
        section.questions.sort(key=lambda q: q.position)
        for question in section.questions:
            question.options.sort(key=lambda o: o.position)

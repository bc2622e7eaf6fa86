"""Validating and storing answers to a survey or guide — the same rules for every channel.

Values use plain Python types: str for text, int/float for number and scale, bool for yes/no,
an option code for single choice, a list of codes for multiple choice, the district's name for
a district question. Functions here need an app context (messages are translated) but no request.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import insert, inspect
from sqlalchemy.exc import IntegrityError

from ..analysis.languages import detect_language
from ..extensions import db
from ..models import Answer, Question, Questionnaire, Response

SUBMISSION_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class ParsedAnswers:
    """Form input turned into values, plus what the person typed (to show it again on errors)."""
    values: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    warnings: dict = field(default_factory=dict)   # choice limits broken where they only warn (paper)


def clean_text(text: str) -> str:
    """Drop control characters (they break exports and terminals); keep every script and newlines."""
    return CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n")).strip()


def is_visible(question: Question, values: dict) -> bool:
    """A conditional question is shown only when its earlier question has the chosen option."""
    condition = question.condition_question
    if condition is None or not question.condition_option_code:
        return True
    answer = values.get(condition.code)
    wanted = question.condition_option_code
    if condition.kind == "yes_no":
        return answer is not None and ("yes" if answer else "no") == wanted
    if isinstance(answer, list):
        return wanted in answer
    return answer == wanted


def choice_codes(question: Question, process) -> list[str]:
    if question.kind == "district":
        return list(process.districts or [])
    if question.kind == "yes_no":
        return ["yes", "no"]
    return [option.code for option in question.active_options]


def parse_number(raw: str) -> float | None:
    """Accept "12", "12,5" and "12.5"; return None when it is no number."""
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"[+-]?\d{1,12}([.,]\d{1,6})?", text) is None:
        return None
    number = float(text.replace(",", "."))
    return int(number) if number.is_integer() else number


def choice_limit_error(question: Question, count: int) -> str | None:
    """Too few or too many ticks on a multiple-choice question with limits; no answer is left to `required`."""
    low, high = question.min_choices, question.max_choices
    if question.kind != "multiple_choice" or count == 0 or (
            (low is None or count >= low) and (high is None or count <= high)):
        return None
    chosen = _("Gewählt: %(count)d.", count=count)
    return f"{choice_limit_hint(question)} {chosen}"


def choice_limit_hint(question: Question) -> str:
    """The limits of a multiple-choice question as residents and paper sheets read them ("" without limits)."""
    low, high = question.min_choices, question.max_choices
    if question.kind != "multiple_choice" or (low is None and high is None):
        return ""
    if low is not None and high is not None:
        if low == high:
            return ngettext("Bitte wählen Sie genau %(num)d Antwort.", "Bitte wählen Sie genau %(num)d Antworten.", low)
        return _("Bitte wählen Sie %(low)d bis %(high)d Antworten.", low=low, high=high)
    if high is not None:
        return ngettext("Bitte wählen Sie höchstens %(num)d Antwort.", "Bitte wählen Sie höchstens %(num)d Antworten.",
                        high)
    return ngettext("Bitte wählen Sie mindestens %(num)d Antwort.", "Bitte wählen Sie mindestens %(num)d Antworten.",
                    low)


def parse_question(question: Question, process, raw_values: list[str],
                   enforce_limits: bool = True) -> tuple[object, str | None]:
    """Turn the submitted strings of one question into a value, or an error message.

    `enforce_limits=False` accepts a multiple choice outside its limits (paper entry warns instead).
    """
    raw_values = [value for value in raw_values if value is not None]
    first = raw_values[0].strip() if raw_values else ""
    kind = question.kind
    if kind == "multiple_choice":
        codes = [value for value in dict.fromkeys(v.strip() for v in raw_values) if value]
        allowed = choice_codes(question, process)
        if any(code not in allowed for code in codes):
            return None, _("Bitte wählen Sie nur aus den angebotenen Antworten.")
        limit_error = choice_limit_error(question, len(codes)) if enforce_limits else None
        if limit_error:
            return None, limit_error
        return (codes or None), None
    if not first:
        return None, None
    if kind in ("short_text", "long_text"):
        text = clean_text(first)
        limit = question.text_limit()
        if len(text) > limit:
            return None, _("Bitte kürzen Sie Ihre Antwort auf höchstens %(limit)d Zeichen (jetzt: %(length)d).",
                           limit=limit, length=len(text))
        return (text or None), None
    if kind in ("number", "scale"):
        number = parse_number(first)
        if number is None:
            return None, _("Bitte geben Sie eine Zahl ein, zum Beispiel 3.")
        low, high = question.min_value, question.max_value
        if kind == "scale":
            low, high = (low if low is not None else 1), (high if high is not None else 5)
            if not float(number).is_integer():
                return None, _("Bitte wählen Sie einen Wert auf der Skala.")
        if (low is not None and number < low) or (high is not None and number > high):
            if low is not None and high is not None:
                return None, _("Bitte geben Sie eine Zahl von %(low)s bis %(high)s ein.", low=low, high=high)
            if low is not None:
                return None, _("Bitte geben Sie eine Zahl ab %(low)s ein.", low=low)
            return None, _("Bitte geben Sie eine Zahl bis %(high)s ein.", high=high)
        return number, None
    if first not in choice_codes(question, process):
        return None, _("Bitte wählen Sie eine der angebotenen Antworten.")
    if kind == "yes_no":
        return first == "yes", None
    return first, None


def parse_form(questions: list[Question], process, formdata, known_values: dict | None = None,
               enforce_limits: bool = True) -> ParsedAnswers:
    """Read the fields `q_<code>` of the given questions from a request's form data.

    `known_values` are answers from earlier pages, needed to decide what is visible here. Without
    `enforce_limits`, choices outside a question's limits are kept and listed in `warnings`.
    """
    parsed = ParsedAnswers()
    context = dict(known_values or {})
    for question in questions:
        name = f"q_{question.code}"
        raw_values = formdata.getlist(name)
        parsed.raw[question.code] = raw_values if question.kind == "multiple_choice" else (
            raw_values[0] if raw_values else "")
        value, error = parse_question(question, process, raw_values, enforce_limits)
        if error:
            parsed.errors[question.code] = error
            continue
        warning = None if enforce_limits or not isinstance(value, list) else choice_limit_error(question, len(value))
        if warning:
            parsed.warnings[question.code] = warning
        context[question.code] = value
        parsed.values[question.code] = value
    for question in questions:
        if question.code in parsed.errors:
            continue
        error = requirement_error(question, parsed.values.get(question.code), context)
        if error:
            parsed.errors[question.code] = error
            parsed.values.pop(question.code, None)
    return parsed


def requirement_error(question: Question, value, values: dict) -> str | None:
    """Missing required answers and answers to questions that are not shown."""
    visible = is_visible(question, values)
    empty = value is None or value == [] or value == ""
    if not visible:
        return None if empty else _("Diese Frage gilt für Ihre vorherige Antwort nicht. "
                                    "Bitte lassen Sie sie leer.")
    if question.required and empty:
        return _("Bitte beantworten Sie diese Frage.")
    return None


def validate_values(questionnaire: Questionnaire, values: dict) -> dict:
    """Check a complete set of values (offline sync, API, imports): returns {code: message}."""
    errors = {}
    questions = {q.code: q for q in questionnaire.questions if not q.archived}
    for code in values:
        if code not in questions:
            errors[code] = _("Diese Frage gibt es in diesem Fragebogen nicht.")
    process = questionnaire.process
    for code, question in questions.items():
        value = values.get(code)
        if value is not None:
            raw = value if isinstance(value, list) else [_as_form_string(question, value)]
            value, error = parse_question(question, process, [str(v) for v in raw])
            if error:
                errors[code] = error
                continue
        error = requirement_error(question, value, values)
        if error:
            errors[code] = error
    return errors


def _as_form_string(question: Question, value) -> str:
    if question.kind == "yes_no" and isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def normalised_values(questionnaire: Questionnaire, values: dict, enforce_limits: bool = True) -> dict:
    """Values of visible questions only, parsed to their types (call after validate_values)."""
    process = questionnaire.process
    result = {}
    for question in questionnaire.questions:
        value = values.get(question.code)
        if value is None or question.archived:
            continue
        raw = value if isinstance(value, list) else [_as_form_string(question, value)]
        parsed, error = parse_question(question, process, [str(v) for v in raw], enforce_limits)
        if error is None and parsed is not None and is_visible(question, values):
            result[question.code] = parsed
    return result


def valid_submission_id(submission_id: str | None) -> bool:
    return bool(submission_id) and SUBMISSION_ID_PATTERN.fullmatch(submission_id) is not None


def store_response(questionnaire: Questionnaire, values: dict, *, submission_id: str, channel: str = "online",
                   language: str = "de", consent: bool = False, recorded_by=None,
                   translations_de: dict | None = None, items: list[dict] | None = None,
                   within_transaction: Callable[[Response], None] | None = None, new_expected: bool = False,
                   **session_facts) -> tuple[Response, bool]:
    """Store one response exactly once; return (response, created).

    A second call with the same submission id returns the stored response and writes nothing.
    `items` are extra free-text entries of a focus group: {"question": code, "kind": note|quote, "text": ...}.
    `within_transaction(response)` runs before the commit of a new response, so what it writes is stored
    together with the response or not at all (e.g. dropping the resident's draft).
    Questions are referenced by id only, so a cached (read-only) structure is never attached to the session.
    `new_expected` skips the lookup before the INSERT (a resident's draft was just there): a resend is then
    caught by the unique submission id instead, which costs a rollback only in that rare case; the response
    is then written with prebuilt INSERTs and is not added to the session.
    """
    if not new_expected:
        existing = find_submission(submission_id)
        if existing is not None:
            return existing, False
    has_text = False
    with db.session.no_autoflush:  # build the whole response before anything is written
        response = Response(questionnaire_id=questionnaire.id, process_id=questionnaire.process_id,
                            submission_id=submission_id, channel=channel, language=language,
                            consent=consent, recorded_by=recorded_by, **session_facts)
        translations_de = translations_de or {}
        for question in questionnaire.questions:
            if question.code not in values:
                continue
            value = values[question.code]
            answer = Answer(question_id=question.id, **EMPTY_ANSWER)
            _set_answer_value(answer, question, value)
            if question.is_text and answer.text_value:
                has_text = True
                answer.language = detect_language(answer.text_value, expected=language)
                if translations_de.get(question.code):
                    answer.translation_de = clean_text(translations_de[question.code])[:question.text_limit()]
            _apply_profile(response, question, value, questionnaire.process)
            response.answers.append(answer)
        for item in items or []:
            question = questionnaire.question_by_code(item["question"])
            text = clean_text(item.get("text") or "")
            if question is None or not text:
                continue
            has_text = True
            response.answers.append(Answer(question_id=question.id, **{
                **EMPTY_ANSWER, "item_kind": item.get("kind", "note"), "text_value": text,
                "language": detect_language(text, expected=language),
                "translation_de": clean_text(item.get("translation_de") or "") or None}))
    try:
        if new_expected:
            _insert_directly(response)
        else:
            db.session.add(response)
        if within_transaction is not None:
            within_transaction(response)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        existing = find_submission(submission_id)
        if existing is None:
            raise
        return existing, False
    if has_text:
        from ..themes.embedding import free_text_stored
        free_text_stored(questionnaire.process_id)
    return response, True


# Every column named on every answer: all answers of a response go in one INSERT only when they share the
# same columns.
EMPTY_ANSWER = {"item_kind": "answer", "text_value": None, "number_value": None, "choice_codes": None,
                "language": None, "translation_de": None}
ANSWER_COLUMNS = ("question_id", *EMPTY_ANSWER)
INSERT_RESPONSE = insert(Response.__table__).returning(Response.__table__.c.id)
INSERT_ANSWERS = insert(Answer.__table__)


def _insert_directly(response: Response) -> None:
    """Write a built response and its answers with two prebuilt INSERTs instead of the ORM's unit of work.

    The unit of work cost a resident's submitting answer more CPU than the statements themselves. The response
    stays outside the session (with its new id); column defaults apply to what the response did not set.
    """
    columns = Response.__table__.c
    values = {key: value for key, value in inspect(response).dict.items() if key in columns}
    response.id = db.session.execute(INSERT_RESPONSE, values).scalar_one()
    if response.answers:
        db.session.execute(INSERT_ANSWERS, [
            {"response_id": response.id, **{column: getattr(answer, column) for column in ANSWER_COLUMNS}}
            for answer in response.answers])


def find_submission(submission_id: str):
    return db.session.execute(db.select(Response).filter_by(submission_id=submission_id)).scalar_one_or_none()


def _set_answer_value(answer: Answer, question: Question, value) -> None:
    if question.is_text or question.kind == "district":
        answer.text_value = str(value)
        if question.kind == "district":
            answer.choice_codes = [str(value)]
    elif question.kind in ("number", "scale"):
        answer.number_value = float(value)
    elif question.kind == "yes_no":
        answer.choice_codes = ["yes" if value else "no"]
    elif question.kind == "multiple_choice":
        answer.choice_codes = list(value)
    else:
        answer.choice_codes = [value]


def _apply_profile(response: Response, question: Question, value, process) -> None:
    """District and target-group questions fill the response's breakdown fields."""
    if question.kind == "district" or question.profile_field == "district":
        response.district = str(value)
    elif question.profile_field == "target_group" and question.kind == "single_choice":
        option = next((o for o in question.options if o.code == value), None)
        if option is not None and option.label in (process.target_groups or []):
            response.target_group = option.label

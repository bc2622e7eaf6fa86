"""Peer interviews and focus-group sessions: who may record what, checking a record, storing it once.

A record is a plain dict, the same whether it comes from the online form or from the offline queue
(POST /api/sync). Functions here need an app context but no request.
"""
from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ..extensions import db
from ..languages.i18n import LANGUAGES
from ..models import Process, Questionnaire, Response, User
from ..models.core import as_row_id
from ..surveys import answering

log = logging.getLogger(__name__)

RECORD_TYPES = ("interview", "focus_group")
CHANNEL_OF_TYPE = {"interview": "peer_interview", "focus_group": "focus_group"}
RECORD_CHANNELS = tuple(CHANNEL_OF_TYPE.values())
ITEM_KINDS = ("note", "quote")
AGE_BANDS = ("0-17", "18-29", "30-49", "50-64", "65+")
INTERVIEW_LANGUAGES = tuple(code for code in LANGUAGES if code != "de-easy")
MAX_ITEMS = 500
MAX_PARTICIPANTS = 1000
SHORT_FIELD_LIMIT = 200


@dataclass
class RecordResult:
    client_id: str
    status: str  # stored | duplicate (same id, same content) | conflict (same id, other content) | rejected
    code: str | None = None
    errors: dict = field(default_factory=dict)
    response: Response | None = None

    def as_dict(self) -> dict:
        result = {"client_id": self.client_id, "status": self.status}
        if self.status in ("rejected", "conflict"):
            result.update(code=self.code, errors=self.errors)
        else:
            result["id"] = self.response.id
        return result


def record_type_of(questionnaire: Questionnaire) -> str:
    """Focus-group guides take session records; surveys and interview guides take interviews."""
    return "focus_group" if questionnaire.kind == "guide" and questionnaire.guide_type == "focus_group" \
        else "interview"


def may_record(user: User, questionnaire: Questionnaire | None) -> bool:
    """Multipliers only with what a planner assigned to them in their processes; planners in their own."""
    if questionnaire is None or user is None or not user.is_active:
        return False
    if user.role == "multiplier":
        return questionnaire in user.assigned_questionnaires and questionnaire.process in user.processes
    return user.can_plan(questionnaire.process)


def usable_questionnaires(user: User) -> list[Questionnaire]:
    if user.role == "multiplier":
        candidates = user.assigned_questionnaires
    else:
        candidates = [q for process in user_processes(user) for q in process.questionnaires]
    return sorted((q for q in candidates if may_record(user, q) and q.status != "closed"),
                  key=lambda q: (q.process_id, q.id))


def user_processes(user: User):
    if user.role == "admin":
        return db.session.execute(db.select(Process).order_by(Process.id)).scalars().all()
    return list(user.processes)


def visible_records(user: User, process=None):
    """A multiplier sees their own records only; a planner sees all records of processes they plan."""
    query = db.select(Response).where(Response.channel.in_(RECORD_CHANNELS)).order_by(Response.created_at.desc())
    if process is not None:
        query = query.where(Response.process_id == process.id)
    if user.role == "multiplier":
        query = query.where(Response.recorded_by_id == user.id)
    else:
        process_ids = [p.id for p in user_processes(user) if user.can_plan(p)]
        query = query.where(Response.process_id.in_(process_ids))
    return db.session.execute(query).scalars().all()


def may_view(user: User, response: Response | None) -> bool:
    if response is None or response.channel not in RECORD_CHANNELS:
        return False
    if response.recorded_by_id == user.id:
        return True
    return user.role != "multiplier" and user.can_plan(response.process)


def submit_record(user: User, record: dict) -> RecordResult:
    """Check one record and store it in its own transaction.

    A known client id stores nothing again: with the same content it is a duplicate, with other content a
    conflict (the sender keeps the record and sends it again under a new id; nothing is thrown away).
    """
    client_id = record.get("client_id") if isinstance(record, dict) else None
    client_id = client_id if isinstance(client_id, str) else ""
    if not answering.valid_submission_id(client_id):
        return RecordResult(client_id, "rejected", "invalid_client_id",
                            {"client_id": _("Die Kennung des Eintrags fehlt oder ist ungültig.")})
    existing = answering.find_submission(client_id)
    if existing is not None and existing.recorded_by_id != user.id:
        return _taken(client_id)
    questionnaire = _questionnaire(record.get("questionnaire_id"))
    if not may_record(user, questionnaire):
        return RecordResult(client_id, "rejected", "not_assigned",
                            {"questionnaire_id": _("Dieser Leitfaden ist Ihnen nicht zugewiesen.")})
    if "form" in record:
        record = _record_from_captured_form(questionnaire, record)
        if record is None:
            return RecordResult(client_id, "rejected", "invalid",
                                {"form": _("Die Formulardaten haben ein ungültiges Format.")})
    record_type = record.get("type")
    if record_type not in RECORD_TYPES or record_type != record_type_of(questionnaire):
        return RecordResult(client_id, "rejected", "wrong_type",
                            {"type": _("Diese Art von Eintrag passt nicht zum Leitfaden.")})
    checked = check_record(questionnaire, record)
    if checked.errors:
        return RecordResult(client_id, "rejected", checked.code, checked.errors)
    fingerprint = content_fingerprint(questionnaire, record_type, checked)
    if existing is not None:
        return _resent(client_id, existing, questionnaire, checked, fingerprint)
    try:
        response, created = answering.store_response(
            questionnaire, checked.values, submission_id=client_id, channel=CHANNEL_OF_TYPE[record_type],
            recorded_by=user, translations_de=checked.translations, items=checked.items,
            content_hash=fingerprint, **checked.facts)
    except Exception:
        db.session.rollback()
        log.exception("storing record %s failed", client_id)
        return RecordResult(client_id, "rejected", "server_error",
                            {"record": _("Der Eintrag konnte nicht gespeichert werden. Bitte später erneut senden.")})
    if created:
        return RecordResult(client_id, "stored", response=response)
    if response.recorded_by_id != user.id:  # the same id arrived from someone else in the same moment
        return _taken(client_id)
    return _resent(client_id, response, questionnaire, checked, fingerprint)


def submit_form_record(user: User, record: dict) -> RecordResult:
    """A posted form: an id already used for other content (a page shown again) stores under a new id."""
    result = submit_record(user, record)
    if result.status != "conflict":
        return result
    return submit_record(user, {**record, "client_id": secrets.token_hex(16)})


def _taken(client_id: str) -> RecordResult:
    return RecordResult(client_id, "rejected", "client_id_taken",
                        {"client_id": _("Diese Kennung ist schon vergeben.")})


def _resent(client_id: str, stored: Response, questionnaire: Questionnaire, checked: "CheckedRecord",
            fingerprint: str) -> RecordResult:
    """The same id again: a true duplicate only when the stored record has exactly this content."""
    if stored.content_hash is not None:
        same = stored.content_hash == fingerprint
    else:  # stored before fingerprints existed: compare the texts that were recorded
        same = stored.questionnaire_id == questionnaire.id and _stored_texts(stored) == _checked_texts(
            questionnaire, checked)
    if same:
        return RecordResult(client_id, "duplicate", response=stored)
    log.warning("record id %s was sent again with other content; asking for a new id", client_id)
    return RecordResult(client_id, "conflict", "id_conflict",
                        {"client_id": _("Unter dieser Kennung ist schon ein anderer Eintrag gespeichert. "
                                        "Der Eintrag wird unter einer neuen Kennung gesendet.")})


def content_fingerprint(questionnaire: Questionnaire, record_type: str, checked: "CheckedRecord") -> str:
    """sha256 over everything a checked record would store, independent of key order."""
    content = {"questionnaire": questionnaire.id, "type": record_type, "values": checked.values,
               "translations": checked.translations, "items": checked.items, "facts": checked.facts}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _stored_texts(response: Response) -> list[tuple]:
    return sorted((answer.question.code, answer.item_kind, answer.text_value) for answer in response.answers
                  if answer.text_value and (answer.question.is_text or answer.item_kind != "answer"))


def _checked_texts(questionnaire: Questionnaire, checked: "CheckedRecord") -> list[tuple]:
    texts = [(code, "answer", value) for code, value in checked.values.items()
             if questionnaire.question_by_code(code).is_text]
    texts += [(item["question"], item["kind"], item["text"]) for item in checked.items]
    return sorted(texts)


def _record_from_captured_form(questionnaire: Questionnaire, record: dict) -> dict | None:
    """A form the browser kept offline, as [[name, value], ...]: read exactly like a posted form."""
    fields = record.get("form")
    if not isinstance(fields, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
            for pair in fields):
        return None
    converted = record_from_form(questionnaire, MultiDict([tuple(pair) for pair in fields]))
    converted.update(client_id=record["client_id"], type=record.get("type"))
    return converted


def _questionnaire(questionnaire_id) -> Questionnaire | None:
    row_id = as_row_id(questionnaire_id)
    return db.session.get(Questionnaire, row_id) if row_id is not None else None


@dataclass
class CheckedRecord:
    values: dict = field(default_factory=dict)
    translations: dict = field(default_factory=dict)
    items: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    code: str = "invalid"


def check_record(questionnaire: Questionnaire, record: dict) -> CheckedRecord:
    """All checks of one record; `errors` maps field names (or question codes) to messages."""
    checked = CheckedRecord()
    process = questionnaire.process
    language = record.get("language")
    if language not in INTERVIEW_LANGUAGES:
        checked.errors["language"] = _("Bitte wählen Sie die Sprache des Gesprächs.")
    district = _optional_text(record.get("district"))
    if district and district not in (process.districts or []):
        checked.errors["district"] = _("Bitte wählen Sie einen Stadtteil aus der Liste.")
    target_group = _optional_text(record.get("target_group"))
    if target_group and target_group not in (process.target_groups or []):
        checked.errors["target_group"] = _("Bitte wählen Sie eine Zielgruppe aus der Liste.")
    checked.facts.update(language=language if language in INTERVIEW_LANGUAGES else "de",
                         district=district or None, target_group=target_group or None, consent=True)
    if record.get("consent") is not True:
        checked.errors["consent"] = _("Ohne Einverständnis darf nichts gespeichert werden. "
                                      "Bitte bestätigen Sie, dass die Einwilligung vorliegt.")
    if record.get("type") == "focus_group":
        _check_session(questionnaire, record, checked)
    else:
        _check_interview(questionnaire, record, checked)
    if "consent" in checked.errors and len(checked.errors) == 1:
        checked.code = "consent_missing"
    return checked


def _optional_text(value) -> str:
    return answering.clean_text(value) if isinstance(value, str) else ""


def _check_interview(questionnaire: Questionnaire, record: dict, checked: CheckedRecord) -> None:
    answers = record.get("answers") or {}
    translations = record.get("translations_de") or {}
    if not isinstance(answers, dict) or not isinstance(translations, dict):
        checked.errors["answers"] = _("Die Antworten haben ein ungültiges Format.")
        return
    values = typed_values(questionnaire, answers)
    question_errors = answering.validate_values(questionnaire, values)
    checked.errors.update(question_errors)
    for code, text in translations.items():
        question = questionnaire.question_by_code(code)
        if not isinstance(text, str) or question is None or not question.is_text:
            checked.errors[f"t_{code}"] = _("Eine Übersetzung gibt es nur für Fragen mit freiem Text.")
        elif len(answering.clean_text(text)) > question.text_limit():
            checked.errors[f"t_{code}"] = _("Bitte kürzen Sie die Übersetzung auf höchstens %(limit)d Zeichen.",
                                            limit=question.text_limit())
        elif answering.clean_text(text):
            checked.translations[code] = answering.clean_text(text)
    if not question_errors:
        checked.values = answering.normalised_values(questionnaire, values)
        if not checked.values:
            checked.errors["answers"] = _("Bitte erfassen Sie mindestens eine Antwort.")


def typed_values(questionnaire: Questionnaire, answers: dict) -> dict:
    """Drop empty answers and read "yes"/"no" as booleans, so form strings and JSON values mean the same."""
    values = {}
    for code, value in answers.items():
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        question = questionnaire.question_by_code(code)
        if question is not None and question.kind == "yes_no" and value in ("yes", "no"):
            value = value == "yes"
        values[code] = value
    return values


def _check_session(questionnaire: Questionnaire, record: dict, checked: CheckedRecord) -> None:
    process = questionnaire.process
    held_on = _parse_date(record.get("held_on"))
    if held_on is None:
        checked.errors["held_on"] = _("Bitte geben Sie das Datum an, zum Beispiel 2025-03-14.")
    elif held_on > date.today() + timedelta(days=1):
        checked.errors["held_on"] = _("Das Datum liegt in der Zukunft.")
    place = _optional_text(record.get("place"))
    moderator = _optional_text(record.get("moderator"))
    for name, value in (("place", place), ("moderator", moderator)):
        if not value:
            checked.errors[name] = _("Bitte füllen Sie dieses Feld aus.")
        elif len(value) > SHORT_FIELD_LIMIT:
            checked.errors[name] = _("Bitte kürzen Sie auf höchstens %(limit)d Zeichen.", limit=SHORT_FIELD_LIMIT)
    count = _whole_number(record.get("participant_count"))
    if count is None or not 1 <= count <= MAX_PARTICIPANTS:
        checked.errors["participant_count"] = _("Bitte geben Sie die Zahl der Teilnehmenden an (1 bis %(max)d).",
                                                max=MAX_PARTICIPANTS)
    composition = check_composition(record.get("composition"), process, count, checked.errors)
    checked.facts.update(held_on=held_on, place=place or None, moderator=moderator or None,
                         participant_count=count, composition=composition)
    _check_items(questionnaire, record.get("items"), checked)


def _parse_date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _whole_number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def composition_dimensions(process) -> dict[str, tuple[str, ...]]:
    return {"target_group": tuple(process.target_groups or ()), "age_band": AGE_BANDS}


def composition_from_form(process, formdata) -> dict:
    """The typed counts of the composition fields (comp_<dimension>_<index>), unchecked."""
    return {dimension: {group: formdata.get(f"comp_{dimension}_{index}", "") for index, group in enumerate(groups)}
            for dimension, groups in composition_dimensions(process).items()}


def check_composition(composition, process, count: int | None, errors: dict) -> dict:
    """Counts by target group and age band: known groups, whole numbers, no more than the participants."""
    if composition in (None, ""):
        return {}
    if not isinstance(composition, dict):
        errors["composition"] = _("Die Zusammensetzung hat ein ungültiges Format.")
        return {}
    result = {}
    for dimension, allowed in composition_dimensions(process).items():
        counts = composition.get(dimension) or {}
        if not isinstance(counts, dict):
            errors["composition"] = _("Die Zusammensetzung hat ein ungültiges Format.")
            return {}
        cleaned = {}
        for group, number in counts.items():
            number = _whole_number(number) if number not in ("", None) else 0
            if group not in allowed or number is None or number < 0:
                errors[f"composition_{dimension}"] = _("Bitte geben Sie für jede Gruppe eine ganze Zahl ab 0 an.")
                break
            if number:
                cleaned[group] = number
        if count is not None and sum(cleaned.values()) > count:
            errors[f"composition_{dimension}"] = _(
                "Zusammen sind das mehr Personen (%(sum)d) als Teilnehmende (%(count)d).",
                sum=sum(cleaned.values()), count=count)
        if cleaned:
            result[dimension] = cleaned
    unknown = set(composition) - set(composition_dimensions(process))
    if unknown:
        errors["composition"] = _("Die Zusammensetzung hat ein ungültiges Format.")
    return result


def _check_items(questionnaire: Questionnaire, items, checked: CheckedRecord) -> None:
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        checked.errors["items"] = _("Die Notizen haben ein ungültiges Format.")
        return
    for item in items:
        if not isinstance(item, dict):
            checked.errors["items"] = _("Die Notizen haben ein ungültiges Format.")
            return
        question = questionnaire.question_by_code(item.get("question")) if isinstance(item.get("question"), str) \
            else None
        text = _optional_text(item.get("text"))
        translation = _optional_text(item.get("translation_de"))
        if question is None or item.get("kind") not in ITEM_KINDS:
            checked.errors["items"] = _("Eine Notiz gehört zu keiner Frage dieses Leitfadens.")
            return
        if len(text) > 5000 or len(translation) > 5000:
            checked.errors[f"items_{question.code}"] = _("Bitte kürzen Sie jede Notiz auf höchstens 5000 Zeichen.")
            continue
        if text:
            checked.items.append({"question": question.code, "kind": item["kind"], "text": text,
                                  "translation_de": translation or None})
    if not checked.items and "items" not in checked.errors:
        checked.errors["items"] = _("Bitte erfassen Sie mindestens eine Notiz oder ein Zitat.")


def record_from_form(questionnaire: Questionnaire, formdata) -> dict:
    """The record of a posted interview or session form (the page without JavaScript)."""
    record = {"client_id": formdata.get("client_id", ""), "questionnaire_id": questionnaire.id,
              "type": record_type_of(questionnaire), "language": formdata.get("language"),
              "district": formdata.get("district", ""), "target_group": formdata.get("target_group", ""),
              "consent": formdata.get("consent") == "yes"}
    if record["type"] == "interview":
        record["answers"] = {
            q.code: formdata.getlist(f"q_{q.code}") if q.kind == "multiple_choice" else formdata.get(f"q_{q.code}")
            for q in questionnaire.questions if not q.archived}
        record["translations_de"] = {q.code: formdata.get(f"t_{q.code}") for q in questionnaire.questions
                                     if q.is_text and formdata.get(f"t_{q.code}", "").strip()}
        return record
    record.update(held_on=formdata.get("held_on", ""), place=formdata.get("place", ""),
                  moderator=formdata.get("moderator", ""), participant_count=formdata.get("participant_count", ""))
    record["composition"] = composition_from_form(questionnaire.process, formdata)
    record["items"] = [{"question": q.code, "kind": kind, "text": line}
                       for q in questionnaire.questions if not q.archived
                       for kind in ITEM_KINDS
                       for line in formdata.get(f"{kind}_{q.code}", "").splitlines() if line.strip()]
    return record

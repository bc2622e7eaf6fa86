"""Checking and storing points, with the same budget rules for residents online and for conferences.

Online one person distributes `points_per_person` points, at most `max_points_per_item` on one item.
A conference session of n participants may hold at most n times as many dots, in total and per item.
Functions need an app context (messages are translated) but no request.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..fieldwork.records import MAX_PARTICIPANTS, check_composition, composition_from_form
from ..models import PriorityPoints, PriorityRound, PrioritySubmission
from ..surveys.answering import clean_text, valid_submission_id

# The codes of the surveys' age band question (privacy.k_anonymity coarsens the same codes).
AGE_BANDS = {"u18": _l("unter 18 Jahre"), "18_29": _l("18 bis 29 Jahre"), "30_49": _l("30 bis 49 Jahre"),
             "50_64": _l("50 bis 64 Jahre"), "65_79": _l("65 bis 79 Jahre"), "80plus": _l("80 Jahre und älter")}
MAX_NUMBER_LENGTH = 6


@dataclass
class CheckedPoints:
    """Form input as values, what was typed (shown again on errors) and messages per field."""
    points: dict = field(default_factory=dict)      # item id → points (> 0 only)
    raw: dict = field(default_factory=dict)         # field name → typed text
    facts: dict = field(default_factory=dict)       # district, age band, … of the submission
    errors: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.points.values())


def error_items(priority_round: PriorityRound, checked: CheckedPoints) -> list[tuple]:
    """(field id, label, message) for the error summary at the top of the page."""
    labels = {"district": _("Stadtteil"), "age_band": _("Altersgruppe"), "target_group": _("Zielgruppe"),
              "held_on": _("Datum"), "place": _("Ort"), "participant_count": _("Zahl der Teilnehmenden"),
              "points": _("Ihre Punkte")}
    labels.update({point_field(item): item.title for item in priority_round.items})
    items = []
    for name, message in checked.errors.items():
        if name == "points":
            items.append(("points-status", labels[name], message))
        elif name in labels:
            items.append((f"field-{name}", labels[name], message))
        else:
            items.append((None, "", message))
    return items


def point_field(item) -> str:
    return f"points_{item.id}"


def _whole(text: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return 0
    if len(text) > MAX_NUMBER_LENGTH or not text.isdigit():
        return None
    return int(text)


def _read_points(priority_round: PriorityRound, formdata, checked: CheckedPoints, per_item_limit: int,
                 budget: int) -> None:
    for item in priority_round.items:
        name = point_field(item)
        typed = formdata.get(name, "")
        checked.raw[name] = typed
        value = _whole(typed)
        if value is None:
            checked.errors[name] = _("Bitte geben Sie eine ganze Zahl ab 0 ein.")
        elif value > per_item_limit:
            checked.errors[name] = _("Höchstens %(limit)d Punkte für einen Eintrag.", limit=per_item_limit)
        elif value:
            checked.points[item.id] = value
    if checked.errors:
        return
    if checked.total > budget:
        checked.errors["points"] = _("Sie haben %(given)d Punkte vergeben – erlaubt sind höchstens %(budget)d. "
                                     "Bitte nehmen Sie Punkte weg. Ihre Eingaben sind noch da.",
                                     given=checked.total, budget=budget)
    elif not checked.total:
        checked.errors["points"] = _("Bitte vergeben Sie mindestens einen Punkt.")


def _choice(formdata, name: str, allowed, checked: CheckedPoints) -> None:
    typed = (formdata.get(name) or "").strip()
    checked.raw[name] = typed
    if not typed:
        checked.facts[name] = None
    elif typed in allowed:
        checked.facts[name] = typed
    else:
        checked.errors[name] = _("Bitte wählen Sie eine der angebotenen Antworten.")


def check_online(priority_round: PriorityRound, formdata) -> CheckedPoints:
    """One resident's points and optional district, age band and target group."""
    checked = CheckedPoints()
    _read_points(priority_round, formdata, checked, priority_round.max_points_per_item,
                 priority_round.points_per_person)
    process = priority_round.process
    _choice(formdata, "district", process.districts or [], checked)
    _choice(formdata, "age_band", AGE_BANDS, checked)
    _choice(formdata, "target_group", process.target_groups or [], checked)
    return checked


def check_conference(priority_round: PriorityRound, formdata) -> CheckedPoints:
    """A session's dots per item with its date, place, size and composition (counts, no names)."""
    checked = CheckedPoints()
    for name in ("held_on", "place", "participant_count"):
        checked.raw[name] = formdata.get(name, "")
    try:
        held_on = date.fromisoformat(checked.raw["held_on"].strip())
    except ValueError:
        held_on = None
        checked.errors["held_on"] = _("Bitte geben Sie das Datum an, zum Beispiel 2025-03-14.")
    if held_on is not None and held_on > date.today() + timedelta(days=1):
        checked.errors["held_on"] = _("Das Datum liegt in der Zukunft.")
    place = clean_text(checked.raw["place"])
    if not place:
        checked.errors["place"] = _("Bitte füllen Sie dieses Feld aus.")
    elif len(place) > 200:
        checked.errors["place"] = _("Bitte kürzen Sie auf höchstens %(limit)d Zeichen.", limit=200)
    count = _whole(checked.raw["participant_count"])
    if not count or count > MAX_PARTICIPANTS:
        checked.errors["participant_count"] = _("Bitte geben Sie die Zahl der Teilnehmenden an (1 bis %(max)d).",
                                                max=MAX_PARTICIPANTS)
        count = None
    process = priority_round.process
    _choice(formdata, "district", process.districts or [], checked)
    typed_composition = composition_from_form(process, formdata)
    checked.raw["composition"] = typed_composition
    composition = check_composition(typed_composition, process, count, checked.errors)
    checked.facts.update(held_on=held_on, place=place, participant_count=count, composition=composition)
    if count:
        _read_points(priority_round, formdata, checked, count * priority_round.max_points_per_item,
                     count * priority_round.points_per_person)
    else:
        checked.raw.update({point_field(item): formdata.get(point_field(item), "") for item in priority_round.items})
    return checked


def find_submission(submission_id: str) -> PrioritySubmission | None:
    return db.session.execute(db.select(PrioritySubmission).filter_by(submission_id=submission_id)
                              ).scalar_one_or_none()


def store(priority_round: PriorityRound, checked: CheckedPoints, *, submission_id: str, channel: str,
          language: str = "de", recorded_by=None) -> tuple[PrioritySubmission, bool]:
    """Store checked points exactly once; return (submission, created).

    A resend with the same submission id (double click, back button, reload) returns the stored
    submission and writes nothing, also when two requests race (the unique id decides).
    """
    if checked.errors or not valid_submission_id(submission_id):
        raise ValueError("only checked points with a valid submission id are stored")
    existing = find_submission(submission_id)
    if existing is not None:
        return existing, False
    submission = PrioritySubmission(round_id=priority_round.id, process_id=priority_round.process_id,
                                    submission_id=submission_id, channel=channel, language=language,
                                    recorded_by=recorded_by, **checked.facts)
    submission.points = [PriorityPoints(item_id=item_id, points=points) for item_id, points in checked.points.items()]
    try:
        with db.session.begin_nested():
            db.session.add(submission)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        existing = find_submission(submission_id)
        if existing is None:
            raise
        return existing, False
    return submission, True



def session_values(submission: PrioritySubmission) -> CheckedPoints:
    """A stored session as the form shows it for editing (typed text of every field)."""
    raw = {"held_on": submission.held_on.isoformat() if submission.held_on else "", "place": submission.place or "",
           "participant_count": str(submission.participant_count or ""), "district": submission.district or "",
           "composition": submission.composition or {}}
    raw.update({f"points_{points.item_id}": str(points.points) for points in submission.points})
    return CheckedPoints(raw=raw)


def update_session(submission: PrioritySubmission, checked: CheckedPoints) -> dict:
    """Replace a session's facts and dots by checked ones; return what changed, for the audit log.

    Rows are updated in place (one row per item stays unique); items without dots lose their row.
    """
    if checked.errors:
        raise ValueError("only checked points are stored")
    before = {"participants": submission.participant_count, "dots": sum(p.points for p in submission.points)}
    for name, value in checked.facts.items():
        setattr(submission, name, value)
    existing = {points.item_id: points for points in submission.points}
    for item_id, points in existing.items():
        if item_id not in checked.points:
            submission.points.remove(points)
        else:
            points.points = checked.points[item_id]
    submission.points += [PriorityPoints(item_id=item_id, points=value) for item_id, value in checked.points.items()
                          if item_id not in existing]
    after = {"participants": submission.participant_count, "dots": checked.total}
    return {"before": before, "after": after}

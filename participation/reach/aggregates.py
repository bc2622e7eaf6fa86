"""Counts behind every breakdown (dashboards, public results, exports), with small groups hidden.

A group smaller than the process's minimum group size is never shown or exported with its count:
its cell is marked hidden, so nobody can be singled out by district, language or group.
"""
from dataclasses import dataclass

from sqlalchemy import func

from ..extensions import db
from ..models import Answer, Response

BREAKDOWN_FIELDS = ("channel", "language", "district", "target_group")


@dataclass
class Cell:
    value: str | None
    count: int | None        # None when hidden
    share: float | None      # of all counted responses, None when hidden
    hidden: bool = False


def suppress(counts: dict, min_group_size: int, total: int | None = None) -> list[Cell]:
    """Turn raw counts into cells, hiding every non-empty group below the minimum size."""
    total = total if total is not None else sum(counts.values())
    cells = []
    for value, count in sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))):
        if 0 < count < min_group_size:
            cells.append(Cell(value, None, None, hidden=True))
        else:
            cells.append(Cell(value, count, (count / total) if total else 0.0))
    return cells


def response_filter(process_id: int, questionnaire_id: int | None = None, **filters):
    """WHERE conditions for the responses of a process (optionally one questionnaire and breakdown values)."""
    conditions = [Response.process_id == process_id]
    if questionnaire_id is not None:
        conditions.append(Response.questionnaire_id == questionnaire_id)
    for field, value in filters.items():
        if field not in BREAKDOWN_FIELDS:
            raise ValueError(f"unknown breakdown field {field}")
        if value:
            conditions.append(getattr(Response, field) == value)
    return conditions


def response_counts(process, field: str, questionnaire_id: int | None = None, **filters) -> list[Cell]:
    """Responses by channel, language, district or target group."""
    if field not in BREAKDOWN_FIELDS:
        raise ValueError(f"unknown breakdown field {field}")
    column = getattr(Response, field)
    rows = db.session.execute(
        db.select(column, func.count(Response.id)).where(*response_filter(process.id, questionnaire_id, **filters))
        .group_by(column)).all()
    return suppress({value: count for value, count in rows}, process.min_group_size)


def total_responses(process, questionnaire_id: int | None = None, **filters) -> int:
    return db.session.execute(
        db.select(func.count(Response.id)).where(*response_filter(process.id, questionnaire_id, **filters))
    ).scalar_one()


def choice_frequencies(question, process, **filters) -> tuple[list[Cell], int]:
    """How often each option of a choice question was picked, and by how many responses in all.

    Shares are of the responses that answered the question (multiple choice sums above 100 %).
    Returns ([], n) with every cell hidden when fewer than the minimum answered at all.
    """
    rows = db.session.execute(
        db.select(Answer.choice_codes).join(Response)
        .where(Answer.question_id == question.id, Answer.item_kind == "answer",
               *response_filter(process.id, None, **filters))).scalars().all()
    answered = len(rows)
    counts: dict = {}
    for codes in rows:
        for code in codes or []:
            counts[code] = counts.get(code, 0) + 1
    if answered < process.min_group_size:
        return [Cell(code, None, None, hidden=True) for code in counts], answered
    return suppress(counts, process.min_group_size, total=answered), answered

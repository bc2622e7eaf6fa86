"""Who has been reached: responses over time and by group, compared with the quotas planners set."""
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func

from ..extensions import db
from ..models import Response
from .aggregates import Cell, response_counts, response_filter, total_responses

QUOTA_FIELDS = ("district", "target_group")
SHORTFALL_RATIO = 0.8  # reached share below 80 % of the expected share counts as falling short


@dataclass
class QuotaRow:
    value: str
    expected_share: float
    reached_share: float | None   # None when the group is too small to show
    count: int | None
    falling_short: bool


def weekly_counts(process, questionnaire_id: int | None = None, **filters) -> list[tuple]:
    """(week start date, responses) for every week from the first response to the last."""
    dates = db.session.execute(
        db.select(Response.created_at).where(*response_filter(process.id, questionnaire_id, **filters))
    ).scalars().all()
    if not dates:
        return []
    weeks: dict = {}
    for moment in dates:
        day = moment.date()
        start = day - timedelta(days=day.weekday())
        weeks[start] = weeks.get(start, 0) + 1
    first, last = min(weeks), max(weeks)
    result, week = [], first
    while week <= last:
        result.append((week, weeks.get(week, 0)))
        week += timedelta(days=7)
    return result


def quota_rows(process, field: str, cells: list[Cell], total: int) -> list[QuotaRow]:
    """Expected against reached shares; groups with no expectation set are left out."""
    expected = (process.quotas or {}).get(field) or {}
    by_value = {cell.value: cell for cell in cells}
    rows = []
    for value, share in expected.items():
        cell = by_value.get(value)
        if cell is None:
            reached, count = 0.0, 0
        elif cell.hidden:
            reached, count = None, None
        else:
            reached, count = (cell.count / total if total else 0.0), cell.count
        short = share > 0 and (reached is None or reached < share * SHORTFALL_RATIO)
        rows.append(QuotaRow(value, share, reached, count, short))
    return rows


def reach_overview(process, questionnaire_id: int | None = None, **filters) -> dict:
    """Everything the reach dashboard shows, as plain data."""
    total = total_responses(process, questionnaire_id, **filters)
    breakdowns = {field: response_counts(process, field, questionnaire_id, **filters)
                  for field in ("channel", "language", "district", "target_group")}
    quotas = {field: quota_rows(process, field, breakdowns[field], total) for field in QUOTA_FIELDS}
    return {"total": total, "weeks": weekly_counts(process, questionnaire_id, **filters),
            "breakdowns": breakdowns, "quotas": quotas}


def distinct_values(process, field: str) -> list[str]:
    """Values present in the data, for filter menus."""
    column = getattr(Response, field)
    return [value for value in db.session.execute(
        db.select(column).where(Response.process_id == process.id, column.is_not(None))
        .group_by(column).order_by(func.min(column))).scalars()]

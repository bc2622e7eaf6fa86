"""Who has been reached: responses over time and by group, compared with the quotas planners set."""
from dataclasses import dataclass
from datetime import timedelta

from ..cooperation.instruments import responses_of
from ..extensions import db
from ..models import Response
from .aggregates import (
    Cell,
    age_band_counts,
    protect_scope,
    response_counts,
    scope_columns,
    scope_of,
    scoped_row,
    suppress,
    tally,
    total_responses,
)

QUOTA_FIELDS = ("district", "target_group", "language", "age_band")
SHORTFALL_RATIO = 0.8  # reached share below 80 % of the expected share counts as falling short


@dataclass
class Breakdown:
    """One breakdown with honest shares: of those who said, "keine Angabe" (value None) apart."""
    cells: list          # cells with a value, shares of `base`
    not_stated: Cell | None
    base: int | None     # None when it would give a hidden "keine Angabe" away


@dataclass
class QuotaRow:
    value: str
    expected_share: float
    reached_share: float | None   # None when the group is too small to show
    count: int | None
    falling_short: bool


def _week_of(moment):
    day = moment.date()
    return day - timedelta(days=day.weekday())


def weekly_counts(process, questionnaire_id: int | None = None, **filters) -> list[tuple[object, Cell]]:
    """(week start date, responses) for every week from the first response to the last.

    A week is a group like any other: weeks with fewer responses than the minimum are hidden, with
    enough others that the total does not give them away; filtered, as one row of "filter × week".
    """
    scope = scope_of(questionnaire_id, filters)
    names, columns = scope_columns(scope)
    records = db.session.execute(db.select(Response.created_at, *columns)
                                 .where(*responses_of(process.id, questionnaire_id))).all()
    cells, rows = tally((tuple(record[1:]), [_week_of(record[0])]) for record in records if record[0])
    if scope:
        shown, _total = scoped_row(protect_scope(process, cells, rows), cells,
                                   tuple(scope[name] for name in names), rows)
    else:
        shown = suppress({week: count for (_combo, week), count in cells.items()}, process.min_group_size)
    if not shown or all(cell.hidden for cell in shown):
        return []
    by_week = {cell.value: cell for cell in shown}
    result, week = [], min(by_week)
    while week <= max(by_week):
        result.append((week, by_week.get(week, Cell(week, 0, 0.0))))
        week += timedelta(days=7)
    return result


def honest_breakdown(cells: list[Cell], total: int) -> Breakdown:
    """Shares over those who answered the question; a hidden "keine Angabe" keeps the whole total as base,
    so the base never reveals it."""
    not_stated = next((cell for cell in cells if cell.value in (None, "")), None)
    stated = [cell for cell in cells if cell.value not in (None, "")]
    base = total - (not_stated.count if not_stated is not None and not not_stated.hidden else 0)
    shaped = [cell if cell.hidden else Cell(cell.value, cell.count, cell.count / base if base else 0.0)
              for cell in stated]
    if not_stated is not None and not not_stated.hidden:
        not_stated = Cell(None, not_stated.count, not_stated.count / total if total else 0.0)
    return Breakdown(shaped, not_stated, base)


def quota_rows(process, field: str, breakdown: Breakdown) -> list[QuotaRow]:
    """Expected against reached shares (of those who answered); groups with no expectation are left out."""
    expected = (process.quotas or {}).get(field) or {}
    by_value = {cell.value: cell for cell in breakdown.cells}
    rows = []
    for value, share in expected.items():
        cell = by_value.get(value)
        if cell is None:
            reached, count = 0.0, 0
        elif cell.hidden:
            reached, count = None, None
        else:
            reached, count = cell.share, cell.count
        short = share > 0 and (reached is None or reached < share * SHORTFALL_RATIO)
        rows.append(QuotaRow(value, share, reached, count, short))
    return rows


def reach_overview(process, questionnaire_id: int | None = None, **filters) -> dict:
    """Everything the reach dashboard shows, as plain data."""
    total = total_responses(process, questionnaire_id, **filters)
    counted = {field: response_counts(process, field, questionnaire_id, **filters)
               for field in ("channel", "language", "district", "target_group")}
    counted["age_band"] = age_band_counts(process, questionnaire_id, **filters)
    breakdowns = {field: honest_breakdown(cells, total) for field, cells in counted.items()}
    quotas = {field: quota_rows(process, field, breakdowns[field]) for field in QUOTA_FIELDS}
    return {"total": total, "weeks": weekly_counts(process, questionnaire_id, **filters),
            "breakdowns": breakdowns, "quotas": quotas}


def filter_values(process, field: str) -> list[str]:
    """Values for filter menus: those the unfiltered breakdown shows. A hidden group is not offered (its
    view would show nothing), and a breakdown withheld whole does not name its groups here either."""
    return sorted(cell.value for cell in response_counts(process, field) if not cell.hidden and cell.value)

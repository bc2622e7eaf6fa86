"""Themes by district, language, target group or channel, with small groups hidden.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func

from ..extensions import db
from ..models import (
    Answer,
    Process,
    Response,
    Theme,
    ThemeAssignment,
)
from ..reach.aggregates import Cell, suppress
from ..reach.suppression import protect_table
from .runs import active_themes

log = logging.getLogger(__name__)


CROSSTAB_FIELDS = ("district", "language", "target_group", "channel")

@dataclass
class CrossTabRow:
    theme: Theme
    cells: list          # one Cell per column, aligned with CrossTab.columns
    total: Cell


@dataclass
class CrossTab:
    """Themes × one breakdown: distinct responses per cell; shares are of the column's analysed responses."""
    field: str
    columns: list
    column_totals: list
    rows: list


def _breakdown_column(field_name: str):
    if field_name == "language":
        return func.coalesce(Answer.language, Response.language)
    if field_name not in CROSSTAB_FIELDS:
        raise ValueError(f"unknown breakdown {field_name}")
    return getattr(Response, field_name)


def crosstab(process: Process, field_name: str) -> CrossTab:
    """Counts of responses per theme and district/language/target group/channel, small cells hidden.

    A response counts once per theme and value even when several of its answers are in the theme.
    Cells with fewer responses than the process's minimum group size show no number, and neither do
    the cells that would give them away through the theme's total (complementary suppression).
    """
    column = _breakdown_column(field_name)
    base = (db.select(ThemeAssignment.theme_id, column, func.count(func.distinct(Response.id)))
            .join(Answer, ThemeAssignment.answer_id == Answer.id).join(Response)
            .where(Response.process_id == process.id))
    rows = db.session.execute(base.group_by(ThemeAssignment.theme_id, column)).all()
    totals_rows = db.session.execute(
        db.select(column, func.count(func.distinct(Response.id))).select_from(ThemeAssignment)
        .join(Answer, ThemeAssignment.answer_id == Answer.id).join(Response)
        .where(Response.process_id == process.id).group_by(column)).all()
    theme_totals = dict(db.session.execute(
        base.with_only_columns(ThemeAssignment.theme_id, func.count(func.distinct(Response.id)))
        .group_by(ThemeAssignment.theme_id)).all())
    minimum = process.min_group_size
    column_counts = {value: count for value, count in totals_rows}
    columns = sorted(column_counts, key=lambda value: (-column_counts[value], str(value)))
    column_cells = {cell.value: cell for cell in suppress(column_counts, minimum, additive=False)}
    themes = active_themes(process)
    counts = {(theme_id, value): count for theme_id, value, count in rows}
    grid = {(theme.id, value): counts.get((theme.id, value), 0) for theme in themes for value in columns}
    protected = protect_table(grid, minimum, row_totals={theme.id: theme_totals.get(theme.id, 0) for theme in themes})
    table_rows = []
    for theme in themes:
        aligned = []
        for value in columns:
            count = grid[(theme.id, value)]
            if protected.is_hidden(("cell", theme.id, value)):
                aligned.append(Cell(value, None, None, hidden=True))
            elif column_cells[value].hidden or not column_counts[value]:
                aligned.append(Cell(value, count, None))
            else:
                aligned.append(Cell(value, count, count / column_counts[value]))
        row_total = theme_totals.get(theme.id, 0)
        total = (Cell("all", None, None, hidden=True) if protected.is_hidden(("row", theme.id))
                 else Cell("all", row_total, None))
        table_rows.append(CrossTabRow(theme, aligned, total))
    return CrossTab(field_name, columns, [column_cells[value] for value in columns], table_rows)

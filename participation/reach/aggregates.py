"""Counts behind every breakdown (dashboards, public results, exports), with small groups hidden.

A group smaller than the process's minimum group size is never shown or exported with its count, and
neither is any other cell that would let a reader work it out from the total (see `suppression`):
such cells are marked hidden, so nobody can be singled out by district, language or group.
"""
from dataclasses import dataclass

from sqlalchemy import func

from ..extensions import db
from ..models import Answer, Question, Response
from .suppression import TOTAL, protect_counts, protect_table

BREAKDOWN_FIELDS = ("channel", "language", "district", "target_group")


@dataclass
class Cell:
    value: str | None
    count: int | None        # None when hidden
    share: float | None      # of all counted responses, None when hidden
    hidden: bool = False


def suppress(counts: dict, min_group_size: int, total: int | None = None, additive: bool = True) -> list[Cell]:
    """Turn raw counts into cells, hiding every group below the minimum size and every group that
    would give one away through the total (additive=False when counts need not add up: multiple choice)."""
    total = total if total is not None else sum(counts.values())
    hidden = protect_counts(counts, min_group_size, total, additive)
    if TOTAL in hidden:
        return []   # withheld whole: even the names of its groups would give them away
    cells = []
    for value, count in sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))):
        if value in hidden:
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
    """Responses by channel, language, district or target group.

    Filtered counts are one row of the table "filter values × field", protected as a whole against the
    unfiltered breakdown (published on the same page), so comparing filters reveals no hidden group.
    """
    if field not in BREAKDOWN_FIELDS:
        raise ValueError(f"unknown breakdown field {field}")
    scope = _scope(questionnaire_id, filters)
    if not scope:
        return suppress(_grouped(process, (getattr(Response, field),)), process.min_group_size)
    return _scoped_cells(process, field, scope)


def _scope(questionnaire_id: int | None, filters: dict) -> dict:
    for name in filters:
        if name not in BREAKDOWN_FIELDS:
            raise ValueError(f"unknown breakdown field {name}")
    scope = {name: value for name, value in filters.items() if value}
    if questionnaire_id is not None:
        scope["questionnaire_id"] = questionnaire_id
    return scope


def _grouped(process, columns) -> dict:
    rows = db.session.execute(db.select(*columns, func.count(Response.id))
                              .where(Response.process_id == process.id).group_by(*columns)).all()
    return {tuple(row[:-1]) if len(columns) > 1 else row[0]: row[-1] for row in rows}


def _scoped_table(process, field: str, scope: dict):
    """The whole table "filter values × field", protected; and the row this scope selects."""
    minimum = process.min_group_size
    names = sorted(scope)
    counts = _grouped(process, [getattr(Response, name) for name in names] + [getattr(Response, field)])
    cells = {(key[:-1], key[-1]): count for key, count in counts.items()}
    rows: dict = {}
    columns: dict = {}
    for (combo, value), count in cells.items():
        rows[combo] = rows.get(combo, 0) + count
        columns[value] = columns.get(value, 0) + count
    unfiltered_hidden = {cell.value for cell in suppress(columns, minimum) if cell.hidden}
    protected = protect_table(cells, minimum, row_totals=rows, column_totals=columns,
                              grand_total=sum(columns.values()),
                              hidden_elsewhere={("column", value) for value in unfiltered_hidden},
                              shown_elsewhere={("column", value) for value in columns if value not in unfiltered_hidden}
                              | {("grand",)})
    return protected, cells, tuple(scope[name] for name in names), rows


def _scoped_cells(process, field: str, scope: dict) -> list[Cell]:
    protected, cells, combo, rows = _scoped_table(process, field, scope)
    total = rows.get(combo, 0)
    if protected.is_hidden(("row", combo)):
        return [Cell(value, None, None, hidden=True) for (row, value) in cells if row == combo]
    mine = [(value, count) for (row, value), count in cells.items() if row == combo]
    return [Cell(value, None, None, hidden=True) if protected.is_hidden(("cell", combo, value))
            else Cell(value, count, count / total if total else 0.0)
            for value, count in sorted(mine, key=lambda item: (-item[1], str(item[0])))]


def scope_hidden(process, questionnaire_id: int | None = None, **filters) -> bool:
    """True when a filtered view would show a group that the unfiltered breakdowns hide (or a small one)."""
    scope = _scope(questionnaire_id, filters)
    if not scope:
        return False
    total = total_responses(process, questionnaire_id, **filters)
    if 0 < total < process.min_group_size:
        return True
    for name, value in scope.items():
        if name in BREAKDOWN_FIELDS and any(cell.hidden and cell.value == value
                                            for cell in response_counts(process, name)):
            return True
    protected, _cells, combo, _rows = _scoped_table(process, "channel", scope)
    return protected.is_hidden(("row", combo))


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
    return suppress(counts, process.min_group_size, total=answered,
                    additive=question.kind != "multiple_choice"), answered


AGE_BAND = "age_band"


def age_band_questions(process) -> list:
    """The questions asking for the age band (code or profile field "age_band"), in every questionnaire."""
    return [question for questionnaire in process.questionnaires for question in questionnaire.questions
            if AGE_BAND in (question.code, question.profile_field)]


def age_band_counts(process, questionnaire_id: int | None = None, **filters) -> list[Cell]:
    """Responses by age band; None for responses without one (shown apart as "keine Angabe")."""
    conditions = response_filter(process.id, questionnaire_id, **filters)
    answered = dict(db.session.execute(
        db.select(Answer.response_id, Answer.choice_codes).join(Response).join(Question)
        .where(*conditions, Answer.item_kind == "answer",
               (Question.code == AGE_BAND) | (Question.profile_field == AGE_BAND))).all())
    counts: dict = {}
    for response_id in db.session.execute(db.select(Response.id).where(*conditions)).scalars():
        codes = answered.get(response_id) or []
        band = codes[0] if codes and codes[0] != "na" else None
        counts[band] = counts.get(band, 0) + 1
    return suppress(counts, process.min_group_size)


def scale_distribution(question, process, **filters) -> tuple[list[Cell], int, float | None]:
    """How often each point of a scale was chosen, how many answered, and the median (None when hidden)."""
    values = db.session.execute(
        db.select(Answer.number_value).join(Response)
        .where(Answer.question_id == question.id, Answer.item_kind == "answer", Answer.number_value.is_not(None),
               *response_filter(process.id, None, **filters))).scalars().all()
    answered = len(values)
    low = int(question.min_value if question.min_value is not None else min(values, default=1))
    high = int(question.max_value if question.max_value is not None else max(values, default=5))
    counts = {point: 0 for point in range(low, high + 1)}
    for value in values:
        counts[int(value)] = counts.get(int(value), 0) + 1
    if answered < process.min_group_size:
        return [Cell(point, None, None, hidden=True) for point in counts], answered, None
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    cells = {cell.value: cell for cell in suppress(counts, process.min_group_size, total=answered)}
    return [cells.get(point, Cell(point, None, None, hidden=True)) for point in counts], answered, median

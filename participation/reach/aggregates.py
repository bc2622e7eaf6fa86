"""Counts behind every breakdown (dashboards, public results, exports), with small groups hidden.

A group smaller than the process's minimum group size is never shown or exported with its count, and
neither is any other cell that would let a reader work it out from the total (see `suppression`):
such cells are marked hidden, so nobody can be singled out by district, language or group.
"""
from dataclasses import dataclass

from sqlalchemy import func

from ..cooperation.instruments import responses_of
from ..extensions import db
from ..models import Answer, Question, Response
from .suppression import TOTAL, protect_counts, protect_lattice

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
    """WHERE conditions for the residents' responses of a process (optionally one questionnaire and breakdown
    values); the cooperation check's partner survey and key-person guides count apart (see `responses_of`)."""
    conditions = responses_of(process_id, questionnaire_id)
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
    scope = scope_of(questionnaire_id, filters)
    if not scope:
        return suppress(_grouped(process, (getattr(Response, field),)), process.min_group_size)
    return _scoped_cells(process, field, scope)


def scope_of(questionnaire_id: int | None, filters: dict) -> dict:
    """The filters in effect (empty values dropped), with the questionnaire as one of them."""
    for name in filters:
        if name not in BREAKDOWN_FIELDS:
            raise ValueError(f"unknown breakdown field {name}")
    scope = {name: value for name, value in filters.items() if value}
    if questionnaire_id is not None:
        scope["questionnaire_id"] = questionnaire_id
    return scope


def _grouped(process, columns, questionnaire_id: int | None = None) -> dict:
    rows = db.session.execute(db.select(*columns, func.count(Response.id))
                              .where(*responses_of(process.id, questionnaire_id)).group_by(*columns)).all()
    return {tuple(row[:-1]) if len(columns) > 1 else row[0]: row[-1] for row in rows}


def scope_columns(scope: dict) -> tuple[list[str], list]:
    names = sorted(scope)
    return names, [getattr(Response, name) for name in names]


def protect_scope(process, cells: dict, rows: dict, additive: bool = True):
    """Protect the table "filter values × value" with every coarser table down to the unfiltered breakdown.

    A filtered view publishes one row of this table; other filters publish the other rows, fewer filters
    coarser tables (see `protect_lattice`), so comparing views reveals no hidden cell. cells: {(filter
    values, value): count}; rows: {filter values: responses, or people who answered — multiple answers
    make cells not add up to it, additive=False}.
    """
    return protect_lattice(cells, rows, process.min_group_size, additive)


def scoped_row(protected, cells: dict, combo: tuple, rows: dict) -> tuple[list[Cell], int | None]:
    """The cells of one filter combination with shares of its row total.

    A row that is hidden, or too small to show (zero included, so a reader cannot tell the two apart),
    gives nothing: no numbers, not even which values occur in it.
    """
    total = rows.get(combo, 0)
    mine = [(value, count) for (row, value), count in cells.items() if row == combo]
    if protected.is_hidden(("row", combo)) or total < protected.minimum:
        return [], None
    return [Cell(value, None, None, hidden=True) if protected.is_hidden(("cell", combo, value))
            else Cell(value, count, count / total if total else 0.0)
            for value, count in sorted(mine, key=lambda item: (-item[1], str(item[0])))], total


def _scoped_table(process, field: str, scope: dict):
    """The whole table "filter values × field", protected; and the row this scope selects."""
    names, columns = scope_columns(scope)
    counts = _grouped(process, columns + [getattr(Response, field)], scope.get("questionnaire_id"))
    cells = {(key[:-1], key[-1]): count for key, count in counts.items()}
    rows: dict = {}
    for (combo, _value), count in cells.items():
        rows[combo] = rows.get(combo, 0) + count
    protected = protect_scope(process, cells, rows)
    return protected, cells, tuple(scope[name] for name in names), rows


def _scoped_cells(process, field: str, scope: dict) -> list[Cell]:
    protected, cells, combo, rows = _scoped_table(process, field, scope)
    return scoped_row(protected, cells, combo, rows)[0]


def scope_hidden(process, questionnaire_id: int | None = None, **filters) -> bool:
    """True when a filtered view would show a group that the unfiltered breakdowns hide, or a small one.
    An empty selection counts as small: "0" and "hidden" must look alike, or hidden would mean "at least 1"."""
    scope = scope_of(questionnaire_id, filters)
    if not scope:
        return False
    if total_responses(process, questionnaire_id, **filters) < process.min_group_size:
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


def tally(records) -> tuple[dict, dict]:
    """(filter values, [values]) per person → {(filter values, value): count}, {filter values: people}."""
    cells: dict = {}
    rows: dict = {}
    for combo, values in records:
        if not values:
            continue
        rows[combo] = rows.get(combo, 0) + 1
        for value in values:
            cells[(combo, value)] = cells.get((combo, value), 0) + 1
    return cells, rows


def _answer_table(question, process, scope: dict, values_of) -> tuple[dict, dict, tuple]:
    """The table "filter values × value" of one question over the whole process, people who answered per
    filter values, and the filter values this scope selects. values_of(codes, number) → an answer's values."""
    names, columns = scope_columns(scope)
    records = db.session.execute(
        db.select(*columns, Answer.choice_codes, Answer.number_value).join(Response)
        .where(Answer.question_id == question.id, Answer.item_kind == "answer",
               Response.process_id == process.id)).all()
    cells, rows = tally((tuple(record[:len(names)]), values_of(record[len(names)], record[len(names) + 1]))
                         for record in records)
    return cells, rows, tuple(scope[name] for name in names)


def _answer_cells(question, process, filters: dict, values_of, additive: bool) -> tuple[list[Cell], int | None]:
    """Counts of an answer's values, with the number who answered (None when that would give a group away).

    Unfiltered: one breakdown protected against its total. Filtered: one row of the table "filter values ×
    value", protected as a whole (see `protect_scope`), so comparing filters reveals no hidden cell.
    """
    scope = scope_of(None, filters)
    cells, rows, combo = _answer_table(question, process, scope, values_of)
    if scope:
        cells_of_row, answered = scoped_row(protect_scope(process, cells, rows, additive),
                                            cells, combo, rows)
        return cells_of_row, answered
    counts = {value: count for (_combo, value), count in cells.items()}
    answered = sum(rows.values())
    shown = suppress(counts, process.min_group_size, total=answered, additive=additive) \
        if answered >= process.min_group_size else []
    if counts and not shown:        # too few answered, or withheld whole
        return [Cell(value, None, None, hidden=True) for value in counts], answered
    return shown, answered


def choice_frequencies(question, process, **filters) -> tuple[list[Cell], int | None]:
    """How often each option of a choice question was picked, and by how many people in all.

    Shares are of those who answered the question (multiple choice sums above 100 %). Every cell is
    hidden when fewer than the minimum answered at all; the number who answered is None when hidden.
    """
    return _answer_cells(question, process, filters, lambda codes, _number: list(codes or []),
                         additive=question.kind != "multiple_choice")


AGE_BAND = "age_band"


def age_band_questions(process) -> list:
    """The questions asking for the age band (code or profile field "age_band"), in every questionnaire."""
    return [question for questionnaire in process.questionnaires for question in questionnaire.questions
            if AGE_BAND in (question.code, question.profile_field)]


def age_band_counts(process, questionnaire_id: int | None = None, **filters) -> list[Cell]:
    """Responses by age band; None for responses without one (shown apart as "keine Angabe").

    Filtered, it is one row of the table "filter values × age band", protected as a whole like the other
    breakdowns (the age band is an answer, not a column of the response)."""
    scope = scope_of(questionnaire_id, filters)
    names, columns = scope_columns(scope)
    answered = dict(db.session.execute(
        db.select(Answer.response_id, Answer.choice_codes).join(Response).join(Question)
        .where(Response.process_id == process.id, Answer.item_kind == "answer",
               (Question.code == AGE_BAND) | (Question.profile_field == AGE_BAND))).all())

    def band(response_id):
        codes = answered.get(response_id) or []
        return codes[0] if codes and codes[0] != "na" else None
    records = db.session.execute(db.select(Response.id, *columns)
                                 .where(*responses_of(process.id, questionnaire_id))).all()
    cells, rows = tally((tuple(record[1:]), [band(record[0])]) for record in records)
    if scope:
        combo = tuple(scope[name] for name in names)
        return scoped_row(protect_scope(process, cells, rows), cells, combo, rows)[0]
    return suppress({value: count for (_combo, value), count in cells.items()}, process.min_group_size)


def scale_distribution(question, process, **filters) -> tuple[list[Cell], int | None, float | None]:
    """How often each point of a scale was chosen, how many answered, and the median.

    The median is given only when no point is hidden: together with the number who answered it bounds
    the counts below and above it, which could narrow a hidden point down.
    """
    cells, answered = _answer_cells(question, process, filters,
                                    lambda _codes, number: [int(number)] if number is not None else [], additive=True)
    low = int(question.min_value) if question.min_value is not None else min([c.value for c in cells], default=1)
    high = int(question.max_value) if question.max_value is not None else max([c.value for c in cells], default=5)
    if answered is None or answered < process.min_group_size:
        return [Cell(point, None, None, hidden=True) for point in range(low, high + 1)], answered, None
    by_point = {cell.value: cell for cell in cells}
    points = [by_point.get(point, Cell(point, 0, 0.0)) for point in range(low, high + 1)]
    points += [cell for cell in cells if not low <= cell.value <= high]
    if not answered or any(cell.hidden for cell in points):
        return points, answered, None
    return points, answered, _median(points)


def _median(points: list[Cell]) -> float:
    """The median of a distribution given as (point, count) cells in order."""
    total = sum(cell.count for cell in points)
    values = [cell.value for cell in points for _n in range(cell.count)]
    middle = total // 2
    return values[middle] if total % 2 else (values[middle - 1] + values[middle]) / 2

"""No hidden small group can be worked out from what a table publishes.

The attacker here is written independently of participation.reach.suppression: it knows every
published cell and total, knows that zeros are published as zeros (so a hidden cell holds at least 1),
and solves an integer programme for the largest value each hidden cell could hold. A small group is
protected when that value is at least the minimum group size: the reader cannot tell it from a
regular group, let alone recover its size.
"""
import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from participation.reach.aggregates import suppress
from participation.reach.suppression import TOTAL, protect_counts, protect_table

COUNTS = st.integers(min_value=0, max_value=30) | st.integers(min_value=0, max_value=4)


def attacker_maximum(unknowns: list, equations: list) -> dict:
    """equations: (coefficients by name, constant) meaning sum(coef * value) == constant.

    Returns the largest integer each unknown could hold (None = unbounded)."""
    index = {name: position for position, name in enumerate(unknowns)}
    matrix = np.zeros((len(equations), len(unknowns)))
    right = np.zeros(len(equations))
    for row, (coefficients, constant) in enumerate(equations):
        for name, coefficient in coefficients.items():
            matrix[row, index[name]] += coefficient
        right[row] = constant
    best = {}
    for name in unknowns:
        objective = np.zeros(len(unknowns))
        objective[index[name]] = -1
        constraints = [LinearConstraint(matrix, right, right)] if equations else []
        result = milp(objective, constraints=constraints, integrality=np.ones(len(unknowns)),
                      bounds=Bounds(np.ones(len(unknowns)), np.full(len(unknowns), 10_000)))
        assert result.status == 0, "the published table must be consistent with the true data"
        best[name] = None if -result.fun >= 9_999 else round(-result.fun)
    return best


def published_equations(values: dict, hidden: set, sums: list) -> list:
    """Each published sum as an equation over the hidden names, with published numbers moved right."""
    equations = []
    for total, parts in sums:
        coefficients, constant = {}, 0
        for name, sign in [(total, -1)] + [(part, 1) for part in parts]:
            if name in hidden:
                coefficients[name] = coefficients.get(name, 0) + sign
            else:
                constant -= sign * values[name]
        if coefficients:
            equations.append((coefficients, constant))
    return equations


def assert_no_small_group_recoverable(values: dict, hidden: set, sums: list, k: int):
    for name, value in values.items():
        if 0 < value < k:
            assert name in hidden, f"small group {name}={value} is published"
    maximum = attacker_maximum(sorted(hidden, key=repr), published_equations(values, hidden, sums))
    for name in hidden:
        if 0 < values[name] < k:
            assert maximum[name] is None or maximum[name] >= k, \
                f"{name}={values[name]} is pinned below {k} (at most {maximum[name]})"


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.dictionaries(st.sampled_from("abcdefgh"), COUNTS, min_size=1, max_size=8), st.integers(2, 6))
@example({"a": 1, "b": 1}, 2)
@example({"a": 156, "b": 28, "c": 16, "d": 3}, 5)
def test_one_way_breakdown_with_total_reveals_no_small_group(counts, k):
    hidden = protect_counts(counts, k)
    total = sum(counts.values())
    if TOTAL in hidden:
        assert hidden == set(counts) | {TOTAL}
        assert not suppress(counts, k), "a withheld breakdown names none of its groups"
        return
    values = dict(counts, total=total)
    assert_no_small_group_recoverable(values, set(hidden), [("total", list(counts))], k)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(1, 4), st.integers(1, 5), st.data(), st.integers(3, 6),
       st.booleans(), st.booleans())
def test_cross_tab_with_margins_reveals_no_small_group(rows, columns, data, k, with_row_totals, with_column_totals):
    cells = {(r, c): data.draw(COUNTS) for r in range(rows) for c in range(columns)}
    row_totals = {r: sum(cells[(r, c)] for c in range(columns)) for r in range(rows)} if with_row_totals else None
    column_totals = ({c: sum(cells[(r, c)] for r in range(rows)) for c in range(columns)}
                     if with_column_totals else None)
    grand = sum(cells.values())
    suppression = protect_table(cells, k, row_totals, column_totals, grand)
    values = {("cell", r, c): count for (r, c), count in cells.items()}
    values[("grand",)] = grand
    sums = []
    if row_totals:
        for r, total in row_totals.items():
            values[("row", r)] = total
            sums.append((("row", r), [("cell", r, c) for c in range(columns)]))
        sums.append((("grand",), [("row", r) for r in range(rows)]))
    if column_totals:
        for c, total in column_totals.items():
            values[("column", c)] = total
            sums.append((("column", c), [("cell", r, c) for r in range(rows)]))
        sums.append((("grand",), [("column", c) for c in range(columns)]))
    if not row_totals and not column_totals:
        sums.append((("grand",), [("cell", r, c) for (r, c) in cells]))
    assert_no_small_group_recoverable(values, suppression.hidden, sums, k)


def test_the_cases_from_the_issue_are_protected():
    by_district = {"Nordstadt": 5, "Hafen": 11, "Altstadt": 10, "Lindenhof": 7, "Weststadt": 7, None: 4}
    hidden = protect_counts(by_district, 5)
    assert None in hidden and len(hidden) >= 2
    reach = {"online": 156, "peer_interview": 28, "paper": 16, "focus_group": 3}
    assert protect_counts(reach, 5) == {"focus_group", "paper"}


def test_a_breakdown_of_only_small_groups_is_withheld_whole():
    assert TOTAL in protect_counts({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, 5)
    assert suppress({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, 5) == []


def test_multiple_choice_counts_hide_only_small_groups():
    assert protect_counts({"bus": 30, "doctors": 2, "parks": 9}, 5, total=35, additive=False) == {"doctors"}


def test_cells_of_a_one_way_breakdown_keep_their_shares_of_the_total():
    cells = {cell.value: cell for cell in suppress({"a": 40, "b": 3, "c": 7, "d": 50}, 5)}
    assert cells["a"].share == 0.4 and cells["d"].count == 50
    assert cells["b"].hidden and cells["c"].hidden and cells["c"].share is None


def test_nothing_is_hidden_when_every_group_is_large_enough():
    assert protect_counts({"a": 5, "b": 6, "c": 0}, 5) == set()

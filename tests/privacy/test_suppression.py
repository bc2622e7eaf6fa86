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


# --- filtered views compared with each other -----------------------------------------------------------

FILTER_VALUES = ("a", "b", "c")
ANSWERS = ("x", "y", "z")


def _views(people: dict, k: int) -> list:
    """Everything the reach page publishes for one breakdown, over every filter it offers, as (filters, row,
    {value: count or None}, total or None); None is "nicht ausgewiesen", a value not listed is absent (0).

    The unfiltered breakdown and the breakdown by each filter (which groups exist, named even when hidden,
    unless withheld whole), and every one- and two-filter view whose numbers are shown at all."""
    from itertools import combinations as subsets

    from participation.reach.aggregates import scoped_row
    from participation.reach.suppression import protect_lattice

    views = []
    counts = {}
    for (first, second, answer), count in people.items():
        counts[answer] = counts.get(answer, 0) + count
    shown = {cell.value: cell.count for cell in suppress({a: c for a, c in counts.items() if c}, k)}
    if shown:
        views.append(((), (), shown, sum(counts.values())))
    for dim in (0, 1):
        by_filter = {}
        for name, count in people.items():
            by_filter[name[dim]] = by_filter.get(name[dim], 0) + count
        named = {cell.value: cell.count for cell in suppress({v: c for v, c in by_filter.items() if c}, k)}
        views += [((dim,), (value,), {}, count)
                  for value, count in named.items()]
    for size in (1, 2):
        for dims in subsets((0, 1), size):
            cells, rows = {}, {}
            for (first, second, answer), count in people.items():
                if count:
                    combo = tuple((first, second)[d] for d in dims)
                    cells[(combo, answer)] = cells.get((combo, answer), 0) + count
                    rows[combo] = rows.get(combo, 0) + count
            protected = protect_lattice(cells, rows, k)
            for combo in rows:
                row, total = scoped_row(protected, cells, combo, rows)
                if total is not None:
                    views.append((dims, combo, {cell.value: cell.count for cell in row}, total))
    return views


def _attacker_bound(people: dict, views: list, target: list) -> int | None:
    """The largest the sum of the true cells in `target` could be, given every view (None = unbounded)."""
    unknowns = sorted(people)
    index = {name: position for position, name in enumerate(unknowns)}

    def members(dims, combo, answer=None):
        return [name for name in unknowns if tuple(name[d] for d in dims) == combo
                and (answer is None or name[2] == answer)]
    equalities, at_least_one = [], []
    for dims, combo, row, total in views:
        if total is not None:
            equalities.append((members(dims, combo), total))
        elif not row:
            at_least_one.append(members(dims, combo))
        if not row:
            continue      # a group named in a breakdown says nothing about its answers
        for answer in ANSWERS:
            if answer not in row:
                equalities.append((members(dims, combo, answer), 0))
            elif row[answer] is None:
                at_least_one.append(members(dims, combo, answer))
            else:
                equalities.append((members(dims, combo, answer), row[answer]))

    def vector(names):
        row = np.zeros(len(unknowns))
        for name in names:
            row[index[name]] = 1
        return row
    matrix = [vector(names) for names, _value in equalities] + [vector(names) for names in at_least_one]
    low = [value for _names, value in equalities] + [1] * len(at_least_one)
    high = [value for _names, value in equalities] + [np.inf] * len(at_least_one)
    result = milp(-vector(target), constraints=[LinearConstraint(np.array(matrix), low, high)],
                  integrality=np.ones(len(unknowns)), bounds=Bounds(0, 10_000))
    assert result.status == 0, "what is published must be consistent with the true data"
    return None if -result.fun >= 9_999 else round(-result.fun)


PEOPLE = st.fixed_dictionaries({(first, second, answer): st.integers(0, 9) | st.integers(0, 2)
                                for first in FILTER_VALUES for second in FILTER_VALUES[:2] for answer in ANSWERS})


@settings(max_examples=40, deadline=None, derandomize=True)
@given(PEOPLE, st.integers(3, 5))
def test_comparing_filtered_views_reveals_no_small_group(people, k):
    """A reader who opens every filter combination and the unfiltered page, and solves for each hidden
    group's largest possible size, never pins a group of 1 … k−1 below k."""
    views = _views(people, k)
    for dims, combo, row, _total in views:
        for answer, count in row.items():
            true = sum(c for name, c in people.items() if tuple(name[d] for d in dims) == combo and name[2] == answer)
            assert count is None or count == true
            if 0 < true < k:
                assert count is None, f"small group {dims}{combo}:{answer}={true} is published"
                bound = _attacker_bound(people, views, [name for name in people if name[2] == answer
                                                        and tuple(name[d] for d in dims) == combo])
                assert bound is None or bound >= k, f"{dims}{combo}:{answer}={true} is pinned at most {bound}"


def test_a_group_hidden_everywhere_is_not_recovered_by_comparing_views():
    """Found by the property test against per-view protection: each view alone hid the single "z" answer,
    but the views together pinned it to 1."""
    people = {(first, second, answer): 0 for first in FILTER_VALUES for second in FILTER_VALUES[:2]
              for answer in ANSWERS}
    people.update({("b", "b", "y"): 3, ("c", "a", "z"): 1, ("c", "b", "y"): 3})
    views = _views(people, 3)
    assert all(row.get("z") is None for _dims, _combo, row, _total in views)
    bound = _attacker_bound(people, views, [name for name in people if name[2] == "z"])
    assert bound is None or bound >= 3

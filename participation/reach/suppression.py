"""Complementary (secondary) cell suppression: no hidden count can be worked out from what is published.

Hiding only the groups below the minimum size k is not enough: with the total shown, one hidden cell is
the total minus the others. So after hiding every count 0 < n < k ("primary"), further cells are hidden
("secondary") until, for every primary cell, the published numbers are consistent with that cell holding
k or more. A reader can then not even tell that a hidden cell is a small group, let alone its size.
Hidden cells all look alike, so a reader cannot tell primary from secondary ones either.

The check is the one statistical offices use: a linear programme over the table's sums (cells add up
to their row and column totals, the totals to the grand total) with every hidden cell at least 1,
because zeros are published as zeros. It runs on scipy's HiGHS solver.

`protect_table` works on a grid with optional margins; `protect_counts` is the one-way case
(one breakdown and its total), used by every page, chart and export that shows counts;
`protect_lattice` protects filtered views together with the coarser views they can be compared with.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

TOTAL = "__total__"


@dataclass
class Suppression:
    """Which keys of a table are hidden. Keys: ("cell", row, column), ("row", row), ("column", column),
    ("grand",)."""
    values: dict
    sums: list              # (total key, [part keys]) for every published sum
    hidden: set = field(default_factory=set)
    fixed: set = field(default_factory=set)   # published elsewhere: never chosen to hide
    minimum: int = 0        # k, for readers of the decisions (a row below it is not shown)

    def is_hidden(self, key) -> bool:
        return key in self.hidden


def is_small(count: int | None, k: int) -> bool:
    return count is not None and 0 < count < k


def protect_table(cells: dict, k: int, row_totals: dict | None = None, column_totals: dict | None = None,
                  grand_total: int | None = None, hidden_elsewhere: set | None = None,
                  shown_elsewhere: set | None = None) -> Suppression:
    """Hide small cells and enough others that none can be recovered.

    cells: {(row, column): count}. Margins are published when given; a margin takes part in the sums only
    when it equals the sum of its cells (distinct-person totals of multiple answers are not additive, and
    are then protected as single numbers). hidden_elsewhere / shown_elsewhere: keys another published
    table already hides or shows (e.g. the margins of an unfiltered breakdown); they stay as they are.
    """
    values = {("cell", row, column): count for (row, column), count in cells.items()}
    sums = []
    for kind, margins, position in (("row", row_totals, 0), ("column", column_totals, 1)):
        for name, total in (margins or {}).items():
            values[(kind, name)] = total
            parts = [key for key in values if key[0] == "cell" and (key[1], key[2])[position] == name]
            if total == sum(values[key] for key in parts):
                sums.append(((kind, name), parts))
    if grand_total is not None:
        values[("grand",)] = grand_total
        for kind, margins in (("row", row_totals), ("column", column_totals)):
            parts = [(kind, name) for name in (margins or {})]
            if parts and grand_total == sum(values[key] for key in parts):
                sums.append((("grand",), parts))
        inner = [key for key in values if key[0] == "cell"]
        if not row_totals and not column_totals and grand_total == sum(values[key] for key in inner):
            sums.append((("grand",), inner))
    suppression = Suppression(values, sums, fixed=set(shown_elsewhere or ()))
    suppression.hidden = {key for key, count in values.items() if is_small(count, k)} | set(hidden_elsewhere or ())
    _add_complementary(suppression, k)
    return suppression


def protect_counts(counts: dict, k: int, total: int | None = None, additive: bool = True) -> set:
    """The values of a one-way breakdown to hide. The total is taken as published (shares reveal it).

    When even hiding every group would leave them recoverable (e.g. five groups of one and the total 5),
    the result holds every value, zeros included, and TOTAL: the breakdown must then be withheld whole,
    without naming its groups.

    additive=False for breakdowns whose counts do not add up to anything (multiple choice): then only
    the small groups themselves are hidden.
    """
    if not additive:
        return {value for value, count in counts.items() if is_small(count, k)}
    total = sum(counts.values()) if total is None else total
    suppression = protect_table({(TOTAL, value): count for value, count in counts.items()}, k,
                                row_totals={TOTAL: total})
    if suppression.is_hidden(("row", TOTAL)):
        return set(counts) | {TOTAL}
    return {key[2] for key in suppression.hidden if key[0] == "cell"}


def _system(suppression: Suppression):
    """The published sums as equations over the hidden keys: (hidden keys, A, b) with A·x = b."""
    hidden = sorted(suppression.hidden, key=repr)
    index = {name: position for position, name in enumerate(hidden)}
    entries, columns, right = [], [], []
    for total, parts in suppression.sums:
        members = [(total, -1.0)] + [(part, 1.0) for part in parts]
        if not any(member in index for member, _sign in members):
            continue
        constant = 0.0
        row = len(right)
        for member, sign in members:
            if member in index:
                entries.append((row, index[member], sign))
            else:
                constant += sign * suppression.values[member]
        right.append(-constant)
    matrix = coo_matrix(([e[2] for e in entries], ([e[0] for e in entries], [e[1] for e in entries])),
                        shape=(len(right), len(hidden))).tocsr()
    return hidden, matrix, np.array(right)


def largest_possible(suppression: Suppression, key) -> float:
    """The largest value a reader could believe the hidden cell `key` to hold, given what is published."""
    hidden, matrix, right = _system(suppression)
    if not len(right):
        return float("inf")
    objective = np.zeros(len(hidden))
    objective[hidden.index(key)] = -1.0
    result = linprog(objective, A_eq=matrix, b_eq=right, bounds=[(1, None)] * len(hidden), method="highs")
    if result.status == 3:      # unbounded: nothing limits the cell
        return float("inf")
    if result.status != 0:      # cannot happen with true data; hide-everything is the safe answer
        return float("-inf")
    return -result.fun


def _all_safe(suppression: Suppression, keys: list, k: int, system) -> bool:
    """Whether the published numbers allow every one of `keys` to hold k or more at once (for one key:
    exactly whether it could hold k or more)."""
    hidden, matrix, right = system
    if not len(right):
        return True
    wanted = set(keys)
    bounds = [(k, None) if name in wanted else (1, None) for name in hidden]
    result = linprog(np.zeros(len(hidden)), A_eq=matrix, b_eq=right, bounds=bounds, method="highs")
    return result.status in (0, 3)


def pinned(suppression: Suppression, keys: list, k: int, system=None) -> list:
    """The keys a reader can pin below k, in the given order. Groups of keys that can all hold k at once
    are cleared with one programme; only conflicting ones are split further (few programmes when most
    hidden groups are safe, which is the usual case)."""
    system = system or _system(suppression)
    if not keys or _all_safe(suppression, keys, k, system):
        return []
    if len(keys) == 1:
        return list(keys)
    middle = len(keys) // 2
    return pinned(suppression, keys[:middle], k, system) + pinned(suppression, keys[middle:], k, system)


def _add_complementary(suppression: Suppression, k: int) -> bool:
    """Hide the smallest visible cell sharing a sum with an exposed cell until none is exposed; False when
    some cell could not be protected (nothing left to hide beside it).

    Hiding more only widens what a reader must consider possible, so a cell found safe stays safe: only
    the cells pinned at the start need work, each in turn.
    """
    primary = sorted((key for key in suppression.hidden if is_small(suppression.values[key], k)), key=repr)
    protected = True
    for key in pinned(suppression, primary, k):
        while largest_possible(suppression, key) < k - 1e-6:
            candidate = _candidate(suppression, key)
            if candidate is None:
                protected = False
                break
            suppression.hidden.add(candidate)
    return protected


def _candidate(suppression: Suppression, key):
    """A visible, non-zero cell to hide next: first in the exposed cell's own sums, inner cells before
    margins, smallest first; else anywhere in a sum that holds a hidden cell."""
    def visible(members):
        return [m for m in members if m not in suppression.hidden and m not in suppression.fixed
                and suppression.values[m] > 0]

    def best(members):
        members = visible(members)
        inner = [m for m in members if m[0] == "cell"]
        pool = inner or members
        return min(pool, key=lambda m: (suppression.values[m], repr(m))) if pool else None

    own = [member for total, parts in suppression.sums if key == total or key in parts
           for member in [total] + parts]
    choice = best(own)
    if choice is not None:
        return choice
    linked = [member for total, parts in suppression.sums
              if any(m in suppression.hidden for m in [total] + parts) for member in [total] + parts]
    return best(linked)


SMALL_GROUPS_LIMIT = 30   # a filtered table with more small groups than this is withheld whole


def protect_lattice(cells: dict, rows: dict, k: int, additive: bool = True) -> Suppression:
    """Protect a table "filter values × value" together with every coarser table a reader can also ask for.

    cells: {(filter values, value): count}, rows: {filter values: people}; filter values is a tuple, one
    entry per filter. A view filtered by language and district publishes one row of the finest table, one
    filtered by language alone a row of a coarser one, the unfiltered view the coarsest. Summing finer rows
    gives coarser cells, so each table is protected with all its coarser tables' numbers and sums in view:
    coarser decisions stay as they are (the same whichever view is asked for first), and when a table
    cannot be made safe around them, all of it is hidden, which tells no more than the coarser tables.
    A table made mostly of small groups is hidden whole without trying: its views would show next to
    nothing, and the linear programmes grow with every small group.

    Returns the finest table's decisions with keys ("cell", filter values, value) and ("row", filter values).
    """
    if not rows:
        return Suppression({}, [], minimum=k)
    width = len(next(iter(rows)))
    levels = [tuple(dims) for size in range(width + 1) for dims in combinations(range(width), size)]
    values: dict = {}
    for (combo, value), count in cells.items():
        for dims in levels:
            key = ("cell", dims, tuple(combo[d] for d in dims), value)
            values[key] = values.get(key, 0) + count
    for combo, count in rows.items():
        for dims in levels:
            key = ("row", dims, tuple(combo[d] for d in dims))
            values[key] = values.get(key, 0) + count
    own_keys = {dims: [] for dims in levels}
    for key in values:
        own_keys[key[1]].append(key)
    sums = {dims: _lattice_sums(dims, own_keys, values, additive) for dims in levels}
    hidden: set = set()
    for dims in levels:
        inside = [level for level in levels if set(level) <= set(dims)]
        if not dims:
            hidden |= _coarsest_hidden(own_keys[dims], values, k, additive)
            continue
        if len(dims) == 1:
            hidden |= _breakdown_rows_hidden(own_keys[dims], values, k)
        if sum(is_small(values[key], k) for key in own_keys[dims]) > SMALL_GROUPS_LIMIT:
            hidden |= set(own_keys[dims])     # mostly small groups: nothing worth the work to show
            continue
        decided = [key for level in inside for key in own_keys[level]
                   if level != dims or (key[0] == "row" and len(dims) == 1)]
        suppression = Suppression({key: values[key] for level in inside for key in own_keys[level]},
                                  [entry for level in inside for entry in sums[level]],
                                  hidden={key for key in hidden if key[1] in inside}
                                  | {key for key in own_keys[dims] if is_small(values[key], k)},
                                  fixed={key for key in decided if key not in hidden})
        safe = _add_complementary(suppression, k)
        hidden |= {key for key in suppression.hidden if key[1] == dims} if safe else set(own_keys[dims])
    finest = levels[-1]
    return Suppression({_finest(key): count for key, count in values.items() if key[1] == finest}, [],
                       hidden={_finest(key) for key in hidden if key[1] == finest}, minimum=k)


def _finest(key):
    return ("cell", key[2], key[3]) if key[0] == "cell" else ("row", key[2])


def _lattice_sums(dims: tuple, own_keys: dict, values: dict, additive: bool) -> list:
    """The sums a table adds to what its coarser tables publish: its rows (when its cells add up to them)
    and, for each coarser table one filter less, how its cells and rows add up to that table's."""
    sums = []
    cells_by_row: dict = {}
    for key in own_keys[dims]:
        if key[0] == "cell":
            cells_by_row.setdefault(key[2], []).append(key)
    for key in own_keys[dims]:
        if key[0] == "row" and additive and values[key] == sum(values[part] for part in cells_by_row.get(key[2], [])):
            sums.append((key, cells_by_row.get(key[2], [])))
    for dropped in dims:
        coarser = tuple(d for d in dims if d != dropped)
        position = [dims.index(d) for d in coarser]
        parts: dict = {}
        for key in own_keys[dims]:
            reduced = tuple(key[2][p] for p in position)
            target = ("cell", coarser, reduced, key[3]) if key[0] == "cell" else ("row", coarser, reduced)
            parts.setdefault(target, []).append(key)
        sums += list(parts.items())
    return sums


def _breakdown_rows_hidden(keys: list, values: dict, k: int) -> set:
    """The rows of a one-filter table are the breakdown by that filter (responses by district, …): decided
    as `protect_counts` decides that breakdown where it is published on its own."""
    rows = {key[2]: values[key] for key in keys if key[0] == "row"}
    hidden = protect_counts(rows, k)
    if TOTAL in hidden:
        return {key for key in keys if key[0] == "row"}
    return {key for key in keys if key[0] == "row" and key[2] in hidden}


def _coarsest_hidden(keys: list, values: dict, k: int, additive: bool) -> set:
    """The unfiltered breakdown, decided exactly as `protect_counts` decides it for the unfiltered view."""
    counts = {key[3]: values[key] for key in keys if key[0] == "cell"}
    total = next(values[key] for key in keys if key[0] == "row")
    hidden = protect_counts(counts, k, total, additive)
    if TOTAL in hidden:
        return set(keys)
    return {key for key in keys if key[0] == "cell" and key[3] in hidden}

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
(one breakdown and its total), used by every page, chart and export that shows counts.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linprog

TOTAL = "__total__"


@dataclass
class Suppression:
    """Which keys of a table are hidden. Keys: ("cell", row, column), ("row", row), ("column", column),
    ("grand",)."""
    values: dict
    sums: list              # (total key, [part keys]) for every published sum
    hidden: set = field(default_factory=set)
    fixed: set = field(default_factory=set)   # published elsewhere: never chosen to hide

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


def largest_possible(suppression: Suppression, key) -> float:
    """The largest value a reader could believe the hidden cell `key` to hold, given what is published."""
    hidden = sorted(suppression.hidden, key=repr)
    index = {name: position for position, name in enumerate(hidden)}
    rows, right = [], []
    for total, parts in suppression.sums:
        members = [total] + parts
        if not any(member in index for member in members):
            continue
        row = np.zeros(len(hidden))
        constant = 0.0
        for member, sign in [(total, -1.0)] + [(part, 1.0) for part in parts]:
            if member in index:
                row[index[member]] += sign
            else:
                constant += sign * suppression.values[member]
        rows.append(row)
        right.append(-constant)
    if not rows:
        return float("inf")
    objective = np.zeros(len(hidden))
    objective[index[key]] = -1.0
    result = linprog(objective, A_eq=np.array(rows), b_eq=np.array(right), bounds=[(1, None)] * len(hidden),
                     method="highs")
    if result.status == 3:      # unbounded: nothing limits the cell
        return float("inf")
    if result.status != 0:      # cannot happen with true data; hide-everything is the safe answer
        return float("-inf")
    return -result.fun


def _add_complementary(suppression: Suppression, k: int) -> None:
    """Hide the smallest visible cell sharing a sum with an exposed cell until none is exposed.

    Hiding more only widens what a reader must consider possible, so a cell found safe stays safe and
    is checked once.
    """
    primary = sorted((key for key in suppression.hidden if is_small(suppression.values[key], k)), key=repr)
    for key in primary:
        while largest_possible(suppression, key) < k - 1e-6:
            candidate = _candidate(suppression, key)
            if candidate is None:
                break
            suppression.hidden.add(candidate)


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

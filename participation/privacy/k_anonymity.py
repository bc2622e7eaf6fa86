"""k-anonymous row data: every combination of the facts that could single out a person is shared by k rows.

The quasi-identifiers of a response are its language, district, target group, age band and month.
Each has a ladder of coarser values (month → quarter → year → blank; age band → three wide bands →
blank; language → German / other language → blank; district and target group → blank). Starting from
the exact values, the ladder step that leaves the fewest rows in groups below k is taken for the
whole file (global recoding, so a column means the same in every row), until at most a tenth of the
rows are still in small groups; those rows get every quasi-identifier blanked (local suppression).
The result says which steps were taken, for the codebook.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

QUASI_IDENTIFIERS = ("month", "age_band", "language", "target_group", "district")   # coarsened in this order
SUPPRESSION_BUDGET = 0.1
WIDE_AGE_BANDS = {"u18": "u30", "18_29": "u30", "30_49": "30_64", "50_64": "30_64", "65_79": "65plus",
                  "80plus": "65plus"}


def _month(value, level):
    if value is None or level >= 3:
        return None
    if level == 0:
        return value
    year, month = value.split("-")
    return f"{year}-Q{(int(month) - 1) // 3 + 1}" if level == 1 else year


def _age_band(value, level):
    if value is None or level >= 2:
        return None
    return value if level == 0 else WIDE_AGE_BANDS.get(value, value)


def _language(value, level):
    if value is None or level >= 2:
        return None
    return value if level == 0 or value == "de" else "other"


def _exact_or_blank(value, level):
    return value if level == 0 else None


LADDERS = {"month": (_month, 3), "age_band": (_age_band, 2), "language": (_language, 2),
           "target_group": (_exact_or_blank, 1), "district": (_exact_or_blank, 1)}


def generalise(attribute: str, value, level: int):
    """The value of one quasi-identifier at a step of its ladder (0 = exact)."""
    function, _top = LADDERS[attribute]
    return function(value, level)


@dataclass
class Anonymised:
    rows: list[dict]                       # same order as given; quasi-identifiers replaced
    levels: dict = field(default_factory=dict)   # attribute → ladder step taken
    suppressed: set = field(default_factory=set)  # positions whose quasi-identifiers were all blanked


def _key(row: dict, levels: dict) -> tuple:
    return tuple(generalise(name, row.get(name), levels[name]) for name in QUASI_IDENTIFIERS)


def _rows_in_small_groups(rows: list[dict], levels: dict, k: int) -> int:
    sizes = Counter(_key(row, levels) for row in rows)
    return sum(size for size in sizes.values() if size < k)


def k_anonymise(rows: list[dict], k: int) -> Anonymised:
    """rows: dicts holding at least the quasi-identifiers (month as "YYYY-MM"). Returns coarsened copies."""
    levels = {name: 0 for name in QUASI_IDENTIFIERS}
    budget = int(len(rows) * SUPPRESSION_BUDGET)
    while _rows_in_small_groups(rows, levels, k) > budget:
        steps = [name for name in QUASI_IDENTIFIERS if levels[name] < LADDERS[name][1]]
        if not steps:
            break
        best = min(steps, key=lambda name: (_rows_in_small_groups(rows, dict(levels, **{name: levels[name] + 1}), k),
                                            QUASI_IDENTIFIERS.index(name)))
        levels[best] += 1
    sizes = Counter(_key(row, levels) for row in rows)
    result = Anonymised([], levels)
    for position, row in enumerate(rows):
        key = _key(row, levels)
        blank = sizes[key] < k
        if blank:
            result.suppressed.add(position)
        result.rows.append(dict(row, **{name: None if blank else value
                                        for name, value in zip(QUASI_IDENTIFIERS, key)}))
    return result

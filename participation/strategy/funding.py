"""The funding overview: per funder and year, which measures in which districts get how much, with the
cases a planner has to check.

Double funding: one measure in one year has budget rows of two or more different funders. The platform
cannot tell whether they pay for the same costs, so it flags the case for checking and says why.
Funding gap: a measure still planned or running after the last of its funding periods ends (it has no end
date or ends later), with no plan for how it is paid afterwards (Verstetigung).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from ..models import Measure
from .measures import RUNNING, euros

OWN_BUDGET = ""     # a budget row without funder: the measure's own money


@dataclass
class FundingRow:
    funder: str
    year: int
    measure: Measure
    district: str
    amount: int


@dataclass
class DoubleFunding:
    measure: Measure
    year: int
    funders: list[str]
    amount: int


@dataclass
class FundingGap:
    measure: Measure
    funding_ends: date
    runs_until: date | None


def funding_rows(measures: list[Measure]) -> list[FundingRow]:
    """One row per funder, year and measure (rows of the same funder and year are added up)."""
    sums: dict[tuple[str, int, int], int] = {}
    by_id = {measure.id: measure for measure in measures}
    for measure in measures:
        for line in measure.budget_lines:
            key = (line.funder or OWN_BUDGET, line.year, measure.id)
            sums[key] = sums.get(key, 0) + line.amount
    rows = [FundingRow(funder, year, by_id[measure_id], by_id[measure_id].district, amount)
            for (funder, year, measure_id), amount in sums.items()]
    return sorted(rows, key=lambda r: (r.funder == OWN_BUDGET, r.funder.casefold(), r.year,
                                       r.measure.title.casefold()))


def double_fundings(measures: list[Measure]) -> list[DoubleFunding]:
    found = []
    for measure in measures:
        years: dict[int, dict[str, int]] = {}
        for line in measure.budget_lines:
            if line.funder:
                by_funder = years.setdefault(line.year, {})
                by_funder[line.funder] = by_funder.get(line.funder, 0) + line.amount
        found += [DoubleFunding(measure, year, sorted(by_funder), sum(by_funder.values()))
                  for year, by_funder in sorted(years.items()) if len(by_funder) > 1]
    return found


def funding_gaps(measures: list[Measure]) -> list[FundingGap]:
    gaps = []
    for measure in measures:
        ends = [funding.ends_on for funding in measure.fundings if funding.ends_on]
        if not ends or measure.status not in RUNNING or measure.continuation.strip():
            continue
        last = max(ends)
        if measure.ends_on is None or measure.ends_on > last:
            gaps.append(FundingGap(measure, last, measure.ends_on))
    return gaps


def totals(rows: list[FundingRow]) -> dict[tuple[str, int], int]:
    """Sum per funder and year."""
    result: dict[tuple[str, int], int] = {}
    for row in rows:
        result[(row.funder, row.year)] = result.get((row.funder, row.year), 0) + row.amount
    return result


def double_funding_text(case: DoubleFunding) -> str:
    return _("%(year)s fördern %(funders)s dieselbe Maßnahme mit zusammen %(amount)s. Bitte prüfen Sie, ob "
             "dieselben Kosten doppelt gefördert werden.", year=case.year, funders=", ".join(case.funders),
             amount=euros(case.amount))


def gap_text(gap: FundingGap) -> str:
    end = gap.funding_ends.strftime("%d.%m.%Y")
    if gap.runs_until is None:
        return _("Die Förderung endet am %(end)s, die Maßnahme hat kein Enddatum und keinen Plan zur "
                 "Verstetigung.", end=end)
    return _("Die Förderung endet am %(end)s, die Maßnahme läuft bis %(until)s und hat keinen Plan zur "
             "Verstetigung.", end=end, until=gap.runs_until.strftime("%d.%m.%Y"))

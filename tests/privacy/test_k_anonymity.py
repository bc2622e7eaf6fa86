"""Row data is k-anonymous: no combination of language, district, target group, age band and period
describes fewer than k rows, unless every one of those facts is blanked in the row."""
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from participation.privacy.k_anonymity import QUASI_IDENTIFIERS, k_anonymise

ROWS = st.lists(st.fixed_dictionaries({
    "language": st.sampled_from(["de", "de", "de", "tr", "ar", "uk", None]),
    "district": st.sampled_from(["Nordstadt", "Hafen", "Altstadt", "Lindenhof", None]),
    "target_group": st.sampled_from(["Eltern", "Ältere", "Jugendliche", None]),
    "age_band": st.sampled_from(["u18", "18_29", "30_49", "50_64", "65_79", "80plus", "na", None]),
    "month": st.sampled_from(["2026-01", "2026-02", "2026-04", "2026-07", "2025-12"]),
}), min_size=0, max_size=120)


def _combination(row):
    return tuple(row[name] for name in QUASI_IDENTIFIERS)


@settings(max_examples=120, deadline=None, derandomize=True)
@given(ROWS, st.integers(2, 6))
def test_every_published_combination_is_shared_by_k_rows(rows, k):
    result = k_anonymise(rows, k)
    assert len(result.rows) == len(rows)
    sizes = Counter(_combination(row) for row in result.rows)
    for combination, size in sizes.items():
        if any(value is not None for value in combination):
            assert size >= k, f"{combination} describes only {size} rows"
    for position in result.suppressed:
        assert all(result.rows[position][name] is None for name in QUASI_IDENTIFIERS)
    assert len(result.suppressed) <= max(len(rows) // 10, 0) or all(
        level > 0 for level in result.levels.values()), "blank whole rows only after coarsening"


def test_coarsening_keeps_what_is_common_and_says_what_it_did():
    rows = [{"language": "de", "district": "Nordstadt", "target_group": None, "age_band": "30_49",
             "month": f"2026-0{1 + n % 3}"} for n in range(30)]
    rows += [{"language": "ar", "district": "Nordstadt", "target_group": None, "age_band": "30_49",
              "month": "2026-02"}]
    result = k_anonymise(rows, 5)
    assert result.levels["district"] == 0 and result.rows[0]["district"] == "Nordstadt"
    assert result.suppressed == {30}, "the one Arabic answer is blanked, not the whole column"
    assert result.rows[0]["month"] == "2026-01"


def test_months_become_quarters_before_anything_else():
    rows = [{"language": "de", "district": "Hafen", "target_group": None, "age_band": None,
             "month": f"2026-0{1 + n % 3}"} for n in range(9)]
    result = k_anonymise(rows, 5)
    assert {row["month"] for row in result.rows} == {"2026-Q1"} and not result.suppressed

"""compare_plans: aligned targets of two plans side by side, and which is stricter."""
import math

import pytest

from chitieu._core import load_plan
from chitieu.compare import COMPARE_COLUMNS, compare_plans


def _row(frame, a_indicator):
    rows = frame[frame["a_indicator"] == a_indicator]
    assert len(rows) == 1, f"{a_indicator}: {len(rows)} rows"
    return rows.iloc[0]


def test_columns_and_pairs_la_gi_vs_province():
    frame = compare_plans("la-gi-2024", "binh-thuan-2024")
    assert tuple(frame.columns) == COMPARE_COLUMNS
    # La Gi's five links to the province, in La Gi's order
    assert list(frame["a_indicator"]) == [
        "income_per_capita", "trained_labour", "trained_labour_certified", "new_jobs", "social_insurance"]
    assert list(frame["b_indicator"]) == list(frame["a_indicator"])


def test_income_ranges_compare_their_floors():
    # 2,0–2,6 vs 2,0–2,5 times 2020: both met from a ratio of 2.0 (inclusive) → equal
    row = _row(compare_plans("la-gi-2024", "binh-thuan-2024"), "income_per_capita")
    assert row["a_boundary"] == 2.0 and row["b_boundary"] == 2.0
    assert row["a_kind"] == row["b_kind"] == "relative"
    assert row["stricter"] == "equal"


def test_threshold_against_range():
    frame = compare_plans("la-gi-2024", "binh-thuan-2024")
    trained = _row(frame, "trained_labour")  # "trên 80%" (> 80) vs "75 - 80%" (met from 75)
    assert (trained["a_boundary"], trained["a_inclusive"]) == (80.0, False)
    assert (trained["b_boundary"], trained["b_inclusive"]) == (75.0, True)
    assert trained["stricter"] == "a"
    certified = _row(frame, "trained_labour_certified")  # ≥ 40 vs met from 35
    assert certified["stricter"] == "a"


def test_totals_of_different_areas_do_not_compare():
    row = _row(compare_plans("la-gi-2024", "binh-thuan-2024"), "new_jobs")
    assert row["stricter"] == "incomparable"
    assert "la-gi" in row["reason"] and "binh-thuan" in row["reason"]


def test_la_gi_against_the_resolution():
    frame = compare_plans(load_plan("la-gi-2024"), load_plan("nq-42-2023"))
    # BHTN: 47 % vs 45 %, higher is better → La Gi stricter
    assert _row(frame, "unemployment_insurance")["stricter"] == "a"
    # unemployment: ≤ 2 vs < 3, lower is better → La Gi stricter
    unemployment = _row(frame, "unemployment_rate")
    assert (unemployment["a_boundary"], unemployment["b_boundary"]) == (2.0, 3.0)
    assert unemployment["stricter"] == "a"
    # social insurance: "khoảng 60%" is met from 60 − 0,6 = 59,4, the resolution's "60%" from 60
    social = _row(frame, "social_insurance")
    assert social["a_boundary"] == pytest.approx(59.4)
    assert social["stricter"] == "b"
    # health insurance: "trên 95%" both → equal
    assert _row(frame, "health_insurance")["stricter"] == "equal"


def test_order_of_arguments_mirrors_the_verdict():
    forward = compare_plans("la-gi-2024", "nq-42-2023")
    backward = compare_plans("nq-42-2023", "la-gi-2024")  # links found through La Gi's aligns_with
    assert len(forward) == len(backward) == 6
    swap = {"a": "b", "b": "a", "equal": "equal", "incomparable": "incomparable"}
    verdicts = dict(zip(forward["a_indicator"], forward["stricter"]))
    for b_ind, verdict in zip(backward["b_indicator"], backward["stricter"]):
        assert swap[verdicts[b_ind]] == verdict


def test_milestones_have_no_boundary_and_unaligned_plans_give_no_rows():
    frame = compare_plans("binh-thuan-2024", "binh-thuan-2024")  # a plan never aligns with itself
    assert len(frame) == 0
    assert tuple(frame.columns) == COMPARE_COLUMNS
    row = _row(compare_plans("binh-thuan-2024", "nq-42-2023"), "social_insurance")
    assert not math.isnan(row["a_boundary"])

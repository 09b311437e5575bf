"""chitieu.testing: the row assertions, assert_evaluation_equal and snapshot files, with their messages."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu.testing import assert_evaluation_equal, assert_pace, assert_status, find_row, read_snapshot, write_snapshot

# Illustrative trained-labour shares of the town, target "đạt trên 80%" (higher is better).
_LABOUR = [70.0, 71.0, 72.5, 73.0, 74.0]


@pytest.fixture(scope="module")
def labour() -> chitieu.Evaluation:
    """The trained-labour share of la-gi 2020-2024: short of the 80 % target every year."""
    obs = pd.DataFrame({"indicator": "trained_labour", "area": "la-gi", "year": range(2020, 2025),
                        "value": _LABOUR})
    return chitieu.evaluate("la-gi-2024", obs)


def test_assert_status_passes_on_the_row_status(labour: chitieu.Evaluation) -> None:
    assert_status(labour, "trained_labour", "la-gi", 2024, "not_met")
    assert_pace(labour, "trained_labour", "la-gi", 2024, str(find_row(labour, "trained_labour", "la-gi", 2024)["pace"]))


def test_assert_status_failure_shows_the_row(labour: chitieu.Evaluation) -> None:
    with pytest.raises(AssertionError) as info:
        assert_status(labour, "trained_labour", "la-gi", 2024, "met")
    message = str(info.value)
    print(message)
    assert message.splitlines()[0] == "status of 'trained_labour' × 'la-gi' × 2024 is 'not_met', expected 'met'"
    target = chitieu.load_plan("la-gi-2024").indicator("trained_labour").target_phrase
    assert re.search(r"^  value\s+74$", message, re.M)
    assert re.search(r"^  assessed\s+74$", message, re.M)
    assert re.search(rf"^  target\s+{re.escape(target)} \(higher is better\)$", message, re.M)
    assert re.search(r"^  margin\s+-6$", message, re.M)  # 74 − 80
    assert re.search(r"^  coverage\s+NaN$", message, re.M)  # not rolled up
    for name in ("status", "pace", "p_meet"):
        assert re.search(rf"^  {name}\s+\S", message, re.M)


def test_assert_pace_failure_names_the_pace(labour: chitieu.Evaluation) -> None:
    actual = str(find_row(labour, "trained_labour", "la-gi", 2024)["pace"])
    other = "achieved" if actual != "achieved" else "on_track"
    with pytest.raises(AssertionError, match=rf"^pace of 'trained_labour' × 'la-gi' × 2024 is '{actual}', "
                                             rf"expected '{other}'\n  value"):
        assert_pace(labour, "trained_labour", "la-gi", 2024, other)


def test_unknown_expected_class_is_a_usage_error(labour: chitieu.Evaluation) -> None:
    with pytest.raises(chitieu.ChitieuError, match="unknown status 'ok'; expected one of exceeded, met"):
        assert_status(labour, "trained_labour", "la-gi", 2024, "ok")


@pytest.mark.parametrize(("indicator", "area", "year", "says"), [
    ("no_such", "la-gi", 2024, "has no row of indicator 'no_such' ('trained_labour' have rows)"),
    ("trained_labour", "phuong-tan-an", 2024, "has rows in the areas 'la-gi' only"),
    ("trained_labour", "la-gi", 2030, "has rows for the years 2020, 2021, 2022, 2023, 2024 only"),
])
def test_missing_row_says_what_there_is(labour: chitieu.Evaluation, indicator: str, area: str, year: int,
                                        says: str) -> None:
    with pytest.raises(AssertionError, match=re.escape(says)):
        assert_status(labour, indicator, area, year, "met")


def test_frame_rows_work_without_the_plan(labour: chitieu.Evaluation) -> None:
    with pytest.raises(AssertionError, match=r"target\s+\(not known: pass an Evaluation"):
        assert_status(labour.to_frame(), "trained_labour", "la-gi", 2020, "met")


def test_evaluation_equal_ignores_row_order(labour: chitieu.Evaluation) -> None:
    shuffled = labour.to_frame().iloc[::-1]
    assert_evaluation_equal(labour, shuffled)


def test_evaluation_equal_reports_differing_cells_as_a_table(labour: chitieu.Evaluation) -> None:
    other = labour.to_frame()
    other["margin"] = other["margin"].astype(float)
    other.loc[other["year"] == 2022, "margin"] += 1e-6
    other["status"] = other["status"].astype(str)
    other.loc[other["year"] == 2023, "status"] = "met"
    with pytest.raises(AssertionError) as info:
        assert_evaluation_equal(labour, other)
    message = str(info.value)
    print(message)
    lines = message.splitlines()
    assert lines[0] == ("evaluations differ (5 rows left, 5 right; rtol=1e-09, atol=0): 2 rows differ in 2 cells, "
                        "0 rows only left, 0 only right")
    assert lines[1] == "differing cells:"
    assert re.match(r"^\s+indicator\s+area\s+year\s+column\s+left\s+right$", lines[2])
    assert re.match(r"^\s+trained_labour\s+la-gi\s+2022\s+margin\s+-7.5\s+-7.5$", lines[3])  # within 1e-6
    assert re.match(r"^\s+trained_labour\s+la-gi\s+2023\s+status\s+not_met\s+met$", lines[4])
    assert_evaluation_equal(labour, other.assign(status=labour.to_frame()["status"]), atol=1e-5)


def test_evaluation_equal_reports_missing_rows_and_can_skip_pace(labour: chitieu.Evaluation) -> None:
    other = labour.to_frame().iloc[1:].copy()
    other["p_meet"] = np.nan
    with pytest.raises(AssertionError) as info:
        assert_evaluation_equal(labour, other, check_pace=False)
    message = str(info.value)
    assert ", pace not checked): 0 rows differ in 0 cells, 1 rows only left, 0 only right" in message
    assert re.search(r"rows only left:\n\s+indicator\s+area\s+year\n\s+trained_labour\s+la-gi\s+2020$", message)
    with pytest.raises(AssertionError, match=r"column\s+left\s+right\n.*p_meet"):
        assert_evaluation_equal(labour.to_frame().iloc[1:], other)


def test_evaluation_equal_caps_the_table(labour: chitieu.Evaluation) -> None:
    other = labour.to_frame()
    other["value"] = other["value"] + 1
    with pytest.raises(AssertionError, match=r"2021\s+value\s+71\s+72\n  \.\.\. and 3 more$"):
        assert_evaluation_equal(labour, other, max_rows=2)


def test_frame_missing_columns_is_named(labour: chitieu.Evaluation) -> None:
    with pytest.raises(chitieu.ChitieuError, match="lacks the evaluation columns p_meet"):
        assert_evaluation_equal(labour, labour.to_frame().drop(columns="p_meet"))


def test_snapshot_round_trip_is_exact(labour: chitieu.Evaluation, tmp_path: Path) -> None:
    path = write_snapshot(labour, tmp_path / "deep" / "labour.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(chitieu.EVALUATION_COLUMNS)
    assert_evaluation_equal(labour, read_snapshot(path), rtol=0.0)


def test_snapshot_bad_cell_names_file_line_and_column(labour: chitieu.Evaluation, tmp_path: Path) -> None:
    path = write_snapshot(labour, tmp_path / "labour.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",not_met,", ",not_met,oops", 1)  # the margin cell of line 4
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(chitieu.ChitieuError, match=rf"{re.escape(str(path))}:4: margin: 'oops.*' is not a number"):
        read_snapshot(path)

"""_core.evaluation_from_columns: the inverse of Evaluation.columns(), used to summarise rows gathered from Dask."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import _core
from chitieu.evaluation import summary_frame

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def evaluation():
    return chitieu.evaluate("la-gi-2024", ROOT / "data" / "sample" / "la-gi-observations.csv",
                            areas=ROOT / "data" / "areas" / "la-gi.csv")


def test_columns_round_trip(evaluation):
    cols = evaluation.core.columns()
    back = _core.evaluation_from_columns(dict(cols)).columns()
    assert back["indicator_ids"] == cols["indicator_ids"] and back["area_ids"] == cols["area_ids"]
    for name, column in cols.items():
        if isinstance(column, np.ndarray):
            assert np.array_equal(back[name], column, equal_nan=column.dtype.kind == "f"), name


def test_a_summary_of_the_rebuilt_evaluation_is_the_summary(evaluation):
    rebuilt = _core.evaluation_from_columns(dict(evaluation.core.columns()))
    plan = evaluation.plan
    got, expected = (summary_frame(plan, _core.summarize(plan, e, "la-gi", 2024, False))
                     for e in (rebuilt, evaluation.core))
    pd.testing.assert_frame_equal(got, expected)
    assert expected["score"].notna().any()


@pytest.mark.parametrize("name, value, message", [
    ("status", 9, "column 'status' row 1: code 9 is outside [0, 5)"),
    ("area", -1, "column 'area' row 1: code -1 is outside"),
])
def test_codes_out_of_range_are_refused(evaluation, name, value, message):
    cols = dict(evaluation.core.columns())
    cols[name] = cols[name].copy()
    cols[name][0] = value
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        _core.evaluation_from_columns(cols)


def test_a_missing_or_short_column_is_named(evaluation):
    cols = dict(evaluation.core.columns())
    del cols["p_meet"]
    with pytest.raises(ValueError, match="missing column 'p_meet'"):
        _core.evaluation_from_columns(cols)
    cols = dict(evaluation.core.columns())
    cols["margin"] = cols["margin"][:-1]
    with pytest.raises(ValueError, match="column 'margin' must be 1-d"):
        _core.evaluation_from_columns(cols)

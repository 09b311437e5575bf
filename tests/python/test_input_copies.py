"""What the panel is built from without a copy in Python: a Categorical's own codes (int8 or int16,
as pandas keeps them), read by ``_core.make_panel`` as they are, and an int32 year column kept as it is."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import _core, cells, io


def test_a_categoricals_ids_are_its_own_codes_without_a_copy() -> None:
    column = pd.Series(pd.Categorical(["b", "a", "b", "c"]))
    codes, ids = cells.id_codes(column)
    assert codes.dtype == np.int8 and codes.tolist() == [1, 0, 1, 2] and ids == ["a", "b", "c"]
    assert np.shares_memory(codes, column.array.codes)
    wide = pd.Series(pd.Categorical([f"x{i:05d}" for i in range(40_000)]))  # int32 codes past 32 767 ids
    assert cells.id_codes(wide)[0].dtype == np.int32


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64])
def test_make_panel_reads_codes_of_any_integer_type_as_int32(dtype) -> None:  # type: ignore[no-untyped-def]
    indicator = np.array([0, 1, 1, 0, 1], dtype=dtype)
    area = np.array([2, 0, 1, 2, 2], dtype=dtype)
    year = np.arange(2020, 2025, dtype=np.int32)
    panel = _core.make_panel(["i", "j"], indicator, ["a", "b", "c"], area, year, np.linspace(1, 5, 5))
    columns = panel.columns()
    assert columns["indicator"].dtype == np.int32 and columns["indicator"].tolist() == [0, 1, 1, 0, 1]
    assert columns["area"].tolist() == [2, 0, 1, 2, 2]
    strided = np.array([0, 9, 1, 9, 1, 9, 0, 9, 1, 9], dtype=dtype)[::2]  # not contiguous: read all the same
    assert _core.make_panel(["i", "j"], strided, ["a", "b", "c"], area, year, np.ones(5)).columns()[
        "indicator"].tolist() == [0, 1, 1, 0, 1]


def test_a_narrow_code_outside_its_dictionary_is_refused_naming_the_row() -> None:
    with pytest.raises(chitieu.ChitieuError) as raised:
        _core.make_panel(["i"], np.array([0, 0, 1], dtype=np.int8), ["a"], np.zeros(3, dtype=np.int16),
                         np.arange(3, dtype=np.int32), np.ones(3))
    assert raised.value.line == 3 and raised.value.field == "indicator"


@pytest.mark.parametrize("codes, message, line", [
    (np.array([0.0, 0.5]), "must hold integer codes, got dtype float64", None),
    (["i", "j"], "must hold integer codes, got dtype <U1", None),
    (np.array([0, 2**32], dtype=np.int64), "row 2: code 4294967296 does not fit int32", 2),
    (np.array([0, 2**63 + 5], dtype=np.uint64), "row 2: code 9223372036854775813 does not fit int32", 2),
])
def test_codes_that_are_not_int32_integers_are_refused_never_truncated(codes, message, line) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(chitieu.ChitieuError) as raised:
        _core.make_panel(["i"], codes, ["a"], np.zeros(2, dtype=np.int32), np.arange(2, dtype=np.int32), np.ones(2))
    assert message in str(raised.value) and raised.value.field == "indicator" and raised.value.line == line


def test_an_int32_year_column_is_kept_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pd.DataFrame({"indicator": ["i"] * 3, "area": ["a"] * 3,
                          "year": np.array([2020, 2021, 2022], dtype=np.int32), "value": [1.0, 2.0, 3.0]})
    table = io.read_observations(frame)
    assert np.shares_memory(table.frame["year"].to_numpy(), frame["year"].to_numpy())
    made = []  # the int32 years of an int64 column, converted once and put in the frame as they are
    convert = io.whole_years
    monkeypatch.setattr(io, "whole_years", lambda *args: made.append(convert(*args)) or made[-1])
    located = frame.astype({"year": "int64"})
    as_int64 = io.read_observations(located)
    assert as_int64.frame["year"].dtype == np.int32 and as_int64.frame["year"].tolist() == [2020, 2021, 2022]
    assert np.shares_memory(as_int64.frame["year"].to_numpy(), made[-1])
    assert list(as_int64.frame.columns) == ["indicator", "area", "year", "value"]
    assert np.shares_memory(as_int64.frame["value"].to_numpy(), located["value"].to_numpy())
    as_int64.frame.loc[0, "value"] = -1.0  # the table's frame is its own: the caller's is unchanged
    assert located["value"].tolist() == [1.0, 2.0, 3.0]

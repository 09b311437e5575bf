"""The number-cell rule (C++ ``chitieu::number_cell``), as every Python path reads it: the readers,
the wide layout and collect mode; what it accepts is what pandas' ``to_numeric`` accepted before the
rule moved to the core."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

import chitieu
from chitieu import _core

# (cell, the number it holds: None when it is not a number, nan when missing)
_CELLS = [
    ("85.3", 85.3), (" 85.3 ", 85.3), ("\u00a012\u2003", 12.0), (".5", 0.5), ("5.", 5.0), ("+5", 5.0),
    ("-.5e-3", -0.0005), ("1E5", 1e5), ("1.e5", 1e5), ("00012", 12.0), ("1e500", math.inf),
    ("inf", math.inf), ("-Infinity", -math.inf), ("iNf", math.inf),
    ("", math.nan), ("NA", math.nan), ("NaN", math.nan), ("nan", math.nan), ("N/A", math.nan),
    ("NAN", None), ("1e", None), ("e5", None), (".", None), ("-", None), ("1,5", None), ("1 000", None),
    ("1_000", None), ("0x10", None), ("+-5", None), ("infinite", None), ("∞", None), ("٣", None),
]


def test_cells_read_as_pandas_read_them() -> None:
    values, bad = _core.number_cells([cell for cell, _ in _CELLS] + [None])
    assert bad == [k for k, (_, want) in enumerate(_CELLS) if want is None]
    for (cell, want), got in zip(_CELLS, values.tolist()):
        if want is None or math.isnan(want):
            assert math.isnan(got), cell
        else:
            assert got == want, cell
    assert math.isnan(values[-1])  # None: missing


def test_a_decimal_comma() -> None:
    values, bad = _core.number_cells(["85,3", "85.3", "1,234,5", "NA"], ",")
    assert values[:2].tolist() == [85.3, 85.3] and bad == [2]


def test_collect_mode_reads_numbers_by_the_same_rule(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text("indicator;area;year;value\ntrained_labour;la-gi;2023;85,3\ntrained_labour;la-gi;NA;80\n"
                    "trained_labour;la-gi;2024;1_000\n", encoding="utf-8")
    with pytest.raises(chitieu.ChitieuErrors) as collected:
        chitieu.evaluate("la-gi-2024", path, errors="collect")
    got = [(e.line, e.field, e.message) for e in collected.value.errors]
    assert got == [
        (2, "value", _core.not_a_number_message("85,3", ".", ";")),
        (3, "year", "'' is not a year (a whole number such as 2024)"),
        (4, "value", _core.not_a_number_message("1_000", ".", ";")),
    ]
    assert "decimal=','" in got[0][2] and "decimal=','" not in got[2][2]
    with pytest.raises(chitieu.ObservationError) as first:  # the first-error mode: the same first message
        chitieu.evaluate("la-gi-2024", path)
    assert (first.value.line, first.value.message) == (2, got[0][2])


def test_the_wide_layout_reads_numbers_by_the_same_rule(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("indicator;area;2023;2024;2025\ntrained_labour;la-gi;80,5;85,3;N/A\n", encoding="utf-8")
    obs = chitieu.read_observations(path, layout="wide", decimal=",")
    assert obs["value"].tolist() == [80.5, 85.3]  # the missing 2025 is no observation
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.read_observations(path, layout="wide")
    assert info.value.message == "column 2023: " + _core.not_a_number_message("80,5", ".", ";")

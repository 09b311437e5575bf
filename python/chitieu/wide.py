"""The wide layout of statistical yearbooks, read into the long layout of observations.

One row per ``indicator, area`` (and optionally ``measure``, one of ``value``,
``numerator``, ``denominator``, ``weight``, ``se``; ``value`` when the column
is absent), one column per year, headed by the four-digit year. Each non-empty
cell becomes one observation (an empty cell is a year not observed); the
measures of one indicator, area and year meet in one row. Each long row
keeps the line of its source row and the year column its numbers came from,
so an error names ``Sheet1!D7`` or ``line 5, column 2023``.
"""
from __future__ import annotations

import re
from typing import List, Optional

import numpy as np
import pandas as pd

from chitieu.errors import ObservationError
from chitieu.io import (
    OBSERVATION_NUMBERS,
    Table,
    TableSource,
    check_decimal,
    long_observations,
    numbers_of,
    read_table,
    require_columns,
)

__all__ = ["MEASURES", "read_wide"]

#: The measures a wide row may carry.
MEASURES = OBSERVATION_NUMBERS
_YEAR = re.compile(r"^\d{4}$")


def _year_columns(table: Table) -> List[str]:
    keys = {"indicator", "area", "measure"}
    years = [str(c) for c in table.frame.columns if _YEAR.match(str(c))]
    others = [str(c) for c in table.frame.columns if str(c) not in keys and not _YEAR.match(str(c))]
    if not years:
        raise ObservationError("no year column; the wide layout has one column per year headed by the "
                               f"four-digit year, e.g. 2020 (found: {', '.join(map(str, table.frame.columns))})",
                               table.file, table.header_line, "year")
    if others:
        raise ObservationError(f"column '{others[0]}' is neither indicator, area, measure nor a four-digit year; "
                               "the wide layout has only these (use layout='long' for one row per observation)",
                               table.file, table.header_line, others[0])
    return years


def _measures(table: Table) -> pd.Series[str]:
    if "measure" not in table.frame.columns:
        return pd.Series(["value"] * len(table.frame), dtype=object)
    measure = table.frame["measure"].astype("string").str.strip().fillna("")
    bad = ~measure.isin(MEASURES).to_numpy()
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise table.error(ObservationError, f"unknown measure '{measure.iloc[row]}'; expected one of "
                          f"{', '.join(MEASURES)}", row, "measure")
    return measure.astype(object)


def _duplicates(table: Table, keys: pd.DataFrame) -> None:
    dup = keys.duplicated(keep="first").to_numpy()
    if dup.any():
        row = int(np.flatnonzero(dup)[0])
        first = int(np.flatnonzero((keys == keys.iloc[row]).all(axis=1).to_numpy())[0])
        indicator, area, measure = (str(v) for v in keys.iloc[row])
        raise table.error(ObservationError, f"indicator '{indicator}', area '{area}', measure "
                          f"'{measure}' repeats line {table.line(first)}; give one row per indicator, "
                          "area and measure", row, "indicator")


def read_wide(table: Table, decimal: str) -> Table:
    """A wide table (see the module) as a long :class:`Table` of observations, numbers read."""
    require_columns(table, ["indicator", "area"], ObservationError, "wide observations")
    years = _year_columns(table)
    frame = table.frame
    n, k = len(frame), len(years)
    measure = _measures(table)
    _duplicates(table, pd.DataFrame({"indicator": frame["indicator"].astype(object),
                                     "area": frame["area"].astype(object), "measure": measure}))
    # One long cell per (row, year), rows in source order, years left to right.
    source_row = np.repeat(np.arange(n), k)
    year_of = np.tile(np.asarray([int(y) for y in years], dtype=np.int32), n)
    header_of = np.tile(np.asarray(years, dtype=object), n)
    if table.sheet is not None:
        header_of = np.tile(np.asarray([table.letters[y] for y in years], dtype=object), n)
    cells = Table(pd.DataFrame({"cell": frame[years].to_numpy(dtype=object).reshape(-1)}), table.file,
                  table.row_lines()[source_row], table.header_line, table.sheet, table.letters, table.delimiter,
                  header_of)
    values = numbers_of(cells, cells.frame["cell"], "value", ObservationError, decimal)
    keep = ~np.isnan(values)
    long = pd.DataFrame({
        "indicator": frame["indicator"].to_numpy(dtype=object)[source_row[keep]],
        "area": frame["area"].to_numpy(dtype=object)[source_row[keep]],
        "year": year_of[keep],
        "measure": measure.to_numpy(dtype=object)[source_row[keep]],
        "number": values[keep],
        "line": cells.row_lines()[keep],
        "column": header_of[keep],
    })
    first = long.groupby(["indicator", "area", "year"], sort=False, dropna=False).first()  # the row of each observation
    wide = long.pivot_table(index=["indicator", "area", "year"], columns="measure", values="number", aggfunc="first",
                            sort=False, dropna=False)
    wide = wide.reindex(first.index)
    out = pd.DataFrame({"indicator": first.index.get_level_values(0).to_numpy(dtype=object),
                        "area": first.index.get_level_values(1).to_numpy(dtype=object),
                        "year": first.index.get_level_values(2).to_numpy(dtype=np.int32)})
    for m in MEASURES:
        if m in wide.columns:
            out[m] = wide[m].to_numpy(dtype=np.float64)
    return Table(out, table.file, first["line"].to_numpy(dtype=np.int32), table.header_line, table.sheet,
                 table.letters, table.delimiter, first["column"].to_numpy(dtype=object))


def read_wide_observations(source: TableSource, sheet: Optional[str] = None, decimal: str = ".",
                           encoding: Optional[str] = None, header_row: Optional[int] = None) -> Table:
    """Observations in the wide layout (see the module), read from a file, a DataFrame or an Arrow
    table, as :func:`chitieu.io.read_observations` reads the long layout."""
    check_decimal(decimal)
    raw = read_table(source, key_columns=("indicator", "area"), numbers=(), error=ObservationError,
                     what="observations", sheet=sheet, encoding=encoding, header_row=header_row)
    return long_observations(read_wide(raw, decimal))

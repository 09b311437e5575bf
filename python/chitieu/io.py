"""Reading observations, areas and crosswalks from files, DataFrames and Arrow tables.

Every table is read into a :class:`Table`: the frame, the name of its source
and, per row, the line of the source it came from, so that an error found
later (here, or by the C++ core) names the file, the line (for a workbook the
cell, ``Sheet1!D7``) and the field. For a CSV file the line counts the leading
``#`` comment lines and the header, as an editor shows it; for a DataFrame it
is the 1-based row position and the file is ``<DataFrame>`` (``<Arrow>`` for
an Arrow table). Blank lines are skipped (their numbers still count).
docs/your-data.md lists every input and its errors.
"""
from __future__ import annotations

from typing import Any, List, Optional, Sequence, Type

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu.cells import CellError, date_texts, id_texts
from chitieu.errors import AreaError, ChitieuError, ObservationError
from chitieu.formats import AREA_COLUMNS, CROSSWALK_COLUMNS, OBSERVATION_COLUMNS, OBSERVATION_NUMBERS
from chitieu.sources import TableSource, load_source
from chitieu.table import Table, numbers_of, require_columns, table_of
from chitieu.wide import read_wide

__all__ = [
    "AREA_COLUMNS",
    "CROSSWALK_COLUMNS",
    "LAYOUTS",
    "OBSERVATION_COLUMNS",
    "OBSERVATION_NUMBERS",
    "Table",
    "TableSource",
    "read_areas",
    "read_crosswalk",
    "read_observations",
    "read_table",
]

#: The layouts of observations: one row per observation, or one column per year.
LAYOUTS = ("long", "wide")

_DATES = ("valid_from", "valid_to", "date")


def read_table(
    source: TableSource,
    *,
    strings: Sequence[str],
    numbers: Sequence[str],
    error: Type[ChitieuError],
    what: str,
    sheet: Optional[str] = None,
    encoding: Optional[str] = None,
    decimal: str = ".",
) -> Table:
    """Read a file (.csv, .parquet, .xlsx), take a DataFrame or an Arrow-stream object.

    ``strings`` columns keep their dtype (ids of any dtype are turned into text
    where they are used, see :mod:`chitieu.cells`); ``numbers`` columns become
    float64 (integer columns are kept as they are), and a cell that is not a
    number raises ``error`` naming the file, line (or cell) and column; empty
    cells (and ``NA``/``NaN``) become NaN. ``decimal=","`` reads ``85,3``.
    """
    del strings  # kept as found: their conversion depends on their use (ids, names, dates)
    table = table_of(load_source(source, error=error, what=what, sheet=sheet, encoding=encoding))
    for name in numbers:
        if name in table.frame.columns and not _integers(table.frame[name]):
            table.frame[name] = numbers_of(table, table.frame[name], name, error, decimal)
    return table


def _integers(col: pd.Series[Any]) -> bool:
    """True for a column of plain integers: numbers already, kept as they are (no float copy)."""
    return isinstance(col.dtype, np.dtype) and col.dtype.kind in "iu"


def require_cells(table: Table, names: Sequence[str], error: Type[ChitieuError]) -> None:
    """Raise ``error`` at the first empty cell of a required column."""
    for name in names:
        missing = table.frame[name].isna().to_numpy()
        if missing.any():
            row = int(np.flatnonzero(missing)[0])
            raise table.error(error, "empty cell; this column is required in every row", row, name)


def whole_years(table: Table, name: str, error: Type[ChitieuError]) -> npt.NDArray[np.int32]:
    """Column ``name`` as int32 years, or ``error`` at the first cell that is not a whole number.

    A column of integers is taken as it is (no copy when it is already int32); any other must
    be numeric already (see :func:`read_table`).
    """
    col = table.frame[name]
    if _integers(col):
        whole = col.to_numpy()
        bad = np.abs(whole.astype(np.int64, copy=False)) > 9999
        if not bad.any():
            return whole.astype(np.int32, copy=False)
    else:
        years = col.to_numpy(dtype=np.float64, na_value=np.nan)
        bad = ~np.isfinite(years) | (years != np.round(years)) | (np.abs(years) > 9999)
        if not bad.any():
            return years.astype(np.int32)
    row = int(np.flatnonzero(bad)[0])
    value = col.iloc[row]
    shown = "" if pd.isna(value) else (str(int(value)) if float(value).is_integer() else str(value))
    raise table.error(error, f"'{shown}' is not a year (a whole number such as 2024)", row, name)


def _long_observations(table: Table) -> Table:
    cols = table.frame.columns
    if "value" not in cols and "numerator" in cols and "denominator" in cols:
        required: List[str] = ["indicator", "area", "year"]
    else:
        required = ["indicator", "area", "year", "value"]
    require_columns(table, required, ObservationError, "observations")
    if "value" not in cols:
        table.frame["value"] = np.nan
    table.frame["year"] = whole_years(table, "year", ObservationError)
    return table


def read_observations(source: TableSource, layout: str = "long", sheet: Optional[str] = None,
                      decimal: str = ".", encoding: Optional[str] = None) -> Table:
    """Observations ``indicator, area, year, value`` (+ ``numerator, denominator, weight, se``).

    ``layout="wide"``: one row per indicator and area (and ``measure``), one
    column per year (see :mod:`chitieu.wide`). ``value`` may be missing when
    both ``numerator`` and ``denominator`` are given (it is then added as NaN);
    other columns are ignored. Optional columns left out stay out of the frame:
    the core takes them as NaN, without a column of NaN held in Python. Empty
    ids are refused when the ids are factorized
    (:func:`chitieu.frames.panel_from_table`), in the same pass.
    """
    if layout not in LAYOUTS:
        raise ObservationError(f"unknown layout '{layout}'; expected long (one row per observation) or wide "
                               "(one column per year)", field="layout")
    if decimal not in (".", ","):
        raise ObservationError(f"unknown decimal mark '{decimal}'; expected '.' or ','", field="decimal")
    if layout == "wide":
        raw = read_table(source, strings=(), numbers=(), error=ObservationError, what="observations", sheet=sheet,
                         encoding=encoding)
        return _long_observations(read_wide(raw, decimal))
    table = read_table(source, strings=("indicator", "area"), numbers=("year", *OBSERVATION_NUMBERS),
                       error=ObservationError, what="observations", sheet=sheet, encoding=encoding, decimal=decimal)
    return _long_observations(table)


def read_areas(source: TableSource, sheet: Optional[str] = None, encoding: Optional[str] = None) -> Table:
    """An areas table ``id, code, name, level, parent, valid_from, valid_to`` (codes may repeat)."""
    table = read_table(source, strings=AREA_COLUMNS, numbers=(), error=AreaError, what="areas", sheet=sheet,
                       encoding=encoding)
    require_columns(table, AREA_COLUMNS, AreaError, "areas")
    require_cells(table, ["id"], AreaError)
    return table


def read_crosswalk(source: TableSource, sheet: Optional[str] = None, encoding: Optional[str] = None) -> Table:
    """A crosswalk ``from, to, share, date``: the share of ``from`` that went into ``to`` on ``date``."""
    table = read_table(source, strings=("from", "to", "date"), numbers=("share",), error=AreaError, what="crosswalk",
                       sheet=sheet, encoding=encoding)
    require_columns(table, CROSSWALK_COLUMNS, AreaError, "crosswalks")
    require_cells(table, list(CROSSWALK_COLUMNS), AreaError)
    return table


def text_column(table: Table, name: str, error: Type[ChitieuError] = AreaError) -> List[str]:
    """A text column of any dtype as a list of str, empty cells as ''.

    Date columns (``valid_from``, ``valid_to``, ``date``) accept ``datetime64``
    (``NaT`` is empty: an open end); ids accept whole numbers of any dtype
    (``60.0`` is ``"60"``). A cell that is neither raises ``error`` at its line.
    """
    try:
        return date_texts(table.frame[name]) if name in _DATES else id_texts(table.frame[name])
    except CellError as exc:
        raise table.error(error, f"'{exc.text}': {exc.why}", exc.row, name) from None


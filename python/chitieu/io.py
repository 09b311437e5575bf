"""Reading observations, areas and crosswalks from CSV files or DataFrames.

Every table is read into a :class:`Table`: the frame, the name of its source
and, per row, the line of the source it came from, so that an error found
later (here, or by the C++ core) names the file, the line and the field. For a
CSV file the line counts the leading ``#`` comment lines and the header, as an
editor shows it; for a DataFrame it is the 1-based row position and the file
is ``<DataFrame>``. Blank lines are skipped (their numbers still count).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Type, Union

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu.errors import AreaError, ChitieuError, ObservationError

__all__ = [
    "AREA_COLUMNS",
    "CROSSWALK_COLUMNS",
    "OBSERVATION_COLUMNS",
    "Table",
    "TableSource",
    "read_areas",
    "read_crosswalk",
    "read_observations",
    "read_table",
]

TableSource = Union[pd.DataFrame, str, "os.PathLike[str]"]

#: Observation columns: the ids, the year and the optional numbers.
OBSERVATION_COLUMNS = ("indicator", "area", "year", "value", "numerator", "denominator", "weight", "se")
_OBS_NUMBERS = ("value", "numerator", "denominator", "weight", "se")
#: Area table columns (docs/aggregation.md "Areas that change over time").
AREA_COLUMNS = ("id", "code", "name", "level", "parent", "valid_from", "valid_to")
#: Crosswalk columns.
CROSSWALK_COLUMNS = ("from", "to", "share", "date")

# Cells read as missing in numeric columns; everywhere else only an empty cell is missing.
_MISSING = ["", "NA", "NaN", "nan", "N/A"]


@dataclass
class Table:
    """A table read from a CSV file or a DataFrame, with the source line of each row."""

    frame: pd.DataFrame
    file: str
    #: The line of each row (int32: no source has 2^31 lines); None for a DataFrame, whose row i
    #: is line i + 1 (no array of n numbers held while the table is in use).
    lines: Optional[npt.NDArray[np.int32]]
    header_line: int

    def line(self, row: int) -> int:
        """The source line of row ``row`` (0-based position in ``frame``)."""
        return row + 1 if self.lines is None else int(self.lines[row])

    def core_line(self, row: int) -> int:
        """The source line of a 1-based row number reported by the core (``row`` itself if out of range)."""
        return self.line(row - 1) if 1 <= row <= len(self.frame) else row

    def row_lines(self) -> npt.NDArray[np.int32]:
        """The line of every row, as an array."""
        if self.lines is None:
            return np.arange(1, len(self.frame) + 1, dtype=np.int32)
        return self.lines


def _comment_lines(path: str) -> int:
    """The number of leading lines starting with ``#``."""
    n = 0
    with open(path, encoding="utf-8-sig") as f:
        for raw in f:
            if not raw.lstrip().startswith("#"):
                break
            n += 1
    return n


def read_table(
    source: TableSource,
    *,
    strings: Sequence[str],
    numbers: Sequence[str],
    error: Type[ChitieuError],
    what: str,
) -> Table:
    """Read a CSV file or take a DataFrame; ``strings`` columns stay text, ``numbers`` are checked.

    Numbers that do not parse raise ``error`` naming the file, line and column;
    empty cells (and ``NA``/``NaN``) in number columns become NaN.
    """
    if isinstance(source, pd.DataFrame):
        frame = source.reset_index(drop=True)
        table = Table(frame, "<DataFrame>", None, 0)
    else:
        path = os.fspath(source)
        if not os.path.isfile(path):
            raise error(f"no such {what} file", path)
        skip = _comment_lines(path)
        try:
            frame = pd.read_csv(
                path,
                skiprows=skip,
                skip_blank_lines=False,
                dtype=dict.fromkeys(strings, str),
                keep_default_na=False,
                na_values={**{c: [""] for c in strings}, **dict.fromkeys(numbers, _MISSING)},
                encoding="utf-8-sig",
            )
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
            raise error(f"cannot read the {what} CSV: {exc}", path) from None
        first = skip + 2  # header is line skip + 1
        blank = frame.isna().all(axis=1).to_numpy()
        lines = np.arange(first, first + len(frame), dtype=np.int32)
        if blank.any():
            frame = frame.loc[~blank].reset_index(drop=True)
            lines = lines[~blank]
        frame.columns = [str(c).strip() for c in frame.columns]
        table = Table(frame, path, lines, skip + 1)
    for name in numbers:
        if name in table.frame.columns and not _integers(table.frame[name]):
            table.frame[name] = _numeric(table, name, error)
    return table


def _integers(col: pd.Series[Any]) -> bool:
    """True for a column of plain integers: numbers already, kept as they are (no float copy)."""
    return isinstance(col.dtype, np.dtype) and col.dtype.kind in "iu"


def _numeric(table: Table, name: str, error: Type[ChitieuError]) -> pd.Series[float]:
    """Column ``name`` as float64, or ``error`` at the first cell that is not a number."""
    col = table.frame[name]
    if pd.api.types.is_bool_dtype(col):
        return col.astype(np.float64)
    if pd.api.types.is_numeric_dtype(col):
        return col.astype(np.float64)
    as_text = col.astype("string").str.strip().replace(dict.fromkeys(_MISSING, pd.NA))
    values = pd.to_numeric(as_text, errors="coerce")
    bad = (values.isna() & as_text.notna()).to_numpy()
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise error(
            f"'{col.iloc[row]}' is not a number (write digits with a dot for decimals, or leave the cell empty)",
            table.file,
            table.line(row),
            name,
        )
    return values.astype(np.float64)


def require_columns(table: Table, names: Sequence[str], error: Type[ChitieuError], what: str) -> None:
    """Raise ``error`` naming the file and the first missing column."""
    for name in names:
        if name not in table.frame.columns:
            raise error(
                f"missing column '{name}'; {what} need the columns {', '.join(names)}"
                f" (found: {', '.join(map(str, table.frame.columns)) or 'none'})",
                table.file,
                table.header_line,
                name,
            )


def require_cells(table: Table, names: Sequence[str], error: Type[ChitieuError]) -> None:
    """Raise ``error`` at the first empty cell of a required column."""
    for name in names:
        missing = table.frame[name].isna().to_numpy()
        if missing.any():
            row = int(np.flatnonzero(missing)[0])
            raise error("empty cell; this column is required in every row", table.file, table.line(row), name)


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
        years = col.to_numpy(dtype=np.float64)
        bad = ~np.isfinite(years) | (years != np.round(years)) | (np.abs(years) > 9999)
        if not bad.any():
            return years.astype(np.int32)
    row = int(np.flatnonzero(bad)[0])
    raise error(
        f"'{col.iloc[row]}' is not a year (a whole number such as 2024)",
        table.file,
        table.line(row),
        name,
    )


def read_observations(source: TableSource) -> Table:
    """Observations ``indicator, area, year, value`` (+ ``numerator, denominator, weight, se``).

    ``value`` may be missing when both ``numerator`` and ``denominator`` are
    given (it is then added as NaN); other columns are ignored. Optional
    columns left out stay out of the frame: the core takes them as NaN, without
    a column of NaN held in Python. Empty ids are refused when the ids are
    factorized (:func:`chitieu.frames.panel_from_table`), in the same pass.
    """
    table = read_table(
        source, strings=("indicator", "area"), numbers=("year", *_OBS_NUMBERS), error=ObservationError,
        what="observations",
    )
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


def read_areas(source: TableSource) -> Table:
    """An areas table ``id, code, name, level, parent, valid_from, valid_to`` (all text; codes may repeat)."""
    table = read_table(source, strings=AREA_COLUMNS, numbers=(), error=AreaError, what="areas")
    require_columns(table, AREA_COLUMNS, AreaError, "areas")
    require_cells(table, ["id"], AreaError)
    return table


def read_crosswalk(source: TableSource) -> Table:
    """A crosswalk ``from, to, share, date``: the share of ``from`` that went into ``to`` on ``date``."""
    table = read_table(source, strings=("from", "to", "date"), numbers=("share",), error=AreaError, what="crosswalk")
    require_columns(table, CROSSWALK_COLUMNS, AreaError, "crosswalks")
    require_cells(table, list(CROSSWALK_COLUMNS), AreaError)
    return table


def text_column(table: Table, name: str) -> List[str]:
    """A text column as a list of str, empty cells as ''."""
    col = table.frame[name]
    return [str(v) for v in col.fillna("").to_numpy(dtype=object)]

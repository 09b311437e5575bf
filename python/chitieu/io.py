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

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Type

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu import _core
from chitieu.arrow_bridge import is_arrow_numbers
from chitieu.cells import CellError, date_texts, id_texts
from chitieu.errors import AreaError, ChitieuError, ObservationError, translate
from chitieu.sources import LOCATION_ATTR, FileLocation, FirstRows, RawTable, TableSource, load_source
from chitieu.text_files import DELIMITERS

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

#: Observation columns: the ids, the year and the optional numbers.
OBSERVATION_COLUMNS = ("indicator", "area", "year", "value", "numerator", "denominator", "weight", "se")
#: The number columns of observations (the measures of the wide layout).
OBSERVATION_NUMBERS = ("value", "numerator", "denominator", "weight", "se")
#: Area table columns (docs/your-data.md).
AREA_COLUMNS = ("id", "code", "name", "level", "parent", "valid_from", "valid_to")
#: Crosswalk columns.
CROSSWALK_COLUMNS = ("from", "to", "share", "date")
#: The layouts of observations: one row per observation, or one column per year.
LAYOUTS = ("long", "wide")

_DATES = ("valid_from", "valid_to", "date")
_ROW = re.compile(r"\brow (\d+)\b")


@dataclass
class Table:
    """A table read from a file, a DataFrame or an Arrow table, with the source line of each row."""

    frame: pd.DataFrame
    file: str
    #: The line of each row (int32: no source has 2^31 lines); None for a DataFrame, whose row i
    #: is line i + 1 (no array of n numbers held while the table is in use).
    lines: Optional[npt.NDArray[np.int32]]
    header_line: int
    #: The sheet of a workbook, and the column letter of each column name.
    sheet: Optional[str] = None
    letters: Dict[str, str] = field(default_factory=dict)
    delimiter: Optional[str] = None
    #: Wide layout: the source column (year header or letter) of each row's numbers.
    number_columns: Optional[npt.NDArray[Any]] = None
    #: A CSV file or worksheet: the cells and lines of its first rows (:class:`~chitieu.sources.RawTable`).
    first_rows: Optional[FirstRows] = None

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

    def rows(self, keep: npt.NDArray[np.bool_]) -> Table:
        """The rows ``keep`` (a boolean mask), each with its line and cell."""
        return Table(self.frame.loc[keep].reset_index(drop=True), self.file, self.row_lines()[keep], self.header_line,
                     self.sheet, self.letters, self.delimiter,
                     None if self.number_columns is None else self.number_columns[keep])

    def relocate(self, message: str) -> str:
        """A core message with each "row N" (1-based data row) given as the line of this table's file."""
        if self.lines is None:
            return message
        return _ROW.sub(lambda m: f"line {self.core_line(int(m.group(1)))}", message)

    def cell(self, row: int, name: str) -> str:
        """Where field ``name`` of row ``row`` stands, as a prefix for messages: ``"cell Sheet1!D7: "``,
        ``"column 2023: "`` (wide layout) or ``""`` when the line and field say it all."""
        column: Optional[str] = None
        if self.number_columns is not None and name in OBSERVATION_NUMBERS:
            column = str(self.number_columns[row])
        elif self.sheet is not None:
            column = self.letters.get(name)
        if column is None:
            return ""
        if self.sheet is not None:
            return f"cell {self.sheet}!{column}{self.line(row)}: "
        return f"column {column}: "

    def error(self, cls: Type[ChitieuError], message: str, row: int, name: str) -> ChitieuError:
        """An error of class ``cls`` at 0-based row ``row``, field ``name``."""
        return cls(self.cell(row, name) + message, self.file, self.line(row), name)

    def core_error(self, err: ChitieuError) -> ChitieuError:
        """A core error already at a line of this table, with the cell of a workbook or wide table added."""
        if err.line is None or err.field is None or (self.sheet is None and self.number_columns is None):
            return err
        rows = np.flatnonzero(self.row_lines() == err.line)
        if not len(rows):
            return err
        return type(err)(self.cell(int(rows[0]), err.field) + err.message, err.file, err.line, err.field)

    def located(self) -> pd.DataFrame:
        """The frame, carrying this table's locations in ``attrs`` (see :func:`chitieu.read_observations`);
        number columns kept in Arrow's buffers become float64 (NaN for the missing cells) here."""
        frame = self.frame
        for name in frame.columns:
            if is_arrow_numbers(frame[name]):
                frame[name] = frame[name].to_numpy(dtype=np.float64, na_value=np.nan)
        frame.attrs[LOCATION_ATTR] = FileLocation(RawTable(pd.DataFrame(index=frame.index), self.file,
                                                           self.row_lines(), self.header_line, self.sheet,
                                                           self.letters, self.delimiter, self.number_columns))
        return frame


def set_column(table: Table, name: str, values: Any) -> None:
    """Puts ``values`` (one per row) in ``table.frame`` as column ``name`` (added last when new),
    without a copy: a new frame on the same columns and ``values`` (pandas copies an array assigned
    to a column of a frame, 57 MiB for the national 10× years), the ``attrs`` kept."""
    frame = table.frame
    columns = {column: frame[column] for column in frame.columns}
    columns[name] = pd.Series(values, index=frame.index, copy=False)
    table.frame = pd.DataFrame(columns, index=frame.index, copy=False)
    table.frame.attrs = frame.attrs


def _table(raw: RawTable) -> Table:
    return Table(raw.frame, raw.file, raw.lines, raw.header_line, raw.sheet, raw.letters, raw.delimiter,
                 raw.number_columns, raw.first_rows)


def read_table(
    source: TableSource,
    *,
    key_columns: Sequence[str],
    numbers: Sequence[str],
    error: Type[ChitieuError],
    what: str,
    sheet: Optional[str] = None,
    encoding: Optional[str] = None,
    decimal: str = ".",
    keep_arrow: bool = False,
    header_row: Optional[int] = None,
) -> Table:
    """Read a file (.csv, .parquet, .xlsx), take a DataFrame or an Arrow-stream object.

    ``key_columns`` are columns the header names: a CSV row with more cells than a
    header naming none of them, which names them itself, is named in the error as
    the table's header (a title above the table). Text columns keep their dtype (ids
    of any dtype are turned into text where they are used, see :mod:`chitieu.cells`); ``numbers`` columns become
    float64 (integer columns are kept as they are), and a cell that is not a
    number raises ``error`` naming the file, line (or cell) and column; empty
    cells (and ``NA``/``NaN``) become NaN. ``decimal=","`` reads ``85,3``. ``keep_arrow``: columns
    of Arrow-backed integers or floats stay as they are (nulls for the missing cells), for the
    core to read from Arrow's buffers. ``header_row`` (CSV and Excel files): the line or sheet row of the
    header, the rows above it not read (a title, notes).
    """
    table = _table(load_source(source, error=error, what=what, sheet=sheet, encoding=encoding, header_row=header_row,
                               key_columns=key_columns))
    for name in numbers:
        col = table.frame.get(name)
        if col is not None and not _integers(col) and not _floats64(col) and not (keep_arrow and is_arrow_numbers(col)):
            set_column(table, name, numbers_of(table, col, name, error, decimal))
    return table


def _floats64(col: pd.Series[Any]) -> bool:
    """True for a column of float64 (NaN for missing cells): already what numbers_of gives, kept as it
    is (assigning the same numbers back would copy the column: 46 MiB for the national 1× data)."""
    return isinstance(col.dtype, np.dtype) and col.dtype == np.float64


def _integers(col: pd.Series[Any]) -> bool:
    """True for a column of plain integers: numbers already, kept as they are (no float copy)."""
    return isinstance(col.dtype, np.dtype) and col.dtype.kind in "iu"


def numbers_of(table: Table, col: pd.Series[Any], name: str, error: Type[ChitieuError],
               decimal: str = ".") -> npt.NDArray[np.float64]:
    """A column of any dtype as float64 (missing cells NaN), or ``error`` at the first cell that is not a number."""
    if pd.api.types.is_bool_dtype(col) or (pd.api.types.is_numeric_dtype(col) and not isinstance(
            col.dtype, pd.CategoricalDtype)):
        return col.to_numpy(dtype=np.float64, na_value=np.nan)
    cells = col.astype("string").tolist()  # missing cells as pd.NA, which number_cells reads as missing
    values, bad = _core.number_cells(cells, decimal)
    if bad:
        cell = str(col.iloc[bad[0]])
        raise table.error(error, _core.not_a_number_message(cell, decimal, table.delimiter), bad[0], name)
    return values


def missing_columns(table: Table, names: Sequence[str], error: Type[ChitieuError], what: str) -> List[ChitieuError]:
    """An ``error`` for each of the columns ``names`` the table lacks, at its header, each with the one
    message of every reader (``_core.missing_column_message``: the columns found, and how the header
    was read)."""
    found = [str(c) for c in table.frame.columns]
    how = ""
    if table.delimiter is not None:
        how = f"columns were read as separated by {DELIMITERS[table.delimiter]}"
    elif table.sheet is not None:
        how = f"the header is row {table.header_line} of sheet '{table.sheet}'"
    from_file_rows = table.delimiter is not None or table.sheet is not None  # rows above the header may exist
    below = (0 if table.first_rows is None
             else _core.header_row_below(*table.first_rows, list(names), table.delimiter))
    return [error(_core.missing_column_message(name, what, list(names), found, how, from_file_rows, below),
                  table.file, table.header_line, name) for name in names if name not in table.frame.columns]


def require_columns(table: Table, names: Sequence[str], error: Type[ChitieuError], what: str) -> None:
    """Raise the first of :func:`missing_columns`."""
    missing = missing_columns(table, names, error, what)
    if missing:
        raise missing[0]


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
        if len(whole) == 0 or (whole.min() >= -9999 and whole.max() <= 9999):  # no temporary column
            return whole.astype(np.int32, copy=False)
        bad = (whole < -9999) | (whole > 9999)
    else:
        years = col.to_numpy(dtype=np.float64, na_value=np.nan)
        bad = ~np.isfinite(years) | (years != np.round(years)) | (np.abs(years) > 9999)
        if not bad.any():
            return years.astype(np.int32)
    row = int(np.flatnonzero(bad)[0])
    value = col.iloc[row]
    shown = "" if pd.isna(value) else (str(int(value)) if float(value).is_integer() else str(value))
    raise table.error(error, f"'{shown}' is not a year (a whole number such as 2024)", row, name)


def check_decimal(decimal: str) -> None:
    """Raise ObservationError unless ``decimal`` is a decimal mark the readers know ('.' or ',')."""
    try:
        _core.check_decimal_mark(decimal)
    except ChitieuError as exc:
        raise translate(exc, ObservationError) from None


def long_observations(table: Table) -> Table:
    """Observations in the long layout, checked: the required columns (``value`` may be left out when
    ``numerator`` and ``denominator`` are given; it is then added as NaN) and whole years."""
    cols = table.frame.columns
    if "value" not in cols and "numerator" in cols and "denominator" in cols:
        required: List[str] = ["indicator", "area", "year"]
    else:
        required = ["indicator", "area", "year", "value"]
    require_columns(table, required, ObservationError, "observations")
    if "value" not in cols:
        table.frame["value"] = np.nan
    years = whole_years(table, "year", ObservationError)
    if years.dtype != table.frame["year"].dtype:  # int32 already: the column itself, kept
        set_column(table, "year", years)
    return table


def read_observations(source: TableSource, sheet: Optional[str] = None, decimal: str = ".",
                      encoding: Optional[str] = None, header_row: Optional[int] = None) -> Table:
    """Observations ``indicator, area, year, value`` (+ ``numerator, denominator, weight, se``), in the
    long layout (the wide one: :func:`chitieu.wide.read_wide_observations`).

    ``value`` may be missing when both ``numerator`` and ``denominator`` are
    given (it is then added as NaN); other columns are ignored. Optional columns left out stay out of the frame:
    the core takes them as NaN, without a column of NaN held in Python. Empty
    ids are refused when the ids are factorized
    (:func:`chitieu.frames.panel_from_table`), in the same pass.
    """
    check_decimal(decimal)
    table = read_table(source, key_columns=("indicator", "area"), numbers=("year", *OBSERVATION_NUMBERS),
                       error=ObservationError, what="observations", sheet=sheet, encoding=encoding, decimal=decimal,
                       keep_arrow=True, header_row=header_row)
    return long_observations(table)


def read_areas(source: TableSource, sheet: Optional[str] = None, encoding: Optional[str] = None,
               header_row: Optional[int] = None) -> Table:
    """An areas table ``id, code, name, level, parent, valid_from, valid_to`` (codes may repeat)."""
    table = read_table(source, key_columns=AREA_COLUMNS, numbers=(), error=AreaError, what="areas", sheet=sheet,
                       encoding=encoding, header_row=header_row)
    require_columns(table, AREA_COLUMNS, AreaError, "areas")
    require_cells(table, ["id"], AreaError)
    return table


def read_crosswalk(source: TableSource, sheet: Optional[str] = None, encoding: Optional[str] = None,
                   header_row: Optional[int] = None) -> Table:
    """A crosswalk ``from, to, share, date``: the share of ``from`` that went into ``to`` on ``date``."""
    table = read_table(source, key_columns=("from", "to", "date"), numbers=("share",), error=AreaError,
                       what="crosswalk", sheet=sheet, encoding=encoding, header_row=header_row)
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


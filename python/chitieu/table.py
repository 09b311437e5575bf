"""A table as read from a file, a DataFrame or an Arrow table: the frame, its source and the line of
each row (see :mod:`chitieu.io`), and the checks of its columns every reader shares."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Sequence, Type

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu.errors import ChitieuError
from chitieu.formats import OBSERVATION_NUMBERS
from chitieu.sources import LOCATION_ATTR, RawTable
from chitieu.text_files import DELIMITERS

__all__ = ["Table", "numbers_of", "require_columns", "table_of"]

# Cells read as missing in numeric columns; everywhere else only an empty cell is missing.
_MISSING = ["", "NA", "NaN", "nan", "N/A"]
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
        """The frame, carrying this table's locations in ``attrs`` (see :func:`chitieu.read_observations`)."""
        frame = self.frame
        frame.attrs[LOCATION_ATTR] = RawTable(pd.DataFrame(index=frame.index), self.file, self.row_lines(),
                                              self.header_line, self.sheet, self.letters, self.delimiter,
                                              self.number_columns)
        return frame


def table_of(raw: RawTable) -> Table:
    """The Table of a source as loaded (:func:`chitieu.sources.load_source`)."""
    return Table(raw.frame, raw.file, raw.lines, raw.header_line, raw.sheet, raw.letters, raw.delimiter,
                 raw.number_columns)


def numbers_of(table: Table, col: pd.Series[Any], name: str, error: Type[ChitieuError],
               decimal: str = ".") -> npt.NDArray[np.float64]:
    """A column of any dtype as float64 (missing cells NaN), or ``error`` at the first cell that is not a number."""
    if pd.api.types.is_bool_dtype(col) or (pd.api.types.is_numeric_dtype(col) and not isinstance(
            col.dtype, pd.CategoricalDtype)):
        return col.to_numpy(dtype=np.float64, na_value=np.nan)
    as_text = col.astype("string").str.strip().replace(dict.fromkeys(_MISSING, pd.NA))
    readable = as_text.str.replace(",", ".", regex=False) if decimal == "," else as_text
    values = pd.to_numeric(readable, errors="coerce")
    bad = (values.isna() & as_text.notna()).to_numpy()
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        hint = ("write digits with a comma for decimals as chosen by decimal=',' (CLI: --decimal ,), or leave the "
                "cell empty" if decimal == "," else "write digits with a dot for decimals, or leave the cell empty")
        if decimal == "." and "," in str(col.iloc[row]) and table.delimiter != ",":
            hint += "; decimal=',' (CLI: --decimal ,) reads a decimal comma such as 85,3"
        raise table.error(error, f"'{col.iloc[row]}' is not a number ({hint})", row, name)
    return np.asarray(values.to_numpy(dtype=np.float64, na_value=np.nan))


def require_columns(table: Table, names: Sequence[str], error: Type[ChitieuError], what: str) -> None:
    """Raise ``error`` naming the file and the first missing column (and the delimiter read)."""
    for name in names:
        if name not in table.frame.columns:
            found = ", ".join(map(str, table.frame.columns)) or "none"
            how = ""
            if table.delimiter is not None:
                how = f"; columns were read as separated by {DELIMITERS[table.delimiter]}"
            elif table.sheet is not None:
                how = f"; the header is row {table.header_line} of sheet '{table.sheet}'"
            raise error(f"missing column '{name}'; {what} need the columns {', '.join(names)} (found: {found}{how})",
                        table.file, table.header_line, name)

"""Where a table comes from: a CSV, Parquet or Excel file, a DataFrame, or an Arrow stream.

:func:`load_source` turns any of them into a :class:`RawTable`: the cells as a
pandas frame (dtypes as found: the conversion to ids, numbers and dates is
done once, for every kind of source, by :mod:`chitieu.io`), the file, the line
of each row and, for a workbook, the sheet and the letter of each column, so
that an error names ``Sheet1!D7``. DataFrames made by
:func:`chitieu.read_observations` carry their file's locations in ``attrs``.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple, Type, Union

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu import _core
from chitieu.arrow_bridge import as_arrow_table, frame_from_arrow, is_arrow_stream
from chitieu.errors import ChitieuError, translate
from chitieu.text_files import DELIMITERS, decode_file, detect_delimiter, row_lines

__all__ = ["LOCATION_ATTR", "FileLocation", "FirstRows", "RawTable", "TableSource", "load_source"]

TableSource = Union[pd.DataFrame, str, os.PathLike[str], Any]
#: The cells (as trimmed text, empty for a missing cell) and the lines of a file's first rows.
FirstRows = Tuple[List[List[str]], List[int]]

#: The key of ``DataFrame.attrs`` under which a frame read from a file keeps its locations.
LOCATION_ATTR = "chitieu.location"



@dataclass(eq=False)
class RawTable:
    """The cells of a source and where each row stands in it. Equal only to itself: pandas
    compares the ``attrs`` of frames it combines (``astype``, ``concat``), and comparing the
    frames and arrays inside field by field has no truth value."""

    frame: pd.DataFrame
    file: str
    #: The line (CSV), sheet row (Excel) or 1-based row (others) of each row; None: row i is line i + 1.
    lines: Optional[npt.NDArray[np.int32]] = None
    header_line: int = 0
    sheet: Optional[str] = None
    #: Excel column letter of each column name.
    letters: Dict[str, str] = field(default_factory=dict)
    delimiter: Optional[str] = None
    #: Wide layout: the source column (year header or letter) of each row's numbers.
    number_columns: Optional[npt.NDArray[Any]] = None
    #: A CSV file or worksheet: the cells and lines of the first rows below its header, where a
    #: missing-column error looks for the table's own header under a title.
    first_rows: Optional[FirstRows] = None


class FileLocation(Dict[str, Any]):
    """Where the rows of a frame read by chitieu stand in its file, kept in the frame's ``attrs``
    under :data:`LOCATION_ATTR`.

    As a dict it holds what JSON can: ``file``, ``header_line`` and ``sheet``, which pandas writes
    into the metadata of a Parquet or Feather file (``DataFrame.to_parquet``). The table itself,
    with the line of every row, is :attr:`table`. It is never changed, so a deep copy is itself:
    pandas deep-copies ``attrs`` into every frame derived from another, which would otherwise copy
    the lines each time. Equal only to itself, like :class:`RawTable`.
    """

    def __init__(self, table: RawTable) -> None:
        super().__init__(file=table.file, header_line=table.header_line, sheet=table.sheet)
        self.table = table

    def __deepcopy__(self, memo: Dict[int, Any]) -> FileLocation:
        return self

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    __hash__ = None


def _first_rows(rows: Sequence[Sequence[Any]], lines: Sequence[int]) -> FirstRows:
    """The first rows below a header (:data:`chitieu._core.header_search_rows`) as text, with their lines."""
    count = min(len(rows), _core.header_search_rows)
    cells = [["" if c is None or pd.isna(c) else str(c).strip() for c in r] for r in rows[:count]]
    return cells, [int(x) for x in lines[:count]]


def _distinct_names(names: List[str], file: str, header_line: int, error: Type[ChitieuError],
                    labels: Optional[List[str]] = None) -> None:
    """Raise ``error`` when two column names that are not empty are the same (a CSV file's header
    is checked by the C++ reader itself, :func:`chitieu.text_files.row_lines`)."""
    try:
        _core.check_column_names(names, file, header_line, labels or [])
    except ChitieuError as exc:
        raise translate(exc, error) from None


def _csv(path: str, encoding: Optional[str], error: Type[ChitieuError], what: str, header_row: int,
         key_columns: Sequence[str]) -> RawTable:
    """The cells of a CSV file as pandas reads them, each row at the line an editor shows it on.

    The lines come from the C++ reader's rules (:func:`chitieu.text_files.row_lines`): a line end
    inside a quoted cell counts, so the rows after it keep their lines. ``header_row`` (0: after the
    leading comments) is the header's line; the lines above it are not read. ``key_columns``, the
    columns the header should name, let a longer row that names them be named as the header.
    """
    decoded = decode_file(path, encoding, error)
    text = decoded.text
    delimiter = detect_delimiter(text, header_row)
    header_line, lines = row_lines(decoded, delimiter, path, what, error, header_row, key_columns)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, skiprows=header_line - 1, skip_blank_lines=False,
                            dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise error(f"cannot read the {what} CSV (columns separated by {DELIMITERS[delimiter]}, "
                    f"{decoded.encoding}): {exc}", path) from None
    blank = frame.isna().all(axis=1).to_numpy()
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
    if len(frame) != len(lines):
        raise error(f"cannot read the {what} CSV: pandas read {len(frame)} rows where chitieu reads {len(lines)}; "
                    "check the quotes of the file (a quoted cell starts and ends with \", a \" inside it is "
                    "written \"\")", path)
    frame.columns = [str(c).strip() for c in frame.columns]
    head = frame.head(_core.header_search_rows).to_numpy(dtype=object).tolist()
    first_rows = _first_rows(head, lines[:_core.header_search_rows].tolist())
    return RawTable(frame, path, lines, header_line, delimiter=delimiter, first_rows=first_rows)


def _parquet(path: str, error: Type[ChitieuError], what: str) -> RawTable:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise error(f"cannot read the {what} Parquet file: {exc}", path) from None
    names = [str(c).strip() for c in table.column_names]
    _distinct_names(names, path, 0, error)
    frame = frame_from_arrow(table)
    frame.columns = names
    return RawTable(frame, path)


def _sheet_names(path: str, error: Type[ChitieuError], what: str) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a file that is not a workbook
        raise error(f"cannot read the {what} workbook: {exc}", path) from None


def _xlsx(path: str, sheet: Optional[str], error: Type[ChitieuError], what: str, header_row: int) -> RawTable:
    """The cells of a worksheet: the header on sheet row ``header_row`` (0: the first row that is not
    empty and whose first cell does not start with ``#``), the rows below it, each at its sheet row."""
    from openpyxl.utils import get_column_letter

    book = _sheet_names(path, error, what)
    try:
        names: List[str] = list(book.sheetnames)
        if sheet is None and len(names) > 1:
            raise error(f"the workbook has {len(names)} sheets ({', '.join(names)}); name the one to read with "
                        "sheet= (CLI: --sheet)", path, None, "sheet")
        name = names[0] if sheet is None else sheet
        if name not in names:
            raise error(f"no sheet '{name}' in the workbook; its sheets are {', '.join(names)}", path, None, "sheet")
        ws = book[name]
        rows = list(ws.iter_rows(min_row=1, min_col=1, values_only=True))  # from A1: row k is sheet row k + 1
    finally:
        book.close()
    if header_row > 0:
        if header_row > len(rows) or all(c is None for c in rows[header_row - 1]):
            raise error(f"header_row is {header_row} but row {header_row} of sheet '{name}' is empty; give the "
                        "sheet row of the table's header", path, header_row, "header_row")
        header_at: Optional[int] = header_row - 1
    else:
        header_at = next((k for k, r in enumerate(rows) if any(c is not None for c in r)
                          and not str(r[0] if r[0] is not None else "").startswith("#")), None)
    if header_at is None:
        raise error(f"sheet '{name}' has no header row; the first row of the table names its columns", path, None,
                    "sheet")
    header_row = header_at + 1  # the sheet's row number
    header = [("" if c is None else str(c).strip()) for c in rows[header_at]]
    keep = [j for j, h in enumerate(header) if h]
    _distinct_names([header[j] for j in keep], path, header_row, error,
                    [f"{name}!{get_column_letter(j + 1)}{header_row}" for j in keep])
    body = rows[header_at + 1:]
    cells = {header[j]: [r[j] if j < len(r) else None for r in body] for j in keep}
    frame = pd.DataFrame(cells, dtype=object, columns=[header[j] for j in keep])
    lines = np.arange(header_row + 1, header_row + 1 + len(body), dtype=np.int32)
    blank = frame.isna().all(axis=1).to_numpy() if len(frame.columns) else np.ones(len(frame), dtype=bool)
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        lines = lines[~blank]
    letters = {header[j]: get_column_letter(j + 1) for j in keep}
    below = [(r, header_row + 1 + k) for k, r in enumerate(body[:_core.header_search_rows])
             if any(c is not None for c in r)]
    first_rows = _first_rows([r for r, _ in below], [line for _, line in below])
    return RawTable(frame, path, lines, header_row, sheet=name, letters=letters, first_rows=first_rows)


def _frame(frame: pd.DataFrame, error: Type[ChitieuError]) -> RawTable:
    """A DataFrame as given (with the locations of the file it was read from, if it carries them)."""
    location = frame.attrs.get(LOCATION_ATTR)
    where = location.table if isinstance(location, FileLocation) else None
    if where is None or where.lines is None or len(where.lines) != len(frame):  # other rows: a frame of its own
        where = None
    _distinct_names([str(c) for c in frame.columns], "<DataFrame>" if where is None else where.file, 0, error)
    frame = frame.reset_index(drop=True)
    if where is None:
        return RawTable(frame, "<DataFrame>")
    return RawTable(frame, where.file, where.lines, where.header_line, where.sheet, where.letters, where.delimiter,
                    where.number_columns)


def _check_header_row(header_row: Optional[int], error: Type[ChitieuError]) -> int:
    """``header_row`` as the readers take it (0: not given); ``error`` for anything but a whole number ≥ 1."""
    if header_row is None:
        return 0
    if isinstance(header_row, bool) or not isinstance(header_row, (int, np.integer)) or header_row < 1:
        raise error(f"header_row is {header_row!r}; give the line (CSV) or sheet row (Excel) of the table's header, "
                    "a whole number from 1 (the first line), or leave it out to start at the first line that is not "
                    "a # comment", field="header_row")
    return int(header_row)


def load_source(source: TableSource, *, error: Type[ChitieuError], what: str, sheet: Optional[str] = None,
                encoding: Optional[str] = None, header_row: Optional[int] = None,
                key_columns: Sequence[str] = ()) -> RawTable:
    """The cells of a DataFrame, an Arrow-stream object or a file (.csv, .parquet, .xlsx). ``header_row``
    (CSV and Excel files only) is the line or sheet row of the header: the rows above it are not read.
    ``key_columns``: the columns the header should name (a CSV row with more cells than a header naming
    none of them, that names them, is named as the header in the error)."""
    row = _check_header_row(header_row, error)
    if row and (isinstance(source, pd.DataFrame) or is_arrow_stream(source)):
        raise error(f"header_row applies to CSV files and worksheets; a {type(source).__name__} has its columns "
                    "named already: leave header_row out", field="header_row")
    if isinstance(source, pd.DataFrame):
        return _frame(source, error)
    if is_arrow_stream(source):
        table = as_arrow_table(source)
        _distinct_names([str(c) for c in table.column_names], "<Arrow>", 0, error)
        return RawTable(frame_from_arrow(table), "<Arrow>")
    try:
        path = os.fspath(source)
    except TypeError:
        raise error(f"cannot read {what} from a {type(source).__name__}; give a file path (.csv, .parquet, .xlsx), "
                    "a pandas DataFrame or an Arrow table (pyarrow, polars, DuckDB)", field=what) from None
    if not os.path.isfile(path):
        raise error(f"no such {what} file", path)
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".parquet", ".pq"):
        if row:
            raise error("header_row applies to CSV files and worksheets; a Parquet file has its columns named "
                        "already: leave header_row out", path, field="header_row")
        return _parquet(path, error, what)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, sheet, error, what, row)
    if suffix == ".xls":
        raise error("the old Excel format .xls is not read; save the workbook as .xlsx (or CSV)", path)
    return _csv(path, encoding, error, what, row, key_columns)

"""Collect mode: every problem of the inputs at once instead of the first.

``chitieu.evaluate(..., errors="collect")`` and ``chitieu evaluate
--all-errors`` check the plan file, the observations, the areas and the
crosswalk completely before evaluating, and raise one :class:`ChitieuErrors`
listing every problem, each a :class:`~chitieu.errors.ChitieuError` with its
own ``file``, ``line`` and ``field``. A row with a cell that cannot be read
(not a number, not a year, an empty id) is not checked further, so one bad
cell gives one problem, not a cascade. Messages are those of the first-error
mode (docs/errors.md); a data row the core names ("duplicate of row 3") is
given as the line of the file.
"""
from __future__ import annotations

import os
import re
from typing import List, Optional, Sequence, Set, Tuple, Type

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu import _core
from chitieu.errors import AreaError, ChitieuError, ObservationError, PlanError, translate
from chitieu.frames import areas_from_table, panel_from_table
from chitieu.io import (
    AREA_COLUMNS,
    CROSSWALK_COLUMNS,
    OBSERVATION_COLUMNS,
    Table,
    TableSource,
    read_table,
    text_column,
)

__all__ = ["ChitieuErrors", "collect_problems", "relocate"]

_NUMBERS = ("value", "numerator", "denominator", "weight", "se")
_MISSING = {"", "NA", "NaN", "nan", "N/A"}
_ROW = re.compile(r"\brow (\d+)\b")


class ChitieuErrors(  # noqa: N818 - the public name of a list of errors (docs/python.md)
    ChitieuError):
    """Several input errors reported at once (collect mode).

    ``errors`` lists them in order (plan, observations, areas, crosswalk; by
    line within a file); ``file``, ``line`` and ``field`` are the first one's.
    ``str()`` gives one problem per line.
    """

    errors: List[ChitieuError]

    def __init__(self, errors: Sequence[ChitieuError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        n = len(self.errors)
        super().__init__(f"{n} problem{'s' if n > 1 else ''}", first.file, first.line, first.field)
        self.args = ("\n".join([f"{n} problem{'s' if n > 1 else ''}:", *(f"  {e}" for e in self.errors)]),)

    def __str__(self) -> str:
        return str(self.args[0])


def _located(cls: Type[ChitieuError], message: str, table: Table, row: int, field: str) -> ChitieuError:
    """An error at 0-based frame row ``row`` of ``table``."""
    return cls(message, table.file, table.line(row), field)


def _read_strings(source: TableSource, columns: Sequence[str], cls: Type[ChitieuError], what: str,
                  problems: List[ChitieuError]) -> Optional[Table]:
    """The table with every listed column as text (empty cells NaN), or None after a problem."""
    try:
        table = read_table(source, strings=columns, numbers=(), error=cls, what=what)
    except ChitieuError as exc:
        problems.append(exc)
        return None
    for name in columns:
        if name in table.frame.columns:
            table.frame[name] = table.frame[name].astype("string").str.strip()
    return table


def _missing_columns(table: Table, required: Sequence[str], cls: Type[ChitieuError], what: str,
                     problems: List[ChitieuError]) -> bool:
    """Adds a problem per missing column; True when none is missing."""
    found = ", ".join(map(str, table.frame.columns)) or "none"
    missing = [c for c in required if c not in table.frame.columns]
    for name in missing:
        problems.append(cls(f"missing column '{name}'; {what} need the columns {', '.join(required)} (found: {found})",
                            table.file, table.header_line, name))
    return not missing


def _cell(v: object) -> Optional[str]:
    """A cell as text, None when empty or a missing marker."""
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    s = str(v).strip()
    return None if s in _MISSING else s


def _observations(source: TableSource, problems: List[ChitieuError]) -> Tuple[Optional[Table], Set[int]]:
    """The observations with numbers converted, and the 0-based rows that could not be read."""
    table = _read_strings(source, OBSERVATION_COLUMNS, ObservationError, "observations", problems)
    if table is None:
        return None, set()
    cols = table.frame.columns
    required = ["indicator", "area", "year"]
    if not ("value" not in cols and "numerator" in cols and "denominator" in cols):
        required.append("value")
    if not _missing_columns(table, required, ObservationError, "observations", problems):
        return None, set()
    bad: Set[int] = set()
    found: List[ChitieuError] = []
    for name in ("indicator", "area"):
        for empty in np.flatnonzero(table.frame[name].isna().to_numpy()).tolist():
            found.append(_located(ObservationError, "empty cell; this column is required in every row", table,
                                  empty, name))
            bad.add(empty)
    years = np.full(len(table.frame), 0, dtype=np.int32)
    for row, v in enumerate(table.frame["year"].to_numpy(dtype=object)):
        text = _cell(v)
        try:
            y = float(text) if text is not None else float("nan")
        except ValueError:
            y = float("nan")
        if not (np.isfinite(y) and y == round(y) and abs(y) <= 9999):
            found.append(_located(ObservationError, f"'{'' if text is None else text}' is not a year (a whole "
                                  "number such as 2024)", table, row, "year"))
            bad.add(row)
        else:
            years[row] = int(y)
    table.frame["year"] = years
    for name in _NUMBERS:
        if name not in cols:
            table.frame[name] = np.nan
            continue
        values = np.full(len(table.frame), np.nan)
        for row, v in enumerate(table.frame[name].to_numpy(dtype=object)):
            text = _cell(v)
            if text is None:
                continue
            try:
                values[row] = float(text)
            except ValueError:
                found.append(_located(ObservationError, f"'{text}' is not a number (write digits with a dot for "
                                      "decimals, or leave the cell empty)", table, row, name))
                bad.add(row)
        table.frame[name] = values
    found.sort(key=lambda e: e.line or 0)
    problems.extend(found)
    return table, bad


def _subset(table: Table, keep: npt.NDArray[np.bool_]) -> Table:
    """The rows ``keep`` (a boolean mask) of a table, lines kept."""
    return Table(table.frame.loc[keep].reset_index(drop=True), table.file, table.row_lines()[keep], table.header_line)


def relocate(message: str, table: Table) -> str:
    """A core message with each "row N" (1-based data row) given as the line of ``table``'s file."""
    if table.file == "<DataFrame>":
        return message
    return _ROW.sub(lambda m: f"line {table.core_line(int(m.group(1)))}", message)


def _core_rows(tuples: Sequence[Tuple[str, int, str]], table: Table, cls: Type[ChitieuError]) -> List[ChitieuError]:
    """(message, 1-based row, field) tuples of the core as errors at the lines of ``table``."""
    out: List[ChitieuError] = []
    for message, row, field in tuples:
        out.append(cls(relocate(message, table), table.file, table.core_line(row) if row else None, field or None))
    return out


def _plan(plan: object, problems: List[ChitieuError]) -> Optional[_core.Plan]:
    """The plan, or None after adding every problem of its file (or the error loading it)."""
    from chitieu.api import load_plan

    if isinstance(plan, _core.Plan):
        return plan
    name = os.fspath(plan)  # type: ignore[call-overload]
    if os.path.isfile(name):
        with open(name, encoding="utf-8") as f:
            text = f.read()
        found = _core.plan_file_problems(text, name)
        if found:
            problems.extend(translate(e, PlanError, file=name) for e in found)
            return None
    try:
        return load_plan(name)
    except ChitieuError as exc:
        problems.append(exc)
        return None


def _area_rows(table: Table, areas: _core.AreaTable) -> List[ChitieuError]:
    """Observation rows whose area is unknown or not a unit of their year (31 December)."""
    out: List[ChitieuError] = []
    ids = table.frame["area"].to_numpy(dtype=object)
    years = table.frame["year"].to_numpy()
    known: dict = {}  # type: ignore[type-arg]
    for row in range(len(ids)):
        area, year = str(ids[row]), int(years[row])
        if area not in known:
            known[area] = area in areas
        if not known[area]:
            out.append(_located(ObservationError, f"unknown area '{area}'; expected an id of the area table "
                                f"({areas.source})", table, row, "area"))
        elif not areas.valid_on(area, f"{year:04d}-12-31"):
            out.append(_located(ObservationError, f"area '{area}' is not a unit of {year} (not valid on "
                                f"31 December {year}); give the unit valid that year", table, row, "area"))
    return out


def collect_problems(
    plan: object,
    observations: TableSource,
    areas: Optional[TableSource] = None,
    crosswalk: Optional[TableSource] = None,
) -> List[ChitieuError]:
    """Every problem of the plan (file), the observations, the areas and the crosswalk.

    Empty when the inputs pass every check that precedes an evaluation. Each
    problem is a :class:`~chitieu.errors.ChitieuError` subclass naming its
    file, line and field (``PlanError``, ``ObservationError``, ``AreaError``).
    """
    problems: List[ChitieuError] = []
    the_plan = _plan(plan, problems)
    obs, bad_rows = _observations(observations, problems)
    good: Optional[Table] = None
    if obs is not None:
        keep = np.ones(len(obs.frame), dtype=bool)
        keep[list(bad_rows)] = False
        good = _subset(obs, keep)
        if the_plan is not None and len(good.frame):
            problems.extend(_core_rows(_core.observation_problems(the_plan, panel_from_table(good)), good,
                                       ObservationError))
    table = None
    if areas is not None:
        source = _read_strings(areas, AREA_COLUMNS, AreaError, "areas", problems)
        if source is not None and _missing_columns(source, AREA_COLUMNS, AreaError, "areas", problems):
            try:
                found = _core.area_problems(text_column(source, "id"), text_column(source, "code"),
                                            text_column(source, "name"), text_column(source, "level"),
                                            text_column(source, "parent"), text_column(source, "valid_from"),
                                            text_column(source, "valid_to"), source=source.file)
                problems.extend(_core_rows(found, source, AreaError))
                if not found:
                    table = areas_from_table(source)
            except ValueError as exc:  # an unreadable date
                problems.append(translate(exc, AreaError, file=source.file, line_of=source.core_line))
    if table is not None and good is not None:
        problems.extend(_area_rows(good, table))
    if crosswalk is not None and table is not None:
        walk = _read_strings(crosswalk, CROSSWALK_COLUMNS, AreaError, "crosswalk", problems)
        if walk is not None and _missing_columns(walk, CROSSWALK_COLUMNS, AreaError, "crosswalks", problems):
            shares = pd.to_numeric(walk.frame["share"], errors="coerce").to_numpy(dtype=np.float64)
            try:
                found = _core.crosswalk_problems(text_column(walk, "from"), text_column(walk, "to"), shares.tolist(),
                                                 text_column(walk, "date"), table, source=walk.file)
                problems.extend(_core_rows(found, walk, AreaError))
            except ValueError as exc:  # an unreadable date
                problems.append(translate(exc, AreaError, file=walk.file, line_of=walk.core_line))
    return problems

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
from typing import List, Optional, Sequence, Set, Tuple, Type

import numpy as np
import numpy.typing as npt

from chitieu import _core
from chitieu.errors import AreaError, ChitieuError, ObservationError, PlanError, translate
from chitieu.frames import area_columns, areas_from_table, panel_from_table
from chitieu.io import (
    AREA_COLUMNS,
    CROSSWALK_COLUMNS,
    OBSERVATION_COLUMNS,
    Table,
    TableSource,
    missing_columns,
    read_table,
    text_column,
)
from chitieu.lost_zeros import LostZeros
from chitieu.plans import load_plan
from chitieu.subset import select_indicators

__all__ = ["ChitieuErrors", "collect_problems"]

_NUMBERS = ("value", "numerator", "denominator", "weight", "se")


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
    return table.error(cls, message, row, field)


def _read_strings(source: TableSource, columns: Sequence[str], cls: Type[ChitieuError], what: str,
                  problems: List[ChitieuError]) -> Optional[Table]:
    """The table with its number columns as text (empty cells NaN), or None after a problem.

    Ids and dates keep their dtype: they are read as ids and dates where used (docs/your-data.md)."""
    try:
        table = read_table(source, key_columns=columns, numbers=(), error=cls, what=what)
    except ChitieuError as exc:
        problems.append(exc)
        return None
    for name in columns:
        if name in table.frame.columns and name in ("year", "share", *_NUMBERS):
            table.frame[name] = table.frame[name].astype("string").str.strip()
    return table


def _missing_columns(table: Table, required: Sequence[str], cls: Type[ChitieuError], what: str,
                     problems: List[ChitieuError]) -> bool:
    """Adds a problem per missing column; True when none is missing."""
    missing = missing_columns(table, required, cls, what)
    problems.extend(missing)
    return not missing


def _numbers(table: Table, name: str) -> Tuple[npt.NDArray[np.float64], List[int]]:
    """Column ``name`` by the number-cell rule of every reader: the numbers (NaN when missing or not a
    number) and the 0-based rows of the cells that are not numbers."""
    return _core.number_cells(table.frame[name].astype("string").tolist())


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
    values, not_numbers = _numbers(table, "year")
    words = set(not_numbers)
    for row, y in enumerate(values.tolist()):
        if not (np.isfinite(y) and y == round(y) and abs(y) <= 9999):
            text = "" if np.isnan(y) and row not in words else table.frame["year"].iloc[row]
            found.append(_located(ObservationError, f"'{text}' is not a year (a whole number such as 2024)", table,
                                  row, "year"))
            bad.add(row)
        else:
            years[row] = int(y)
    table.frame["year"] = years
    for name in _NUMBERS:
        if name not in cols:
            table.frame[name] = np.nan
            continue
        numbers, not_numbers = _numbers(table, name)
        for row in not_numbers:
            message = _core.not_a_number_message(str(table.frame[name].iloc[row]), ".", table.delimiter)
            found.append(_located(ObservationError, message, table, row, name))
            bad.add(row)
        table.frame[name] = numbers
    found.sort(key=lambda e: e.line or 0)
    problems.extend(found)
    return table, bad


def _core_rows(tuples: Sequence[Tuple[str, int, str]], table: Table, cls: Type[ChitieuError]) -> List[ChitieuError]:
    """(message, 1-based row, field) tuples of the core as errors at the lines of ``table``."""
    out: List[ChitieuError] = []
    for message, row, field in tuples:
        out.append(table.core_error(cls(table.relocate(message), table.file, table.core_line(row) if row else None,
                                        field or None)))
    return out


def _plan(plan: object, problems: List[ChitieuError]) -> Optional[_core.Plan]:
    """The plan, or None after adding every problem of its file (or the error loading it)."""
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


def _areas(areas: TableSource, problems: List[ChitieuError]) -> Tuple[Optional[_core.AreaTable], Optional[Table]]:
    """The area table and the table it was read from, or None after adding every problem of its rows."""
    source = _read_strings(areas, AREA_COLUMNS, AreaError, "areas", problems)
    if source is None or not _missing_columns(source, AREA_COLUMNS, AreaError, "areas", problems):
        return None, None
    try:
        found = _core.area_problems(*area_columns(source), source=source.file)
    except ChitieuError as exc:  # a cell that is no id or no date
        problems.append(exc)
        return None, None
    except ValueError as exc:  # an unreadable date
        problems.append(translate(exc, AreaError, file=source.file, line_of=source.core_line))
        return None, None
    problems.extend(_core_rows(found, source, AreaError))
    return (None, None) if found else (areas_from_table(source), source)


def _crosswalk(crosswalk: TableSource, table: _core.AreaTable, problems: List[ChitieuError]) -> None:
    """Adds every problem of the crosswalk's rows against the area table."""
    walk = _read_strings(crosswalk, CROSSWALK_COLUMNS, AreaError, "crosswalk", problems)
    if walk is None or not _missing_columns(walk, CROSSWALK_COLUMNS, AreaError, "crosswalks", problems):
        return
    shares, _ = _numbers(walk, "share")
    try:
        found = _core.crosswalk_problems(text_column(walk, "from"), text_column(walk, "to"), shares.tolist(),
                                         text_column(walk, "date"), table, source=walk.file)
    except ChitieuError as exc:
        problems.append(exc)
        return
    except ValueError as exc:  # an unreadable date
        problems.append(translate(exc, AreaError, file=walk.file, line_of=walk.core_line))
        return
    problems.extend(_core_rows(found, walk, AreaError))


def collect_problems(
    plan: object,
    observations: TableSource,
    areas: Optional[TableSource] = None,
    crosswalk: Optional[TableSource] = None,
    area_key: str = "id",
    indicators: Optional[Sequence[str]] = None,
) -> List[ChitieuError]:
    """Every problem of the plan (file), the observations, the areas and the crosswalk.

    Empty when the inputs pass every check that precedes an evaluation. Each
    problem is a :class:`~chitieu.errors.ChitieuError` subclass naming its
    file, line and field (``PlanError``, ``ObservationError``, ``AreaError``).
    ``area_key`` and ``indicators`` are those of :func:`chitieu.evaluate`.
    """
    problems: List[ChitieuError] = []
    the_plan = _plan(plan, problems)
    if the_plan is not None and indicators is not None:
        try:
            the_plan = select_indicators(the_plan, indicators)
        except ChitieuError as exc:
            problems.append(exc)
            the_plan = None
    obs, bad_rows = _observations(observations, problems)
    good: Optional[Table] = None
    panel = None
    if obs is not None:
        keep = np.ones(len(obs.frame), dtype=bool)
        keep[list(bad_rows)] = False
        if indicators is not None and the_plan is not None:
            keep &= obs.frame["indicator"].isin([i.id for i in the_plan.indicators]).to_numpy()
        good = obs.rows(keep)
        try:
            panel = panel_from_table(good) if len(good.frame) else None
        except ChitieuError as exc:  # an id cell that is no id (60.5)
            problems.append(exc)
        if the_plan is not None and panel is not None:
            problems.extend(_core_rows(_core.observation_problems(the_plan, panel), good, ObservationError))
    table, area_source = _areas(areas, problems) if areas is not None else (None, None)
    if table is not None and good is not None and panel is not None:
        check = _core.area_code_problems if area_key == "code" else _core.observation_area_problems
        found = check(panel, table)
        zeros = LostZeros(good, area_source, area_key)
        problems.extend(zeros.explain(err, row) for err, (_, row, _) in zip(_core_rows(found, good, ObservationError),
                                                                              found))
    if crosswalk is not None and table is not None:
        _crosswalk(crosswalk, table, problems)
    return problems

"""The public functions of chitieu (docs/python.md): plans, target phrases and evaluation."""
from __future__ import annotations

import datetime as _dt
from typing import Optional, Sequence, Union

import pandas as pd

from chitieu import _core, io
from chitieu.area_names import area_labels
from chitieu.choices import Direction, ErrorsMode, Method
from chitieu.collect import ChitieuErrors, collect_problems
from chitieu.errors import AreaError, ChitieuError, ObservationError, PhraseError, translate
from chitieu.evaluation import Evaluation
from chitieu.frames import AreaColumns, area_columns, areas_from_table, crosswalk_from_table, panel_from_table
from chitieu.io import Table, TableSource, read_areas, read_crosswalk
from chitieu.lost_zeros import LostZeros
from chitieu.plans import CORE_ERRORS, PlanSource, load_plan, plan_of
from chitieu.subset import AREA_KEYS, check_area_key, select_indicators
from chitieu.wide import read_wide_observations

__all__ = ["AREA_KEYS", "FINDING_COLUMNS", "METHODS", "PlanSource", "evaluate", "load_plan", "parse_target",
           "read_observations"]

#: The pace methods (docs/evaluation.md "Pace"), from the core's table.
METHODS = tuple(name for name, _, _ in _core.enum_table("pace_method"))

#: The columns of ``Evaluation.findings`` (one row per finding of the roll-up).
FINDING_COLUMNS = ("kind", "indicator", "area", "year", "own", "aggregate", "message")


def parse_target(phrase: str, direction: Optional[Direction] = None, tolerance: Optional[float] = None) -> _core.Target:
    """Read a target phrase (``"trên 80%"``, ``"giảm còn 1,2%"``, ``"tăng bình quân 7%/năm"``) into a :class:`Target`.

    ``direction`` (``higher``, ``lower`` or ``none``) is the indicator's: it
    gives a bare number its sense and a contradicting comparator or verb is
    refused. ``None`` lets the words imply it (``dưới``, ``giảm`` lower;
    ``trên``, ``tăng`` higher; a range none) and refuses a bare number.
    ``tolerance`` overrides the half-width of an approx band. Raises
    :class:`~chitieu.errors.PhraseError` with the position of the word that
    could not be read.
    """
    if direction is not None and direction not in ("higher", "lower", "none"):
        raise PhraseError(f"unknown direction '{direction}'; expected higher, lower or none", field="direction")
    try:
        return _core.parse_target(phrase, direction, tolerance)
    except CORE_ERRORS as exc:
        raise translate(exc, PhraseError) from None


def read_observations(source: TableSource, layout: str = "long", sheet: Optional[str] = None, decimal: str = ".",
                      encoding: Optional[str] = None, header_row: Optional[int] = None) -> pd.DataFrame:
    """Observations from a file (.csv, .parquet, .xlsx), a DataFrame or an Arrow table, in the long layout.

    ``layout="wide"`` reads one row per ``indicator, area`` (and ``measure``)
    with one column per four-digit year; ``sheet`` names the sheet of a
    workbook (required when it has several); ``decimal=","`` reads ``85,3``;
    ``encoding`` sets the encoding of a CSV (default: UTF-8, else
    Windows-1258, detected); ``header_row`` is the line (CSV) or sheet row
    (Excel) of the table's header, for a table under a title or notes, which
    are then not read (default: the first line that is not a ``#`` comment).
    The DataFrame has the columns ``indicator, area, year, value`` and whichever
    of ``numerator, denominator, weight, se`` were given, and remembers each
    row's file, line and cell: an error found later by :func:`evaluate` still
    names them. See docs/your-data.md.
    """
    if layout not in io.LAYOUTS:
        raise ObservationError(f"unknown layout '{layout}'; expected long (one row per observation) or wide "
                               "(one column per year)", field="layout")
    read = read_wide_observations if layout == "wide" else io.read_observations
    return read(source, sheet=sheet, decimal=decimal, encoding=encoding, header_row=header_row).located()


def _geography(geography: Union[str, _dt.date, None]) -> Optional[str]:
    if geography is None:
        return None
    if isinstance(geography, _dt.date):
        return geography.isoformat()
    try:
        return _dt.date.fromisoformat(str(geography)).isoformat()
    except ValueError:
        raise AreaError(f"'{geography}' is not a date; write it as YYYY-MM-DD, e.g. 2025-07-01",
                        field="geography") from None


def _parent_count(parents: Optional[Sequence[str]]) -> int:
    """How many distinct areas are named as a parent (0 without a table)."""
    return 0 if parents is None else len({p for p in parents if p})


def evaluate(
    plan: PlanSource,
    observations: TableSource,
    areas: Optional[TableSource] = None,
    crosswalk: Optional[TableSource] = None,
    geography: Union[str, _dt.date, None] = None,
    year: Optional[int] = None,
    method: Method = "chitieu",
    errors: ErrorsMode = "raise",
    area_key: str = "id",
    indicators: Optional[Sequence[str]] = None,
    recycle: Optional[Evaluation] = None,
) -> Evaluation:
    """Evaluate observations against a plan (docs/evaluation.md).

    ``plan`` is an embedded id, a plan file or a :class:`Plan`; observations,
    areas and crosswalk are files (.csv, .parquet, .xlsx), pandas DataFrames
    (any dtypes) or Arrow tables (pyarrow, polars, DuckDB: anything with
    ``__arrow_c_stream__``); :func:`chitieu.read_observations` reads other
    layouts, sheets and encodings. With ``areas`` values roll up the area
    hierarchy; with ``crosswalk`` and ``geography`` (a date) every year is
    expressed on the units valid at that date. ``area_key="code"`` reads the
    observations' ``area`` as official codes, each (code, year) resolved to the
    unit holding the code on 31 December of the year. ``indicators`` evaluates
    a subset of the plan's indicators. ``year`` limits the evaluation to data up
    to that year; ``method`` is ``chitieu``, ``open_sdg`` or ``sdsn``.
    ``errors="collect"`` checks every input first and raises one
    :class:`~chitieu.collect.ChitieuErrors` listing every problem
    (``errors="raise"``, the default, raises the first). ``recycle`` is an
    earlier :class:`Evaluation` given away: its memory holds the new result
    (no fresh pages for a review repeated on data of the same size) and it is
    left empty; refused while arrays from its core's ``columns()`` are alive;
    while frames of its ``to_frame()`` share its memory, they keep it and the
    new result takes fresh memory.
    """
    if errors not in ("raise", "collect"):
        raise ChitieuError(f"unknown errors mode '{errors}'; expected raise or collect", field="errors")
    if method not in METHODS:
        raise ChitieuError(f"unknown method '{method}'; expected one of {', '.join(METHODS)}", field="method")
    check_area_key(area_key, areas is not None)
    if (crosswalk is None) != (geography is None):
        given, missing = ("crosswalk", "geography") if geography is None else ("geography", "crosswalk")
        raise AreaError(f"a {given} needs a {missing}: give both to re-express the data on the units "
                        "valid at a date, or neither for historical geography", field=missing)
    if crosswalk is not None and areas is None:
        raise AreaError("a crosswalk needs the areas table it refers to", field="areas")
    if errors == "collect":
        found = collect_problems(plan, observations, areas, crosswalk, area_key=area_key, indicators=indicators)
        if found:
            raise ChitieuErrors(found)
    whole_plan = plan_of(plan)
    the_plan = select_indicators(whole_plan, indicators)
    obs = io.read_observations(observations)
    if indicators is not None:  # the rows of the chosen indicators only, and only their ids
        obs = obs.rows(obs.frame["indicator"].isin([i.id for i in the_plan.indicators]).to_numpy())
        if isinstance(obs.frame["indicator"].dtype, pd.CategoricalDtype):  # Arrow and polars ids too
            obs.frame["indicator"] = obs.frame["indicator"].cat.remove_unused_categories()
    area_source: Optional[Table] = None
    columns = None
    unreadable_areas: Optional[ChitieuError] = None
    if areas is not None:  # read first (its errors still come after the observations'): its parents size the panel
        try:
            area_source = read_areas(areas)
            columns = area_columns(area_source)
        except ChitieuError as exc:
            unreadable_areas = exc
    panel = panel_from_table(obs, parent_areas=_parent_count(None if columns is None else columns[4]))
    area_table = None
    if area_key == "code":  # the codes resolve to ids before any check that names areas
        if unreadable_areas is not None:
            raise unreadable_areas
        area_table = _area_table(area_source, columns)
        try:
            _core.resolve_area_codes(panel, area_table)
        except CORE_ERRORS as exc:
            raise _area_error(exc, obs, area_source, area_key) from None
    try:  # the one check of the observations (C++, without the GIL); ratio values completed in place
        _core.check_and_complete(the_plan, panel)
    except CORE_ERRORS as exc:
        raise _observation_error(exc, obs) from None
    if unreadable_areas is not None:
        raise unreadable_areas
    if area_source is not None and area_table is None:
        area_table = _area_table(area_source, columns)
    walk = None
    if crosswalk is not None and area_table is not None:
        walk_source = read_crosswalk(crosswalk)
        try:
            walk = crosswalk_from_table(walk_source, area_table)
        except CORE_ERRORS as exc:
            raise walk_source.core_error(translate(exc, AreaError, file=walk_source.file,
                                                   line_of=walk_source.core_line)) from None
    date = _geography(geography)
    try:  # the panel is checked: its columns move through roll-up and evaluation without copies
        core_eval, findings = _core.review(the_plan, panel, areas=area_table, crosswalk=walk, geography=date,
                                           year=year, method=method, consume=True, checked=True,
                                           recycle=None if recycle is None else recycle._give_away())
    except CORE_ERRORS as exc:
        raise _area_error(exc, obs, area_source, area_key) from None
    names = {} if columns is None else area_labels(columns[0], columns[2], columns[5], columns[6])
    return Evaluation(the_plan, core_eval, pd.DataFrame(findings, columns=list(FINDING_COLUMNS)), method=method,
                      geography=date, year=year, area_names=names, plan_indicators=len(whole_plan.indicators))


def _area_table(source: Optional[Table], columns: Optional[AreaColumns]) -> _core.AreaTable:
    assert source is not None  # check_area_key: area_key="code" needs areas
    try:
        return areas_from_table(source, columns)
    except CORE_ERRORS as exc:
        raise source.core_error(translate(exc, AreaError, file=source.file, line_of=source.core_line)) from None


def _area_error(exc: BaseException, obs: Table, areas: Optional[Table], area_key: str) -> ChitieuError:
    """:func:`_observation_error`, with the hint of :class:`~chitieu.lost_zeros.LostZeros` when the
    error is about an area that lost its leading zeros."""
    core_row = exc.line if isinstance(exc, ChitieuError) else None
    return LostZeros(obs, areas, area_key).explain(_observation_error(exc, obs), core_row)


def _observation_error(exc: BaseException, obs: Table) -> ChitieuError:
    """A core error about the observations at the line of their file ("row 3" in the message too)."""
    err = translate(exc, ObservationError, file=obs.file, line_of=obs.core_line)
    moved = obs.relocate(err.message)  # "duplicate of row 3" → the line of the file
    if moved != err.message:
        err = ObservationError(moved, err.file, err.line, err.field)
    return obs.core_error(err)

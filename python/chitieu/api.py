"""The public functions of chitieu (docs/python.md): plans, target phrases and evaluation."""
from __future__ import annotations

import datetime as _dt
import os
from typing import Optional, Union

import pandas as pd

from chitieu import _core
from chitieu.area_names import area_labels
from chitieu.choices import Direction, ErrorsMode, Method
from chitieu.collect import relocate
from chitieu.errors import AreaError, ChitieuError, ObservationError, PhraseError, PlanError, translate
from chitieu.evaluation import Evaluation
from chitieu.frames import areas_from_table, crosswalk_from_table, panel_from_table
from chitieu.io import Table, TableSource, read_areas, read_crosswalk, read_observations, text_column

__all__ = ["FINDING_COLUMNS", "METHODS", "PlanSource", "evaluate", "load_plan", "parse_target"]

#: The pace methods (docs/evaluation.md "Pace"), from the core's table.
METHODS = tuple(name for name, _, _ in _core.enum_table("pace_method"))

#: The columns of ``Evaluation.findings`` (one row per finding of the roll-up).
FINDING_COLUMNS = ("kind", "indicator", "area", "year", "own", "aggregate", "message")

PlanSource = Union[str, "os.PathLike[str]", _core.Plan]

_CORE_ERRORS = (ValueError, RuntimeError)


def load_plan(id_or_path: Union[str, os.PathLike[str]]) -> _core.Plan:
    """A plan by embedded id (``"la-gi-2024"``) or from a TOML plan file.

    Raises :class:`~chitieu.errors.PlanError` naming the file, line and key of
    the first problem, or listing the embedded ids when the id is unknown.
    """
    name = os.fspath(id_or_path)
    try:
        return _core.load_plan(name)
    except _CORE_ERRORS as exc:
        raise translate(exc, PlanError, file=name if os.path.exists(name) else None) from None


def _plan(plan: PlanSource) -> _core.Plan:
    return plan if isinstance(plan, _core.Plan) else load_plan(plan)


def parse_target(phrase: str, direction: Direction = "higher", tolerance: Optional[float] = None) -> _core.Target:
    """Read a target phrase (``"trên 80%"``, ``"khoảng 76,5 tuổi"``, ``"12-15"``) into a :class:`Target`.

    ``direction`` (``higher``, ``lower`` or ``none``) gives a bare number its
    sense; ``tolerance`` overrides the half-width of an approx band. Raises
    :class:`~chitieu.errors.PhraseError` with the position of the word that
    could not be read.
    """
    if direction not in ("higher", "lower", "none"):
        raise PhraseError(f"unknown direction '{direction}'; expected higher, lower or none", field="direction")
    try:
        return _core.parse_target(phrase, direction, tolerance)
    except _CORE_ERRORS as exc:
        raise translate(exc, PhraseError) from None


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


def _observation_error(exc: BaseException, obs: Table) -> ObservationError:
    """A core error about the observations at the line of their file ("row 3" in the message too)."""
    err = translate(exc, ObservationError, file=obs.file, line_of=obs.core_line)
    moved = relocate(err.message, obs)  # "duplicate of row 3" → the line of the file
    return err if moved == err.message else ObservationError(moved, err.file, err.line, err.field)


def _parent_count(areas: Optional[Table]) -> int:
    """How many distinct areas of a table are named as a parent (0 without a table)."""
    if areas is None:
        return 0
    return len({p for p in text_column(areas, "parent") if p})


def evaluate(
    plan: PlanSource,
    observations: TableSource,
    areas: Optional[TableSource] = None,
    crosswalk: Optional[TableSource] = None,
    geography: Union[str, _dt.date, None] = None,
    year: Optional[int] = None,
    method: Method = "chitieu",
    errors: ErrorsMode = "raise",
) -> Evaluation:
    """Evaluate observations against a plan (docs/evaluation.md).

    ``plan`` is an embedded id, a plan file or a :class:`Plan`; observations,
    areas and crosswalk are DataFrames or CSV paths. With ``areas`` values
    roll up the area hierarchy; with ``crosswalk`` and ``geography`` (a date)
    every year is expressed on the units valid at that date. ``year`` limits
    the evaluation to data up to that year; ``method`` is ``chitieu``,
    ``open_sdg`` or ``sdsn``. ``errors="collect"`` checks every input first and
    raises one :class:`~chitieu.collect.ChitieuErrors` listing every problem
    (``errors="raise"``, the default, raises the first).
    """
    if errors not in ("raise", "collect"):
        raise ChitieuError(f"unknown errors mode '{errors}'; expected raise or collect", field="errors")
    if method not in METHODS:
        raise ChitieuError(f"unknown method '{method}'; expected one of {', '.join(METHODS)}", field="method")
    if (crosswalk is None) != (geography is None):
        given, missing = ("crosswalk", "geography") if geography is None else ("geography", "crosswalk")
        raise AreaError(f"a {given} needs a {missing}: give both to re-express the data on the units "
                        "valid at a date, or neither for historical geography", field=missing)
    if crosswalk is not None and areas is None:
        raise AreaError("a crosswalk needs the areas table it refers to", field="areas")
    if errors == "collect":
        from chitieu.collect import ChitieuErrors, collect_problems

        found = collect_problems(plan, observations, areas, crosswalk)
        if found:
            raise ChitieuErrors(found)
    the_plan = _plan(plan)
    obs = read_observations(observations)
    area_source: Optional[Table] = None
    unreadable_areas: Optional[ChitieuError] = None
    if areas is not None:  # read first (its errors still come after the observations'): its parents size the panel
        try:
            area_source = read_areas(areas)
        except ChitieuError as exc:
            unreadable_areas = exc
    panel = panel_from_table(obs, parent_areas=_parent_count(area_source))
    try:  # the one check of the observations (C++, without the GIL); ratio values completed in place
        _core.check_and_complete(the_plan, panel)
    except _CORE_ERRORS as exc:
        raise _observation_error(exc, obs) from None
    area_table = None
    if unreadable_areas is not None:
        raise unreadable_areas
    if area_source is not None:
        try:
            area_table = areas_from_table(area_source)
        except _CORE_ERRORS as exc:
            raise translate(exc, AreaError, file=area_source.file, line_of=area_source.core_line) from None
    walk = None
    if crosswalk is not None and area_table is not None:
        walk_source = read_crosswalk(crosswalk)
        try:
            walk = crosswalk_from_table(walk_source, area_table)
        except _CORE_ERRORS as exc:
            raise translate(exc, AreaError, file=walk_source.file, line_of=walk_source.core_line) from None
    date = _geography(geography)
    try:  # the panel is checked: its columns move through roll-up and evaluation without copies
        core_eval, findings = _core.review(the_plan, panel, areas=area_table, crosswalk=walk, geography=date,
                                           year=year, method=method, consume=True, checked=True)
    except _CORE_ERRORS as exc:
        raise _observation_error(exc, obs) from None
    names = {} if area_source is None else area_labels(
        *(text_column(area_source, c) for c in ("id", "name", "valid_from", "valid_to")))
    return Evaluation(the_plan, core_eval, pd.DataFrame(findings, columns=list(FINDING_COLUMNS)), method=method,
                      geography=date, year=year, area_names=names)

"""Evaluation of observations held in a Dask DataFrame (extra ``chitieu[dask]``; docs/performance.md, "Dask").

The same C++ core as :func:`chitieu.evaluate`, run where the data are::

    import dask.dataframe as dd, chitieu.dask
    obs = dd.read_parquet("obs/*.parquet")
    rows = chitieu.dask.evaluate("nq-42-2023", obs, areas=areas, crosswalk=crosswalk, geography="2025-07-01")
    rows.compute()                                   # the evaluation rows (pandas)
    chitieu.dask.summary("nq-42-2023", rows, area="VN", year=2024)

1. Each partition is checked by the core on its own (``check_and_complete``);
   an error names the partition and its row.
2. The rows are shuffled into shards, one per group of indicators that must be
   evaluated together (an indicator with the indicators that are ``part_of``
   it): a shard holds every row of its indicators, so every series (indicator
   × area) and every roll-up tree is whole in one task, and no task needs the
   whole table.
3. Each shard is evaluated by the core exactly as in memory (re-expression,
   roll-up, evaluation); the rows equal :func:`chitieu.evaluate`'s.
"""
from __future__ import annotations

import datetime as _dt
import functools
from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu import _core
from chitieu.api import FINDING_COLUMNS
from chitieu.choices import Method
from chitieu.errors import ChitieuError, ObservationError
from chitieu.evaluation import Evaluation
from chitieu.frames import EVALUATION_COLUMNS, factorize
from chitieu.io import OBSERVATION_COLUMNS, TableSource
from chitieu.plans import CORE_ERRORS, PlanSource, plan_of
from chitieu.subset import check_area_key, select_indicators

__all__ = ["META", "SCHEDULERS", "evaluate", "evaluate_files", "read_files", "shards", "summary", "to_evaluation"]

#: The local schedulers of ``--scheduler``; anything else is the address of a dask.distributed scheduler.
SCHEDULERS = ("threads", "processes")

_PARTITION, _ROW, _SHARD = "_chitieu_partition", "_chitieu_row", "_chitieu_shard"
_TEXT = ("indicator", "area", "status", "pace")

#: The columns and dtypes of the rows :func:`evaluate` returns (ids, status and pace as text).
META = pd.DataFrame({c: pd.Series(dtype=str if c in _TEXT else ("int32" if c == "year" else "float64"))
                     for c in EVALUATION_COLUMNS})


def _dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:
        raise ChitieuError("chitieu.dask needs the packages dask and distributed, which are not installed; "
                           "install them with: pip install 'chitieu[dask]'", field="dask") from None
    return dd


@functools.lru_cache(maxsize=8)
def _plan_from(text: str) -> _core.Plan:
    """A plan read back from its TOML (plans travel to workers as text; read once per process)."""
    return _core.parse_plan(text, "<plan>")


def shards(plan: _core.Plan) -> Dict[str, str]:
    """Each indicator's shard: the indicator it is (transitively) ``part_of``, else itself."""
    whole = {i.id: i.part_of for i in plan.indicators}
    out: Dict[str, str] = {}
    for ind in whole:
        root = ind
        while whole.get(root):
            root = whole[root]
        out[ind] = root
    return out


def _in_partition(exc: ChitieuError, partition: int, row: Optional[int]) -> ObservationError:
    """An error about row ``row`` (1-based) of partition ``partition``, as chitieu's own error."""
    err = ObservationError(exc.message, f"<partition {partition}>", row, exc.field)
    err.partition = partition
    return err


def _checked(part: pd.DataFrame, plan_text: str, indicators: Optional[List[str]],
             partition_info: Optional[Dict[str, Any]] = None) -> pd.DataFrame:
    """A partition checked by the core, with its partition number, row numbers and shard added (only the
    rows of ``indicators`` when given, as in memory; row numbers count every row of the partition)."""
    from chitieu.api import _observation_error
    from chitieu.frames import panel_from_table
    from chitieu.io import read_observations

    number = int(partition_info["number"]) if partition_info else 0
    plan = _plan_from(plan_text)
    rows = np.arange(1, len(part) + 1, dtype=np.int64)
    if indicators is not None:
        keep = part["indicator"].astype(str).isin(indicators).to_numpy()
        part, rows = part.loc[keep], rows[keep]
    try:
        table = read_observations(part)
        try:
            _core.check_and_complete(plan, panel_from_table(table))
        except CORE_ERRORS as exc:
            raise _observation_error(exc, table) from None
    except ChitieuError as exc:
        raise _in_partition(exc, number, None if exc.line is None else int(rows[exc.line - 1])) from None
    keys = shards(plan)
    added: Dict[str, npt.NDArray[Any]] = {
        _PARTITION: np.full(len(part), number, dtype=np.int32),
        _ROW: rows,
        _SHARD: part["indicator"].astype(str).map(keys).astype(str).to_numpy()}
    return part.assign(**added)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """An evaluation frame with ids, status and pace as plain text (one dtype in every shard)."""
    text: Dict[str, pd.Series[str]] = {c: frame[c].astype(str) for c in _TEXT}
    return frame.assign(**text)


def _review(part: pd.DataFrame, plan_text: str, options: Dict[str, Any]) -> pd.DataFrame:
    """Every shard of a partition evaluated by the core; errors name the original partition and row."""
    from chitieu.api import evaluate as evaluate_in_memory

    plan = _plan_from(plan_text)
    columns = [c for c in OBSERVATION_COLUMNS if c in part.columns]
    frames: List[pd.DataFrame] = [META]
    for _, group in part.groupby(_SHARD, sort=True):
        group = group.reset_index(drop=True)
        try:
            ev = evaluate_in_memory(plan, group[columns], **options)
        except ChitieuError as exc:
            if exc.file == "<DataFrame>" and exc.line:  # a row of this shard: name where it came from
                at = exc.line - 1
                raise _in_partition(exc, int(group[_PARTITION].iloc[at]), int(group[_ROW].iloc[at])) from None
            raise
        frames.append(_as_text(ev.to_frame()))
    return pd.concat(frames, ignore_index=True)


def evaluate(
    plan: PlanSource,
    observations: Any,
    areas: Optional[TableSource] = None,
    crosswalk: Optional[TableSource] = None,
    geography: Union[str, _dt.date, None] = None,
    method: Method = "chitieu",
    year: Optional[int] = None,
    area_key: str = "id",
    indicators: Optional[Sequence[str]] = None,
) -> Any:
    """Evaluate a Dask DataFrame of observations; returns a Dask DataFrame of evaluation rows.

    Arguments as :func:`chitieu.evaluate` (``area_key="code"`` resolves GSO
    codes by year in every shard); ``observations`` is a Dask
    DataFrame (e.g. ``dask.dataframe.read_parquet("obs/*.parquet")``). The
    areas and crosswalk are read and checked once, here; the observations
    are checked partition by partition and evaluated shard by shard when the
    result is computed (errors then name ``<partition N>`` and the row). The
    rows have the columns of :data:`META` (those of ``to_frame()``, ids and
    classes as text), in no particular order.
    """
    dd = _dask()
    from chitieu.geography.tables import checked_areas, checked_crosswalk

    the_plan = plan_of(plan)
    if not isinstance(observations, dd.DataFrame):
        raise ObservationError("chitieu.dask.evaluate takes a Dask DataFrame of observations (e.g. "
                               "dask.dataframe.read_parquet('obs/*.parquet')); use chitieu.evaluate for others",
                               field="observations")
    check_area_key(area_key, areas is not None)
    selected = None if indicators is None else [i.id for i in select_indicators(the_plan, indicators).indicators]
    text = _core.write_plan(the_plan)
    area_frame = crosswalk_frame = None
    if areas is not None:
        area_table, core_areas = checked_areas(areas)
        area_frame = area_table.frame
        if crosswalk is not None:
            crosswalk_frame = checked_crosswalk(crosswalk, core_areas)[0].frame
    options = dict(areas=area_frame, crosswalk=crosswalk_frame, geography=geography, year=year, method=method,
                   area_key=area_key, indicators=indicators)
    meta = observations._meta.assign(**{_PARTITION: np.int32(0), _ROW: np.int64(0), _SHARD: ""})
    checked = observations.map_partitions(_checked, text, selected, meta=meta.iloc[:0])
    sharded = checked.shuffle(on=_SHARD, npartitions=max(1, min(len(set(shards(the_plan).values())),
                                                                  observations.npartitions)))
    return sharded.map_partitions(_review, text, options, meta=META)


def to_evaluation(plan: PlanSource, rows: pd.DataFrame) -> Evaluation:
    """An in-memory :class:`~chitieu.Evaluation` of computed rows (e.g. one area's), for summaries and reports.

    Rows are put in the order indicator, area, year (ids as text), whatever the partitioning.
    """
    the_plan = plan_of(plan)
    rows = rows.assign(**{c: rows[c].astype(str) for c in ("indicator", "area")})
    rows = rows.sort_values(["indicator", "area", "year"], kind="stable").reset_index(drop=True)
    indicator, indicator_ids = factorize(rows["indicator"].astype(str))
    area, area_ids = factorize(rows["area"].astype(str))
    status = {s: i for i, s in enumerate(_core.status_names())}
    pace = {p: i for i, p in enumerate(_core.pace_names())}
    columns: Dict[str, Any] = {c: np.ascontiguousarray(rows[c].to_numpy(dtype=np.float64))
                               for c in EVALUATION_COLUMNS if c not in (*_TEXT, "year")}
    columns.update(indicator=indicator, indicator_ids=indicator_ids, area=area, area_ids=area_ids,
                   year=np.ascontiguousarray(rows["year"].to_numpy(dtype=np.int32)),
                   status=rows["status"].astype(str).map(status).to_numpy(dtype=np.int8),
                   pace=rows["pace"].astype(str).map(pace).to_numpy(dtype=np.int8))
    core = _core.evaluation_from_columns(columns)
    return Evaluation(the_plan, core, pd.DataFrame(columns=list(FINDING_COLUMNS)))


def summary(plan: PlanSource, rows: Any, area: Optional[str] = None, year: Optional[int] = None,
            geometric: bool = False) -> pd.DataFrame:
    """The summary of one area (default: the plan's) from the rows of :func:`evaluate`.

    Only that area's rows are computed and gathered (at most indicators ×
    years); the core's summarize then runs on them as in memory.
    """
    the_plan = plan_of(plan)
    where = area or the_plan.area
    return to_evaluation(the_plan, rows[rows["area"] == where].compute()).summary(area=where, year=year,
                                                                                   geometric=geometric)


def read_files(pattern: str) -> Any:
    """Observation files (a path or glob, e.g. ``obs/*.parquet``; Parquet or CSV) as a Dask DataFrame."""
    dd = _dask()
    if pattern.lower().endswith(".parquet") or pattern.endswith("/"):
        return dd.read_parquet(pattern)
    return dd.read_csv(pattern, comment="#", dtype={"indicator": str, "area": str})


def evaluate_files(plan: PlanSource, pattern: str, scheduler: str, areas: Optional[TableSource] = None,
                   crosswalk: Optional[TableSource] = None, geography: Union[str, _dt.date, None] = None,
                   method: Method = "chitieu", year: Optional[int] = None, area_key: str = "id",
                   indicators: Optional[Sequence[str]] = None) -> Evaluation:
    """Evaluate observation files with Dask on ``scheduler`` (``threads``, ``processes`` or the address
    of a dask.distributed scheduler) and gather the rows into an in-memory :class:`~chitieu.Evaluation`
    (the command line's ``--data 'dir/*.parquet' --scheduler ...``)."""
    import dask

    the_plan = plan_of(plan)
    options: Dict[str, Any] = dict(areas=areas, crosswalk=crosswalk, geography=geography, method=method, year=year,
                                   area_key=area_key, indicators=indicators)
    if scheduler in SCHEDULERS:  # the graph built for this scheduler (its shuffle by tasks), then run on it
        with dask.config.set({"scheduler": scheduler, "dataframe.shuffle.method": "tasks"}):
            computed = evaluate(the_plan, read_files(pattern), **options).compute()
    else:
        from distributed import Client

        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            computed = client.compute(evaluate(the_plan, read_files(pattern), **options)).result()
    ev = to_evaluation(the_plan, computed)
    if areas is not None:
        from chitieu.io import read_areas, text_column

        table = read_areas(areas)
        ev.area_names = dict(zip(text_column(table, "id"), text_column(table, "name")))
    return ev

"""Evaluation of observations held in a Dask DataFrame (extra ``chitieu[dask]``; docs/performance.md, "Dask").

The same C++ core as :func:`chitieu.evaluate`, run where the data are::

    import dask.dataframe as dd, chitieu.dask
    obs = dd.read_parquet("obs/*.parquet")
    rows = chitieu.dask.evaluate("nq-42-2023", obs, areas=areas, crosswalk=crosswalk, geography="2025-07-01")
    rows.compute()                                   # the evaluation rows (pandas)
    chitieu.dask.summary("nq-42-2023", rows, area="VN", year=2024)
    result = chitieu.dask.review("nq-42-2023", obs, areas=areas)  # rows and roll-up findings
    frame, findings = dask.compute(result.rows, result.findings)
    written = chitieu.dask.review_to_parquet("nq-42-2023", obs, "out/rows-*.parquet", areas=areas)
    written.findings                                  # the rows are in out/rows-0.parquet, ... (one a task)

1. Each partition is checked by the core on its own (``check_and_complete``);
   an error names the partition and its row.
2. The rows are shuffled by series: an indicator's rows go with those of its
   ``part_of`` family (:func:`shards`) for the same area (with a crosswalk and
   a geography day: for the areas the crosswalk links), so every series
   (indicator × area), every duplicate and every part and whole are whole in
   one partition, and no task needs all the rows of an indicator. The
   shuffle's method is named by :func:`shuffle_method` (``tasks`` unless the
   graph is built for a dask.distributed scheduler), never left to dask's
   default, which depends on whether a client exists while the graph is built.
3. Each partition is checked, re-expressed and rolled up by the core into a
   mergeable roll-up state (``_core.roll_up_partial``: parents × indicators ×
   years running sums, and the few rows of parent areas); the series of the
   other areas are evaluated there.
4. The states are merged by a tree reduction (``split_every`` a task) and one
   task finishes the roll-up (``_core.roll_up_finish``): the rows of the
   parent areas, evaluated there, and the findings. The rows equal
   :func:`chitieu.evaluate`'s (docs/aggregation.md "Roll-up in parts").
5. :func:`review_to_parquet` writes each partition's rows in the task of
   step 3 and the parent areas' rows in the task of step 4 (``chitieu.row_files``):
   no task holds the rows of another, so a worker's memory is that of a partition.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from chitieu import _core
from chitieu.api import FINDING_COLUMNS
from chitieu.choices import Method
from chitieu.dask_shuffle import SCHEDULERS, built_for, shuffle_method
from chitieu.errors import ChitieuError, ObservationError, translate
from chitieu.evaluation import Evaluation
from chitieu.frames import EVALUATION_COLUMNS, factorize
from chitieu.io import OBSERVATION_COLUMNS, TableSource
from chitieu.plans import CORE_ERRORS, PlanSource, plan_of
from chitieu.subset import check_area_key, select_indicators

__all__ = ["FINDINGS_META", "META", "SCHEDULERS", "DaskReview", "WrittenReview", "evaluate", "evaluate_files",
           "evaluate_files_to_parquet", "read_files", "review", "review_to_parquet", "shards", "shuffle_method",
           "summary", "to_evaluation"]

_PARTITION, _ROW, _SHARD = "_chitieu_partition", "_chitieu_row", "_chitieu_shard"
_TEXT = ("indicator", "area", "status", "pace")

#: The columns and dtypes of the rows :func:`evaluate` returns (ids, status and pace as text).
META = pd.DataFrame({c: pd.Series(dtype=str if c in _TEXT else ("int32" if c == "year" else "float64"))
                     for c in EVALUATION_COLUMNS})


_FINDING_NUMBERS = {"year": "int64", "own": "float64", "aggregate": "float64"}
#: The columns and dtypes of the findings :func:`review` returns (those of ``Evaluation.findings``).
FINDINGS_META = pd.DataFrame({c: pd.Series(dtype=_FINDING_NUMBERS.get(c, str)) for c in FINDING_COLUMNS})


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


def _checked(part: pd.DataFrame, context: _Context, indicators: Optional[List[str]], area_key: str,
             groups: Dict[str, str], partition_info: Optional[Dict[str, Any]] = None) -> pd.DataFrame:
    """A partition checked by the core, with its partition number, row numbers and series key added (only
    the rows of ``indicators`` when given, as in memory; row numbers count every row of the partition;
    GSO codes resolved to area ids with ``area_key="code"``). The key (a 64-bit hash) puts an indicator's
    rows with its family's (``part_of``, :func:`shards`) for the same area, or for the areas a crosswalk
    links it with. An area column of numbers that the areas do not hold is refused here, with the
    reason when they hold it with leading zeros (:mod:`chitieu.lost_zeros`): the shuffle turns the
    column into text, which hides it."""
    from chitieu.api import _area_error, _observation_error
    from chitieu.frames import panel_from_table
    from chitieu.io import read_areas, read_observations

    number = int(partition_info["number"]) if partition_info else 0
    plan = _plan_from(context.plan_text)
    rows = np.arange(1, len(part) + 1, dtype=np.int64)
    if indicators is not None:
        keep = part["indicator"].astype(str).isin(indicators).to_numpy()
        part, rows = part.loc[keep], rows[keep]
    try:
        table = read_observations(part)
        panel = panel_from_table(table)
        areas = _core_tables(context)[0]
        try:
            if area_key == "code":  # the codes resolve to ids before any check that names areas
                assert areas is not None  # check_area_key: area_key="code" needs areas
                _core.resolve_area_codes(panel, areas)
            elif areas is not None and pd.api.types.is_numeric_dtype(part["area"].dtype):
                problems = _core.observation_area_problems(panel, areas)
                if problems:
                    message, line, field = problems[0]
                    raise ChitieuError(message, None, line or None, field or None)
        except CORE_ERRORS as exc:
            raise _area_error(exc, table, read_areas(context.areas), area_key) from None
        try:
            _core.check_and_complete(plan, panel)
        except CORE_ERRORS as exc:
            raise _observation_error(exc, table) from None
    except ChitieuError as exc:
        raise _in_partition(exc, number, None if exc.line is None else int(rows[exc.line - 1])) from None
    area = part["area"].astype(str)
    if area_key == "code":
        area = pd.Series(np.asarray(panel.area_ids, dtype=object)[panel.columns()["area"]], index=part.index)
    family = part["indicator"].astype(str).map(shards(plan))
    added: Dict[str, Any] = {
        "area": area,
        _PARTITION: np.full(len(part), number, dtype=np.int32),
        _ROW: rows,
        _SHARD: pd.util.hash_pandas_object(family + "\x1f" + area.map(lambda a: groups.get(a, a)),
                                           index=False).to_numpy()}
    return part.assign(**added)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """An evaluation frame with ids, status and pace as plain text (one dtype in every shard)."""
    text: Dict[str, pd.Series[str]] = {c: frame[c].astype(str) for c in _TEXT}
    return frame.assign(**text)


class _Context:
    """What every task needs besides its rows: the plan (as TOML text), the areas and crosswalk (as
    frames) and the evaluation options; ``token`` names it in each process's cache of core objects."""

    def __init__(self, plan_text: str, areas: Optional[pd.DataFrame], crosswalk: Optional[pd.DataFrame],
                 geography: Optional[str], year: Optional[int], method: Method) -> None:
        self.plan_text, self.areas, self.crosswalk = plan_text, areas, crosswalk
        self.geography, self.year, self.method = geography, year, method
        self.token = f"{id(self)}-{hash(plan_text)}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Context) and other.token == self.token

    def __hash__(self) -> int:
        return hash(self.token)

    def __dask_tokenize__(self) -> str:
        return self.token


@functools.lru_cache(maxsize=4)
def _core_tables(context: _Context) -> Tuple[Optional[_core.AreaTable], Optional[_core.Crosswalk]]:
    """The core area table and crosswalk of a context (built once per process)."""
    from chitieu.frames import areas_from_table, crosswalk_from_table
    from chitieu.io import read_areas, read_crosswalk

    if context.areas is None:
        return None, None
    areas = areas_from_table(read_areas(context.areas))
    walk = None if context.crosswalk is None else crosswalk_from_table(read_crosswalk(context.crosswalk), areas)
    return areas, walk


def _rows_of(plan: _core.Plan, core: _core.Evaluation, context: _Context) -> pd.DataFrame:
    """The rows of a core evaluation, as :func:`chitieu.evaluate`'s ``to_frame()`` (ids as text)."""
    ev = Evaluation(plan, core, pd.DataFrame(columns=list(FINDING_COLUMNS)), method=context.method,
                    geography=context.geography, year=context.year)
    return _as_text(ev.to_frame())


def _series(part: pd.DataFrame, context: _Context) -> Tuple[pd.DataFrame, Optional[_core.RollUpState]]:
    """One partition of whole series: checked, re-expressed and rolled up by the core into a state (areas
    given); the series of its areas that are no parent are evaluated here. Errors name the original
    partition and row."""
    from chitieu.api import _observation_error
    from chitieu.frames import panel_from_table
    from chitieu.io import read_observations

    plan = _plan_from(context.plan_text)
    areas, walk = _core_tables(context)
    part = part.reset_index(drop=True)
    table = read_observations(part[[c for c in OBSERVATION_COLUMNS if c in part.columns]])
    panel = panel_from_table(table)
    state = None
    reexpressed = False
    try:
        try:
            _core.check_and_complete(plan, panel)
            if areas is not None:
                problems = _core.observation_area_problems(panel, areas)
                if problems:
                    message, line, field = problems[0]
                    raise ChitieuError(message, None, line or None, field or None)
                if context.geography is not None:
                    panel = _core.reexpress(plan, panel, areas, walk if walk is not None else _core.Crosswalk(
                        [], [], [], [], areas), context.geography)
                    reexpressed = True
                state = _core.roll_up_partial(plan, panel, areas, context.geography)
                _core.drop_parent_rows(panel, areas)
        except CORE_ERRORS as exc:
            raise _observation_error(exc, table) from None
    except ChitieuError as exc:
        if exc.line and not reexpressed:  # a row of this partition: name where it came from
            at = exc.line - 1
            raise _in_partition(exc, int(part[_PARTITION].iloc[at]), int(part[_ROW].iloc[at])) from None
        raise
    core = _core.evaluate(plan, panel, year=context.year, method=context.method)
    return _rows_of(plan, core, context), state


def _merge(states: Sequence[Optional[_core.RollUpState]]) -> Optional[_core.RollUpState]:
    """One state of several (a node of the tree reduction)."""
    given = [s for s in states if s is not None]
    return _core.merge_roll_up_states(given) if given else None


def _finish(state: Optional[_core.RollUpState], context: _Context) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """The roll-up finished from the merged state: the evaluated rows of the parent areas and the findings."""
    plan = _plan_from(context.plan_text)
    areas, _ = _core_tables(context)
    if state is None or areas is None:
        return META, FINDINGS_META
    try:
        panel, findings = _core.roll_up_finish(plan, state, areas, context.geography)
    except CORE_ERRORS as exc:
        raise translate(exc, ObservationError, file="<roll-up>") from None
    core = _core.evaluate(plan, panel, year=context.year, method=context.method)
    found = pd.DataFrame(findings, columns=list(FINDING_COLUMNS)).astype(FINDINGS_META.dtypes.to_dict())
    return _rows_of(plan, core, context), found


def _area_groups(crosswalk: Optional[pd.DataFrame]) -> Dict[str, str]:
    """Each area of a crosswalk link and the first area (in sorted order) it is linked with, directly or
    through others: the areas a re-expression may combine, kept in one partition."""
    if crosswalk is None:
        return {}
    parent: Dict[str, str] = {}

    def root(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in zip(crosswalk["from"].astype(str), crosswalk["to"].astype(str)):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {a: root(a) for a in list(parent)}


class DaskReview(NamedTuple):
    """What :func:`review` returns: both lazy, compute them together (``dask.compute(r.rows, r.findings)``)."""

    rows: Any      #: a Dask DataFrame of evaluation rows (columns of :data:`META`)
    findings: Any  #: a Dask DataFrame of the roll-up's findings (one partition, columns of :data:`FINDINGS_META`)


def _series_partitions(plan: PlanSource, observations: Any, areas: Optional[TableSource],
                       crosswalk: Optional[TableSource], geography: Union[str, _dt.date, None], method: Method,
                       year: Optional[int], area_key: str, indicators: Optional[Sequence[str]],
                       split_every: int, at_once: bool = False) -> Tuple[Any, List[Any]]:
    """The arguments of :func:`review` checked, and the graph up to the shuffle: the context (one delayed key:
    each worker receives the areas once, not with every task) and the partitions of whole series (delayed);
    ``at_once``: the graph is computed as soon as it is built, on the current scheduler (:func:`shuffle_method`)."""
    dd = _dask()
    from dask.delayed import delayed

    from chitieu.api import _geography
    from chitieu.geography.tables import checked_areas, checked_crosswalk

    whole_plan = plan_of(plan)
    if not isinstance(observations, dd.DataFrame):
        raise ObservationError("chitieu.dask.evaluate takes a Dask DataFrame of observations (e.g. "
                               "dask.dataframe.read_parquet('obs/*.parquet')); use chitieu.evaluate for others",
                               field="observations")
    if split_every < 2:
        raise ChitieuError(f"split_every must be at least 2 (states merged a task), got {split_every}",
                           field="split_every")
    check_area_key(area_key, areas is not None)
    the_plan = select_indicators(whole_plan, indicators)
    selected = None if indicators is None else [i.id for i in the_plan.indicators]
    area_frame = crosswalk_frame = None
    if areas is not None:
        area_table, core_areas = checked_areas(areas)
        area_frame = area_table.frame
        if crosswalk is not None:
            crosswalk_frame = checked_crosswalk(crosswalk, core_areas)[0].frame
    date = _geography(geography)
    context = _Context(_core.write_plan(the_plan), area_frame, crosswalk_frame, date, year, method)
    groups = _area_groups(crosswalk_frame if date is not None else None)
    meta = observations._meta.assign(**{_PARTITION: np.int32(0), _ROW: np.int64(0), _SHARD: np.uint64(0)})
    ctx = delayed(context, pure=True)
    checked = observations.map_partitions(_checked, ctx, selected, area_key, groups, meta=meta.iloc[:0])
    series = checked.shuffle(on=_SHARD, npartitions=observations.npartitions,
                             shuffle_method=shuffle_method(at_once=at_once))
    return ctx, list(series.to_delayed())


def _merged(states: List[Any], split_every: int) -> Any:
    """The (delayed) states merged by a tree reduction, ``split_every`` a task, into one."""
    from dask.delayed import delayed

    while len(states) > 1:
        states = [delayed(_merge, pure=True)(states[i:i + split_every])
                  for i in range(0, len(states), split_every)]
    return states[0]


def review(
    plan: PlanSource,
    observations: Any,
    areas: Optional[TableSource] = None,
    crosswalk: Optional[TableSource] = None,
    geography: Union[str, _dt.date, None] = None,
    method: Method = "chitieu",
    year: Optional[int] = None,
    area_key: str = "id",
    indicators: Optional[Sequence[str]] = None,
    split_every: int = 8,
) -> DaskReview:
    """The evaluation rows and the roll-up findings of a Dask DataFrame of observations (see :func:`evaluate`).

    The roll-up states of the partitions are merged by a tree reduction,
    ``split_every`` states a task; one task finishes the roll-up. To write
    the rows to files, :func:`review_to_parquet` holds less memory.
    """
    dd = _dask()
    from dask.delayed import delayed

    ctx, parts = _series_partitions(plan, observations, areas, crosswalk, geography, method, year, area_key,
                                    indicators, split_every)
    done = [delayed(_series, pure=True, nout=2)(part, ctx) for part in parts]
    finished = delayed(_finish, pure=True, nout=2)(_merged([d[1] for d in done], split_every), ctx)
    rows = dd.from_delayed([d[0] for d in done] + [finished[0]], meta=META, verify_meta=False)
    return DaskReview(rows, dd.from_delayed([finished[1]], meta=FINDINGS_META, verify_meta=False))


class WrittenReview(NamedTuple):
    """What :func:`review_to_parquet` gives once computed (the rows are in the files, not here)."""

    files: List[str]        #: the files written: one a partition, then the parent areas' (the last)
    rows: int               #: the number of rows in them together
    findings: pd.DataFrame  #: the roll-up's findings (columns of :data:`FINDINGS_META`)


def _series_written(part: pd.DataFrame, context: _Context, path: str) -> Tuple[Optional[_core.RollUpState], int]:
    """One partition of whole series evaluated (:func:`_series`) and its rows written to ``path`` in the same
    task: only the roll-up state and the number of rows leave it."""
    from chitieu.row_files import write_rows

    rows, state = _series(part, context)
    write_rows(rows, META, path)
    return state, len(rows)


def _finish_written(state: Optional[_core.RollUpState], counts: List[int], context: _Context, path: str,
                    files: List[str]) -> WrittenReview:
    """The roll-up finished (:func:`_finish`), the parent areas' rows written to ``path`` (the last file)."""
    from chitieu.row_files import write_rows

    rows, findings = _finish(state, context)
    write_rows(rows, META, path)
    return WrittenReview(files, sum(counts) + len(rows), findings)


def review_to_parquet(
    plan: PlanSource,
    observations: Any,
    path: Union[str, os.PathLike[str]],
    areas: Optional[TableSource] = None,
    crosswalk: Optional[TableSource] = None,
    geography: Union[str, _dt.date, None] = None,
    method: Method = "chitieu",
    year: Optional[int] = None,
    area_key: str = "id",
    indicators: Optional[Sequence[str]] = None,
    split_every: int = 8,
    compute: bool = True,
) -> Any:
    """:func:`review`, the rows written to Parquet files by the tasks that evaluate them.

    ``path`` is a pattern with one ``*`` (e.g. ``"out/rows-*.parquet"``): the
    task of partition N evaluates its series and writes ``rows-N.parquet``,
    keeping only its roll-up state; the task that finishes the roll-up writes
    the parent areas' rows to the file numbered after the last partition. So
    no worker holds more than one partition's rows, whatever the data.
    Together the files hold exactly the rows of :func:`review` (columns of
    :data:`META`; read them back with ``dask.dataframe.read_parquet(path)``).
    The directory is made if needed; files already matching the pattern are
    refused (remove them first). ``compute=True`` runs the graph on the
    current scheduler (shuffling peer to peer when that is a dask.distributed
    client: :func:`shuffle_method`) and returns a :class:`WrittenReview` (the
    files, the number of rows, the findings); ``compute=False`` returns it as a
    ``dask.delayed`` object to compute later, as ``to_parquet`` does.
    """
    _dask()
    from dask.delayed import delayed

    from chitieu.row_files import file_name, target

    ctx, parts = _series_partitions(plan, observations, areas, crosswalk, geography, method, year, area_key,
                                    indicators, split_every, at_once=compute)
    pattern = target(path)
    files = [file_name(pattern, n) for n in range(len(parts) + 1)]
    done = [delayed(_series_written, pure=True, nout=2)(part, ctx, f) for part, f in zip(parts, files)]
    written = delayed(_finish_written, pure=True)(_merged([d[0] for d in done], split_every), [d[1] for d in done],
                                                  ctx, files[-1], files)
    return written.compute() if compute else written


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
    codes by year in each partition); ``observations`` is a Dask DataFrame
    (e.g. ``dask.dataframe.read_parquet("obs/*.parquet")``). The areas and
    crosswalk are read and checked once, here; the observations are checked
    partition by partition when the result is computed (errors then name
    ``<partition N>`` and the row). The rows have the columns of
    :data:`META` (those of ``to_frame()``, ids and classes as text), in no
    particular order. :func:`review` gives the roll-up findings too.
    """
    return review(plan, observations, areas=areas, crosswalk=crosswalk, geography=geography, method=method,
                  year=year, area_key=area_key, indicators=indicators).rows


def to_evaluation(plan: PlanSource, rows: pd.DataFrame, findings: Optional[pd.DataFrame] = None) -> Evaluation:
    """An in-memory :class:`~chitieu.Evaluation` of computed rows (e.g. one area's), for summaries and reports.

    Rows are put in the order indicator, area, year (ids as text), whatever the partitioning;
    ``findings``: those of :func:`review` (none when not given).
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
    found = pd.DataFrame(columns=list(FINDING_COLUMNS)) if findings is None else findings.reset_index(drop=True)
    return Evaluation(the_plan, core, found)


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


def _computed(scheduler: str, build: Callable[[], List[Any]]) -> List[Any]:
    """The Dask collections ``build()`` makes, built for ``scheduler`` (``threads``, ``processes`` or the address
    of a dask.distributed scheduler) and computed on it together."""
    from dask.base import compute

    if scheduler in SCHEDULERS:  # the graph built for this scheduler, then run on it
        with built_for(scheduler):
            return list(compute(*build()))  # type: ignore[no-untyped-call]
    from distributed import Client

    with Client(scheduler) as client, built_for(scheduler):  # type: ignore[no-untyped-call]
        return list(client.gather(client.compute(build())))


def evaluate_files(plan: PlanSource, pattern: str, scheduler: str, areas: Optional[TableSource] = None,
                   crosswalk: Optional[TableSource] = None, geography: Union[str, _dt.date, None] = None,
                   method: Method = "chitieu", year: Optional[int] = None, area_key: str = "id",
                   indicators: Optional[Sequence[str]] = None) -> Evaluation:
    """Evaluate observation files with Dask on ``scheduler`` (``threads``, ``processes`` or the address
    of a dask.distributed scheduler) and gather the rows into an in-memory :class:`~chitieu.Evaluation`
    (the command line's ``--data 'dir/*.parquet' --scheduler ...``)."""
    the_plan = plan_of(plan)

    def build() -> List[Any]:
        result = review(the_plan, read_files(pattern), areas=areas, crosswalk=crosswalk, geography=geography,
                        method=method, year=year, area_key=area_key, indicators=indicators)
        return [result.rows, result.findings]

    computed, findings = _computed(scheduler, build)
    ev = to_evaluation(the_plan, computed, findings)
    if areas is not None:
        from chitieu.io import read_areas, text_column

        table = read_areas(areas)
        ev.area_names = dict(zip(text_column(table, "id"), text_column(table, "name")))
    return ev


def evaluate_files_to_parquet(plan: PlanSource, pattern: str, scheduler: str,
                              path: Union[str, os.PathLike[str]], areas: Optional[TableSource] = None,
                              crosswalk: Optional[TableSource] = None,
                              geography: Union[str, _dt.date, None] = None, method: Method = "chitieu",
                              year: Optional[int] = None, area_key: str = "id",
                              indicators: Optional[Sequence[str]] = None) -> WrittenReview:
    """Evaluate observation files with Dask on ``scheduler`` (as :func:`evaluate_files`), the rows written to
    the Parquet files of ``path`` by the workers (:func:`review_to_parquet`); nothing but the findings reaches
    this process (the command line's ``--scheduler ... --format parquet --output 'out/rows-*.parquet'``)."""
    the_plan = plan_of(plan)

    def build() -> List[Any]:
        return [review_to_parquet(the_plan, read_files(pattern), path, areas=areas, crosswalk=crosswalk,
                                  geography=geography, method=method, year=year, area_key=area_key,
                                  indicators=indicators, compute=False)]

    written: WrittenReview = _computed(scheduler, build)[0]
    return written

"""Assertions on evaluations: one row's status or pace, or two whole evaluations alike."""
from __future__ import annotations

import math
from typing import Any, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

from chitieu import _core
from chitieu.errors import ChitieuError
from chitieu.evaluation import Evaluation
from chitieu.frames import EVALUATION_COLUMNS

__all__ = [
    "KEY_COLUMNS",
    "EvaluationLike",
    "assert_evaluation_equal",
    "assert_pace",
    "assert_status",
    "describe_row",
    "evaluation_rows",
    "find_row",
]

#: The columns naming a row of an evaluation: each indicator × area × year has one row.
KEY_COLUMNS = ("indicator", "area", "year")
#: Columns of text (ids and classes); the others but ``year`` are numbers.
_TEXT_COLUMNS = ("indicator", "area", "status", "pace")
#: The columns that follow from the projection: left out by ``check_pace=False``.
_PACE_COLUMNS = ("pace", "projected", "p_meet")
#: The columns a failing row assertion shows, in order.
_SHOWN = ("value", "assessed", "target", "margin", "coverage", "status", "pace", "p_meet")

EvaluationLike = Union[Evaluation, pd.DataFrame]


def evaluation_rows(ev: EvaluationLike) -> pd.DataFrame:
    """The rows of an :class:`~chitieu.Evaluation` (its ``to_frame()``) or of a frame with its columns.

    Ids and classes come back as plain strings (missing as ''), so that frames from an
    evaluation, a snapshot file or a hand-made table compare alike. Raises
    :class:`~chitieu.ChitieuError` naming the columns a frame lacks.
    """
    frame = ev.to_frame() if isinstance(ev, Evaluation) else ev
    if not isinstance(frame, pd.DataFrame):
        raise ChitieuError(f"expected a chitieu Evaluation or a DataFrame of its columns, got {type(ev).__name__}",
                           field="ev")
    missing = [c for c in EVALUATION_COLUMNS if c not in frame.columns]
    if missing:
        raise ChitieuError(f"the frame lacks the evaluation columns {', '.join(missing)}; expected the columns "
                           f"of Evaluation.to_frame(): {', '.join(EVALUATION_COLUMNS)}", field=missing[0])
    out = frame.loc[:, list(EVALUATION_COLUMNS)].copy()
    for name in _TEXT_COLUMNS:
        out[name] = out[name].astype(object).where(out[name].notna(), "").astype(str)
    out["year"] = out["year"].astype(np.int64)
    return out.reset_index(drop=True)


def _plan_of(ev: EvaluationLike) -> Optional[_core.Plan]:
    return ev.plan if isinstance(ev, Evaluation) else None


def find_row(ev: EvaluationLike, indicator: str, area: str, year: int) -> pd.Series[Any]:
    """The row of ``indicator`` × ``area`` × ``year``.

    Raises :class:`AssertionError` when there is none, saying which years that indicator
    has in that area, or which areas it has, or that the evaluation has no such indicator.
    """
    rows = evaluation_rows(ev)
    of_indicator = rows[rows["indicator"] == indicator]
    where = f"indicator '{indicator}', area '{area}', year {year}"
    if of_indicator.empty:
        raise AssertionError(f"no row for {where}: the evaluation has no row of indicator '{indicator}' "
                             f"({_some(sorted(set(rows['indicator'])))} have rows)")
    in_area = of_indicator[of_indicator["area"] == area]
    if in_area.empty:
        raise AssertionError(f"no row for {where}: indicator '{indicator}' has rows in the areas "
                             f"{_some(sorted(set(of_indicator['area'])))} only")
    hit = in_area[in_area["year"] == int(year)]
    if hit.empty:
        raise AssertionError(f"no row for {where}: '{indicator}' × '{area}' has rows for the years "
                             f"{_some([str(y) for y in sorted(in_area['year'])])} only")
    return hit.iloc[0]


def _some(names: Sequence[str], at_most: int = 12) -> str:
    """Up to ``at_most`` names, quoted, then how many more."""
    shown = ", ".join(f"'{n}'" if not n.isdigit() else n for n in names[:at_most])
    return shown + (f" and {len(names) - at_most} more" if len(names) > at_most else "")


def _number(x: Any) -> str:
    return "NaN" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.6g}"


def _target(plan: Optional[_core.Plan], indicator: str) -> str:
    """The indicator's target phrase and direction, when the plan is known."""
    if plan is None:
        return "(not known: pass an Evaluation, not a frame, to see it)"
    try:
        ind = plan.indicator(indicator)
    except (ValueError, RuntimeError, KeyError, IndexError):
        return f"(indicator not in plan '{plan.id}')"
    return f"{ind.target_phrase} ({ind.direction} is better)" if ind.direction != "none" else ind.target_phrase


def describe_row(row: pd.Series[Any], plan: Optional[_core.Plan]) -> str:
    """The row as aligned ``name  value`` lines: value, assessed, target, margin, coverage, status, pace, p_meet."""
    cells = {name: (_target(plan, str(row["indicator"])) if name == "target" else
                    str(row[name]) if name in _TEXT_COLUMNS else _number(row[name])) for name in _SHOWN}
    return "\n".join(f"  {name:<9}{text}" for name, text in cells.items())


def _check_row(ev: EvaluationLike, indicator: str, area: str, year: int, column: str, expected: str,
               names: Sequence[str]) -> None:
    if expected not in names:
        raise ChitieuError(f"unknown {column} '{expected}'; expected one of {', '.join(names)}", field="expected")
    row = find_row(ev, indicator, area, year)
    if row[column] != expected:
        raise AssertionError(f"{column} of '{indicator}' × '{area}' × {year} is '{row[column]}', expected "
                             f"'{expected}'\n{describe_row(row, _plan_of(ev))}")


def assert_status(ev: EvaluationLike, indicator: str, area: str, year: int, expected: str) -> None:
    """Assert the status of one row (``exceeded``, ``met``, ``not_met``, ``no_data``, ``not_assessed``).

    On failure the message shows the row: value, assessed, the target phrase, margin,
    coverage, status, pace and p_meet. An unknown ``expected`` raises ChitieuError.
    """
    _check_row(ev, indicator, area, year, "status", expected, _core.status_names())


def assert_pace(ev: EvaluationLike, indicator: str, area: str, year: int, expected: str) -> None:
    """Assert the pace of one row (``achieved``, ``on_track``, ``moderate``, ... under the evaluation's method).

    Fails with the same message as :func:`assert_status`; an unknown ``expected`` raises ChitieuError.
    """
    _check_row(ev, indicator, area, year, "pace", expected, _core.pace_names())


def _differing_cells(both: pd.DataFrame, columns: Sequence[str], rtol: float, atol: float) -> pd.DataFrame:
    """One line per cell that differs: the key, the column, the left and the right value."""
    parts: List[pd.DataFrame] = []
    for name in columns:
        left, right = both[f"{name}_left"], both[f"{name}_right"]
        if name in _TEXT_COLUMNS:
            same = (left == right).to_numpy()
        else:
            same = np.isclose(left.to_numpy(dtype=np.float64), right.to_numpy(dtype=np.float64), rtol=rtol,
                              atol=atol, equal_nan=True)
        if not same.all():
            part = both.loc[~same, list(KEY_COLUMNS)].copy()
            part["column"] = name
            part["left"] = [v if name in _TEXT_COLUMNS else _number(v) for v in left[~same]]
            part["right"] = [v if name in _TEXT_COLUMNS else _number(v) for v in right[~same]]
            parts.append(part)
    if not parts:
        return pd.DataFrame(columns=[*KEY_COLUMNS, "column", "left", "right"])
    return pd.concat(parts).sort_values(list(KEY_COLUMNS), kind="stable")


def _table(title: str, frame: pd.DataFrame, max_rows: int) -> str:
    shown = frame.head(max_rows).to_string(index=False)
    more = f"\n  ... and {len(frame) - max_rows} more" if len(frame) > max_rows else ""
    return f"{title}:\n" + "\n".join("  " + line for line in shown.splitlines()) + more


def _repeated_key(rows: pd.DataFrame, side: str) -> None:
    repeated = rows.duplicated(list(KEY_COLUMNS))
    if repeated.any():
        first = rows.loc[repeated].iloc[0]
        raise AssertionError(f"the {side} evaluation has two rows for '{first['indicator']}' × '{first['area']}' "
                             f"× {first['year']}; an evaluation has one row per indicator × area × year")


def assert_evaluation_equal(left: EvaluationLike, right: EvaluationLike, *, rtol: float = 1e-9, atol: float = 0.0,
                            check_pace: bool = True, max_rows: int = 10) -> None:
    """Assert two evaluations have the same rows with the same values, row order aside.

    Rows are matched by indicator × area × year. Numbers agree when
    ``|left − right| ≤ atol + rtol·|right|`` (``right`` is the expected one, as in
    :func:`numpy.testing.assert_allclose`) or both are NaN; ids, status and pace must be
    equal. ``check_pace=False`` leaves out the columns that follow from the projection
    (pace, projected, p_meet). On failure the message counts the rows only in one side and
    the differing cells, and lists up to ``max_rows`` of each as a small table.
    """
    a, b = evaluation_rows(left), evaluation_rows(right)
    _repeated_key(a, "left")
    _repeated_key(b, "right")
    merged = a.merge(b, on=list(KEY_COLUMNS), how="outer", suffixes=("_left", "_right"), indicator=True)
    only_left = merged.loc[merged["_merge"] == "left_only", list(KEY_COLUMNS)]
    only_right = merged.loc[merged["_merge"] == "right_only", list(KEY_COLUMNS)]
    compared = [c for c in EVALUATION_COLUMNS if c not in KEY_COLUMNS and (check_pace or c not in _PACE_COLUMNS)]
    cells = _differing_cells(merged.loc[merged["_merge"] == "both"], compared, rtol, atol)
    if only_left.empty and only_right.empty and cells.empty:
        return
    rows_differing = len(cells.drop_duplicates(list(KEY_COLUMNS)))
    parts = [f"evaluations differ ({len(a)} rows left, {len(b)} right; rtol={rtol:g}, atol={atol:g}"
             f"{'' if check_pace else ', pace not checked'}): {rows_differing} rows differ in {len(cells)} cells, "
             f"{len(only_left)} rows only left, {len(only_right)} only right"]
    if not cells.empty:
        parts.append(_table("differing cells", cells, max_rows))
    if not only_left.empty:
        parts.append(_table("rows only left", only_left.sort_values(list(KEY_COLUMNS)), max_rows))
    if not only_right.empty:
        parts.append(_table("rows only right", only_right.sort_values(list(KEY_COLUMNS)), max_rows))
    raise AssertionError("\n".join(parts))

"""Side-by-side comparison of two plans' aligned targets (docs/plan-format.md "The cascade").

Two indicators are aligned when either names the other in ``aligns_with``
(``"plan-id/indicator-id"``). For each aligned pair, :func:`compare_plans` says
which target is stricter, judged on the met boundary (docs/evaluation.md): with
``higher`` the larger boundary is stricter, with ``lower`` the smaller; at equal
boundaries an exclusive one (``> x``, ``< x``) is stricter than an inclusive one.
"""
from __future__ import annotations

import math
import os
from typing import Any, Dict, List, Optional, Tuple, Union

import pandas as pd

from chitieu import _core

__all__ = ["COMPARE_COLUMNS", "compare_plans"]

#: The columns of :func:`compare_plans`' frame.
COMPARE_COLUMNS = (
    "a_indicator", "a_name", "a_target", "a_kind", "a_boundary", "a_inclusive",
    "b_indicator", "b_name", "b_target", "b_kind", "b_boundary", "b_inclusive",
    "stricter", "reason",
)

# Kinds judged as a level of the indicator itself: comparable with one another.
_LEVEL_KINDS = {"threshold", "range", "approx"}
_BOOLEAN_KINDS = {"milestone", "sustained", "qualitative"}
# Units whose values grow with the size of the area: levels of different areas do not compare.
_ADDITIVE_UNITS = {"count", "money", "hectares"}

PlanLike = Union[str, os.PathLike[str], _core.Plan]


def _as_plan(plan: PlanLike) -> _core.Plan:
    if isinstance(plan, _core.Plan):
        return plan
    from chitieu.api import load_plan

    return load_plan(plan)


def _pairs(a: _core.Plan, b: _core.Plan) -> List[Tuple[Any, Any]]:
    """Aligned (a indicator, b indicator) pairs, in a's order, each once."""
    a_inds: List[Any] = list(a.indicators)
    b_inds: List[Any] = list(b.indicators)
    a_by_id = {i.id: i for i in a_inds}
    b_by_id = {i.id: i for i in b_inds}
    links = set()
    for i in a_inds:
        for ref in i.aligns_with:
            plan_id, _, ind_id = ref.partition("/")
            if plan_id == b.id and ind_id in b_by_id:
                links.add((i.id, ind_id))
    for j in b_inds:
        for ref in j.aligns_with:
            plan_id, _, ind_id = ref.partition("/")
            if plan_id == a.id and ind_id in a_by_id:
                links.add((ind_id, j.id))
    order = {i.id: k for k, i in enumerate(a_inds)}
    b_order = {j.id: k for k, j in enumerate(b_inds)}
    return [(a_by_id[x], b_by_id[y]) for x, y in sorted(links, key=lambda p: (order[p[0]], b_order[p[1]]))]


def _boundary(ind: Any) -> Tuple[Optional[float], Optional[bool]]:
    """The met boundary and whether it is inclusive (None, None when there is none)."""
    t = ind.target
    if t.kind in _BOOLEAN_KINDS:
        return None, None
    if ind.direction == "higher" and t.lower is not None:
        return t.lower, t.lower_inclusive
    if ind.direction == "lower" and t.upper is not None:
        return t.upper, t.upper_inclusive
    return None, None


def _symbol(direction: str, inclusive: bool) -> str:
    if direction == "higher":
        return "≥" if inclusive else ">"
    return "≤" if inclusive else "<"


def _judge(ia: Any, ib: Any, area_a: str, area_b: str) -> Tuple[str, str]:
    """(stricter, reason) for one aligned pair."""
    ka, kb = ia.target.kind, ib.target.kind
    if ia.unit != ib.unit:
        return "incomparable", f"units differ: {ia.unit} vs {ib.unit}"
    if ia.direction != ib.direction:
        return "incomparable", f"directions differ: {ia.direction} vs {ib.direction}"
    if ka in _BOOLEAN_KINDS or kb in _BOOLEAN_KINDS:
        if ka == kb:
            return "equal", f"both {ka}: met when the duty is fulfilled"
        return "incomparable", f"kinds differ: {ka} vs {kb}"
    family_a = "level" if ka in _LEVEL_KINDS else ka
    family_b = "level" if kb in _LEVEL_KINDS else kb
    if family_a != family_b:
        return "incomparable", f"kinds differ: {ka} vs {kb}"
    if ka == "relative" and ia.target.base_year != ib.target.base_year:
        return "incomparable", f"base years differ: {ia.target.base_year} vs {ib.target.base_year}"
    if ka == "cumulative" and ia.target.period != ib.target.period:
        return "incomparable", f"periods differ: {ia.target.period} vs {ib.target.period}"
    if ka != "relative" and ia.unit in _ADDITIVE_UNITS and area_a != area_b:
        return "incomparable", (f"a {ia.unit} grows with the area's size: totals of {area_a or '?'} and "
                                f"{area_b or '?'} do not compare")
    va, inc_a = _boundary(ia)
    vb, inc_b = _boundary(ib)
    if va is None or vb is None or inc_a is None or inc_b is None:
        return "incomparable", f"no met boundary with direction {ia.direction}"
    sa, sb = f"{_symbol(ia.direction, inc_a)} {va:g}", f"{_symbol(ib.direction, inc_b)} {vb:g}"
    if va == vb and inc_a == inc_b:
        return "equal", f"same met boundary: {sa}"
    if va == vb:
        winner = "a" if not inc_a else "b"
    elif ia.direction == "higher":
        winner = "a" if va > vb else "b"
    else:
        winner = "a" if va < vb else "b"
    strict, loose = (sa, sb) if winner == "a" else (sb, sa)
    return winner, f"{strict} is stricter than {loose} ({ia.direction} is better)"


def compare_plans(a: PlanLike, b: PlanLike) -> pd.DataFrame:
    """The aligned targets of plans ``a`` and ``b`` side by side, with which is stricter.

    ``a`` and ``b`` are plans, embedded plan ids or plan file paths. One row per
    aligned pair (``aligns_with`` in either plan), with the columns
    :data:`COMPARE_COLUMNS`: ids, Vietnamese names, target phrases, target kinds,
    met boundaries (NaN for milestones and qualitative duties) and whether each
    is inclusive, then ``stricter`` — ``"a"``, ``"b"``, ``"equal"`` or
    ``"incomparable"`` — and the ``reason``. Threshold, range and approx targets
    compare with one another (all bound the value itself); relative targets need
    the same base year, cumulative ones the same period; totals in count, money
    or hectares of different areas never compare.
    """
    pa, pb = _as_plan(a), _as_plan(b)
    rows: List[Dict[str, Any]] = []
    for ia, ib in _pairs(pa, pb):
        stricter, reason = _judge(ia, ib, pa.area, pb.area)
        row: Dict[str, Any] = {}
        for prefix, ind in (("a", ia), ("b", ib)):
            value, inclusive = _boundary(ind)
            row[f"{prefix}_indicator"] = ind.id
            row[f"{prefix}_name"] = ind.name.vi
            row[f"{prefix}_target"] = ind.target_phrase
            row[f"{prefix}_kind"] = ind.target.kind
            row[f"{prefix}_boundary"] = math.nan if value is None else float(value)
            row[f"{prefix}_inclusive"] = inclusive
        row["stricter"] = stricter
        row["reason"] = reason
        rows.append(row)
    return pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))

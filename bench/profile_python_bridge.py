"""Where the time goes when a large DataFrame is evaluated from Python.

Builds a deterministic long table of 40 indicators (the La Gi plan's) × 2 500 areas × 15 years
= 1.5 million rows, then times each stage of ``chitieu.evaluate(plan, frame).to_frame()``:

- bridge in: checking the columns, years and numbers; factorizing the ids once (pandas); handing
  numpy columns to ``_core.make_panel``, which copies them in bulk;
- C++: ``_core.check_and_complete`` (the one check) and ``_core.review(consume=True,
  checked=True)`` (the same calls ``chitieu.evaluate`` makes; no areas table here);
- bridge out: wrapping the result columns (numpy views of the core's memory) as a DataFrame with
  categorical ids, status and pace.

Run: ``.venv/bin/python bench/profile_python_bridge.py [--areas N] [--years N] [--repeat N]``.
The figures in docs/python.md come from this script.
"""
from __future__ import annotations

import argparse
import os
import platform
import time
from typing import Callable, Dict, List, TypeVar

import numpy as np
import pandas as pd

os.environ.setdefault("SKBUILD_EDITABLE_VERBOSE", "0")

import chitieu
from chitieu import _core
from chitieu.frames import evaluation_frame, factorize, panel_from_table
from chitieu.io import read_observations

T = TypeVar("T")


def make_frame(plan: _core.Plan, n_areas: int, n_years: int, seed: int = 20240720) -> pd.DataFrame:
    """One row per indicator × area × year, values inside each unit's domain (deterministic)."""
    rng = np.random.default_rng(seed)
    inds = plan.indicators
    years = np.arange(2031 - n_years, 2031, dtype=np.int64)
    n = len(inds) * n_areas * n_years
    ind_code = np.repeat(np.arange(len(inds)), n_areas * n_years)
    area_code = np.tile(np.repeat(np.arange(n_areas), n_years), len(inds))
    year = np.tile(years, len(inds) * n_areas)
    value = np.empty(n)
    for k, ind in enumerate(inds):
        rows = slice(k * n_areas * n_years, (k + 1) * n_areas * n_years)
        size = n_areas * n_years
        trend = (year[rows] - years[0]) / max(n_years - 1, 1)
        if ind.unit == "boolean":
            value[rows] = 1.0 if ind.target.kind == "sustained" else (rng.random(size) < 0.3 + 0.6 * trend)
        elif ind.unit == "percent":
            value[rows] = np.clip(40 + 40 * trend + rng.normal(0, 3, size), 0, 100)
        else:
            value[rows] = np.abs(50 + 30 * trend + rng.normal(0, 5, size))
    position = {ind.id: k for k, ind in enumerate(inds)}
    for k, ind in enumerate(inds):  # a part is half of its whole (a part never exceeds its whole)
        if ind.part_of:
            w = position[ind.part_of]
            size = n_areas * n_years
            value[k * size:(k + 1) * size] = 0.5 * value[w * size:(w + 1) * size]
    ids = np.array([i.id for i in inds], dtype=object)
    areas = np.array([f"area-{i:05d}" for i in range(n_areas)], dtype=object)
    return pd.DataFrame({"indicator": ids[ind_code], "area": areas[area_code], "year": year, "value": value})


def timed(fn: Callable[[], T], repeat: int) -> tuple[T, float]:
    """The result of fn and its best wall time over ``repeat`` runs."""
    best = float("inf")
    result: T
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=2500)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    plan = chitieu.load_plan("la-gi-2024")
    frame = make_frame(plan, args.areas, args.years)
    print(f"{len(frame):,} rows: {len(plan.indicators)} indicators × {args.areas:,} areas × {args.years} years "
          f"({platform.python_implementation()} {platform.python_version()}, numpy {np.__version__}, "
          f"pandas {pd.__version__}, {os.cpu_count()} CPUs)")

    table, t_read = timed(lambda: read_observations(frame), args.repeat)
    _, t_factorize = timed(lambda: (factorize(table.frame["indicator"]), factorize(table.frame["area"])), args.repeat)
    _, t_panel = timed(lambda: panel_from_table(table), args.repeat)
    _, t_check = timed(lambda: _core.check_and_complete(plan, panel_from_table(table)), args.repeat)
    t_check = max(t_check - t_panel, 0.0)

    def review() -> _core.Evaluation:
        p = panel_from_table(table)
        _core.check_and_complete(plan, p)
        start = time.perf_counter()
        out = _core.review(plan, p, consume=True, checked=True)[0]
        spent.append(time.perf_counter() - start)
        return out

    spent: List[float] = []
    core, _ = timed(review, args.repeat)
    t_eval = min(spent)
    out, t_out = timed(lambda: evaluation_frame(core), args.repeat)
    _, t_total = timed(lambda: chitieu.evaluate(plan, frame).to_frame(), args.repeat)

    stages: Dict[str, float] = {
        "bridge in: check columns, years and numbers": t_read,
        "bridge in: factorize ids (pandas, once per column)": t_factorize,
        "bridge in: _core.make_panel (bulk copy into C++)": max(t_panel - t_factorize, 0.0),
        "C++: _core.check_and_complete": t_check,
        "C++: _core.review (evaluate, panel moved in)": t_eval,
        "bridge out: column views → DataFrame (categoricals)": t_out,
    }
    width = max(map(len, stages))
    lines: List[str] = []
    for name, t in stages.items():
        lines.append(f"  {name:<{width}}  {t * 1000:8.1f} ms  {100 * t / sum(stages.values()):5.1f} %")
    print("\n".join(lines))
    cxx = t_check + t_eval
    python = t_read + t_panel + t_out
    print(f"  {'sum of stages':<{width}}  {sum(stages.values()) * 1000:8.1f} ms")
    print(f"  {'chitieu.evaluate(plan, frame).to_frame()':<{width}}  {t_total * 1000:8.1f} ms")
    print(f"C++ {100 * cxx / (cxx + python):.0f} % · Python bridge {100 * python / (cxx + python):.0f} % "
          f"({len(out):,} result rows; best of {args.repeat})")


if __name__ == "__main__":
    main()

"""Where the Python job's time and memory go: each stage of
``chitieu.evaluate(plan, observations, areas=areas).to_frame()`` timed on its own, in one process.

Stages, as ``chitieu.api.evaluate`` runs them: reading the observations; the panel (ids to codes,
copy into C++ with room for the parent rows); the one check (``_core.check_and_complete``); the
areas table; the review (area validity, roll-up, evaluation; the panel moved in); the output
frame. Prints the median of ``--runs`` runs of each stage and of the whole job, wall time and
the CPU time of all the process's threads (their ratio: how many cores the stage kept busy), the
minor page faults of each whole job (fresh pages it wrote; the memory cache leaves the later
jobs next to none), what Python holds after reading the observations and building the panel
(``tracemalloc``), and the peak resident memory the job adds to the process (``ru_maxrss`` after
one job, minus the resident memory just before it).

Usage: ``python bench/national/stages.py [--data bench/national/data/x1] [--runs 5] [--input categorical]``
(the data directory as written by ``run.py``, with its ``frames.pkl``; ``--input`` one of the
runner's input forms: ``categorical``, ``str``, ``arrow`` (a pyarrow Table), ``polars``).
"""
from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
import tracemalloc
from typing import Callable, Dict, List, TypeVar

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import INPUTS, _current_rss_mib, _rss_mib, load_input  # noqa: E402  (the runner's inputs, memory)

PLAN = os.path.join(HERE, "national-plan.toml")
T = TypeVar("T")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data", "x1"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--input", default="categorical", choices=INPUTS)
    args = ap.parse_args()
    if args.runs < 1:
        raise SystemExit(f"stages: --runs {args.runs}: give 1 or more")
    cache = os.path.join(args.data, "frames.pkl")
    if not os.path.exists(cache):
        raise SystemExit(f"stages: {args.data}: no frames.pkl; run bench/national/run.py for that scale first")
    obs, areas, input_mib = load_input(args.data, args.input)

    import chitieu
    from chitieu import _core, api, frames, io

    plan = chitieu.load_plan(PLAN)
    gc.collect()
    before = _current_rss_mib()
    chitieu.evaluate(plan, obs, areas=areas).to_frame()
    job_adds = _rss_mib() - before

    tracemalloc.start()
    table = io.read_observations(obs)
    held_read = tracemalloc.get_traced_memory()[0] / 2**20
    parents = api._parent_count(frames.area_columns(io.read_areas(areas))[4])
    panel = frames.panel_from_table(table, parent_areas=parents)
    held_panel = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    del table, panel

    ms: Dict[str, List[float]] = {}
    cpu_ms: Dict[str, List[float]] = {}  # CPU time of every thread of the process
    faults: List[int] = []  # minor page faults of each whole job (fresh pages written)

    def timed(stage: str, f: Callable[[], T]) -> T:
        c0, t0 = time.process_time(), time.perf_counter()
        out = f()
        ms.setdefault(stage, []).append((time.perf_counter() - t0) * 1000.0)
        cpu_ms.setdefault(stage, []).append((time.process_time() - c0) * 1000.0)
        return out

    for _ in range(args.runs):
        t0 = time.perf_counter()
        table = timed("read_observations", lambda: io.read_observations(obs))
        area_source = io.read_areas(areas)
        panel = timed("panel_from_table", lambda: frames.panel_from_table(
            table, parent_areas=api._parent_count(frames.area_columns(area_source)[4])))
        timed("check_and_complete", lambda: _core.check_and_complete(plan, panel))
        area_table = timed("areas", lambda: frames.areas_from_table(area_source))
        core_eval, found = timed("review", lambda: _core.review(
            plan, panel, areas=area_table, crosswalk=None, geography=None, year=None, method="chitieu",
            consume=True, checked=True))
        names = dict(zip(io.text_column(area_source, "id"), io.text_column(area_source, "name")))
        timed("frame", lambda: chitieu.Evaluation(
            plan, core_eval, pd.DataFrame(found, columns=list(api.FINDING_COLUMNS)), method="chitieu",
            geography=None, year=None, area_names=names).to_frame())
        ms.setdefault("sum of stages", []).append((time.perf_counter() - t0) * 1000.0)
        before_faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        timed("chitieu.evaluate(...).to_frame()", lambda: chitieu.evaluate(plan, obs, areas=areas).to_frame())
        faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before_faults)

    print(f"{len(obs):,} observations as {args.input} ({input_mib:.0f} MiB as loaded with the areas), "
          f"median of {args.runs} runs")
    print(f"  {'stage':34s} {'wall':>8s}    {'CPU':>8s}    cores busy")
    for stage, values in ms.items():
        wall = statistics.median(values)
        if stage not in cpu_ms:
            print(f"  {stage:34s} {wall:8.1f} ms")
            continue
        cpu = statistics.median(cpu_ms[stage])
        print(f"  {stage:34s} {wall:8.1f} ms {cpu:8.1f} ms {cpu / wall:6.2f}")
    print(f"minor page faults of each whole job, in order: {faults}")
    print(f"held by Python: {held_read:.1f} MiB after read_observations, {held_panel:.1f} MiB with the panel")
    print(f"peak the job adds: {job_adds:.0f} MiB ({job_adds / input_mib:.2f}× the input as loaded)")


if __name__ == "__main__":
    main()

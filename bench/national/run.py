"""Runner of the national benchmark: chitieu (C++ and Python) against pandas and DuckDB.

For each scale (default 0.1, 1 and 10 × the 3 321 communes): generate the data once (cached in
``--data-dir``), check that the three implementations agree (chitieu = pandas to 1e-9 on every
evaluation row, chitieu's roll-up = DuckDB's on every parent row), then time each implementation
in a fresh subprocess — median of ``--runs`` runs (3 at 10×) — and read its peak resident memory
(``ru_maxrss``). Ratios are between medians measured in the same invocation. Prints a Markdown
table and writes every figure to ``--json``.

Jobs timed (``IMPL:INPUT``):

* ``chitieu:INPUT`` — ``chitieu.evaluate(plan, observations, areas=areas).to_frame()``: frame in,
  DataFrame out (validation, roll-up, evaluation and the conversions included), for every input
  path of :data:`INPUTS`: ``categorical`` (pandas, ids as categoricals), ``str`` (pandas, ids as
  the ``str`` dtype, Arrow-backed with pyarrow installed), ``arrow`` (a pyarrow Table as
  ``pyarrow.csv`` reads it), ``polars`` (a polars DataFrame as ``polars.read_csv`` reads it);
* ``chitieu_view:categorical`` — the same with ``to_frame(copy=False)`` (read-only views, no copy);
* ``chitieu_nocache:INPUT`` — ``chitieu:INPUT`` with the memory cache off
  (``chitieu.set_memory_cache_limit(0)``: every run takes fresh memory, and no freed column is
  held between runs), for the categorical and polars inputs;
* ``chitieu_copy:categorical`` — the same with ``to_frame(copy=True)`` (a deep copy of every column:
  the default before ``to_frame()`` shared the evaluation's memory under copy-on-write, and the
  default on pandas 2 without copy-on-write);
* ``pandas:categorical``, ``pandas:str`` — ``reference_pandas.review`` (roll-up, evaluation);
* ``polars:polars`` — ``reference_polars.review`` (lazy, both cores) on the polars frame;
* ``chitieu_rollup`` — ``_core.roll_up`` on a panel (``chitieu_rollup_nocache``: with the memory
  cache off); ``duckdb_rollup`` — the SQL of
  ``reference_duckdb.roll_up`` on native tables (both: input already in the engine's own form);
* ``C++`` — ``bench_national`` (the C++ API directly: roll_up, evaluate, the whole review() and
  the physical floor: one pass reading every input column and writing every output column).

Usage: ``python bench/national/run.py [--scales 0.1,1,10] [--runs 5] [--skip-pandas-above 1]``.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PLAN = os.path.join(HERE, "national-plan.toml")
sys.path.insert(0, HERE)


def _rss_mib() -> float:
    """The peak resident memory of this process so far (``ru_maxrss``)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _current_rss_mib() -> float:
    """The resident memory of this process now (``/proc/self/statm``; the peak where there is none)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return _rss_mib()


#: The input paths timed: how the observations reach the job.
INPUTS = ("categorical", "str", "arrow", "polars")


def load_input(data_dir: str, kind: str) -> Tuple[Any, Any, float]:
    """(observations, areas, input MiB) of a data directory in one of the :data:`INPUTS` forms."""
    if kind in ("categorical", "str"):
        obs, areas = load(data_dir)
        if kind == "str":
            obs = obs.astype({"indicator": "str", "area": "str"})
        mib = float(obs.memory_usage(deep=True).sum() + areas.memory_usage(deep=True).sum()) / 2**20
        return obs, areas, mib
    if kind == "arrow":
        import pyarrow.csv as pacsv
        obs, areas = (pacsv.read_csv(os.path.join(data_dir, f)) for f in ("observations.csv", "areas.csv"))
        return obs, areas, float(obs.nbytes + areas.nbytes) / 2**20
    if kind == "polars":
        import polars as pl
        obs = pl.read_csv(os.path.join(data_dir, "observations.csv"))
        areas = pl.read_csv(os.path.join(data_dir, "areas.csv"), infer_schema=False).fill_null("")
        return obs, areas, float(obs.estimated_size() + areas.estimated_size()) / 2**20
    raise SystemExit(f"unknown input {kind}; one of {', '.join(INPUTS)}")


def load(data_dir: str) -> Any:
    """(observations, areas) of a data directory; indicator and area as categoricals."""
    import pandas as pd
    cache = os.path.join(data_dir, "frames.pkl")
    if os.path.exists(cache):
        return pd.read_pickle(cache)
    obs = pd.read_csv(os.path.join(data_dir, "observations.csv"),
                      dtype={"indicator": "category", "area": "category", "year": "int32"})
    areas = pd.read_csv(os.path.join(data_dir, "areas.csv"), dtype=str, keep_default_na=False)
    pd.to_pickle((obs, areas), cache)
    return obs, areas


def ensure_data(data_dir: str, scale: float) -> None:
    """Generates the data of a scale unless the directory already has it (in a subprocess: the
    runner stays small, and the peak memory its children inherit through fork stays small)."""
    if not os.path.exists(os.path.join(data_dir, "observations.csv")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--scale", str(scale),
                        "--out", data_dir], check=True)
    if not os.path.exists(os.path.join(data_dir, "frames.pkl")):
        subprocess.run([sys.executable, os.path.abspath(__file__), "--cache", data_dir], check=True)


def chitieu_rollup_setup(plan: Any, obs: Any, areas: Any) -> Callable[[], Any]:
    """A callable running chitieu's roll-up on a ready panel (values completed)."""
    from chitieu import _core, frames, io
    panel = frames.panel_from_table(io.read_observations(obs))
    _core.complete_values(plan, panel)
    table = frames.areas_from_table(io.read_areas(areas))
    return lambda: _core.roll_up(plan, panel, table)


def chitieu_parents(plan: Any, obs: Any, areas: Any) -> Any:
    """The parent rows of chitieu's roll-up as a DataFrame."""
    import numpy as np
    import pandas as pd
    rows, _ = chitieu_rollup_setup(plan, obs, areas)()
    c = rows.columns()
    n = len(obs)
    out = {"indicator": np.asarray(c["indicator_ids"], dtype=object)[c["indicator"][n:]],
           "area": np.asarray(c["area_ids"], dtype=object)[c["area"][n:]], "year": c["year"][n:]}
    for k in ("value", "numerator", "denominator", "weight", "coverage"):
        out[k] = c[k][n:]
    return pd.DataFrame(out)


def _result_mib(result: Any) -> Optional[float]:
    """The size of a job's result frame (pandas: every column's memory, categories included;
    polars: its estimated size); None for other results (the roll-ups)."""
    import pandas as pd
    if isinstance(result, pd.DataFrame):
        return float(result.memory_usage(deep=True).sum()) / 2**20
    if hasattr(result, "estimated_size"):
        return float(result.estimated_size()) / 2**20
    return None


def worker(job_name: str, data_dir: str, runs: int) -> Dict[str, Any]:
    """Times one job ``IMPL:INPUT`` in this (fresh) process; returns medians and memory."""
    import pandas as pd  # noqa: F401  (imported before the baseline memory is read)
    import reference_pandas as rp

    import chitieu
    impl, _, kind = job_name.partition(":")
    if impl.startswith("chitieu") and "nocache" in impl:
        chitieu.set_memory_cache_limit(0)
        impl = impl.replace("_nocache", "")
    if impl == "polars":
        import polars  # noqa: F401
        import reference_polars  # noqa: F401
    before = _rss_mib()
    obs, areas, input_mib = load_input(data_dir, kind or "categorical")
    plan = chitieu.load_plan(PLAN)
    rules = rp.rules_table(plan)
    job: Callable[[], Any]
    if impl == "chitieu":
        def job() -> Any:
            return chitieu.evaluate(plan, obs, areas=areas).to_frame()
    elif impl == "chitieu_view":  # the frame of read-only views, without the caller's copy
        def job() -> Any:
            return chitieu.evaluate(plan, obs, areas=areas).to_frame(copy=False)
    elif impl == "chitieu_copy":  # every column deep-copied
        def job() -> Any:
            return chitieu.evaluate(plan, obs, areas=areas).to_frame(copy=True)
    elif impl == "pandas":
        def job() -> Any:
            return rp.review(obs, areas, rules)
    elif impl == "polars":
        import reference_polars as rpl
        polars_rules = rpl.rules_frame(rules)

        def job() -> Any:
            return rpl.review(obs, areas, polars_rules)
    elif impl == "chitieu_rollup":
        job = chitieu_rollup_setup(plan, obs, areas)
    elif impl == "duckdb_rollup":
        import duckdb
        import reference_duckdb as rd
        con = duckdb.connect()
        rd.load(con, obs, areas, rules)
        def job() -> Any:
            return rd.roll_up(con)
    else:
        raise SystemExit(f"unknown implementation {impl}")
    gc.collect()
    loaded = _current_rss_mib()  # now, not the peak: loading frees what it used
    times = []
    output_mib: Optional[float] = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - t0)
        if output_mib is None:
            output_mib = _result_mib(result)
        del result
    times.sort()
    return {"impl": job_name, "runs": runs, "times_s": times, "median_s": times[len(times) // 2],
            "rss_before_load_mib": before, "rss_loaded_mib": loaded, "peak_rss_mib": _rss_mib(),
            "input_mib": input_mib, "output_mib": output_mib, "rows": len(obs)}


def check(data_dir: str, with_pandas: bool) -> Dict[str, Any]:
    """Equality of the implementations on one data set (run in its own process): chitieu from
    every input path against chitieu from categoricals, and against the pandas (when asked),
    polars and DuckDB references."""
    import check as ck
    import duckdb
    import reference_duckdb as rd
    import reference_pandas as rp
    import reference_polars as rpl

    import chitieu
    obs, areas = load(data_dir)
    plan = chitieu.load_plan(PLAN)
    rules = rp.rules_table(plan)
    out: Dict[str, Any] = {}
    ours = chitieu.evaluate(plan, obs, areas=areas).to_frame()
    out["evaluation_rows"] = len(ours)
    for kind in INPUTS[1:]:
        other_obs, other_areas, _ = load_input(data_dir, kind)
        try:
            out[f"chitieu_{kind}_vs_categorical"] = ck.evaluation_differences(
                chitieu.evaluate(plan, other_obs, areas=other_areas).to_frame(), ours)
        except (TypeError, ValueError) as exc:  # an input path this chitieu does not take
            out[f"chitieu_{kind}_vs_categorical"] = [f"failed: {type(exc).__name__}: {exc}"]
        if kind == "polars":
            polars_result = rpl.review(other_obs, other_areas, rpl.rules_frame(rules)).to_pandas()
            out["chitieu_vs_polars"] = ck.evaluation_differences(ours, polars_result)
        del other_obs, other_areas
    if with_pandas:
        out["chitieu_vs_pandas"] = ck.evaluation_differences(ours, rp.review(obs, areas, rules))
    con = duckdb.connect()
    rd.load(con, obs, areas, rules)
    rd.roll_up(con)
    parents = chitieu_parents(plan, obs, areas)
    out["parent_rows"] = len(parents)
    out["rollup_chitieu_vs_duckdb"] = ck.parent_differences(parents, rd.parents_frame(con))
    return out


#: glibc malloc settings of --malloc-reuse: freed blocks of any size stay in the process for reuse
#: instead of going back to the kernel (large blocks are otherwise fresh mmaps, page-faulted again).
MALLOC_REUSE = "glibc.malloc.mmap_threshold=4294967295:glibc.malloc.trim_threshold=17179869184"
ENV = dict(os.environ)


def subprocess_json(args: List[str]) -> Dict[str, Any]:
    """Runs a command that prints one JSON object on its last line."""
    proc = subprocess.run(args, capture_output=True, text=True, check=False, env=ENV)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> Dict[str, Any]:
    """CPU, cores and memory of this machine."""
    info: Dict[str, Any] = {"python": platform.python_version(), "nproc": os.cpu_count()}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in lscpu.splitlines():
            if line.startswith("Model name:"):
                info["cpu"] = line.split(":", 1)[1].strip()
        with open("/proc/meminfo") as f:
            info["mem_gib"] = round(int(f.readline().split()[1]) / 2**20, 1)
    except OSError:
        pass
    versions = subprocess.run(
        [sys.executable, "-c", "import duckdb, numpy, pandas; print(pandas.__version__, numpy.__version__, "
         "duckdb.__version__)"], capture_output=True, text=True, check=True).stdout.split()
    info.update(pandas=versions[0], numpy=versions[1], duckdb=versions[2])
    return info


def fmt_ms(s: Optional[float]) -> str:
    return "—" if s is None else f"{1000 * s:,.0f}"


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description="national benchmark: chitieu vs pandas vs DuckDB")
    ap.add_argument("--scales", default="0.1,1,10")
    ap.add_argument("--runs", type=int, default=5, help="runs per implementation (3 above scale 1)")
    ap.add_argument("--skip-pandas-above", type=float, default=None,
                    help="do not run the pandas reference above this scale (slow, memory-hungry)")
    ap.add_argument("--data-dir", default=os.path.join(HERE, "data"))
    ap.add_argument("--bench-exe", default=os.path.join(ROOT, "build", "bench", "bench", "bench_national"))
    ap.add_argument("--json", default=os.path.join(HERE, "data", "results.json"))
    ap.add_argument("--malloc-reuse", action="store_true",
                    help=f"run every implementation with GLIBC_TUNABLES={MALLOC_REUSE}")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--check", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--with-pandas", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.cache:
        load(a.cache)
        return 0
    if a.worker:
        print(json.dumps(worker(a.worker, a.data, a.runs)))
        return 0
    if a.check:
        print(json.dumps(check(a.data, a.with_pandas)))
        return 0

    me = [sys.executable, os.path.abspath(__file__)]
    if a.malloc_reuse:
        ENV["GLIBC_TUNABLES"] = MALLOC_REUSE
    results: Dict[str, Any] = {"machine": machine(), "malloc_reuse": a.malloc_reuse, "scales": {}}
    print(f"machine: {json.dumps(results['machine'])}", flush=True)
    failures = 0
    for scale in (float(s) for s in a.scales.split(",")):
        data_dir = os.path.join(a.data_dir, f"x{scale:g}")
        ensure_data(data_dir, scale)
        runs = a.runs if scale <= 1 else min(a.runs, 3)
        pandas_on = a.skip_pandas_above is None or scale <= a.skip_pandas_above
        print(f"\n== scale {scale:g} ({data_dir}), {runs} runs each", flush=True)
        res: Dict[str, Any] = {}
        try:
            check_args = ["--check", "--data", data_dir] + (["--with-pandas"] if pandas_on else [])
            res["check"] = subprocess_json(me + check_args)
        except SystemExit as exc:  # e.g. killed for memory on a shared machine: said, and the timings still run
            failures += 1
            res["check"] = {"error": str(exc).strip().splitlines()[0]}
            print(f"   equality check FAILED: {res['check']['error']}", flush=True)
        for key, diffs in res["check"].items():
            if isinstance(diffs, list):
                failures += bool(diffs)
                print(f"   equality {key}: {diffs if diffs else 'equal to 1e-9'}", flush=True)
        jobs = [f"chitieu:{kind}" for kind in INPUTS] + ["chitieu_nocache:categorical", "chitieu_nocache:polars",
                                                         "chitieu_view:categorical", "chitieu_copy:categorical",
                                                         "polars:polars", "chitieu_rollup", "chitieu_rollup_nocache",
                                                         "duckdb_rollup"]
        jobs += ["pandas:categorical", "pandas:str"] if pandas_on else []
        for job in jobs:
            try:
                res[job] = subprocess_json([*me, "--worker", job, "--data", data_dir, "--runs", str(runs)])
            except SystemExit as exc:  # an input path this chitieu does not take: reported, not timed
                failures += 1
                res[job] = {"error": str(exc).strip().splitlines()[-1]}
                print(f"   {job:20s} FAILED: {res[job]['error']}", flush=True)
                continue
            print(f"   {job:20s} median {fmt_ms(res[job]['median_s'])} ms, peak RSS "
                  f"{res[job]['peak_rss_mib']:,.0f} MiB", flush=True)
        if os.path.exists(a.bench_exe):
            obs_csv, areas_csv = os.path.join(data_dir, "observations.csv"), os.path.join(data_dir, "areas.csv")
            res["cpp"] = subprocess_json([a.bench_exe, PLAN, obs_csv, areas_csv, str(runs)])
            print(f"   C++ {json.dumps(res['cpp'])}", flush=True)
        results["scales"][f"{scale:g}"] = res
    os.makedirs(os.path.dirname(a.json), exist_ok=True)
    with open(a.json, "w") as f:
        json.dump(results, f, indent=1)
    print_table(results)
    return 1 if failures else 0


#: The pandas reference each input path is compared with (the same kind of ids).
PANDAS_OF = {"categorical": "pandas:categorical", "str": "pandas:str", "arrow": "pandas:str", "polars": "pandas:str"}


def print_table(results: Dict[str, Any]) -> None:
    """The Markdown tables of medians, ratios and memory."""
    print("\n| scale | input path | chitieu ms | pandas ms | pandas / chitieu | polars / chitieu | "
          "job adds / input |")
    print("|---|---|---|---|---|---|---|")
    nan = float("nan")
    for scale, r in results["scales"].items():
        polars = r["polars:polars"].get("median_s", nan)
        for kind in INPUTS:
            m = r[f"chitieu:{kind}"]
            if "error" in m:
                print(f"| {scale}× | {kind} | failed: {m['error']} | | | | |")
                continue
            ch, pd_ = m["median_s"], r.get(PANDAS_OF[kind], {}).get("median_s")
            adds = (m["peak_rss_mib"] - m["rss_loaded_mib"]) / m["input_mib"]
            print(f"| {scale}× | {kind} | {fmt_ms(ch)} | {fmt_ms(pd_)} | "
                  f"{'—' if pd_ is None else f'{pd_ / ch:.1f}×'} | {polars / ch:.1f}× | {adds:.2f} |")
    print("\n| scale | rows | polars ms | chitieu roll-up ms | DuckDB roll-up ms | DuckDB / chitieu | "
          "C++ review ms (panel kept / given away) | floor ms (fresh / reused) | review / floor (kept / given away) | "
          "C++ roll_up ms | C++ evaluate ms |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for scale, r in results["scales"].items():
        ru, du = r["chitieu_rollup"]["median_s"], r["duckdb_rollup"]["median_s"]
        cpp = r.get("cpp", {})
        floor = cpp.get("floor_ms", nan)
        moved = cpp.get("review_moved_ms", nan)
        print(f"| {scale}× | {r['chitieu:categorical']['rows']:,} | {fmt_ms(r['polars:polars'].get('median_s'))} | "
              f"{fmt_ms(ru)} | {fmt_ms(du)} | {du / ru:.1f}× | {cpp.get('review_ms', nan):,.0f} / {moved:,.0f} | "
              f"{floor:,.1f} / {cpp.get('floor_reused_ms', nan):,.1f} | "
              f"{cpp.get('review_ms', nan) / floor:.1f}× / {moved / floor:.1f}× | "
              f"{cpp.get('roll_up_ms', nan):,.0f} | {cpp.get('evaluate_ms', nan):,.0f} |")
    print("\n| scale | C++ review of a given-away panel, step by step: check_and_complete ms | "
          "check_observation_areas ms | roll_up ms | evaluate ms | sum / floor |")
    print("|---|---|---|---|---|---|")
    for scale, r in results["scales"].items():
        cpp = r.get("cpp", {})
        steps = [cpp.get(f"step_{name}_ms", nan) for name in ("check", "areas", "roll_up", "evaluate")]
        print(f"| {scale}× | " + " | ".join(f"{ms:,.1f}" for ms in steps) +
              f" | {sum(steps) / cpp.get('floor_ms', nan):.1f}× |")
    print("\n| scale | job | input MiB | output MiB | RSS before load MiB | RSS after load MiB | peak RSS MiB | "
          "job adds / input | job adds / output | (job adds − output) / input |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for scale, r in results["scales"].items():
        for job, m in r.items():
            if not isinstance(m, dict) or "peak_rss_mib" not in m:
                continue
            adds, inp = m["peak_rss_mib"] - m["rss_loaded_mib"], m["input_mib"]
            out = m.get("output_mib")
            per_out = "—" if out is None else f"{adds / out:.2f}"
            beyond = "—" if out is None else f"{(adds - out) / inp:.2f}"
            print(f"| {scale}× | {job} | {inp:,.0f} | {'—' if out is None else f'{out:,.0f}'} | "
                  f"{m['rss_before_load_mib']:,.0f} | {m['rss_loaded_mib']:,.0f} | {m['peak_rss_mib']:,.0f} | "
                  f"{adds / inp:.2f} | {per_out} | {beyond} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

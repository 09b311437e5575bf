"""The floor the Student t puts under the national review: the time of its distribution function
alone on the (q, df) pairs of every p_meet the review computes, with Boost.Math and with chitieu's
closed form for whole degrees of freedom (``student_t_cdf``).

The pairs are captured from the pandas reference (same formulas, checked equal to chitieu's p_meet
to 1e-9), written for ``bench_t_cdf`` (C++, one thread, the call chitieu makes), and timed there.
Prints the pair count, the one-thread time, the best case on every core (time / nproc), and the
time the whole job may take for a target speed-up over a pandas time given on the command line.

Usage: ``python bench/national/t_cdf_floor.py [--data bench/national/data/x1]
[--exe build/bench/bench/bench_t_cdf] [--pandas-ms 1400] [--speedup 20]``.
"""
from __future__ import annotations

import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile
from typing import Any, List, Tuple

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)


def pairs(data_dir: str) -> Tuple[np.ndarray, np.ndarray]:
    """(q, df) of every p_meet of the review of ``data_dir``, from the pandas reference."""
    import pandas as pd
    import reference_pandas as ref

    import chitieu

    obs, areas = pd.read_pickle(os.path.join(data_dir, "frames.pkl"))
    rules = ref.rules_table(chitieu.load_plan(os.path.join(HERE, "national-plan.toml")))
    seen: List[Tuple[np.ndarray, np.ndarray]] = []
    exact = ref.t_cdf

    def spy(q: np.ndarray, nu: np.ndarray) -> Any:
        seen.append((q.copy(), nu.copy()))
        return exact(q, nu)

    ref.t_cdf = spy
    try:
        ref.review(obs, areas, rules)
    finally:
        ref.t_cdf = exact
    return np.concatenate([s[0] for s in seen]), np.concatenate([s[1] for s in seen]).astype(np.int32)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data", "x1"))
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "bench", "bench", "bench_t_cdf"))
    ap.add_argument("--pandas-ms", type=float, default=None, help="the pandas reference's time, for the budget")
    ap.add_argument("--speedup", type=float, default=20.0)
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.data, "frames.pkl")):
        raise SystemExit(f"t_cdf_floor: {args.data}: no frames.pkl; run bench/national/run.py for that scale first")
    if not os.access(args.exe, os.X_OK):
        raise SystemExit(f"t_cdf_floor: {args.exe}: not built; build the bench preset "
                         "(cmake --preset bench && cmake --build --preset bench)")
    q, nu = pairs(args.data)
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as f:
        f.write(struct.pack("<Q", len(q)))
        f.write(q.astype("<f8").tobytes())
        f.write(nu.astype("<i4").tobytes())
        path = f.name
    try:
        out = json.loads(subprocess.run([args.exe, path], check=True, capture_output=True, text=True).stdout)
    finally:
        os.unlink(path)
    cores = os.cpu_count() or 1
    print(f"p_meet calls: {out['pairs']:,} (degrees of freedom {int(nu.min())}–{int(nu.max())})")
    print(f"Boost.Math students_t cdf, one thread: {out['median_ms']:.0f} ms "
          f"({out['median_ms'] * 1e6 / max(out['pairs'], 1):.0f} ns a call)")
    print(f"on all {cores} cores at best: {out['median_ms'] / cores:.0f} ms")
    print(f"chitieu student_t_cdf (closed form), one thread: {out['closed_form_median_ms']:.0f} ms "
          f"({out['closed_form_median_ms'] * 1e6 / max(out['pairs'], 1):.0f} ns a call); largest difference "
          f"to Boost.Math {out['max_abs_difference']:.2g}")
    if args.pandas_ms:
        print(f"whole-job budget for {args.speedup:g}× over pandas ({args.pandas_ms:.0f} ms): "
              f"{args.pandas_ms / args.speedup:.0f} ms")


if __name__ == "__main__":
    main()

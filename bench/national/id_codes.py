"""The numbering of the text id columns of the national data: chitieu's ``text_codes`` (the core,
from Arrow's buffers, on both cores) against pyarrow's ``dictionary_encode``, per column.

Reads ``observations.csv`` of a data directory with ``pyarrow.csv`` (the benchmark's Arrow
input), checks that ``text_codes`` gives the ids in Arrow's order of first appearance and a code
per row that names the row's id, and prints the
median of ``--runs`` runs of each.

Usage: ``python bench/national/id_codes.py [--data bench/national/data/x1] [--runs 9]``.
"""
from __future__ import annotations

import argparse
import functools
import os
import statistics
import time
from typing import Any, Callable

import numpy as np
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from chitieu.arrow_bridge import text_codes

HERE = os.path.dirname(os.path.abspath(__file__))


def median_ms(job: Callable[[], Any], runs: int) -> float:
    """The median wall time of ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        job()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data", "x1"))
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    table = pacsv.read_csv(os.path.join(args.data, "observations.csv"))
    print(f"{table.num_rows:,} rows in {table.column('area').num_chunks} chunks, median of {args.runs} runs")
    for name in ("indicator", "area"):
        column = table.column(name)
        codes, ids = text_codes(column)
        arrow_ids = pc.unique(column).to_pylist()  # in order of first appearance, as text_codes numbers them
        if ids != arrow_ids or len(codes) != len(column):
            raise SystemExit(f"id_codes: {name}: text_codes and Arrow disagree")
        if not (np.asarray(ids, dtype=object)[codes] == column.to_numpy(zero_copy_only=False)).all():
            raise SystemExit(f"id_codes: {name}: a code does not give its row's id")
        ours = median_ms(functools.partial(text_codes, column), args.runs)
        arrow = median_ms(functools.partial(pc.dictionary_encode, column), args.runs)
        print(f"  {name:10s} {len(ids):>7,} ids  text_codes {ours:6.1f} ms  dictionary_encode {arrow:6.1f} ms")


if __name__ == "__main__":
    main()

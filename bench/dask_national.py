"""chitieu.dask against in-memory chitieu on the national benchmark data, as Parquet partitions.

Scale S (a whole number) is S copies of the scale-1 national dataset (``national/generate.py``,
seed 20240 + copy), each copy's communes renamed ``<id>-c<copy>`` under the same 34 provinces: S ×
3 321 communes, S × ~1.43 M observations, written as ``--files-per-copy`` Parquet files a copy, one
copy in memory at a time. Each job runs in a fresh subprocess:

* ``memory``: ``pandas.read_parquet`` of every file, then ``chitieu.evaluate`` (the whole table in
  one process);
* ``dask``: a ``LocalCluster`` of ``--workers`` worker processes (one thread each) on
  ``dask.dataframe.read_parquet`` (one partition a file), the rows written back as Parquet by the
  workers and the findings gathered (nothing else on the client); ``--writer chitieu`` (default):
  ``chitieu.dask.review_to_parquet`` (each partition's task evaluates and writes its rows),
  ``--writer dask``: ``chitieu.dask.review(...).rows.to_parquet`` (dask's writes, separate tasks), the
  review built with ``dataframe.shuffle.method`` ``p2p`` (chitieu shuffles a lazy result by tasks unless
  told; ``review_to_parquet`` computed at once on the client shuffles peer to peer itself).

Reported per job: wall time, the client's peak resident memory and (Dask) each worker's, from
``getrusage(RUSAGE_SELF).ru_maxrss`` (the whole life of the process). The data are synthetic.

Usage: ``python bench/dask_national.py --scales 1,10 [--workers 2] [--memory-up-to 10] [--worker-memory 0]``
(data and ``dask-results.json`` under ``bench/national/data/``).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
NATIONAL = os.path.join(HERE, "national")
PLAN = os.path.join(NATIONAL, "national-plan.toml")
DATA = os.path.join(NATIONAL, "data")


def write_partitions(scale: int, files_per_copy: int, out_dir: str) -> str:
    """Write the observations of ``scale`` copies as Parquet files and ``areas.csv``; returns out_dir."""
    sys.path.insert(0, NATIONAL)
    import numpy as np
    import pandas as pd
    from generate import generate

    obs_dir = os.path.join(out_dir, "obs")
    if os.path.isfile(os.path.join(out_dir, "areas.csv")):
        return out_dir
    os.makedirs(obs_dir, exist_ok=True)
    areas: List[pd.DataFrame] = []
    for copy in range(scale):
        obs, table = generate(1.0, seed=20240 + copy)
        suffix = f"-c{copy:02d}"
        communes = table[table["level"] == "xã"].copy()
        communes[["id", "code", "name"]] = communes[["id", "code", "name"]] + suffix
        areas.append(table[table["level"] != "xã"] if copy == 0 else table.iloc[:0])
        areas.append(communes)
        obs["area"] = obs["area"] + suffix
        for part, rows in enumerate(np.array_split(np.arange(len(obs)), files_per_copy)):
            obs.iloc[rows].to_parquet(os.path.join(obs_dir, f"copy{copy:02d}-{part:02d}.parquet"), index=False)
    pd.concat(areas, ignore_index=True).to_csv(os.path.join(out_dir, "areas.csv"), index=False)
    return out_dir


_MEMORY_JOB = """
import json, resource, sys, time, pandas as pd, chitieu
t = time.perf_counter()
obs = pd.read_parquet(sys.argv[1] + "/obs")
ev = chitieu.evaluate(sys.argv[2], obs, areas=sys.argv[1] + "/areas.csv")
rows = len(ev.to_frame())
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows, "findings": len(ev.findings),
                  "client_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_DASK_JOB = """
import json, resource, shutil, sys, time
import dask
import dask.dataframe as dd
from distributed import Client, LocalCluster
import chitieu.dask

def peak():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

if __name__ == "__main__":
    data, plan, workers, out, limit, writer = sys.argv[1:7]
    shutil.rmtree(out, ignore_errors=True)
    with LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True, dashboard_address=":0",
                      memory_limit=limit) as cluster, Client(cluster) as client:
        t = time.perf_counter()
        obs = dd.read_parquet(data + "/obs")
        if writer == "chitieu":
            findings = chitieu.dask.review_to_parquet(plan, obs, out + "/rows-*.parquet",
                                                      areas=data + "/areas.csv").findings
        else:
            with dask.config.set({"dataframe.shuffle.method": "p2p"}):  # a lazy result shuffles by tasks unless told
                result = chitieu.dask.review(plan, obs, areas=data + "/areas.csv")
            written = result.rows.to_parquet(out, write_index=False, compute=False)
            findings = dask.compute(written, result.findings)[1]
        seconds = time.perf_counter() - t
        n = len(dd.read_parquet(out))
        workers_peak = sorted(client.run(peak).values())
    print(json.dumps({"seconds": seconds, "rows": n, "findings": len(findings), "partitions": obs.npartitions,
                      "client_peak_mib": peak(), "worker_peak_mib": workers_peak}))
"""


def run_job(kind: str, data: str, workers: int, p2p_buffer: str, worker_memory: str, writer: str) -> Dict[str, Any]:
    """One job in a fresh Python process; the figures it printed (JSON, its last line). ``p2p_buffer``: the
    memory each Dask worker may fill with shuffle data before it writes them to disk; ``worker_memory``: each
    worker's memory limit (above 60 % of it, finished partitions waiting for a later task go to disk; 0: none);
    ``writer``: who writes the rows (``chitieu``: the evaluating tasks, ``dask``: ``to_parquet``'s tasks)."""
    if kind == "memory":
        args = [sys.executable, "-c", _MEMORY_JOB, data, PLAN]
    else:
        args = [sys.executable, "-c", _DASK_JOB, data, PLAN, str(workers), os.path.join(data, "rows"), worker_memory,
                writer]
    start = time.perf_counter()
    # The workers inherit these: the shuffle's buffer; near its memory limit a worker spills what it holds to
    # disk but is neither paused (a worker paused by memory it cannot spill would wait for ever) nor killed.
    env = dict(os.environ, DASK_DISTRIBUTED__P2P__COMM__BUFFER=p2p_buffer,
               DASK_DISTRIBUTED__WORKER__MEMORY__PAUSE="False", DASK_DISTRIBUTED__WORKER__MEMORY__TERMINATE="False")
    proc = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} job on {data} failed:\n{proc.stderr[-3000:]}")
    result: Dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - start
    return result


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scales", default="1,10", help="comma-separated whole numbers of national copies")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--files-per-copy", type=int, default=4)
    ap.add_argument("--memory-up-to", type=int, default=10, help="skip the in-memory job above this scale")
    ap.add_argument("--p2p-buffer", default="256 MiB", help="distributed.p2p.comm.buffer of each worker")
    ap.add_argument("--worker-memory", default="1.25 GiB", help="each worker's memory limit (it spills above 60 %%)")
    ap.add_argument("--writer", choices=("chitieu", "dask"), default="chitieu",
                    help="chitieu: review_to_parquet (a partition's task writes its rows); "
                         "dask: review().rows.to_parquet")
    args = ap.parse_args(argv)
    results = []
    for scale in (int(s) for s in args.scales.split(",")):
        data = write_partitions(scale, args.files_per_copy, os.path.join(DATA, f"dask-x{scale}"))
        settings = (args.workers, args.p2p_buffer, args.worker_memory, args.writer)
        entry: Dict[str, Any] = {"scale": scale, "dask": run_job("dask", data, *settings)}
        if scale <= args.memory_up_to:
            entry["memory"] = run_job("memory", data, *settings)
        entry.update(p2p_buffer=args.p2p_buffer, worker_memory=args.worker_memory, writer=args.writer)
        print(json.dumps(entry), flush=True)
        results.append(entry)
    with open(os.path.join(DATA, "dask-results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

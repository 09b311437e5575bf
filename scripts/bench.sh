#!/usr/bin/env bash
# The national benchmark in one command: set up (.venv with chitieu and duckdb), build the C++
# benchmarks (preset "bench", Release), then run bench/national/run.py. Extra arguments go to
# run.py, e.g.  scripts/bench.sh --scales 0.1,1 --runs 5   or   scripts/bench.sh --skip-pandas-above 1
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
cmake --preset bench >/dev/null
cmake --build --preset bench -j "${CHITIEU_BENCH_JOBS:-2}"
exec .venv/bin/python bench/national/run.py "$@"

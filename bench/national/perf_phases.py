"""Where a C++ review's CPU time goes, phase by phase and thread by thread, from a ``perf`` profile.

Reads the text of ``perf script -F tid,ip,sym`` (call stacks recorded with ``--call-graph fp``)
and counts each sample once, under the first phase of :data:`PHASES` found in its stack (else
under its leaf function), on the process's first thread (the caller of ``review()``) or on the
threads it starts. A phase with many samples on the first thread and none on the others runs on
one core.

Usage (a build with frame pointers, the 1× data)::

    cmake -S . -B /tmp/benchfp -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHITIEU_BUILD_BENCH=ON \\
        -DCHITIEU_BUILD_TESTS=OFF -DCHITIEU_BUILD_DOCS=OFF -DCHITIEU_BUILD_PYTHON=OFF \\
        -DCMAKE_CXX_FLAGS="-g -fno-omit-frame-pointer"
    cmake --build /tmp/benchfp --target bench_national
    D=bench/national/data/x1
    perf record -e cpu-clock -F 4000 --call-graph fp -o /tmp/review.perf \\
        /tmp/benchfp/bench/bench_national bench/national/national-plan.toml \\
        $D/observations.csv $D/areas.csv 15 2 review
    perf script -i /tmp/review.perf -F tid,ip,sym > /tmp/review.txt
    python bench/national/perf_phases.py /tmp/review.txt

Only samples in chitieu's code count, without reading the files and the floor pass
(``--keep-setup`` counts every sample).
"""
from __future__ import annotations

import argparse
import collections
from typing import Counter, Iterator, List, Tuple

#: The review's phases, as function names in a stack; a stack counts under the first one it
#: contains (the more specific names first).
PHASES = [
    "series_evaluator", "evaluate_in_place", "size_computed_columns", "sort_columns",
    "index_by_series_counts", "index_panel_and_series_starts", "rules_of_codes", "complete_values",
    "add_rows", "roll_up_copy", "roll_up_partial_on", "observation_area_problems", "duplicate_rows",
    "observation_problems", "complete_checking", "rolls_up_as_given", "value_range",
    "chitieu::evaluate", "chitieu::roll_up", "chitieu::review",
]

#: Functions of the benchmark's own setup and floor pass.
SETUP = ("read_observations", "read_areas", "floor_pass")


def samples(path: str) -> Iterator[Tuple[str, List[str]]]:
    """Each sample of a ``perf script -F tid,ip,sym`` text: its thread id and its stack's
    function names, leaf first."""
    tid, stack = None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                if tid is not None:
                    yield tid, stack
                tid, stack = None, []
            elif line.startswith("\t") and tid is not None:
                parts = line.strip().split(" ", 1)
                stack.append(parts[1] if len(parts) > 1 else parts[0])
            else:
                tid, stack = line.split()[0], []
    if tid is not None:
        yield tid, stack


def phase_counts(path: str, keep_setup: bool = False) -> Tuple[Counter, Counter]:
    """Samples by phase (:data:`PHASES`, else the leaf function) on the process's first thread
    and on the other threads; only samples in chitieu's code outside :data:`SETUP` unless
    `keep_setup`."""
    first: Counter = collections.Counter()
    others: Counter = collections.Counter()
    main_tid = None
    for tid, stack in samples(path):
        main_tid = main_tid or tid  # perf writes the process's first sample first: its first thread
        joined = " | ".join(stack)
        if not keep_setup and ("chitieu::" not in joined or any(s in joined for s in SETUP)):
            continue
        phase = next((p for p in PHASES if p in joined), stack[0] if stack else "?")
        (first if tid == main_tid else others)[phase] += 1
    return first, others


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("script", help="the output of perf script -F tid,ip,sym")
    ap.add_argument("--keep-setup", action="store_true", help="count every sample")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    try:
        first, others = phase_counts(a.script, a.keep_setup)
    except OSError as exc:
        raise SystemExit(
            f"perf_phases: {a.script}: {exc.strerror}; give the output of perf script -F tid,ip,sym") from None
    total = sum(first.values()) + sum(others.values())
    if total == 0:
        raise SystemExit(f"perf_phases: {a.script}: no samples; give the output of perf script -F tid,ip,sym")
    print(f"{total:,} samples; first thread {sum(first.values()):,}, the others {sum(others.values()):,}")
    print(f"{'phase':45s} {'% of all':>8s} {'first thread':>13s} {'others':>8s}")
    for phase in sorted(set(first) | set(others), key=lambda p: -(first[p] + others[p]))[:a.top]:
        n = first[phase] + others[phase]
        print(f"{phase[:45]:45s} {100 * n / total:8.1f} {first[phase]:13,d} {others[phase]:8,d}")


if __name__ == "__main__":
    main()

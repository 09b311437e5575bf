#!/usr/bin/env bash
# Runs the libFuzzer targets side by side, each for a bounded time, and fails on any crash, leak,
# sanitizer report or timeout. Usage: tests/fuzz/run_fuzzers.sh [BUILD_DIR=build/fuzz] [SECONDS_PER_TARGET=60]
# Build first: cmake --preset fuzz && cmake --build --preset fuzz
# The targets share the machine's cores (three targets on two cores: each gets two thirds of a
# core for its SECONDS); run one alone for a deeper search. The seed corpus
# (tests/fuzz/corpus/<target>) is only read; new inputs go to a scratch corpus in
# BUILD_DIR/fuzz-work/<target>, and a crashing input to BUILD_DIR/fuzz-work/<target>/crash-*:
# turn it into a test in tests/cpp/test_regressions.cpp and add it to the seed corpus.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-build/fuzz}"
seconds="${2:-60}"
targets=(phrase plan csv)
for target in "${targets[@]}"; do
  if [ ! -x "$build/tests/fuzz/fuzz_$target" ]; then
    echo "run_fuzzers: $build/tests/fuzz/fuzz_$target not found; build it with: cmake --preset fuzz && cmake --build --preset fuzz"
    exit 2
  fi
done

# fuzz TARGET: one target for $seconds, its output in BUILD_DIR/fuzz-work/TARGET/log.txt.
fuzz() {
  local target="$1" work="$build/fuzz-work/$1" max_len=256
  [ "$target" = plan ] && max_len=8192
  [ "$target" = csv ] && max_len=4096
  rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="$max_len" -dict="$here/$target.dict" -artifact_prefix="$work/artifacts/" \
      -print_final_stats=1 "$work/corpus" "$here/corpus/$target" >"$work/log.txt" 2>&1
}

echo "==> fuzz_${targets[0]}, fuzz_${targets[1]} and fuzz_${targets[2]} side by side, ${seconds}s each"
pids=()
for target in "${targets[@]}"; do
  fuzz "$target" &
  pids+=("$!")
done
status=0
for i in "${!targets[@]}"; do
  target="${targets[$i]}"
  work="$build/fuzz-work/$target"
  if ! wait "${pids[$i]}"; then
    status=1
    echo "run_fuzzers: fuzz_$target FAILED; log: $work/log.txt; inputs: $work/artifacts/"
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$work/log.txt" | head -20 || true
  else
    echo -n "fuzz_$target: "
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$work/log.txt" | tr '\n' ' '
    echo
  fi
done
exit "$status"

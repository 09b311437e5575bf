#!/usr/bin/env bash
# Sets everything up, then runs every test: C++ (CTest, with the find_package consumer), the docs
# build (Doxygen, warnings are errors), the C++ tests again under ASan + UBSan, the thread tests
# under TSan, the libFuzzer targets for a bounded time under ASan + UBSan, stubtest on the Python
# module's stubs, ruff and clang-format, pytest, and the downstream example projects (the C++ one through CTest)
# against the installed package.
# FUZZ_SECONDS (default 60) sets the time per fuzz target (the three run side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

step() { echo; echo "==> $* ($(( $(date +%s) - start ))s)"; }

step "C++ build and tests (preset ci: Release, -Werror)"
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci

step "API documentation (Doxygen, warnings as errors)"
cmake --build --preset ci --target docs

step "C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan

step "C++ thread tests under ThreadSanitizer"
cmake --preset tsan >/dev/null
cmake --build --preset tsan
ctest --preset tsan

step "Fuzzing the phrase parser, the plan loader and the CSV readers (libFuzzer, ASan + UBSan)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
tests/fuzz/run_fuzzers.sh build/fuzz "${FUZZ_SECONDS:-60}"

step "Python stubs: stubtest checks python/chitieu/_core.pyi against the built module"
python -m mypy.stubtest chitieu._core --allowlist tests/python/stubtest_allowlist.txt

step "Style: ruff check (the rules of pyproject.toml) and clang-format (.clang-format) on every C++ file"
ruff check
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

step "Python tests (pytest-xdist: one worker per core, at most 4)"
python -m pytest -q -n auto --maxprocesses 4

step "The downstream Python package (examples/downstream-python) against the installed chitieu"
python -m pytest -q examples/downstream-python

step "all tests passed in $(( $(date +%s) - start ))s"

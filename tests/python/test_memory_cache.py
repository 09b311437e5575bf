"""The memory cache (chitieu.memory): the large columns of results Python frees serve the next
job's new columns; results into that reused (stale) memory equal fresh ones; memory still viewed
by a frame is never cached; the limit and release_memory() free it."""
from __future__ import annotations

import gc
import os
import sys
from typing import Iterator

import pytest

import chitieu
from chitieu import _core, frames, io

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench", "national")
sys.path.insert(0, BENCH)

import check  # noqa: E402
import generate  # noqa: E402

from evaluation_memory import number_column_addresses  # noqa: E402

PLAN = os.path.join(BENCH, "national-plan.toml")
MIB = 2**20


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    obs, areas = generate.generate(0.4, seed=11)  # 570 511 rows: columns of doubles of 4.4 MiB
    return obs, areas


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache of 1 GiB; the limit is restored after it."""
    gc.collect()
    previous = chitieu.set_memory_cache_limit(1024 * MIB)
    chitieu.release_memory()
    yield
    gc.collect()
    chitieu.release_memory()
    chitieu.set_memory_cache_limit(previous)


def test_a_freed_evaluation_serves_the_next_one_which_equals_a_fresh_one(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    later = obs.assign(value=obs["value"] * 1.01)
    chitieu.set_memory_cache_limit(0)
    fresh = chitieu.evaluate(plan, later, areas=areas).to_frame(copy=True)
    chitieu.set_memory_cache_limit(1024 * MIB)
    first = chitieu.evaluate(plan, obs, areas=areas)
    rows = len(first.core)
    old = number_column_addresses(first.core)
    frame = first.to_frame()
    del first, frame
    gc.collect()
    held = chitieu.memory_cache_bytes()
    assert held >= 9 * rows * 8  # the nine columns of doubles, at least
    again = chitieu.evaluate(plan, later, areas=areas)
    assert chitieu.memory_cache_bytes() < held
    assert old & number_column_addresses(again.core)  # written into the freed evaluation's memory
    assert check.evaluation_differences(again.to_frame(), fresh) == []


def test_memory_a_frame_still_views_is_not_cached(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    frame = chitieu.evaluate(plan, obs, areas=areas).to_frame()  # shares the evaluation's memory
    kept = frame.copy(deep=True)
    gc.collect()
    assert chitieu.memory_cache_bytes() == len(frame) * 8  # the index's row order only: no column it views
    chitieu.evaluate(plan, obs.assign(value=obs["value"] * 2.0), areas=areas).to_frame()
    gc.collect()
    assert check.evaluation_differences(frame, kept) == []  # untouched by the second job
    del frame
    gc.collect()
    assert chitieu.memory_cache_bytes() > 0


def test_a_freed_roll_up_panel_is_cached(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    panel = frames.panel_from_table(io.read_observations(obs))
    _core.complete_values(plan, panel)
    rows, _ = _core.roll_up(plan, panel, frames.areas_from_table(io.read_areas(areas)))
    size = len(rows)
    del rows
    gc.collect()
    assert chitieu.memory_cache_bytes() >= 6 * size * 8  # value, numerator, ..., coverage
    assert chitieu.release_memory() >= 6 * size * 8
    assert chitieu.memory_cache_bytes() == 0


def test_the_limit_turns_the_cache_off_and_is_checked(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    assert chitieu.set_memory_cache_limit(0) == 1024 * MIB
    assert chitieu.memory_cache_limit() == 0
    chitieu.evaluate(plan, obs, areas=areas).to_frame()
    gc.collect()
    assert chitieu.memory_cache_bytes() == 0
    with pytest.raises(chitieu.ChitieuError, match="negative") as info:
        chitieu.set_memory_cache_limit(-1)
    assert info.value.field == "limit"
    for bad in (1.5, True, "1000"):
        with pytest.raises(TypeError, match="whole number of bytes"):
            chitieu.set_memory_cache_limit(bad)  # type: ignore[arg-type]
    assert chitieu.memory_cache_limit() == 0


def test_codes_made_for_frames_come_from_the_cache_and_go_back_to_it() -> None:
    # renumber_codes (a frame's sorted categories), text_codes (Arrow ids) and the status and pace
    # codes of Evaluation.columns() write numpy arrays on the cache's columns: freed, an array's
    # column is cached; made again, the array takes it back instead of fresh pages.
    import numpy as np
    import pyarrow as pa

    codes = np.arange(1_200_000, dtype=np.int32) % 40_000  # int32 codes (40 000 categories): 4.6 MiB
    rank = np.arange(40_000, dtype=np.int32)[::-1].copy()
    first = _core.renumber_codes(codes, rank)
    assert first.dtype == np.int32 and first.nbytes >= 4 * MIB
    assert chitieu.memory_cache_bytes() == 0
    address = first.ctypes.data
    del first
    gc.collect()
    assert chitieu.memory_cache_bytes() == 1_200_000 * 4
    again = _core.renumber_codes(codes, rank)
    assert again.ctypes.data == address and chitieu.memory_cache_bytes() == 0
    assert np.array_equal(again, rank[codes])  # the stale memory fully overwritten
    del again
    texts = pa.chunked_array([pa.array([f"a{i % 7}" for i in range(1_200_000)])])
    gc.collect()
    assert chitieu.memory_cache_bytes() == 1_200_000 * 4
    arrow_codes, ids = _core.text_codes([chunk.__arrow_c_array__() for chunk in texts.chunks])
    # Numbered into the cached int32 column, then narrowed to pandas' int8 (7 ids): the int32
    # column is back in the cache (a fresh one would have been cached beside it: twice the bytes).
    assert arrow_codes.dtype == np.int8 and ids == [f"a{i}" for i in range(7)]
    assert chitieu.memory_cache_bytes() == 1_200_000 * 4
    assert np.array_equal(arrow_codes, np.arange(1_200_000) % 7)

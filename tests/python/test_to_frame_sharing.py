"""Evaluation.to_frame() without a copy: the frame shares the evaluation's memory, and pandas'
copy-on-write keeps the two apart.

The frame must be the caller's (a write changes neither the evaluation nor another frame of it),
writeable after the evaluation is gone, equal to a deep copy, and recycling must neither change
it nor be refused because of it."""
from __future__ import annotations

import gc
import os
import sys

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import evaluation as evaluation_module

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench", "national")
sys.path.insert(0, BENCH)

import generate  # noqa: E402

PLAN = os.path.join(BENCH, "national-plan.toml")

pytestmark = pytest.mark.skipif(not evaluation_module._copy_on_write(), reason="needs pandas' copy-on-write")


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    obs, areas = generate.generate(0.01, seed=5)
    return chitieu.load_plan(PLAN), obs, areas


def _core_value(ev: chitieu.Evaluation) -> np.ndarray:  # type: ignore[type-arg]
    return np.array(ev.core.columns()["value"])


def test_the_frame_shares_the_evaluation_memory_and_equals_a_copy(data) -> None:  # type: ignore[no-untyped-def]
    plan, obs, areas = data
    ev = chitieu.evaluate(plan, obs, areas=areas)
    shared, copied = ev.to_frame(), ev.to_frame(copy=True)
    pd.testing.assert_frame_equal(shared, copied)
    assert shared.attrs == copied.attrs == {"method": "chitieu", "geography": None}
    view = ev.core.columns()["p_meet"]
    assert np.shares_memory(shared["p_meet"].to_numpy(), view)
    assert not np.shares_memory(copied["p_meet"].to_numpy(), view)
    assert ev.core.shared  # the frames' writeable views
    assert ev.core.viewed  # the test's own read-only view


def test_a_write_changes_neither_the_evaluation_nor_another_frame(data) -> None:  # type: ignore[no-untyped-def]
    plan, obs, areas = data
    ev = chitieu.evaluate(plan, obs, areas=areas)
    before = _core_value(ev)
    first, second = ev.to_frame(), ev.to_frame()
    first.loc[first.index[0], "value"] = -1.0
    first.iloc[1, first.columns.get_loc("margin")] = 123.0
    first["p_meet"] *= 0.5
    assert first["value"].iloc[0] == -1.0 and first["margin"].iloc[1] == 123.0
    np.testing.assert_array_equal(_core_value(ev), before)  # NaN compare equal here
    pd.testing.assert_frame_equal(second, ev.to_frame(copy=True))
    pd.testing.assert_frame_equal(ev.to_frame(), ev.to_frame(copy=True))
    assert ev.summary().equals(chitieu.evaluate(plan, obs, areas=areas).summary())


def test_the_frame_stays_writeable_once_the_evaluation_is_gone(data) -> None:  # type: ignore[no-untyped-def]
    plan, obs, areas = data
    frame = chitieu.evaluate(plan, obs, areas=areas).to_frame()  # the evaluation is dropped at once
    gc.collect()
    expected = frame["value"].to_numpy().copy()
    frame.loc[frame.index[:3], "value"] = [1.0, 2.0, 3.0]
    part = frame.iloc[10:20]
    part.loc[part.index[0], "value"] = 99.0  # a frame derived from it is apart from it
    assert part["value"].iloc[0] == 99.0
    np.testing.assert_array_equal(frame["value"].to_numpy()[:3], [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(frame["value"].to_numpy()[3:], expected[3:])


def test_recycling_under_a_shared_frame_takes_fresh_memory(data) -> None:  # type: ignore[no-untyped-def]
    plan, obs, areas = data
    first = chitieu.evaluate(plan, obs, areas=areas)
    kept = first.to_frame()
    expected = kept.copy(deep=True)
    later = obs.assign(value=obs["value"] * 1.01)
    again = chitieu.evaluate(plan, later, areas=areas, recycle=first)
    assert len(first.to_frame()) == 0  # given away, left empty
    pd.testing.assert_frame_equal(kept, expected)  # the frame keeps its memory and its values
    pd.testing.assert_frame_equal(again.to_frame(), chitieu.evaluate(plan, later, areas=areas).to_frame())
    kept.loc[kept.index[0], "value"] = -5.0  # the memory is the frame's alone now: written in place
    assert kept["value"].iloc[0] == -5.0


def test_without_copy_on_write_the_frame_is_a_copy(data, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plan, obs, areas = data
    monkeypatch.setattr(evaluation_module, "_copy_on_write", lambda: False)
    ev = chitieu.evaluate(plan, obs, areas=areas)
    frame = ev.to_frame()
    assert not np.shares_memory(frame["value"].to_numpy(), ev.core.columns()["value"])
    assert not ev.core.shared
    pd.testing.assert_frame_equal(frame, ev.to_frame(copy=True))

"""Evaluations into memory the caller owns: chitieu.evaluate(recycle=...) and _core.evaluate_into.

The result must be the fresh evaluation's, the earlier evaluation's memory must be reused, and an
evaluation whose memory numpy arrays still view must be refused (refilling it would
change or free that memory under them)."""
from __future__ import annotations

import gc
import os
import sys

import numpy as np
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


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    obs, areas = generate.generate(0.01, seed=11)
    return obs, areas


def test_recycled_evaluation_equals_a_fresh_one_and_reuses_its_memory(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    first = chitieu.evaluate(plan, obs, areas=areas)
    old = number_column_addresses(first.core)  # the arrays are gone again: no lease left
    later = obs.assign(value=obs["value"] * 1.01)
    fresh = chitieu.evaluate(plan, later, areas=areas).to_frame()
    again = chitieu.evaluate(plan, later, areas=areas, recycle=first)
    assert len(first.to_frame()) == 0  # given away, left empty
    assert check.evaluation_differences(again.to_frame(), fresh) == []
    assert len(old & number_column_addresses(again.core)) >= 3  # computed columns written into the old memory


def test_an_evaluation_still_viewed_is_refused(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    first = chitieu.evaluate(plan, obs, areas=areas)
    copy = first.to_frame(copy=True)  # a copy: does not hold the evaluation's memory
    values = first.core.columns()["value"]  # a view: does
    with pytest.raises(chitieu.ChitieuError, match="still in use") as info:
        chitieu.evaluate(plan, obs, areas=areas, recycle=first)
    assert info.value.field == "recycle"
    assert np.array_equal(values, copy["value"].to_numpy(), equal_nan=True)  # the viewed memory is untouched
    del values
    assert len(chitieu.evaluate(plan, obs, areas=areas, recycle=first).to_frame()) == len(copy)


def test_core_evaluate_into_refills_and_refuses_while_viewed(data) -> None:  # type: ignore[no-untyped-def]
    obs, _ = data
    plan = chitieu.load_plan(PLAN)
    panel = frames.panel_from_table(io.read_observations(obs))
    _core.complete_values(plan, panel)
    out = _core.evaluate(plan, panel)
    expected = frames.evaluation_frame(_core.evaluate(plan, panel))
    old = number_column_addresses(out)
    _core.evaluate_into(plan, panel, out)
    assert number_column_addresses(out) == old  # every number column reused in place
    assert check.evaluation_differences(frames.evaluation_frame(out), expected) == []
    held = out.columns()["p_meet"]
    assert out.viewed
    with pytest.raises(ValueError, match="still viewed"):
        _core.evaluate_into(plan, panel, out)
    del held
    gc.collect()  # the frames compared above may sit in a reference cycle
    assert not out.viewed
    _core.evaluate_into(plan, panel, out)

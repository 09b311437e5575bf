"""Assertions for tests of code built on chitieu, in the style of :mod:`pandas.testing`.

::

    from chitieu.testing import assert_status, assert_pace, assert_evaluation_equal

    assert_status(ev, "trained_labour", "la-gi", 2024, "met")
    assert_pace(ev, "trained_labour", "la-gi", 2024, "on_track")
    assert_evaluation_equal(ev, expected_frame, rtol=1e-9)

Each raises :class:`AssertionError` whose message shows what a reader needs to
see why: the row (value, assessed, target phrase, margin, coverage, pace,
p_meet) or the differing rows as a small table. The pytest plugin
(:mod:`chitieu.testing.plugin`, registered by entry point) adds fixtures and
snapshot testing; docs/testing.md describes both.
"""
from __future__ import annotations

from chitieu.testing.asserts import (
    KEY_COLUMNS,
    assert_evaluation_equal,
    assert_pace,
    assert_status,
    evaluation_rows,
    find_row,
)
from chitieu.testing.snapshot import read_snapshot, write_snapshot

__all__ = [
    "KEY_COLUMNS",
    "assert_evaluation_equal",
    "assert_pace",
    "assert_status",
    "evaluation_rows",
    "find_row",
    "read_snapshot",
    "write_snapshot",
]

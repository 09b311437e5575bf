"""lagi_review's tests, written with chitieu.testing and the chitieu pytest plugin."""
from __future__ import annotations

import pandas as pd
import pytest
from lagi_review import LAGGING_PACES, lagging, town_rows

import chitieu
from chitieu.testing import assert_evaluation_equal, assert_pace, assert_status


def test_every_lagging_row_is_not_met_and_slow(chitieu_la_gi):
    year = int(town_rows(chitieu_la_gi.evaluation)["year"].max())
    found = lagging(chitieu_la_gi.evaluation, year)
    assert len(found) > 0
    for row in found.itertuples():
        assert_status(chitieu_la_gi.evaluation, row.indicator, row.area, year, "not_met")
        assert_pace(chitieu_la_gi.evaluation, row.indicator, row.area, year, row.pace)
        assert row.pace in LAGGING_PACES


def test_a_target_reached_is_not_lagging(chitieu_plan):
    obs = pd.DataFrame({"indicator": "trained_labour", "area": "la-gi", "year": [2022, 2023, 2024],
                        "value": [72.0, 76.0, 81.0]})
    ev = chitieu.evaluate(chitieu_plan, obs)
    assert_status(ev, "trained_labour", "la-gi", 2024, "met")
    assert_pace(ev, "trained_labour", "la-gi", 2024, "achieved")
    assert lagging(ev, 2024).empty


@pytest.mark.chitieu_plan("la-gi-2024")
def test_frames_and_files_give_one_evaluation(chitieu_plan, chitieu_la_gi):
    from_frame = chitieu.evaluate(chitieu_plan, pd.read_csv(chitieu_la_gi.observations, comment="#",
                                                           dtype={"area": str}),
                                  areas=chitieu_la_gi.areas)
    assert_evaluation_equal(from_frame, chitieu_la_gi.evaluation, rtol=0.0)


def test_town_snapshot(chitieu_la_gi, chitieu_snapshot):
    chitieu_snapshot(town_rows(chitieu_la_gi.evaluation))

"""Which of a plan's targets lag behind in a town: not met and not moving fast enough."""
from __future__ import annotations

from typing import Optional

import pandas as pd

import chitieu

__all__ = ["LAGGING_PACES", "lagging", "town_rows"]

#: Pace classes (chitieu method) of a target that will not be met at the current speed.
LAGGING_PACES = ("stagnating", "regressing", "moderate")


def town_rows(ev: chitieu.Evaluation, area: Optional[str] = None) -> pd.DataFrame:
    """The evaluation rows of ``area`` (the plan's own area by default)."""
    frame = ev.to_frame()
    return frame[frame["area"] == (area or ev.plan.area)].reset_index(drop=True)


def lagging(ev: chitieu.Evaluation, year: int, area: Optional[str] = None) -> pd.DataFrame:
    """The indicators of ``area`` not met in ``year`` whose pace is in :data:`LAGGING_PACES`,
    ordered by pace and indicator."""
    rows = town_rows(ev, area)
    rows = rows[(rows["year"] == year) & (rows["status"] == "not_met") & rows["pace"].isin(LAGGING_PACES)]
    return rows.sort_values(["pace", "indicator"]).reset_index(drop=True)[
        ["indicator", "area", "year", "value", "margin", "pace", "p_meet"]]

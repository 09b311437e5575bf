"""Where an evaluation's memory is: the tests of recycled evaluations and of the memory cache
check that a new result was written into an earlier one's columns."""
from __future__ import annotations

from typing import Set

from chitieu import _core

#: The number columns of an evaluation (its largest).
NUMBER_COLUMNS = ("value", "assessed", "margin", "baseline", "progress", "elapsed", "projected", "p_meet",
                  "coverage")


def number_column_addresses(core: _core.Evaluation) -> Set[int]:
    """The addresses of the first entries of an evaluation's number columns (the views are dropped
    again, so they hold no lease on it)."""
    cols = core.columns()
    return {cols[k].ctypes.data for k in NUMBER_COLUMNS}

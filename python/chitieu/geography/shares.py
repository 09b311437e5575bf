"""Shares given by the user (e.g. by population) in place of a geography's default shares."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from chitieu.errors import AreaError, translate
from chitieu.frames import crosswalk_from_table
from chitieu.io import read_table, require_cells, require_columns
from chitieu.plans import CORE_ERRORS

__all__ = ["SHARE_COLUMNS", "apply_shares"]

#: The columns of a shares table: the old unit, the new unit and the share of the old one that went there.
SHARE_COLUMNS = ("from", "to", "share")


def apply_shares(crosswalk: pd.DataFrame, shares: Any, basis: str, area_table: Any, date: str) -> pd.DataFrame:
    """``crosswalk`` with the links of every ``from`` listed in ``shares`` replaced by the given shares.

    Each row of ``shares`` must be a link the crosswalk already has (a unit
    can only go where the source says it went: an AreaError names the row and
    the successors otherwise); the given shares are then checked by the core
    as a crosswalk of their own (0 < share ≤ 1, each pair once, the shares of
    one unit summing to 1), errors naming the row of ``shares``. The new rows
    carry ``basis``.
    """
    table = read_table(shares, key_columns=("from", "to"), numbers=("share",), error=AreaError, what="shares")
    require_columns(table, SHARE_COLUMNS, AreaError, "shares")
    require_cells(table, list(SHARE_COLUMNS), AreaError)
    given = table.frame = table.frame.loc[:, list(SHARE_COLUMNS)].copy()
    successors = crosswalk.groupby("from", sort=False)["to"].agg(list).to_dict()
    for row, (old, new) in enumerate(zip(given["from"], given["to"])):
        if old not in successors:
            raise AreaError(f"'{old}' is not a unit that the crosswalk links to a successor; list old units "
                            "by their id (the GSO code of a unit valid until the reform)", table.file,
                            table.line(row), "from")
        if new not in successors[old]:
            raise AreaError(f"the source does not record that part of '{old}' went into '{new}'; its successors "
                            f"are {', '.join(successors[old])}", table.file, table.line(row), "to")
    given["date"] = date
    try:  # the core's crosswalk rules, on the given rows alone (so its errors name their rows)
        crosswalk_from_table(table, area_table)
    except CORE_ERRORS as exc:
        raise translate(exc, AreaError, file=table.file, line_of=table.core_line) from None
    given["basis"] = basis
    kept = crosswalk.loc[~np.isin(crosswalk["from"].to_numpy(), given["from"].unique())]
    return pd.concat([kept, given[list(crosswalk.columns)]], ignore_index=True)

"""The hint for the commonest way real Vietnamese data goes wrong before chitieu sees it: official
codes read as numbers (``pandas.read_csv`` without ``dtype=str``, a spreadsheet, a Parquet file of
integers), which drops their leading zeros, so that ``00004`` arrives as ``4``.

chitieu never pads a number back into a code (``1`` and ``01`` are two ids, docs/your-data.md):
the data are still refused, and the error says why when the area table holds the id with
leading zeros.
"""
from __future__ import annotations

from typing import Dict, List, Optional, TypeVar

import pandas as pd

from chitieu.cells import id_texts
from chitieu.errors import ChitieuError
from chitieu.io import Table, text_column

__all__ = ["LostZeros"]

E = TypeVar("E", bound=ChitieuError)


class LostZeros:
    """The ids (``key`` ``"id"``) or codes (``"code"``) of an area table that have leading zeros,
    by the number they become without them; empty unless the observations' ``area`` column
    holds numbers."""

    def __init__(self, obs: Table, areas: Optional[Table], key: str) -> None:
        self._obs = obs
        self._key = key
        self._padded: Dict[str, List[str]] = {}
        column = obs.frame["area"]
        if areas is None or not pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(
                column.dtype):
            return
        for k in sorted(set(text_column(areas, key)), key=len):
            if k.isdigit() and k.startswith("0"):
                self._padded.setdefault(k.lstrip("0"), []).append(k)

    def explain(self, err: E, core_row: Optional[int]) -> E:
        """``err`` (about 1-based row ``core_row`` of the observations) with the hint added when it
        is about the area of that row and the table has that number with leading zeros."""
        if not self._padded or err.field != "area" or core_row is None or not 1 <= core_row <= len(self._obs.frame):
            return err
        shown = id_texts(self._obs.frame["area"].iloc[core_row - 1:core_row])[0]
        padded = [f"'{k}'" for k in self._padded.get(shown, [])]
        if not padded:
            return err
        which = padded[0] if len(padded) == 1 else ", ".join(padded[:-1]) + " and " + padded[-1]
        hint = (f". The column 'area' holds numbers, which have no leading zeros, and the area table has the "
                f"{self._key}{'' if len(padded) == 1 else 's'} {which}: read the file with "
                f"chitieu.read_observations(...), or with pandas.read_csv(..., dtype={{'area': str}})")
        return type(err)(err.message + hint, err.file, err.line, err.field, err.column, err.related_line)

"""Evaluation snapshots: an evaluation kept as a CSV file, to compare later runs against.

A snapshot is the CSV that ``chitieu evaluate --format csv`` writes (the evaluation
columns, empty cells where undefined, floats written so they read back exactly), its
rows sorted by indicator, area and year so that a changed snapshot shows a readable diff.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Union

import pandas as pd

from chitieu.cli_render import evaluation_csv
from chitieu.errors import ChitieuError
from chitieu.frames import EVALUATION_COLUMNS
from chitieu.io import read_table, require_columns
from chitieu.testing.asserts import KEY_COLUMNS, EvaluationLike, evaluation_rows

__all__ = ["read_snapshot", "write_snapshot"]

PathLike = Union[str, os.PathLike[str]]


def write_snapshot(ev: EvaluationLike, path: PathLike) -> Path:
    """Write the rows of ``ev`` to the CSV file ``path`` (its folder made if needed); returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    rows = evaluation_rows(ev).sort_values(list(KEY_COLUMNS), kind="stable")
    target.write_text(evaluation_csv(rows), encoding="utf-8")
    return target


def read_snapshot(path: PathLike) -> pd.DataFrame:
    """A snapshot written by :func:`write_snapshot` as a frame of the evaluation columns.

    Raises :class:`~chitieu.ChitieuError` naming the file, line and column of a cell that
    is not a number, or the first missing column.
    """
    text = ("indicator", "area", "status", "pace")
    numbers = [c for c in EVALUATION_COLUMNS if c not in text]
    table = read_table(path, key_columns=text, numbers=numbers, error=ChitieuError, what="snapshot")
    require_columns(table, list(EVALUATION_COLUMNS), ChitieuError, "snapshots")
    return table.frame

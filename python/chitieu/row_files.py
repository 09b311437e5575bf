"""Evaluation rows written as Parquet files named by a pattern, one file a task (docs/python.md, "Dask").

:func:`chitieu.dask.review_to_parquet` writes each partition's rows where they are evaluated:
the pattern's ``*`` becomes the partition number (0, 1, ...), and the number after the last
partition names the file of the parent areas' rows. The caller checks the target once
(:func:`target`); each task writes its file (:func:`write_rows`) with one schema, so that the
files read back together (``dask.dataframe.read_parquet(pattern)``) whatever rows each holds.
"""
from __future__ import annotations

import glob
import os
from typing import List, Union

import pandas as pd

from chitieu.errors import ChitieuError

__all__ = ["file_name", "target", "write_rows"]


def target(path: Union[str, os.PathLike[str]]) -> str:
    """``path`` (a pattern) checked as the target of a new set of row files: one ``*``, a directory that
    exists or can be made and is writable, and no file matching the pattern yet (their rows would mix with
    these). Makes the directory; returns the pattern as text."""
    pattern = os.fspath(path)
    fix = "e.g. out/rows-*.parquet"
    if pattern.count("*") != 1:
        raise ChitieuError(f"the pattern of the files to write needs exactly one '*', replaced by the partition "
                           f"number; {fix}", file=pattern, field="path")
    directory = os.path.dirname(pattern) or "."
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as exc:
        raise ChitieuError(f"cannot make the directory {directory} ({exc.strerror}); choose a directory you can "
                           f"write, {fix}", file=pattern, field="path") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise ChitieuError(f"the directory {directory} is not writable; choose a directory you can write, {fix}",
                           file=pattern, field="path")
    head, tail = pattern.split("*")
    existing: List[str] = sorted(glob.glob(glob.escape(head) + "*" + glob.escape(tail)))
    if existing:
        more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
        raise ChitieuError(f"{existing[0]}{more} already match the pattern: the files written must hold this "
                           "review's rows only; remove them or choose another pattern", file=pattern, field="path")
    return pattern


def file_name(pattern: str, number: int) -> str:
    """The file of task ``number``: the pattern's ``*`` replaced by the number."""
    return pattern.replace("*", str(number))


def write_rows(rows: pd.DataFrame, meta: pd.DataFrame, path: str) -> None:
    """Write ``rows`` (the columns and dtypes of ``meta``) to the Parquet file ``path``, even when empty."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.Schema.from_pandas(meta, preserve_index=False)
    try:
        pq.write_table(pa.Table.from_pandas(rows, schema=schema, preserve_index=False), path)
    except OSError as exc:
        raise ChitieuError(f"cannot write the rows ({exc}); check the directory is writable from every worker",
                           file=path) from None

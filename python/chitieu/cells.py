"""Columns of any pandas dtype as the ids, years, numbers and dates the core reads.

A statistician's table arrives with whatever dtypes its reader chose: ids as
``int64`` (``594``), nullable ``Int64``, ``float64`` (``60.0`` because a root's
parent is empty), categoricals, ``object``, ``string``, ``string[pyarrow]`` or
pandas 3's ``str``; dates as text, ``datetime64`` with ``NaT``. The functions
here turn each into one canonical form, vectorised (work per distinct value,
never a Python loop over rows), and refuse what would be a guess: ``60.5`` is
not an id, a timestamp with a time of day is not a date (docs/your-data.md).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, List, Tuple

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["CellError", "Codes", "date_texts", "id_codes", "id_texts"]

#: Codes into a dictionary of ids, -1 for an empty cell: int32, or a Categorical's own (int8, int16, int32).
Codes = npt.NDArray[np.signedinteger[Any]]


class CellError(ValueError):
    """A cell that cannot be read: ``row`` is its 0-based position, ``text`` what it holds."""

    def __init__(self, row: int, text: str, why: str) -> None:
        super().__init__(why)
        self.row = row
        self.text = text
        self.why = why


def _id_text(value: Any) -> str:
    """One distinct id value as text: integers and whole floats without a decimal part."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        raise ValueError("a true/false value is not an id")
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if np.isfinite(value) and float(value).is_integer():
            return str(int(value))
        raise ValueError("a number with a fractional part is not an id; write the id as text (e.g. 60, not 60.5)")
    raise ValueError(f"a {type(value).__name__} is not an id; write the id as text")


def _first_row(codes: npt.NDArray[np.integer[Any]], code: int) -> int:
    """The first row whose code is ``code``."""
    return int(np.flatnonzero(codes == code)[0])


def _texts_of_uniques(codes: npt.NDArray[np.integer[Any]], uniques: Any,
                      convert: Callable[[Any], str]) -> List[str]:
    """``convert`` applied to each distinct value; CellError at the first row of a refused one."""
    out: List[str] = []
    for k, value in enumerate(uniques):
        try:
            out.append(convert(value))
        except ValueError as exc:
            raise CellError(_first_row(codes, k), str(value), str(exc)) from None
    return out


def _merge_equal_texts(codes: Codes, texts: List[str]) -> Tuple[Codes, List[str]]:
    """Codes into a dictionary without repeats (``594`` and ``"594"`` in one object column are one id)."""
    if len(set(texts)) == len(texts):
        return codes, texts
    new_codes, uniques = pd.factorize(np.asarray(texts, dtype=object))
    remap = new_codes.astype(np.int32)
    out = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1).astype(np.int32)
    return out, [str(u) for u in uniques]


def id_codes(column: pd.Series[Any]) -> Tuple[Codes, List[str]]:
    """Codes (-1 for an empty cell) and the dictionary of ids, from a column of any dtype.

    A Categorical column gives its own codes, as they are (pandas keeps them in
    int8, int16 or int32 by the number of categories; read-only, no copy); any
    other column's codes are int32. Any other is factorized once by
    pandas on its own dtype (integers and floats hash as numbers, text as text),
    then only the distinct values are turned into text. Raises
    :class:`CellError` at the first row of a value that is no id.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes: Codes = column.array.codes
        uniques: Any = column.cat.categories
    else:
        raw, uniques = pd.factorize(column, sort=False, use_na_sentinel=True)
        codes = raw.astype(np.int32, copy=False)
    if isinstance(uniques, pd.Index) and (uniques.dtype == object or pd.api.types.is_string_dtype(uniques.dtype)):
        values = uniques.to_numpy(dtype=object)
        if uniques.dtype != object or all(isinstance(v, str) for v in values):  # a string dtype holds text only
            return codes, list(values)
        uniques = values
    texts = _texts_of_uniques(codes, uniques, _id_text)
    return _merge_equal_texts(codes, texts)


def id_texts(column: pd.Series[Any]) -> List[str]:
    """A column of ids of any dtype as a list of text, empty cells as ``''`` (small tables: areas)."""
    codes, ids = id_codes(column)
    lookup = np.asarray([*ids, ""], dtype=object)
    out: List[str] = lookup[codes].tolist()  # code -1 picks the trailing ''
    return out


def _date_text(value: Any) -> str:
    """One distinct date value as ISO text."""
    if isinstance(value, str):
        return value
    if isinstance(value, pd.Timestamp):
        if value != value.normalize():
            raise ValueError("a date with a time of day is not a date; give the day only (YYYY-MM-DD)")
        return str(value.date().isoformat())
    if isinstance(value, (_dt.date, np.datetime64)):
        return _date_text(pd.Timestamp(value))
    raise ValueError(f"a {type(value).__name__} is not a date; write it as YYYY-MM-DD")


def date_texts(column: pd.Series[Any]) -> List[str]:
    """A date column of any dtype (text, ``datetime64``, dates) as ISO text, empty or ``NaT`` as ``''``."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = np.asarray(column.cat.codes, dtype=np.int32)
        uniques: Any = list(column.cat.categories)
    else:
        raw, uniques = pd.factorize(column, sort=False, use_na_sentinel=True)
        codes = raw.astype(np.int32, copy=False)
    texts = _texts_of_uniques(codes, list(uniques), _date_text)
    lookup = np.asarray([*texts, ""], dtype=object)
    out: List[str] = lookup[codes].tolist()
    return out

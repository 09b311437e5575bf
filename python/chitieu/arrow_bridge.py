"""Arrow in and out: any object with ``__arrow_c_stream__`` as a table, an evaluation as Arrow.

A pyarrow Table, a polars DataFrame, a DuckDB relation, or anything else that
implements the Arrow PyCapsule stream interface is taken wherever a pandas
DataFrame is. Its columns become a pandas frame without a Python loop over
rows: text columns are dictionary-encoded by the core straight from Arrow's
buffers (``_core.text_codes``: one hash pass in C++, ids in order of first
appearance) and arrive as Categoricals whose codes the core reads directly; number columns
are numpy views of Arrow's buffers when they hold no nulls in one chunk, whole numbers
without nulls one copy, and any other number column stays in Arrow's buffers (an
``ArrowExtensionArray``, no copy): the core reads observations' numbers from there into its
panel, nulls as NaN (:func:`arrow_number_chunks`).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from . import _core
from .errors import ChitieuError

__all__ = ["arrow_from_frame", "arrow_number_chunks", "arrow_text_codes", "as_arrow_table", "frame_from_arrow",
           "is_arrow_numbers", "is_arrow_stream", "text_codes"]


def is_arrow_stream(obj: object) -> bool:
    """True for an object that exports an Arrow stream (and is not already a pandas DataFrame)."""
    return hasattr(obj, "__arrow_c_stream__") and not isinstance(obj, pd.DataFrame)


def as_arrow_table(obj: object) -> pa.Table:
    """The Arrow table behind a stream-exporting object."""
    if isinstance(obj, pa.Table):
        return obj
    if isinstance(obj, pa.RecordBatch):
        return pa.Table.from_batches([obj])
    return pa.RecordBatchReader.from_stream(obj).read_all()


def _is_text(t: pa.DataType) -> bool:
    is_view = getattr(pa.types, "is_string_view", lambda _: False)
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or is_view(t))


def text_codes(data: Any) -> Tuple[npt.NDArray[np.signedinteger[Any]], List[str]]:
    """Codes (-1 for a null) and dictionary of an Arrow text array or chunked array (utf8,
    large_utf8 or utf8_view), numbered in order of first appearance by the core
    (``_core.text_codes``) from the Arrow buffers, every chunk in one dictionary; the codes in
    pandas' own code type for the dictionary's size (int8, int16 or int32), which a Categorical
    takes without a copy."""
    chunks = data.chunks if isinstance(data, pa.ChunkedArray) else [data]
    if not all(hasattr(chunk, "__arrow_c_array__") for chunk in chunks):
        raise ChitieuError(f"text_codes: a {type(data).__name__} is no Arrow array; give a pyarrow Array or "
                           "ChunkedArray of text", field="column")
    return _core.text_codes([chunk.__arrow_c_array__() for chunk in chunks])


def _column(col: pa.ChunkedArray) -> Any:
    """One Arrow column as a pandas-ready array (Categorical for text and dictionaries)."""
    t = col.type
    if _is_text(t):
        codes, ids = text_codes(col)  # valid by construction: taken as they are
        return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(ids), validate=False)
    if pa.types.is_dictionary(t):
        combined = col.unify_dictionaries() if col.num_chunks > 1 else col
        return combined.to_pandas()  # a Categorical over the dictionary: codes, no per-row strings
    if pa.types.is_integer(t) or pa.types.is_floating(t):
        if col.null_count == 0 and col.num_chunks == 1:
            return col.chunk(0).to_numpy(zero_copy_only=True)
        if col.null_count == 0 and pa.types.is_integer(t):
            return col.to_numpy()  # whole numbers stay integers
        if pa.types.is_float16(t):
            return col.to_numpy().astype(np.float64)
        return pd.arrays.ArrowExtensionArray(col)  # Arrow's buffers, nulls as they are (arrow_number_chunks)
    return col.to_pandas()


def is_arrow_numbers(column: pd.Series[Any]) -> bool:
    """True for a column of Arrow-backed integers or floats of 32 or 64 bits (``int64[pyarrow]``,
    what :func:`frame_from_arrow` keeps for a number column with nulls): numbers already, which
    the core reads from Arrow's buffers (:func:`arrow_number_chunks`)."""
    dtype = column.dtype
    if not isinstance(dtype, pd.ArrowDtype):
        return False
    t = dtype.pyarrow_dtype
    return (pa.types.is_integer(t) or pa.types.is_floating(t)) and not pa.types.is_float16(t)


def arrow_number_chunks(column: pd.Series[Any]) -> Optional[List[Tuple[Any, Any]]]:
    """The chunks of a column of Arrow-backed numbers (:func:`is_arrow_numbers`) as the capsule
    pairs of ``__arrow_c_array__()``, which ``_core.make_panel`` reads straight into the panel
    (nulls as NaN); None for any other column."""
    if not is_arrow_numbers(column):
        return None
    return [chunk.__arrow_c_array__() for chunk in column.array.__arrow_array__().chunks]


def arrow_text_codes(column: pd.Series[Any]) -> Optional[Tuple[npt.NDArray[np.signedinteger[Any]], List[str]]]:
    """Codes (-1 for a missing cell; int8, int16 or int32 as :func:`text_codes` gives them) and
    dictionary of a column of Arrow-backed text (pandas' ``str`` dtype with pyarrow,
    ``string[pyarrow]``), numbered by :func:`text_codes` in order of first appearance as
    :func:`pandas.factorize` numbers them; None for any other column."""
    if isinstance(column.dtype, pd.CategoricalDtype) or not pd.api.types.is_string_dtype(column.dtype):
        return None
    if not hasattr(column.array, "__arrow_array__"):
        return None
    data = column.array.__arrow_array__()
    if not _is_text(data.type):
        return None
    return text_codes(data)


def frame_from_arrow(obj: object) -> pd.DataFrame:
    """The columns of an Arrow-stream object as a pandas DataFrame (see the module's notes)."""
    table = as_arrow_table(obj)
    data: Dict[str, Any] = {name: _column(table.column(name)) for name in table.column_names}
    return pd.DataFrame(data, columns=list(table.column_names), copy=False)


def arrow_from_frame(frame: pd.DataFrame) -> pa.Table:
    """A DataFrame of numbers and Categoricals as an Arrow table (numbers shared, Categoricals as dictionaries)."""
    arrays = []
    for name in frame.columns:
        col = frame[name]
        if isinstance(col.dtype, pd.CategoricalDtype):
            codes = np.asarray(col.cat.codes)
            categories = pa.array(np.asarray(col.cat.categories, dtype=object), type=pa.string())
            arrays.append(pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), categories))
        else:
            arrays.append(pa.array(col.to_numpy()))
    return pa.Table.from_arrays(arrays, names=[str(c) for c in frame.columns])

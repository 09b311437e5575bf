"""The pandas ↔ numpy ↔ ``chitieu._core`` bridge.

Strings are factorized once with :func:`pandas.factorize`; every column is
handed to the core as a contiguous numpy array; results come back as numpy
columns and are wrapped without a Python loop over rows.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt
import pandas as pd

from chitieu import _core
from chitieu.arrow_bridge import arrow_number_chunks, arrow_text_codes
from chitieu.cells import CellError, Codes, id_codes
from chitieu.errors import AreaError, ObservationError
from chitieu.io import AREA_COLUMNS, Table, numbers_of, text_column

__all__ = [
    "EVALUATION_COLUMNS",
    "area_columns",
    "areas_from_table",
    "crosswalk_from_table",
    "evaluation_frame",
    "factorize",
    "panel_from_table",
]

#: The columns of an evaluation, in order (docs/evaluation.md).
EVALUATION_COLUMNS = (
    "indicator", "area", "year", "value", "assessed", "status", "margin", "baseline", "progress",
    "elapsed", "pace", "projected", "p_meet", "coverage",
)


def factorize(column: pd.Series[Any]) -> Tuple[Codes, List[str]]:
    """Codes (-1 for a missing id) and the dictionary of ids, from a column of any dtype.

    A Categorical column (also what an Arrow table's text becomes) is taken as
    it is (its codes, int8, int16 or int32 as pandas keeps them, and its
    categories); Arrow-backed text's codes come in the same types, any other
    column's are int32. Arrow-backed text (pandas' ``str`` with
    pyarrow) is dictionary-encoded by Arrow (:func:`chitieu.arrow_bridge.arrow_text_codes`);
    any other is factorized once on its own dtype, in order of first appearance;
    whole numbers are ids without a decimal part (``60.0`` is ``"60"``), see
    :func:`chitieu.cells.id_codes`.
    """
    arrow = arrow_text_codes(column)
    return arrow if arrow is not None else id_codes(column)


def _codes(table: Table, name: str) -> Tuple[Codes, List[str]]:
    """Factorized ids of a required id column; ObservationError at the first empty or unreadable cell."""
    try:
        codes, ids = factorize(table.frame[name])
    except CellError as exc:
        raise table.error(ObservationError, f"'{exc.text}': {exc.why}", exc.row, name) from None
    if len(codes) and codes.min() < 0:  # a reduction: no column of flags unless a cell is empty
        row = int(np.flatnonzero(codes < 0)[0])
        raise table.error(ObservationError, "empty cell; every row needs an indicator and an area id", row, name)
    return codes, ids


#: A number column as ``_core.make_panel`` takes it: contiguous float64 (NaN for missing cells),
#: or the chunks of an Arrow column of numbers (nulls for missing cells), read by the core.
Numbers = Union[npt.NDArray[np.float64], List[Tuple[Any, Any]]]


def _floats(frame: pd.DataFrame, name: str) -> Numbers:
    """Column ``name`` for the core: its Arrow chunks when it is kept in Arrow's buffers
    (:func:`chitieu.arrow_bridge.arrow_number_chunks`), else contiguous float64, NaN for missing cells."""
    chunks = arrow_number_chunks(frame[name])
    if chunks is not None:
        return chunks
    return np.ascontiguousarray(frame[name].to_numpy(dtype=np.float64, na_value=np.nan))


def _optional_floats(frame: pd.DataFrame, name: str) -> Optional[Numbers]:
    """As :func:`_floats`, or None when the frame has no such column (the core takes it as NaN)."""
    return _floats(frame, name) if name in frame.columns else None


def panel_from_table(table: Table, parent_areas: int = 0) -> _core.Panel:
    """The observations of a table (see :func:`chitieu.io.read_observations`) as a core panel.

    ``parent_areas``: the number of areas that are some area's parent, when the panel will be
    rolled up: the core then gives its columns room for the parent rows (see
    ``_core.make_panel``), so that the roll-up appends them without moving the columns.
    """
    f = table.frame
    ind_codes, ind_ids = _codes(table, "indicator")
    area_codes, area_ids = _codes(table, "area")
    return _core.make_panel(
        ind_ids,
        ind_codes,
        area_ids,
        area_codes,
        np.ascontiguousarray(f["year"].to_numpy(dtype=np.int32)),
        _floats(f, "value"),
        numerator=_optional_floats(f, "numerator"),
        denominator=_optional_floats(f, "denominator"),
        weight=_optional_floats(f, "weight"),
        se=_optional_floats(f, "se"),
        parent_areas=parent_areas,
    )


#: The seven columns of an areas table as lists of text.
AreaColumns = Tuple[List[str], List[str], List[str], List[str], List[str], List[str], List[str]]


def area_columns(table: Table) -> AreaColumns:
    """The seven columns of an areas table (see :func:`chitieu.io.read_areas`) as lists of text, in order."""
    ids, codes, names, levels, parents, valid_from, valid_to = (text_column(table, name) for name in AREA_COLUMNS)
    return ids, codes, names, levels, parents, valid_from, valid_to


def areas_from_table(table: Table, columns: Optional[AreaColumns] = None) -> _core.AreaTable:
    """An areas table (see :func:`chitieu.io.read_areas`) as a core area table; ``columns``: its
    :func:`area_columns` when the caller has them already (not read twice)."""
    return _core.AreaTable(
        *(area_columns(table) if columns is None else columns),
        source=table.file,
    )


def crosswalk_from_table(table: Table, areas: _core.AreaTable) -> _core.Crosswalk:
    """A crosswalk (see :func:`chitieu.io.read_crosswalk`) over ``areas``."""
    return _core.Crosswalk(
        text_column(table, "from"),
        text_column(table, "to"),
        numbers_of(table, table.frame["share"], "share", AreaError).tolist(),
        text_column(table, "date"),
        areas,
        source=table.file,
    )


def _categorical(codes: npt.NDArray[np.integer[Any]], names: Sequence[str]) -> pd.Categorical[str]:
    """Codes into ``names`` as a Categorical, the codes taken as they are: they come from the core,
    valid by construction (pandas narrows them to its own code type when they are wider)."""
    return pd.Categorical.from_codes(codes, categories=pd.Index(list(names), dtype="str"), validate=False)


def _sorted_categorical(codes: npt.NDArray[np.int32], ids: Sequence[str]) -> pd.Categorical[str]:
    """Codes into the dictionary ``ids`` as a Categorical whose categories are the ids sorted, so that
    the result does not depend on the order the ids were first met in (nor do sorts on the column).
    The codes are renumbered on the cores into pandas' own code type, on memory the cache reuses."""
    names = np.asarray(ids, dtype=object)
    order = np.argsort(names, kind="stable")
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    return _categorical(_core.renumber_codes(codes, rank), names[order].tolist())


def _copies(columns: Dict[str, Any], names: Sequence[str]) -> Dict[str, Any]:
    """``columns`` with the arrays ``names`` replaced by writeable copies, made on a few threads
    (numpy copies without holding the GIL, so the fresh pages are written on several cores)."""
    with ThreadPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1, 8)) as pool:
        copied = list(pool.map(np.array, [columns[name] for name in names]))
    return {**columns, **dict(zip(names, copied))}


def evaluation_frame(evaluation: _core.Evaluation, copy: bool = False, shared: bool = False) -> pd.DataFrame:
    """The evaluation as a DataFrame with exactly :data:`EVALUATION_COLUMNS`.

    ``indicator`` and ``area`` are Categoricals of the ids (categories sorted;
    they compare equal to strings); ``status`` and ``pace``
    Categoricals whose categories follow the core's enum order; undefined
    numbers are NaN. By default the number columns are the core's own
    memory (no copy), read-only: the frame is for reading. With ``shared`` they
    are the same memory, writeable (``columns(writable=True)``): the frame
    ``Evaluation.to_frame()`` hands out shallow copies of, which pandas'
    copy-on-write keeps apart. With ``copy`` every column is a writeable copy
    the frame alone holds, the copies made on several threads; the evaluation
    is not viewed afterwards.
    """
    cols = evaluation.columns(writable=shared and not copy)
    if copy:  # indicator and area are re-coded below (new arrays): every other array is copied
        cols = _copies(cols, [name for name in EVALUATION_COLUMNS if name not in ("indicator", "area")])
    data = {
        "indicator": _sorted_categorical(cols["indicator"], cols["indicator_ids"]),
        "area": _sorted_categorical(cols["area"], cols["area_ids"]),
        "year": cols["year"],
        "value": cols["value"],
        "assessed": cols["assessed"],
        "status": _categorical(cols["status"], _core.status_names()),
        "margin": cols["margin"],
        "baseline": cols["baseline"],
        "progress": cols["progress"],
        "elapsed": cols["elapsed"],
        "pace": _categorical(cols["pace"], _core.pace_names()),
        "projected": cols["projected"],
        "p_meet": cols["p_meet"],
        "coverage": cols["coverage"],
    }
    return pd.DataFrame(data, columns=list(EVALUATION_COLUMNS), copy=False)

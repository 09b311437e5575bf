"""Arrow number columns read by the core straight into the panel (``_core.make_panel`` given the
chunks of an Arrow column, ``arrow_bridge.arrow_number_chunks``): every integer and float type,
nulls as NaN, chunks with offsets (slices) and empty chunks give what pyarrow's own conversion
gives; a chunk of another type or the wrong length is refused naming the column; the frame
``chitieu.read_observations`` returns still has float64 numbers."""
from __future__ import annotations

import os
import sys

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import _core, arrow_bridge
from chitieu.demo import sample_paths

pa = pytest.importorskip("pyarrow")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench", "national"))

import check  # noqa: E402

TYPES = [pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32(), pa.uint64(),
         pa.float32(), pa.float64()]


def _panel_values(value: object, n: int) -> np.ndarray:  # type: ignore[type-arg]
    """The value column of a one-indicator panel of n rows made from `value`."""
    zeros = np.zeros(n, dtype=np.int32)
    panel = _core.make_panel(["x"], zeros, ["a"], zeros, np.arange(n, dtype=np.int32), value)  # type: ignore[arg-type]
    return np.asarray(panel.columns()["value"])


@pytest.mark.parametrize("arrow_type", TYPES, ids=str)
def test_numbers_with_nulls_in_sliced_chunks_equal_pyarrow(arrow_type) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(7)
    values = [None if k % 7 == 3 else int(v) for k, v in enumerate(rng.integers(0, 100, 30_000))]
    whole = pa.array(values, type=arrow_type)
    chunks = pa.chunked_array([whole.slice(5, 15_000), whole.slice(0, 0), whole.slice(15_005, 14_995),
                               whole.slice(3, 1)], type=arrow_type)
    column = pd.Series(pd.arrays.ArrowExtensionArray(chunks))
    got = _panel_values(arrow_bridge.arrow_number_chunks(column), len(chunks))
    expected = chunks.to_numpy().astype(np.float64)
    assert np.array_equal(got, expected, equal_nan=True)
    assert np.isnan(got[0]) == (values[5] is None) and got[1] == values[6]


def test_extreme_integers_convert_as_numpy_does() -> None:
    column = pd.Series(pd.arrays.ArrowExtensionArray(pa.chunked_array(
        [[np.iinfo(np.int64).min, -1, None], [np.iinfo(np.int64).max]], type=pa.int64())))
    got = _panel_values(arrow_bridge.arrow_number_chunks(column), 4)
    assert got[0] == float(np.iinfo(np.int64).min) and got[1] == -1.0 and np.isnan(got[2])
    assert got[3] == float(np.iinfo(np.int64).max)


def test_only_arrow_backed_number_columns_give_chunks() -> None:
    assert arrow_bridge.arrow_number_chunks(pd.Series([1.0, None])) is None
    assert arrow_bridge.arrow_number_chunks(pd.Series(["a"], dtype=pd.ArrowDtype(pa.string()))) is None
    assert arrow_bridge.arrow_number_chunks(pd.Series([1.5], dtype=pd.ArrowDtype(pa.float16()))) is None


def test_bad_chunks_are_refused_naming_the_column() -> None:
    with pytest.raises(chitieu.ChitieuError, match="format 'tdD' is not numbers") as info:
        _panel_values([pa.array([0, 1], type=pa.date32()).__arrow_c_array__()], 2)
    assert info.value.field == "value"
    with pytest.raises(chitieu.ChitieuError, match="chunk 1 is not the pair of capsules") as info:
        _panel_values([pa.array([1.0]).__arrow_c_array__(), (1, 2)], 2)
    assert info.value.field == "value"
    with pytest.raises(chitieu.ChitieuError, match=r"must have 3 entries .* got 2 in its Arrow chunks") as info:
        _panel_values([pa.array([1.0, 2.0]).__arrow_c_array__()], 3)
    assert info.value.field == "value"


def test_an_arrow_table_with_null_numbers_evaluates_as_its_pandas_frame() -> None:
    plan = chitieu.load_plan("la-gi-2024")
    observations, areas, _ = sample_paths()
    frame = pd.read_csv(observations, comment="#")
    table = pa.Table.from_pandas(frame, preserve_index=False)  # NaN numbers become nulls
    table = pa.concat_tables([table.slice(0, table.num_rows // 2), table.slice(table.num_rows // 2)])
    assert table.column("value").num_chunks == 2 and table.column("numerator").null_count > 0
    from_arrow = chitieu.evaluate(plan, table, areas=areas).to_frame()
    from_pandas = chitieu.evaluate(plan, frame, areas=areas).to_frame()
    assert check.evaluation_differences(from_arrow, from_pandas) == []
    read = chitieu.read_observations(table)
    assert read["numerator"].dtype == np.float64 and read["numerator"].isna().sum() == table.column(
        "numerator").null_count

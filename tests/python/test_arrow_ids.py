"""Id columns of Arrow-backed strings (pandas' ``str`` dtype with pyarrow, ``ArrowDtype`` strings)
give the same codes, dictionary and errors as the object path."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import frames

pa = pytest.importorskip("pyarrow")


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]", pd.ArrowDtype(pa.large_string())])
def test_arrow_backed_ids_encode_like_objects(dtype) -> None:  # type: ignore[no-untyped-def]
    ids = ["xa", "tinh", None, "xa", "phuong", "tinh"]
    column = pd.Series(ids, dtype=dtype)
    codes, names = frames.factorize(column)
    assert codes.dtype == np.int8  # Arrow's text numbered in pandas' code type for 3 ids
    assert codes.tolist() == [0, 1, -1, 0, 2, 1]
    assert names == ["xa", "tinh", "phuong"]
    objects = frames.factorize(pd.Series(ids, dtype=object))
    assert objects[0].tolist() == codes.tolist() and objects[1] == names


def test_empty_arrow_id_names_its_row() -> None:
    obs = pd.DataFrame({"indicator": pd.Series(["x", None], dtype="str"), "area": pd.Series(["a", "a"], dtype="str"),
                        "year": [2020, 2021], "value": [1.0, 2.0]})
    plan = chitieu.load_plan("la-gi-2024")
    with pytest.raises(chitieu.ObservationError, match="empty cell") as info:
        chitieu.evaluate(plan, obs)
    assert info.value.line == 2 and info.value.field == "indicator"


def test_chunked_arrow_ids_encode_in_order_of_first_appearance() -> None:
    chunks = pa.chunked_array([["tinh", None, "xa"], [], ["phuong", "xa", None, "tinh"]])
    column = pd.Series(pd.arrays.ArrowExtensionArray(chunks))
    codes, names = frames.factorize(column)
    assert codes.dtype == np.int8
    assert codes.tolist() == [0, -1, 1, 2, 1, -1, 0]
    assert names == ["tinh", "xa", "phuong"]
    objects = frames.factorize(pd.Series(column.tolist(), dtype=object))
    assert objects[0].tolist() == codes.tolist() and objects[1] == names


_LAYOUTS = [pa.string(), pa.large_string(), pa.string_view()]


def _factorized(texts: list) -> tuple:  # type: ignore[type-arg]
    """pandas' codes (int32) and uniques of a list of texts and None: the reference."""
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object), use_na_sentinel=True)
    return codes.astype(np.int32).tolist(), list(uniques)


@pytest.mark.parametrize("layout", _LAYOUTS, ids=str)
def test_text_codes_read_every_arrow_layout_like_pandas_factorize(layout) -> None:  # type: ignore[no-untyped-def]
    from chitieu import arrow_bridge
    # Short texts (inline in a view), texts over 12 bytes (in a view's data buffer), "", None,
    # Vietnamese in NFC and NFD (different bytes, so different ids here), a run of repeats.
    texts = ["p01-x0001", "a commune with a long name", None, "", "Hà Nội", "Ha\u0300 Nô\u0323i",
             "p01-x0001", "p01-x0001", "a commune with a long name", None, "Hà Nội", "z"]
    array = pa.array(texts, type=layout)
    codes, ids = arrow_bridge.text_codes(array)
    assert codes.dtype == np.int8  # pandas' code type for 6 texts: a Categorical takes them as they are
    assert (codes.tolist(), ids) == _factorized(texts)
    # A slice starts at an offset into the buffers (and its validity bitmap).
    codes, ids = arrow_bridge.text_codes(array.slice(3, 7))
    assert (codes.tolist(), ids) == _factorized(texts[3:10])
    # Chunks share one dictionary, numbered across them; an empty chunk changes nothing.
    chunked = pa.chunked_array([array.slice(5), pa.array([], type=layout), array.slice(0, 5)])
    codes, ids = arrow_bridge.text_codes(chunked)
    assert (codes.tolist(), ids) == _factorized(texts[5:] + texts[:5])


@pytest.mark.parametrize("layout", _LAYOUTS, ids=str)
def test_text_codes_of_a_national_sized_column_match_pandas(layout) -> None:  # type: ignore[no-untyped-def]
    from chitieu import arrow_bridge
    # 300 000 rows over 5 000 area ids, in runs and scattered, with nulls: numbered on both cores
    # (each numbers half the rows, then the halves are merged), it must equal one pass.
    rng = np.random.default_rng(7)
    area = np.array([f"{p:02d}-{c:05d}" + ("-long-suffix" if c % 3 == 0 else "") for p, c in
                     zip(rng.integers(1, 64, 5000), rng.integers(0, 99999, 5000))], dtype=object)
    rows = np.repeat(area[rng.integers(0, len(area), 60000)], 5).astype(object)
    rows[rng.integers(0, len(rows), 500)] = None
    array = pa.array(rows.tolist(), type=layout)
    codes, ids = arrow_bridge.text_codes(array)
    expected_codes, expected_ids = _factorized(rows.tolist())
    assert ids == expected_ids
    assert codes.dtype == np.int16  # about 5 000 ids
    assert np.array_equal(codes, np.asarray(expected_codes, dtype=np.int32))


def test_text_codes_come_in_pandas_code_type_for_the_number_of_texts() -> None:
    from chitieu import arrow_bridge
    for count, expected in [(126, np.int8), (127, np.int16), (32_766, np.int16), (32_767, np.int32)]:
        texts = [f"id{i}" for i in range(count)] + [None, "id0"]
        codes, ids = arrow_bridge.text_codes(pa.array(texts))
        assert codes.dtype == expected and len(ids) == count, count
        assert codes[[0, count - 1, count, count + 1]].tolist() == [0, count - 1, -1, 0]
        assert pd.Categorical.from_codes(codes, categories=ids).codes.dtype == expected  # no narrowing copy


def test_text_codes_refuse_an_array_that_is_not_text() -> None:
    from chitieu import _core, arrow_bridge
    with pytest.raises(chitieu.ChitieuError, match="format 'l' is not text; give utf8, large_utf8 or utf8_view"):
        _core.text_codes([pa.array([1, 2]).__arrow_c_array__()])
    schema, array = pa.array(["a"]).__arrow_c_array__()
    for bad in [("a", "b"), (array, schema), ["a"]]:
        with pytest.raises(chitieu.ChitieuError, match="chunk 0 is not the pair of capsules") as info:
            _core.text_codes([bad])
        assert info.value.field == "chunks"
    with pytest.raises(chitieu.ChitieuError, match="a list is no Arrow array") as info:
        arrow_bridge.text_codes(["a", "b"])
    assert info.value.field == "column"


@pytest.mark.parametrize("layout", _LAYOUTS, ids=str)
def test_an_arrow_table_of_any_text_layout_evaluates_alike(layout) -> None:  # type: ignore[no-untyped-def]
    plan = chitieu.load_plan("la-gi-2024")
    obs = pd.DataFrame({"indicator": ["unemployment_rate"] * 3 + ["trained_labour"] * 3,
                        "area": ["la-gi"] * 6, "year": [2021, 2022, 2023] * 2,
                        "value": [3.1, 2.9, 2.6, 60.0, 63.0, 66.5]})
    table = pa.table({"indicator": pa.array(obs["indicator"].tolist(), type=layout),
                      "area": pa.array(obs["area"].tolist(), type=layout),
                      "year": pa.array(obs["year"].tolist(), type=pa.int64()),
                      "value": pa.array(obs["value"].tolist(), type=pa.float64())})
    ours = chitieu.evaluate(plan, table).to_frame()
    reference = chitieu.evaluate(plan, obs).to_frame()
    pd.testing.assert_frame_equal(ours, reference)


def test_renumber_codes_is_take_on_the_cores_and_names_a_bad_row() -> None:
    rng = np.random.default_rng(3)
    new_codes = rng.permutation(5000).astype(np.int32)
    codes = rng.integers(0, 5000, 300_000).astype(np.int32)  # over two 65 536-row shares
    renumbered = chitieu._core.renumber_codes(codes, new_codes)
    assert renumbered.dtype == np.int16  # pandas' code type for 5 000 categories: a Categorical keeps it
    assert np.array_equal(renumbered, np.take(new_codes, codes))
    assert pd.Categorical.from_codes(renumbered, categories=[f"c{i}" for i in range(5000)]).codes is not None
    assert chitieu._core.renumber_codes(np.array([], dtype=np.int32), new_codes).size == 0
    # The type follows the number of categories as pandas' does, and widens for codes that would not fit.
    for count, expected in [(126, np.int8), (127, np.int16), (32_766, np.int16), (32_767, np.int32)]:
        got = chitieu._core.renumber_codes(np.array([count - 1, 0], dtype=np.int32), np.arange(count, dtype=np.int32))
        assert got.dtype == expected and got.tolist() == [count - 1, 0], count
        assert pd.Categorical.from_codes(got, categories=[str(i) for i in range(count)]).codes.dtype == expected
    wide = chitieu._core.renumber_codes(np.array([1], dtype=np.int32), np.array([0, 40_000], dtype=np.int32))
    assert wide.dtype == np.int32 and wide.tolist() == [40_000]  # never truncated to int8
    codes[200_001] = 5000  # a later share's bad code, and an earlier share's: the earlier is named
    codes[100_000] = -1
    with pytest.raises(chitieu.ChitieuError) as raised:
        chitieu._core.renumber_codes(codes, new_codes)
    assert raised.value.line == 100_001 and raised.value.field == "codes"
    assert "code -1 is outside [0, 5000)" in str(raised.value)
    with pytest.raises(TypeError):  # 1.5 is no code: refused, not truncated to 1
        chitieu._core.renumber_codes(np.array([0.0, 1.5]), new_codes)

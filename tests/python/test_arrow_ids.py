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
    assert codes.dtype == np.int32
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
    assert codes.dtype == np.int32
    assert codes.tolist() == [0, -1, 1, 2, 1, -1, 0]
    assert names == ["tinh", "xa", "phuong"]
    objects = frames.factorize(pd.Series(column.tolist(), dtype=object))
    assert objects[0].tolist() == codes.tolist() and objects[1] == names

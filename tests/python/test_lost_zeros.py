"""Official codes read as numbers lose their leading zeros before chitieu sees them: the data are
still refused, and the error says why (chitieu.lost_zeros)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import chitieu
from chitieu import ChitieuErrors, ObservationError

AREAS = ("id,code,name,level,parent,valid_from,valid_to\n"
         "VN,VN,Viet Nam,country,,,\n"
         "ha-noi,01,Hà Nội,tỉnh,VN,,\n"
         "ba-dinh,001,Ba Đình,quận,ha-noi,,\n"
         "phuc-xa,00001,Phúc Xá,phường,ba-dinh,,\n"
         "tan-an,23231,Tân An,phường,VN,,\n")
OBS = "indicator,area,year,value\nnew_jobs,23231,2022,300\nnew_jobs,00001,2022,300\nnew_jobs,00001,2023,320\n"
HINT = ("The column 'area' holds numbers, which have no leading zeros, and the area table has the codes '01', "
        "'001' and '00001': read the file with chitieu.read_observations(...), or with "
        "pandas.read_csv(..., dtype={'area': str})")


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "areas.csv").write_text(AREAS, encoding="utf-8")
    (tmp_path / "obs.csv").write_text(OBS, encoding="utf-8")
    return str(tmp_path / "obs.csv"), str(tmp_path / "areas.csv")


def test_codes_read_as_numbers_are_refused_with_the_reason(files: tuple[str, str]) -> None:
    obs, areas = files
    for frame in (pd.read_csv(obs), pl.read_csv(obs)):  # area: int64, 00001 read as 1
        with pytest.raises(ObservationError) as info:
            chitieu.evaluate("la-gi-2024", frame, areas=areas, area_key="code")
        err = info.value
        assert (err.line, err.field) == (2, "area")  # row 2: 23231 has no zero to lose and is found
        assert "no unit of the area table has code '1'" in err.message
        assert err.message.endswith(" (and 1 more problem). " + HINT)
    with pytest.raises(ChitieuErrors) as many:
        chitieu.evaluate("la-gi-2024", pd.read_csv(obs), areas=areas, area_key="code", errors="collect")
    assert [(e.line, e.message.endswith(HINT)) for e in many.value.errors] == [(2, True), (3, True)]


def test_the_same_codes_read_as_text_are_found(files: tuple[str, str]) -> None:
    obs, areas = files
    got = chitieu.evaluate("la-gi-2024", pd.read_csv(obs, dtype={"area": str}), areas=areas, area_key="code")
    assert set(got.to_frame()["area"].astype(str)) >= {"phuc-xa", "tan-an"}
    assert got.to_frame().equals(chitieu.evaluate("la-gi-2024", obs, areas=areas, area_key="code").to_frame())


def test_no_hint_where_no_zero_was_lost(files: tuple[str, str], tmp_path: Path) -> None:
    obs, areas = files
    frame = pd.read_csv(obs)
    frame.loc[1, "area"] = 77  # no code of the table is 77 with leading zeros
    with pytest.raises(ObservationError) as info:
        chitieu.evaluate("la-gi-2024", frame, areas=areas, area_key="code")
    assert "area '77'" in info.value.message and "leading zeros" not in info.value.message
    text = pd.read_csv(obs, dtype={"area": str}).replace({"00001": "1"})  # text ids: nothing was read as a number
    with pytest.raises(ObservationError) as info:
        chitieu.evaluate("la-gi-2024", text, areas=areas, area_key="code")
    assert "code '1'" in info.value.message and "leading zeros" not in info.value.message


def test_ids_with_leading_zeros_get_the_hint_too(tmp_path: Path) -> None:
    (tmp_path / "areas.csv").write_text(AREAS.replace("phuc-xa,00001", "00001,00001"), encoding="utf-8")
    frame = pd.DataFrame({"indicator": ["new_jobs"], "area": [1], "year": [2022], "value": [300.0]})
    with pytest.raises(ObservationError) as info:
        chitieu.evaluate("la-gi-2024", frame, areas=str(tmp_path / "areas.csv"))
    assert "unknown area '1'" in info.value.message
    assert "the area table has the id '00001': read the file" in info.value.message


def test_dask_partitions_get_the_hint_too(files: tuple[str, str], tmp_path: Path) -> None:
    dd = pytest.importorskip("dask.dataframe", reason="chitieu.dask needs dask (chitieu[dask])")
    import chitieu.dask as cdask

    obs, areas = files
    frame = dd.from_pandas(pd.read_csv(obs), npartitions=1)  # area: int64, 00001 read as 1
    with pytest.raises(ObservationError) as info:
        cdask.evaluate("la-gi-2024", frame, areas=areas, area_key="code").compute(scheduler="sync")
    assert (info.value.file, info.value.field) == ("<partition 0>", "area")
    assert "no unit of the area table has code '1'" in info.value.message and info.value.message.endswith(HINT)
    (tmp_path / "ids.csv").write_text(AREAS.replace("phuc-xa,00001", "00001,00001"), encoding="utf-8")
    ids = dd.from_pandas(pd.DataFrame({"indicator": ["new_jobs"] * 2, "area": [1, 1], "year": [2022, 2023],
                                       "value": [300.0, 320.0]}), npartitions=1)
    with pytest.raises(ObservationError) as info:
        cdask.evaluate("la-gi-2024", ids, areas=str(tmp_path / "ids.csv")).compute(scheduler="sync")
    assert (info.value.line, info.value.field) == (1, "area")
    assert "the area table has the id '00001': read the file" in info.value.message
    # Text ids are shuffled and checked as before: no hint where nothing was read as a number.
    text = dd.from_pandas(pd.read_csv(obs, dtype={"area": str}).replace({"00001": "1"}), npartitions=2)
    with pytest.raises(ObservationError) as info:
        cdask.evaluate("la-gi-2024", text, areas=areas, area_key="code").compute(scheduler="sync")
    assert "leading zeros" not in info.value.message

"""The C++ CSV readers (for tools without Python) and the Python readers: same rows, same refusals
(the Python side as ``chitieu.evaluate`` reports them, file lines and all)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
import pytest

import chitieu
from chitieu import _core
from chitieu.frames import panel_from_table
from chitieu.io import read_areas, read_crosswalk, read_observations
from conftest import AREAS, CROSSWALK, OBSERVATIONS

_OBS_HEADER = "indicator,area,year,value\n"
_AREA_HEADER = "id,code,name,level,parent,valid_from,valid_to\n"


def _python_observations(path: Path) -> None:
    chitieu.evaluate("la-gi-2024", path)


def _python_areas(path: Path) -> None:
    chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=path)


def _python_crosswalk(path: Path) -> None:
    chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS, crosswalk=path, geography="2025-07-01")


def _cpp_crosswalk(path: str) -> None:
    _core.read_crosswalk_file(path, _core.read_areas_file(str(AREAS)))


def test_the_la_gi_sample_reads_alike() -> None:
    table = read_observations(OBSERVATIONS)
    python = panel_from_table(table).columns()
    cpp_panel, lines = _core.read_observations_file(str(OBSERVATIONS))
    cpp = cpp_panel.columns()
    assert lines == table.row_lines().tolist()
    for ids, codes in (("indicator_ids", "indicator"), ("area_ids", "area")):
        assert np.array_equal(np.asarray(python[ids], dtype=object)[python[codes]],
                              np.asarray(cpp[ids], dtype=object)[cpp[codes]])
    for name in ("year", "value", "numerator", "denominator", "weight", "se"):
        assert np.array_equal(python[name], cpp[name], equal_nan=True), name
    assert len(_core.read_areas_file(str(AREAS))) == len(read_areas(AREAS).frame)
    assert len(_core.read_crosswalk_file(str(CROSSWALK), _core.read_areas_file(str(AREAS)))) == \
        len(read_crosswalk(CROSSWALK).frame)


_CASES = [
    ("obs", "# c\n" + _OBS_HEADER + "x,a,2024,\"12,5\"\n"),                 # a decimal comma
    ("obs", _OBS_HEADER + "x,a,2024,1\n\nx,a,2025,abc\n"),                  # a word, after a blank line
    ("obs", "indicator,area,year\nx,a,2024\n"),                              # no value column
    ("obs", "indicator,year,numerator,denominator\nx,2024,1,2\n"),          # no area column
    ("obs", _OBS_HEADER + "x,a,2024.5,1\n"),                                 # not a whole year
    ("obs", _OBS_HEADER + "x,a,2024,1\n,a,2025,1\n"),                        # an empty indicator
    ("obs", _OBS_HEADER + "x,a,2024,1\nx,,2025,1\n"),                        # an empty area
    ("areas", _AREA_HEADER + "a,1,A,x,,,\nb,2,B,x,a,2025-02-30,\n"),        # no such day
    ("areas", "# a\n" + _AREA_HEADER + "a,1,A,x,,,\n\na,2,B,x,,,\n"),       # an id twice
    ("areas", _AREA_HEADER + ",1,A,x,,,\n"),                                 # an empty id
    ("areas", _AREA_HEADER + "a,1,A,x,b,,\n"),                               # an unknown parent
    ("areas", "id,code,name,level,valid_from,valid_to\n"),                   # no parent column
    ("walk", "from,to,share,date\nxa-tan-binh,phuong-la-gi-2025,1,\n"),      # an empty date
    ("walk", "from,to,share,date\nxa-tan-binh,phuong-la-gi-2025,half,2025-07-01\n"),  # a share in words
    ("walk", "from,to,share,date\nxa-tan-binh,phuong-la-gi-2025,0.5,2025-07-01\n"),   # shares short of 1
    ("walk", "from,to,share,date\nxa-tan-binh,nowhere,1,2025-07-01\n"),      # an unknown successor
]

_READERS: dict[str, tuple[Callable[[Path], None], Callable[[str], object]]] = {
    "obs": (_python_observations, _core.read_observations_file),
    "areas": (_python_areas, _core.read_areas_file),
    "walk": (_python_crosswalk, _cpp_crosswalk),
}


@pytest.mark.parametrize(("kind", "text"), _CASES)
def test_refusals_read_alike(kind: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    python_reader, cpp_reader = _READERS[kind]
    with pytest.raises(chitieu.ChitieuError) as python:
        python_reader(path)
    with pytest.raises(chitieu.ChitieuError) as cpp:
        cpp_reader(str(path))
    print(python.value)
    assert str(cpp.value) == str(python.value)
    assert cpp.value.line == python.value.line
    assert cpp.value.field == python.value.field

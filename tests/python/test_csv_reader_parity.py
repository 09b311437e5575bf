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
    ("obs", _OBS_HEADER + "x,a,2024,1\nx,\"a,2025,2\n\n"),                    # a quote never closed
    ("obs", _OBS_HEADER + "x,a,2024,1,5\n"),                                # more cells than the header
    ("obs", _OBS_HEADER + "x,a,2024,1\n,,,,\n"),                           # a blank row too wide
    ("areas", _AREA_HEADER + "a,1,Screen 5\" wide,x,,,\na,2,B,x,,,\n"),      # a quote inside a cell, an id twice
]

_READERS: dict[str, tuple[Callable[[Path], None], Callable[[str], object]]] = {
    "obs": (_python_observations, _core.read_observations_file),
    "areas": (_python_areas, _core.read_areas_file),
    "walk": (_python_crosswalk, _cpp_crosswalk),
}


def _refused_alike(kind: str, path: Path) -> chitieu.ChitieuError:
    """Both readers of ``kind`` refuse ``path`` with the same message, line and field; the error."""
    python_reader, cpp_reader = _READERS[kind]
    with pytest.raises(chitieu.ChitieuError) as python:
        python_reader(path)
    with pytest.raises(chitieu.ChitieuError) as cpp:
        cpp_reader(str(path))
    assert str(cpp.value) == str(python.value)
    assert (cpp.value.line, cpp.value.field) == (python.value.line, python.value.field)
    return cpp.value


@pytest.mark.parametrize(("kind", "text"), _CASES)
def test_refusals_read_alike(kind: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    _refused_alike(kind, path)


_LINE_ENDS = {"crlf": "\r\n", "lf": "\n", "cr": "\r"}
# A line break inside a quoted cell, then a bad value two records later (lines counted as an editor does).
_BROKEN_CELLS = [
    ("areas", _AREA_HEADER + "la-gi,594,\"Thị xã\nLa Gi\",town,,,\nb,2,B,x,la-gi,,\nc,3,C,x,la-gi,2025-02-30,\n", 5),
    ("areas", "# two\n# comments\n" + _AREA_HEADER + "la-gi,594,\"La\n\nGi\",town,,,\n\nb,2,\"B\nb\",x,la-gi,,\n"
     "c,3,C,x,nowhere,,\n", 10),
    ("obs", "indicator,area,year,value,note\nx,a,2024,1,\"a note\non two lines\"\nx,a,2025,2,\nx,a,2026,abc,\n", 5),
    ("walk", "from,to,share,date,note\nxa-tan-binh,phuong-la-gi-2025,1,2025-07-01,\"merged\n1 July\"\n"
     "\nx,y,1,2025-07-01,\nxa-tan-binh,phuong-la-gi-2025,1,2025-07-01,\n", 5),
]


@pytest.mark.parametrize("end", _LINE_ENDS)
@pytest.mark.parametrize(("kind", "text", "line"), _BROKEN_CELLS)
def test_a_line_break_in_a_quoted_cell_counts_alike(kind: str, text: str, line: int, end: str,
                                                     tmp_path: Path) -> None:
    """Both readers name the line an editor shows after a quoted cell holding a line break."""
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(text.replace("\n", _LINE_ENDS[end]).encode("utf-8"))
    assert _refused_alike(kind, path).line == line


@pytest.mark.parametrize("end", _LINE_ENDS)
def test_rows_after_a_quoted_line_break_keep_their_lines(end: str, tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_bytes(("# c\nindicator,area,year,value,note\ntrained_labour,la-gi,2023,80.5,\"two\nlines\"\n\n"
                      "trained_labour,la-gi,2024,85.3,\"\"\"three\"\"\n\nlines\"\n"
                      "trained_labour,la-gi,2025,86,\n").replace("\n", _LINE_ENDS[end]).encode("utf-8"))
    table = read_observations(path)
    assert table.row_lines().tolist() == [3, 6, 9]
    assert table.frame["note"].tolist()[1] == '"three"' + _LINE_ENDS[end] * 2 + "lines"
    _same_panel(table, _core.read_observations_file(str(path)))


def test_rows_pandas_splits_otherwise_are_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Should pandas ever split a file into other rows than the C++ rule counts, the file is refused
    (no row is named at a line it does not start on)."""
    from chitieu import sources, text_files

    real = text_files.row_lines
    monkeypatch.setattr(sources, "row_lines", lambda *args: (real(*args)[0], real(*args)[1][:-1]))
    path = tmp_path / "obs.csv"
    path.write_text(_OBS_HEADER + "x,a,2024,1\nx,a,2025,2\n", encoding="utf-8")
    with pytest.raises(chitieu.ObservationError) as error:
        read_observations(path)
    assert str(error.value) == (f"{path}: cannot read the observations CSV: pandas read 2 rows where chitieu reads 1; "
                                'check the quotes of the file (a quoted cell starts and ends with ", a " inside it '
                                'is written "")')


def test_workbooks_and_parquet_number_rows_not_lines(tmp_path: Path) -> None:
    """A line break inside a cell moves nothing: a workbook names its sheet row, Parquet its 1-based row."""
    import pandas as pd

    frame = pd.DataFrame({"indicator": ["trained_labour"] * 3, "area": ["la-gi"] * 3, "year": [2023, 2024, 2025],
                          "value": ["80", "81", "abc"], "note": ["two\r\nlines", "\n", ""]})
    frame.to_excel(tmp_path / "obs.xlsx", index=False)
    frame.to_parquet(tmp_path / "obs.parquet")
    for name, line, where in (("obs.xlsx", 4, "cell Sheet1!D4: "), ("obs.parquet", 3, "")):
        with pytest.raises(chitieu.ObservationError) as error:
            _python_observations(tmp_path / name)
        assert (error.value.line, error.value.field) == (line, "value")
        assert error.value.message.startswith(f"{where}'abc' is not a number")


# --- files as Excel on Vietnamese Windows writes them: encodings, delimiters, decimal marks ----------

# "Phường Phước Hội" in Windows-1258 (tones as combining marks after the letter) and in TCVN3 (ABC).
_PHUOC_HOI_CP1258 = b"Ph\xfd\xf5\xccng Ph\xfd\xf5\xecc H\xf4\xf2i"
_PHUOC_HOI_TCVN3 = b"Ph\xad\xeang Ph\xad\xedc H\xe9i"
_PHUOC_HOI_ID = "phường-phước-hội"  # NFC, as typed
_AREA_BYTES = (b"id,code,name,level,parent,valid_from,valid_to\n"
               b"la-gi,594,La Gi,town,,,\nph\xfd\xf5\xccng-ph\xfd\xf5\xecc-h\xf4\xf2i,22924," + _PHUOC_HOI_CP1258
               + b",ward,la-gi,,\n")


def _same_panel(python_table: object, cpp: tuple[_core.Panel, list[int]]) -> None:
    """The Python reader's table and the C++ reader's panel hold the same rows at the same lines."""
    table = python_table
    python = panel_from_table(table).columns()  # type: ignore[arg-type]
    cpp_panel, lines = cpp
    assert lines == table.row_lines().tolist()  # type: ignore[attr-defined]
    columns = cpp_panel.columns()
    for name in ("year", "value", "numerator", "denominator", "weight", "se"):
        assert np.array_equal(python[name], columns[name], equal_nan=True), name
    assert python["indicator_ids"] == columns["indicator_ids"] and python["area_ids"] == columns["area_ids"]


def test_windows_1258_areas_read_alike(tmp_path: Path) -> None:
    path = tmp_path / "areas.csv"
    path.write_bytes(_AREA_BYTES)
    python = read_areas(path).frame
    cpp = _core.read_areas_file(str(path))
    assert python["name"].tolist() == ["La Gi", "Phường Phước Hội"]  # NFC, as typed
    assert python["name"][1].encode("utf-8") == b"Ph\xc6\xb0\xe1\xbb\x9dng Ph\xc6\xb0\xe1\xbb\x9bc H\xe1\xbb\x99i"
    assert cpp.ids == python["id"].tolist() == ["la-gi", _PHUOC_HOI_ID]


def test_semicolons_and_a_decimal_comma_read_alike(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_bytes(b"# Windows-1258, semicolons\nindicator;area;year;value;note\n"
                     b"trained_labour;ph\xfd\xf5\xccng-ph\xfd\xf5\xecc-h\xf4\xf2i;2023;80,5;"
                     + _PHUOC_HOI_CP1258 + b"\n" + b"trained_labour;la-gi;2024;\"85,3\";\n")
    _same_panel(read_observations(path, decimal=","), _core.read_observations_file(str(path), decimal=","))
    columns = _core.read_observations_file(str(path), decimal=",")[0].columns()
    assert columns["value"].tolist() == [80.5, 85.3]
    assert columns["area_ids"] == [_PHUOC_HOI_ID, "la-gi"]


def test_a_tab_separated_file_reads_alike(tmp_path: Path) -> None:
    path = tmp_path / "obs.tsv"
    path.write_text("indicator\tarea\tyear\tvalue\ntrained_labour\tla-gi\t2024\t85.3\n\n"
                    "trained_labour\tla-gi\t2025\tNA\n", encoding="utf-8-sig")
    _same_panel(read_observations(path), _core.read_observations_file(str(path)))


def test_lone_carriage_returns_end_lines_alike(tmp_path: Path) -> None:
    """Excel on an old Mac ends lines with a lone \\r: pandas and the C++ table split and number them alike."""
    path = tmp_path / "obs.csv"
    path.write_bytes(b"# old Mac Excel\rindicator;area;year;value\rtrained_labour;la-gi;2023;80,5\r\r"
                     b"trained_labour;la-gi;2024;\"85,3\"\r\ntrained_labour;la-gi;2025;NA\n")
    _same_panel(read_observations(path, decimal=","), _core.read_observations_file(str(path), decimal=","))
    assert _core.read_observations_file(str(path), decimal=",")[1] == [3, 5, 6]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"# a\r# b\rindicator,area,year,value\rx,a,2024,1\r\rx,a,2025,abc\r")
    assert _refused_alike("obs", bad).line == 6


_FILE_CASES = [
    ("obs", b"indicator;area;year;value\ntrained_labour;la-gi;2024;85,3\n"),       # a decimal comma, not chosen
    ("obs", b"indicator\tarea\tyear\nx\ta\t2024\n"),                               # no value column, tabs
    ("obs", b"indicator,area,year,value\nx,a,2024,1\nx,a\x81,2025,1\n"),           # neither UTF-8 nor cp1258
    ("areas", b"id,code,name,level,parent,valid_from,valid_to\nx,1," + _PHUOC_HOI_TCVN3
     + b",T\xb8n \xb5n \xb6n,,,\n"),                                               # TCVN3
    ("areas", _AREA_BYTES.replace(b"la-gi,,", b"nowhere,,")),                      # cp1258, unknown parent
]


@pytest.mark.parametrize(("kind", "data"), _FILE_CASES)
def test_encoding_and_delimiter_refusals_read_alike(kind: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(data)
    _refused_alike(kind, path)


def test_an_encoding_given_reads_alike(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_bytes(b"indicator,area,year,value\ntrained_labour," + _PHUOC_HOI_CP1258 + b",2024,1\n")
    with pytest.raises(chitieu.ObservationError) as python:
        read_observations(path, encoding="utf-8")
    with pytest.raises(chitieu.ChitieuError) as cpp:
        _core.read_observations_file(str(path), encoding="utf-8")
    assert str(cpp.value) == str(python.value)
    assert python.value.message.startswith("byte 0xFD cannot be read as UTF-8;")
    _same_panel(read_observations(path, encoding="cp1258"), _core.read_observations_file(str(path), encoding="cp1258"))


def test_an_unknown_encoding_is_refused_alike(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_bytes(b"indicator,area,year,value\nx,a,2024,1\n")
    with pytest.raises(chitieu.ObservationError) as python:
        read_observations(path, encoding="latin-1")
    with pytest.raises(chitieu.ChitieuError) as cpp:
        _core.read_observations_file(str(path), encoding="latin-1")
    assert str(cpp.value) == str(python.value) == (
        f"{path}: encoding: unknown encoding 'latin-1'; give utf-8, utf-8-sig or cp1258 (Windows-1258)")


def test_an_unknown_decimal_mark_is_refused_alike(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_bytes(b"indicator,area,year,value\nx,a,2024,1\n")
    with pytest.raises(chitieu.ObservationError) as python:
        chitieu.read_observations(path, decimal=";")
    with pytest.raises(chitieu.ChitieuError) as cpp:
        _core.read_observations_file(str(path), decimal=";")
    assert str(cpp.value) == str(python.value) == "decimal: unknown decimal mark ';'; expected '.' or ','"

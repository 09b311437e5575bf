"""The catalogue of bad inputs through Python and the CLI (issue 8, docs/errors.md).

Each entry asserts the exception class (a ChitieuError, hence a ValueError), its
``file``, ``line`` (of the file, as an editor counts it) and ``field``, key
words of the message, and that ``chitieu`` exits with code 2 and the same
located message on stderr. Collect mode (``errors="collect"``,
``--all-errors``) reports every problem of the inputs at once.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, List, Optional, Type

import pandas as pd
import pytest

import chitieu
from chitieu import AreaError, ChitieuError, ChitieuErrors, ObservationError, PlanError
from chitieu.io import read_areas
from conftest import AREAS, CROSSWALK

# ---- helpers ---------------------------------------------------------------------------------

def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def check(exc: BaseException, cls: Type[ChitieuError], file: Optional[str], line: Optional[int],
          field: Optional[str], *words: str) -> None:
    assert type(exc) is cls, f"{type(exc).__name__}: {exc}"
    assert isinstance(exc, ValueError)
    assert (exc.file, exc.line, exc.field) == (file, line, field), str(exc)
    for w in words:
        assert w in exc.message, f"{w!r} not in {exc.message!r}"


def raises(f: Callable[[], object]) -> BaseException:
    with pytest.raises(ChitieuError) as info:
        f()
    return info.value


def check_cli(cli, args: List[str], file: Optional[str], line: Optional[int], field: Optional[str],  # type: ignore[no-untyped-def]
              *words: str) -> None:
    r = cli(*args)
    assert r.code == 2, r.err
    assert r.out == ""
    assert "Traceback" not in r.err
    where = (file or "") + (f":{line}" if line else "") + (f": {field}" if field else "")
    assert r.err.startswith(f"chitieu: {where}: "), r.err
    for w in words:
        assert w in r.err


# ---- plan files ------------------------------------------------------------------------------

PLAN = """schema = 1

[plan]
id = "bad"
title = { vi = "Thử", en = "Test" }
baseline_year = 2020
target_year = 2030

[[domains]]
id = "health"
name = { vi = "Y tế", en = "Health" }

[[indicators]]
id = "insured"
domain = "health"
name = { vi = "BHYT", en = "Insured" }
unit = "percent"
direction = "higher"
target = "trên 95%"
aggregate = "ratio"
"""

SECOND = """
[[indicators]]
id = "insured_poor"
domain = "health"
name = { vi = "BHYT hộ nghèo", en = "Poor insured" }
unit = "percent"
direction = "higher"
target = "trên 90%"
aggregate = "ratio"
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


PLAN_CASES = {
    # name: (plan text, line, field, words)
    "syntax": (edit(PLAN, 'target = "trên 95%"', 'target = "trên 95%'), 19, None,
               ["TOML syntax error", "column"]),
    "unknown_key": (edit(PLAN, 'aggregate = "ratio"\n', 'aggregate = "ratio"\nweight = 1\n'), 21,
                    "indicators[insured].weight", ["unknown key 'weight'", "valid keys"]),
    "wrong_type": (edit(PLAN, "baseline_year = 2020", 'baseline_year = "2020"'), 6, "plan.baseline_year",
                   ["expected an integer year", "found a string"]),
    "unknown_unit": (edit(PLAN, 'unit = "percent"', 'unit = "percentage"'), 17, "indicators[insured].unit",
                     ["'percentage' is not a valid unit", "per_10k"]),
    "duplicate_id": (PLAN + edit(SECOND, 'id = "insured_poor"', 'id = "insured"'), 23, "indicators[insured].id",
                     ["indicator id 'insured' is used twice"]),
    "dangling_domain": (edit(PLAN, 'domain = "health"', 'domain = "heath"'), 15, "indicators[insured].domain",
                        ["no domain 'heath'", "declared domains: health"]),
    "dangling_part_of": (edit(PLAN, 'aggregate = "ratio"\n', 'aggregate = "ratio"\npart_of = "insurance"\n'), 21,
                         "indicators[insured].part_of", ["no indicator 'insurance'"]),
    "boolean_unit_numeric_target": (edit(PLAN, 'unit = "percent"', 'unit = "boolean"'), 17,
                                    "indicators[insured].unit", ["unit boolean needs a milestone"]),
    "percent_phrase_on_count": (edit(edit(PLAN, 'unit = "percent"', 'unit = "count"'), 'aggregate = "ratio"',
                                     'aggregate = "sum"'), 19, "indicators[insured].target",
                                ["'%'", "unit is count", 'unit = "percent"']),
    "unreadable_target": (edit(PLAN, 'target = "trên 95%"', 'target = "trên abc"'), 19,
                          "indicators[insured].target", ['cannot read "abc" at position 5', "expected a number"]),
    "percent_target_above_100": (edit(PLAN, 'target = "trên 95%"', 'target = "trên 120%"'), 19,
                                 "indicators[insured].target", ["a percentage in [0, 100]"]),
}


@pytest.mark.parametrize("case", sorted(PLAN_CASES))
def test_bad_plan_file(tmp_path: Path, cli, case: str) -> None:  # type: ignore[no-untyped-def]
    text, line, field, words = PLAN_CASES[case]
    path = write(tmp_path, "bad.toml", text)
    check(raises(lambda: chitieu.load_plan(path)), PlanError, path, line, field, *words)
    check_cli(cli, ["plan", "show", path], path, line, field, *words)
    # plan validate lists every problem, this one among them, and exits 2.
    r = cli("plan", "validate", path)
    assert r.code == 2 and (f"{path}:{line}: " + (f"{field}: " if field else "")) in r.err
    # evaluate stops at the plan too.
    data = write(tmp_path, "data.csv", "indicator,area,year,value\ninsured,a,2021,90\n")
    check_cli(cli, ["evaluate", "--plan", path, "--data", data], path, line, field, *words)


def test_plan_validate_lists_every_problem(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    text = edit(edit(PLAN, 'unit = "percent"', 'unit = "percentage"'), 'aggregate = "ratio"\n',
                'aggregate = "average"\ncolour = "red"\n')
    path = write(tmp_path, "bad.toml", text)
    r = cli("plan", "validate", path)
    assert r.code == 2
    for where in (f"{path}:17: indicators[insured].unit:", f"{path}:20: indicators[insured].aggregate:",
                  f"{path}:21: indicators[insured].colour:"):
        assert where in r.err
    assert f"{path}: 3 problems" in r.err


# ---- observations ----------------------------------------------------------------------------

HEADER = "indicator,area,year,value,numerator,denominator\n"
GOOD = ("health_insurance,phuong-tan-an,2021,,12315,13889\n"    # line 2
        "new_jobs,phuong-tan-an,2021,340,,\n"                    # line 3
        "trained_labour,phuong-tan-an,2021,,5913,8056\n")        # line 4

OBS_CASES = {
    # name: (line 5 of the file, field, words)
    "unknown_indicator": ("health_insurence,phuong-tan-an,2021,90,,", "indicator",
                          ["indicator 'health_insurence' is not in plan 'la-gi-2024'", "expected one of"]),
    "duplicate": ("new_jobs,phuong-tan-an,2021,341,,", "year",
                  ["indicator 'new_jobs', area 'phuong-tan-an', year 2021", "duplicate of line 3"]),
    "decimal_comma": ('new_jobs,phuong-tan-an,2022,"96,5",,', "value", ["'96,5' is not a number", "dot"]),
    "not_a_number": ("new_jobs,phuong-tan-an,2022,n/a,,", "value", ["'n/a' is not a number"]),
    "nan": ("new_jobs,phuong-tan-an,2022,NaN,,", "value", ["value is missing"]),
    "infinite": ("new_jobs,phuong-tan-an,2022,inf,,", "value", ["value is infinite"]),
    "percent_above_100": ("health_insurance,phuong-tan-an,2022,101.5,,", "value",
                          ["value 101.5 is outside the domain of unit percent", "[0, 100]"]),
    "negative_count": ("new_jobs,phuong-tan-an,2022,-5,,", "value", ["value -5 is outside the domain of unit count"]),
    "zero_denominator": ("health_insurance,phuong-tan-an,2022,,10,0", "denominator",
                         ["denominator 0 is not positive"]),
    "numerator_above_denominator": ("health_insurance,phuong-tan-an,2022,,14000,13889", "numerator",
                                    ["numerator 14000 exceeds denominator 13889"]),
    "part_above_whole": ("trained_labour_certified,phuong-tan-an,2021,,6000,8056", "value",
                         ["'trained_labour_certified'", "exceeds its whole 'trained_labour'", "line 4"]),
    "implausible_year": ("new_jobs,phuong-tan-an,1850,300,,", "year", ["year 1850 is implausible", "[1900, 2100]"]),
    "absurd_year": ("new_jobs,phuong-tan-an,20245,300,,", "year", ["20245", "is not a year"]),
    "fractional_year": ("new_jobs,phuong-tan-an,2021.5,300,,", "year", ["'2021.5' is not a year"]),
    "empty_indicator": (",phuong-tan-an,2022,300,,", "indicator", ["empty cell"]),
}


@pytest.mark.parametrize("case", sorted(OBS_CASES))
def test_bad_observation(tmp_path: Path, cli, case: str) -> None:  # type: ignore[no-untyped-def]
    row, field, words = OBS_CASES[case]
    path = write(tmp_path, "data.csv", HEADER + GOOD + row + "\n")
    check(raises(lambda: chitieu.evaluate("la-gi-2024", path)), ObservationError, path, 5, field, *words)
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", path], path, 5, field, *words)
    # Collect mode finds the same single problem.
    exc = raises(lambda: chitieu.evaluate("la-gi-2024", path, errors="collect"))
    assert isinstance(exc, ChitieuErrors) and len(exc.errors) == 1
    check(exc.errors[0], ObservationError, path, 5, field, *words)


def test_missing_column(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "data.csv", "indicator,area,value\nnew_jobs,phuong-tan-an,340\n")
    check(raises(lambda: chitieu.evaluate("la-gi-2024", path)), ObservationError, path, 1, "year",
          "missing column 'year'", "indicator, area, year, value")
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", path], path, 1, "year", "missing column 'year'")


TWICE = "two columns are named 'value' (columns {}); rename or remove one: chitieu does not choose which to read"


def test_a_column_named_twice_is_refused_in_every_source(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    import polars as pl
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = ["new_jobs", "phuong-tan-an", 2022, 340.0, 1.0]
    names = ["indicator", "area", "year", "value", " value"]  # names are compared trimmed
    path = write(tmp_path, "data.csv", "indicator,area,year,value, value\nnew_jobs,phuong-tan-an,2022,340,1\n")
    check(raises(lambda: chitieu.evaluate("la-gi-2024", path)), ObservationError, path, 1, "value",
          TWICE.format("4 and 5"))
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", path], path, 1, "value", TWICE.format("4 and 5"))
    frame = pd.DataFrame([row], columns=["indicator", "area", "year", "value", "value"])
    check(raises(lambda: chitieu.evaluate("la-gi-2024", frame)), ObservationError, "<DataFrame>", None, "value",
          TWICE.format("4 and 5"))
    table = pa.table([[v] for v in row], names=["indicator", "area", "year", "value", "value"])
    check(raises(lambda: chitieu.evaluate("la-gi-2024", table)), ObservationError, "<Arrow>", None, "value",
          TWICE.format("4 and 5"))
    parquet = str(tmp_path / "data.parquet")
    pq.write_table(pa.table([[v] for v in row], names=names), parquet)
    check(raises(lambda: chitieu.evaluate("la-gi-2024", parquet)), ObservationError, parquet, None, "value",
          TWICE.format("4 and 5"))
    book = str(tmp_path / "data.xlsx")
    pd.DataFrame([row], columns=names).to_excel(book, index=False, startrow=2, startcol=1)
    check(raises(lambda: chitieu.evaluate("la-gi-2024", book)), ObservationError, book, 3, "value",
          TWICE.format("Sheet1!E3 and Sheet1!F3"))
    # Trailing empty header cells are unnamed columns, not a repeat; polars cannot repeat a name.
    trailing = write(tmp_path, "trailing.csv", "indicator,area,year,value,,\nnew_jobs,phuong-tan-an,2022,340,,\n")
    assert list(chitieu.read_observations(trailing)["value"]) == [340.0]
    assert list(chitieu.read_observations(pl.DataFrame({"indicator": ["a"], "area": ["b"], "year": [2022],
                                                        "value": [1.0]}))["value"]) == [1.0]


def test_a_table_that_starts_at_b3_of_its_sheet_is_named_by_its_own_cells(tmp_path: Path) -> None:
    book = str(tmp_path / "data.xlsx")
    frame = pd.DataFrame([["new_jobs", "phuong-tan-an", 2022, 340], ["new_jobs", "phuong-tan-an", 2023, "abc"]],
                         columns=["indicator", "area", "year", "value"])
    frame.to_excel(book, index=False, startrow=2, startcol=1)  # header B3:E3, rows 4 and 5
    check(raises(lambda: chitieu.evaluate("la-gi-2024", book)), ObservationError, book, 5, "value",
          "cell Sheet1!E5: 'abc' is not a number")


TITLE = ("the header holds none of them: if the table starts lower, start each row above its header with # "
         "(a comment), delete them, or give the header's line or sheet row as header_row (CLI --header-row)")


def below(row: int) -> str:
    return (f"the header holds none of them, but row {row} names them: if it is the table's header, give "
            f"header_row={row} (CLI --header-row {row})")


def test_a_title_above_the_table_is_named_as_the_likely_cause(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    csv = write(tmp_path, "title.csv", "Bảng 5. Tỷ lệ thất nghiệp,,,\n,,,\nindicator,area,2020,2021\nx,a,1,2\n")
    check(raises(lambda: chitieu.read_observations(csv, layout="wide")), ObservationError, csv, 1, "indicator",
          "missing column 'indicator'", "columns were read as separated by comma ','); " + below(3))
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", csv], csv, 1, "indicator", below(3))
    assert len(chitieu.read_observations(csv, layout="wide", header_row=3)) == 2  # the fix it names works
    many = raises(lambda: chitieu.evaluate("la-gi-2024", csv, errors="collect"))
    assert isinstance(many, ChitieuErrors)
    assert [e.field for e in many.errors] == ["indicator", "area", "year", "value"]
    assert all(e.message.endswith("separated by comma ','); " + below(3)) for e in many.errors)
    # No row below names the columns: the general advice.
    untitled = write(tmp_path, "untitled.csv", "Bảng 5. Tỷ lệ thất nghiệp,,,\nx,a,1,2\n")
    check(raises(lambda: chitieu.read_observations(untitled, layout="wide")), ObservationError, untitled, 1,
          "indicator", TITLE)
    book = str(tmp_path / "title.xlsx")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Bảng 5. Tỷ lệ thất nghiệp (%)"
    wb.active.append([])
    wb.active.append(["indicator", "area", 2020, 2021])
    wb.save(book)
    check(raises(lambda: chitieu.read_observations(book, layout="wide")), ObservationError, book, 1, "indicator",
          "(found: Bảng 5. Tỷ lệ thất nghiệp (%); the header is row 1 of sheet 'Sheet'); " + below(3))
    wb.active["A1"] = None
    wb.active.insert_rows(1, 2)
    wb.active["A1"] = "Bảng 5"
    wb.active["A2"] = "Đơn vị: %"
    wb.save(book)
    check(raises(lambda: chitieu.read_observations(book, layout="wide")), ObservationError, book, 1, "indicator",
          below(5))
    # A header that has some of the columns is the table's, and a DataFrame has no rows above its
    # header: no such hint.
    some = write(tmp_path, "some.csv", "indicator,area,value\nx,a,1\n")
    assert TITLE not in raises(lambda: chitieu.evaluate("la-gi-2024", some)).message
    frame = pd.DataFrame({"chi_tieu": ["x"], "dia_ban": ["a"], "nam": [2024], "gia_tri": [1.0]})
    check(raises(lambda: chitieu.evaluate("la-gi-2024", frame)), ObservationError, "<DataFrame>", None, "indicator",
          "(found: chi_tieu, dia_ban, nam, gia_tri)")
    assert TITLE not in raises(lambda: chitieu.evaluate("la-gi-2024", frame)).message


def test_a_semicolon_table_under_a_comma_title_is_named(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    # The title's commas make the file comma-separated; the table's header, one cell at ',', is read
    # at its own ';' and named, in the long and wide layouts, through the API, collect mode and the CLI.
    long = write(tmp_path, "comma_title.csv", "Báo cáo chỉ tiêu, thị xã La Gi, 2024\n"
                 "indicator;area;year;value\ntrained_labour;la-gi;2024;80,5\n")
    check(raises(lambda: chitieu.read_observations(long)), ObservationError, long, 1, "indicator",
          "columns were read as separated by comma ','); " + below(2))
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", long], long, 1, "indicator", below(2))
    many = raises(lambda: chitieu.evaluate("la-gi-2024", long, errors="collect"))
    assert isinstance(many, ChitieuErrors)
    assert all(e.message.endswith(below(2)) for e in many.errors)
    frame = chitieu.read_observations(long, header_row=2, decimal=",")  # the fix it names works
    assert list(zip(frame.indicator, frame.area, frame.year, frame.value)) == [
        ("trained_labour", "la-gi", 2024, 80.5)]
    wide = write(tmp_path, "wide_title.csv", "Bảng 5, 2023-2024\n\nindicator;area;2023;2024\n"
                 "trained_labour;la-gi;78;79\n")
    check(raises(lambda: chitieu.read_observations(wide, layout="wide")), ObservationError, wide, 1,
          "indicator", below(3))
    assert len(chitieu.read_observations(wide, layout="wide", header_row=3)) == 2


YEARBOOK = ("Bảng 12. Một số chỉ tiêu lao động, thị xã La Gi, 2020-2022\n"
            "Nguồn: Chi cục Thống kê; đơn vị: %\n"
            "\n"
            "indicator,area,2020,2021,2022\n"
            "trained_labour,la-gi,70.1,72.3,74.0\n"
            "trained_labour_certified,la-gi,30.5,{bad},33.0\n")


def test_header_row_reads_a_yearbook_table_under_its_title(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    csv = write(tmp_path, "yearbook.csv", YEARBOOK.format(bad="31.8"))
    frame = chitieu.read_observations(csv, layout="wide", header_row=4)
    assert list(zip(frame.indicator, frame.year, frame.value))[:3] == [
        ("trained_labour", 2020, 70.1), ("trained_labour", 2021, 72.3), ("trained_labour", 2022, 74.0)]
    assert len(frame) == 6
    ev = chitieu.evaluate("la-gi-2024", frame)
    assert set(ev.to_frame().indicator) == {"trained_labour", "trained_labour_certified"}
    # The lines above the header are not read: a bad cell is still named at its own line.
    bad = write(tmp_path, "bad.csv", YEARBOOK.format(bad="abc"))
    check(raises(lambda: chitieu.read_observations(bad, layout="wide", header_row=4)), ObservationError, bad, 6,
          "value", "column 2021: 'abc' is not a number")
    # Without header_row the title, with its commas, is taken for a header of three cells; the longer row
    # naming the columns is named as the header.
    check(raises(lambda: chitieu.read_observations(csv, layout="wide")), ObservationError, csv, 4, None,
          "the row has 5 cells but the header 3 (quote a cell that contains the delimiter; the header's line 1 "
          "names none of the columns needed, but this row names them: if it is the table's header, give "
          "header_row=4 (CLI --header-row 4))")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", csv, "--layout", "wide", "--format", "csv")
    assert r.code != 0 and "give header_row=4 (CLI --header-row 4)" in r.err, r.err
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", csv, "--layout", "wide", "--header-row", "4",
            "--format", "csv")
    assert r.code == 0, r.err
    assert r.out.count("trained_labour,la-gi,") == 3
    # A worksheet: the title in A1, a note in A2, the long table's header in row 4.
    book = str(tmp_path / "yearbook.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lao động"
    ws["A1"] = "Bảng 12. Một số chỉ tiêu lao động"
    ws["A2"] = "Đơn vị: %"
    ws.append([])
    ws.append(["indicator", "area", "year", "value"])
    ws.append(["trained_labour", "la-gi", 2023, 76.2])
    ws.append(["trained_labour", "la-gi", 2024, "abc"])
    wb.save(book)
    check(raises(lambda: chitieu.read_observations(book, header_row=4)), ObservationError, book, 6, "value",
          "cell Lao động!D6: 'abc' is not a number")
    check(raises(lambda: chitieu.read_observations(book)), ObservationError, book, 1, "indicator", below(4))
    ws["D6"] = 77.0
    wb.save(book)
    assert list(chitieu.read_observations(book, header_row=4).value) == [76.2, 77.0]
    check(raises(lambda: chitieu.read_observations(book, header_row=3)), ObservationError, book, 3, "header_row",
          "row 3 of sheet 'Lao động' is empty")


@pytest.mark.parametrize("header_row", [0, -2, 2.5, "4", True])
def test_header_row_is_a_line_number_from_1(tmp_path: Path, header_row: object) -> None:
    csv = write(tmp_path, "yearbook.csv", YEARBOOK.format(bad="31.8"))
    check(raises(lambda: chitieu.read_observations(csv, layout="wide", header_row=header_row)),  # type: ignore[arg-type]
          ObservationError, None, None, "header_row", f"header_row is {header_row!r}")


def test_header_row_past_the_end_or_for_a_table_with_named_columns(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    csv = write(tmp_path, "yearbook.csv", YEARBOOK.format(bad="31.8"))
    check(raises(lambda: chitieu.read_observations(csv, layout="wide", header_row=9)), ObservationError, csv, None,
          "header_row", "header_row is 9 but the file has 6 lines")
    check(raises(lambda: chitieu.read_observations(csv, layout="wide", header_row=3)), ObservationError, csv, 3,
          "header_row", "line 3 (header_row) is blank")
    frame = pd.DataFrame({"indicator": ["x"], "area": ["a"], "year": [2024], "value": [1.0]})
    check(raises(lambda: chitieu.read_observations(frame, header_row=2)), ObservationError, None, None, "header_row",
          "header_row applies to CSV files and worksheets; a DataFrame has its columns named already")
    parquet = str(tmp_path / "data.parquet")
    frame.to_parquet(parquet)
    check(raises(lambda: chitieu.read_observations(parquet, header_row=2)), ObservationError, parquet, None,
          "header_row", "a Parquet file has its columns named already")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", parquet, "--scheduler", "threads", "--header-row", "2")
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith("chitieu: --header-row is not available with --scheduler"), r.err


def test_an_area_column_named_twice_is_refused(tmp_path: Path) -> None:
    text = AREAS.read_text(encoding="utf-8").splitlines()
    text[0] += ",name"
    rows = [line if k == 0 else line + ",x" for k, line in enumerate(text)]
    path = write(tmp_path, "areas.csv", "\n".join(rows) + "\n")
    check(raises(lambda: read_areas(path)), AreaError, path, 1, "name", "two columns are named 'name'")


def test_dataframe_rows_are_lines(tmp_path: Path) -> None:
    frame = pd.DataFrame({"indicator": ["new_jobs", "new_jobs"], "area": ["phuong-tan-an"] * 2,
                          "year": [2021, 2022], "value": [340.0, -5.0]})
    check(raises(lambda: chitieu.evaluate("la-gi-2024", frame)), ObservationError, "<DataFrame>", 2, "value",
          "outside the domain of unit count")


def test_unknown_area(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "data.csv", HEADER + GOOD + "new_jobs,phuong-tan-xx,2022,300,,\n")
    check(raises(lambda: chitieu.evaluate("la-gi-2024", path, areas=AREAS)), ObservationError, path, 5, "area",
          "unknown area 'phuong-tan-xx'")
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", path, "--areas", str(AREAS)], path, 5, "area",
              "unknown area 'phuong-tan-xx'")


def test_area_not_valid_that_year(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    # phuong-la-gi-2025 exists from 1 July 2025: not a unit of 2024.
    path = write(tmp_path, "data.csv", HEADER + GOOD + "new_jobs,phuong-la-gi-2025,2024,300,,\n")
    check(raises(lambda: chitieu.evaluate("la-gi-2024", path, areas=AREAS)), ObservationError, path, 5, "area",
          "'phuong-la-gi-2025' is not a unit of 2024")
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", path, "--areas", str(AREAS)], path, 5, "area",
              "is not a unit of 2024")


# ---- areas -----------------------------------------------------------------------------------

def areas_with(tmp_path: Path, edit_lines: Callable[[List[str]], None]) -> str:
    lines = AREAS.read_text(encoding="utf-8").splitlines()
    edit_lines(lines)
    return write(tmp_path, "areas.csv", "\n".join(lines) + "\n")


def set_cell(lines: List[str], line: int, column: int, value: str) -> None:
    cells = lines[line - 1].split(",")
    cells[column] = value
    lines[line - 1] = ",".join(cells)


AREA_CASES = {
    # name: (edit of la-gi.csv, line, field, words); columns id,code,name,level,parent,valid_from,valid_to
    "duplicate_id": (lambda ls: ls.append("la-gi,595,La Gi 2,thị xã,,,"), 17, "id",
                     ["duplicate area id 'la-gi'", "first on row 3"]),
    "cycle": (lambda ls: set_cell(ls, 4, 4, "phuong-tan-an"), 4, "parent", ["'la-gi' is its own ancestor", "cycle"]),
    "unknown_parent": (lambda ls: set_cell(ls, 5, 4, "la-gii"), 5, "parent", ["unknown parent 'la-gii'"]),
    "overlapping_validity": (lambda ls: set_cell(ls, 14, 5, "2025-06-01"), 14, "code",
                             ["code '23235'", "'phuong-tan-an'", "only be reused after"]),
    "parent_not_valid": (lambda ls: set_cell(ls, 4, 6, "2024-12-31"), 14, "parent",
                         ["parent 'la-gi' is not valid on 31 December 2025", "child 'phuong-la-gi-2025'"]),
    "bad_date": (lambda ls: set_cell(ls, 14, 5, "2025-02-30"), 14, "valid_from", ["'2025-02-30'", "YYYY-MM-DD"]),
}


@pytest.mark.parametrize("case", sorted(AREA_CASES))
def test_bad_areas(tmp_path: Path, cli, case: str) -> None:  # type: ignore[no-untyped-def]
    change, line, field, words = AREA_CASES[case]
    path = areas_with(tmp_path, change)
    data = write(tmp_path, "data.csv", HEADER + GOOD)
    check(raises(lambda: chitieu.evaluate("la-gi-2024", data, areas=path)), AreaError, path, line, field, *words)
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", data, "--areas", path], path, line, field, *words)


@pytest.mark.parametrize("case", ["bad_date", "missing_column"])
def test_observation_errors_come_before_area_errors(tmp_path: Path, case: str) -> None:
    # The areas are read before the panel is built (their parents size it), but an unreadable
    # areas file still reports after the observations' own first problem, and alone when they are fine.
    if case == "bad_date":
        areas = areas_with(tmp_path, lambda ls: set_cell(ls, 14, 5, "2025-02-30"))
        where, field = 14, "valid_from"
    else:
        areas = write(tmp_path, "areas.csv", "id,code,name\nla-gi,593,La Gi\n")
        where, field = 1, "level"
    bad = write(tmp_path, "bad.csv", HEADER + GOOD + "new_jobs,phuong-tan-an,2022,-5,,\n")
    check(raises(lambda: chitieu.evaluate("la-gi-2024", bad, areas=areas)), ObservationError, bad, 5, "value",
          "outside the domain")
    good = write(tmp_path, "good.csv", HEADER + GOOD)
    exc = raises(lambda: chitieu.evaluate("la-gi-2024", good, areas=areas))
    assert type(exc) is AreaError and (exc.file, exc.line, exc.field) == (areas, where, field), str(exc)


# ---- crosswalks ------------------------------------------------------------------------------

def crosswalk_with(tmp_path: Path, edit_lines: Callable[[List[str]], None]) -> str:
    lines = CROSSWALK.read_text(encoding="utf-8").splitlines()
    edit_lines(lines)
    return write(tmp_path, "crosswalk.csv", "\n".join(lines) + "\n")


CROSSWALK_CASES = {
    # name: (edit of the crosswalk, line, field, words); columns from,to,share,date
    "shares_not_summing_to_1": (lambda ls: set_cell(ls, 2, 2, "0.5"), 2, "share",
                                ["shares of 'phuong-tan-an' sum to 0.5", "must sum to 1"]),
    # The search starts from 'phuong-la-gi-2025' (ids in order) and closes the cycle on line 2.
    "cycle": (lambda ls: ls.append("phuong-la-gi-2025,phuong-tan-an,1,2025-07-01"), 2, "to",
              ["'phuong-tan-an' -> 'phuong-la-gi-2025' closes a cycle"]),
    "share_not_a_number": (lambda ls: set_cell(ls, 2, 2, "x"), 2, "share", ["'x' is not a number"]),
    "unknown_unit": (lambda ls: set_cell(ls, 2, 0, "phuong-tan-xx"), 2, "from", ["unknown area 'phuong-tan-xx'"]),
}


@pytest.mark.parametrize("case", sorted(CROSSWALK_CASES))
def test_bad_crosswalk(tmp_path: Path, cli, case: str) -> None:  # type: ignore[no-untyped-def]
    change, line, field, words = CROSSWALK_CASES[case]
    path = crosswalk_with(tmp_path, change)
    data = write(tmp_path, "data.csv", HEADER + GOOD)
    check(raises(lambda: chitieu.evaluate("la-gi-2024", data, areas=AREAS, crosswalk=path, geography="2025-07-01")),
          AreaError, path, line, field, *words)
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", data, "--areas", str(AREAS), "--crosswalk", path,
                    "--geography", "2025-07-01"], path, line, field, *words)


def test_unit_without_successor(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    # xa-tan-hai's link is removed: its 2021 row cannot be expressed on the units of 2025-07-01.
    path = crosswalk_with(tmp_path, lambda ls: ls.remove("xa-tan-hai,xa-tan-hai-2025,1,2025-07-01"))
    data = write(tmp_path, "data.csv", HEADER + GOOD + "new_jobs,xa-tan-hai,2021,120,,\n")
    exc = raises(lambda: chitieu.evaluate("la-gi-2024", data, areas=AREAS, crosswalk=path, geography="2025-07-01"))
    assert isinstance(exc, (AreaError, ObservationError))
    assert exc.field == "area" and exc.line == 5 and exc.file == data
    assert "area 'xa-tan-hai' is not valid on 2025-07-01" in exc.message and "successors" in exc.message
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", data, "--areas", str(AREAS), "--crosswalk", path,
            "--geography", "2025-07-01")
    assert r.code == 2 and f"{data}:5: area: " in r.err


# ---- collect mode ----------------------------------------------------------------------------

def test_collect_reports_every_problem_of_every_file(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    data = write(tmp_path, "data.csv", HEADER + GOOD
                 + 'new_jobs,phuong-tan-an,2022,"96,5",,\n'               # line 5: not a number
                 + "health_insurance,phuong-tan-an,2022,101.5,,\n"       # line 6: percent above 100
                 + "new_jobs,phuong-tan-an,2021,341,,\n"                 # line 7: duplicate of line 3
                 + "new_jobs,phuong-la-gi-2025,2024,300,,\n")            # line 8: area not valid in 2024
    areas = areas_with(tmp_path, lambda ls: set_cell(ls, 5, 4, "la-gii"))   # line 5: unknown parent
    exc = raises(lambda: chitieu.evaluate("la-gi-2024", data, areas=areas, errors="collect"))
    assert isinstance(exc, ChitieuErrors) and isinstance(exc, ValueError)
    got = [(type(e).__name__, e.file, e.line, e.field) for e in exc.errors]
    assert got == [
        ("ObservationError", data, 5, "value"),
        ("ObservationError", data, 6, "value"),
        ("ObservationError", data, 7, "year"),
        ("AreaError", areas, 5, "parent"),
    ], got
    # With valid areas, the area of line 8 is checked too.
    exc = raises(lambda: chitieu.evaluate("la-gi-2024", data, areas=AREAS, errors="collect"))
    assert [(e.line, e.field) for e in exc.errors] == [(5, "value"), (6, "value"), (7, "year"), (8, "area")]
    assert "duplicate of line 3" in exc.errors[2].message
    assert (exc.file, exc.line, exc.field) == (data, 5, "value")
    assert str(exc).splitlines()[0] == "4 problems:"
    # The first-error mode stops at line 5.
    check(raises(lambda: chitieu.evaluate("la-gi-2024", data, areas=AREAS)), ObservationError, data, 5, "value")
    # The CLI: every problem on stderr, exit 2.
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", data, "--areas", str(AREAS), "--all-errors")
    assert r.code == 2 and r.out == ""
    for where in (f"{data}:5: value:", f"{data}:6: value:", f"{data}:7: year:", f"{data}:8: area:"):
        assert where in r.err
    assert "4 problems" in r.err


def test_collect_includes_the_plan_file(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    plan = write(tmp_path, "bad.toml", edit(edit(PLAN, 'unit = "percent"', 'unit = "percentage"'),
                                            'aggregate = "ratio"\n', 'aggregate = "ratio"\ncolour = 1\n'))
    data = write(tmp_path, "data.csv", "indicator,area,year,value\ninsured,a,20x1,90\n")
    exc = raises(lambda: chitieu.evaluate(plan, data, errors="collect"))
    assert isinstance(exc, ChitieuErrors)
    got = sorted((type(e).__name__, e.file, e.line, e.field) for e in exc.errors)
    assert got == [("ObservationError", data, 2, "year"), ("PlanError", plan, 17, "indicators[insured].unit"),
                   ("PlanError", plan, 21, "indicators[insured].colour")]
    r = cli("evaluate", "--plan", plan, "--data", data, "--all-errors")
    assert r.code == 2 and "3 problems" in r.err and f"{plan}:21: indicators[insured].colour:" in r.err


def test_collect_on_clean_inputs_evaluates(tmp_path: Path) -> None:
    data = write(tmp_path, "data.csv", HEADER + GOOD)
    a = chitieu.evaluate("la-gi-2024", data, areas=AREAS, errors="collect").to_frame()
    b = chitieu.evaluate("la-gi-2024", data, areas=AREAS).to_frame()
    pd.testing.assert_frame_equal(a, b)


def test_unknown_errors_mode() -> None:
    exc = raises(lambda: chitieu.evaluate("la-gi-2024", pd.DataFrame(), errors="ignore"))
    check(exc, ChitieuError, None, None, "errors", "raise or collect")


def test_missing_data_file(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "nothing.csv")
    check(raises(lambda: chitieu.evaluate("la-gi-2024", path)), ObservationError, path, None, None,
          "no such observations file")
    check_cli(cli, ["evaluate", "--plan", "la-gi-2024", "--data", path], path, None, None, "no such")


def test_copy_of_sample_is_clean(tmp_path: Path) -> None:
    # The shipped sample passes every check of collect mode (no false alarm).
    areas = str(tmp_path / "areas.csv")
    shutil.copy(AREAS, areas)
    from conftest import OBSERVATIONS
    ev = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=areas, crosswalk=CROSSWALK, geography="2025-07-01",
                          errors="collect")
    assert len(ev.to_frame()) > 0

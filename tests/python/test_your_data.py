"""Real data in (docs/your-data.md): official codes, any dtype, Arrow tables, files, layouts, encodings.

The done-when check: the La Gi sample keyed by GSO codes gives the same
evaluation as the sample keyed by ids, in historical geography and on the
units of 2025-07-01, through every path a statistician would take.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any, Dict

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import chitieu
from chitieu import _core
from chitieu.demo import data_dir
from chitieu.errors import ObservationError
from chitieu.sources import LOCATION_ATTR
from chitieu.testing import assert_evaluation_equal

DATA = data_dir()
AREAS = DATA / "areas" / "la-gi.csv"
CROSSWALK = DATA / "areas" / "la-gi-crosswalk-2025.csv"
BY_ID = DATA / "sample" / "la-gi-observations.csv"
BY_CODE = DATA / "sample" / "la-gi-observations-by-code.csv"
GEOGRAPHIES: Dict[str, Dict[str, Any]] = {
    "historical": {},
    "2025-07-01": {"crosswalk": CROSSWALK, "geography": "2025-07-01"},
}


def _frame(ev: chitieu.Evaluation) -> pd.DataFrame:
    f = ev.to_frame()
    f["indicator"] = f["indicator"].astype(str)
    f["area"] = f["area"].astype(str)
    return f.sort_values(["indicator", "area", "year"]).reset_index(drop=True)


@pytest.fixture(scope="module", params=sorted(GEOGRAPHIES))
def geography(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def expected(geography: str) -> pd.DataFrame:
    return _frame(chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS, **GEOGRAPHIES[geography]))


def _by_code(observations: Any, geography: str, areas: Any = AREAS) -> pd.DataFrame:
    options = dict(GEOGRAPHIES[geography])
    return _frame(chitieu.evaluate("la-gi-2024", observations, areas=areas, area_key="code", **options))


def _wide(long: pd.DataFrame) -> pd.DataFrame:
    """The long sample as the wide layout: one row per indicator, area and measure, one column per year."""
    melted = long.melt(id_vars=["indicator", "area", "year"], value_vars=["value", "numerator", "denominator",
                                                                          "weight", "se"],
                       var_name="measure", value_name="number").dropna(subset=["number"])
    wide = melted.pivot_table(index=["indicator", "area", "measure"], columns="year", values="number",
                              aggfunc="first").reset_index()
    wide.columns = [str(c) for c in wide.columns]
    return wide


def test_code_keyed_sample_from_its_file(geography: str, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(_by_code(BY_CODE, geography), expected)


def test_code_keyed_sample_read_by_plain_read_csv(geography: str, expected: pd.DataFrame) -> None:
    obs = pd.read_csv(BY_CODE, comment="#")  # area: int64
    areas = pd.read_csv(AREAS)  # code: int64; parent: text with NaN; dates: text with NaN
    assert obs["area"].dtype.kind == "i" and areas["code"].dtype.kind == "i"
    pd.testing.assert_frame_equal(_by_code(obs, geography, areas), expected)


def test_code_keyed_sample_from_polars_parquet_and_arrow(tmp_path: Path, geography: str,
                                                         expected: pd.DataFrame) -> None:
    polars = pytest.importorskip("polars")
    obs = polars.read_csv(BY_CODE, comment_prefix="#")
    areas = polars.read_csv(AREAS)
    pd.testing.assert_frame_equal(_by_code(obs, geography, areas), expected)
    parquet = tmp_path / "obs.parquet"
    pq.write_table(pa.Table.from_pandas(pd.read_csv(BY_CODE, comment="#", dtype={"area": str})), parquet)
    pd.testing.assert_frame_equal(_by_code(parquet, geography), expected)
    arrow = pa.Table.from_pandas(pd.read_csv(BY_CODE, comment="#"))
    pd.testing.assert_frame_equal(_by_code(arrow, geography), expected)


def test_code_keyed_sample_from_a_wide_workbook(tmp_path: Path, geography: str, expected: pd.DataFrame) -> None:
    book = tmp_path / "la-gi.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"note": ["illustrative"]}).to_excel(writer, sheet_name="notes", index=False)
        _wide(pd.read_csv(BY_CODE, comment="#")).to_excel(writer, sheet_name="data", index=False)
    obs = chitieu.read_observations(book, layout="wide", sheet="data")
    pd.testing.assert_frame_equal(_by_code(obs, geography), expected)


def test_code_keyed_sample_through_the_cli(tmp_path: Path, geography: str, expected: pd.DataFrame) -> None:
    from chitieu.cli import main

    out = tmp_path / "ev.csv"
    args = ["evaluate", "--plan", "la-gi-2024", "--data", str(BY_CODE), "--areas", str(AREAS),
            "--area-key", "code", "--format", "csv", "--output", str(out)]
    if geography != "historical":
        args += ["--crosswalk", str(CROSSWALK), "--geography", geography]
    assert main(args) == 0
    got = pd.read_csv(out, keep_default_na=False, na_values=[""])
    assert len(got) == len(expected)
    got = got.sort_values(["indicator", "area", "year"]).reset_index(drop=True)
    assert got["area"].tolist() == expected["area"].tolist()
    np.testing.assert_allclose(got["value"].to_numpy(dtype=float), expected["value"].to_numpy(dtype=float),
                               rtol=1e-9, equal_nan=True)
    assert got["status"].tolist() == expected["status"].astype(str).tolist()


# --- identifiers -------------------------------------------------------------------------------


def _tiny_plan(tmp_path: Path, area: str) -> Path:
    plan = tmp_path / "plan.toml"
    plan.write_text(f'''schema = 1
[plan]
id = "tiny"
title = {{ vi = "Thử", en = "Tiny" }}
area = "{area}"
baseline_year = 2020
target_year = 2030
[[domains]]
id = "d"
name = {{ vi = "D", en = "D" }}
[[indicators]]
id = "pop"
domain = "d"
name = {{ vi = "Dân số", en = "People" }}
unit = "count"
direction = "higher"
target = "trên 10"
aggregate = "sum"
''', encoding="utf-8")
    return plan


@pytest.mark.parametrize("area", ["594", "VN", "00004", "la-gi", "Phước Hội"])
def test_plan_area_may_be_any_official_code(tmp_path: Path, area: str) -> None:
    plan = chitieu.load_plan(_tiny_plan(tmp_path, area))
    assert plan.area == area
    obs = pd.DataFrame({"indicator": ["pop", "pop"], "area": [area, area], "year": [2020, 2024],
                        "value": [5.0, 12.0]})
    summary = chitieu.evaluate(plan, obs).summary()
    assert summary.attrs["area"] == area


def test_leading_zeros_are_kept_and_ids_compared_exactly(tmp_path: Path) -> None:
    plan = chitieu.load_plan(_tiny_plan(tmp_path, "01"))
    obs = tmp_path / "o.csv"
    obs.write_text("indicator,area,year,value\npop,01,2024,3\npop,00004,2024,4\n", encoding="utf-8")
    areas = tmp_path / "a.csv"
    areas.write_text("id,code,name,level,parent,valid_from,valid_to\n01,01,Hà Nội,tỉnh,,,\n"
                     "00004,00004,Ba Đình,phường,01,,\n", encoding="utf-8")
    frame = chitieu.evaluate(plan, obs, areas=areas).to_frame()
    assert sorted(frame["area"].astype(str).unique()) == ["00004", "01"]


@pytest.mark.parametrize("bad, why", [(" 594", "begins with white space"), ("594 ", "ends with white space"),
                                      ("59\t4", "control character U+0009"), ("x" * 65, "at most 64 bytes")])
def test_bad_area_ids_are_refused_with_the_rule(bad: str, why: str) -> None:
    assert why in _core.area_id_problem(bad)
    obs = pd.DataFrame({"indicator": ["trained_labour"], "area": [bad], "year": [2024], "value": [50.0]})
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", obs)
    assert (info.value.line, info.value.field) == (1, "area") and why in info.value.message


# --- codes and errors that name the option -----------------------------------------------------


def test_an_unknown_id_that_is_a_code_names_the_option() -> None:
    obs = pd.DataFrame({"indicator": ["trained_labour"], "area": ["23231"], "year": [2024], "value": [50.0]})
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", obs, areas=AREAS)
    assert "'23231' is the official code of 'phuong-phuoc-hoi'" in info.value.message
    assert "--area-key code" in info.value.message
    with pytest.raises(chitieu.ChitieuErrors) as many:
        chitieu.evaluate("la-gi-2024", obs, areas=AREAS, errors="collect")
    assert "--area-key code" in str(many.value)


def test_a_code_resolves_by_year_and_an_old_code_says_whose_it_was() -> None:
    obs = pd.DataFrame({"indicator": ["new_jobs"] * 2, "area": ["23235", "23235"], "year": [2024, 2025],
                        "value": [50.0, 60.0]})
    frame = chitieu.evaluate("la-gi-2024", obs, areas=AREAS, area_key="code").to_frame()
    assert set(zip(frame["area"].astype(str), frame["year"])) >= {("phuong-tan-an", 2024),
                                                                 ("phuong-la-gi-2025", 2025)}
    late = pd.DataFrame({"indicator": ["trained_labour"], "area": ["23232"], "year": [2025], "value": [1.0]})
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", late, areas=AREAS, area_key="code")
    assert "no unit holds code '23232' on 31 December 2025" in info.value.message
    assert info.value.line == 1


def test_area_key_code_needs_areas() -> None:
    obs = pd.DataFrame({"indicator": ["trained_labour"], "area": ["23235"], "year": [2024], "value": [50.0]})
    with pytest.raises(chitieu.AreaError, match="needs the areas table"):
        chitieu.evaluate("la-gi-2024", obs, area_key="code")


# --- any pandas dtype -------------------------------------------------------------------------


def _areas_variants() -> Dict[str, pd.DataFrame]:
    base = pd.read_csv(AREAS, dtype=str, keep_default_na=False)
    plain = pd.read_csv(AREAS)  # code int64, parent str/NaN, dates str/NaN
    dated = pd.read_csv(AREAS, parse_dates=["valid_from", "valid_to"])  # datetime64 with NaT
    categorical = base.astype("category")
    return {"text": base, "plain": plain, "dates": dated, "categorical": categorical,
            "string": base.astype("string"), "pyarrow": base.astype("string[pyarrow]"), "str": base.astype("str")}


def _observation_variants() -> Dict[str, pd.DataFrame]:
    obs = pd.read_csv(BY_CODE, comment="#")
    return {"int64": obs, "Int64": obs.astype({"area": "Int64", "year": "Int64"}),
            "float64": obs.astype({"area": "float64", "year": "float64"}),
            "categorical": obs.astype({"area": "category", "indicator": "category"}),
            "string": obs.astype({"area": "string", "indicator": "string"}),
            "pyarrow": obs.astype({"area": "string[pyarrow]", "indicator": "string[pyarrow]"}),
           "str": obs.astype({"area": "str", "indicator": "str"})}


@pytest.mark.parametrize("variant", sorted(_observation_variants()))
def test_observation_dtypes_give_the_same_evaluation(variant: str) -> None:
    expected = _frame(chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS))
    obs = _observation_variants()[variant]
    pd.testing.assert_frame_equal(_by_code(obs, "historical"), expected)


@pytest.mark.parametrize("variant", sorted(_areas_variants()))
def test_area_dtypes_give_the_same_evaluation(variant: str) -> None:
    expected = _frame(chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS))
    pd.testing.assert_frame_equal(_frame(chitieu.evaluate("la-gi-2024", BY_ID, areas=_areas_variants()[variant])),
                                  expected)


def test_float_ids_must_be_whole() -> None:
    obs = pd.DataFrame({"indicator": ["pop"] * 2, "area": [60.0, 60.5], "year": [2024, 2024], "value": [1.0, 2.0]})
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", obs)
    assert (info.value.line, info.value.field) == (2, "area")
    assert "'60.5'" in info.value.message and "fractional part" in info.value.message


def test_areas_read_by_plain_read_csv_with_a_float_parent(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("id,code,name,level,parent,valid_from,valid_to\n60,60,Bình Thuận,tỉnh,,,\n"
                 "594,594,La Gi,thị xã,60,,\n", encoding="utf-8")
    areas = pd.read_csv(f)
    assert areas["parent"].dtype == np.float64  # 60.0 and NaN
    obs = pd.DataFrame({"indicator": ["new_jobs"], "area": [594], "year": [2024], "value": [10.0]})
    frame = chitieu.evaluate("la-gi-2024", obs, areas=areas).to_frame()
    assert set(frame["area"].astype(str)) == {"60", "594"}


def test_hypothesis_dtype_variants_agree() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    variants = _observation_variants()
    area_variants = _areas_variants()
    expected = _frame(chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS))

    @hypothesis.settings(max_examples=6, deadline=None)
    @hypothesis.given(st.sampled_from(sorted(variants)), st.sampled_from(sorted(area_variants)))
    def check(obs_variant: str, area_variant: str) -> None:
        got = _by_code(variants[obs_variant], "historical", area_variants[area_variant])
        pd.testing.assert_frame_equal(got, expected)

    check()


# --- files, layouts, encodings -------------------------------------------------------------------


def test_semicolon_csv_with_decimal_comma(tmp_path: Path) -> None:
    f = tmp_path / "o.csv"
    f.write_text("indicator;area;year;value\ntrained_labour;la-gi;2024;85,3\n", encoding="utf-8")
    obs = chitieu.read_observations(f, decimal=",")
    assert obs["value"].tolist() == [85.3]
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.read_observations(f)
    assert "'85,3' is not a number" in info.value.message and "decimal=','" in info.value.message
    assert info.value.line == 2


def test_missing_column_names_the_delimiter(tmp_path: Path) -> None:
    f = tmp_path / "o.csv"
    f.write_text("indicator;area;value\na;b;1\n", encoding="utf-8")
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.read_observations(f)
    assert "missing column 'year'" in info.value.message and "separated by semicolon ';'" in info.value.message


def _cp1258(text: str) -> bytes:
    """Text as Vietnamese Windows writes it: base letters (ơ, ư, â, ...) with the tone as a combining mark."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


def test_windows_1258_is_detected_and_normalised(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    text = "id,code,name,level,parent,valid_from,valid_to\nla-gi,594,Phường Phước Hội,thị xã,,,\n"
    f.write_bytes(_cp1258(text))
    assert b"\xcc" in f.read_bytes()  # the grave accent of "ờ" is a combining mark in Windows-1258
    frame = chitieu.io.read_areas(f).frame
    assert frame["name"].tolist() == ["Phường Phước Hội"]  # NFC, as typed
    bom = tmp_path / "b.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert chitieu.io.read_areas(bom).frame.columns[0] == "id"


def test_an_undecodable_byte_names_file_line_and_option(tmp_path: Path) -> None:
    f = tmp_path / "o.csv"
    f.write_bytes(b"indicator,area,year,value\nx,y,2024,1\nx,\xe2\x80,2025,1\n")
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.read_observations(f, encoding="utf-8")
    assert (info.value.file, info.value.line, info.value.field) == (str(f), 3, "encoding")
    assert "--encoding" in info.value.message


def test_tcvn3_text_is_named(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    # "Phường Phước Hội" typed in TCVN3 (ABC): ­ for ư, ê and ¸-style tone letters.
    f.write_bytes(b"id,name\nx,Ph\xad\xeang Ph\xad\xedc H\xe9i\ny,T\xb8n \xb5n \xb6n\n")
    with pytest.raises(chitieu.AreaError, match="TCVN3"):
        chitieu.io.read_areas(f)


def test_workbook_errors_name_sheet_and_cell(tmp_path: Path) -> None:
    book = tmp_path / "o.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"indicator": ["trained_labour"] * 2, "area": ["la-gi"] * 2, "year": [2023, 2024],
                      "value": [50.0, "n/a?"]}).to_excel(writer, sheet_name="Sheet1", index=False)
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.read_observations(book)
    assert "cell Sheet1!D3" in info.value.message and info.value.line == 3


def test_a_workbook_of_several_sheets_needs_a_sheet(tmp_path: Path) -> None:
    book = tmp_path / "o.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="one", index=False)
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="two", index=False)
    with pytest.raises(chitieu.ObservationError, match="sheet= \\(CLI: --sheet\\)"):
        chitieu.read_observations(book)


def test_wide_csv_errors_name_the_year_column(tmp_path: Path) -> None:
    f = tmp_path / "w.csv"
    f.write_text("indicator,area,2023,2024\ntrained_labour,la-gi,50,x\n", encoding="utf-8")
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.read_observations(f, layout="wide")
    assert info.value.line == 2 and "column 2024" in info.value.message
    ok = tmp_path / "ok.csv"
    ok.write_text("indicator,area,measure,2023,2024\nx,a,numerator,1,2\nx,a,denominator,4,\n", encoding="utf-8")
    long = chitieu.read_observations(ok, layout="wide")
    assert long[["year", "numerator", "denominator"]].to_numpy().tolist()[0] == [2023, 1.0, 4.0]
    assert np.isnan(long["denominator"].iloc[1])


# --- never choose silently, subsets, outputs ---------------------------------------------------------


def test_the_plans_area_without_data_is_said() -> None:
    obs = pd.DataFrame({"indicator": ["trained_labour"], "area": ["phuong-tan-an"], "year": [2024],
                        "value": [50.0]})
    ev = chitieu.evaluate("la-gi-2024", obs)
    with pytest.raises(chitieu.ChitieuError, match="the plan's area 'la-gi' has no data"):
        ev.summary()
    assert ev.summary(area="phuong-tan-an").attrs["area"] == "phuong-tan-an"


def test_indicators_subset_is_evaluated_and_counted(tmp_path: Path) -> None:
    ev = chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS, indicators=["trained_labour", "unemployment_rate"])
    assert set(ev.to_frame()["indicator"].astype(str)) == {"trained_labour", "unemployment_rate"}
    summary = ev.summary()
    assert summary.attrs["indicators"] == 2
    assert summary.attrs["plan_indicators"] == len(chitieu.load_plan("la-gi-2024").indicators) > 2
    with pytest.raises(chitieu.ChitieuError, match="not in plan"):
        chitieu.evaluate("la-gi-2024", BY_ID, indicators=["bogus"])


def test_indicators_subset_of_categorical_and_arrow_ids() -> None:
    # Categorical ids (and Arrow or polars ids, which arrive as categoricals) keep the other
    # indicators as categories once their rows are left out: the subset is still evaluated.
    chosen = ["trained_labour", "unemployment_rate"]
    expected = chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS, indicators=chosen).to_frame()
    frame = chitieu.read_observations(BY_ID).astype({"indicator": "category"})  # its locations kept
    for source in (frame, pa.Table.from_pandas(frame, preserve_index=False)):
        got = chitieu.evaluate("la-gi-2024", source, areas=AREAS, indicators=chosen).to_frame()
        assert_evaluation_equal(got, expected, rtol=0.0)  # rows follow the ids' order: row order aside


def test_a_frame_read_by_chitieu_is_written_to_parquet_and_feather(tmp_path: Path) -> None:
    # Its locations are JSON metadata for pandas' writers (they raised TypeError on them), and
    # every frame derived from it shares them instead of a deep copy of the line of every row.
    frame = chitieu.read_observations(BY_ID)
    location = frame.attrs[LOCATION_ATTR]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame.to_parquet(tmp_path / "obs.parquet")
        frame.to_feather(tmp_path / "obs.feather")
    back = pd.read_parquet(tmp_path / "obs.parquet")
    assert back.attrs[LOCATION_ATTR] == {"file": str(BY_ID), "header_line": location["header_line"], "sheet": None}
    pd.testing.assert_frame_equal(back, frame, check_dtype=False, check_categorical=False)
    derived = frame[frame.columns].copy()
    assert derived.attrs[LOCATION_ATTR] is location
    bad = derived.copy()
    bad.loc[3, "value"] = -1.0
    with pytest.raises(ObservationError) as info:
        chitieu.evaluate("la-gi-2024", bad, areas=AREAS)
    assert (info.value.file, info.value.line) == (str(BY_ID), int(location.table.lines[3]))
    back.loc[3, "value"] = -1.0  # read back from Parquet: the rows of a DataFrame, 1-based
    with pytest.raises(ObservationError) as info:
        chitieu.evaluate("la-gi-2024", back, areas=AREAS)
    assert (info.value.file, info.value.line) == ("<DataFrame>", 4)


def test_outputs_take_area_and_year(tmp_path: Path) -> None:
    ev = chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS)
    ev.to_html(tmp_path / "r.html", area="phuong-tan-an", year=2023)
    assert "2023" in (tmp_path / "r.html").read_text(encoding="utf-8")
    summary = ev.summary(area="phuong-tan-an", year=2023)
    assert (summary.attrs["area"], summary.attrs["year"]) == ("phuong-tan-an", 2023)


def test_to_arrow_and_to_polars_hold_the_frame() -> None:
    ev = chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS)
    table = ev.to_arrow()
    frame = ev.to_frame()
    assert table.column_names == list(chitieu.EVALUATION_COLUMNS) and table.num_rows == len(frame)
    np.testing.assert_array_equal(table.column("value").to_numpy(), frame["value"].to_numpy())
    assert table.column("area").to_pylist() == frame["area"].astype(str).tolist()
    polars = pytest.importorskip("polars")
    assert ev.to_polars().shape == frame.shape and isinstance(ev.to_polars(), polars.DataFrame)


def test_plot_of_an_unknown_indicator_is_a_chitieu_error() -> None:
    pytest.importorskip("matplotlib")
    ev = chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS)
    with pytest.raises(chitieu.ChitieuError, match="not in plan"):
        ev.plot("trajectory", indicator="bogus")


def test_progress_on_baseline_rows_is_never_negative_zero(tmp_path: Path) -> None:
    ev = chitieu.evaluate("la-gi-2024", BY_ID, areas=AREAS)
    frame = ev.to_frame()
    zero = frame["progress"].to_numpy() == 0.0
    falling = frame["indicator"].astype(str).isin([i.id for i in ev.plan.indicators if i.direction == "lower"])
    assert (zero & falling.to_numpy()).any()  # baseline rows of falling targets: 0 / (T - v0) with T < v0
    assert not np.signbit(frame["progress"].to_numpy()[zero]).any()
    from chitieu import cli_render

    negative_zero = re.compile(r"(?<![\d.])-0(\.0+)?(?![\d.])")
    assert not negative_zero.search(cli_render.evaluation_csv(frame))
    assert not negative_zero.search(cli_render.evaluation_json(frame))


def test_a_duckdb_relation_is_a_table(geography: str, expected: pd.DataFrame) -> None:
    duckdb = pytest.importorskip("duckdb")
    frame = pd.read_csv(BY_CODE, comment="#")  # noqa: F841 - DuckDB reads the local by its name
    relation = duckdb.sql("SELECT * FROM frame")
    pd.testing.assert_frame_equal(_by_code(relation, geography), expected)


def test_collect_mode_resolves_codes_and_lists_each_unresolved_row() -> None:
    obs = pd.DataFrame({"indicator": ["new_jobs"] * 3, "area": ["23232", "23235", "99999"],
                        "year": [2025, 2025, 2024], "value": [1.0, 2.0, 3.0]})
    with pytest.raises(chitieu.ChitieuErrors) as info:
        chitieu.evaluate("la-gi-2024", obs, areas=AREAS, area_key="code", errors="collect")
    assert [e.line for e in info.value.errors] == [1, 3]
    assert "no unit of the area table has code '99999'" in info.value.errors[1].message


def _cli(*args: str) -> tuple[int, str, str]:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "chitieu.cli", *args], capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def test_cli_indicators_area_layout_sheet_encoding(tmp_path: Path) -> None:
    code, out, err = _cli("evaluate", "--plan", "la-gi-2024", "--data", str(BY_ID), "--areas", str(AREAS),
                          "--indicators", "trained_labour,new_jobs", "--area", "phuong-tan-an", "--year", "2024")
    assert code == 0, err
    assert "2 of the plan's 40 indicators" in out
    code, _, err = _cli("evaluate", "--plan", "la-gi-2024", "--data", str(BY_ID), "--area", "nowhere")
    assert code == 2 and "area 'nowhere' has no rows" in err
    book = tmp_path / "w.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="notes", index=False)
        _wide(pd.read_csv(BY_CODE, comment="#")).to_excel(writer, sheet_name="data", index=False)
    csv = tmp_path / "ev.csv"
    code, _, err = _cli("evaluate", "--plan", "la-gi-2024", "--data", str(book), "--layout", "wide", "--sheet", "data",
                        "--areas", str(AREAS), "--area-key", "code", "--format", "csv", "--output", str(csv))
    assert code == 0, err
    by_id = tmp_path / "id.csv"
    assert _cli("evaluate", "--plan", "la-gi-2024", "--data", str(BY_ID), "--areas", str(AREAS), "--format", "csv",
                "--output", str(by_id))[0] == 0
    got, want = csv.read_text(encoding="utf-8"), by_id.read_text(encoding="utf-8")
    assert sorted(got.splitlines()) == sorted(want.splitlines())
    latin = tmp_path / "o.csv"
    latin.write_bytes(b"indicator,area,year,value\nnew_jobs,la-gi,2024,\xe2\n")
    code, _, err = _cli("evaluate", "--plan", "la-gi-2024", "--data", str(latin), "--encoding", "utf-8")
    assert code == 2 and f"{latin}:2: encoding:" in err and "--encoding" in err


def test_collect_mode_does_not_import_the_api_module() -> None:
    # api.py imports collect.py; collect.py loads plans through chitieu.plans, never through api (no cycle).
    import ast

    import chitieu.collect

    tree = ast.parse(Path(chitieu.collect.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "chitieu.api" not in imported and "chitieu.plans" in imported


def test_area_cells_that_are_no_id_or_no_date_name_their_row() -> None:
    areas = pd.read_csv(AREAS)
    half = areas.astype({"code": "float64"})
    half.loc[3, "code"] = 23231.5
    obs = pd.DataFrame({"indicator": ["new_jobs"], "area": ["la-gi"], "year": [2024], "value": [1.0]})
    with pytest.raises(chitieu.AreaError) as info:
        chitieu.evaluate("la-gi-2024", obs, areas=half)
    assert (info.value.line, info.value.field) == (4, "code") and "'23231.5'" in info.value.message
    timed = pd.read_csv(AREAS, parse_dates=["valid_to"])
    timed.loc[3, "valid_to"] = pd.Timestamp("2025-06-30 12:00")
    with pytest.raises(chitieu.AreaError) as info:
        chitieu.evaluate("la-gi-2024", obs, areas=timed)
    assert (info.value.line, info.value.field) == (4, "valid_to") and "time of day" in info.value.message

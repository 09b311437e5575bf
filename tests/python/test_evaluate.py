"""chitieu.evaluate and Evaluation: columns, categoricals, values by hand, summary, findings, reports."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import _core
from conftest import AREAS, CROSSWALK, OBSERVATIONS

COLUMNS = ["indicator", "area", "year", "value", "assessed", "status", "margin", "baseline", "progress",
           "elapsed", "pace", "projected", "p_meet", "coverage"]


def small() -> pd.DataFrame:
    """Two indicators of the La Gi plan in the town, made up to be checked by hand."""
    return pd.DataFrame({
        "indicator": ["trained_labour"] * 4 + ["unemployment_rate"] * 3,
        "area": ["la-gi"] * 7,
        "year": [2020, 2021, 2022, 2023, 2020, 2021, 2022],
        "value": [70.0, 72.0, 74.0, 76.0, 3.0, 2.5, 1.8],
    })


@pytest.fixture(scope="module")
def sample() -> chitieu.Evaluation:
    return chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS)


def row(frame: pd.DataFrame, indicator: str, area: str, year: int) -> pd.Series:
    hit = frame[(frame["indicator"] == indicator) & (frame["area"] == area) & (frame["year"] == year)]
    assert len(hit) == 1, (indicator, area, year)
    return hit.iloc[0]


def test_to_frame_columns_and_types() -> None:
    frame = chitieu.evaluate("la-gi-2024", small()).to_frame()
    assert list(frame.columns) == COLUMNS
    assert len(frame) == 7
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert list(frame["status"].cat.categories) == ["exceeded", "met", "not_met", "no_data", "not_assessed"]
    assert isinstance(frame["pace"].dtype, pd.CategoricalDtype)
    assert list(frame["pace"].cat.categories) == _core.pace_names()
    assert list(frame["pace"].cat.categories)[:7] == ["achieved", "on_track", "moderate", "stagnating",
                                                      "regressing", "insufficient_data", "not_applicable"]
    for col in ("value", "assessed", "margin", "baseline", "progress", "elapsed", "projected", "p_meet", "coverage"):
        assert frame[col].dtype == np.float64, col


def test_values_by_hand_higher() -> None:
    frame = chitieu.evaluate("la-gi-2024", small()).to_frame()
    r = row(frame, "trained_labour", "la-gi", 2023)
    # target "đạt trên 80%": met boundary 80; v = 76, v0 = 70 (2020), t0 = 2020, t1 = 2030
    assert r["status"] == "not_met"
    assert r["margin"] == pytest.approx(76 - 80)                    # -4
    assert r["baseline"] == 70.0
    assert r["progress"] == pytest.approx((76 - 70) / (80 - 70))    # 0.6
    assert r["elapsed"] == pytest.approx((2023 - 2020) / (2030 - 2020))  # 0.3
    # exact line 70 + 2 (t - 2020): projection to 2030 = 90 ≥ 80, no residual → p_meet 1
    assert r["projected"] == pytest.approx(90.0)
    assert r["p_meet"] == 1.0
    assert r["pace"] == "on_track"
    assert math.isnan(r["coverage"])          # an observation, not an aggregate
    first = row(frame, "trained_labour", "la-gi", 2020)
    assert (first["progress"], first["elapsed"]) == (0.0, 0.0)
    assert math.isnan(first["projected"]) and first["pace"] == "insufficient_data"  # one point only


def test_values_by_hand_lower() -> None:
    frame = chitieu.evaluate("la-gi-2024", small()).to_frame()
    r = row(frame, "unemployment_rate", "la-gi", 2022)
    # target "2%" with direction lower: ≤ 2; v = 1.8 → met, margin 2 − 1.8 = 0.2
    assert r["status"] == "met"
    assert r["margin"] == pytest.approx(0.2)
    assert r["progress"] == pytest.approx((1.8 - 3.0) / (2.0 - 3.0))  # 1.2
    assert r["pace"] == "achieved"


def test_year_limits_data() -> None:
    frame = chitieu.evaluate("la-gi-2024", small(), year=2021).to_frame()
    assert set(frame["year"]) == {2021}
    r = row(frame, "trained_labour", "la-gi", 2021)
    assert r["progress"] == pytest.approx((72 - 70) / (80 - 70))  # 0.2


def test_methods() -> None:
    frame = chitieu.evaluate("la-gi-2024", small(), method="sdsn").to_frame()
    r = row(frame, "trained_labour", "la-gi", 2023)
    # SDSN: ((76 − 70)/3) / ((80 − 70)/10) = 2 / 1 = 2 ≥ 1 → on_track
    assert r["pace"] == "on_track"
    frame = chitieu.evaluate("la-gi-2024", small(), method="open_sdg").to_frame()
    assert row(frame, "unemployment_rate", "la-gi", 2022)["pace"] == "target_achieved"
    with pytest.raises(chitieu.ChitieuError):
        chitieu.evaluate("la-gi-2024", small(), method="fast")


def test_dataframe_and_csv_agree(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text("# illustrative\n" + small().to_csv(index=False), encoding="utf-8")
    a = chitieu.evaluate("la-gi-2024", small()).to_frame()
    b = chitieu.evaluate("la-gi-2024", path).to_frame()
    pd.testing.assert_frame_equal(a, b)
    # categorical ids and int64 years are accepted as well
    c = small().astype({"indicator": "category", "year": "int64"})
    pd.testing.assert_frame_equal(a, chitieu.evaluate("la-gi-2024", c).to_frame())


def test_plan_object_id_and_path_agree(plan: chitieu.Plan) -> None:
    root = Path(__file__).resolve().parents[2]
    a = chitieu.evaluate(plan, small()).to_frame()
    pd.testing.assert_frame_equal(a, chitieu.evaluate("la-gi-2024", small()).to_frame())
    pd.testing.assert_frame_equal(a, chitieu.evaluate(root / "plans" / "la-gi-2024.toml", small()).to_frame())


def test_ratio_rows_without_value() -> None:
    obs = pd.DataFrame({"indicator": ["trained_labour"], "area": ["la-gi"], "year": [2020],
                        "numerator": [7.0], "denominator": [8.0]})
    r = chitieu.evaluate("la-gi-2024", obs).to_frame().iloc[0]
    assert r["value"] == pytest.approx(7 / 8 * 100)  # 87.5 %
    assert r["status"] == "met"


def test_attributes(sample: chitieu.Evaluation, plan: chitieu.Plan) -> None:
    assert sample.plan == plan
    assert sample.method == "chitieu"
    assert sample.geography is None
    assert list(sample.findings.columns) == ["kind", "indicator", "area", "year", "own", "aggregate", "message"]
    assert repr(sample).startswith("<Evaluation plan='la-gi-2024' method='chitieu' geography='historical'")


def test_roll_up_to_town(sample: chitieu.Evaluation) -> None:
    frame = sample.to_frame()
    assert {"la-gi", "phuong-phuoc-hoi", "xa-tan-hai"} <= set(frame["area"])
    obs = pd.read_csv(OBSERVATIONS, comment="#")
    # trained_labour is a ratio: the town in 2020 = Σ numerators × 100 / Σ denominators of its 9 units
    units = obs[(obs["indicator"] == "trained_labour") & (obs["year"] == 2020)]
    expected = units["numerator"].sum() * 100 / units["denominator"].sum()
    r = row(frame, "trained_labour", "la-gi", 2020)
    assert r["value"] == pytest.approx(expected, rel=1e-12)
    assert r["coverage"] == 1.0      # 9 of 9 units reported


def test_geography_reexpresses_on_todays_units() -> None:
    ev = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS, crosswalk=CROSSWALK, geography="2025-07-01")
    assert ev.geography == "2025-07-01"
    areas = set(ev.to_frame()["area"])
    assert areas == {"la-gi", "phuong-la-gi-2025", "phuong-phuoc-hoi-2025", "xa-tan-hai-2025"}
    obs = pd.read_csv(OBSERVATIONS, comment="#")
    # phường La Gi (2025) = Tân An + Bình Tân + Tân Thiện + xã Tân Bình, shares 1: ratio of sums in 2020
    parts = obs[(obs["indicator"] == "trained_labour") & (obs["year"] == 2020)
                & obs["area"].isin(["phuong-tan-an", "phuong-binh-tan", "phuong-tan-thien", "xa-tan-binh"])]
    expected = parts["numerator"].sum() * 100 / parts["denominator"].sum()
    assert row(ev.to_frame(), "trained_labour", "phuong-la-gi-2025", 2020)["value"] == pytest.approx(expected)


def test_summary(sample: chitieu.Evaluation, plan: chitieu.Plan) -> None:
    s = sample.summary()
    assert s.attrs["area"] == "la-gi" and s.attrs["year"] == 2026
    assert list(s["level"]) == ["domain"] * 7 + ["plan"]
    assert list(s["domain"][:7]) == [d.id for d in plan.domains]
    assert list(s.columns[:11]) == ["level", "domain", "name_vi", "name_en", "indicators", "with_data",
                                    "exceeded", "met", "not_met", "no_data", "not_assessed"]
    assert list(s.columns[-2:]) == ["score", "enough_data"]
    assert all(c.startswith("pace_") for c in s.columns[11:-2])
    domains, total = s[s["level"] == "domain"], s[s["level"] == "plan"].iloc[0]
    assert total["indicators"] == 40 == domains["indicators"].sum()
    for col in ("exceeded", "met", "not_met", "no_data", "not_assessed", "with_data"):
        assert total[col] == domains[col].sum(), col
    # the plan's statuses are the town's 2026 rows (indicators without one count as no data / not assessed)
    town = sample.to_frame().query("area == 'la-gi' and year == 2026")
    assert total["met"] == (town["status"] == "met").sum()
    assert total["not_met"] == (town["status"] == "not_met").sum()
    # plan score = mean of the domain scores; geometric: exp(mean(ln))
    assert total["score"] == pytest.approx(domains["score"].mean())
    g = sample.summary(geometric=True)
    assert g[g["level"] == "plan"]["score"].iloc[0] == pytest.approx(math.exp(np.log(domains["score"]).mean()))
    assert bool(total["enough_data"]) is True   # 39 of 40 indicators with data ≥ 80 %


def test_summary_other_area_and_year(sample: chitieu.Evaluation) -> None:
    s = sample.summary(area="phuong-phuoc-hoi", year=2022)
    assert (s.attrs["area"], s.attrs["year"]) == ("phuong-phuoc-hoi", 2022)
    ward = sample.to_frame().query("area == 'phuong-phuoc-hoi' and year == 2022")
    assert s[s["level"] == "plan"]["met"].iloc[0] == (ward["status"] == "met").sum()


def test_findings_own_vs_aggregate(tmp_path: Path) -> None:
    areas = tmp_path / "areas.csv"
    areas.write_text("id,code,name,level,parent,valid_from,valid_to\n"
                     "town,1,Town,thị xã,,,\nw1,11,W1,phường,town,,\nw2,12,W2,phường,town,,\n", encoding="utf-8")
    obs = pd.DataFrame({"indicator": ["social_housing_projects"] * 3, "area": ["w1", "w2", "town"],
                        "year": [2022] * 3, "value": [1.0, 2.0, 4.0]})
    ev = chitieu.evaluate("la-gi-2024", obs, areas=areas)
    f = ev.findings
    assert len(f) == 1
    # the town's own 4 projects against the sum 1 + 2 = 3 of its wards: the own value is used
    assert (f["kind"].iloc[0], f["area"].iloc[0], f["own"].iloc[0], f["aggregate"].iloc[0]) == \
        ("own_vs_aggregate", "town", 4.0, 3.0)
    assert row(ev.to_frame(), "social_housing_projects", "town", 2022)["value"] == 4.0


def test_errors_name_file_line_field(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text("# c1\n# c2\nindicator,area,year,value\ntrained_labour,la-gi,2020,50\n"
                    "trained_labour,la-gi,2021,150\n", encoding="utf-8")
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", path)
    # the second data row is on line 5 (two comments, the header, one row before it)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 5, "value")
    assert "outside the domain of unit percent" in info.value.message
    path.write_text("indicator,area,year,value\nbogus,la-gi,2020,1\n", encoding="utf-8")
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", path)
    assert (info.value.line, info.value.field) == (2, "indicator")
    assert "'bogus' is not in plan 'la-gi-2024'" in str(info.value)


def test_unknown_area_with_areas_table() -> None:
    obs = small().assign(area="nowhere")
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", obs, areas=AREAS)
    assert (info.value.file, info.value.line, info.value.field) == ("<DataFrame>", 1, "area")


def test_area_and_crosswalk_errors(tmp_path: Path) -> None:
    bad = tmp_path / "areas.csv"
    bad.write_text("id,code,name,level,parent,valid_from,valid_to\nla-gi,594,La Gi,thị xã,,,\n"
                   "x,1,X,xã,nowhere,,\n", encoding="utf-8")
    with pytest.raises(chitieu.AreaError) as info:
        chitieu.evaluate("la-gi-2024", small(), areas=bad)
    assert (info.value.file, info.value.line, info.value.field) == (str(bad), 3, "parent")
    walk = tmp_path / "walk.csv"
    walk.write_text("from,to,share,date\nphuong-tan-an,phuong-la-gi-2025,0.5,2025-07-01\n", encoding="utf-8")
    with pytest.raises(chitieu.AreaError) as info:
        chitieu.evaluate("la-gi-2024", small(), areas=AREAS, crosswalk=walk, geography="2025-07-01")
    assert (info.value.file, info.value.line, info.value.field) == (str(walk), 2, "share")
    with pytest.raises(chitieu.AreaError) as info:
        chitieu.evaluate("la-gi-2024", small(), areas=AREAS, geography="2025-07-01")
    assert info.value.field == "crosswalk"
    with pytest.raises(chitieu.AreaError) as info:
        chitieu.evaluate("la-gi-2024", small(), areas=AREAS, crosswalk=CROSSWALK)
    assert info.value.field == "geography"


def test_reports_and_repr_html(sample: chitieu.Evaluation, tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    sample.to_html(html, lang="en")
    text = html.read_text(encoding="utf-8")
    assert '<html lang="en"' in text and "Met" in text
    sample.to_html(tmp_path / "r-vi.html")
    assert "Không đạt" in (tmp_path / "r-vi.html").read_text(encoding="utf-8")
    xlsx = tmp_path / "r.xlsx"
    sample.to_excel(xlsx, lang="vi")
    import openpyxl

    wb = openpyxl.load_workbook(xlsx)
    assert len(wb.sheetnames) >= 2
    assert "Đạt" in sample._repr_html_() or "Không đạt" in sample._repr_html_()


def test_plots(sample: chitieu.Evaluation) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.axes import Axes

    assert isinstance(sample.plot(), Axes)
    assert isinstance(sample.plot("trajectory", indicator="trained_labour"), Axes)
    assert isinstance(sample.plot("domains", lang="en"), Axes)
    with pytest.raises(chitieu.ChitieuError):
        sample.plot("trajectory")
    with pytest.raises(chitieu.ChitieuError):
        sample.plot("pie")

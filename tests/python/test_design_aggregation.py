"""The aggregation rules and areas of docs/aggregation.md, checked to the letter.

Written from the rules as specified (docs/aggregation.md) by the verify-areas pass, on small hand-made areas,
crosswalks and plans; every expected number is worked out in a comment.
"""
from __future__ import annotations

import math
import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import chitieu

ROOT = Path(__file__).resolve().parents[2]
CHITIEU = ROOT / ".venv" / "bin" / "chitieu"
ENV = dict(os.environ, SKBUILD_EDITABLE_VERBOSE="0")

HEAD = """schema = 1
[plan]
id = "agg"
title = { vi = "Tổng hợp", en = "Aggregation" }
baseline_year = 2020
target_year = 2030
[[domains]]
id = "d"
name = { vi = "Lĩnh vực", en = "Domain" }
"""


def indicator(id_: str, unit: str, direction: str, target: str, aggregate: str, extra: str = "") -> str:
    return (f'[[indicators]]\nid = "{id_}"\ndomain = "d"\nname = {{ vi = "{id_}", en = "{id_}" }}\n'
            f'unit = "{unit}"\ndirection = "{direction}"\ntarget = "{target}"\naggregate = "{aggregate}"\n'
            + extra)


INDICATORS = [
    indicator("jobs", "count", "higher", "tối thiểu 100", "sum"),
    indicator("jobs_half", "count", "higher", "tối thiểu 100", "sum", "min_coverage = 0.5\n"),
    indicator("unemp", "percent", "lower", "dưới 5%", "ratio"),
    indicator("per10k", "per_10k", "higher", "tối thiểu 10", "ratio"),
    indicator("income", "money", "higher", "tối thiểu 5", "weighted_mean"),
    indicator("life_min", "years", "higher", "tối thiểu 70", "min"),
    indicator("life_max", "years", "higher", "tối thiểu 70", "max"),
    indicator("all_done", "boolean", "none", "hoàn thành", "all"),
    indicator("any_done", "boolean", "none", "hoàn thành", "any"),
    indicator("kept", "percent", "higher", "tối thiểu 50%", "none"),
    indicator("trained", "percent", "higher", "tối thiểu 50%", "ratio"),
    indicator("certified", "percent", "higher", "tối thiểu 20%", "ratio", 'part_of = "trained"\n'),
]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    p = tmp_path / "agg.toml"
    p.write_text(HEAD + "".join(INDICATORS), encoding="utf-8")
    return p


AREAS = """id,code,name,level,parent,valid_from,valid_to
T,1,Town,town,,,
a,10,Ward a,ward,T,,
b,11,Ward b,ward,T,,
c,12,Ward c,ward,T,,
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def obs_frame(rows) -> pd.DataFrame:
    cols = ["indicator", "area", "year", "value", "numerator", "denominator", "weight"]
    return pd.DataFrame([dict(zip(cols, r + (None,) * (len(cols) - len(r)))) for r in rows], columns=cols) \
        .astype({"value": float, "numerator": float, "denominator": float, "weight": float})


def row(df: pd.DataFrame, ind: str, area: str, year: int) -> pd.Series:
    hit = df[(df.indicator == ind) & (df.area == area) & (df.year == year)]
    assert len(hit) == 1, f"expected one row {ind} {area} {year}, got {len(hit)}"
    return hit.iloc[0]


def has_row(df, ind, area, year) -> bool:
    return bool(((df.indicator == ind) & (df.area == area) & (df.year == year)).any())


# ---- the rules -------------------------------------------------------------------------------

def test_each_rule_on_three_wards(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([
        ("jobs", "a", 2024, 100), ("jobs", "b", 2024, 250), ("jobs", "c", 2024, 50),
        # ratio: c has value and denominator but no numerator: 0.25 × 4000 / 100 = 10.
        ("unemp", "a", 2024, None, 100, 5000), ("unemp", "b", 2024, None, 30, 1000),
        ("unemp", "c", 2024, 0.25, None, 4000),
        # per_10k factor 10 000: (20 + 5 + 12 × 5000/10000) × 10000 / (10000 + 5000 + 5000) = 31 × 0.5 = 15.5
        ("per10k", "a", 2024, None, 20, 10000), ("per10k", "b", 2024, None, 5, 5000),
        ("per10k", "c", 2024, 12, None, 5000),
        # weighted_mean: (4×1000 + 5×3000 + 6×1000) / 5000 = 5.0
        ("income", "a", 2024, 4.0, None, None, 1000), ("income", "b", 2024, 5.0, None, None, 3000),
        ("income", "c", 2024, 6.0, None, None, 1000),
        ("life_min", "a", 2024, 74), ("life_min", "b", 2024, 76.5), ("life_min", "c", 2024, 75),
        ("life_max", "a", 2024, 74), ("life_max", "b", 2024, 76.5), ("life_max", "c", 2024, 75),
        ("all_done", "a", 2024, 1), ("all_done", "b", 2024, 0), ("all_done", "c", 2024, 1),
        ("any_done", "a", 2024, 0), ("any_done", "b", 2024, 1), ("any_done", "c", 2024, 0),
        ("kept", "a", 2024, 70), ("kept", "b", 2024, 71), ("kept", "c", 2024, 72),
    ])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    assert row(df, "jobs", "T", 2024).value == 400
    # (100 + 30 + 10) × 100 / (5000 + 1000 + 4000) = 1.4 (not the mean 1.75)
    assert row(df, "unemp", "T", 2024).value == pytest.approx(1.4)
    assert row(df, "per10k", "T", 2024).value == pytest.approx(15.5)
    assert row(df, "income", "T", 2024).value == pytest.approx(5.0)
    assert row(df, "life_min", "T", 2024).value == 74
    assert row(df, "life_max", "T", 2024).value == 76.5
    assert row(df, "all_done", "T", 2024).value == 0
    assert row(df, "any_done", "T", 2024).value == 1
    assert not has_row(df, "kept", "T", 2024)
    for ind in ("jobs", "unemp", "income", "life_min", "all_done"):
        assert row(df, ind, "T", 2024).coverage == 1.0


def test_ratio_parent_rolls_further_exactly(plan, tmp_path):
    # Province P > towns T1 (wards a, b) and T2 (ward c). Exact ratio: (10 + 30 + 60) × 100 / (100 + 300 + 1600)
    # = 100 × 100 / 2000 = 5 %; the mean of the towns' rates (10 %, 3.75 %) would be 6.875.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n"
                  "P,1,P,prov,,,\nT1,2,T1,town,P,,\nT2,3,T2,town,P,,\n"
                  "a,4,a,ward,T1,,\nb,5,b,ward,T1,,\nc,6,c,ward,T2,,\n")
    obs = obs_frame([("unemp", "a", 2024, None, 10, 100), ("unemp", "b", 2024, None, 30, 300),
                     ("unemp", "c", 2024, None, 60, 1600)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    assert row(df, "unemp", "T1", 2024).value == pytest.approx(10.0)
    assert row(df, "unemp", "T2", 2024).value == pytest.approx(3.75)
    assert row(df, "unemp", "P", 2024).value == pytest.approx(5.0)


# ---- coverage ---------------------------------------------------------------------------------

def test_coverage_no_partial_sum_and_rows_per_year(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([
        ("jobs", "a", 2022, 100), ("jobs", "b", 2022, 250), ("jobs", "c", 2022, 50),
        ("jobs", "a", 2023, 100), ("jobs", "b", 2023, 250),           # c missing
        ("jobs_half", "a", 2023, 100), ("jobs_half", "b", 2023, 250),  # 2/3 ≥ 0.5 → 350
        ("jobs_half", "a", 2024, 100),                                 # 1/3 < 0.5 → no_data
    ])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    assert row(df, "jobs", "T", 2022).value == 400
    r = row(df, "jobs", "T", 2023)
    assert math.isnan(r.value) and r.status == "no_data" and r.coverage == pytest.approx(2 / 3)
    assert r.pace == "insufficient_data"
    assert row(df, "jobs_half", "T", 2023).value == 350
    assert row(df, "jobs_half", "T", 2023).coverage == pytest.approx(2 / 3)
    r = row(df, "jobs_half", "T", 2024)
    assert math.isnan(r.value) and r.status == "no_data" and r.coverage == pytest.approx(1 / 3)
    # No child reported jobs in 2024 and none jobs_half in 2022: no parent row.
    assert not has_row(df, "jobs", "T", 2024)
    assert not has_row(df, "jobs_half", "T", 2022)


def test_min_coverage_boundary_is_inclusive(tmp_path):
    # 1 of 2 children, min_coverage 0.5: coverage 0.5 ≥ 0.5 → a value.
    plan = write(tmp_path, "p.toml", HEAD + indicator("jobs", "count", "higher", "tối thiểu 1", "sum",
                                                      "min_coverage = 0.5\n"))
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n"
                  "T,1,T,town,,,\na,2,a,ward,T,,\nb,3,b,ward,T,,\n")
    df = chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "a", 2024, 7)]), areas=areas).to_frame()
    assert row(df, "jobs", "T", 2024).value == 7 and row(df, "jobs", "T", 2024).coverage == 0.5


def test_ratio_parent_below_coverage_is_no_data(plan, tmp_path):
    # c did not report: coverage 2/3 → no_data, never the partial 130 × 100 / 6000.
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([("unemp", "a", 2024, None, 100, 5000), ("unemp", "b", 2024, None, 30, 1000)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    r = row(df, "unemp", "T", 2024)
    assert math.isnan(r.value) and r.status == "no_data" and r.coverage == pytest.approx(2 / 3)


def test_observation_row_without_any_number_is_refused(plan, tmp_path):
    # Documented reading (check_observations): an input row must carry a value or numerator and
    # denominator; an empty row is an error naming it, not a silent "did not report".
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([("unemp", "a", 2024, None, 100, 5000), ("unemp", "c", 2024, None)])
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas)
    assert info.value.line == 2 and info.value.field == "value"  # DataFrame: 1-based data row


# ---- own observation and part_of -------------------------------------------------------------

def test_own_observation_wins_and_difference_reported(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([("jobs", "a", 2024, 100), ("jobs", "b", 2024, 250), ("jobs", "c", 2024, 50),
                     ("jobs", "T", 2024, 1000)])
    ev = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas)
    df = ev.to_frame()
    assert row(df, "jobs", "T", 2024).value == 1000
    f = ev.findings
    assert len(f) == 1
    fr = f.iloc[0]
    assert fr.kind == "own_vs_aggregate" and fr.indicator == "jobs" and fr.area == "T" and fr.year == 2024
    assert fr["own"] == 1000 and fr["aggregate"] == 400


def test_own_observation_equal_to_aggregate_no_finding(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([("jobs", "a", 2024, 100), ("jobs", "b", 2024, 250), ("jobs", "c", 2024, 50),
                     ("jobs", "T", 2024, 400)])
    ev = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas)
    assert row(ev.to_frame(), "jobs", "T", 2024).value == 400 and len(ev.findings) == 0


def test_part_of_exceeding_its_whole_in_input_is_refused(plan, tmp_path):
    # "never exceeds it": an observed part above its observed whole is an input error naming the row.
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([("trained", "a", 2024, None, 40, 100), ("certified", "a", 2024, None, 50, 100)])
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas)
    assert info.value.line == 2 and "exceeds" in str(info.value)  # DataFrame: 1-based data row


def test_part_of_own_vs_shared_denominator(plan, tmp_path):
    # "shares its whole's denominator": a part whose denominator differs from its whole's is reported.
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([
        ("trained", "a", 2024, None, 40, 100), ("certified", "a", 2024, None, 30, 100),
        ("trained", "b", 2024, None, 60, 100), ("certified", "b", 2024, None, 30, 120),  # differs
        ("trained", "c", 2024, None, 50, 100), ("certified", "c", 2024, None, 20, 100),
    ])
    ev = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas)
    kinds = {(r.kind, r.area) for r in ev.findings.itertuples()}
    assert ("part_denominator_differs", "b") in kinds
    assert ("part_denominator_differs", "T") in kinds   # 320 vs 300 at the town
    assert not any(area in ("a", "c") for _, area in kinds)
    df = ev.to_frame()
    # town: trained 150 × 100 / 300 = 50 %; certified 80 × 100 / 320 = 25 %
    assert row(df, "trained", "T", 2024).value == pytest.approx(50)
    assert row(df, "certified", "T", 2024).value == pytest.approx(25)


# ---- areas: validity on 31 December, code reuse ----------------------------------------------

def test_units_of_a_year_are_those_valid_on_31_december(plan, tmp_path):
    # b abolished 2024-06-30 (not a unit of 2024); n created 2024-07-01 (a unit of 2024);
    # n reuses b's code 11 later (allowed).
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n"
                  "T,1,T,town,,,\na,10,a,ward,T,,\nb,11,b,ward,T,,2024-06-30\n"
                  "n,11,n,ward,T,2024-07-01,\n")
    obs = obs_frame([("jobs", "a", 2023, 10), ("jobs", "b", 2023, 20),
                     ("jobs", "a", 2024, 30), ("jobs", "n", 2024, 40)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    assert row(df, "jobs", "T", 2023).value == 30 and row(df, "jobs", "T", 2023).coverage == 1.0
    assert row(df, "jobs", "T", 2024).value == 70 and row(df, "jobs", "T", 2024).coverage == 1.0


def test_observation_of_unit_not_valid_that_year_is_error(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n"
                  "T,1,T,town,,,\na,10,a,ward,T,,\nb,11,b,ward,T,,2024-06-30\n")
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "b", 2024, 5)]), areas=areas)
    assert "b" in str(info.value) and info.value.field == "area"


def test_parent_link_taken_on_31_december(plan, tmp_path):
    # Town U created 2024-07-01 replaces T as the grouping of a2 (new id) — the parent of a year is
    # that valid on its 31 December: 2023 rolls to T, 2024 to U.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n"
                  "T,1,T,town,,,2024-06-30\nU,1,U,town,,2024-07-01,\n"
                  "a,10,a,ward,T,,2024-06-30\na2,10,a,ward,U,2024-07-01,\n")
    obs = obs_frame([("jobs", "a", 2023, 10), ("jobs", "a2", 2024, 20)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    assert row(df, "jobs", "T", 2023).value == 10
    assert row(df, "jobs", "U", 2024).value == 20
    assert not has_row(df, "jobs", "T", 2024) and not has_row(df, "jobs", "U", 2023)


@pytest.mark.parametrize("text,field", [
    ("T,1,T,town,,,\nT,2,T2,town,,,\n", "id"),                              # duplicate id
    ("T,1,T,town,,,\na,10,a,ward,X,,\n", "parent"),                          # unknown parent
    ("T,1,T,town,,,\na,10,a,ward,T,,\nb,10,b,ward,T,,\n", "code"),           # same code, same level, same time
    ("T,1,T,town,,,2020-12-31\na,10,a,ward,T,,\n", "parent"),                # parent gone while child valid
    ("T,1,T,town,,2025-01-01,2024-01-01\n", "valid_to"),                     # reversed validity
])
def test_bad_areas_refused(plan, tmp_path, text, field):
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n" + text)
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "T", 2020, 5)]), areas=areas)
    assert info.value.field == field and info.value.line is not None


# ---- geography ------------------------------------------------------------------------------

SPLIT_AREAS = """id,code,name,level,parent,valid_from,valid_to
T,1,T,town,,,
a,10,a,ward,T,,2019-12-31
b,11,b,ward,T,2020-01-01,2025-06-30
c,12,c,ward,T,2020-01-01,
d,13,d,ward,T,2025-07-01,
"""
# a splits into b (0.6) and c (0.4) on 2020-01-01; b merges into d on 2025-07-01.
SPLIT_CROSSWALK = """from,to,share,date
a,b,0.6,2020-01-01
a,c,0.4,2020-01-01
b,d,1,2025-07-01
"""


def test_geography_split_scales_sums_numerators_denominators_weights(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", SPLIT_AREAS)
    cw = write(tmp_path, "cw.csv", SPLIT_CROSSWALK)
    obs = obs_frame([
        ("jobs", "a", 2019, 1000),
        ("unemp", "a", 2019, None, 200, 8000),
        ("income", "a", 2019, 4.2, None, None, 500),
        ("life_min", "a", 2019, 74.5),
        ("jobs", "c", 2020, 50),
    ])
    ev = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas, crosswalk=cw, geography="2021-06-01")
    df = ev.to_frame()
    assert not has_row(df, "jobs", "a", 2019)
    assert row(df, "jobs", "b", 2019).value == pytest.approx(600)     # 1000 × 0.6
    assert row(df, "jobs", "c", 2019).value == pytest.approx(400)     # 1000 × 0.4
    # ratio: 120 / 4800 = 2.5 % in b and 80 / 3200 = 2.5 % in c
    assert row(df, "unemp", "b", 2019).value == pytest.approx(2.5)
    assert row(df, "unemp", "c", 2019).value == pytest.approx(2.5)
    assert row(df, "income", "b", 2019).value == pytest.approx(4.2)
    assert row(df, "life_min", "c", 2019).value == 74.5
    # The town of 2019 on the 2021 units: 600 + 400 = 1000 (and the 2019 town equals the historical one).
    assert row(df, "jobs", "T", 2019).value == pytest.approx(1000)
    assert row(df, "unemp", "T", 2019).value == pytest.approx(2.5)


def test_geography_merge_combines_ratio_and_weights(plan, tmp_path):
    # x and y merge into z on 2025-07-01. Ratio: (10 + 30) × 100 / (100 + 900) = 4 % (mean of rates: 6.67).
    # weighted_mean: (4 × 100 + 8 × 300) / 400 = 7.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n"
                  "T,1,T,town,,,\nx,10,x,ward,T,,2025-06-30\ny,11,y,ward,T,,2025-06-30\n"
                  "z,10,z,ward,T,2025-07-01,\n")
    cw = write(tmp_path, "cw.csv", "from,to,share,date\nx,z,1,2025-07-01\ny,z,1,2025-07-01\n")
    obs = obs_frame([("unemp", "x", 2024, None, 10, 100), ("unemp", "y", 2024, None, 30, 900),
                     ("income", "x", 2024, 4, None, None, 100), ("income", "y", 2024, 8, None, None, 300),
                     ("jobs", "x", 2024, 5)])  # y did not report jobs
    ev = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas, crosswalk=cw, geography="2025-07-01")
    df = ev.to_frame()
    assert row(df, "unemp", "z", 2024).value == pytest.approx(4.0)
    assert row(df, "income", "z", 2024).value == pytest.approx(7.0)
    # Coverage carried through the crosswalk: 1 of 2 predecessors → no_data with coverage 1/2,
    # and the town, whose only child z is no_data, is no_data too.
    r = row(df, "jobs", "z", 2024)
    assert math.isnan(r.value) and r.status == "no_data" and r.coverage == pytest.approx(0.5)
    # Documented reading (docs/aggregation.md §2): a no_data aggregate does not report, so the town,
    # whose only 2025 child z is no_data, has no row in 2024 (historically it has x and y: a row
    # no_data with coverage 1/2).
    assert not has_row(df, "jobs", "T", 2024)
    hist = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    h = row(hist, "jobs", "T", 2024)
    assert math.isnan(h.value) and h.coverage == pytest.approx(0.5)


def test_geography_merge_ratio_value_and_denominator_only(plan, tmp_path):
    # x gives value 2 % with denominator 500 (numerator 2 × 500 / 100 = 10), y 30 / 500:
    # z = 40 × 100 / 1000 = 4 %.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n"
                  "x,10,x,ward,,,2025-06-30\ny,11,y,ward,,,2025-06-30\nz,10,z,ward,,2025-07-01,\n")
    cw = write(tmp_path, "cw.csv", "from,to,share,date\nx,z,1,2025-07-01\ny,z,1,2025-07-01\n")
    obs = obs_frame([("unemp", "x", 2024, 2, None, 500), ("unemp", "y", 2024, None, 30, 500)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas, crosswalk=cw,
                          geography="2025-07-01").to_frame()
    assert row(df, "unemp", "z", 2024).value == pytest.approx(4.0)


def test_geography_chain_followed(plan, tmp_path):
    # a (2019) → b 0.6 → d: a's 1000 jobs of 2019 reach d as 600 and c as 400 on 2025-07-01.
    areas = write(tmp_path, "areas.csv", SPLIT_AREAS)
    cw = write(tmp_path, "cw.csv", SPLIT_CROSSWALK)
    obs = obs_frame([("jobs", "a", 2019, 1000), ("jobs", "b", 2022, 300), ("jobs", "c", 2022, 200)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas, crosswalk=cw,
                          geography="2025-07-01").to_frame()
    assert row(df, "jobs", "d", 2019).value == pytest.approx(600)
    assert row(df, "jobs", "c", 2019).value == pytest.approx(400)
    assert row(df, "jobs", "d", 2022).value == pytest.approx(300)
    assert row(df, "jobs", "T", 2022).value == pytest.approx(500)
    assert not has_row(df, "jobs", "b", 2022)


def test_geography_old_unit_without_successor_is_error(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", SPLIT_AREAS + "e,14,e,ward,T,,2022-12-31\n")
    cw = write(tmp_path, "cw.csv", SPLIT_CROSSWALK)
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "e", 2021, 5)]), areas=areas,
                         crosswalk=cw, geography="2025-07-01")
    assert "'e'" in str(info.value) or " e " in str(info.value)


def test_geography_historical_default_keeps_own_units(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", SPLIT_AREAS)
    obs = obs_frame([("jobs", "a", 2019, 1000), ("jobs", "b", 2022, 300), ("jobs", "c", 2022, 200)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    assert row(df, "jobs", "a", 2019).value == 1000
    assert row(df, "jobs", "T", 2019).value == 1000
    assert row(df, "jobs", "T", 2022).value == 500
    assert not has_row(df, "jobs", "d", 2019)


def test_cli_geography_and_csv(plan, tmp_path):
    areas = write(tmp_path, "areas.csv", SPLIT_AREAS)
    cw = write(tmp_path, "cw.csv", SPLIT_CROSSWALK)
    obs = write(tmp_path, "obs.csv", "indicator,area,year,value\njobs,a,2019,1000\njobs,c,2022,200\n"
                "jobs,b,2022,300\n")
    r = subprocess.run([str(CHITIEU), "evaluate", "--plan", plan and str(plan), "--data", obs, "--areas", areas,
                        "--crosswalk", cw, "--geography", "2025-07-01", "--format", "csv"],
                       capture_output=True, text=True, env=ENV, timeout=120)
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(pd.io.common.StringIO(r.stdout))
    assert row(df, "jobs", "d", 2019).value == pytest.approx(600)
    assert row(df, "jobs", "T", 2022).value == pytest.approx(500)
    bad = write(tmp_path, "bad-areas.csv", "id,code,name,level,parent,valid_from,valid_to\nT,1,T,town,,,\n"
                "a,10,a,ward,Q,,\n")
    r = subprocess.run([str(CHITIEU), "evaluate", "--plan", str(plan), "--data", obs, "--areas", bad],
                       capture_output=True, text=True, env=ENV, timeout=120)
    assert r.returncode == 2 and "bad-areas.csv:3" in r.stderr and "parent" in r.stderr


# ---- more cases: shares on weights and numerators when arriving rows combine -------------------

SPLIT_MERGE_AREAS = """id,code,name,level,parent,valid_from,valid_to
T,1,T,town,,,
a,10,a,ward,T,,2024-12-31
e,11,e,ward,T,,2024-12-31
b,12,b,ward,T,2025-01-01,
c,13,c,ward,T,2025-01-01,
"""
# a splits in halves into b and c; e merges whole into b (2025-01-01).
SPLIT_MERGE_CROSSWALK = "from,to,share,date\na,b,0.5,2025-01-01\na,c,0.5,2025-01-01\ne,b,1,2025-01-01\n"


@pytest.fixture
def split_merge(tmp_path):
    return dict(areas=write(tmp_path, "areas.csv", SPLIT_MERGE_AREAS),
                crosswalk=write(tmp_path, "cw.csv", SPLIT_MERGE_CROSSWALK), geography="2025-01-01")


def test_share_scales_weights_when_combined(plan, split_merge):
    # b = (0.5 × 1000 × 4 + 1 × 500 × 10) / (500 + 500) = 7 (unscaled weights would give 6); c = 4.
    # T on the 2025 units = (7 × 1000 + 4 × 500) / 1500 = 6 = the historical (4 × 1000 + 10 × 500) / 1500.
    obs = obs_frame([("income", "a", 2024, 4, None, None, 1000), ("income", "e", 2024, 10, None, None, 500)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, **split_merge).to_frame()
    assert row(df, "income", "b", 2024).value == pytest.approx(7.0)
    assert row(df, "income", "c", 2024).value == pytest.approx(4.0)
    assert row(df, "income", "T", 2024).value == pytest.approx(6.0)


@pytest.mark.parametrize("a_row", [(None, 100, 1000), (10, None, 1000)])
def test_share_scales_numerators_and_denominators(plan, split_merge, a_row):
    # a: 100 / 1000 (or value 10 % with denominator 1000: numerator 10 × 1000 / 100 = 100); e: 50 / 1000.
    # b = (50 + 50) × 100 / (500 + 1000) = 6.667 (unscaled: 7.5); c = 50 × 100 / 500 = 10; T = 150 × 100 / 2000 = 7.5.
    v, n, den = a_row
    obs = obs_frame([("unemp", "a", 2024, v, n, den), ("unemp", "e", 2024, None, 50, 1000)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, **split_merge).to_frame()
    assert row(df, "unemp", "b", 2024).value == pytest.approx(100 / 15)
    assert row(df, "unemp", "c", 2024).value == pytest.approx(10.0)
    assert row(df, "unemp", "T", 2024).value == pytest.approx(7.5)


def test_coverage_through_split_and_min_coverage(plan, split_merge):
    # e did not report: b has 1 of its 2 predecessors (coverage 1/2) → no_data under min_coverage 1;
    # c has its only predecessor a → 50. The town's children b, c: b does not report → coverage 1/2.
    # With min_coverage 0.5 b = 0.5 × 100 = 50 (coverage 1/2).
    obs = obs_frame([("jobs", "a", 2024, 100), ("jobs_half", "a", 2024, 100)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, **split_merge).to_frame()
    b = row(df, "jobs", "b", 2024)
    assert math.isnan(b.value) and b.status == "no_data" and b.coverage == pytest.approx(0.5)
    assert row(df, "jobs", "c", 2024).value == pytest.approx(50) and row(df, "jobs", "c", 2024).coverage == 1
    t = row(df, "jobs", "T", 2024)
    assert math.isnan(t.value) and t.coverage == pytest.approx(0.5)
    hb = row(df, "jobs_half", "b", 2024)
    assert hb.value == pytest.approx(50) and hb.coverage == pytest.approx(0.5)


def test_min_max_all_any_through_merge(plan, split_merge):
    obs = obs_frame([("life_min", "a", 2024, 70), ("life_min", "e", 2024, 80),
                     ("life_max", "a", 2024, 70), ("life_max", "e", 2024, 80),
                     ("all_done", "a", 2024, 1), ("all_done", "e", 2024, 0),
                     ("any_done", "a", 2024, 1), ("any_done", "e", 2024, 0)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, **split_merge).to_frame()
    assert (row(df, "life_min", "b", 2024).value, row(df, "life_min", "c", 2024).value) == (70, 70)
    assert (row(df, "life_max", "b", 2024).value, row(df, "life_max", "c", 2024).value) == (80, 70)
    assert (row(df, "all_done", "b", 2024).value, row(df, "all_done", "c", 2024).value) == (0, 1)
    assert (row(df, "any_done", "b", 2024).value, row(df, "any_done", "T", 2024).value) == (1, 1)


def test_none_rule_cannot_be_combined(plan, split_merge):
    obs = obs_frame([("kept", "a", 2024, 50), ("kept", "e", 2024, 60)])
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs, **split_merge)
    assert "kept" in str(info.value)


def test_persisting_unit_absorbing_others_has_their_coverage(plan, tmp_path):
    # z keeps its id and absorbs y (whole) and half of a. 2024: z 10, a 100, y missing →
    # z's units of 2024 are z, y, a: 2 of 3 reported → no_data 2/3; w (half of a) = 50.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\nT,1,T,t,,,\n"
                  "z,2,z,w,T,,\ny,3,y,w,T,,2025-06-30\na,4,a,w,T,,2025-06-30\nw,5,w,w,T,2025-07-01,\n")
    cw = write(tmp_path, "cw.csv", "from,to,share,date\ny,z,1,2025-07-01\na,z,0.5,2025-07-01\n"
               "a,w,0.5,2025-07-01\n")
    p = chitieu.load_plan(plan)
    obs = obs_frame([("jobs", "z", 2024, 10), ("jobs", "a", 2024, 100)])
    df = chitieu.evaluate(p, obs, areas=areas, crosswalk=cw, geography="2025-07-01").to_frame()
    z = row(df, "jobs", "z", 2024)
    assert math.isnan(z.value) and z.coverage == pytest.approx(2 / 3)
    assert row(df, "jobs", "w", 2024).value == pytest.approx(50)
    obs = obs_frame([("jobs", "z", 2024, 10), ("jobs", "y", 2024, 20), ("jobs", "a", 2024, 100)])
    df = chitieu.evaluate(p, obs, areas=areas, crosswalk=cw, geography="2025-07-01").to_frame()
    assert row(df, "jobs", "z", 2024).value == pytest.approx(80)   # 10 + 20 + 50
    assert row(df, "jobs", "T", 2024).value == pytest.approx(130)  # 80 + 50 = 10 + 20 + 100


def test_geography_date_before_a_new_unit_is_refused(plan, split_merge):
    # b was created 2025-01-01: on 2024-06-01 it cannot be split back into a and e.
    split_merge["geography"] = "2024-06-01"
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "b", 2025, 1)]), **split_merge)
    assert "'b'" in str(info.value) and info.value.field == "area"


# ---- more cases: areas ------------------------------------------------------------------------

def test_31_december_edges(plan, tmp_path):
    # a from 2024-12-31 is a unit of 2024; b to 2024-12-30 is not: the town's 2024 coverage is 1 of 1.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\nT,1,T,t,,,\n"
                  "a,2,a,w,T,2024-12-31,\nb,3,b,w,T,,2024-12-30\n")
    df = chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "a", 2024, 5)]), areas=areas).to_frame()
    assert row(df, "jobs", "T", 2024).value == 5 and row(df, "jobs", "T", 2024).coverage == 1
    with pytest.raises(chitieu.ChitieuError):
        chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "b", 2024, 5)]), areas=areas)


@pytest.mark.parametrize("text,ok", [
    ("T,1,T,t,,,\na,2,a,w,T,,2024-07-01\nb,2,b,w,T,2024-07-01,\n", False),  # one common day
    ("T,1,T,t,,,\na,2,a,w,T,,2024-06-30\nb,2,b,w,T,2024-07-01,\n", True),   # reuse the next day
    ("T,2,T,t,,,\na,2,a,w,T,,\n", True),                                    # same code, other level
    ("T,1,T,t,a,,\na,2,a,w,T,,\n", False),                                  # a cycle
    ("T,1,T,t,T,,\n", False),                                               # its own parent
])
def test_code_reuse_and_cycles(plan, tmp_path, text, ok):
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\n" + text)
    obs = obs_frame([("jobs", "T", 2024, 5)])
    if ok:
        chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas)
    else:
        with pytest.raises(chitieu.ChitieuError) as info:
            chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas)
        assert info.value.field in ("code", "parent") and info.value.line is not None


def test_grandparent_counts_a_no_data_child_as_not_reported(plan, tmp_path):
    # P > T (a, b), U (c). a and c report: T no_data (1/2), U = 7 (1/1), P: 1 of 2 children → no_data 1/2.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\nP,0,P,p,,,\n"
                  "T,1,T,t,P,,\nU,4,U,t,P,,\na,2,a,w,T,,\nb,3,b,w,T,,\nc,5,c,w,U,,\n")
    df = chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "a", 2024, 5), ("jobs", "c", 2024, 7)]),
                          areas=areas).to_frame()
    assert math.isnan(row(df, "jobs", "T", 2024).value) and row(df, "jobs", "T", 2024).coverage == 0.5
    assert row(df, "jobs", "U", 2024).value == 7
    p = row(df, "jobs", "P", 2024)
    assert math.isnan(p.value) and p.coverage == 0.5


# ---- more cases: rule inputs ------------------------------------------------------------------

def test_ratio_factor_one_units(tmp_path):
    # unit ratio and m2_per_person have factor 1: (2 + 3 + 1.5 × 10) / (1 + 1 + 10) = 20/12;
    # (300 + 200 + 25 × 10) / 30 = 25.
    plan = write(tmp_path, "p.toml", HEAD + indicator("rr", "ratio", "higher", "tối thiểu 2", "ratio")
                 + indicator("m2", "m2_per_person", "higher", "30 - 32 m²/người", "ratio"))
    areas = write(tmp_path, "areas.csv", AREAS)
    obs = obs_frame([("rr", "a", 2024, None, 2, 1), ("rr", "b", 2024, None, 3, 1), ("rr", "c", 2024, 1.5, None, 10),
                     ("m2", "a", 2024, None, 300, 10), ("m2", "b", 2024, None, 200, 10),
                     ("m2", "c", 2024, 25, None, 10)])
    df = chitieu.evaluate(chitieu.load_plan(plan), obs, areas=areas).to_frame()
    assert row(df, "rr", "T", 2024).value == pytest.approx(20 / 12)
    assert row(df, "m2", "T", 2024).value == pytest.approx(25)


@pytest.mark.parametrize("bad,field", [
    (("unemp", "a", 2024, 5, 10, 100), "value"),           # value disagrees with 10 × 100 / 100
    (("unemp", "a", 2024, None, 10, None), "denominator"),  # numerator without denominator
    (("unemp", "a", 2024, 5), "denominator"),               # a child the ratio cannot combine
    (("income", "a", 2024, 5), "weight"),                   # weighted_mean without weight
    (("all_done", "a", 2024, 0.5), "value"),                # not a boolean
    (("unemp", "a", 2024, None, 200, 100), "numerator"),    # a percent above 100
])
def test_rule_inputs_refused(plan, tmp_path, bad, field):
    areas = write(tmp_path, "areas.csv", AREAS)
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs_frame([bad]), areas=areas)
    assert info.value.field == field and info.value.line == 1


def test_cli_reports_own_vs_aggregate_difference(plan, tmp_path):
    # "A parent's own observation wins over its aggregate; the difference is reported": the CSV row
    # carries the own value 100, and stderr says it differs from the children's sum 5 + 6 = 11.
    areas = write(tmp_path, "areas.csv", "id,code,name,level,parent,valid_from,valid_to\nT,1,T,t,,,\n"
                  "a,2,a,w,T,,\nb,3,b,w,T,,\n")
    obs = write(tmp_path, "obs.csv", "indicator,area,year,value\njobs,a,2024,5\njobs,b,2024,6\njobs,T,2024,100\n")
    for fmt in ("csv", "json", "table"):
        r = subprocess.run([str(CHITIEU), "evaluate", "--plan", str(plan), "--data", obs, "--areas", areas,
                            "--format", fmt], capture_output=True, text=True, env=ENV, timeout=120)
        assert r.returncode == 0, r.stderr
        assert "chitieu: note: own observation 100 of 'T' for 'jobs' in 2024 differs from the sum" in r.stderr
        assert "aggregate" not in r.stdout or fmt == "table"
    r = subprocess.run([str(CHITIEU), "evaluate", "--plan", str(plan), "--data", obs, "--areas", areas,
                        "--format", "csv"], capture_output=True, text=True, env=ENV, timeout=120)
    assert "jobs,T,2024,100.0," in r.stdout
    # No finding, no note.
    quiet = write(tmp_path, "quiet.csv", "indicator,area,year,value\njobs,a,2024,5\njobs,b,2024,6\n")
    r = subprocess.run([str(CHITIEU), "evaluate", "--plan", str(plan), "--data", quiet, "--areas", areas,
                        "--format", "csv"], capture_output=True, text=True, env=ENV, timeout=120)
    assert r.returncode == 0 and r.stderr == ""


_BASE_LINKS = SPLIT_CROSSWALK.split("\n", 1)[1]


@pytest.mark.parametrize("links,line,field", [
    (_BASE_LINKS.replace("0.6", "0").replace("0.4", "1"), 2, "share"),            # share 0
    (_BASE_LINKS.replace("a,c,0.4", "a,c,0.3"), 2, "share"),                      # shares sum to 0.9
    (_BASE_LINKS + "c,c,1,2025-07-01\n", 5, "to"),                                # a self link
    (_BASE_LINKS + "zz,c,1,2025-07-01\n", 5, "from"),                             # unknown unit
    (_BASE_LINKS.replace("a,c,0.4,2020-01-01", "a,c,0.4,2020-02-01"), 3, "date"),  # dissolved twice
    (_BASE_LINKS + "d,b,1,2026-01-01\n", 5, "to"),                                # a cycle
])
def test_bad_crosswalk_refused_with_line_and_field(plan, tmp_path, links, line, field):
    areas = write(tmp_path, "areas.csv", SPLIT_AREAS)
    cw = write(tmp_path, "cw.csv", "from,to,share,date\n" + links)
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "c", 2022, 5)]), areas=areas,
                         crosswalk=cw, geography="2025-07-01")
    assert (info.value.line, info.value.field) == (line, field)


def test_old_unit_without_successor_but_without_data_is_fine(plan, tmp_path):
    # Only an old unit *with observations* and no successor is an error.
    areas = write(tmp_path, "areas.csv", SPLIT_AREAS + "e,14,e,ward,T,,2022-12-31\n")
    cw = write(tmp_path, "cw.csv", SPLIT_CROSSWALK)
    df = chitieu.evaluate(chitieu.load_plan(plan), obs_frame([("jobs", "c", 2022, 5)]), areas=areas,
                          crosswalk=cw, geography="2025-07-01").to_frame()
    assert row(df, "jobs", "c", 2022).value == 5

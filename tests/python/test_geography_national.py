"""The national sample: every commune of one province, evaluated before and after the 2025 reform by GSO code."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from chitieu.cli import main

pytest.importorskip("vietnamadminunits", reason="the geography of Viet Nam needs vietnamadminunits (chitieu[vn])")

from chitieu.geography.national_demo import national_review
from chitieu.geography.sample import SAMPLE_GAP, SAMPLE_INDICATORS

INDICATORS = [i for i, _, _ in SAMPLE_INDICATORS]


@pytest.fixture(scope="module")
def review():
    historical, today, observations, areas = national_review("68")
    return historical.to_frame(), today.to_frame(), observations, areas


def _value(frame, indicator, area, year):
    row = frame[(frame["indicator"] == indicator) & (frame["area"] == area) & (frame["year"] == year)]
    assert len(row) == 1, (indicator, area, year)
    return row.iloc[0]


def _ratio(rows):
    return rows["numerator"].sum() * 100.0 / rows["denominator"].sum()


def _province_of(areas):
    """The province of a unit (climbing its parents)."""
    parent, level = dict(zip(areas["id"], areas["parent"])), dict(zip(areas["id"], areas["level"]))

    def province(unit):
        while level[unit] != "cấp tỉnh":
            unit = parent[unit]
        return unit
    return province


def test_the_sample_is_keyed_by_gso_codes_on_both_sides_of_the_reform(review):
    _, _, observations, areas = review
    codes = set(areas["code"])
    assert set(observations["area"]) <= codes
    before = set(observations.loc[observations["year"] <= 2024, "area"])
    after = set(observations.loc[observations["year"] >= 2025, "area"])
    assert len(before) == 329 and len(after) == 124
    assert observations.attrs["note"] == "ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS"


def test_province_totals_are_equal_before_and_after_re_expression(review):
    historical, today, observations, areas = review
    province = _province_of(areas)
    old = observations[observations["year"] <= 2024].assign(province=lambda f: f["area"].map(province))
    assert set(old["province"]) == {"60", "67", "68"}
    checked = 0
    for (indicator, year), rows in old.groupby(["indicator", "year"]):
        if (indicator, year) == SAMPLE_GAP:
            continue
        combined = _ratio(rows)  # the three old provinces together: Σ numerators × 100 / Σ denominators
        after = _value(today, indicator, "68-2025", year)["value"]
        assert abs(after - combined) <= 1e-9 * combined
        for code, part in rows.groupby("province"):  # each old province, historically, from its own communes
            before = _value(historical, indicator, code, year)["value"]
            assert abs(before - _ratio(part)) <= 1e-9 * before
        checked += 1
    assert checked == 5 * len(INDICATORS) - 1


def test_after_the_reform_both_geographies_agree(review):
    historical, today, _, _ = review
    for indicator in INDICATORS:
        for year in (2025, 2026):
            a = _value(historical, indicator, "68-2025", year)
            b = _value(today, indicator, "68-2025", year)
            assert a["value"] == b["value"] and a["coverage"] == b["coverage"] == 1.0


def test_the_gap_shows_as_coverage_in_both_geographies(review):
    historical, today, observations, areas = review
    indicator, year = SAMPLE_GAP
    after = _value(today, indicator, "68-2025", year)
    assert np.isnan(after["value"]) and after["status"] == "no_data" and 0.98 < after["coverage"] < 1.0
    reporting = set(observations.loc[(observations["indicator"] == indicator) & (observations["year"] == year), "area"])
    missing = sorted(set(observations.loc[observations["year"] == year, "area"]) - reporting)
    assert len(missing) == 1
    province = _province_of(areas)(missing[0])
    before = _value(historical, indicator, province, year)
    assert np.isnan(before["value"]) and before["status"] == "no_data" and before["coverage"] < 1.0


def test_cli_national_demo(tmp_path):
    assert main(["demo", "--national", "--output", str(tmp_path), "--lang", "en"]) == 0
    today = pd.read_csv(tmp_path / "national-68-today.csv", dtype={"area": str})
    historical = pd.read_csv(tmp_path / "national-68-historical.csv", dtype={"area": str})
    assert {"68-2025", "VN"} <= set(today["area"]) and {"60", "67", "68", "68-2025"} <= set(historical["area"])
    assert not (set(today["area"]) & {"60", "67", "68"})  # every year on today's units


def test_cli_national_demo_refuses_an_old_province_code(tmp_path, capsys):
    assert main(["demo", "--national", "--province", "60", "--output", str(tmp_path)]) == 2
    assert "'60' is not the code of a province valid from 2025-07-01" in capsys.readouterr().err

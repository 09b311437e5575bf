"""Targets of the phrase grammar's second edition end to end: a yearly rate (annual_change), a
bounded "duy trì" and a per-thousand unit, through the plan file, evaluate(), the CLI and the
HTML and Excel reports, with the hand-worked figures of tests/cpp/test_evaluate_annual_change.cpp."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import chitieu

PLAN = Path(__file__).resolve().parents[1] / "fuzz" / "corpus" / "plan" / "annual_change.toml"


def observations() -> pd.DataFrame:
    rows = [("poverty", "a", y, 10.0 - 1.2 * (y - 2020)) for y in range(2020, 2024)]        # −1.2 points a year
    rows += [("income", "a", 2020, 100.0), ("income", "a", 2021, 107.5), ("income", "a", 2022, 115.5625)]
    rows += [("records", "a", y, v) for y, v in ((2020, 100.0), (2021, 100.0), (2022, 98.5), (2023, 100.0))]
    rows += [("infant_deaths", "a", 2020, 15.0), ("infant_deaths", "a", 2021, 11.5)]
    return pd.DataFrame(rows, columns=["indicator", "area", "year", "value"])


def row(frame: pd.DataFrame, indicator: str, year: int) -> pd.Series:
    hit = frame[(frame["indicator"].astype(str) == indicator) & (frame["year"] == year)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_plan_reads_the_new_kinds_and_units() -> None:
    plan = chitieu.load_plan(PLAN)
    inds = {i["id"]: i for i in plan.to_dict()["indicators"]}
    assert inds["poverty"]["target_spec"]["kind"] == "annual_change"
    assert inds["poverty"]["change"] == "points"
    assert inds["income"]["change"] is None
    assert inds["records"]["target_spec"]["kind"] == "sustained"
    assert inds["infant_deaths"]["unit"] == "per_1k"
    assert chitieu.ratio_factor("per_1k") == 1000.0


def test_evaluation_of_the_new_kinds() -> None:
    frame = chitieu.evaluate(PLAN, observations()).to_frame()
    poverty = row(frame, "poverty", 2023)
    assert poverty["assessed"] == pytest.approx(-1.2)             # (6.4 − 10)/3
    assert (poverty["status"], poverty["pace"]) == ("met", "achieved")
    assert poverty["progress"] == pytest.approx(1.2)              # −1.2 / −1
    assert math.isnan(poverty["projected"]) and math.isnan(poverty["p_meet"])
    assert row(frame, "poverty", 2020)["status"] == "no_data"     # t = t0
    income = row(frame, "income", 2022)
    assert income["assessed"] == pytest.approx(7.5)               # 100·(1.155625^(1/2) − 1)
    assert income["status"] == "met"
    for year in (2022, 2023):                                     # "duy trì 100%" broken in 2022
        records = row(frame, "records", year)
        assert (records["assessed"], records["status"], records["pace"]) == (98.5, "not_met", "not_applicable")
    assert row(frame, "infant_deaths", 2021)["status"] == "met"   # 11.5 ‰ ≤ 12 ‰
    other = chitieu.evaluate(PLAN, observations(), method="sdsn").to_frame()
    assert row(other, "poverty", 2023)["pace"] == "not_applicable"


def test_cli_evaluate_json(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "obs.csv"
    observations().to_csv(data, index=False)
    r = cli("evaluate", "--plan", str(PLAN), "--data", str(data), "--format", "json")
    assert r.code == 0, r.err
    rows = [x for x in json.loads(r.out) if x["indicator"] == "poverty" and x["year"] == 2023]
    assert rows[0]["assessed"] == pytest.approx(-1.2) and rows[0]["status"] == "met"


@pytest.mark.parametrize(("lang", "words"), [("vi", ("thay đổi bình quân hằng năm", "/năm", "‰")),
                                             ("en", ("mean yearly change", "a year", "per 1,000 people"))])
def test_reports_label_the_new_kinds_and_units(tmp_path: Path, lang: str, words: tuple) -> None:
    ev = chitieu.evaluate(PLAN, observations())
    html = tmp_path / f"r-{lang}.html"
    ev.to_html(html, lang=lang)
    text = html.read_text(encoding="utf-8")
    for w in words:
        assert w in text, w
    xlsx = tmp_path / f"r-{lang}.xlsx"
    ev.to_excel(xlsx, lang=lang)
    cells = [str(c.value) for ws in load_workbook(xlsx).worksheets for r in ws.iter_rows() for c in r
             if c.value is not None]
    assert any(words[2] in c for c in cells)


def test_change_only_on_a_yearly_rate(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace('target = "tăng bình quân 7%/năm"',
                                                    'target = "trên 100"\nchange = "relative"')
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(chitieu.PlanError, match=r"indicators\[income\]\.change"):
        chitieu.load_plan(bad)

"""The ``chitieu`` command line: verbs, flags, outputs, exit codes and messages for bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import AREAS, CROSSWALK, OBSERVATIONS, ROOT

import chitieu


# ---- parse-target -------------------------------------------------------------------------------

def test_parse_target_json_strict_floor(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("parse-target", "trên 80%", "--format", "json")
    assert r.code == 0 and r.err == ""
    assert json.loads(r.out) == {"kind": "threshold", "lower": 80.0, "lower_inclusive": False, "upper": None,
                                 "upper_inclusive": True, "value": 80.0, "tolerance": None, "base_year": None,
                                 "period": None, "unit": "%"}


def test_parse_target_json_bare_number_lower(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("parse-target", "2%", "--direction", "lower", "--format", "json")
    d = json.loads(r.out)
    assert (d["kind"], d["lower"], d["upper"], d["upper_inclusive"]) == ("threshold", None, 2.0, True)


def test_parse_target_json_relative_and_cumulative(cli) -> None:  # type: ignore[no-untyped-def]
    d = json.loads(cli("parse-target", "tăng từ 2,0 đến 2,6 lần so với năm 2020", "--format", "json").out)
    assert (d["kind"], d["lower"], d["upper"], d["base_year"], d["unit"]) == ("relative", 2.0, 2.6, 2020, "lần")
    d = json.loads(cli("parse-target", "giai đoạn 2026 - 2030: 13.500 lao động", "--format", "json").out)
    assert (d["kind"], d["lower"], d["period"], d["unit"]) == ("cumulative", 13500.0, [2026, 2030], "lao động")


def test_parse_target_json_approx(cli) -> None:  # type: ignore[no-untyped-def]
    d = json.loads(cli("parse-target", "khoảng 76,5 tuổi", "--format", "json").out)
    # 1 % of 76.5 = 0.765
    assert d["kind"] == "approx" and d["value"] == 76.5
    assert d["lower"] == pytest.approx(75.735) and d["upper"] == pytest.approx(77.265)


def test_parse_target_text(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("parse-target", "dưới 15%", "--direction", "lower")
    assert r.code == 0
    lines = r.out.splitlines()
    assert "kind: threshold" in lines and "upper: 15.0" in lines and "upper_inclusive: False" in lines
    assert not any(line.startswith("lower") for line in lines)  # no lower bound, so no lower_inclusive
    assert any(line.startswith("vi: ") for line in lines) and any(line.startswith("en: ") for line in lines)


def test_parse_target_bad_phrase_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("parse-target", "từ 5 đến 3", "--format", "json")
    assert r.code == 2 and r.out == ""
    assert r.err.startswith("chitieu: target: cannot read \"3\" at position 9")
    assert "Traceback" not in r.err


# ---- plan ---------------------------------------------------------------------------------------

def test_plan_show_json(cli, plan) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "show", "la-gi-2024", "--format", "json")
    assert r.code == 0
    d = json.loads(r.out)
    assert set(d) == {"plan", "domains", "indicators"}
    assert d["plan"]["id"] == "la-gi-2024" and len(d["indicators"]) == 40
    first = d["indicators"][0]
    for key in ("id", "domain", "name", "unit", "direction", "target", "aggregate"):
        assert key in first
    assert first["id"] == "income_per_capita" and first["aggregate"] == "weighted_mean"
    assert d == json.loads(json.dumps(plan.to_dict()))


def test_plan_show_table(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "show", str(ROOT / "plans" / "la-gi-2024.toml"), "--format", "table")
    assert r.code == 0
    assert "income_per_capita" in r.out and "unemployment_rate" in r.out


def test_plan_show_unknown(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "show", "no-such-plan", "--format", "json")
    assert r.code == 2 and "la-gi-2024" in r.err and r.out == ""


def test_plan_validate_ok(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "validate", str(ROOT / "plans" / "la-gi-2024.toml"))
    assert r.code == 0
    assert "ok" in r.out and "40 indicators" in r.out


def test_plan_validate_lists_every_problem(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n[plan]\nid = "x"\nfoo = 3\n', encoding="utf-8")
    r = cli("plan", "validate", str(bad))
    assert r.code == 2
    assert f"{bad}:4: plan.foo: " in r.err
    assert "missing key 'title'" in r.err
    assert r.err.rstrip().endswith("problems")


def test_plan_validate_missing_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "validate", str(tmp_path / "nope.toml"))
    assert r.code == 2 and "nope.toml" in r.err and "no such plan file" in r.err


def test_plan_compare(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "compare", "la-gi-2024", "binh-thuan-2024")
    assert r.code == 0
    assert "income_per_capita" in r.out

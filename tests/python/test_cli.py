"""The ``chitieu`` command line: verbs, flags, outputs, exit codes and messages for bad input."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

import chitieu
from conftest import AREAS, CROSSWALK, OBSERVATIONS, ROOT, run_cli_process

# ---- parse-target -------------------------------------------------------------------------------

def test_parse_target_json_strict_floor(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("parse-target", "trên 80%", "--format", "json")
    assert r.code == 0 and r.err == ""
    assert json.loads(r.out) == {"kind": "threshold", "lower": 80.0, "lower_inclusive": False, "upper": None,
                                 "upper_inclusive": True, "value": 80.0, "tolerance": None, "base_year": None,
                                 "period": None, "unit": "%", "direction": "higher", "aspirational": False}


def test_parse_target_json_second_edition(cli) -> None:  # type: ignore[no-untyped-def]
    # no --direction: "giảm" implies lower; giảm 1-1,5 points a year -> [-1.5, -1]
    d = json.loads(cli("parse-target", "phấn đấu giảm bình quân 1-1,5%/năm", "--format", "json").out)
    assert (d["kind"], d["lower"], d["upper"], d["unit"]) == ("annual_change", -1.5, -1.0, "%/năm")
    assert (d["direction"], d["aspirational"]) == ("lower", True)
    d = json.loads(cli("parse-target", "dưới 1,5%", "--format", "json").out)
    assert (d["direction"], d["upper"], d["upper_inclusive"]) == ("lower", 1.5, False)
    r = cli("parse-target", "giảm bình quân 1-1,5%/năm")
    assert "vi: giảm bình quân từ 1 đến 1,5%/năm" in r.out.splitlines()
    assert "en: decrease on average from 1 to 1.5%/year" in r.out.splitlines()


def test_parse_target_bare_number_asks_for_the_direction(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("parse-target", "80%")
    assert r.code == 2
    assert "a bare number has no sense without one" in r.err


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


# ---- evaluate -----------------------------------------------------------------------------------

def sample_args(*extra: str) -> list:  # type: ignore[type-arg]
    return ["evaluate", "--plan", "la-gi-2024", "--data", str(OBSERVATIONS), "--areas", str(AREAS), *extra]


def test_evaluate_json(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(*sample_args("--format", "json", "--year", "2022"))
    assert r.code == 0
    rows = json.loads(r.out)
    assert list(rows[0]) == list(chitieu.EVALUATION_COLUMNS)
    assert {row["year"] for row in rows} == {2022}
    py = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS, year=2022).to_frame()
    assert len(rows) == len(py)
    town = next(x for x in rows if x["indicator"] == "trained_labour" and x["area"] == "la-gi")
    expected = py[(py["indicator"] == "trained_labour") & (py["area"] == "la-gi")].iloc[0]
    assert town["value"] == expected["value"] and town["status"] == expected["status"]
    assert town["coverage"] == 1.0
    # NaN is written as null
    assert any(x["p_meet"] is None for x in rows)


def test_evaluate_csv_to_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "e.csv"
    r = cli(*sample_args("--format", "csv", "--method", "sdsn", "--output", str(out)))
    assert r.code == 0 and r.out == ""
    frame = pd.read_csv(out)
    assert list(frame.columns) == list(chitieu.EVALUATION_COLUMNS)
    assert "moderately_improving" in set(frame["pace"]) or "on_track" in set(frame["pace"])
    assert not {"achieved", "moderate"} & set(frame["pace"])   # chitieu's classes are not SDSN's


def test_evaluate_table(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(*sample_args("--lang", "vi"))
    assert r.code == 0
    assert "la-gi · 2026" in r.out
    assert "Không đạt" in r.out and "Đạt" in r.out
    assert "Toàn kế hoạch" in r.out
    r = cli(*sample_args("--lang", "en", "--year", "2023"))
    assert "la-gi · 2023" in r.out and "Not met" in r.out and "Whole plan" in r.out


def test_evaluate_html_and_xlsx(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    assert cli(*sample_args("--format", "html", "--lang", "en", "--output", str(html))).code == 0
    assert '<html lang="en"' in html.read_text(encoding="utf-8")
    assert cli(*sample_args("--format", "xlsx", "--output", str(xlsx))).code == 0
    assert xlsx.read_bytes()[:2] == b"PK"   # a zip container


def test_evaluate_todays_units(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(*sample_args("--crosswalk", str(CROSSWALK), "--geography", "2025-07-01", "--format", "csv"))
    assert r.code == 0
    areas = set(pd.read_csv(io.StringIO(r.out))["area"])
    assert areas == {"la-gi", "phuong-la-gi-2025", "phuong-phuoc-hoi-2025", "xa-tan-hai-2025"}


def test_evaluate_bad_input_exit_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.csv"
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(missing))
    assert r.code == 2 and f"{missing}" in r.err and "no such observations file" in r.err

    no_year = tmp_path / "no-year.csv"
    no_year.write_text("# c\nindicator,area,value\ntrained_labour,la-gi,50\n", encoding="utf-8")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(no_year))
    assert r.code == 2 and f"chitieu: {no_year}:2: year: missing column 'year'" in r.err

    unknown = tmp_path / "unknown.csv"
    unknown.write_text("# c\n# c\nindicator,area,year,value\ntrained_labour,la-gi,2020,50\nbogus,la-gi,2020,1\n",
                       encoding="utf-8")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(unknown), "--format", "csv")
    assert r.code == 2 and r.out == ""
    assert f"chitieu: {unknown}:5: indicator: " in r.err and "'bogus' is not in plan 'la-gi-2024'" in r.err

    text = tmp_path / "text.csv"
    text.write_text("indicator,area,year,value\ntrained_labour,la-gi,2020,fifty\n", encoding="utf-8")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(text))
    assert r.code == 2 and f"{text}:2: value: 'fifty' is not a number" in r.err

    r = cli(*sample_args("--crosswalk", str(CROSSWALK)))
    assert r.code == 2 and "--crosswalk needs --geography" in r.err
    r = cli(*sample_args("--geography", "2025-07-01"))
    assert r.code == 2 and "--geography needs --crosswalk" in r.err
    r = cli(*sample_args("--format", "html"))
    assert r.code == 2 and "--output" in r.err
    r = cli("evaluate", "--plan", "no-such-plan", "--data", str(OBSERVATIONS))
    assert r.code == 2 and "embedded plans" in r.err


def test_argparse_errors_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        cli("evaluate", "--plan", "la-gi-2024", "--data", str(OBSERVATIONS), "--method", "fast")
    assert info.value.code == 2


def test_no_traceback_from_the_real_script(tmp_path: Path) -> None:
    r = run_cli_process(["evaluate", "--plan", "la-gi-2024", "--data", str(tmp_path / "none.csv")], tmp_path)
    assert r.code == 2
    assert "Traceback" not in r.err and "none.csv" in r.err


# ---- demo ---------------------------------------------------------------------------------------

def test_demo(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    r = cli("demo", "--output", str(out))
    assert r.code == 0
    assert (out / "la-gi-review.html").stat().st_size > 10_000
    assert (out / "la-gi-review.xlsx").read_bytes()[:2] == b"PK"
    assert "minh họa" in r.out and "illustrative" in r.out         # says the data are illustrative
    assert "la-gi · 2026" in r.out and "Toàn kế hoạch" in r.out     # the town's review, latest year
    assert "Phường La Gi" in r.out                                 # today's units through the crosswalk
    html = (out / "la-gi-review.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    assert (out / "la-gi-review.docx").read_bytes()[:2] == b"PK"  # the Word review (test_report_docx.py)
    assert f"{out / 'la-gi-review.docx'}" in r.out


def test_demo_english(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("demo", "--output", str(tmp_path), "--lang", "en")
    assert r.code == 0 and "Whole plan" in r.out and "Illustrative sample data" in r.out
    assert '<html lang="en"' in (tmp_path / "la-gi-review.html").read_text(encoding="utf-8")


# ---- help, plan list and the hints of errors ----------------------------------------------------

def test_every_verb_help_ends_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    from chitieu.cli import main

    for verb in (["demo"], ["evaluate"], ["plan"], ["plan", "list"], ["plan", "show"], ["plan", "validate"],
                 ["plan", "compare"], ["parse-target"]):
        with pytest.raises(SystemExit):
            main([*verb, "--help"])
        text = capsys.readouterr().out
        assert "example" in text and f"chitieu {' '.join(verb)}" in text, verb


def test_plan_list_shows_the_built_in_plans(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "list")
    assert r.code == 0
    for plan_id in chitieu._core.embedded_plan_ids():
        plan = chitieu.load_plan(plan_id)
        assert plan_id in r.out and f"{plan.baseline_year}–{plan.target_year}" in r.out
    assert "la-gi-2024" in r.out and "Ban Chấp hành Đảng bộ thị xã La Gi" in r.out


def test_unknown_ids_get_did_you_mean(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "obs.csv"
    data.write_text("indicator,area,year,value\nunemployment_rat,la-gi,2024,2.1\n", encoding="utf-8")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(data), "--areas", str(AREAS))
    assert r.code == 2 and r.err.rstrip().endswith("did you mean 'unemployment_rate'?")
    data.write_text("indicator,area,year,value\nunemployment_rate,la-gj,2024,2.1\n", encoding="utf-8")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(data), "--areas", str(AREAS))
    assert r.code == 2 and r.err.rstrip().endswith("did you mean 'la-gi'?")
    data.write_text("indicator,area,year,value\nzzz,la-gi,2024,2.1\n", encoding="utf-8")
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(data), "--areas", str(AREAS))
    assert r.code == 2 and "did you mean" not in r.err  # nothing close: no guess


def test_year_before_the_data_says_which_years_exist(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(OBSERVATIONS), "--year", "2010")
    assert r.code == 2
    assert "--year 2010: the data hold no observation up to 2010" in r.err and "2020–2026" in r.err
    assert "no rows to summarise" not in r.err


def test_plan_compare_with_nothing_linked_says_why(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("plan", "compare", "la-gi-2024", "la-gi-2024")
    assert r.code == 0 and "nothing to compare" in r.out and "aligns_with" in r.out

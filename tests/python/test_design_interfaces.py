"""Target phrases (docs/phrase-grammar.md) and the interfaces (docs/python.md, docs/cli.md), checked to the letter.

Written from the specification (not from the implementation) by the verify-areas pass:
every Vietnamese and symbolic phrase form, the number rules, units, NFC and
case-insensitivity, refusals with the position of the word; the evaluation
columns, the CLI verbs and flags, the Target and Plan JSON, exit codes and
messages, and the plan TOML schema keys.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

import chitieu
from chitieu import PhraseError

ROOT = Path(__file__).resolve().parents[2]
CHITIEU = ROOT / ".venv" / "bin" / "chitieu"
ENV = dict(os.environ, SKBUILD_EDITABLE_VERBOSE="0")

INF = math.inf


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the installed ``chitieu`` as a subprocess."""
    return subprocess.run([str(CHITIEU), *args], capture_output=True, text=True, env=ENV, timeout=120)


def interval(t: chitieu.Target):
    lo = -INF if t.lower is None else t.lower
    hi = INF if t.upper is None else t.upper
    return (lo, t.lower_inclusive if t.lower is not None else None,
            hi, t.upper_inclusive if t.upper is not None else None)


# ---- §2 Target phrases: every Vietnamese form ----------------------------------------------

VI_FORMS = [
    # phrase, direction, kind, (lower, lower_incl, upper, upper_incl)
    ("trên 80%", "higher", "threshold", (80, False, INF, None)),
    ("dưới 15%", "lower", "threshold", (-INF, None, 15, False)),
    ("tối thiểu 95%", "higher", "threshold", (95, True, INF, None)),
    ("ít nhất 4 dự án", "higher", "threshold", (4, True, INF, None)),
    ("không dưới 70%", "higher", "threshold", (70, True, INF, None)),
    ("tối đa 2%", "lower", "threshold", (-INF, None, 2, True)),
    ("không quá 3 người", "lower", "threshold", (-INF, None, 3, True)),
    ("từ 96% trở lên", "higher", "threshold", (96, True, INF, None)),
    ("từ 10% trở xuống", "lower", "threshold", (-INF, None, 10, True)),
    ("khoảng 60%", "none", "approx", (59.4, True, 60.6, True)),
    ("đạt 65,11%", "higher", "threshold", (65.11, True, INF, None)),
    ("từ 12 đến 15", "none", "range", (12, True, 15, True)),
    ("giai đoạn 2026 - 2030: 13.500 lao động", "higher", "cumulative", (13500, True, INF, None)),
]


@pytest.mark.parametrize("phrase,direction,kind,expected", VI_FORMS)
def test_vietnamese_forms(phrase, direction, kind, expected):
    t = chitieu.parse_target(phrase, direction=direction)
    assert t.kind == kind
    got = interval(t)
    assert got[1] == expected[1] and got[3] == expected[3]
    assert got[0] == pytest.approx(expected[0]) and got[2] == pytest.approx(expected[2])


def test_relative_form():
    # "tăng từ 2,0 đến 2,6 lần so với năm 2020": a range on value(t)/value(2020).
    t = chitieu.parse_target("tăng từ 2,0 đến 2,6 lần so với năm 2020", direction="higher")
    assert t.kind == "relative" and t.base_year == 2020
    assert (t.lower, t.upper, t.lower_inclusive, t.upper_inclusive) == (2.0, 2.6, True, True)
    assert t.unit == "lần"


def test_cumulative_fields():
    t = chitieu.parse_target("giai đoạn 2026 - 2030: 13.500", direction="higher")
    assert t.period == (2026, 2030) and t.lower == 13500 and t.lower_inclusive and t.upper is None


@pytest.mark.parametrize("phrase,kind", [
    ("hoàn thành phổ cập giáo dục", "milestone"),
    ("duy trì bền vững kết quả", "sustained"),
])
def test_milestone_and_sustained(phrase, kind):
    t = chitieu.parse_target(phrase, direction="none")
    assert t.kind == kind and t.lower is None and t.upper is None


# ---- symbolic forms ---------------------------------------------------------------------

SYMBOLIC = [
    ("> 5", "higher", (5, False, INF, None)),
    (">= 5", "higher", (5, True, INF, None)),
    ("≥ 5", "higher", (5, True, INF, None)),
    ("< 5", "lower", (-INF, None, 5, False)),
    ("<= 5", "lower", (-INF, None, 5, True)),
    ("≤ 5", "lower", (-INF, None, 5, True)),
    ("≈ 50", "none", (49.5, True, 50.5, True)),
    ("~50", "none", (49.5, True, 50.5, True)),
    ("3-7", "none", (3, True, 7, True)),
    ("3–7", "none", (3, True, 7, True)),
    ("3..7", "none", (3, True, 7, True)),
    (">5", "higher", (5, False, INF, None)),
    ("≤5%", "lower", (-INF, None, 5, True)),
]


@pytest.mark.parametrize("phrase,direction,expected", SYMBOLIC)
def test_symbolic_forms(phrase, direction, expected):
    got = interval(chitieu.parse_target(phrase, direction=direction))
    assert got[1] == expected[1] and got[3] == expected[3]
    assert got[0] == pytest.approx(expected[0]) and got[2] == pytest.approx(expected[2])


def test_bare_number_takes_direction():
    # "2% with lower → ≤ 2; 40% with higher → ≥ 40".
    lo = chitieu.parse_target("2%", direction="lower")
    assert (lo.kind, lo.lower, lo.upper, lo.upper_inclusive) == ("threshold", None, 2, True)
    hi = chitieu.parse_target("40%", direction="higher")
    assert (hi.kind, hi.lower, hi.lower_inclusive, hi.upper) == ("threshold", 40, True, None)


@pytest.mark.parametrize("phrase,direction", [
    ("trên 80%", "lower"), ("> 5", "lower"), ("không dưới 3", "lower"), ("từ 4 trở lên", "lower"),
    ("dưới 15%", "higher"), ("<= 5", "higher"), ("không quá 3", "higher"), ("từ 4 trở xuống", "higher"),
])
def test_comparator_contradicting_direction_refused(phrase, direction):
    with pytest.raises(chitieu.ChitieuError):
        chitieu.parse_target(phrase, direction=direction)


def test_approx_tolerance_default_and_given():
    # tol = 1 % of |x| unless the indicator sets tolerance: khoảng 76,5 → [75.735, 77.265].
    t = chitieu.parse_target("khoảng 76,5 tuổi", direction="higher")
    assert t.lower == pytest.approx(75.735) and t.upper == pytest.approx(77.265) and t.value == 76.5
    t2 = chitieu.parse_target("khoảng 76,5 tuổi", direction="higher", tolerance=0.5)
    assert (t2.lower, t2.upper, t2.tolerance) == (76.0, 77.0, 0.5)


# ---- numbers ----------------------------------------------------------------------------

NUMBERS = [
    ("13.500", 13500.0), ("1.234.567", 1234567.0), ("76.5", 76.5), ("2,0", 2.0),
    ("65,11", 65.11), ("1.2345", 1.2345), ("1.5", 1.5), ("1.234,5", 1234.5), ("04", 4.0),
    ("12.34", 12.34),
]


@pytest.mark.parametrize("text,value", NUMBERS)
def test_number_rules(text, value):
    t = chitieu.parse_target(f"tối thiểu {text}", direction="higher")
    assert t.lower == value


# ---- units -------------------------------------------------------------------------------

UNITS = [
    ("trên 80%", "%"),
    ("tăng 2 lần so với năm 2020", "lần"),
    ("tối thiểu 5 người", "người"),
    ("khoảng 76,5 tuổi", "tuổi"),
    ("tối thiểu 3 năm", "năm"),
    ("tối thiểu 300 ha", "ha"),
    ("30 - 32 m²/người", "m²/người"),
    ("tối thiểu 13.500 lao động", "lao động"),
    ("ít nhất 4 dự án", "dự án"),
]


@pytest.mark.parametrize("phrase,unit", UNITS)
def test_units_read(phrase, unit):
    t = chitieu.parse_target(phrase, direction="higher")
    assert t.unit == unit


def test_m2_spelt_ascii_and_per_10k():
    a = chitieu.parse_target("30 - 32 m2/người", direction="none")
    assert (a.lower, a.upper) == (30, 32)
    b = chitieu.parse_target("12-15 bác sĩ/10.000 dân", direction="higher")
    assert (b.lower, b.upper) == (12, 15)
    assert "10.000 dân" in b.unit or "10000" in b.unit.replace(".", "").replace(" ", "")


# ---- NFC and case -------------------------------------------------------------------------

def test_nfd_reads_as_nfc():
    nfd = unicodedata.normalize("NFD", "không dưới 70%")
    assert nfd != "không dưới 70%"
    assert interval(chitieu.parse_target(nfd, direction="higher")) == \
        interval(chitieu.parse_target("không dưới 70%", direction="higher"))


@pytest.mark.parametrize("phrase", ["TRÊN 80%", "Trên 80%", "TỐI THIỂU 80%", "Giai Đoạn 2026 - 2030: 80"])
def test_case_insensitive(phrase):
    t = chitieu.parse_target(phrase, direction="higher")
    assert t.lower == 80


def test_upper_case_nfd_together():
    t = chitieu.parse_target(unicodedata.normalize("NFD", "KHÔNG QUÁ 3"), direction="lower")
    assert (t.upper, t.upper_inclusive) == (3, True)


# ---- refusals with the position of the word -------------------------------------------------

REFUSED = [
    # phrase, direction, 0-based code-point position of the word not read
    ("", "higher", 0),
    ("trên abc%", "higher", 5),
    ("từ 5 đến 3", "none", 9),
    ("trên 120%", "higher", 5),
    ("trên 80% 12", "higher", 9),
    ("trên 80 ; x", "higher", 8),
    ("khoảng", "none", None),
    ("trên", "higher", None),
]


@pytest.mark.parametrize("phrase,direction,position", REFUSED)
def test_refusals_name_a_position(phrase, direction, position):
    with pytest.raises(PhraseError) as info:
        chitieu.parse_target(phrase, direction=direction)
    err = info.value
    assert err.position is not None
    if position is not None:
        assert err.position == position
    assert "position" in str(err)


def test_percent_outside_range_refused_both_sides():
    for phrase in ("khoảng 101%", "-5 - 10%", "dưới -1%"):
        with pytest.raises(PhraseError):
            chitieu.parse_target(phrase, direction="none" if "khoảng" in phrase or " - " in phrase else "lower")


def test_refusal_position_counts_code_points_after_nfd_input():
    # "trên" in NFD is 5 code points but 4 in NFC: the position is in the NFC phrase.
    with pytest.raises(PhraseError) as info:
        chitieu.parse_target(unicodedata.normalize("NFD", "trên abc%"), direction="higher")
    assert info.value.position == 5


# ---- §3: CLI parse-target -------------------------------------------------------------------

TARGET_JSON_KEYS = ["kind", "lower", "lower_inclusive", "upper", "upper_inclusive", "value",
                    "tolerance", "base_year", "period", "unit", "direction", "aspirational"]


def test_cli_parse_target_json_fields():
    r = run("parse-target", "giai đoạn 2026 - 2030: 13.500 lao động", "--format", "json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert list(got) == TARGET_JSON_KEYS
    assert got["kind"] == "cumulative" and got["lower"] == 13500 and got["period"] == [2026, 2030]
    assert got["upper"] is None and got["unit"] == "lao động"


def test_cli_parse_target_direction_and_text():
    r = run("parse-target", "2%", "--direction", "lower", "--format", "json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert (got["upper"], got["upper_inclusive"], got["lower"]) == (2, True, None)
    r = run("parse-target", "2%", "--direction", "lower", "--format", "text")
    assert r.returncode == 0 and "threshold" in r.stdout


def test_cli_parse_target_refused_exit_2():
    r = run("parse-target", "từ 5 đến 3", "--direction", "none")
    assert r.returncode == 2
    assert "position 9" in r.stderr and "Traceback" not in r.stderr


def test_cli_parse_target_bad_direction_exit_2():
    r = run("parse-target", "2%", "--direction", "up")
    assert r.returncode == 2


# ---- §3: plan files --------------------------------------------------------------------------

PLAN = """schema = 1
[plan]
id = "mini"
title = { vi = "Kế hoạch nhỏ", en = "Mini plan" }
baseline_year = 2020
target_year = 2030
[[domains]]
id = "d"
name = { vi = "Lĩnh vực", en = "Domain" }
[[indicators]]
id = "jobs"
domain = "d"
name = { vi = "Việc làm", en = "Jobs" }
unit = "count"
direction = "higher"
target = "tối thiểu 100"
aggregate = "sum"
[[indicators]]
id = "rate"
domain = "d"
name = { vi = "Tỷ lệ", en = "Rate" }
unit = "percent"
direction = "higher"
target = "trên 80%"
aggregate = "ratio"
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    p = tmp_path / "mini.toml"
    p.write_text(PLAN, encoding="utf-8")
    return p


def test_plan_validate_ok(plan_file):
    r = run("plan", "validate", str(plan_file))
    assert r.returncode == 0, r.stderr


def test_unknown_key_is_error_with_line_and_column(tmp_path):
    bad = PLAN.replace('aggregate = "sum"\n', 'aggregate = "sum"\n  colour = "red"\n')
    p = tmp_path / "bad.toml"
    p.write_text(bad, encoding="utf-8")
    line = bad.splitlines().index('  colour = "red"') + 1
    r = run("plan", "validate", str(p))
    assert r.returncode == 2
    assert f"bad.toml:{line}:" in r.stderr + r.stdout
    assert "column 3" in r.stderr + r.stdout and "colour" in r.stderr + r.stdout
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.load_plan(p)
    assert info.value.line == line and "colour" in str(info.value.field)


@pytest.mark.parametrize("where,key", [("[plan]\n", "nickname = \"x\"\n"), ("schema = 1\n", "extra = 2\n")])
def test_unknown_key_elsewhere(tmp_path, where, key):
    bad = PLAN.replace(where, where + key, 1)
    p = tmp_path / "bad.toml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.load_plan(p)
    assert info.value.line == bad.splitlines().index(key.strip()) + 1
    assert "column 1" in str(info.value)


def test_every_documented_indicator_key_accepted(tmp_path):
    extra = ('tolerance = 1.0\nbaseline_year = 2021\ntarget_year = 2029\ntrend = "compound"\n'
             'min_coverage = 0.5\naspirational = true\nsource = "p. 3"\ntext = "khoảng 50%"\n')
    t = PLAN.replace('target = "trên 80%"\naggregate = "ratio"\n',
                     'target = "khoảng 50%"\naggregate = "ratio"\n' + extra)
    t += ('[[indicators]]\nid = "part"\ndomain = "d"\nname = { vi = "P", en = "P" }\nunit = "percent"\n'
          'direction = "higher"\ntarget = "trên 10%"\naggregate = "ratio"\npart_of = "rate"\n'
          '[[indicators]]\nid = "cum"\ndomain = "d"\nname = { vi = "C", en = "C" }\nunit = "count"\n'
          'direction = "higher"\ntarget = "giai đoạn 2026 - 2030: 500"\naggregate = "sum"\nperiod = [2026, 2030]\n')
    t = t.replace('target_year = 2030\n[[domains]]',
                  'target_year = 2030\nissuer = "UBND"\narea = "town"\nadopted = 2024-03-26\n'
                  'parent = "nq-42-2023"\nsource = "x.txt"\n[[domains]]')
    p = tmp_path / "full.toml"
    p.write_text(t, encoding="utf-8")
    r = run("plan", "validate", str(p))
    assert r.returncode == 0, r.stderr + r.stdout
    plan = chitieu.load_plan(p)
    rate = plan.indicator("rate")
    assert rate.min_coverage == 0.5 and rate.trend == "compound" and rate.target.tolerance == 1.0
    assert plan.indicator("part").part_of == "rate"


def test_plan_show_json(plan_file):
    r = run("plan", "show", str(plan_file), "--format", "json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert list(got) == ["plan", "domains", "indicators"]
    ind = got["indicators"][0]
    for key in ("id", "domain", "name", "unit", "direction", "target", "aggregate"):
        assert key in ind
    assert (ind["id"], ind["domain"], ind["unit"], ind["direction"], ind["aggregate"]) == \
        ("jobs", "d", "count", "higher", "sum")
    assert ind["name"] == {"vi": "Việc làm", "en": "Jobs"}


def test_plan_show_table_and_embedded(plan_file):
    r = run("plan", "show", str(plan_file), "--format", "table")
    assert r.returncode == 0 and "jobs" in r.stdout and "rate" in r.stdout
    r = run("plan", "show", "la-gi-2024", "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["plan"]["id"] == "la-gi-2024"


def test_plan_show_unknown_id_exit_2():
    r = run("plan", "show", "no-such-plan")
    assert r.returncode == 2 and "Traceback" not in r.stderr


# ---- §3: observations and evaluation ----------------------------------------------------------

EVAL_COLUMNS = ["indicator", "area", "year", "value", "assessed", "status", "margin", "baseline",
                "progress", "elapsed", "pace", "projected", "p_meet", "coverage"]


def test_evaluation_columns_api_and_cli(plan_file, tmp_path):
    obs = tmp_path / "obs.csv"
    obs.write_text("indicator,area,year,value,numerator,denominator\n"
                   "jobs,a,2020,50,,\njobs,a,2021,120,,\n"
                   "rate,a,2020,,70,100\nrate,a,2021,,85,100\n", encoding="utf-8")
    ev = chitieu.evaluate(chitieu.load_plan(plan_file), str(obs))
    df = ev.to_frame()
    assert list(df.columns) == EVAL_COLUMNS
    assert list(chitieu.EVALUATION_COLUMNS) == EVAL_COLUMNS
    assert len(df) == 4
    rate21 = df[(df.indicator == "rate") & (df.year == 2021)].iloc[0]
    # A ratio row with numerator and denominator but no value: value = 85 × 100 / 100.
    assert rate21.value == 85 and rate21.status == "met"
    r = run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == ",".join(EVAL_COLUMNS)
    assert len(r.stdout.strip().splitlines()) == 5
    r = run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--format", "json")
    rows = json.loads(r.stdout)
    assert list(rows[0]) == EVAL_COLUMNS


def test_observation_optional_columns_accepted(plan_file, tmp_path):
    obs = tmp_path / "obs.csv"
    obs.write_text("indicator,area,year,value,numerator,denominator,weight,se\n"
                   "jobs,a,2020,50,,,,2.5\n", encoding="utf-8")
    df = chitieu.evaluate(chitieu.load_plan(plan_file), str(obs)).to_frame()
    assert len(df) == 1 and df.value.iloc[0] == 50


def test_evaluate_flags(plan_file, tmp_path):
    obs = tmp_path / "obs.csv"
    obs.write_text("indicator,area,year,value\njobs,a,2020,50\njobs,a,2021,60\njobs,a,2022,70\n",
                   encoding="utf-8")
    for method in ("chitieu", "open_sdg", "sdsn"):
        r = run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--method", method,
                "--format", "csv", "--year", "2021")
        assert r.returncode == 0, r.stderr
        # Documented reading (docs/cli.md): --year Y gives the rows of year Y, judged on data <= Y.
        lines = r.stdout.strip().splitlines()
        assert len(lines) == 2 and lines[1].startswith("jobs,a,2021,60.0,")
        assert ",on_track," in lines[1] or method != "chitieu"
    for lang in ("vi", "en"):
        r = run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--lang", lang)
        assert r.returncode == 0, r.stderr
    out = tmp_path / "r.html"
    r = run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--format", "html", "--output", str(out))
    assert r.returncode == 0 and out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    out = tmp_path / "r.xlsx"
    r = run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--format", "xlsx", "--output", str(out))
    assert r.returncode == 0 and out.read_bytes()[:2] == b"PK"
    out = tmp_path / "r.csv"
    r = run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--format", "csv", "--output", str(out))
    assert r.returncode == 0 and out.read_text(encoding="utf-8").startswith("indicator,area,year")


def test_bad_observation_exit_2_names_file_line_field(plan_file, tmp_path):
    obs = tmp_path / "obs.csv"
    obs.write_text("indicator,area,year,value\njobs,a,2020,50\njobs,a,2021,-3\n", encoding="utf-8")
    r = run("evaluate", "--plan", str(plan_file), "--data", str(obs))
    assert r.returncode == 2
    assert "obs.csv:3" in r.stderr and "value" in r.stderr and "Traceback" not in r.stderr


def test_percent_above_100_exit_2(plan_file, tmp_path):
    obs = tmp_path / "obs.csv"
    obs.write_text("indicator,area,year,value\nrate,a,2020,101\n", encoding="utf-8")
    r = run("evaluate", "--plan", str(plan_file), "--data", str(obs))
    assert r.returncode == 2 and "obs.csv:2" in r.stderr


def test_bad_flags_exit_2(plan_file, tmp_path):
    obs = tmp_path / "obs.csv"
    obs.write_text("indicator,area,year,value\njobs,a,2020,50\n", encoding="utf-8")
    assert run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--method", "x").returncode == 2
    assert run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--format", "pdf").returncode == 2
    # --crosswalk and --geography go together.
    assert run("evaluate", "--plan", str(plan_file), "--data", str(obs), "--geography", "2025-07-01").returncode == 2


def test_demo_runs(tmp_path):
    r = run("demo", "--output", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "la-gi-review.html").exists()


# ---- more phrase cases ------------------------------------------------------------------------

@pytest.mark.parametrize("phrase,direction,expected", [
    ("ĐẠT TRÊN 80%", "higher", (80, False, INF, None)),
    ("13.500,5", "higher", (13500.5, True, INF, None)),
    ("khoảng 0%", "none", (0, True, 0, True)),
    ("khoảng -5", "none", (-5.05, True, -4.95, True)),
    ("-5 - 10", "none", (-5, True, 10, True)),
    ("5 - 5", "none", (5, True, 5, True)),
    ("1.000 - 2.000", "none", (1000, True, 2000, True)),
    ("1.0 - 2.0", "none", (1, True, 2, True)),
    ("  trên \t 80 %  ", "higher", (80, False, INF, None)),
    ("từ 12 - 15", "none", (12, True, 15, True)),
])
def test_more_intervals(phrase, direction, expected):
    got = interval(chitieu.parse_target(phrase, direction=direction))
    assert got[1] == expected[1] and got[3] == expected[3]
    assert got[0] == pytest.approx(expected[0]) and got[2] == pytest.approx(expected[2])


def test_cumulative_en_dash_and_relative_without_tang():
    c = chitieu.parse_target("giai đoạn 2026–2030: 13.500", direction="higher")
    assert c.kind == "cumulative" and c.period == (2026, 2030)
    r = chitieu.parse_target("2,0 - 2,6 lần so với năm 2020", direction="higher")
    assert (r.kind, r.lower, r.upper, r.base_year) == ("relative", 2.0, 2.6, 2020)
    assert chitieu.parse_target("2 lần", direction="higher").kind == "threshold"  # no base year


@pytest.mark.parametrize("phrase,direction,position", [
    ("giai đoạn 2030 - 2026: 5", "higher", 17),   # reversed period
    ("giai đoạn 2026 - 2030: 5", "lower", 0),     # a floor on the sum contradicts lower
    ("80", "none", 0),                            # a bare number without a sense
    ("≥ 1.5.3", "higher", 2),                     # two decimal marks
    ("trên 80%%", "higher", 8),                   # trailing garbage
    ("từ 5", "higher", 4),                        # từ without đến / trở lên
    ("dưới 100,5%", "lower", 5),                  # percent above 100
    ("12-15 bác sĩ/100 dân", "higher", 12),      # /10.000 dân or /1.000 dân only
])
def test_more_refusals(phrase, direction, position):
    with pytest.raises(PhraseError) as info:
        chitieu.parse_target(phrase, direction=direction)
    assert info.value.position == position


@pytest.mark.parametrize("old,new,field,needle", [
    ('name = { vi = "Lĩnh vực", en = "Domain" }', 'name = { vi = "Lĩnh vực", en = "Domain", fr = "x" }',
     "domains[d].name.fr", "column 42"),
    ('id = "d"\n', 'id = "d"\ncolor = 1\n', "domains[d].color", "column 1"),
    ('aggregate = "ratio"', 'aggregate = "average"', "indicators[rate].aggregate", "column 13"),
    ('target = "trên 80%"', 'target = "trên 120%"', "indicators[rate].target", "column 16"),
    ('aggregate = "ratio"', 'aggregate = "ratio"\nmin_coverage = 0', "indicators[rate].min_coverage", ""),
    ('aggregate = "ratio"', 'aggregate = "ratio"\npart_of = "nope"', "indicators[rate].part_of", ""),
    ('schema = 1', 'schema = 2', "schema", ""),
])
def test_plan_errors_name_line_field_column(tmp_path, old, new, field, needle):
    text = PLAN.replace(old, new, 1)
    p = tmp_path / "x.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(chitieu.ChitieuError) as info:
        chitieu.load_plan(p)
    assert info.value.field == field and info.value.line is not None and needle in str(info.value)
    r = run("plan", "validate", str(p))
    assert r.returncode == 2 and f"x.toml:{info.value.line}: {field}" in r.stdout + r.stderr

"""The public API: load_plan, parse_target, the error classes and the CSV reader."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import frames, io
from chitieu.errors import translate


def test_public_names() -> None:
    for name in ("load_plan", "parse_target", "evaluate", "Evaluation", "Plan", "Target", "ChitieuError",
                 "PlanError", "PhraseError", "ObservationError", "AreaError"):
        assert hasattr(chitieu, name), name
    for cls in (chitieu.PlanError, chitieu.PhraseError, chitieu.ObservationError, chitieu.AreaError):
        assert issubclass(cls, chitieu.ChitieuError)
    assert issubclass(chitieu.ChitieuError, ValueError)


def test_load_plan_by_id(plan: chitieu.Plan) -> None:
    assert isinstance(plan, chitieu.Plan)
    assert plan.id == "la-gi-2024"
    assert plan.area == "la-gi"
    assert (plan.baseline_year, plan.target_year) == (2020, 2030)
    assert len(plan.indicators) == 40
    assert [d.id for d in plan.domains][:2] == ["labour_jobs", "social_security"]
    trained = plan.indicator("trained_labour")
    # "đạt trên 80%": strictly above 80.
    assert (trained.target.kind, trained.target.lower, trained.target.lower_inclusive) == ("threshold", 80.0, False)


def test_load_plan_by_path_equals_embedded(plan: chitieu.Plan) -> None:
    path = Path(__file__).resolve().parents[2] / "plans" / "la-gi-2024.toml"
    assert chitieu.load_plan(path) == plan
    assert chitieu.load_plan(str(path)) == plan


def test_load_plan_unknown_id_lists_embedded() -> None:
    with pytest.raises(chitieu.PlanError) as info:
        chitieu.load_plan("no-such-plan")
    assert "la-gi-2024" in str(info.value)


def test_load_plan_bad_file_names_file_line_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n[plan]\nid = "x"\nfoo = 3\n', encoding="utf-8")
    with pytest.raises(chitieu.PlanError) as info:
        chitieu.load_plan(bad)
    err = info.value
    assert err.file == str(bad)
    assert err.line == 4          # `foo = 3` is on line 4
    assert err.field == "plan.foo"
    assert "unknown key 'foo'" in err.message
    assert str(err).startswith(f"{bad}:4: plan.foo: ")


@pytest.mark.parametrize(
    "phrase, direction, expected",
    [
        # strict floor: > 80
        ("trên 80%", "higher", dict(kind="threshold", lower=80.0, lower_inclusive=False, upper=None, unit="%")),
        # a bare number takes its sense from the direction: lower → ≤ 2
        ("2%", "lower", dict(kind="threshold", lower=None, upper=2.0, upper_inclusive=True)),
        # khoảng 76,5: tolerance 1 % of 76.5 = 0.765 → [75.735, 77.265]
        ("khoảng 76,5 tuổi", "higher", dict(kind="approx", lower=75.735, upper=77.265, value=76.5)),
        ("từ 2,0 đến 2,6 lần so với năm 2020", "higher",
         dict(kind="relative", lower=2.0, upper=2.6, base_year=2020)),
        # thousands dot: 13.500 = 13 500
        ("giai đoạn 2026 - 2030: 13.500 lao động", "higher",
         dict(kind="cumulative", lower=13500.0, period=(2026, 2030))),
        ("12-15", "higher", dict(kind="range", lower=12.0, upper=15.0)),
        ("hoàn thành", "none", dict(kind="milestone", lower=None, upper=None)),
    ],
)
def test_parse_target(phrase: str, direction: str, expected: dict) -> None:  # type: ignore[type-arg]
    t = chitieu.parse_target(phrase, direction=direction)
    assert isinstance(t, chitieu.Target)
    for key, value in expected.items():
        got = getattr(t, key)
        if isinstance(value, float):
            assert got == pytest.approx(value, abs=1e-12), key
        else:
            assert got == value, key


def test_parse_target_tolerance() -> None:
    t = chitieu.parse_target("khoảng 60%", tolerance=2.0)
    assert (t.lower, t.upper) == (58.0, 62.0)


def test_parse_target_refusal_position() -> None:
    with pytest.raises(chitieu.PhraseError) as info:
        chitieu.parse_target("từ 5 đến 3")   # a reversed range
    err = info.value
    assert err.field == "target"
    assert err.word == "3"
    assert err.position == 9     # "từ 5 đến " is 9 characters
    assert "from low to high" in str(err)


def test_parse_target_bad_direction() -> None:
    with pytest.raises(chitieu.PhraseError) as info:
        chitieu.parse_target("80%", direction="up")
    assert info.value.field == "direction"


def test_error_str_composes_location() -> None:
    e = chitieu.ObservationError("'x' is not a number", "obs.csv", 12, "value")
    assert str(e) == "obs.csv:12: value: 'x' is not a number"
    assert (e.file, e.line, e.field, e.message) == ("obs.csv", 12, "value", "'x' is not a number")
    assert str(chitieu.ChitieuError("bad")) == "bad"
    assert str(chitieu.ChitieuError("bad", line=3)) == "line 3: bad"


def test_translate_keeps_the_core_location_and_maps_lines() -> None:
    core = chitieu.ChitieuError("value 120 is outside percent [0, 100]", "obs.csv", 2, "value")
    e = translate(core, chitieu.ObservationError, line_of=lambda r: r + 6)
    assert (e.file, e.line, e.field) == ("obs.csv", 8, "value")
    assert e.message == "value 120 is outside percent [0, 100]"
    # Nothing is read back from message text: a foreign error keeps its text whole.
    other = translate(ValueError("obs.csv:2: value: oops"), chitieu.ObservationError, file="o.csv")
    assert (other.file, other.line, other.field, other.message) == ("o.csv", None, None, "obs.csv:2: value: oops")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_read_observations_counts_comment_and_header_lines(tmp_path: Path) -> None:
    f = write(tmp_path / "o.csv", "# note\n# note 2\nindicator,area,year,value\na,x,2020,1\n\nb,y,2021,2.5\n")
    t = io.read_observations(f)
    # header on line 3, rows on lines 4 and 6 (line 5 is blank)
    assert t.header_line == 3
    assert t.row_lines().tolist() == [4, 6] and [t.line(0), t.line(1)] == [4, 6]
    assert t.frame["value"].tolist() == [1.0, 2.5]
    assert t.frame["year"].dtype == np.int32
    # Optional columns left out stay out of the frame; the core's panel has them as NaN.
    assert "numerator" not in t.frame.columns and "se" not in t.frame.columns
    cols = frames.panel_from_table(t).columns()
    assert np.isnan(cols["numerator"]).all() and np.isnan(cols["se"]).all() and np.isnan(cols["weight"]).all()
    assert cols["value"].tolist() == [1.0, 2.5]


def test_read_observations_non_numeric_cell_names_line_and_field(tmp_path: Path) -> None:
    f = write(tmp_path / "o.csv", "# c\nindicator,area,year,value\na,x,2020,1\na,x,2021,n/a?\n")
    with pytest.raises(chitieu.ObservationError) as info:
        io.read_observations(f)
    assert (info.value.file, info.value.line, info.value.field) == (str(f), 4, "value")
    assert "'n/a?' is not a number" in info.value.message


def test_read_observations_bad_year(tmp_path: Path) -> None:
    f = write(tmp_path / "o.csv", "indicator,area,year,value\na,x,2020.5,1\n")
    with pytest.raises(chitieu.ObservationError) as info:
        io.read_observations(f)
    assert (info.value.line, info.value.field) == (2, "year")


def test_read_observations_missing_column(tmp_path: Path) -> None:
    f = write(tmp_path / "o.csv", "indicator,area,value\na,x,1\n")
    with pytest.raises(chitieu.ObservationError) as info:
        io.read_observations(f)
    assert (info.value.file, info.value.field) == (str(f), "year")
    assert "missing column 'year'" in str(info.value)


def test_read_observations_value_optional_with_numerator_and_denominator() -> None:
    t = io.read_observations(pd.DataFrame({"indicator": ["a"], "area": ["x"], "year": [2020],
                                           "numerator": [3], "denominator": [4]}))
    assert np.isnan(t.frame["value"].iloc[0])
    assert t.file == "<DataFrame>"
    with pytest.raises(chitieu.ObservationError) as info:
        io.read_observations(pd.DataFrame({"indicator": ["a"], "area": ["x"], "year": [2020], "numerator": [3]}))
    assert info.value.field == "value"


def test_empty_id_refused_when_factorized(tmp_path: Path) -> None:
    f = write(tmp_path / "o.csv", "indicator,area,year,value\ntrained_labour,la-gi,2020,1\n,la-gi,2021,1\n")
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", f)
    assert (info.value.file, info.value.line, info.value.field) == (str(f), 3, "indicator")
    frame = pd.DataFrame({"indicator": ["trained_labour"], "area": [None], "year": [2020], "value": [1.0]})
    with pytest.raises(chitieu.ObservationError) as info:
        chitieu.evaluate("la-gi-2024", frame)
    assert (info.value.file, info.value.line, info.value.field) == ("<DataFrame>", 1, "area")


def test_read_observations_missing_file(tmp_path: Path) -> None:
    with pytest.raises(chitieu.ObservationError) as info:
        io.read_observations(tmp_path / "nope.csv")
    assert info.value.file == str(tmp_path / "nope.csv")


def test_sample_data_found() -> None:
    from chitieu.demo import data_dir, sample_paths

    observations, areas, crosswalk = sample_paths()
    assert observations.parent.parent == data_dir()
    # the packaged copy (or the checkout's) is the same file as the checkout's data/
    root = Path(__file__).resolve().parents[2] / "data"
    assert observations.read_bytes() == (root / "sample" / "la-gi-observations.csv").read_bytes()
    assert areas.read_bytes() == (root / "areas" / "la-gi.csv").read_bytes()
    assert crosswalk.read_bytes() == (root / "areas" / "la-gi-crosswalk-2025.csv").read_bytes()


def test_make_panel_parent_areas_makes_room_and_refuses_a_negative_count() -> None:
    from chitieu import _core

    def panel(parent_areas: int) -> _core.Panel:
        return _core.make_panel(["x"], np.zeros(3, np.int32), ["a"], np.zeros(3, np.int32),
                                np.array([2020, 2021, 2022], np.int32), np.array([1.0, 2.0, 3.0]),
                                parent_areas=parent_areas)

    # The room changes nothing the panel holds.
    assert panel(1).columns()["value"].tolist() == panel(0).columns()["value"].tolist() == [1.0, 2.0, 3.0]
    with pytest.raises(ValueError, match=r"parent_areas must be >= 0.*got -1"):
        panel(-1)

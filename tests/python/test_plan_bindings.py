"""chitieu._core plans: read-only objects named like the TOML keys, plan JSON, problems."""
import pytest

from chitieu import _core


def test_embedded_plans():
    assert _core.embedded_plan_ids() == ["binh-thuan-2024", "la-gi-2024", "nq-42-2023"]
    plan = _core.load_plan("la-gi-2024")
    assert (plan.id, plan.area, plan.parent, plan.baseline_year, plan.target_year) == (
        "la-gi-2024", "la-gi", "binh-thuan-2024", 2020, 2030)
    assert len(plan.indicators) == 40 and len(plan.domains) == 7
    assert plan.title["vi"].startswith("Kế hoạch")


def test_indicator_properties():
    ind = _core.load_plan("la-gi-2024").indicator("new_jobs")
    assert (ind.unit, ind.direction, ind.aggregate, ind.trend) == ("count", "higher", "sum", "linear")
    assert ind.target.kind == "cumulative" and ind.target.lower == 13500.0
    assert ind.target.period == (2026, 2030)
    assert ind.target_phrase == "giai đoạn 2026 - 2030: 13.500 lao động"
    assert ind.name.en == "New jobs created"
    with pytest.raises(KeyError):
        _core.load_plan("la-gi-2024").indicator("no_such")


def test_to_dict_is_the_plan_json():
    d = _core.load_plan("la-gi-2024").to_dict()
    assert set(d) == {"plan", "domains", "indicators"}
    assert d["plan"]["adopted"] is None  # the OCR text lost the date
    income = d["indicators"][0]
    assert income["target"] == "tăng từ 2,0 đến 2,6 lần so với năm 2020"
    assert income["target_spec"] == {
        "kind": "relative", "lower": 2.0, "lower_inclusive": True, "upper": 2.6, "upper_inclusive": True,
        "value": None, "tolerance": None, "base_year": 2020, "period": None, "unit": "lần"}
    assert income["aligns_with"] == ["binh-thuan-2024/income_per_capita"]
    assert income["name"] == {"vi": "Thu nhập bình quân đầu người", "en": "Income per capita"}


def test_write_and_parse_round_trip():
    plan = _core.load_plan("nq-42-2023")
    assert _core.parse_plan(_core.write_plan(plan), "written.toml") == plan


def test_problems_are_located_errors():
    assert _core.plan_problems(_core.load_plan("la-gi-2024")) == []
    problems = _core.plan_file_problems('schema = 1\n[plan]\nid = "x"\nbogus = 1\n', "f.toml")
    first = problems[0]
    assert isinstance(first, _core.ChitieuError) and isinstance(first, ValueError)
    assert (first.file, first.line, first.field) == ("f.toml", 4, "plan.bogus")
    assert "unknown key 'bogus'" in first.message
    with pytest.raises(_core.ChitieuError, match=r"f\.toml:4: plan\.bogus"):
        _core.parse_plan('schema = 1\n[plan]\nid = "x"\nbogus = 1\n', "f.toml")
    with pytest.raises(ValueError, match="embedded plans: binh-thuan-2024, la-gi-2024, nq-42-2023"):
        _core.load_plan("no-such-plan")

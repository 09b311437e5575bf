"""One description per data model: enum tables, plan fields, one exception hierarchy, read-only results."""
from __future__ import annotations

from typing import get_args

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import _core, choices, errors, io
from chitieu.report import html
from chitieu.report import labels as L
from conftest import OBSERVATIONS


def test_every_enum_table_has_distinct_names_and_labels() -> None:
    assert list(_core.ENUM_TABLES) == ["unit", "direction", "target_kind", "status", "pace", "pace_method",
                                       "aggregate_rule", "trend"]
    for kind, rows in _core.ENUM_TABLES.items():
        assert rows == _core.enum_table(kind)
        for column in zip(*rows):
            assert len(set(column)) == len(rows), (kind, column)
            assert all(column), kind


def test_report_labels_are_the_core_tables() -> None:
    assert L.STATUSES == tuple(_core.status_names())
    assert L.PACES == tuple(_core.pace_names())
    assert L.UNITS == tuple(_core.units())
    assert L.STATUS_LABELS["vi"]["not_met"] == _core.status_label_vi("not_met") == "Không đạt"
    assert L.PACE_LABELS["en"]["progress_needs_acceleration"] == "Progress needs acceleration"
    assert L.UNIT_LABELS["vi"]["per_10k"] == "/10.000 dân"
    assert [(n, L.UNIT_LABELS["vi"][n], L.UNIT_LABELS["en"][n]) for n in L.UNITS] == _core.enum_table("unit")


def test_literal_types_are_the_core_names() -> None:
    assert get_args(choices.Method) == tuple(n for n, _, _ in _core.enum_table("pace_method")) == chitieu.METHODS
    assert get_args(choices.Direction) == tuple(n for n, _, _ in _core.enum_table("direction"))
    assert get_args(choices.Lang) == L.LANGS
    assert list(get_args(choices.EnumKind)) == list(_core.ENUM_TABLES)


def test_unknown_enum_names_raise_chitieu_errors() -> None:
    with pytest.raises(chitieu.ChitieuError, match="unknown enum 'colour'; expected one of unit, direction") as info:
        _core.enum_table("colour")  # type: ignore[arg-type]
    assert info.value.field == "kind"
    with pytest.raises(chitieu.ChitieuError, match="unknown target kind 'band'; expected threshold, range"):
        _core.Target(kind="band")
    with pytest.raises(chitieu.ChitieuError, match=r"unknown status 'passed'; expected exceeded, met, not_met"):
        _core.status_label_vi("passed")


def test_one_exception_hierarchy() -> None:
    assert _core.ChitieuError is chitieu.ChitieuError is errors.ChitieuError
    assert _core.PhraseError is chitieu.PhraseError
    assert issubclass(chitieu.PhraseError, chitieu.ChitieuError) and issubclass(chitieu.ChitieuError, ValueError)
    # a C++ chitieu::error arrives with its location as attributes
    with pytest.raises(chitieu.ChitieuError) as info:
        _core.parse_plan('schema = 1\n[plan]\nid = "x"\nbogus = 1\n', "f.toml")
    assert (info.value.file, info.value.line, info.value.field) == ("f.toml", 4, "plan.bogus")
    assert str(info.value).startswith("f.toml:4: plan.bogus: column 1: unknown key 'bogus'")
    # a phrase error is a PhraseError with position, word and expected
    with pytest.raises(chitieu.PhraseError) as phrase:
        _core.parse_target("trên x")
    assert (phrase.value.position, phrase.value.word, phrase.value.field) == (5, "x", "target")
    assert phrase.value.expected == 'a number after "trên"'
    # a value outside its unit's domain, from unit.hpp
    with pytest.raises(chitieu.ChitieuError, match="outside the domain of unit percent"):
        _core.check_domain("percent", 101.0)


def test_the_problems_lists_hold_the_same_class() -> None:
    found = _core.plan_file_problems('schema = 1\n[plan]\nid = "x"\nbogus = 1\n', "f.toml")
    assert found and all(type(p) is chitieu.ChitieuError for p in found)


def test_direction_tolerance_period_aspirational_are_the_targets() -> None:
    plan = _core.load_plan("la-gi-2024")
    for ind in plan.indicators:
        assert ind.direction == ind.target.direction
        assert ind.tolerance == ind.target.tolerance
        assert ind.period == ind.target.period
        assert ind.aspirational == ind.target.aspirational
    jobs = plan.indicator("new_jobs")
    assert jobs.period == (2026, 2030) and jobs.to_dict()["period"] == [2026, 2030]
    keys = list(jobs.to_dict())
    assert keys[:8] == ["id", "domain", "name", "unit", "unit_text", "direction", "target", "target_spec"]
    assert keys[-1] == "text"


@pytest.fixture(scope="module")
def evaluation() -> chitieu.Evaluation:
    return chitieu.evaluate("la-gi-2024", OBSERVATIONS)


def test_result_arrays_are_read_only(evaluation: chitieu.Evaluation) -> None:
    before = evaluation.to_frame()["value"].to_numpy().copy()
    cols = evaluation.core.columns()
    for name in ("value", "assessed", "margin", "year", "status", "pace", "p_meet"):
        assert not cols[name].flags.writeable, name
    with pytest.raises(ValueError, match="read-only"):
        cols["value"][0] = -1
    np.testing.assert_array_equal(evaluation.to_frame()["value"].to_numpy(), before)


def test_to_frame_is_the_callers_copy(evaluation: chitieu.Evaluation) -> None:
    frame = evaluation.to_frame()
    first = float(frame["value"].iloc[0])
    frame.loc[frame.index[0], "value"] = -1.0  # pandas 2 without copy-on-write writes in place
    again = evaluation.to_frame()
    assert float(again["value"].iloc[0]) == first
    assert float(evaluation.core.columns()["value"][0]) == first


def test_bad_input_to_the_bindings_and_reports_raises_chitieu_errors() -> None:
    ints = np.array([0], dtype=np.int32)
    with pytest.raises(chitieu.ChitieuError, match="column 'value' must be 1-d with 1 entries") as info:
        _core.make_panel(["a"], ints, ["x"], ints, ints, np.array([1.0, 2.0]))
    assert info.value.field == "value"
    with pytest.raises(chitieu.ChitieuError, match="parent_areas must be >= 0") as info:
        _core.make_panel(["a"], ints, ["x"], ints, ints, np.array([1.0]), parent_areas=-1)
    assert info.value.field == "parent_areas"
    with pytest.raises(chitieu.ChitieuError, match="codes has 0 entries but ids has 1") as info:
        _core.area_problems(["x"], [], ["X"], ["town"], [""], [""], [""])
    assert info.value.field == "codes"
    with pytest.raises(chitieu.ChitieuError, match="unknown language 'fr'") as info:
        L.check_lang("fr")
    assert info.value.field == "lang"
    frame = chitieu.evaluate("la-gi-2024", OBSERVATIONS).to_frame()
    frame.attrs["method"] = "unsdg"
    with pytest.raises(chitieu.ChitieuError, match="expected chitieu, open_sdg, sdsn"):
        html.method_of(frame)


def test_column_and_related_line_are_data_that_translate_keeps() -> None:
    core = chitieu.ChitieuError("duplicate of row 2", "obs.csv", 5, "year", column=3, related_line=2)
    assert str(core) == "obs.csv:5: year: duplicate of row 2"  # data only, not in the text
    moved = errors.translate(core, chitieu.ObservationError, line_of=lambda r: r + 1)
    assert (moved.line, moved.column, moved.related_line) == (6, 3, 3)
    assert chitieu.ChitieuError("m").column is None and chitieu.ChitieuError("m").related_line is None


def test_unit_rules_come_from_the_core_table() -> None:
    rules = _core.unit_rules()
    assert list(rules) == _core.units()
    assert rules["percent"]["factor"] == 100.0 and rules["percent"]["upper"] == 100.0
    assert rules["index"]["lower"] == float("-inf")
    assert [L.decimals(u) for u in ("percent", "count", "money")] == [1, 0, 2]


def test_core_errors_arrive_with_their_column_and_related_line() -> None:
    """The C++ error's column and related line reach Python as attributes (not parsed from text)."""
    from pathlib import Path

    bad = Path(__file__).resolve().parents[1] / "data" / "plans" / "unknown_key.toml"
    with pytest.raises(chitieu.PlanError) as plan_error:
        chitieu.load_plan(str(bad))
    assert (plan_error.value.line, plan_error.value.column) == (17, 1)
    import pandas as pd

    rows = pd.DataFrame({"indicator": ["trained_labour"] * 2, "area": ["la-gi"] * 2, "year": [2024, 2024],
                         "value": [78.4, 79.0]})
    with pytest.raises(chitieu.ObservationError) as duplicate:
        chitieu.evaluate("la-gi-2024", rows)
    assert (duplicate.value.line, duplicate.value.related_line) == (2, 1)


def test_to_frame_without_copy_views_the_evaluation_read_only(evaluation: chitieu.Evaluation) -> None:
    copied = evaluation.to_frame(copy=True)
    viewed = evaluation.to_frame(copy=False)
    pd.testing.assert_frame_equal(viewed, copied)
    assert viewed.attrs == copied.attrs
    assert np.shares_memory(viewed["value"].to_numpy(), evaluation.core.columns()["value"])
    assert not np.shares_memory(copied["value"].to_numpy(), evaluation.core.columns()["value"])
    assert evaluation.core.viewed
    with pytest.raises(ValueError, match="read-only"):
        viewed.loc[viewed.index[0], "value"] = -1.0
    viewed["value"] = viewed["value"] * 2.0  # a whole new column is the frame's own
    assert float(evaluation.core.columns()["value"][0]) == float(copied["value"].iloc[0])


def test_float64_number_columns_are_read_without_a_copy() -> None:
    obs = pd.DataFrame({"indicator": ["a", "a"], "area": ["x", "x"], "year": [2020, 2021],
                        "value": [1.5, np.nan], "weight": pd.array([2, None], dtype="Float64")})
    table = io.read_observations(obs)
    assert np.shares_memory(table.frame["value"].to_numpy(), obs["value"].to_numpy())
    assert table.frame["weight"].dtype == np.float64  # a nullable column is still converted
    assert np.isnan(table.frame["weight"].iloc[1])

"""chitieu.Target: status and margin at, just inside and just outside each bound, and the unit
domain check (issue 2), with the same results as the C++ tests in tests/cpp/test_status.cpp."""
from __future__ import annotations

import math

import pytest

import chitieu

EPS = 1e-9


@pytest.mark.parametrize(
    ("target", "cases"),
    [
        # "tối thiểu 95%": >= 95
        (chitieu.Target(lower=95.0), [(95.0, "met"), (95.0 + EPS, "met"), (95.0 - EPS, "not_met")]),
        # "trên 80%": > 80
        (chitieu.Target(lower=80.0, lower_inclusive=False),
         [(80.0, "not_met"), (80.0 + EPS, "met"), (80.0 - EPS, "not_met")]),
        # "2%" with lower better: <= 2
        (chitieu.Target(direction="lower", upper=2.0), [(2.0, "met"), (2.0 - EPS, "met"), (2.0 + EPS, "not_met")]),
        # "dưới 15%": < 15
        (chitieu.Target(direction="lower", upper=15.0, upper_inclusive=False),
         [(15.0, "not_met"), (15.0 - EPS, "met"), (15.0 + EPS, "not_met")]),
        # "12-15 bác sĩ/10.000 dân": [12, 15], higher better, exceeded past 15
        (chitieu.Target(kind="range", lower=12.0, upper=15.0),
         [(12.0 - EPS, "not_met"), (12.0, "met"), (15.0, "met"), (15.0 + EPS, "exceeded")]),
        # a two-sided band without direction: met inside only
        (chitieu.Target(kind="range", direction="none", lower=30.0, upper=32.0),
         [(30.0 - EPS, "not_met"), (30.0, "met"), (32.0, "met"), (32.0 + EPS, "not_met")]),
        # milestone: met by 1
        (chitieu.Target(kind="milestone", direction="none"), [(1.0, "met"), (0.0, "not_met")]),
    ],
)
def test_status_at_and_around_each_bound(target: chitieu.Target, cases: list[tuple[float, str]]) -> None:
    for value, expected in cases:
        assert target.status(value) == expected, (target, value)


def test_margin_is_signed_distance_to_the_met_boundary() -> None:
    assert chitieu.Target(lower=95.0).margin(97.5) == 2.5
    assert chitieu.Target(lower=95.0).margin(90.0) == -5.0
    assert chitieu.Target(direction="lower", upper=2.0).margin(1.5) == 0.5
    assert chitieu.Target(kind="range", direction="none", lower=30.0, upper=32.0).margin(31.5) == 0.5
    assert math.isnan(chitieu.Target(kind="milestone", direction="none").margin(1.0))


def test_missing_values() -> None:
    assert chitieu.Target(lower=95.0).status(float("nan")) == "no_data"
    assert chitieu.Target(kind="qualitative", direction="none").status(float("nan")) == "not_assessed"


def test_out_of_domain_value_is_refused_naming_unit_and_value() -> None:
    with pytest.raises(ValueError, match=r"120\.5.*percent.*\[0, 100\]"):
        chitieu.Target(lower=95.0).status(120.5, unit="percent")
    with pytest.raises(ValueError, match=r"-3.*hectares"):
        chitieu.check_domain("hectares", -3.0)
    chitieu.check_domain("index", -3.0)  # index takes any finite number
    assert chitieu.Target(lower=95.0).status(100.0, unit="percent") == "met"


def test_parsed_target_judges_like_the_plan_reads() -> None:
    t = chitieu.parse_target("đạt trên 80%", direction="higher")
    assert (t.status(80.0), t.status(80.1)) == ("not_met", "met")


def test_parse_target_without_direction_lets_the_words_imply_it() -> None:
    assert chitieu.parse_target("giảm còn 1,2%").direction == "lower"
    assert chitieu.parse_target("ít nhất 3,5 bác sĩ/1.000 dân").unit == "bác sĩ/1.000 dân"
    t = chitieu.parse_target("tăng bình quân 7%/năm")
    assert (t.kind, t.direction, t.lower, t.upper, t.unit) == ("annual_change", "higher", 7.0, None, "%/năm")
    t = chitieu.parse_target("duy trì 100%", direction="higher")
    assert (t.kind, t.lower, t.value) == ("sustained", 100.0, 100.0)
    with pytest.raises(chitieu.PhraseError, match="bare number has no sense without one") as err:
        chitieu.parse_target("80%")
    assert err.value.position == 0
    with pytest.raises(chitieu.PhraseError, match="says lower values are better"):
        chitieu.parse_target("giảm còn 1,2%", direction="higher")

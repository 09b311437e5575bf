"""Labels, colours and number formatting shared by every report (chitieu.report.labels)."""
from __future__ import annotations

import math
import re

import pytest

import report_fixtures as F
from chitieu.report import labels as L


def test_status_labels_are_the_plan_reviews_words() -> None:
    assert L.STATUS_LABELS["vi"] == {
        "exceeded": "Vượt", "met": "Đạt", "not_met": "Không đạt",
        "no_data": "Chưa có số liệu", "not_assessed": "Chưa đánh giá",
    }
    assert L.STATUS_LABELS["en"]["not_met"] == "Not met"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_code_has_a_distinct_label_in_both_languages(lang: str) -> None:
    for kind, codes in (("status", L.STATUSES), ("pace", L.PACES), ("column", L.COLUMNS),
                        ("unit", L.UNITS)):
        words = [L.label(kind, c, lang) for c in codes]
        assert all(words), kind
        assert len(set(words)) == len(words), f"{kind} labels repeat in {lang}: {words}"
    assert set(L.TEXT_LABELS["vi"]) == set(L.TEXT_LABELS["en"])
    assert set(L.PACE_SYMBOLS) == set(L.PACES)


def test_label_refuses_unknown_language_code_and_kind() -> None:
    with pytest.raises(ValueError, match=r"'fr'.*'vi', 'en'"):
        L.label("status", "met", "fr")
    with pytest.raises(ValueError, match=r"status code 'passed' for lang 'vi'"):
        L.label("status", "passed", "vi")
    with pytest.raises(ValueError, match="unknown label kind 'colour'"):
        L.label("colour", "met", "vi")


def test_unit_labels() -> None:
    assert L.unit_label("per_10k", "vi") == "/10.000 dân"
    assert L.unit_label("m2_per_person", "en") == "m² per person"
    with pytest.raises(ValueError, match="unit code 'furlong'"):
        L.unit_label("furlong", "en")


def test_status_colours_one_per_status_distinct_hex() -> None:
    assert set(L.STATUS_COLOURS) == set(L.STATUSES)
    assert len(set(L.STATUS_COLOURS.values())) == len(L.STATUSES)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in L.STATUS_COLOURS.values())


def test_text_colour_by_wcag_contrast() -> None:
    # #0072B2: linear G = ((114/255 + .055)/1.055)^2.4 = .1682, B = ((178/255 + .055)/1.055)^2.4
    # = .4451; L = .7152*.1682 + .0722*.4451 = .1524. Contrast with black (.1524+.05)/.05 = 4.05,
    # with white 1.05/.2024 = 5.19: white wins.
    assert L.text_colour("#0072B2") == "#FFFFFF"
    # #BBBBBB: c = 187/255 = .7333 -> ((.7333+.055)/1.055)^2.4 = .4969 = L; black 10.9, white 1.9.
    assert L.text_colour("#BBBBBB") == "#000000"
    with pytest.raises(ValueError, match="#RRGGBB"):
        L.text_colour("blue")


def test_numbers_use_the_languages_marks() -> None:
    assert L.format_number(13500.5, 1, "vi") == "13.500,5"
    assert L.format_number(13500.5, 1, "en") == "13,500.5"
    assert L.format_number(-0.04, 1, "vi") == "0,0"  # rounds to zero: no "-0,0"
    assert L.format_number(math.nan, 1, "vi") == ""
    assert L.format_value(85.25, "percent", "vi") == "85,2 %"  # 85.25 is exact in binary: half-even -> 85.2
    assert L.format_value(1234567.0, "money", "en") == "1,234,567.00"
    assert L.format_value(13500.0, "count", "vi") == "13.500"
    assert L.format_value(1.0, "boolean", "vi") == "Có"
    assert L.format_value(0.0, "boolean", "en") == "No"
    assert L.format_value(None, "percent", "en") == ""
    assert L.format_share(0.734, "vi") == "73 %"


def test_target_reading_of_every_kind() -> None:
    inds = {i["id"]: i for i in F.plan()["indicators"]}
    assert L.target_reading(inds["income_ratio"], "vi") == "2–2,6 lần so với năm 2020"
    assert L.target_reading(inds["income_ratio"], "en") == "2–2.6 times the value of 2020"
    assert L.target_reading(inds["unemployment"], "vi") == "≤ 2 %"
    assert L.target_reading(inds["trained_labour"], "en") == "> 80 %"
    assert L.target_reading(inds["new_jobs"], "vi") == "≥ 13.500, tổng giai đoạn 2026–2030"
    assert L.target_reading(inds["social_insurance"], "vi") == "≈ 60 % (59,4–60,6 %)"
    assert L.target_reading(inds["doctors"], "en") == "12–15 per 10,000 people"
    assert L.target_reading(inds["stunting"], "vi") == "< 15 %"
    assert L.target_reading(inds["preschool"], "vi") == "hoàn thành đến năm mục tiêu"
    assert L.target_reading({"unit": "percent"}, "vi") == ""


def test_plan_dict_accepts_a_mapping_or_an_object_with_to_dict() -> None:
    class Plan:
        def to_dict(self) -> dict[str, object]:
            return F.plan()

    assert L.plan_dict(Plan())["plan"]["id"] == "la-gi-2024"
    with pytest.raises(ValueError, match="'plan', 'domains' and 'indicators'"):
        L.plan_dict({"plan": {}})


def test_localized_falls_back_to_the_other_language() -> None:
    assert L.localized({"vi": "Y tế", "en": ""}, "en") == "Y tế"
    assert L.localized({"vi": "Y tế", "en": "Health"}, "en") == "Health"


def test_probability_never_rounds_to_certainty() -> None:
    assert L.format_probability(0.9998, "vi") == "> 99 %"
    assert L.format_probability(0.995, "en") == "> 99 %"
    assert L.format_probability(0.994, "vi") == "99 %"
    assert L.format_probability(0.0002, "vi") == "< 1 %"
    assert L.format_probability(0.004, "en") == "< 1 %"
    assert L.format_probability(0.006, "vi") == "1 %"
    assert L.format_probability(1.0, "vi") == "100 %" and L.format_probability(0.0, "vi") == "0 %"
    assert L.format_probability(float("nan"), "vi") == ""


def test_margin_of_percentages_is_in_points() -> None:
    assert L.format_margin(1.26, "percent", "vi") == "+1,3 điểm %"
    assert L.format_margin(-4.9, "percent", "en") == "-4.9 pp"
    assert L.format_margin(-10593.0, "count", "vi") == "-10.593"
    assert L.format_margin(float("nan"), "percent", "vi") == ""


def test_same_name_units_are_told_apart_by_validity() -> None:
    from chitieu.area_names import area_labels

    names = area_labels(["la-gi", "phuong-phuoc-hoi", "phuong-phuoc-hoi-2025", "x", "y", "z"],
                        ["La Gi", "Phường Phước Hội", "Phường Phước Hội", "", "Xã A", "Xã A"],
                        ["", "", "2025-07-01", "", "", ""], ["", "2025-06-30", "", "", "", ""])
    assert names == {"la-gi": "La Gi", "phuong-phuoc-hoi": "Phường Phước Hội (– 30/06/2025)",
                     "phuong-phuoc-hoi-2025": "Phường Phước Hội (01/07/2025 –)", "x": "x",
                     "y": "Xã A [y]", "z": "Xã A [z]"}


def test_years_note_writes_ranges() -> None:
    from chitieu.cli_hints import closest
    from chitieu.evaluation import years_note

    assert years_note([2026, 2020, 2021, 2022, 2024, 2024]) == "2020–2022, 2024, 2026"
    assert years_note([]) == "none"
    assert closest("la-gj", ["la-gi", "xa-tan-hai"]) == "la-gi" and closest("zzz", ["la-gi"]) is None

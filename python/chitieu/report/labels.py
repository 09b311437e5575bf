"""Vietnamese and English labels, status colours and number formatting for every report.

One table of words and one palette serve the plots, the HTML report, the Excel workbook,
the notebook table and the terminal, so a status reads and looks the same everywhere.
"""
from __future__ import annotations

import math
from typing import Any, Final, Mapping

from chitieu import _core
from chitieu.choices import EnumKind
from chitieu.errors import ChitieuError

LANGS: Final = ("vi", "en")


def _names(kind: EnumKind) -> tuple[str, ...]:
    """The codes of one of the core's enum tables, in code order."""
    return tuple(name for name, _, _ in _core.enum_table(kind))


def _labels(kind: EnumKind) -> dict[str, dict[str, str]]:
    """The Vietnamese and English labels of one of the core's enum tables, by code."""
    rows = _core.enum_table(kind)
    return {"vi": {name: vi for name, vi, _ in rows}, "en": {name: en for name, _, en in rows}}


STATUSES: Final = _names("status")

PACES: Final = _names("pace")

METHODS: Final = _names("pace_method")

COLUMNS: Final = (
    "indicator",
    "area",
    "year",
    "value",
    "assessed",
    "status",
    "margin",
    "baseline",
    "progress",
    "elapsed",
    "pace",
    "projected",
    "p_meet",
    "coverage",
)

UNITS: Final = _names("unit")

STATUS_LABELS: Final = _labels("status")

PACE_LABELS: Final = _labels("pace")

COLUMN_LABELS: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "indicator": "Chỉ tiêu",
        "area": "Địa bàn",
        "year": "Năm",
        "value": "Giá trị",
        "assessed": "Giá trị so sánh",
        "status": "Tình trạng",
        "margin": "Chênh lệch so với mục tiêu",
        "baseline": "Giá trị năm gốc",
        "progress": "Mức hoàn thành",
        "elapsed": "Thời gian đã qua",
        "pace": "Nhịp độ",
        "projected": "Dự báo năm mục tiêu",
        "p_meet": "Xác suất đạt",
        "coverage": "Độ bao phủ",
    },
    "en": {
        "indicator": "Indicator",
        "area": "Area",
        "year": "Year",
        "value": "Value",
        "assessed": "Assessed",
        "status": "Status",
        "margin": "Margin",
        "baseline": "Baseline",
        "progress": "Progress",
        "elapsed": "Time elapsed",
        "pace": "Pace",
        "projected": "Projected (target year)",
        "p_meet": "P(meet)",
        "coverage": "Coverage",
    },
}

UNIT_LABELS: Final = _labels("unit")

TEXT_LABELS: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "report": "Báo cáo đánh giá thực hiện chỉ tiêu",
        "summary": "Tổng hợp theo lĩnh vực",
        "sheet_summary": "Tổng hợp",
        "sheet_detail": "Chi tiết",
        "sheet_findings": "Phát hiện",
        "detail": "Chi tiết",
        "findings": "Phát hiện khi tổng hợp số liệu",
        "no_findings": "Không có phát hiện nào.",
        "domain": "Lĩnh vực",
        "plan": "Toàn kế hoạch",
        "indicators": "Số chỉ tiêu",
        "with_data": "Có số liệu",
        "score": "Điểm (0–100)",
        "enough_data": "Đủ số liệu",
        "yes": "Có",
        "no": "Không",
        "target": "Mục tiêu",
        "target_words": "Mục tiêu (nguyên văn kế hoạch)",
        "target_read": "Cách hiểu",
        "aspirational": "phấn đấu",
        "unit": "Đơn vị",
        "name": "Tên chỉ tiêu",
        "indicator_id": "Mã chỉ tiêu",
        "latest": "Số liệu mới nhất",
        "projection": "Dự báo đến năm",
        "target_year": "Năm mục tiêu",
        "no_chart": "Chưa đủ hai điểm số liệu để vẽ xu hướng.",
        "observed": "Số liệu",
        "fit": "Xu hướng và dự báo",
        "target_band": "Vùng mục tiêu",
        "kind": "Loại",
        "own": "Số liệu riêng",
        "aggregate": "Số tổng hợp",
        "message": "Nội dung",
        "source": "Nguồn",
        "method": "Phương pháp",
        "data": "Số liệu",
        "evaluated_year": "Năm đánh giá",
        "generated_by": "Lập bằng chitieu",
        "area_id": "Mã địa bàn",
        "covers": "Địa bàn: {area} · năm đánh giá: {year}",
        "times": "lần so với năm",
        "sum_over": "tổng giai đoạn",
        "ratio_scale": "lần so với năm gốc",
        "legend": "Chú giải",
        "status_counts": "Số chỉ tiêu theo tình trạng",
        "dashboard": "Tình trạng theo chỉ tiêu và địa bàn",
        "more_rows": "dòng khác không hiển thị",
        "contents": "Mục lục",
        "plan_score": "Điểm toàn kế hoạch",
        "not_enough_data": "chưa đủ số liệu (cần ≥ 80 % chỉ tiêu có số liệu)",
        "data_note": (
            "Số liệu quan sát do người dùng cung cấp, đã được kiểm tra theo kế hoạch "
            "(đơn vị, miền giá trị, địa bàn)."
        ),
        "kind_milestone": "hoàn thành đến năm mục tiêu",
        "kind_sustained": "duy trì hằng năm",
        "kind_annual_change": "thay đổi bình quân hằng năm",
        "per_year": "/năm",
        "kind_qualitative": "đánh giá định tính (1 = đạt, 0 = không đạt)",
        "method_chitieu": (
            "Tình trạng so với mục tiêu cuối kỳ; dự báo bằng hồi quy tuyến tính "
            "bình phương tối thiểu (theo log với chỉ tiêu tăng theo lần); xác suất đạt "
            "theo phân phối Student-t của sai số dự báo; nhịp độ theo phương pháp chitieu."
        ),
        "method_open_sdg": (
            "Tình trạng so với mục tiêu cuối kỳ; nhịp độ theo thước đo tiến độ của Open SDG "
            "(so sánh tốc độ tăng trưởng bình quân)."
        ),
        "method_sdsn": (
            "Tình trạng so với mục tiêu cuối kỳ; nhịp độ theo phương pháp SDSN "
            "(so sánh tốc độ thay đổi bình quân năm)."
        ),
    },
    "en": {
        "report": "Review of plan targets",
        "summary": "Summary by domain",
        "sheet_summary": "Summary",
        "sheet_detail": "Detail",
        "sheet_findings": "Findings",
        "detail": "Detail",
        "findings": "Findings from the roll-up",
        "no_findings": "No findings.",
        "domain": "Domain",
        "plan": "Whole plan",
        "indicators": "Indicators",
        "with_data": "With data",
        "score": "Score (0–100)",
        "enough_data": "Enough data",
        "yes": "Yes",
        "no": "No",
        "target": "Target",
        "target_words": "Target (the plan's own words)",
        "target_read": "Read as",
        "aspirational": "aspirational",
        "unit": "Unit",
        "name": "Indicator name",
        "indicator_id": "Indicator id",
        "latest": "Latest value",
        "projection": "Projection to",
        "target_year": "Target year",
        "no_chart": "Fewer than two data points: no trend drawn.",
        "observed": "Observed",
        "fit": "Trend and projection",
        "target_band": "Target band",
        "kind": "Kind",
        "own": "Own value",
        "aggregate": "Aggregate",
        "message": "Message",
        "source": "Source",
        "method": "Method",
        "data": "Data",
        "evaluated_year": "Evaluated year",
        "generated_by": "Produced with chitieu",
        "area_id": "Area id",
        "covers": "Area: {area} · year reviewed: {year}",
        "times": "times the value of",
        "sum_over": "total over",
        "ratio_scale": "times the base year",
        "legend": "Legend",
        "status_counts": "Indicators by status",
        "dashboard": "Status by indicator and area",
        "more_rows": "more rows not shown",
        "contents": "Contents",
        "plan_score": "Plan score",
        "not_enough_data": "not enough data (needs ≥ 80 % of indicators with data)",
        "data_note": (
            "Observations supplied by the user, validated against the plan "
            "(units, value domains, areas)."
        ),
        "kind_milestone": "completed by the target year",
        "kind_sustained": "kept every year",
        "kind_annual_change": "mean yearly change",
        "per_year": "a year",
        "kind_qualitative": "qualitative assessment (1 = met, 0 = not met)",
        "method_chitieu": (
            "Status against the final target; projection by ordinary least squares "
            "(on the log scale for relative targets); probability of meeting the target "
            "from the Student-t prediction error; pace by the chitieu method."
        ),
        "method_open_sdg": (
            "Status against the final target; pace by Open SDG's progress measure "
            "(compound annual growth rates compared)."
        ),
        "method_sdsn": (
            "Status against the final target; pace by the SDSN method "
            "(average yearly change compared)."
        ),
    },
}

STATUS_COLOURS: Final[dict[str, str]] = {
    "exceeded": "#0072B2",
    "met": "#009E73",
    "not_met": "#D55E00",
    "no_data": "#BBBBBB",
    "not_assessed": "#E6E6E6",
}
"""One colour per status (Okabe–Ito blue, bluish green and vermillion; two greys).

Distinct under the common colour-vision deficiencies; every report also writes the label,
so colour is never the only carrier of a status.
"""

PACE_SYMBOLS: Final[dict[str, str]] = {
    "achieved": "✓",
    "target_achieved": "✓",
    "on_track": "↑",
    "moderate": "↗",
    "moderately_improving": "↗",
    "progress_needs_acceleration": "↗",
    "stagnating": "→",
    "limited_progress": "→",
    "regressing": "↓",
    "deterioration": "↓",
    "decreasing": "↓",
    "insufficient_data": "?",
    "not_applicable": "·",
}
"""A one-character marker per pace class, drawn on the dashboard grid."""

_TABLES: Final[dict[str, dict[str, dict[str, str]]]] = {
    "status": STATUS_LABELS,
    "pace": PACE_LABELS,
    "column": COLUMN_LABELS,
    "unit": UNIT_LABELS,
    "text": TEXT_LABELS,
}

_DECIMALS: Final[dict[str, int]] = {name: int(rule["decimals"]) for name, rule in _core.unit_rules().items()}
# the scale of an annual_change target's assessed yearly change (assessed_scale), not a unit
_DECIMALS["per_year"] = 2


def is_number(x: Any) -> bool:
    """True for a value that reads as a number other than NaN (None, text and NaN are not)."""
    try:
        return not math.isnan(float(x))
    except (TypeError, ValueError):
        return False


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is ``"vi"`` or ``"en"``; raise ChitieuError naming it otherwise."""
    if lang not in LANGS:
        raise ChitieuError(f"unknown language {lang!r}: expected one of 'vi', 'en'", field="lang")
    return lang


def label(kind: str, code: str, lang: str) -> str:
    """The label of ``code`` in table ``kind`` (status, pace, column, unit, text) in ``lang``.

    Raises ChitieuError naming the kind, code or language when any is unknown.
    """
    if kind not in _TABLES:
        raise ChitieuError(f"unknown label kind {kind!r}: expected one of {', '.join(_TABLES)}", field="kind")
    table = _TABLES[kind][check_lang(lang)]
    if code not in table:
        raise ChitieuError(
            f"unknown {kind} code {code!r} for lang {lang!r}: expected one of {', '.join(table)}", field=kind
        )
    return table[code]


def unit_label(unit: str, lang: str) -> str:
    """The display label of a unit ("%", "/10.000 dân", "m² per person", ...) in ``lang``."""
    return label("unit", unit, lang)


def text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with the ``#RRGGBB`` background (WCAG 2.1)."""
    if len(background) != 7 or not background.startswith("#"):
        raise ChitieuError(f"colour {background!r} is not of the form #RRGGBB", field="background")

    def linear(channel: str) -> float:
        c = int(channel, 16) / 255.0
        return c / 12.92 if c <= 0.04045 else float(((c + 0.055) / 1.055) ** 2.4)

    lum = (
        0.2126 * linear(background[1:3])
        + 0.7152 * linear(background[3:5])
        + 0.0722 * linear(background[5:7])
    )
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def decimals(unit: str) -> int:
    """Decimal places shown for a value in ``unit`` (percent 1, count 0, money 2, ...)."""
    if unit not in _DECIMALS:
        raise ChitieuError(f"unknown unit {unit!r}: expected one of {', '.join(_DECIMALS)}", field="unit")
    return _DECIMALS[unit]


def format_number(x: float | None, places: int, lang: str) -> str:
    """``x`` with ``places`` decimals, grouped: "13.500,5" in Vietnamese, "13,500.5" in English.

    NaN and None give the empty string.
    """
    check_lang(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    text = f"{x:,.{places}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def assessed_scale(indicator: Mapping[str, Any]) -> str:
    """The scale of an indicator's assessed quantity: ``"ratio"`` for a relative target (value over
    the base year's), ``"per_year"`` for an annual_change target (the mean yearly change), else the
    indicator's unit."""
    kind = target_spec(indicator).get("kind")
    if kind == "relative":
        return "ratio"
    if kind == "annual_change":
        return "per_year"
    return str(indicator.get("unit", "index"))


def format_value(x: float | None, unit: str, lang: str) -> str:
    """A value with its unit's decimals and mark: "85,3 %", "13.500", "Có" for a boolean 1,
    "−1,20 /năm" for a yearly change (scale ``"per_year"``)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if unit == "boolean":
        return label("text", "yes" if x >= 0.5 else "no", lang)
    if unit == "per_year":
        return f"{format_number(x, decimals(unit), lang)} {label('text', 'per_year', lang)}"
    text = format_number(x, decimals(unit), lang)
    return f"{text} %" if unit == "percent" else text


def format_share(x: float | None, lang: str) -> str:
    """A share in [0, 1] as a whole percentage: 0.734 → "73 %"."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{format_number(100.0 * x, 0, lang)} %"


def format_probability(x: float | None, lang: str) -> str:
    """A probability as a whole percentage that never rounds to certainty: 0.9998 → "> 99 %",
    0.0002 → "< 1 %"; exactly 1 and 0 stay "100 %" and "0 %"; NaN and None give ""."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if 0.0 < x < 1.0 and round(100.0 * x) >= 100:
        return f"> {format_number(99, 0, lang)} %"
    if 0.0 < x < 1.0 and round(100.0 * x) <= 0:
        return f"< {format_number(1, 0, lang)} %"
    return format_share(x, lang)


def format_margin(x: float | None, scale: str, lang: str) -> str:
    """A signed margin in the unit's format; percentages in percentage points: "+1,2 điểm %" /
    "+1.2 pp" (the difference of two percentages is not a percentage). NaN gives ""."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    text = format_number(float(x), decimals(scale), lang)
    if not text.startswith("-") and float(x) > 0:
        text = "+" + text
    if scale == "percent":
        text += " điểm %" if lang == "vi" else " pp"
    return text


def localized(text: Mapping[str, str] | str | None, lang: str) -> str:
    """Pick ``lang`` from a ``{"vi": ..., "en": ...}`` mapping (falling back to the other)."""
    check_lang(lang)
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    other = "en" if lang == "vi" else "vi"
    return str(text.get(lang) or text.get(other) or "")


def indicator_unit(indicator: Mapping[str, Any], lang: str) -> str:
    """The unit an indicator's values are in: the plan's ``unit_text`` with its scale
    ("triệu đồng/người/tháng") when given, else the unit's label ("%", "tiền", ...)."""
    return localized(indicator.get("unit_text"), lang) or unit_label(str(indicator.get("unit", "index")), lang)


def plan_dict(plan: Any) -> dict[str, Any]:
    """The plan JSON ``{plan, domains, indicators}``: ``plan.to_dict()`` or the dict itself."""
    if hasattr(plan, "to_dict"):
        plan = plan.to_dict()
    if not isinstance(plan, Mapping) or not {"plan", "domains", "indicators"} <= set(plan):
        raise ChitieuError(
            "plan must be a chitieu Plan or its to_dict() mapping with keys "
            "'plan', 'domains' and 'indicators'", field="plan"
        )
    return dict(plan)


def target_phrase(indicator: Mapping[str, Any]) -> str:
    """The target in the plan's own words (``target_phrase``, else a string ``target``)."""
    phrase = indicator.get("target_phrase")
    if not phrase and isinstance(indicator.get("target"), str):
        phrase = indicator["target"]
    return str(phrase or "")


def target_spec(indicator: Mapping[str, Any]) -> dict[str, Any]:
    """The parsed target (``target_spec``, else a mapping ``target``); empty when absent."""
    spec = indicator.get("target_spec")
    if spec is None and isinstance(indicator.get("target"), Mapping):
        spec = indicator["target"]
    return dict(spec) if isinstance(spec, Mapping) else {}


def _num(x: Any) -> float | None:
    return None if x is None else float(x)


def target_reading(indicator: Mapping[str, Any], lang: str) -> str:
    """The parsed target in symbols: "> 80,0 %", "2,00–2,60 lần so với năm 2020", "≥ 13.500 ..."."""
    spec = target_spec(indicator)
    kind = str(spec.get("kind", ""))
    unit = str(indicator.get("unit", "index"))
    lower, upper = _num(spec.get("lower")), _num(spec.get("upper"))
    bounded_sustained = kind == "sustained" and (lower is not None or upper is not None)
    if kind in ("milestone", "sustained", "qualitative") and not bounded_sustained:
        return label("text", f"kind_{kind}", lang)
    if not spec:
        return ""
    shown_unit = assessed_scale(indicator)

    def fmt(x: float) -> str:
        text = format_number(x, 4, lang).rstrip("0").rstrip(",.")
        return f"{text} %" if shown_unit == "percent" else text

    if lower is not None and upper is not None:
        text = f"{fmt(lower).removesuffix(' %')}–{fmt(upper)}"
        if kind == "approx" and spec.get("value") is not None:
            text = f"≈ {fmt(float(spec['value']))} ({text})"
    elif lower is not None:
        text = f"{'≥' if spec.get('lower_inclusive', True) else '>'} {fmt(lower)}"
    elif upper is not None:
        text = f"{'≤' if spec.get('upper_inclusive', True) else '<'} {fmt(upper)}"
    else:
        return ""
    if kind == "relative" and spec.get("base_year") is not None:
        text = f"{text} {label('text', 'times', lang)} {spec['base_year']}"
    elif kind == "cumulative" and spec.get("period"):
        start, end = spec["period"]
        text = f"{text}, {label('text', 'sum_over', lang)} {start}–{end}"
    elif kind in ("annual_change", "sustained"):
        suffix = label("text", "per_year", lang) if kind == "annual_change" else ""
        text = f"{label('text', f'kind_{kind}', lang)} {text}{suffix}"
    elif unit not in ("percent", "boolean") and kind != "relative":
        text = f"{text} {unit_label(unit, lang)}"
    return text

"""Plan, evaluation frame, summary and findings fixtures for the report tests.

Sample data, labelled so: the values are shaped like La Gi's (docs/plan-format.md) but are invented.
The plan is a dict in the shape of ``Plan.to_dict()`` so the report tests need no ``_core``.
The frame follows the evaluation columns of docs/python.md; its numbers are simple enough to check
by hand (each test says which).
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from chitieu.report.labels import PACES, STATUSES

AREAS = ("la-gi", "phuoc-hoi", "tan-hai")


def _spec(kind: str, lower: float | None = None, upper: float | None = None, *,
          lower_inclusive: bool = True, upper_inclusive: bool = True,
          value: float | None = None, base_year: int | None = None,
          period: list[int] | None = None, unit: str = "%") -> dict[str, Any]:
    return {"kind": kind, "lower": lower, "lower_inclusive": lower_inclusive, "upper": upper,
            "upper_inclusive": upper_inclusive, "value": value, "tolerance": None,
            "base_year": base_year, "period": period, "unit": unit}


def _ind(id_: str, domain: str, vi: str, en: str, unit: str, direction: str, phrase: str,
         spec: dict[str, Any], aggregate: str, aspirational: bool = False,
         **extra: Any) -> dict[str, Any]:
    return {"id": id_, "domain": domain, "name": {"vi": vi, "en": en}, "unit": unit,
            "direction": direction, "target": phrase, "target_spec": spec,
            "aggregate": aggregate, "aspirational": aspirational, "part_of": "", **extra}


def plan() -> dict[str, Any]:
    """Ten La Gi indicators over three domains, every target kind but `sustained`."""
    return {
        "plan": {"id": "la-gi-2024",
                 "title": {"vi": "Kế hoạch thực hiện Nghị quyết 42-NQ/TW của thị xã La Gi",
                           "en": "La Gi town plan implementing Resolution 42-NQ/TW"},
                 "issuer": "Ban Thường vụ Thị ủy La Gi", "area": "la-gi",
                 "baseline_year": 2020, "target_year": 2030, "source": "Kế hoạch số 2024 (mẫu)"},
        "domains": [
            {"id": "labour", "name": {"vi": "Lao động, việc làm", "en": "Labour and jobs"}},
            {"id": "security", "name": {"vi": "An sinh xã hội", "en": "Social security"}},
            {"id": "services", "name": {"vi": "Dịch vụ xã hội cơ bản",
                                        "en": "Basic social services"}},
        ],
        "indicators": [
            _ind("income_ratio", "labour", "Thu nhập bình quân đầu người",
                 "Income per capita", "money", "higher",
                 "tăng từ 2,0 đến 2,6 lần so với năm 2020",
                 _spec("relative", 2.0, 2.6, base_year=2020, unit="lần"), "none",
                 trend="compound"),
            _ind("unemployment", "labour", "Tỷ lệ thất nghiệp", "Unemployment rate",
                 "percent", "lower", "2%", _spec("threshold", None, 2.0), "ratio"),
            _ind("trained_labour", "labour", "Tỷ lệ lao động qua đào tạo",
                 "Trained labour share", "percent", "higher", "trên 80%",
                 _spec("threshold", 80.0, None, lower_inclusive=False), "ratio",
                 aspirational=True),
            _ind("new_jobs", "labour", "Giải quyết việc làm mới", "New jobs created",
                 "count", "higher", "giai đoạn 2026 - 2030: 13.500 lao động",
                 _spec("cumulative", 13500.0, None, period=[2026, 2030],
                       unit="lao động"), "sum"),
            _ind("social_insurance", "security", "Lao động tham gia BHXH",
                 "Workers in social insurance", "percent", "higher", "khoảng 60%",
                 _spec("approx", 59.4, 60.6, value=60.0), "ratio", aspirational=True),
            _ind("minimum_living", "security", "Bảo đảm mức sống tối thiểu",
                 "Minimum living standard", "boolean", "none",
                 "bảo đảm mức sống tối thiểu cho người có hoàn cảnh khó khăn",
                 _spec("qualitative", unit=""), "all"),
            _ind("health_insurance", "services", "Dân số tham gia BHYT",
                 "Population in health insurance", "percent", "higher", "trên 95%",
                 _spec("threshold", 95.0, None, lower_inclusive=False), "ratio"),
            _ind("doctors", "services", "Bác sĩ trên 10.000 dân", "Doctors per 10 000 people",
                 "per_10k", "higher", "12-15 bác sĩ/10.000 dân",
                 _spec("range", 12.0, 15.0, unit="/10.000 dân"), "ratio"),
            _ind("preschool", "services", "Phổ cập giáo dục mầm non 3–5 tuổi",
                 "Universal preschool, ages 3–5", "boolean", "none", "hoàn thành",
                 _spec("milestone", 1.0, 1.0, unit=""), "all"),
            _ind("stunting", "services", "Trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi",
                 "Stunting, children under 5", "percent", "lower", "dưới 15%",
                 _spec("threshold", None, 15.0, upper_inclusive=False), "ratio"),
        ],
    }


# (indicator, area) -> {year: value}; a missing area means no observation there.
SERIES: dict[tuple[str, str], dict[int, float]] = {
    ("income_ratio", "la-gi"): {2020: 4.23, 2021: 4.41, 2022: 4.80, 2023: 5.10, 2024: 5.40},
    ("unemployment", "la-gi"): {2020: 2.6, 2021: 2.9, 2022: 2.4, 2023: 2.2, 2024: 2.1},
    ("unemployment", "phuoc-hoi"): {2022: 2.0, 2023: 1.8, 2024: 1.7},
    ("unemployment", "tan-hai"): {2022: 3.1, 2023: 3.0, 2024: 2.9},
    ("trained_labour", "la-gi"): {2020: 68.0, 2021: 70.5, 2022: 72.0, 2023: 74.5, 2024: 76.0},
    ("new_jobs", "la-gi"): {2020: 2500.0, 2021: 2400.0, 2022: 2600.0, 2023: 2700.0,
                            2024: 2750.0},
    ("social_insurance", "la-gi"): {2021: 33.0, 2022: 35.5, 2023: 39.25, 2024: 41.0},
    ("health_insurance", "la-gi"): {2020: 91.0, 2021: 92.1, 2022: 92.9, 2023: 93.35,
                                    2024: 95.6},
    ("health_insurance", "phuoc-hoi"): {2023: 96.0, 2024: 96.5},
    ("health_insurance", "tan-hai"): {2023: 90.2, 2024: 91.0},
    ("doctors", "la-gi"): {2022: 10.5, 2023: 11.8, 2024: 15.4},
    ("preschool", "la-gi"): {2024: 1.0},
    ("stunting", "la-gi"): {2020: 17.2, 2021: 16.8, 2022: 16.9, 2023: 16.5, 2024: 16.6},
}


def _status(spec: dict[str, Any], direction: str, assessed: float) -> tuple[str, float]:
    """Status and margin of one assessed value (docs/evaluation.md, simplified for the fixture)."""
    lo, hi = spec["lower"], spec["upper"]
    if spec["kind"] in ("milestone", "qualitative"):
        return ("met" if assessed == 1.0 else "not_met"), assessed - 1.0
    if direction == "lower":
        ok = assessed <= hi if spec["upper_inclusive"] else assessed < hi
        return ("met" if ok else "not_met"), hi - assessed
    ok = assessed >= lo if spec["lower_inclusive"] else assessed > lo
    if ok and hi is not None and assessed > hi and spec["kind"] in ("range", "approx",
                                                                       "relative"):
        return "exceeded", assessed - lo
    return ("met" if ok else "not_met"), assessed - lo


def frame() -> pd.DataFrame:
    """The evaluation frame of ``SERIES`` (projection by OLS, p_meet from a normal tail)."""
    indicators = {i["id"]: i for i in plan()["indicators"]}
    rows: list[dict[str, Any]] = []
    for (ind, area), series in SERIES.items():
        meta = indicators[ind]
        spec, direction = meta["target_spec"], meta["direction"]
        years = sorted(series)
        for t in years:
            upto = [y for y in years if y <= t]
            values = [series[y] for y in upto]
            if spec["kind"] == "relative":
                assessed = [v / series[2020] for v in values]
            elif spec["kind"] == "cumulative":
                assessed = [math.nan] * len(values)
            else:
                assessed = values
            a = assessed[-1]
            boundary = (spec["upper"] if direction == "lower" else spec["lower"])
            if spec["kind"] == "cumulative":
                status, margin = "no_data", math.nan
            elif spec["kind"] == "qualitative" and math.isnan(a):
                status, margin = "not_assessed", math.nan
            else:
                status, margin = _status(spec, direction, a)
            projected = p_meet = progress = math.nan
            pace = "insufficient_data"
            if spec["kind"] in ("milestone", "qualitative"):
                pace = "not_applicable"
            elif spec["kind"] == "cumulative":
                pace = "insufficient_data"
            elif len(upto) >= 2:
                ys = np.log(assessed) if spec["kind"] == "relative" else np.array(assessed)
                slope, icept = np.polyfit(upto, ys, 1)
                fit = icept + slope * 2030
                projected = float(math.exp(fit) if spec["kind"] == "relative" else fit)
                if meta["unit"] == "percent":
                    projected = min(max(projected, 0.0), 100.0)
                if len(upto) >= 3:
                    resid = ys - (icept + slope * np.array(upto))
                    s = float(np.sqrt(np.sum(resid ** 2) / (len(upto) - 2)))
                    z = ((math.log(boundary) if spec["kind"] == "relative" else boundary)
                         - fit) / max(s, 1e-9)
                    tail = 0.5 * math.erfc(z / math.sqrt(2))
                    p_meet = tail if direction == "higher" else 1.0 - tail
                good = projected >= boundary if direction == "higher" else projected <= boundary
                pace = "achieved" if status in ("met", "exceeded") else (
                    "on_track" if good else "moderate")
            v0 = assessed[0]
            if not math.isnan(v0) and boundary is not None and boundary != v0:
                progress = (a - v0) / (boundary - v0)
            rows.append({
                "indicator": ind, "area": area, "year": t, "value": values[-1],
                "assessed": a, "status": status, "margin": margin, "baseline": v0,
                "progress": progress, "elapsed": (t - upto[0]) / (2030 - upto[0]),
                "pace": pace, "projected": projected, "p_meet": p_meet,
                "coverage": 1.0 if area == "la-gi" else math.nan,
            })
    rows.append({"indicator": "minimum_living", "area": "la-gi", "year": 2024,
                 "value": math.nan, "assessed": math.nan, "status": "not_assessed",
                 "margin": math.nan, "baseline": math.nan, "progress": math.nan,
                 "elapsed": math.nan, "pace": "not_applicable", "projected": math.nan,
                 "p_meet": math.nan, "coverage": 1.0})
    out = pd.DataFrame(rows)
    out["year"] = out["year"].astype("int64")
    out["status"] = pd.Categorical(out["status"], categories=list(STATUSES))
    out["pace"] = pd.Categorical(out["pace"], categories=list(PACES))
    return out


def summary(evaluation: pd.DataFrame | None = None, plan_: dict[str, Any] | None = None,
            area: str = "la-gi", year: int = 2024) -> pd.DataFrame:
    """Counts by status and pace per domain and for the plan, on ``area`` in ``year``.

    Score (docs/aggregation.md "Summaries"): 100 when met or exceeded, else 100 × clip(progress, 0, 1); a domain
    needs ≥ 80 % of its indicators with data, else its score is NaN.
    """
    ev = frame() if evaluation is None else evaluation
    p = plan() if plan_ is None else plan_
    latest = ev[(ev["area"] == area) & (ev["year"] == year)].set_index("indicator")
    rows: list[dict[str, Any]] = []
    scores: list[float] = []
    totals: dict[str, Any] = {"indicators": 0, "with_data": 0}
    for dom in p["domains"]:
        ids = [i["id"] for i in p["indicators"] if i["domain"] == dom["id"]]
        row: dict[str, Any] = {"level": "domain", "domain": dom["id"],
                               "name_vi": dom["name"]["vi"], "name_en": dom["name"]["en"],
                               "indicators": len(ids)}
        st = [str(latest.loc[i, "status"]) if i in latest.index else "no_data" for i in ids]
        pc = [str(latest.loc[i, "pace"]) if i in latest.index else "insufficient_data"
              for i in ids]
        row["with_data"] = sum(s not in ("no_data", "not_assessed") for s in st)
        for s in STATUSES:
            row[s] = st.count(s)
        for c in PACES:
            row[f"pace_{c}"] = pc.count(c)
        parts = []
        for i, s in zip(ids, st):
            if s in ("met", "exceeded"):
                parts.append(100.0)
            elif s == "not_met" and not math.isnan(float(latest.loc[i, "progress"])):
                parts.append(100.0 * min(max(float(latest.loc[i, "progress"]), 0.0), 1.0))
        row["enough_data"] = row["with_data"] >= 0.8 * len(ids)
        row["score"] = float(np.mean(parts)) if parts and row["enough_data"] else math.nan
        if not math.isnan(row["score"]):
            scores.append(row["score"])
        for k in ["indicators", "with_data", *STATUSES, *[f"pace_{c}" for c in PACES]]:
            totals[k] = totals.get(k, 0) + row[k]
        rows.append(row)
    plan_row: dict[str, Any] = {"level": "plan", "domain": "", "name_vi": "Toàn kế hoạch",
                                "name_en": "Whole plan", **totals}
    plan_row["enough_data"] = totals["with_data"] >= 0.8 * totals["indicators"]
    plan_row["score"] = float(np.mean(scores)) if scores else math.nan
    rows.append(plan_row)
    out = pd.DataFrame(rows)
    out.attrs.update(area=area, year=year)  # as Evaluation.summary() says which area and year
    return out


def toml_plan() -> dict[str, Any] | None:
    """``plans/la-gi-2024.toml`` read with tomllib into the ``to_dict()`` shape (without the
    parsed ``target_spec``, which only the core computes), or None when the file is absent."""
    import pathlib

    import tomllib

    path = pathlib.Path(__file__).resolve().parents[2] / "plans" / "la-gi-2024.toml"
    if not path.exists():
        return None
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return {"plan": raw["plan"], "domains": raw["domains"],
            "indicators": [{"part_of": "", "aspirational": False, **i}
                           for i in raw["indicators"]]}


def synthetic_frame(p: dict[str, Any], areas: tuple[str, ...] = AREAS,
                    years: range = range(2020, 2025)) -> pd.DataFrame:
    """A frame for every indicator of ``p``: a rising line per indicator and area, the latest
    status cycling met, not_met, exceeded, no_data, not_assessed by indicator position."""
    rows: list[dict[str, Any]] = []
    cycle = ("met", "not_met", "exceeded", "no_data", "not_assessed")
    for k, ind in enumerate(p["indicators"]):
        status = cycle[k % len(cycle)]
        for a, area in enumerate(areas):
            if a > 0 and k % 3:
                continue
            for y in years:
                value = math.nan if status in ("no_data", "not_assessed") else (
                    1.0 if ind["unit"] == "boolean" else 40.0 + 2.0 * k % 50 + 1.5 * (y - 2020))
                rows.append({
                    "indicator": ind["id"], "area": area, "year": y, "value": value,
                    "assessed": value, "status": status if y == years[-1] else (
                        "not_met" if status in ("met", "exceeded") else status),
                    "margin": math.nan, "baseline": math.nan, "progress": math.nan,
                    "elapsed": (y - 2020) / 10, "pace": "insufficient_data",
                    "projected": math.nan, "p_meet": math.nan, "coverage": 1.0})
    out = pd.DataFrame(rows)
    out["status"] = pd.Categorical(out["status"], categories=list(STATUSES))
    out["pace"] = pd.Categorical(out["pace"], categories=list(PACES))
    return out


def findings() -> pd.DataFrame:
    """One roll-up finding: the town's own value differs from the sum of its wards."""
    return pd.DataFrame([{
        "kind": "own_differs", "indicator": "unemployment", "area": "la-gi", "year": 2024,
        "own": 2.1, "aggregate": 2.3,
        "message": "giá trị riêng 2,1 khác số tổng hợp 2,3 <kiểm tra>",
    }])

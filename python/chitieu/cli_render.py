"""Rendering for the ``chitieu`` command line: rich tables, JSON and CSV text."""
from __future__ import annotations

import json
import math
from typing import Any, Dict, List, Mapping, Optional, Sequence

import numpy as np
import pandas as pd
from rich.table import Table

from chitieu import _core
from chitieu.evaluation import target_words
from chitieu.report import labels

__all__ = [
    "area_status_table",
    "evaluation_csv",
    "evaluation_json",
    "frame_table",
    "plan_table",
    "plans_table",
    "review_table",
    "summary_table",
    "target_dict",
    "target_text",
]

_TARGET_KEYS = ("kind", "lower", "lower_inclusive", "upper", "upper_inclusive", "value", "tolerance",
                "base_year", "period", "unit", "direction", "aspirational")


def target_dict(t: _core.Target) -> Dict[str, Any]:
    """The target JSON of docs/plan-format.md: ``kind, lower, lower_inclusive, upper, upper_inclusive, value,
    tolerance, base_year, period, unit, direction, aspirational`` (absent numbers are null, the
    period a [from, to] list)."""
    out: Dict[str, Any] = {k: getattr(t, k) for k in _TARGET_KEYS}
    if out["period"] is not None:
        out["period"] = list(out["period"])
    return out


def target_text(t: _core.Target) -> str:
    """A few lines describing a target: its fields and its canonical phrases in both languages."""
    d = target_dict(t)
    shown = {k: v for k, v in d.items() if v is not None and v != ""}
    for side in ("lower", "upper"):
        if d[side] is None:
            shown.pop(f"{side}_inclusive", None)
    lines = [f"{k}: {v}" for k, v in shown.items()]
    lines.append(f"vi: {_core.format_target(t, 'vi')}")
    lines.append(f"en: {_core.format_target(t, 'en')}")
    return "\n".join(lines)


def _style(status: str) -> str:
    colour = labels.STATUS_COLOURS[status]
    return f"bold {labels.text_colour(colour)} on {colour}"


def _num(x: Any, places: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{float(x):.{places}f}"


def plan_table(plan: _core.Plan) -> Table:
    """The plan's indicators: id, domain, name, unit, direction, target phrase, aggregation."""
    d = plan.to_dict()
    meta = d["plan"]
    title = meta.get("title") or {}
    table = Table(title=f"{meta['id']} — {labels.localized(title, 'vi')}", show_lines=False)
    table.add_column("id", no_wrap=True)
    for col in ("unit", "direction", "target", "aggregate"):
        table.add_column(col, overflow="fold")
    table.add_column("name", overflow="fold", ratio=1)
    for ind in d["indicators"]:
        table.add_row(ind["id"], ind["unit"], ind["direction"], labels.target_phrase(ind), ind.get("aggregate", ""),
                      labels.localized(ind.get("name"), "vi"))
    return table


def plans_table(plans: Sequence[_core.Plan]) -> Table:
    """The plans built into chitieu: id, area, years, number of indicators, issuer and title."""
    table = Table(title="chitieu plan list")
    table.add_column("id", no_wrap=True)
    table.add_column("area", no_wrap=True)
    table.add_column("years", no_wrap=True)
    table.add_column("indicators", justify="right")
    table.add_column("issuer", overflow="fold")
    table.add_column("title", overflow="fold", ratio=1)
    for plan in plans:
        table.add_row(plan.id, plan.area, f"{plan.baseline_year}–{plan.target_year}", str(len(plan.indicators)),
                      plan.issuer, plan.title.vi)
    return table


def _records(frame: pd.DataFrame) -> List[Dict[str, Any]]:
    return [{str(k): v for k, v in rec.items()} for rec in frame.to_dict(orient="records")]


def _jsonable(frame: pd.DataFrame) -> List[Dict[str, Any]]:
    records = _records(frame.astype(object).where(frame.notna(), None))
    for rec in records:
        for k, v in rec.items():
            if isinstance(v, np.generic):
                rec[k] = v.item()
    return records


def evaluation_csv(frame: pd.DataFrame) -> str:
    """The evaluation columns as CSV (empty cells where undefined; floats written round-trip)."""
    return str(frame.to_csv(index=False, lineterminator="\n"))


def evaluation_json(frame: pd.DataFrame) -> str:
    """The evaluation rows as a JSON list of objects (null where undefined)."""
    return json.dumps(_jsonable(frame), ensure_ascii=False, indent=1) + "\n"


def _indicator_info(plan: _core.Plan) -> Dict[str, Mapping[str, Any]]:
    return {ind["id"]: ind for ind in plan.to_dict()["indicators"]}


def review_table(frame: pd.DataFrame, plan: _core.Plan, area: str, year: int, lang: str) -> Table:
    """The review of one area and year: each indicator's value, target, status, pace and projection."""
    info = _indicator_info(plan)
    targets = target_words(plan, lang)
    rows = frame[(frame["area"] == area) & (frame["year"] == year)]

    def col(name: str) -> str:
        return labels.label("column", name, lang)

    table = Table(title=f"{plan.id} · {area} · {year}")
    table.add_column(col("indicator"), no_wrap=True)
    table.add_column(labels.label("text", "name", lang), no_wrap=True, overflow="ellipsis", max_width=36)
    table.add_column(col("value"), justify="right")
    table.add_column(labels.label("text", "target", lang), no_wrap=True, overflow="ellipsis", max_width=28)
    table.add_column(col("status"))
    table.add_column(col("progress"), justify="right")
    table.add_column(col("pace"))
    table.add_column(col("projected"), justify="right")
    table.add_column(col("p_meet"), justify="right")
    for rec in _records(rows):
        ind = info.get(str(rec["indicator"]), {})
        unit = str(ind.get("unit", "index"))
        status = str(rec["status"])
        table.add_row(
            str(rec["indicator"]),
            labels.localized(ind.get("name"), lang),
            labels.format_value(float(rec["value"]), unit, lang),
            targets.get(str(rec["indicator"]), ""),
            f"[{_style(status)}] {labels.label('status', status, lang)} [/]",
            labels.format_share(float(rec["progress"]), lang),
            labels.label("pace", str(rec["pace"]), lang),
            labels.format_value(float(rec["projected"]), labels.assessed_scale(ind), lang),
            labels.format_probability(float(rec["p_meet"]), lang),
        )
    return table


def summary_table(summary: pd.DataFrame, lang: str) -> Table:
    """Counts by status and the score, one row per domain and the plan row."""

    def text(code: str) -> str:
        return labels.label("text", code, lang)

    table = Table(title=f"{text('summary')} · {summary.attrs.get('area', '')} · {summary.attrs.get('year', '')}")
    table.add_column(text("domain"), overflow="fold", max_width=40)
    table.add_column(text("indicators"), justify="right")
    table.add_column(text("with_data"), justify="right")
    for status in labels.STATUSES:
        colour = labels.STATUS_COLOURS[status]
        table.add_column(f"[{colour}]{labels.label('status', status, lang)}[/]", justify="right")
    table.add_column(text("score"), justify="right")
    table.add_column(text("enough_data"))
    for rec in _records(summary):
        name = rec["name_vi"] if lang == "vi" else rec["name_en"]
        if rec["level"] == "plan":
            name = f"[bold]{text('plan')}[/]"
        table.add_row(
            str(name or rec["domain"]), str(rec["indicators"]), str(rec["with_data"]),
            *(str(rec[s]) for s in labels.STATUSES),
            labels.format_number(float(rec["score"]), 1, lang),
            text("yes") if rec["enough_data"] else text("no"),
            end_section=rec["level"] == "plan",
        )
    return table


def area_status_table(summaries: Mapping[str, pd.DataFrame], lang: str, title: str,
                      area_names: Mapping[str, str]) -> Table:
    """One line per area: the plan row of its summary (counts by status, score, enough data)."""

    def text(code: str) -> str:
        return labels.label("text", code, lang)

    table = Table(title=title)
    table.add_column(labels.label("column", "area", lang))
    for status in labels.STATUSES:
        table.add_column(f"[{labels.STATUS_COLOURS[status]}]{labels.label('status', status, lang)}[/]",
                         justify="right")
    table.add_column(text("score"), justify="right")
    table.add_column(text("enough_data"))
    for area, summary in summaries.items():
        rec = summary[summary["level"] == "plan"].iloc[0]
        table.add_row(area_names.get(area, area), *(str(int(rec[s])) for s in labels.STATUSES),
                      labels.format_number(float(rec["score"]), 1, lang),
                      text("yes") if rec["enough_data"] else text("no"))
    return table


def frame_table(frame: pd.DataFrame, title: Optional[str] = None, no_wrap: Sequence[str] = ()) -> Table:
    """Any DataFrame as a plain rich table (empty cells for NaN); ``no_wrap`` columns are kept on one line."""
    table = Table(title=title)
    for col in frame.columns:
        table.add_column(str(col), overflow="fold", no_wrap=str(col) in no_wrap)
    for rec in frame.itertuples(index=False):
        table.add_row(*("" if (isinstance(v, float) and math.isnan(v)) or v is None else str(v) for v in rec))
    return table


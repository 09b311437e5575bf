"""The self-contained HTML review of an evaluation, and the notebook table.

One document: inline CSS, charts as inline SVG, no scripts, no external URLs. Every text is
escaped by Jinja2's autoescape; only the CSS file and the SVG drawn by matplotlib are marked
safe.
"""
from __future__ import annotations

import math
import pathlib
from importlib import resources
from typing import Any, Mapping

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from matplotlib.figure import Figure

from chitieu._core import __version__
from chitieu.errors import ChitieuError
from chitieu.report import plots
from chitieu.report.labels import (
    METHODS,
    STATUS_COLOURS,
    STATUSES,
    assessed_scale,
    check_lang,
    format_margin,
    format_number,
    format_probability,
    format_share,
    format_value,
    indicator_unit,
    is_number,
    label,
    localized,
    plan_dict,
    target_phrase,
    target_reading,
    target_spec,
    text_colour,
)

_TEMPLATES = resources.files("chitieu.report") / "templates"
_OPEN_SDG = {"target_achieved", "progress_needs_acceleration", "limited_progress",
             "deterioration"}
_SDSN = {"moderately_improving", "decreasing"}


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def method_of(frame: pd.DataFrame) -> str:
    """The pace method of an evaluation: ``frame.attrs["method"]`` if set, else inferred from
    the pace classes present (Open SDG's and SDSN's own classes; ``chitieu`` otherwise)."""
    declared = frame.attrs.get("method")
    if declared is not None:
        if declared not in METHODS:
            raise ChitieuError(
                f"frame.attrs['method'] is {declared!r}: expected {', '.join(METHODS)}", field="method"
            )
        return str(declared)
    paces = {str(p) for p in frame["pace"].dropna().unique()}
    if paces & _OPEN_SDG:
        return "open_sdg"
    if paces & _SDSN:
        return "sdsn"
    return "chitieu"


def _badge(status: str, lang: str) -> dict[str, str]:
    colour = STATUS_COLOURS[status]
    return {"code": status, "label": label("status", status, lang), "bg": colour,
            "fg": text_colour(colour)}


def _indicator_context(meta: Mapping[str, Any], row: pd.Series | None, frame: pd.DataFrame,
                       plan: Mapping[str, Any], area: str, lang: str) -> dict[str, Any]:
    unit = str(meta.get("unit", "index"))
    spec = target_spec(meta)
    kind = str(spec.get("kind", ""))
    scale = assessed_scale(meta)
    t1 = int(meta.get("target_year") or plan["plan"]["target_year"])
    if kind == "cumulative" and spec.get("period"):
        t1 = int(spec["period"][1])
    ctx: dict[str, Any] = {
        "id": str(meta["id"]),
        "name": localized(meta["name"], lang),
        "unit": indicator_unit(meta, lang),
        "phrase": target_phrase(meta),
        "reading": target_reading(meta, lang),
        "aspirational": bool(meta.get("aspirational")),
        "part_of": str(meta.get("part_of") or ""),
        "target_year": t1,
        "year": "",
        "value": "",
        "assessed": "",
        "margin": "",
        "progress": "",
        "projected": "",
        "p_meet": "",
        "pace": "",
        "status": _badge("no_data", lang),
        "chart": None,
    }
    if row is None:
        return ctx
    ctx.update({
        "year": int(row["year"]),
        "value": format_value(row["value"], unit, lang),
        "assessed": (format_value(row["assessed"], scale, lang)
                     if kind in ("relative", "cumulative", "annual_change", "sustained") else ""),
        "margin": format_margin(row["margin"], scale, lang),
        "progress": format_share(row["progress"], lang),
        "projected": format_value(row["projected"], scale, lang),
        "p_meet": format_probability(row["p_meet"], lang),
        "pace": label("pace", str(row["pace"]), lang) if _finite_code(row["pace"]) else "",
        "status": _badge(str(row["status"]), lang),
    })
    points = frame[(frame["indicator"] == meta["id"]) & (frame["area"] == area)
                   & (frame["year"] <= row["year"])]
    if sum(is_number(v) for v in points["assessed"]) >= 2:
        fig = Figure(figsize=(5.6, 2.7))
        ax = fig.add_subplot()
        plots.trajectory(points, plan, str(meta["id"]), area, lang=lang, ax=ax)
        ax.set_title("", loc="left")
        ctx["chart"] = Markup(plots.svg(fig))
    return ctx


def _finite_code(x: Any) -> bool:
    return isinstance(x, str) or (x is not None and not (isinstance(x, float) and math.isnan(x)))


def _summary_rows(summary: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for _, r in summary.iterrows():
        is_plan = r["level"] == "plan"
        rows.append({
            "plan": is_plan,
            "name": label("text", "plan", lang) if is_plan else str(r[f"name_{lang}"]),
            "indicators": int(r["indicators"]),
            "with_data": int(r["with_data"]),
            "counts": [int(r[s]) for s in STATUSES],
            "score": format_number(float(r["score"]), 1, lang) if is_number(r["score"]) else "—",
            "enough": label("text", "yes" if bool(r["enough_data"]) else "no", lang),
        })
    return rows


def _findings_rows(findings: pd.DataFrame | None, names: Mapping[str, str],
                   lang: str) -> list[dict[str, str]]:
    if findings is None or findings.empty:
        return []
    rows = []
    for _, f in findings.iterrows():
        rows.append({
            "kind": str(f["kind"]),
            "indicator": names.get(str(f["indicator"]), str(f["indicator"])),
            "area": str(f["area"]),
            "year": str(int(f["year"])) if is_number(f["year"]) else "",
            "own": format_number(float(f["own"]), 2, lang) if is_number(f["own"]) else "",
            "aggregate": (format_number(float(f["aggregate"]), 2, lang)
                          if is_number(f["aggregate"]) else ""),
            "message": str(f["message"]),
        })
    return rows


def _check_frame(frame: pd.DataFrame) -> None:
    missing = [c for c in ("indicator", "area", "year", "value", "assessed", "status",
                           "margin", "baseline", "progress", "elapsed", "pace", "projected",
                           "p_meet", "coverage") if c not in frame.columns]
    if missing:
        raise ChitieuError(f"the evaluation frame lacks the columns {', '.join(missing)} "
                           "(the evaluation columns of docs/python.md)", field="frame")


def render_html(frame: pd.DataFrame, plan: Any, summary: pd.DataFrame,
                findings: pd.DataFrame | None = None, lang: str = "vi", area: str | None = None,
                year: int | None = None, area_names: Mapping[str, str] | None = None) -> str:
    """The review as one self-contained HTML document (``<html lang="vi">`` or ``"en"``).

    ``area`` defaults to the plan's area (else the area with most indicators), ``year`` to the
    latest year with rows in that area; each indicator shows its latest row with year ≤ year.
    ``area_names`` maps area ids to display names (ids are shown otherwise).
    """
    check_lang(lang)
    _check_frame(frame)
    p = plan_dict(plan)
    area = area if area is not None else plots.report_area(frame, p)
    in_area = frame[frame["area"] == area]
    if in_area.empty:
        raise ChitieuError(f"the evaluation frame has no rows for area {area!r}", field="area")
    year = int(in_area["year"].max()) if year is None else int(year)
    latest = plots.latest_rows(in_area, area, year).set_index("indicator")
    names = area_names or {}
    domains = []
    for d in p["domains"]:
        members = [i for i in p["indicators"] if i["domain"] == d["id"]]
        items = [_indicator_context(i, latest.loc[i["id"]] if i["id"] in latest.index else None,
                                    in_area, p, area, lang) for i in members]
        domains.append({"id": str(d["id"]), "name": localized(d["name"], lang), "items": items})
    bars = Figure(figsize=(7.5, 0.9 + 0.45 * max(int((summary["level"] == "domain").sum()), 1)))
    plots.domain_bars(summary, lang=lang, ax=bars.add_subplot())
    dashboard = None
    if frame["area"].nunique() > 1:
        fig = Figure(figsize=(3.6 + 0.5 * frame["area"].nunique(),
                              1.6 + 0.2 * len(p["indicators"])))
        plots.dashboard(frame, p, lang=lang, year=year, ax=fig.add_subplot(),
                        area_names=names)
        dashboard = Markup(plots.svg(fig))
    ind_names = {str(i["id"]): localized(i["name"], lang) for i in p["indicators"]}
    meta = p["plan"]
    context = {
        "lang": lang,
        "t": lambda key: label("text", key, lang),
        "col": lambda key: label("column", key, lang),
        "css": Markup((_TEMPLATES / "report.css").read_text(encoding="utf-8")),
        "title": localized(meta.get("title"), lang) or str(meta.get("id", "")),
        "plan_id": str(meta.get("id", "")),
        "issuer": str(meta.get("issuer") or ""),
        "source": str(meta.get("source") or ""),
        "area": area,
        "area_name": names.get(area, area),
        "year": year,
        "target_year": int(meta["target_year"]),
        "statuses": [_badge(s, lang) for s in STATUSES],
        "summary": _summary_rows(summary, lang),
        "bars": Markup(plots.svg(bars)),
        "dashboard": dashboard,
        "domains": domains,
        "findings": _findings_rows(findings, ind_names, lang),
        "method": label("text", f"method_{method_of(frame)}", lang),
        "version": __version__,
    }
    return _environment().get_template("report.html.j2").render(context)


def write_html(path: str | pathlib.Path, frame: pd.DataFrame, plan: Any, summary: pd.DataFrame,
               findings: pd.DataFrame | None = None, lang: str = "vi", area: str | None = None,
               year: int | None = None,
               area_names: Mapping[str, str] | None = None) -> pathlib.Path:
    """Write :func:`render_html` to ``path`` (UTF-8) and return the path."""
    out = pathlib.Path(path)
    out.write_text(render_html(frame, plan, summary, findings, lang=lang, area=area, year=year,
                               area_names=area_names), encoding="utf-8")
    return out


def notebook_table(frame: pd.DataFrame, plan: Any, lang: str = "vi", max_rows: int = 60,
                   area_names: Mapping[str, str] | None = None) -> str:
    """A compact HTML table of the evaluation (inline styles, status cells coloured) for
    ``_repr_html_``, in ``lang``, areas named by ``area_names`` (ids otherwise); the first
    ``max_rows`` rows, then a line counting the rest."""
    check_lang(lang)
    _check_frame(frame)
    if max_rows < 1:
        raise ChitieuError(f"max_rows is {max_rows}: expected at least 1", field="max_rows")
    p = plan_dict(plan)
    inds = {str(i["id"]): i for i in p["indicators"]}
    rows = []
    for _, r in frame.head(max_rows).iterrows():
        meta = inds.get(str(r["indicator"]), {})
        unit = str(meta.get("unit", "index"))
        scale = assessed_scale(meta)
        rows.append({
            "id": str(r["indicator"]),
            "name": localized(meta.get("name"), lang) or str(r["indicator"]),
            "area": (area_names or {}).get(str(r["area"]), str(r["area"])),
            "year": int(r["year"]),
            "value": format_value(r["value"], unit, lang),
            "assessed": format_value(r["assessed"], scale, lang),
            "status": _badge(str(r["status"]), lang),
            "pace": label("pace", str(r["pace"]), lang) if _finite_code(r["pace"]) else "",
            "projected": format_value(r["projected"], scale, lang),
            "p_meet": format_probability(r["p_meet"], lang),
        })
    return _environment().get_template("notebook_table.html.j2").render(
        col=lambda key: label("column", key, lang), rows=rows,
        hidden=max(len(frame) - max_rows, 0), more=label("text", "more_rows", lang),
    )

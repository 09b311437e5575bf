"""Matplotlib plots of an evaluation: status dashboard, trajectories, domain bars, inline SVG.

Every function draws on ``ax`` when given, else on a new pyplot figure (so Jupyter shows it),
and returns the Axes. Nothing here selects a backend: headless runs fall back to Agg.
"""
from __future__ import annotations

import hashlib
import io
import math
import re
from typing import Any, Mapping

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from chitieu import _core
from chitieu.errors import ChitieuError
from chitieu.report.labels import (
    PACE_SYMBOLS,
    STATUS_COLOURS,
    STATUSES,
    assessed_scale,
    check_lang,
    format_number,
    format_probability,
    format_value,
    indicator_unit,
    is_number,
    label,
    localized,
    plan_dict,
    target_spec,
    text_colour,
)

_INK = "#222222"
_BAND = "#009E73"


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=size)
    return new


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _indicators(plan: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(i["id"]): dict(i) for i in plan["indicators"]}


def latest_rows(frame: pd.DataFrame, area: str | None = None,
                year: int | None = None) -> pd.DataFrame:
    """The latest row of each indicator × area with year ≤ ``year`` (all years when None)."""
    rows = frame if area is None else frame[frame["area"] == area]
    if year is not None:
        rows = rows[rows["year"] <= year]
    rows = rows.sort_values("year", kind="stable")
    return rows.groupby(["indicator", "area"], sort=False, observed=True).tail(1)


def report_area(frame: pd.DataFrame, plan: Mapping[str, Any]) -> str:
    """The area a report is about when none is given: the plan's area if it has rows, else the
    area with the most indicators (ties broken by id)."""
    if frame.empty:
        raise ChitieuError("the evaluation frame has no rows: nothing to report", field="frame")
    own = str(plan["plan"].get("area") or "")
    if own and (frame["area"] == own).any():
        return own
    counts = frame.groupby("area", observed=True)["indicator"].nunique()
    best = counts[counts == counts.max()]
    return str(sorted(str(a) for a in best.index)[0])


def dashboard(frame: pd.DataFrame, plan: Any, lang: str = "vi", area: str | None = None,
              year: int | None = None, ax: Axes | None = None,
              area_names: Mapping[str, str] | None = None) -> Axes:
    """A grid of indicators (rows, plan order) × areas (columns) coloured by status.

    Each cell shows the latest row with year ≤ ``year`` (the latest of all when None); the
    pace is written in the cell as a marker (✓ ↑ ↗ → ↓ ? ·). ``area`` restricts the grid to
    one area. Indicators without a row are drawn as "no data".
    """
    check_lang(lang)
    p = plan_dict(plan)
    if area is not None:
        areas = [area]
    else:
        own = str(p["plan"].get("area") or "")
        seen = list(dict.fromkeys(str(a) for a in frame["area"]))
        areas = ([own] if own in seen else []) + [a for a in seen if a != own]
    if not areas:
        raise ChitieuError("the evaluation frame has no rows: nothing to draw", field="frame")
    inds = list(p["indicators"])
    cells = latest_rows(frame, None, year).set_index(["indicator", "area"])
    ax = _axes(ax, (2.8 + 1.3 * len(areas), 1.2 + 0.34 * len(inds)))
    for i, ind in enumerate(inds):
        for j, a in enumerate(areas):
            key = (str(ind["id"]), a)
            status, pace = "no_data", ""
            if key in cells.index:
                status = str(cells.loc[key, "status"])
                pace = str(cells.loc[key, "pace"])
            colour = STATUS_COLOURS[status]
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=colour, edgecolor="white", lw=1.5))
            if pace in PACE_SYMBOLS:
                ax.text(j + 0.5, i + 0.5, PACE_SYMBOLS[pace], ha="center", va="center",
                        color=text_colour(colour), fontsize=9)
    names = area_names or {}
    ax.set_xlim(0, len(areas))
    ax.set_ylim(len(inds), 0)
    ax.set_xticks([j + 0.5 for j in range(len(areas))])
    ax.set_xticklabels([names.get(a, a) for a in areas], rotation=30, ha="left")
    ax.xaxis.tick_top()
    ax.set_yticks([i + 0.5 for i in range(len(inds))])
    ax.set_yticklabels([_short(localized(ind["name"], lang)) for ind in inds], fontsize=8)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    handles = [Patch(facecolor=STATUS_COLOURS[s], edgecolor="#888888",
                     label=label("status", s, lang)) for s in STATUSES]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01),
              ncol=3, fontsize=8, frameon=False)
    title = label("text", "dashboard", lang)
    if year is not None:
        title = f"{title} ({year})"
    ax.set_title(title, fontsize=10, loc="left", pad=28)
    return ax


def _fit_line(years: np.ndarray, values: np.ndarray, t1: int,
              log_scale: bool) -> tuple[np.ndarray, np.ndarray]:
    """The projection's least-squares line (the core's ``fit_line``) from the first year to t1,
    fitted on the log scale for compound fits; it ends at the core's ``projected``."""
    xs = np.linspace(float(years.min()), float(t1), 50)
    ys = _core.fit_line(years, np.log(values) if log_scale else values, xs)
    return xs, (np.exp(ys) if log_scale else ys)


def trajectory(frame: pd.DataFrame, plan: Any, indicator: str, area: str, lang: str = "vi",
               ax: Axes | None = None, area_names: Mapping[str, str] | None = None) -> Axes:
    """The assessed values of one indicator in one area over the years, with the target.

    Points are coloured by status; the dashed line is the fit to the target year ending at the
    latest row's ``projected``; the target band (lower/upper; on the ratio scale for relative
    targets, on the running sum for cumulative ones) is shaded; ``p_meet`` is written on a line
    of its own under the title. The title names the area by ``area_names`` (its id otherwise).
    """
    check_lang(lang)
    p = plan_dict(plan)
    inds = _indicators(p)
    if indicator not in inds:
        raise ChitieuError(f"indicator {indicator!r} is not in plan {p['plan'].get('id')!r}", field="indicator")
    meta = inds[indicator]
    rows = frame[(frame["indicator"] == indicator) & (frame["area"] == area)]
    rows = rows.sort_values("year")
    if rows.empty:
        raise ChitieuError(f"no rows for indicator {indicator!r} in area {area!r}", field="area")
    spec = target_spec(meta)
    kind = str(spec.get("kind", ""))
    shown_unit = assessed_scale(meta)
    ax = _axes(ax, (6.0, 3.2))
    pts = rows[[is_number(v) for v in rows["assessed"]]]
    years = pts["year"].to_numpy(dtype=float)
    values = pts["assessed"].to_numpy(dtype=float)
    extent = list(values)
    last = rows.iloc[-1]
    t1 = int(meta.get("target_year") or p["plan"]["target_year"])
    if kind == "cumulative" and spec.get("period"):
        t1 = int(spec["period"][1])
    projected = float(last["projected"]) if is_number(last["projected"]) else math.nan
    if not math.isnan(projected) and len(pts) >= 1 and t1 > years.max():
        if kind == "cumulative" or len(pts) < 2:
            xs, ys = np.array([years[-1], t1]), np.array([values[-1], projected])
        else:
            base = int(meta.get("baseline_year") or p["plan"]["baseline_year"])
            used = years >= base
            log_scale = kind == "relative" or meta.get("trend") == "compound"
            log_scale = log_scale and bool((values[used] > 0).all()) and projected > 0
            xs, ys = _fit_line(years[used], values[used], t1, log_scale)
        ax.plot(xs, ys, ls="--", color="#555555", lw=1.2, label=label("text", "fit", lang))
        ax.plot([t1], [projected], marker="o", mfc="white", mec="#555555", ms=7, ls="none")
        ax.annotate(format_value(projected, shown_unit, lang), (t1, projected),
                    textcoords="offset points", xytext=(-6, 8), ha="right", fontsize=8,
                    color="#555555")
        extent.append(projected)
    lo = float(spec["lower"]) if spec.get("lower") is not None else None
    hi = float(spec["upper"]) if spec.get("upper") is not None else None
    extent += [b for b in (lo, hi) if b is not None]
    ax.plot(years, values, color=_INK, lw=1.5, zorder=3, label=label("text", "observed", lang))
    for y, v, s in zip(years, values, pts["status"]):
        ax.plot([y], [v], marker="o", ms=7, color=STATUS_COLOURS[str(s)], mec=_INK, zorder=4)
    if extent:
        top, bottom = max(extent), min(extent)
        pad = 0.08 * (top - bottom) if top > bottom else max(abs(top) * 0.1, 0.5)
        ax.set_ylim(bottom - pad, top + pad)
    ymin, ymax = ax.get_ylim()
    if lo is not None or hi is not None:
        band_lo = lo if lo is not None else ymin
        band_hi = hi if hi is not None else ymax
        if band_hi > band_lo:
            ax.axhspan(band_lo, band_hi, color=_BAND, alpha=0.12, lw=0,
                       label=label("text", "target_band", lang))
        for b in (lo, hi):
            if b is not None:
                ax.axhline(b, color=_BAND, lw=1, ls=":")
        ax.set_ylim(ymin, ymax)
    has_p = is_number(last["p_meet"])
    if has_p:  # its own line under the title, so a long title cannot run into it
        ax.text(0.0, 1.02, f"{label('column', 'p_meet', lang)} ({t1}): "
                f"{format_probability(float(last['p_meet']), lang)}", transform=ax.transAxes,
                ha="left", va="bottom", fontsize=9, fontweight="bold", color=_INK)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if kind == "relative" and spec.get("base_year") is not None:
        ax.set_ylabel(f"{label('text', 'times', lang)} {spec['base_year']}", fontsize=8)
    else:
        ax.set_ylabel(indicator_unit(meta, lang), fontsize=8)
    where = (area_names or {}).get(area, area)
    ax.set_title(f"{_short(localized(meta['name'], lang), 60)} — {where}", fontsize=10, loc="left",
                 pad=20 if has_p else 6)
    ax.grid(axis="y", color="#E0E0E0", lw=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.legend(fontsize=7, framealpha=0.85, edgecolor="none", loc="best")
    return ax


def domain_bars(summary: pd.DataFrame, lang: str = "vi", ax: Axes | None = None) -> Axes:
    """Stacked bars of indicator counts by status per domain, the domain score written at the end.

    The plan row's score goes into the title (or "not enough data").
    """
    check_lang(lang)
    domains = summary[summary["level"] == "domain"]
    ax = _axes(ax, (7.0, 0.8 + 0.45 * max(len(domains), 1)))
    names = [_short(str(r[f"name_{lang}"]), 40) for _, r in domains.iterrows()]
    left = np.zeros(len(domains))
    for s in STATUSES:
        counts = domains[s].to_numpy(dtype=float)
        ax.barh(range(len(domains)), counts, left=left, color=STATUS_COLOURS[s],
                edgecolor="white", label=label("status", s, lang), height=0.6)
        left += counts
    for k, (_, r) in enumerate(domains.iterrows()):
        score = float(r["score"]) if is_number(r["score"]) else math.nan
        text = "—" if math.isnan(score) else format_number(score, 0, lang)
        ax.text(left[k] + 0.15, k, text, va="center", fontsize=9, color=_INK)
    ax.set_yticks(range(len(domains)))
    ax.set_yticklabels(names, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, (left.max() if len(left) else 1) * 1.15 + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(label("text", "status_counts", lang), fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    plan_rows = summary[summary["level"] == "plan"]
    title = label("text", "summary", lang)
    if not plan_rows.empty:
        score = plan_rows.iloc[0]["score"]
        shown = (format_number(float(score), 1, lang) if is_number(score)
                 else label("text", "not_enough_data", lang))
        title = f"{title} — {label('text', 'plan_score', lang)}: {shown}"
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.tick_params(labelsize=8)
    return ax


_ID = re.compile(r'id="([^"]+)"')


def svg(fig_or_ax: Figure | Axes | Any) -> str:
    """The figure as inline ``<svg>`` text for HTML: text kept as text, no XML prologue, and
    every id prefixed with a hash of the drawing so several charts can share one document."""
    fig = fig_or_ax if isinstance(fig_or_ax, Figure) else getattr(fig_or_ax, "figure", None)
    if not isinstance(fig, Figure):
        raise ChitieuError(f"svg() needs a matplotlib Figure or Axes, not {type(fig_or_ax).__name__}",
                           field="fig_or_ax")
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "chitieu"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    prefix = "c" + hashlib.sha1(text.encode()).hexdigest()[:8] + "-"
    for old in sorted(set(_ID.findall(text)), key=len, reverse=True):
        new = prefix + old
        text = text.replace(f'id="{old}"', f'id="{new}"')
        text = text.replace(f"url(#{old})", f"url(#{new})")
        text = text.replace(f'href="#{old}"', f'href="#{new}"')
    return text.strip()


__all__ = ["dashboard", "domain_bars", "svg", "trajectory"]

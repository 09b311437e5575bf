"""The Excel workbook of an evaluation (openpyxl): summary, detail and findings sheets.

Numbers stay numbers: percentages are written as 0–100 (as in the CSV) with the cell format
``0.0" %"``, shares in [0, 1] (progress, elapsed, coverage, p_meet) with ``0%``; every
column mixes indicators, so the format is set cell by cell from the indicator's unit.
"""
from __future__ import annotations

import math
import pathlib
from typing import Any, Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from chitieu.report.labels import (
    PACES,
    STATUS_COLOURS,
    STATUSES,
    assessed_scale,
    check_lang,
    indicator_unit,
    label,
    localized,
    plan_dict,
    target_phrase,
    text_colour,
)

NUMBER_FORMATS: dict[str, str] = {
    "percent": '0.0" %"',
    "per_10k": "0.0",
    "per_1k": "0.0",
    "per_year": "0.00",
    "count": "#,##0",
    "money": "#,##0.00",
    "ratio": "0.00",
    "years": "0.0",
    "m2_per_person": "0.0",
    "hectares": "#,##0.0",
    "index": "0.00",
    "boolean": "0",
}
"""The Excel number format of a value in each unit."""

MARGIN_FORMATS: dict[str, str] = {
    "vi": '+0.0" điểm %";-0.0" điểm %";0.0" điểm %"',
    "en": '+0.0" pp";-0.0" pp";0.0" pp"',
}
"""The format of a margin between two percentages: percentage points, signed."""

SHARE_FORMAT = "0%"
"""The format of shares in [0, 1]: progress, elapsed, coverage and p_meet."""

_HEAD_FILL = PatternFill("solid", fgColor="EEF1F6")
_HEAD_FONT = Font(bold=True, color="17365D")
_THIN = Side(style="thin", color="C9C9CE")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _clean(x: Any) -> Any:
    """None for NaN/None, a plain Python number or string otherwise."""
    if x is None:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    if hasattr(x, "item"):
        x = x.item()
        if isinstance(x, float) and math.isnan(x):
            return None
    return x


def _fill(status: str) -> tuple[PatternFill, Font]:
    colour = STATUS_COLOURS[status].lstrip("#")
    return (PatternFill("solid", fgColor=colour),
            Font(color=text_colour(STATUS_COLOURS[status]).lstrip("#")))


def _header(ws: Worksheet, row: int, names: list[str]) -> None:
    for col, name in enumerate(names, start=1):
        cell = ws.cell(row=row, column=col, value=name)
        cell.font = _HEAD_FONT
        cell.fill = _HEAD_FILL
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")


def _widths(ws: Worksheet, first_row: int) -> None:
    """Fit column widths to the longest text from ``first_row`` down (between 6 and 60)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None or not isinstance(cell, Cell):
                continue
            text = cell.value if isinstance(cell.value, str) else f"{cell.value:,.2f}" \
                if isinstance(cell.value, float) else str(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), len(text))
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 6), 60)


def _summary_sheet(ws: Worksheet, summary: pd.DataFrame, title: str, lang: str,
                   area_names: Mapping[str, str]) -> None:
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14, color="17365D")
    area = str(summary.attrs.get("area", ""))
    shown = area_names.get(area, area)
    where = shown if shown == area else f"{shown} ({area})"
    ws.cell(row=2, column=1, value=label("text", "covers", lang).format(
        area=where, year=summary.attrs.get("year", ""))).font = Font(italic=True)
    paces = [p for p in PACES if f"pace_{p}" in summary.columns and summary[f"pace_{p}"].sum() > 0]
    names = ([label("text", "domain", lang), label("text", "indicators", lang),
              label("text", "with_data", lang)]
             + [label("status", s, lang) for s in STATUSES]
             + [f"{label('column', 'pace', lang)}: {label('pace', p, lang)}" for p in paces]
             + [label("text", "score", lang), label("text", "enough_data", lang)])
    head = 3
    _header(ws, head, names)
    for k, s in enumerate(STATUSES):
        fill, font = _fill(s)
        cell = ws.cell(row=head, column=4 + k)
        cell.fill, cell.font = fill, Font(bold=True, color=font.color)
    for r, (_, row) in enumerate(summary.iterrows(), start=head + 1):
        is_plan = row["level"] == "plan"
        values = ([label("text", "plan", lang) if is_plan else str(row[f"name_{lang}"]),
                   int(row["indicators"]), int(row["with_data"])]
                  + [int(row[s]) for s in STATUSES]
                  + [int(row[f"pace_{p}"]) for p in paces]
                  + [_clean(float(row["score"])),
                     label("text", "yes" if bool(row["enough_data"]) else "no", lang)])
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = _BOX
            if is_plan:
                cell.font = Font(bold=True)
            if isinstance(v, int):
                cell.number_format = "#,##0"
        ws.cell(row=r, column=len(names) - 1).number_format = "0.0"
    ws.freeze_panes = ws.cell(row=head + 1, column=2)
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(names))}{head + len(summary)}"
    _widths(ws, head)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 28)


_DETAIL = ("indicator_id", "indicator", "domain", "unit", "target", "area", "area_id", "year", "value",
           "assessed", "status", "margin", "baseline", "progress", "elapsed", "pace",
           "projected", "p_meet", "coverage")


def _detail_name(key: str, lang: str) -> str:
    if key in ("indicator_id", "domain", "unit", "area_id"):
        return label("text", key, lang)
    if key == "target":
        return label("text", "target_words", lang)
    return label("column", key, lang)


def _detail_sheet(ws: Worksheet, frame: pd.DataFrame, plan: Mapping[str, Any],
                  lang: str, area_names: Mapping[str, str]) -> None:
    inds = {str(i["id"]): i for i in plan["indicators"]}
    domains = {str(d["id"]): localized(d["name"], lang) for d in plan["domains"]}
    _header(ws, 1, [_detail_name(k, lang) for k in _DETAIL])
    col = {k: n for n, k in enumerate(_DETAIL, start=1)}
    for r, (_, row) in enumerate(frame.iterrows(), start=2):
        meta = inds.get(str(row["indicator"]), {})
        unit = str(meta.get("unit", "index"))
        scale = assessed_scale(meta)
        status = str(row["status"])
        pace = _clean(row["pace"])
        values: dict[str, Any] = {
            "indicator_id": str(row["indicator"]),
            "indicator": localized(meta.get("name"), lang) or str(row["indicator"]),
            "domain": domains.get(str(meta.get("domain", "")), ""),
            "unit": indicator_unit(meta, lang) if meta else "",
            "target": target_phrase(meta),
            "area": area_names.get(str(row["area"]), str(row["area"])),
            "area_id": str(row["area"]),
            "year": int(row["year"]),
            "status": label("status", status, lang),
            "pace": label("pace", str(pace), lang) if pace is not None else None,
        }
        for k in ("value", "assessed", "margin", "baseline", "projected", "progress",
                  "elapsed", "p_meet", "coverage"):
            values[k] = _clean(row[k])
        for k, v in values.items():
            cell = ws.cell(row=r, column=col[k], value=v)
            if k == "value":
                cell.number_format = NUMBER_FORMATS[unit]
            elif k == "margin" and scale == "percent":
                cell.number_format = MARGIN_FORMATS[lang]
            elif k in ("assessed", "margin", "baseline", "projected"):
                cell.number_format = NUMBER_FORMATS[scale]
            elif k in ("progress", "elapsed", "p_meet", "coverage"):
                cell.number_format = SHARE_FORMAT
            elif k == "year":
                cell.number_format = "0"
        fill, font = _fill(status)
        cell = ws.cell(row=r, column=col["status"])
        cell.fill, cell.font = fill, font
    ws.freeze_panes = "C2"
    last = get_column_letter(len(_DETAIL))
    ws.auto_filter.ref = f"A1:{last}{max(len(frame) + 1, 2)}"
    _widths(ws, 1)
    ws.column_dimensions[get_column_letter(col["target"])].width = 40


def _findings_sheet(ws: Worksheet, findings: pd.DataFrame, plan: Mapping[str, Any],
                    lang: str, area_names: Mapping[str, str]) -> None:
    names = {str(i["id"]): localized(i["name"], lang) for i in plan["indicators"]}
    heads = [label("text", "kind", lang), label("column", "indicator", lang),
             label("column", "area", lang), label("column", "year", lang),
             label("text", "own", lang), label("text", "aggregate", lang),
             label("text", "message", lang)]
    _header(ws, 1, heads)
    for r, (_, f) in enumerate(findings.iterrows(), start=2):
        year = _clean(f["year"])
        values = [str(f["kind"]), names.get(str(f["indicator"]), str(f["indicator"])),
                  area_names.get(str(f["area"]), str(f["area"])),
                  int(year) if year is not None else None,
                  _clean(f["own"]), _clean(f["aggregate"]), str(f["message"])]
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if c in (5, 6):
                cell.number_format = "#,##0.00"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:G{len(findings) + 1}"
    _widths(ws, 1)


def write_excel(path: str | pathlib.Path, frame: pd.DataFrame, plan: Any, summary: pd.DataFrame,
                findings: pd.DataFrame | None = None, lang: str = "vi",
                area_names: Mapping[str, str] | None = None) -> pathlib.Path:
    """Write the workbook to ``path`` and return the path.

    Sheets: summary (the area and year it covers, then by domain and plan), detail (every
    evaluation row with the indicator's name, unit and target words, the area's name and id),
    and findings when there are any. Margins between percentages are in percentage points. Headers and labels in
    ``lang``; status cells filled with the report colours; frozen header, autofilter.
    """
    check_lang(lang)
    p = plan_dict(plan)
    names = area_names or {}
    title = localized(p["plan"].get("title"), lang) or str(p["plan"].get("id", ""))
    wb = Workbook()
    wb.properties.title = title
    wb.properties.creator = "chitieu"
    summary_ws = wb.active
    assert summary_ws is not None
    summary_ws.title = label("text", "sheet_summary", lang)
    _summary_sheet(summary_ws, summary, title, lang, names)
    _detail_sheet(wb.create_sheet(label("text", "sheet_detail", lang)), frame, p, lang, names)
    if findings is not None and not findings.empty:
        _findings_sheet(wb.create_sheet(label("text", "sheet_findings", lang)), findings, p,
                        lang, names)
    out = pathlib.Path(path)
    wb.save(out)
    return out

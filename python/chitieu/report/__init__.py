"""Reports of an evaluation: plots, a self-contained HTML report, an Excel workbook.

Vietnamese (``lang="vi"``) or English (``lang="en"``); the words and status colours are in
:mod:`chitieu.report.labels`. This package does not import ``chitieu._core``: it works on the
evaluation DataFrame, the plan as its ``to_dict()`` mapping (a Plan is converted), the
summary and the findings.
"""
from __future__ import annotations

from chitieu.report.excel import write_excel
from chitieu.report.html import notebook_table, render_html, write_html
from chitieu.report.labels import (
    COLUMN_LABELS,
    PACE_LABELS,
    STATUS_COLOURS,
    STATUS_LABELS,
    label,
    unit_label,
)
from chitieu.report.plots import dashboard, domain_bars, svg, trajectory

__all__ = [
    "COLUMN_LABELS",
    "PACE_LABELS",
    "STATUS_COLOURS",
    "STATUS_LABELS",
    "dashboard",
    "domain_bars",
    "label",
    "notebook_table",
    "render_html",
    "svg",
    "trajectory",
    "unit_label",
    "write_excel",
    "write_html",
]

"""Reports of an evaluation: plots, a self-contained HTML report, an Excel workbook and the
Word review (:mod:`chitieu.report.docx`).

Vietnamese (``lang="vi"``) or English (``lang="en"``); the words and status colours are in
:mod:`chitieu.report.labels`. The reports work on the evaluation DataFrame, the plan as its
``to_dict()`` mapping (a Plan is converted), the summary and the findings; the numbers they
show come from the core (labels from its enum tables, the trend line from ``_core.fit_line``).
"""
from __future__ import annotations

from chitieu.report.docx import write_docx
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
    "write_docx",
    "write_excel",
    "write_html",
]

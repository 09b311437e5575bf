"""The Word review: an editable draft of the periodic (mid-term or final) review report.

One area and one year, in the layout of a Vietnamese administrative report: the header block
(issuing body and number, national title and motto, place and date), the title naming the
plan, then I. results by domain (one table per domain), II. the overview, III. the indicators
at risk with their trajectories, IV. the data gaps, and the signature block. Every number
comes from the evaluation frame and the summary (computed by the C++ core); this module only
formats and places them.
"""
from __future__ import annotations

import io
import pathlib
from typing import Any, Mapping

import pandas as pd
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from matplotlib.figure import Figure

from chitieu._core import __version__
from chitieu.errors import ChitieuError
from chitieu.report import plots
from chitieu.report.docx_layout import (
    TEXT_WIDTH_CM,
    grid,
    header_block,
    paragraph,
    set_up_page,
)
from chitieu.report.docx_words import KINDS, word
from chitieu.report.labels import (
    STATUSES,
    assessed_scale,
    check_lang,
    format_margin,
    format_number,
    format_probability,
    format_value,
    indicator_unit,
    is_number,
    label,
    localized,
    plan_dict,
    target_phrase,
    target_spec,
)

__all__ = ["KINDS", "REGRESSING", "at_risk", "write_docx"]

REGRESSING = frozenset({"regressing", "deterioration", "decreasing"})
"""The pace classes that mean "moving away from the target" (chitieu, Open SDG, SDSN)."""

_RESULT_WIDTHS = (1.2, 4.1, 2.9, 2.0, 2.3, 1.7, 2.3)
_RESULT_ALIGN = ("center", "left", "left", "right", "right", "center", "center")
_DOMAIN_WIDTHS = (5.3, 1.8, 1.8, 1.6, 1.6, 2.0, 2.4)
_DOMAIN_ALIGN = ("left", "right", "right", "right", "right", "right", "right")


def at_risk(row: Mapping[str, Any]) -> bool:
    """True when a row's probability of meeting the target is below one half, or its pace
    is regressing (``regressing``, Open SDG's ``deterioration``, SDSN's ``decreasing``)."""
    p = row.get("p_meet")
    return (p is not None and is_number(p) and float(p) < 0.5) or str(row.get("pace")) in REGRESSING


class _Review:
    """The pieces the document is written from: plan, latest rows, summary, words."""

    def __init__(self, frame: pd.DataFrame, plan: Any, summary: pd.DataFrame, lang: str,
                 kind: str, area_names: Mapping[str, str], targets: Mapping[str, str],
                 year_given: bool) -> None:
        self.lang = check_lang(lang)
        if kind not in KINDS:
            raise ChitieuError(f"unknown review kind {kind!r}: expected one of {', '.join(KINDS)}", field="kind")
        self.kind = kind
        self.plan = plan_dict(plan)
        self.meta = self.plan["plan"]
        self.summary = summary
        self.area = str(summary.attrs["area"])
        self.year = int(summary.attrs["year"])
        self.year_given = year_given
        self.area_name = area_names.get(self.area, self.area)
        self.in_area = frame[frame["area"] == self.area]
        now = self.in_area[self.in_area["year"] == self.year]
        self.rows = {str(r["indicator"]): r for _, r in now.iterrows()}
        before = plots.latest_rows(self.in_area, self.area, self.year - 1)
        self.earlier = {str(r["indicator"]): r for _, r in before.iterrows()}
        self.statuses: Mapping[str, str] = summary.attrs.get("statuses") or {
            k: str(r["status"]) for k, r in self.rows.items()}
        self.paces: Mapping[str, str] = summary.attrs.get("paces") or {}
        self.targets = targets
        self.target_year = int(self.meta["target_year"])

    def name(self, ind: Mapping[str, Any]) -> str:
        return localized(ind["name"], self.lang)

    def target(self, ind: Mapping[str, Any]) -> str:
        return str(self.targets.get(str(ind["id"])) or target_phrase(ind))

    def row(self, ind: Mapping[str, Any]) -> Any:
        """The indicator's evaluation row of the report's area and year (None without one)."""
        return self.rows.get(str(ind["id"]))

    def shown(self, ind: Mapping[str, Any]) -> Any:
        """The row whose value is shown: the year's, else the latest earlier one (None without)."""
        return self.rows.get(str(ind["id"]), self.earlier.get(str(ind["id"])))

    def status(self, ind: Mapping[str, Any]) -> str:
        """The status the summary counts for the indicator in the report's area and year."""
        return str(self.statuses.get(str(ind["id"]), "no_data"))


def _name_cell(rv: _Review, ind: Mapping[str, Any]) -> str:
    unit = str(ind.get("unit", "index"))
    name = rv.name(ind)
    return name if unit in ("percent", "boolean") else f"{name} ({indicator_unit(ind, rv.lang)})"


def _value_cell(rv: _Review, ind: Mapping[str, Any], row: Any) -> str:
    text = format_value(row["value"], str(ind.get("unit", "index")), rv.lang)
    return text if int(row["year"]) == rv.year else f"{text}\n({int(row['year'])})"


def _assessed_text(rv: _Review, ind: Mapping[str, Any], x: Any) -> str:
    """An assessed or projected quantity: on the ratio scale for relative targets, so worded
    "1,84 lần so với năm gốc"."""
    scale = assessed_scale(ind)
    text = format_value(x, scale, rv.lang)
    return f"{text} {label('text', 'ratio_scale', rv.lang)}" if text and scale == "ratio" else text


def _margin_cell(rv: _Review, ind: Mapping[str, Any], row: Any) -> str:
    scale = assessed_scale(ind)
    margin = format_margin(row["margin"], scale, rv.lang)
    shows_assessed = target_spec(ind).get("kind") in ("relative", "cumulative", "annual_change", "sustained")
    if shows_assessed and is_number(row["assessed"]):
        assessed = _assessed_text(rv, ind, row["assessed"])
        return f"{assessed}\n({margin})" if margin else assessed
    return margin


def _outlook_cell(rv: _Review, row: Any) -> str:
    """The probability of meeting the target (kept on one line) over the pace."""
    lines = []
    if is_number(row["p_meet"]):
        lines.append(format_probability(float(row["p_meet"]), rv.lang).replace(" ", "\u00a0"))
    if isinstance(row["pace"], str):
        lines.append(label("pace", row["pace"], rv.lang))
    return "\n".join(lines)


def _result_rows(rv: _Review, members: list[Mapping[str, Any]]) -> list[list[str]]:
    rows = []
    for k, ind in enumerate(members, start=1):
        row, shown = rv.row(ind), rv.shown(ind)
        cells = [str(k), _name_cell(rv, ind), rv.target(ind),
                 "" if shown is None else _value_cell(rv, ind, shown)]
        if row is None:
            pace = rv.paces.get(str(ind["id"]))
            cells += ["", label("status", rv.status(ind), rv.lang), label("pace", pace, rv.lang) if pace else ""]
        else:
            cells += [_margin_cell(rv, ind, row), label("status", rv.status(ind), rv.lang), _outlook_cell(rv, row)]
        rows.append(cells)
    return rows


def _results(doc: DocumentObject, rv: _Review) -> None:
    paragraph(doc, word("results", rv.lang), style="Heading 1", align="left")
    header = [word("col_no", rv.lang), word("col_indicator", rv.lang),
              word("col_target", rv.lang, target_year=rv.target_year),
              word("col_value", rv.lang, year=rv.year), word("col_margin", rv.lang),
              word("col_status", rv.lang), word("col_outlook", rv.lang)]
    for k, domain in enumerate(rv.plan["domains"], start=1):
        members = [i for i in rv.plan["indicators"] if i["domain"] == domain["id"]]
        if not members:
            continue
        paragraph(doc, f"{k}. {localized(domain['name'], rv.lang)}", style="Heading 2", align="left")
        grid(doc, header, _result_rows(rv, members), _RESULT_WIDTHS, _RESULT_ALIGN)
        paragraph(doc, "", after=0)


def _score(x: Any, lang: str) -> str:
    return format_number(float(x), 1, lang) if is_number(x) else "—"


def _overview(doc: DocumentObject, rv: _Review) -> None:
    lang = rv.lang
    paragraph(doc, word("overview", lang), style="Heading 1", align="left")
    plan_row = rv.summary[rv.summary["level"] == "plan"].iloc[0]
    counts = {s: int(plan_row[s]) for s in STATUSES}
    paragraph(doc, word("counts", lang, n=int(plan_row["indicators"]), with_data=int(plan_row["with_data"]),
                        year=rv.year, target_year=rv.target_year, **counts), indent=True)
    paces = [word("pace_item", lang, n=int(plan_row[c]), label=label("pace", c[5:], lang).lower())
             for c in rv.summary.columns if c.startswith("pace_") and int(plan_row[c]) > 0]
    if paces:
        paragraph(doc, word("paces", lang, list="; ".join(paces)), indent=True)
    if bool(plan_row["enough_data"]) and is_number(plan_row["score"]):
        paragraph(doc, word("score_plan", lang, score=_score(plan_row["score"], lang)), indent=True)
    else:
        paragraph(doc, word("score_missing", lang), indent=True)
    paragraph(doc, word("coverage", lang, with_data=int(plan_row["with_data"]),
                        n=int(plan_row["indicators"]), year=rv.year), indent=True)
    partial = [f"{rv.name(i)} ({format_probability(float(r['coverage']), lang)})"
               for i in rv.plan["indicators"] if (r := rv.row(i)) is not None
               and is_number(r["coverage"]) and float(r["coverage"]) < 1.0]
    if partial:
        paragraph(doc, word("coverage_low", lang, n=len(partial), list="; ".join(partial)), indent=True)
    paragraph(doc, word("domain_table", lang), indent=True, after=3).paragraph_format.keep_with_next = True
    domains = rv.summary[rv.summary["level"] == "domain"]
    header = [word("col_domain", lang), word("col_indicators", lang), word("col_with_data", lang),
              label("status", "exceeded", lang), label("status", "met", lang),
              label("status", "not_met", lang), word("col_score", lang)]
    rows = [[str(r[f"name_{lang}"]), str(int(r["indicators"])), str(int(r["with_data"])),
             str(int(r["exceeded"])), str(int(r["met"])), str(int(r["not_met"])), _score(r["score"], lang)]
            for _, r in domains.iterrows()]
    rows.append([label("text", "plan", lang), str(int(plan_row["indicators"])), str(int(plan_row["with_data"])),
                 str(counts["exceeded"]), str(counts["met"]), str(counts["not_met"]),
                 _score(plan_row["score"], lang)])
    table = grid(doc, header, rows, _DOMAIN_WIDTHS, _DOMAIN_ALIGN)
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _trajectory_png(rv: _Review, ind: Mapping[str, Any]) -> io.BytesIO | None:
    points = rv.in_area[(rv.in_area["indicator"] == ind["id"]) & (rv.in_area["year"] <= rv.year)]
    if sum(is_number(v) for v in points["assessed"]) < 2:
        return None
    fig = Figure(figsize=(6.4, 3.0))
    ax = fig.add_subplot()
    plots.trajectory(points, rv.plan, str(ind["id"]), rv.area, lang=rv.lang, ax=ax)
    ax.set_title("", loc="left")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=200, bbox_inches="tight")
    buf.seek(0)
    return buf


def _risks(doc: DocumentObject, rv: _Review) -> None:
    lang = rv.lang
    paragraph(doc, word("at_risk", lang), style="Heading 1", align="left")
    risky = [i for i in rv.plan["indicators"] if (r := rv.row(i)) is not None and at_risk(r)]
    if not risky:
        paragraph(doc, word("risk_none", lang, year=rv.year), indent=True)
        return
    paragraph(doc, word("risk_rule", lang, year=rv.year), indent=True)
    for k, ind in enumerate(risky, start=1):
        row = rv.row(ind)
        paragraph(doc, f"{k}. {rv.name(ind)}", bold=True, align="left", after=2).paragraph_format.keep_with_next = True
        pace = label("pace", row["pace"], lang) if isinstance(row["pace"], str) else "—"
        paragraph(doc, word("risk_line", lang, row_year=int(row["year"]),
                            value=format_value(row["value"], str(ind.get("unit", "index")), lang) or "—",
                            target=rv.target(ind), status=label("status", str(row["status"]), lang),
                            target_year=rv.target_year,
                            projected=_assessed_text(rv, ind, row["projected"]) or "—",
                            p=format_probability(float(row["p_meet"]), lang) if is_number(row["p_meet"]) else "—",
                            pace=pace), indent=True).paragraph_format.keep_with_next = True
        png = _trajectory_png(rv, ind)
        if png is None:
            paragraph(doc, word("no_figure", lang), italic=True, align="center")
            continue
        doc.add_picture(png, width=Cm(min(15.0, TEXT_WIDTH_CM)))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
        paragraph(doc, word("figure", lang, k=k, name=rv.name(ind)), style="Caption", align="center")


def _gaps(doc: DocumentObject, rv: _Review) -> None:
    lang = rv.lang
    paragraph(doc, word("gaps", lang), style="Heading 1", align="left")
    inds = rv.plan["indicators"]
    def gap_item(ind: Mapping[str, Any]) -> str:
        earlier = rv.shown(ind)
        if earlier is None:
            return rv.name(ind)
        return word("gap_item_stale", lang, name=rv.name(ind), row_year=int(earlier["year"]))

    no_data = [gap_item(i) for i in inds if rv.status(i) == "no_data"]
    not_assessed = [gap_item(i) for i in inds if rv.status(i) == "not_assessed"]
    groups = [("gap_no_data", no_data), ("gap_not_assessed", not_assessed)]
    if not any(items for _, items in groups):
        paragraph(doc, word("gaps_none", lang), indent=True)
        return
    for key, items in groups:
        if not items:
            continue
        paragraph(doc, word(key, lang, year=rv.year, n=len(items)), indent=True, after=2)
        for entry in items:
            paragraph(doc, f"- {entry}", align="left", after=0).paragraph_format.left_indent = Cm(1)
        paragraph(doc, "", after=0)
    paragraph(doc, word("gap_advice", lang), indent=True)


def _head(doc: DocumentObject, rv: _Review) -> None:
    lang = rv.lang
    issuer = str(rv.meta.get("issuer") or "")
    left = [(issuer.upper(), False, False, 12), (rv.area_name.upper(), True, False, 13),
            ("———", False, False, 10), (word("number", lang), False, False, 13)]
    right = [(word("republic", lang), True, False, 12), (word("motto", lang), True, False, 13),
             ("—————————", False, False, 10),
             (word("place_date", lang, place=rv.area_name), False, True, 13)]
    paragraph(doc, word("draft", lang), bold=True, size=12, align="right", after=0)
    header_block(doc, left, right)
    title = localized(rv.meta.get("title"), lang) or str(rv.meta.get("id", ""))
    heading = paragraph(doc, word("report", lang), bold=True, size=14, align="center", after=0)
    heading.paragraph_format.space_before = Cm(0.6)
    paragraph(doc, word("title", lang, kind=word(rv.kind, lang), plan=title), bold=True, size=14,
              align="center", after=0)
    paragraph(doc, word("scope", lang, area=rv.area_name, year=rv.year), italic=True, align="center", after=0)
    paragraph(doc, "—————", align="center", size=10)
    kind_words = word(rv.kind, lang)
    paragraph(doc, word("intro", lang, plan=title, kind=kind_words[0].lower() + kind_words[1:],
                        target_year=rv.target_year, area=rv.area_name), indent=True)
    paragraph(doc, word("year_given" if rv.year_given else "year_latest", lang, year=rv.year) + " "
              + word("year_rule", lang, year=rv.year), indent=True)


def _closing(doc: DocumentObject, rv: _Review, method: str) -> None:
    lang = rv.lang
    paragraph(doc, word("method", lang, method=method), italic=True, size=11, indent=True)
    paragraph(doc, word("sample_of", lang, version=__version__), italic=True, size=11, indent=True)
    left = [(word("recipients", lang), True, True, 12), (word("recipient_above", lang), False, False, 11),
            (word("recipient_archive", lang), False, False, 11)]
    right = [(word("signer", lang), True, False, 13), (word("signature", lang), False, True, 13),
             *([("", False, False, 13)] * 4)]
    block = header_block(doc, left, right, left_width_cm=8.0)
    for par in block.rows[0].cells[0].paragraphs:
        par.alignment = WD_ALIGN_PARAGRAPH.LEFT  # the recipients read as a list


def write_docx(path: str | pathlib.Path, frame: pd.DataFrame, plan: Any, summary: pd.DataFrame,
               *, lang: str = "vi", kind: str = "so-ket", area_names: Mapping[str, str] | None = None,
               targets: Mapping[str, str] | None = None, year_given: bool = False) -> pathlib.Path:
    """Write the Word review of ``summary.attrs["area"]`` in ``summary.attrs["year"]`` to ``path``.

    ``kind`` is ``"so-ket"`` (mid-term review) or ``"tong-ket"`` (final review); ``targets``
    maps indicator ids to the target phrase shown (default: the plan's own words);
    ``year_given`` says whether the year was asked for (else the document says it is the
    latest with data). Returns the path.
    """
    from chitieu.report.html import method_of

    rv = _Review(frame, plan, summary, lang, kind, area_names or {}, targets or {}, year_given)
    doc = Document()
    set_up_page(doc, rv.lang)
    props = doc.core_properties
    props.title = word("report", rv.lang) + " " + word(kind, rv.lang)
    props.language = "vi-VN" if rv.lang == "vi" else "en-GB"
    props.author = "chitieu"
    _head(doc, rv)
    _results(doc, rv)
    _overview(doc, rv)
    _risks(doc, rv)
    _gaps(doc, rv)
    _closing(doc, rv, label("text", f"method_{method_of(frame)}", rv.lang))
    out = pathlib.Path(path)
    doc.save(str(out))
    return out

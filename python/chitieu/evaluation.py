"""The result of :func:`chitieu.evaluate`: columns, summaries, plots and reports."""
from __future__ import annotations

import os
from typing import Any, Dict, List, Mapping, Optional, Union

import pandas as pd

from chitieu import _core
from chitieu.choices import Lang, Method, PlotKind
from chitieu.errors import ChitieuError, translate
from chitieu.frames import evaluation_frame

__all__ = ["Evaluation", "summary_frame", "target_words"]

_STATUS_COUNTS = tuple(_core.status_names())


def summary_frame(plan: _core.Plan, summary: Mapping[str, Any]) -> pd.DataFrame:
    """One row per domain plus one plan row from the dict of ``_core.summarize``.

    Columns: ``level, domain, name_vi, name_en, indicators, with_data``, the
    status counts, ``pace_<class>`` for every pace class that occurs,
    ``score`` and ``enough_data``.
    """
    rows: List[Dict[str, Any]] = []
    names = {d.id: d.name for d in plan.domains}
    for entry in summary["domains"]:
        name = names.get(entry["domain"])
        rows.append({"level": "domain", "domain": entry["domain"],
                     "name_vi": name.vi if name else "", "name_en": name.en if name else "", **_counts(entry)})
    total = summary["plan"]
    rows.append({"level": "plan", "domain": "", "name_vi": plan.title.vi, "name_en": plan.title.en,
                 **_counts(total)})
    paces = [p for p in _core.pace_names() if any(r.get(f"pace_{p}", 0) for r in rows)]
    columns = (["level", "domain", "name_vi", "name_en", "indicators", "with_data", *_STATUS_COUNTS]
               + [f"pace_{p}" for p in paces] + ["score", "enough_data"])
    frame = pd.DataFrame(rows).reindex(columns=columns)
    for col in ["indicators", "with_data", *_STATUS_COUNTS, *(f"pace_{p}" for p in paces)]:
        frame[col] = frame[col].fillna(0).astype("int64")
    frame["score"] = frame["score"].astype("float64")
    frame["enough_data"] = frame["enough_data"].astype(bool)
    return frame


def target_words(plan: _core.Plan, lang: str) -> Dict[str, str]:
    """Each indicator's target as a reader of ``lang`` sees it: the plan's own words in
    Vietnamese, the core's English rendering of the parsed target in English."""
    if lang == "en":
        return {i.id: _core.format_target(i.target, "en") for i in plan.indicators}
    return {i.id: i.target_phrase for i in plan.indicators}


def _counts(entry: Mapping[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {k: entry[k] for k in ("indicators", "with_data", *_STATUS_COUNTS)}
    for pace, n in entry["pace"].items():
        out[f"pace_{pace}"] = n
    out["score"] = entry["score"]
    out["enough_data"] = entry["enough_data"]
    return out


class Evaluation:
    """Status, margin, progress, projection and pace per indicator × area × year.

    Returned by :func:`chitieu.evaluate`. ``plan`` is the :class:`Plan`
    evaluated, ``findings`` a DataFrame of what the review noticed (a parent's
    own value differing from its aggregate, low coverage, ...), ``method`` the
    pace method and ``geography`` the date whose units the data are expressed
    on (``None`` for historical geography). ``lang`` (``"vi"`` or ``"en"``) is the
    language of the notebook table; ``area_names`` maps area ids to the names
    the reports show.
    """

    plan: _core.Plan
    findings: pd.DataFrame
    method: Method
    geography: Optional[str]
    year: Optional[int]
    lang: str

    def __init__(
        self,
        plan: _core.Plan,
        core: _core.Evaluation,
        findings: pd.DataFrame,
        *,
        method: Method = "chitieu",
        geography: Optional[str] = None,
        year: Optional[int] = None,
        area_names: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.plan = plan
        self.core = core
        self.findings = findings
        self.method = method
        self.geography = geography
        self.year = year
        self.area_names: Dict[str, str] = dict(area_names or {})
        self.lang = "vi"
        self._frame: Optional[pd.DataFrame] = None

    def to_frame(self) -> pd.DataFrame:
        """The evaluation columns (docs/python.md) as a new DataFrame, one row per indicator × area × year.

        ``indicator`` and ``area`` are Categoricals of the ids, ``status`` and
        ``pace`` Categoricals in enum order; NaN where undefined. The frame is
        a copy the caller owns: writing to it changes neither the evaluation
        nor a later ``to_frame()``, under pandas 2 as under pandas 3.
        """
        return self._rows().copy(deep=True)

    def _default_area(self, area: Optional[str]) -> str:
        if area is not None:
            return area
        frame = self._rows()
        if self.plan.area and (frame["area"] == self.plan.area).any():
            return str(self.plan.area)
        if frame.empty:
            raise ChitieuError("the evaluation has no rows to summarise", field="area")
        return str(frame["area"].iloc[0])

    def _rows(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = evaluation_frame(self.core)
            self._frame.attrs.update(method=self.method, geography=self.geography)
        return self._frame

    def summary(self, area: Optional[str] = None, year: Optional[int] = None, geometric: bool = False) -> pd.DataFrame:
        """Counts by status and pace and scores, one row per domain plus the plan row.

        Defaults: the plan's area (the town) and the latest year evaluated
        there. ``geometric`` takes the plan score as the geometric mean of the
        domain scores. ``enough_data`` is the 80 % rule (docs/aggregation.md "Summaries").
        ``attrs`` holds ``area``, ``year``, ``geometric`` and each indicator's
        ``statuses`` and ``paces`` in that area and year (the counts' own rule:
        an indicator without a row that year is ``no_data``/``not_assessed``).
        """
        where = self._default_area(area)
        try:
            raw = _core.summarize(self.plan, self.core, where, year, geometric)
        except (ValueError, RuntimeError) as exc:
            raise translate(exc, ChitieuError) from None
        frame = summary_frame(self.plan, raw)
        scores = [entry for domain in raw["domains"] for entry in domain["indicator_scores"]]
        frame.attrs.update(area=raw["area"], year=int(raw["year"]), geometric=bool(raw["geometric"]),
                           statuses={e["indicator"]: e["status"] for e in scores},
                           paces={e["indicator"]: e["pace"] for e in scores})
        return frame

    def plot(
        self,
        kind: PlotKind = "dashboard",
        *,
        indicator: Optional[str] = None,
        area: Optional[str] = None,
        year: Optional[int] = None,
        lang: Lang = "vi",
        ax: Any = None,
    ) -> Any:
        """Plot: ``dashboard`` (status of every indicator × area, latest year ≤ ``year``),
        ``trajectory`` (one ``indicator``'s series in ``area``, default the plan's area, with its
        target and projection) or ``domains`` (status counts and scores by domain for
        ``area`` and ``year``). Returns the matplotlib Axes.
        """
        from chitieu.report import plots

        if kind == "dashboard":
            return plots.dashboard(self._rows(), self.plan, lang=lang, area=area, year=year, ax=ax,
                                   area_names=self.area_names)
        if kind == "trajectory":
            if indicator is None:
                raise ChitieuError("a trajectory plot needs indicator=", field="indicator")
            return plots.trajectory(self._rows(), self.plan, indicator, self._default_area(area), lang=lang, ax=ax,
                                    area_names=self.area_names)
        if kind == "domains":
            return plots.domain_bars(self.summary(area=area, year=year), lang=lang, ax=ax)
        raise ChitieuError(f"unknown plot kind '{kind}'; expected dashboard, trajectory or domains", field="kind")

    def to_html(self, path: Union[str, os.PathLike[str]], lang: Lang = "vi") -> None:
        """Write a self-contained HTML review to ``path``: the plan's area (the town) in the
        latest year, by domain, with the dashboard of every area and the findings."""
        from chitieu.report import html

        summary = self.summary()
        html.write_html(os.fspath(path), self._rows(), self.plan, summary, self.findings, lang=lang,
                        area=summary.attrs["area"], year=summary.attrs["year"], area_names=self.area_names)

    def to_excel(self, path: Union[str, os.PathLike[str]], lang: Lang = "vi") -> None:
        """Write an Excel workbook of the review to ``path``: summary, every row, findings."""
        from chitieu.report import excel

        excel.write_excel(os.fspath(path), self._rows(), self.plan, self.summary(), self.findings, lang=lang,
                          area_names=self.area_names)

    def to_docx(
        self,
        path: Union[str, "os.PathLike[str]"],
        area: Optional[str] = None,
        year: Optional[int] = None,
        lang: str = "vi",
        kind: str = "so-ket",
    ) -> None:
        """Write the Word review of one area and year to ``path``: an editable draft of the
        periodic review report (``kind="so-ket"`` mid-term, ``"tong-ket"`` final) in the layout
        of a Vietnamese administrative document (docs/reports.md).

        ``area=None`` takes the only area evaluated, else the plan's area when it has rows,
        else raises naming the areas to choose from; ``year=None`` takes the latest year with
        data in that area, and the document says so.
        """
        from chitieu.report import docx

        if kind not in docx.KINDS:
            raise ChitieuError(f"unknown review kind '{kind}'; expected one of {', '.join(docx.KINDS)}",
                               field="kind")
        if lang not in ("vi", "en"):
            raise ChitieuError(f"unknown language '{lang}'; expected vi or en", field="lang")
        where = self._report_area(area)
        summary = self.summary(area=where, year=year)
        targets = target_words(self.plan, lang)
        docx.write_docx(os.fspath(path), self._rows(), self.plan, summary, lang=lang, kind=kind,
                        area_names=self.area_names, targets=targets, year_given=year is not None)

    def _report_area(self, area: Optional[str]) -> str:
        """The area a one-area report is about: ``area`` if given, else the only area evaluated,
        else the plan's area when it has rows; never a silent pick among several."""
        areas = sorted(str(a) for a in self._rows()["area"].unique())
        if area is not None:
            if area not in areas:
                raise ChitieuError(f"area '{area}' has no rows in the evaluation; "
                                   f"areas evaluated: {', '.join(areas) or 'none'}", field="area")
            return area
        if len(areas) == 1:
            return areas[0]
        if self.plan.area and self.plan.area in areas:
            return str(self.plan.area)
        if not areas:
            raise ChitieuError("the evaluation has no rows: nothing to report", field="area")
        raise ChitieuError(f"the evaluation has {len(areas)} areas and the plan's area "
                           f"'{self.plan.area}' has no rows: choose one with area=, among "
                           f"{', '.join(areas)}", field="area")

    def _repr_html_(self) -> str:
        from chitieu.report import html

        return str(html.notebook_table(self._rows(), self.plan, self.lang, area_names=self.area_names))

    def __repr__(self) -> str:
        frame = self._rows()
        counts = frame["status"].value_counts(sort=False)
        status = ", ".join(f"{int(n)} {s}" for s, n in counts.items() if n)
        years = f"{int(frame['year'].min())}-{int(frame['year'].max())}" if len(frame) else "none"
        geo = self.geography or "historical"
        return (f"<Evaluation plan={self.plan.id!r} method={self.method!r} geography={geo!r}: "
                f"{len(frame)} rows, {frame['indicator'].nunique()} indicators, "
                f"{frame['area'].nunique()} areas, years {years}; {status or 'no rows'}>")

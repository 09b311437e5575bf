"""The result of :func:`chitieu.evaluate`: columns, summaries, plots and reports."""
from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Union

import pandas as pd

from chitieu import _core
from chitieu.choices import Lang, Method, PlotKind, ReviewKind
from chitieu.errors import ChitieuError, translate
from chitieu.frames import evaluation_frame

if TYPE_CHECKING:
    import polars
    import pyarrow

__all__ = ["Evaluation", "summary_frame", "target_words", "years_note"]

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


def years_note(years: Iterable[int]) -> str:
    """The years present, as ranges: "2020–2024, 2026" ("none" when empty)."""
    ordered: List[int] = sorted({int(y) for y in years})
    if not ordered:
        return "none"
    spans: List[str] = []
    start = prev = ordered[0]
    for y in ordered[1:]:
        if y != prev + 1:
            spans.append(str(start) if start == prev else f"{start}–{prev}")
            start = y
        prev = y
    spans.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(spans)


def target_words(plan: _core.Plan, lang: str) -> Dict[str, str]:
    """Each indicator's target as a reader of ``lang`` sees it: the plan's own words in
    Vietnamese, the core's English rendering of the parsed target in English."""
    if lang == "en":
        return {i.id: _core.format_target(i.target, "en") for i in plan.indicators}
    return {i.id: i.target_phrase for i in plan.indicators}


def _copy_on_write() -> bool:
    """True when pandas copies a column shared between frames before a write into it (pandas 3
    always; pandas 2 with ``mode.copy_on_write`` set to True)."""
    return int(pd.__version__.split(".")[0]) >= 3 or pd.get_option("mode.copy_on_write") is True


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
        plan_indicators: Optional[int] = None,
    ) -> None:
        self.plan = plan
        self.core = core
        self.findings = findings
        self.method = method
        self.geography = geography
        self.year = year
        self.area_names: Dict[str, str] = dict(area_names or {})
        self.lang = "vi"
        #: How many indicators the whole plan has (the evaluation may cover a subset: ``indicators=``).
        self.plan_indicators = len(plan.indicators) if plan_indicators is None else plan_indicators
        self._frame: Optional[pd.DataFrame] = None
        self._shared: Optional[pd.DataFrame] = None

    def to_frame(self, copy: Optional[bool] = None) -> pd.DataFrame:
        """The evaluation columns (docs/evaluation.md) as a new DataFrame, one row per indicator × area × year.

        ``indicator`` and ``area`` are Categoricals of the ids, ``status`` and
        ``pace`` Categoricals in enum order; NaN where undefined. The frame is
        the caller's: writing to it changes neither the evaluation nor a later
        ``to_frame()``.

        By default, under pandas' copy-on-write (pandas 3; pandas 2 with
        ``mode.copy_on_write`` set), the frame shares the evaluation's memory
        without copying it: pandas copies a column before the first write into
        it while the evaluation (or another frame of it) shares it, and writes
        in place once the memory is the frame's alone. Without copy-on-write,
        and with ``copy=True``, every column is a copy taken on several threads.

        ``copy=False`` gives a frame for reading: its number, ``year``,
        ``status`` and ``pace`` columns are read-only views of the evaluation's
        memory, so writing into them raises ``ValueError`` (replacing a whole
        column works). While frames of either kind without a copy are alive,
        the evaluation's memory is theirs: ``recycle=`` refuses it under a
        read-only frame and takes fresh memory under a shared one.
        """
        if copy is None and _copy_on_write():
            return self._framed(self._shared_rows().copy(deep=False))
        return self._framed(evaluation_frame(self.core, copy=copy is not False))

    def _give_away(self) -> Optional[_core.Evaluation]:
        """The core evaluation, for a new one to reuse its memory (this one is left empty).

        Drops the cached frames; raises :class:`ChitieuError` while arrays from
        ``self.core.columns()`` (or read-only frames built on them) still view
        its memory. ``None`` (nothing to reuse) while frames from ``to_frame()``
        share it: they keep it, and this evaluation is emptied all the same.
        """
        self._frame = self._shared = None
        if self.core.viewed or self.core.shared:
            gc.collect()  # a dropped frame may sit in a reference cycle
        if self.core.viewed:
            raise ChitieuError("the evaluation to recycle is still in use: arrays from its core's columns() "
                               "(or frames built on them) view its memory; delete them or keep copies",
                               field="recycle")
        if self.core.shared:
            self.core = _core.Evaluation()
            return None
        return self.core

    def _default_area(self, area: Optional[str]) -> str:
        """``area`` when given, else the plan's area; never another area in its place (a plan that names
        no area: the area of the first row)."""
        frame = self._rows()
        areas = sorted(str(a) for a in frame["area"].unique())
        shown = ", ".join(areas[:12]) + (", ..." if len(areas) > 12 else "")
        if area is not None:
            if str(area) not in areas:
                raise ChitieuError(f"area '{area}' has no rows in this evaluation; its areas are {shown or 'none'}",
                                   field="area")
            return str(area)
        if self.plan.area:
            if str(self.plan.area) in areas:
                return str(self.plan.area)
            raise ChitieuError(f"the plan's area '{self.plan.area}' has no data in this evaluation (its areas are "
                               f"{shown or 'none'}); give the plan's area's observations, an areas table to roll "
                               "up to it, or choose an area with area= (CLI: --area)", field="area")
        if frame.empty:
            raise ChitieuError("the evaluation has no rows to summarise", field="area")
        return str(frame["area"].iloc[0])  # a plan without an area: the area of the first row (docs/your-data.md)

    def _rows(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = self._framed(evaluation_frame(self.core))
        return self._frame

    def _shared_rows(self) -> pd.DataFrame:
        """The frame on writeable views of the core's memory whose shallow copies ``to_frame()`` returns
        (never written itself: pandas copies a shared column before a write into a copy)."""
        if self._shared is None:
            self._shared = evaluation_frame(self.core, shared=True)
        return self._shared

    def _framed(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with this evaluation's pace method and geography in its ``attrs``."""
        frame.attrs.update(method=self.method, geography=self.geography)
        return frame

    def summary(self, area: Optional[str] = None, year: Optional[int] = None, geometric: bool = False) -> pd.DataFrame:
        """Counts by status and pace and scores, one row per domain plus the plan row.

        Defaults: the plan's area (the town) and the latest year evaluated
        there. ``geometric`` takes the plan score as the geometric mean of the
        domain scores. ``enough_data`` is the 80 % rule (docs/aggregation.md "Summaries").
        ``attrs`` holds ``area``, ``year``, ``geometric``, each indicator's
        ``statuses`` and ``paces`` in that area and year (the counts' own rule:
        an indicator without a row that year is ``no_data``/``not_assessed``),
        ``indicators`` (how many indicators the summary covers) and
        ``plan_indicators`` (how many the plan has: more when
        :func:`chitieu.evaluate` was given ``indicators=``).
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
                           paces={e["indicator"]: e["pace"] for e in scores},
                           indicators=len(self.plan.indicators), plan_indicators=self.plan_indicators)
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
            if indicator not in {i.id for i in self.plan.indicators}:
                raise ChitieuError(f"indicator '{indicator}' is not in plan '{self.plan.id}'; expected one of "
                                   + ", ".join(i.id for i in self.plan.indicators), field="indicator")
            where = self._default_area(area)
            try:
                return plots.trajectory(self._rows(), self.plan, indicator, where, lang=lang, ax=ax,
                                        area_names=self.area_names)
            except ChitieuError:
                raise
            except ValueError as exc:  # e.g. no rows for the indicator in the area
                raise ChitieuError(str(exc), field="indicator") from None
        if kind == "domains":
            return plots.domain_bars(self.summary(area=area, year=year), lang=lang, ax=ax)
        raise ChitieuError(f"unknown plot kind '{kind}'; expected dashboard, trajectory or domains", field="kind")

    def to_html(self, path: Union[str, os.PathLike[str]], lang: Lang = "vi", area: Optional[str] = None,
                year: Optional[int] = None) -> None:
        """Write a self-contained HTML review to ``path``: ``area`` (default the plan's area) in ``year``
        (default its latest), by domain, with the dashboard of every area and the findings."""
        from chitieu.report import html

        summary = self.summary(area=area, year=year)
        html.write_html(os.fspath(path), self._rows(), self.plan, summary, self.findings, lang=lang,
                        area=summary.attrs["area"], year=summary.attrs["year"], area_names=self.area_names)

    def to_excel(self, path: Union[str, os.PathLike[str]], lang: Lang = "vi", area: Optional[str] = None,
                 year: Optional[int] = None) -> None:
        """Write an Excel workbook of the review to ``path``: the summary of ``area`` in ``year`` (defaults as
        :meth:`summary`), every row, findings."""
        from chitieu.report import excel

        excel.write_excel(os.fspath(path), self._rows(), self.plan, self.summary(area=area, year=year), self.findings,
                          lang=lang, area_names=self.area_names)

    def to_arrow(self) -> pyarrow.Table:
        """The evaluation columns as a pyarrow Table (numbers shared with the evaluation, ids as dictionaries)."""
        from chitieu.arrow_bridge import arrow_from_frame

        return arrow_from_frame(self._rows())

    def to_polars(self) -> polars.DataFrame:
        """The evaluation columns as a polars DataFrame (through :meth:`to_arrow`; needs polars installed)."""
        try:
            import polars
        except ImportError:
            raise ChitieuError("to_polars() needs polars: pip install polars", field="polars") from None
        frame = polars.from_arrow(self.to_arrow())
        assert isinstance(frame, polars.DataFrame)  # a Table gives a DataFrame
        return frame

    def to_docx(
        self,
        path: Union[str, os.PathLike[str]],
        area: Optional[str] = None,
        year: Optional[int] = None,
        lang: Lang = "vi",
        kind: ReviewKind = "so-ket",
    ) -> None:
        """Write the Word review of one area and year to ``path``: an editable draft of the
        periodic review report (``kind="so-ket"`` mid-term, ``"tong-ket"`` final) in the layout
        of a Vietnamese administrative document (docs/reports.md).

        ``area=None`` takes the only area evaluated, else the plan's area when it has rows,
        else raises naming the areas to choose from; ``year=None`` takes the latest year with
        data in that area, and the document says so.
        """
        from chitieu.report import docx

        where = self._report_area(area)
        if year is not None:
            frame = self._rows()
            years = frame.loc[frame["area"] == where, "year"]
            if not (years == year).any():
                raise ChitieuError(f"area '{where}' has no rows in {year}: years with rows there: "
                                   f"{years_note(years)}", field="year")
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

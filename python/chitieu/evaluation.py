"""The result of :func:`chitieu.evaluate`: columns, summaries, plots and reports."""
from __future__ import annotations

import gc

import os
from typing import Any, Dict, List, Mapping, Optional, Union

import pandas as pd

from chitieu import _core
from chitieu.errors import ChitieuError, translate
from chitieu.frames import evaluation_frame

__all__ = ["Evaluation", "summary_frame"]

_STATUS_COUNTS = ("exceeded", "met", "not_met", "no_data", "not_assessed")


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
    on (``None`` for historical geography).
    """

    plan: _core.Plan
    findings: pd.DataFrame
    method: str
    geography: Optional[str]
    year: Optional[int]

    def __init__(
        self,
        plan: _core.Plan,
        core: _core.Evaluation,
        findings: pd.DataFrame,
        *,
        method: str = "chitieu",
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
        self._frame: Optional[pd.DataFrame] = None

    def to_frame(self) -> pd.DataFrame:
        """The evaluation columns (DESIGN.md §3) as a new DataFrame, one row per indicator × area × year.

        ``indicator`` and ``area`` are Categoricals of the ids, ``status`` and
        ``pace`` Categoricals in enum order; NaN where undefined. The frame
        shares its memory with the evaluation until either is written to
        (pandas copy-on-write): no copy is made for reading.
        """
        return self._rows().copy(deep=False)

    def _give_away(self) -> _core.Evaluation:
        """The core evaluation, for a new one to reuse its memory (this one is left empty).

        Drops the cached frame; raises :class:`ChitieuError` while frames or
        arrays taken from this evaluation still view its memory.
        """
        self._frame = None
        if self.core.viewed:
            gc.collect()  # a dropped frame may sit in a reference cycle
        if self.core.viewed:
            raise ChitieuError("the evaluation to recycle is still in use: frames or arrays taken from it "
                               "(to_frame(), columns()) view its memory; delete them or pass copies",
                               field="recycle")
        return self.core

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
        domain scores. ``enough_data`` is the 80 % rule (DESIGN.md §2).
        """
        where = self._default_area(area)
        try:
            raw = _core.summarize(self.plan, self.core, where, year, geometric)
        except (ValueError, RuntimeError) as exc:
            raise translate(exc, ChitieuError) from None
        frame = summary_frame(self.plan, raw)
        frame.attrs.update(area=raw["area"], year=int(raw["year"]), geometric=bool(raw["geometric"]))
        return frame

    def plot(
        self,
        kind: str = "dashboard",
        *,
        indicator: Optional[str] = None,
        area: Optional[str] = None,
        year: Optional[int] = None,
        lang: str = "vi",
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
            return plots.trajectory(self._rows(), self.plan, indicator, self._default_area(area), lang=lang, ax=ax)
        if kind == "domains":
            return plots.domain_bars(self.summary(area=area, year=year), lang=lang, ax=ax)
        raise ChitieuError(f"unknown plot kind '{kind}'; expected dashboard, trajectory or domains", field="kind")

    def to_html(self, path: Union[str, "os.PathLike[str]"], lang: str = "vi") -> None:
        """Write a self-contained HTML review to ``path``: the plan's area (the town) in the
        latest year, by domain, with the dashboard of every area and the findings."""
        from chitieu.report import html

        summary = self.summary()
        html.write_html(os.fspath(path), self._rows(), self.plan, summary, self.findings, lang=lang,
                        area=summary.attrs["area"], year=summary.attrs["year"], area_names=self.area_names)

    def to_excel(self, path: Union[str, "os.PathLike[str]"], lang: str = "vi") -> None:
        """Write an Excel workbook of the review to ``path``: summary, every row, findings."""
        from chitieu.report import excel

        excel.write_excel(os.fspath(path), self._rows(), self.plan, self.summary(), self.findings, lang=lang,
                          area_names=self.area_names)

    def _repr_html_(self) -> str:
        from chitieu.report import html

        return str(html.notebook_table(self._rows(), self.plan, "vi"))

    def __repr__(self) -> str:
        frame = self._rows()
        counts = frame["status"].value_counts(sort=False)
        status = ", ".join(f"{int(n)} {s}" for s, n in counts.items() if n)
        years = f"{int(frame['year'].min())}-{int(frame['year'].max())}" if len(frame) else "none"
        geo = self.geography or "historical"
        return (f"<Evaluation plan={self.plan.id!r} method={self.method!r} geography={geo!r}: "
                f"{len(frame)} rows, {frame['indicator'].nunique()} indicators, "
                f"{frame['area'].nunique()} areas, years {years}; {status or 'no rows'}>")

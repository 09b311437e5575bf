"""``chitieu demo --national``: every commune of one province, before and after the 2025 reform."""
from __future__ import annotations

import os
from typing import Any, Dict, Optional, Tuple

import pandas as pd
from rich.console import Console
from rich.panel import Panel

__all__ = ["NATIONAL_PLAN", "national_review", "run_national_demo"]

#: The plan evaluated: the national resolution, on three of its indicators (the sample's).
NATIONAL_PLAN = "nq-42-2023"

_NOTE = {"vi": "Số liệu minh họa (không phải số liệu chính thức) — illustrative sample data, not official statistics.",
         "en": "Illustrative sample data — not official statistics."}


def national_review(province: str = "68") -> Tuple[Any, Any, pd.DataFrame, pd.DataFrame]:
    """The sample of one province evaluated twice: ``(historical, today, observations, areas)``.

    ``province`` is the GSO code of a province valid from 2025-07-01. The
    observations (:func:`chitieu.geography.sample.national_sample`, keyed by
    GSO code) are evaluated on each year's own units (historical) and on the
    units valid on 2025-07-01 through the national crosswalk; both use
    ``area_key="code"``.
    """
    import chitieu
    from chitieu.errors import AreaError
    from chitieu.geography.sample import national_sample
    from chitieu.geography.vietnam_reform import NEW_SUFFIX, REFORM_DATE, vietnam

    areas, crosswalk = vietnam()
    if province + NEW_SUFFIX not in set(areas["id"]):
        new_provinces = areas["id"].str.endswith(NEW_SUFFIX) & (areas["level"] == "cấp tỉnh")
        codes = ", ".join(sorted(areas.loc[new_provinces, "code"]))
        raise AreaError(f"'{province}' is not the code of a province valid from {REFORM_DATE}; use one of {codes}",
                        field="province")
    observations = national_sample(areas, crosswalk, province)
    plan = chitieu.load_plan(NATIONAL_PLAN)
    historical = chitieu.evaluate(plan, observations, areas=areas, area_key="code")
    today = chitieu.evaluate(plan, observations, areas=areas, crosswalk=crosswalk, geography=REFORM_DATE,
                             area_key="code")
    return historical, today, observations, areas


def _rows(frame: pd.DataFrame, names: Dict[str, str], **where: Any) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    for column, allowed in where.items():
        keep &= frame[column].astype(str).isin([str(a) for a in allowed])
    rows = frame.loc[keep, ["indicator", "area", "year", "value", "status", "coverage"]].copy()
    rows.insert(2, "name", rows["area"].astype(str).map(names))
    rows["value"] = rows["value"].round(3)
    rows["coverage"] = rows["coverage"].round(3)
    return rows.sort_values(["indicator", "year", "area"])


def run_national_demo(output: str = "out", lang: str = "vi", province: str = "68",
                      console: Optional[Console] = None) -> int:
    """Print the province on today's units (with coverage), its old provinces, and its communes' statuses.

    Writes the two evaluations as CSV to ``output`` (``national-<province>-historical.csv`` and
    ``-today.csv``); returns 0.
    """
    from chitieu import cli_render
    from chitieu.geography.vietnam_reform import NEW_SUFFIX, REFORM_DATE

    out = console or Console()
    historical, today, observations, areas = national_review(province)
    names = dict(zip(areas["id"], areas["name"]))
    new_id = province + NEW_SUFFIX
    old_provinces = sorted(areas.loc[(areas["parent"] == "VN") & ~areas["id"].str.endswith(NEW_SUFFIX), "id"])
    reporting = sorted({str(a) for a in historical.to_frame()["area"]} & set(old_provinces))
    out.print(Panel(_NOTE[lang], style="yellow"))
    hist, now = historical.to_frame(), today.to_frame()
    out.print(cli_render.frame_table(_rows(now, names, area=[new_id]),
                                     title=f"{names[new_id]} ({new_id}), units of {REFORM_DATE}, every year"))
    last_before = max(y for y in observations["year"] if y < int(REFORM_DATE[:4]))
    out.print(cli_render.frame_table(_rows(hist, names, area=reporting, year=[last_before]),
                                     title=f"{last_before}, historical units: the provinces it was formed from"))
    communes = set(areas.loc[areas["parent"] == new_id, "id"])
    latest = int(now["year"].max())
    counts = (now[now["area"].astype(str).isin(communes) & (now["year"] == latest)]
              .groupby(["indicator", "status"], observed=True).size().unstack(fill_value=0))
    out.print(cli_render.frame_table(counts.reset_index(),
                                     title=f"{len(communes)} communes of {names[new_id]}, {latest}: by status"))
    os.makedirs(output, exist_ok=True)
    for label, ev in (("historical", hist), ("today", now)):
        path = os.path.join(output, f"national-{province}-{label}.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(cli_render.evaluation_csv(ev))
        out.print(f"wrote {path}", markup=False, highlight=False)
    out.print(_NOTE[lang], markup=False, highlight=False)
    return 0

"""Illustrative observations for every commune of one province, before and after the 2025 reform.

ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS. Generated deterministically
(fixed seed) for ``chitieu demo --national`` and the tests: three ratio
indicators of the national plan ``nq-42-2023`` (unemployment, social insurance,
health insurance), numerator and denominator per commune, keyed by GSO code
(evaluate with ``area_key="code"``). 2020–2024 are reported by the old
communes, 2025–2026 by the new ones; a new commune continues its predecessors
(their counts carried over by the crosswalk's shares). docs/geography.md
describes the scales and the deliberate gap.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

import numpy as np
import pandas as pd

from chitieu.geography.vietnam_reform import NEW_SUFFIX

__all__ = ["SAMPLE_GAP", "SAMPLE_INDICATORS", "SAMPLE_YEARS", "SEED", "national_sample"]

#: The indicators of ``nq-42-2023`` in the sample: (id, rate in 2020 as [low, high] %, change a year in points).
SAMPLE_INDICATORS: Tuple[Tuple[str, Tuple[float, float], float], ...] = (
    ("unemployment_rate", (1.5, 3.5), -0.15),
    ("social_insurance", (25.0, 45.0), 2.5),
    ("health_insurance", (85.0, 94.0), 1.0),
)
#: The years of the sample: 2020–2024 on the old units, 2025–2026 on the new ones.
SAMPLE_YEARS = tuple(range(2020, 2027))
_FIRST_NEW_YEAR = 2025
#: The deliberate gap: health insurance of the first old commune (by code) is missing in 2022.
SAMPLE_GAP = ("health_insurance", 2022)
#: The generator's seed.
SEED = 20250701
_LABOUR_GROWTH = 0.01  # labour force grows 1 % a year
_PEOPLE_PER_WORKER = 1.7  # the denominator of health insurance: people, from the labour force


def _old_units(areas: pd.DataFrame, crosswalk: pd.DataFrame, province: str) -> List[str]:
    """Ids (= codes) of the reporting units valid until the reform whose territory went into new province
    ``province``: its communes, and any district of it that had no communes (an island district)."""
    old_provinces = set(crosswalk.loc[crosswalk["to"] == province + NEW_SUFFIX, "from"])
    districts = set(areas.loc[areas["parent"].isin(old_provinces) & (areas["level"] == "cấp huyện"), "id"])
    communes = set(areas.loc[areas["parent"].isin(districts), "id"])
    return sorted((communes | districts) & set(crosswalk["from"]))


def national_sample(areas: pd.DataFrame, crosswalk: pd.DataFrame, province: str = "68") -> pd.DataFrame:
    """Illustrative observations ``indicator, area, year, numerator, denominator`` for one province.

    ``areas`` and ``crosswalk`` are those of :func:`chitieu.geography.vietnam`;
    ``province`` is the GSO code of a province valid from 2025-07-01 (default
    68, Lâm Đồng, which took in Bình Thuận, Đắk Nông and the old Lâm Đồng).
    Each old commune of its territory (and island district without communes)
    reports 2020–2024; each new commune 2025–2026. ``area`` holds GSO codes. Labelled illustrative in ``attrs``.
    """
    rng = np.random.default_rng(SEED)
    old = _old_units(areas, crosswalk, province)
    labour = rng.uniform(2_000, 9_000, len(old))
    rates = {ind: (rng.uniform(lo, hi, len(old)), step) for ind, (lo, hi), step in SAMPLE_INDICATORS}
    links = crosswalk[crosswalk["from"].isin(old)]
    rows: List[Tuple[str, str, int, float, float]] = []
    for year in SAMPLE_YEARS:
        grown = labour * (1 + _LABOUR_GROWTH) ** (year - SAMPLE_YEARS[0])
        for ind, (start, step) in rates.items():
            rate = np.clip(start + step * (year - SAMPLE_YEARS[0]) + rng.normal(0, 0.2, len(old)), 0.1, 99.5)
            den = np.round(grown * (_PEOPLE_PER_WORKER if ind == "health_insurance" else 1.0))
            num = np.round(rate / 100 * den)
            if year < _FIRST_NEW_YEAR:
                gap = old[0] if (ind, year) == SAMPLE_GAP else None
                rows += [(ind, c, year, n, d) for c, n, d in zip(old, num, den) if c != gap]
            else:
                rows += _carried(ind, year, dict(zip(old, num)), dict(zip(old, den)), links)
    frame = pd.DataFrame(rows, columns=["indicator", "area", "year", "numerator", "denominator"])
    frame.attrs["note"] = "ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS"
    return frame


def _carried(ind: str, year: int, num: Dict[str, float], den: Dict[str, float],
             links: pd.DataFrame) -> List[Tuple[str, str, int, float, float]]:
    """The new communes' counts: their predecessors' counts times the crosswalk's shares, rounded."""
    sums: Dict[str, List[float]] = {}
    for old, new, share in zip(links["from"], links["to"], links["share"]):
        acc = sums.setdefault(new[: -len(NEW_SUFFIX)], [0.0, 0.0])
        acc[0] += share * num[old]
        acc[1] += share * den[old]
    return [(ind, code, year, float(round(n)), float(round(d))) for code, (n, d) in sorted(sums.items())]

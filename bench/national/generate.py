"""Synthetic national dataset for the benchmark: every commune of the country, ~40 indicators, 2020–2030.

The area hierarchy is the country (``vn``) → 34 provinces (``p01`` … ``p34``) → communes
(``p01-x0001`` …): 3 321 communes at scale 1, ``round(3321 × scale)`` otherwise, spread over the
provinces unevenly. Observations are one row per indicator × commune × year, in the order a yearly
collection arrives (year, then commune, then indicator), with gaps:

* about 1 % of the rows are missing at random;
* three indicators (``internet_households``, ``crimes_per_10k``, ``sport_regular``) start in 2022;
* about 0.5 % of the communes lack the 2020 base year of each relative indicator.

Ratio indicators (percent, per 10 000) are reported as integer ``numerator`` and ``denominator``
without a value; weighted means give ``value`` and a population ``weight``; sums give ``value``.
Everything is drawn from ``numpy.random.default_rng(seed)``: the same seed and scale give the same
files, byte for byte. The data are synthetic, not statistics of Vietnam.

Usage: ``python bench/national/generate.py --scale 1 --out bench/national/data/x1``
(writes ``observations.csv`` and ``areas.csv``).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Dict, List, Tuple

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN_FILE = os.path.join(HERE, "national-plan.toml")
PROVINCES = 34
COMMUNES = 3321
YEARS = np.arange(2020, 2031, dtype=np.int32)
LATE_START = {"internet_households": 2022, "crimes_per_10k": 2022, "sport_regular": 2022}

# Per indicator: (kind of data, level in 2020, spread between communes, yearly change, noise).
# Kinds: "pct" percent from numerator/denominator (denominator share of population in `extra`),
# "p10k" per 10 000 people, "wmean" weighted mean, "grow" compound growth (weighted mean),
# "count" integer sum, "ha" hectares sum.
SPECS: Dict[str, Tuple[str, float, float, float, float, float]] = {
    "trained_labour": ("pct", 68, 8, 1.4, 1.5, 0.55),
    "trained_certified": ("pct", 28, 6, 1.2, 1.2, 0.55),
    "unemployment_rate": ("pct", 2.6, 0.8, -0.06, 0.3, 0.55),
    "labour_participation": ("pct", 70, 5, 0.1, 1.0, 0.75),
    "poverty_rate": ("pct", 3.5, 2.0, -0.3, 0.3, 0.25),
    "social_insurance": ("pct", 42, 10, 1.8, 1.5, 0.55),
    "unemployment_insurance": ("pct", 33, 8, 1.2, 1.5, 0.55),
    "health_insurance": ("pct", 90, 4, 0.5, 0.8, 1.0),
    "internet_households": ("pct", 70, 10, 1.5, 2.0, 0.25),
    "primary_enrolment": ("pct", 98.2, 0.8, 0.08, 0.3, 0.08),
    "secondary_graduation": ("pct", 86, 4, 0.5, 1.0, 0.05),
    "schools_standard": ("pct", 55, 12, 2.0, 2.0, 0.002),
    "schooling_years": ("wmean", 9.5, 1.2, 0.2, 0.15, 0.0),
    "stunting": ("pct", 19, 5, -0.5, 0.8, 0.08),
    "underweight": ("pct", 11, 3, -0.35, 0.6, 0.08),
    "vaccination": ("pct", 96, 2, 0.15, 0.5, 0.015),
    "doctors_per_10k": ("p10k", 9, 3, 0.45, 0.4, 1.0),
    "hospital_beds_per_10k": ("p10k", 28, 6, 0.5, 1.0, 1.0),
    "crimes_per_10k": ("p10k", 6, 2, -0.15, 0.5, 1.0),
    "life_expectancy": ("wmean", 73.6, 1.5, 0.25, 0.2, 0.0),
    "healthy_life_expectancy": ("wmean", 64, 2, 0.3, 0.3, 0.0),
    "sex_ratio_birth": ("wmean", 111.5, 2.0, -0.2, 0.8, 0.0),
    "solid_housing": ("pct", 75, 10, 1.2, 1.0, 0.28),
    "temporary_housing": ("pct", 2.5, 1.5, -0.2, 0.3, 0.28),
    "housing_area": ("wmean", 23, 4, 0.7, 0.5, 0.0),
    "houses_supported": ("count", 90, 40, 3, 15, 0.0),
    "social_housing_units": ("count", 150, 80, 8, 30, 0.0),
    "clean_water_urban": ("pct", 95, 3, 0.4, 0.6, 0.35),
    "clean_water_rural": ("pct", 88, 6, 0.6, 1.0, 0.65),
    "waste_collected": ("pct", 82, 7, 1.0, 1.5, 0.28),
    "forest_area": ("ha", 280, 150, 1.5, 6, 0.0),
    "green_area": ("ha", 16, 6, 0.5, 1.0, 0.0),
    "cultural_families": ("pct", 86, 4, 0.5, 1.0, 0.28),
    "sport_regular": ("pct", 30, 6, 0.6, 1.5, 1.0),
    "cultural_houses": ("count", 5, 3, 0.1, 0.8, 0.0),
    "income_per_capita": ("grow", 55, 12, 0.085, 0.03, 0.0),
    "wage_per_worker": ("grow", 7.5, 1.5, 0.05, 0.02, 0.0),
    "household_spending": ("grow", 70, 12, 0.055, 0.025, 0.0),
    "new_jobs": ("count", 420, 150, 12, 40, 0.0),
    "poor_households": ("count", 90, 50, -5, 8, 0.0),
}


def areas_frame(scale: float, rng: np.random.Generator) -> Tuple[pd.DataFrame, List[str], np.ndarray]:
    """The area table (country, provinces, communes) and, per commune, its id and province index."""
    n = max(PROVINCES, round(COMMUNES * scale))
    weights = rng.gamma(2.0, 1.0, PROVINCES)
    per = np.floor(weights / weights.sum() * (n - PROVINCES)).astype(int) + 1
    per[: n - per.sum()] += 1  # hand out the remainder, so that the counts add up to n
    provinces = [f"p{k + 1:02d}" for k in range(PROVINCES)]
    province_of = np.repeat(np.arange(PROVINCES), per)
    communes = [f"{provinces[p]}-x{j + 1:04d}" for p in range(PROVINCES) for j in range(per[p])]
    ids = ["vn", *provinces, *communes]
    parents = ["", *(["vn"] * PROVINCES), *(provinces[p] for p in province_of)]
    levels = ["quốc gia", *(["tỉnh"] * PROVINCES), *(["xã"] * len(communes))]
    frame = pd.DataFrame({"id": ids, "code": ids, "name": ids, "level": levels, "parent": parents,
                          "valid_from": "", "valid_to": ""})
    return frame, communes, province_of


def observations_frame(plan_ids: List[str], communes: List[str], province_of: np.ndarray,
                       rng: np.random.Generator) -> pd.DataFrame:
    """One row per indicator × commune × year with the gaps described in the module docstring."""
    nc, ny = len(communes), len(YEARS)
    t = (YEARS - 2020).astype(np.float64)[None, :]
    province_effect = rng.normal(0.0, 1.0, PROVINCES)
    population = np.exp(rng.normal(np.log(8000), 0.55, nc))[:, None] * (1.01 ** t)
    parts = []
    for k, ind in enumerate(plan_ids):
        kind, level, spread, slope, noise, share = SPECS[ind]
        effect = (0.6 * province_effect[province_of] + 0.8 * rng.normal(0, 1, nc))[:, None]
        speed = (1.0 + 0.5 * rng.normal(0, 1, nc))[:, None]
        e = rng.normal(0.0, 1.0, (nc, ny))
        value = np.full((nc, ny), np.nan)
        num = np.full((nc, ny), np.nan)
        den = np.full((nc, ny), np.nan)
        weight = np.full((nc, ny), np.nan)
        if kind in ("pct", "p10k"):
            factor = 100.0 if kind == "pct" else 10000.0
            rate = level + spread * effect + slope * speed * t + noise * e
            top = 99.9 if kind == "pct" else np.inf
            rate = np.clip(rate, 0.05, top)
            den = np.maximum(np.round(population * share * np.exp(rng.normal(0, 0.1, (nc, ny)))), 20.0)
            num = np.minimum(np.round(rate / factor * den), den)
        elif kind == "wmean":
            value = np.round(level + spread * effect + slope * speed * t + noise * e, 3)
            weight = np.round(population)
        elif kind == "grow":
            base = level * np.exp(spread / level * effect)
            growth = slope * np.clip(speed, 0.2, 2.0)
            value = np.round(base * (1.0 + growth) ** t * np.exp(noise * e), 4)
            weight = np.round(population)
        else:  # count, ha
            raw = np.maximum(level + spread * effect + slope * speed * t + noise * e, 0.0)
            value = np.round(raw) if kind == "count" else np.round(raw, 2)
        keep = rng.random((nc, ny)) >= 0.01
        if ind in LATE_START:
            keep &= (LATE_START[ind] <= YEARS)[None, :]
        if kind == "grow":
            keep[:, 0] &= rng.random(nc) >= 0.005
        c, y = np.nonzero(keep)
        parts.append(pd.DataFrame({
            "indicator": np.full(len(c), k, dtype=np.int16), "commune": c.astype(np.int32),
            "year": YEARS[y], "value": value[c, y], "numerator": num[c, y],
            "denominator": den[c, y], "weight": weight[c, y]}))
    obs = pd.concat(parts, ignore_index=True)
    obs = obs.sort_values(["year", "commune", "indicator"], kind="stable", ignore_index=True)
    ids = np.asarray(plan_ids, dtype=object)
    names = np.asarray(communes, dtype=object)
    return pd.DataFrame({
        "indicator": ids[obs["indicator"].to_numpy()], "area": names[obs["commune"].to_numpy()],
        "year": obs["year"].to_numpy(), "value": obs["value"].to_numpy(),
        "numerator": obs["numerator"].to_numpy(), "denominator": obs["denominator"].to_numpy(),
        "weight": obs["weight"].to_numpy()})


def plan_indicator_ids(plan_file: str = PLAN_FILE) -> List[str]:
    """Indicator ids of the national plan, in plan order (read with tomllib: no chitieu needed)."""
    import tomllib
    with open(plan_file, "rb") as f:
        return [i["id"] for i in tomllib.load(f)["indicators"]]


def generate(scale: float, seed: int = 20240) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """(observations, areas) for a scale (1 = 3 321 communes) and a seed."""
    rng = np.random.default_rng(seed)
    areas, communes, province_of = areas_frame(scale, rng)
    return observations_frame(plan_indicator_ids(), communes, province_of, rng), areas


def write(out_dir: str, scale: float, seed: int = 20240) -> Tuple[str, str]:
    """Generates and writes ``observations.csv`` and ``areas.csv`` into out_dir; returns their paths."""
    obs, areas = generate(scale, seed)
    os.makedirs(out_dir, exist_ok=True)
    obs_path = os.path.join(out_dir, "observations.csv")
    areas_path = os.path.join(out_dir, "areas.csv")
    obs.to_csv(obs_path, index=False, float_format="%.10g")
    areas.to_csv(areas_path, index=False)
    return obs_path, areas_path


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="1 = 3 321 communes (about 1.46 M rows)")
    ap.add_argument("--seed", type=int, default=20240)
    ap.add_argument("--out", required=True, help="output directory")
    a = ap.parse_args(argv)
    obs_path, areas_path = write(a.out, a.scale, a.seed)
    print(f"wrote {obs_path} and {areas_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

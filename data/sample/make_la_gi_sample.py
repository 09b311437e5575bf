#!/usr/bin/env python3
"""Writes data/sample/la-gi-observations.csv: ILLUSTRATIVE SAMPLE DATA for the La Gi plan.

NOT OFFICIAL STATISTICS. Deterministic (fixed seed, standard library only): running it again
gives the same file byte for byte. Magnitudes follow public scales (data/README.md): La Gi had
108 519 inhabitants at 31/12/2022; national unemployment ~2 %, health insurance ~93-95 %,
doctors 15 and beds 34.5 per 10 000, income 4.23 -> 5.4 million VND a month (2020 -> 2024).

Years 2020-2024 are reported by the nine wards and communes before the 1 July 2025 reform,
2025-2026 by the three units after it; some indicators only for the town (`la-gi`); a few gaps
are deliberate. Ratio rows give numerator and denominator and leave value empty (the value is
numerator x factor / denominator); weighted means carry the population as weight.

Usage: python3 data/sample/make_la_gi_sample.py [output.csv]
"""

import csv
import io
import random
import sys
from pathlib import Path

SEED = 20240720
YEARS_OLD = range(2020, 2025)
YEARS_NEW = range(2025, 2027)

# Old units (valid to 2025-06-30) with an illustrative split of the 2022 population (sums to
# 108 519) and the new unit each became part of (Resolution 1671/NQ-UBTVQH15).
OLD_UNITS = {
    "phuong-phuoc-hoi": (17000, "phuong-phuoc-hoi-2025"),
    "phuong-phuoc-loc": (15000, "phuong-phuoc-hoi-2025"),
    "phuong-tan-thien": (11000, "phuong-la-gi-2025"),
    "phuong-tan-an": (14000, "phuong-la-gi-2025"),
    "phuong-binh-tan": (13000, "phuong-la-gi-2025"),
    "xa-tan-hai": (11000, "xa-tan-hai-2025"),
    "xa-tan-tien": (9500, "xa-tan-hai-2025"),
    "xa-tan-binh": (10000, "phuong-la-gi-2025"),
    "xa-tan-phuoc": (8019, "phuong-phuoc-hoi-2025"),
}
NEW_UNITS = ["phuong-la-gi-2025", "phuong-phuoc-hoi-2025", "xa-tan-hai-2025"]
TOWN = "la-gi"

# Ward-level ratio indicators: (id, factor, denominator per inhabitant, town level 2020,
# change per year, spread between units, noise).
RATIOS = [
    ("unemployment_rate", 100, 0.58, 2.4, -0.08, 0.4, 0.08),
    ("trained_labour", 100, 0.58, 70.0, 1.4, 3.0, 0.4),
    ("trained_labour_certified", 100, 0.58, 28.0, 1.1, 2.5, 0.3),
    ("social_insurance", 100, 0.58, 31.0, 1.6, 4.0, 0.4),
    ("social_insurance_voluntary", 100, 0.58, 2.0, 0.3, 0.5, 0.1),
    ("unemployment_insurance", 100, 0.58, 25.0, 1.3, 3.0, 0.4),
    ("pension_coverage", 100, 0.085, 41.0, 1.5, 3.0, 0.6),
    ("social_assistance_households", 100, 0.0025, 90.0, 1.2, 3.0, 1.0),
    ("national_standard_schools", 100, 0.0006, 50.0, 2.2, 8.0, 0.0),
    ("enrolment_primary", 100, 0.075, 97.2, 0.2, 0.5, 0.15),
    ("enrolment_lower_secondary", 100, 0.06, 92.0, 0.5, 1.0, 0.3),
    ("enrolment_upper_secondary", 100, 0.05, 65.0, 1.1, 3.0, 0.6),
    ("doctors_per_10k", 10000, 1.0, 9.0, 0.5, 1.5, 0.3),
    ("hospital_beds_per_10k", 10000, 1.0, 27.5, 1.0, 3.0, 0.4),
    ("health_insurance", 100, 1.0, 88.5, 1.0, 2.0, 0.3),
    ("primary_care_insured", 100, 0.45, 90.0, 0.8, 1.5, 0.4),
    ("health_management", 100, 1.0, 85.0, 1.2, 2.5, 0.4),
    ("immunisation", 100, 0.018, 96.0, 0.3, 1.0, 0.4),
    ("child_stunting", 100, 0.075, 18.5, -0.5, 1.5, 0.3),
    ("housing_floor_area", 1, 1.0, 23.5, 0.55, 2.0, 0.2),
    ("hygienic_water", 100, 0.27, 97.0, 0.4, 1.0, 0.2),
    ("clean_water", 100, 0.27, 85.0, 1.3, 3.0, 0.4),
    ("hygienic_latrines", 100, 0.27, 92.0, 0.8, 2.0, 0.3),
    ("household_wastewater_treatment", 100, 0.27, 40.0, 2.0, 5.0, 0.6),
    ("regular_exercise", 100, 1.0, 35.0, 1.0, 3.0, 0.5),
]
# Reported for the town only (the settlements and collection services are counted town-wide).
TOWN_RATIOS = [
    ("rural_wastewater_collection", [(1, 12), (1, 12), (2, 12), (2, 12), (3, 12), (3, 12), (3, 12)]),
    ("urban_solid_waste", [(8800, 10000), (8950, 10000), (9120, 10000), (9260, 10000),
                           (9380, 10000), (9450, 10000), (9530, 10000)]),
]
# Deliberate gaps: (indicator, unit, year) not reported.
GAPS = {("pension_coverage", "xa-tan-phuoc", 2021),
        ("household_wastewater_treatment", "phuong-binh-tan", 2023)}
# Surveyed from 2021 only.
FIRST_YEAR = {"health_satisfaction": 2021}


def population(base_2022, year):
    """Population growing 0.8 % a year around the 2022 figure."""
    return round(base_2022 * 1.008 ** (year - 2022))


def fmt(x):
    """A number as the CSV writes it: integers without a decimal point."""
    if x is None:
        return ""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.4f}".rstrip("0").rstrip(".")


def generate():
    rng = random.Random(SEED)
    rows = []

    def add(ind, area, year, value=None, num=None, den=None, weight=None, se=None):
        if (ind, area, year) in GAPS or year < FIRST_YEAR.get(ind, 0):
            return
        rows.append([ind, area, str(year), fmt(value), fmt(num), fmt(den), fmt(weight), fmt(se)])

    # Unit-specific offsets: each old unit draws one per indicator; a new unit takes the
    # population-weighted mean of its predecessors' offsets, so 2025 continues 2024.
    offsets = {u: {} for u in OLD_UNITS}
    for u in OLD_UNITS:
        for ind, *_rest in RATIOS:
            spread = next(r[5] for r in RATIOS if r[0] == ind)
            offsets[u][ind] = rng.uniform(-spread, spread)
        offsets[u]["income_per_capita"] = rng.uniform(-0.35, 0.35)
        offsets[u]["health_satisfaction"] = rng.uniform(-2.0, 2.0)
        offsets[u]["new_jobs"] = rng.uniform(0.85, 1.15)
    base_pop = {u: p for u, (p, _) in OLD_UNITS.items()}
    for n in NEW_UNITS:
        members = [u for u, (_, to) in OLD_UNITS.items() if to == n]
        base_pop[n] = sum(base_pop[u] for u in members)
        offsets[n] = {k: sum(offsets[u][k] * base_pop[u] for u in members) / base_pop[n]
                      for k in offsets[members[0]]}

    units_of = [(y, u) for y in YEARS_OLD for u in OLD_UNITS] + \
               [(y, u) for y in YEARS_NEW for u in NEW_UNITS]

    for y, u in units_of:
        pop = population(base_pop[u], y)
        t = y - 2020
        # income per capita, million VND a month: 4.23 in 2020 growing ~6.3 % a year.
        income = (4.23 + offsets[u]["income_per_capita"]) * 1.063 ** t * (1 + rng.gauss(0, 0.01))
        add("income_per_capita", u, y, round(income, 2), weight=pop)
        for ind, factor, per_head, level, slope, _spread, noise in RATIOS:
            den = round(pop * per_head)
            if ind == "national_standard_schools":
                den = max(4, den)
            rate = level + slope * t + offsets[u][ind] + rng.gauss(0, noise)
            upper = 100.0 if factor == 100 else float("inf")
            rate = min(rate, upper - 0.05)
            num = round(rate * den / factor)
            add(ind, u, y, num=num, den=den)
        satisfaction = 88.0 + 0.9 * t + offsets[u]["health_satisfaction"] + rng.gauss(0, 0.5)
        add("health_satisfaction", u, y, round(min(satisfaction, 99.5), 1), weight=pop)
        jobs = 2350 * pop / 108519 * offsets[u]["new_jobs"] * 1.03 ** t
        add("new_jobs", u, y, round(jobs))
        preschool = 0 if (y == 2020 and u in ("xa-tan-tien", "xa-tan-phuoc")) or \
            (y == 2021 and u == "xa-tan-phuoc") else 1
        add("preschool_universal", u, y, preschool)

    town_pop = {y: sum(population(p, y) for p, _ in OLD_UNITS.values()) for y in range(2020, 2027)}
    for i, y in enumerate(range(2020, 2027)):
        add("life_expectancy", TOWN, y, round(75.1 + 0.1 * i + rng.gauss(0, 0.03), 2),
            weight=town_pop[y], se=0.3)
        add("healthy_life_years", TOWN, y, round(65.8 + 0.13 * i + rng.gauss(0, 0.03), 2),
            weight=town_pop[y], se=0.4)
        for ind, series in TOWN_RATIOS:
            add(ind, TOWN, y, num=series[i][0], den=series[i][1])
        add("social_housing_projects", TOWN, y, [0, 0, 1, 1, 2, 2, 3][i])
        add("social_housing_area", TOWN, y, [0, 0, 3.2, 3.2, 7.5, 7.5, 10.9][i])
        add("aids_ended", TOWN, y, 0)
        add("tb_ended", TOWN, y, 0)
        add("malaria_elimination", TOWN, y, 1)
    # Qualitative assessments, in some years only.
    for y, v in [(2022, 1), (2024, 1), (2026, 1)]:
        add("minimum_living_standard", TOWN, y, v)
    for y, v in [(2023, 0), (2025, 1)]:
        add("assistance_poor_households", TOWN, y, v)
    return rows


HEADER_COMMENT = """\
# ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS.
# Made by data/sample/make_la_gi_sample.py (seed 20240720, Python standard library only) for the
# La Gi plan (plans/la-gi-2024.toml): plausible magnitudes and trends, not measurements.
# 2020-2024 on the nine units before the 1 July 2025 reform, 2025-2026 on the three after it;
# some indicators for the town `la-gi` only; a few gaps are deliberate. See data/README.md.
"""


def render(rows):
    out = io.StringIO()
    out.write(HEADER_COMMENT)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["indicator", "area", "year", "value", "numerator", "denominator", "weight", "se"])
    w.writerows(rows)
    return out.getvalue()


def main(argv):
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("la-gi-observations.csv")
    target.write_text(render(generate()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)

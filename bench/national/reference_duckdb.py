"""The DuckDB reference for the roll-up stage: parent rows by each indicator's rule, in SQL.

One aggregate query per level of the hierarchy (deepest parents first; the deepest level reads the
observations, each level above reads the rows the level below produced — the generated
observations are all communes, the deepest level): ``ratio`` = Σ numerator × factor /
Σ denominator (a row without numerator brings value × denominator / factor), ``weighted_mean`` =
Σ w·v / Σ w, ``sum`` = Σ v; coverage = reporting children / children; below ``min_coverage`` the
parent's numbers are NULL. The observations are loaded into a native DuckDB table first (not
timed, as chitieu's panel is built before its roll-up is timed); the timed part is the SQL that
materialises the parent rows as a table.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

PARENT_COLUMNS = ["indicator", "area", "year", "value", "numerator", "denominator", "weight", "coverage"]


def load(con: Any, obs: pd.DataFrame, areas: pd.DataFrame, rules: pd.DataFrame) -> None:
    """Creates the native tables obs (values completed, NaN as NULL), areas (with depth), rules."""
    o = obs[["indicator", "area", "year", "value", "numerator", "denominator", "weight"]].astype(
        {"indicator": str, "area": str})
    a = areas[["id", "parent"]]
    u = rules[["indicator", "rule", "factor", "min_coverage"]]
    con.register("o_df", o)
    con.register("a_df", a)
    con.register("u_df", u)
    con.execute("CREATE OR REPLACE TABLE rules AS SELECT * FROM u_df")
    con.execute("""
        CREATE OR REPLACE TABLE areas AS
        WITH RECURSIVE d(id, depth) AS (
            SELECT id, 0 FROM a_df WHERE parent IS NULL OR parent = ''
            UNION ALL SELECT a_df.id, d.depth + 1 FROM a_df JOIN d ON a_df.parent = d.id)
        SELECT a_df.id, nullif(a_df.parent, '') AS parent, d.depth,
               (SELECT count(*) FROM a_df k WHERE k.parent = a_df.id) AS children
        FROM a_df JOIN d USING (id)""")
    con.execute("""
        CREATE OR REPLACE TABLE obs AS
        SELECT o.indicator, o.area, o.year::INTEGER AS year,
               coalesce(CASE WHEN isnan(o.value) THEN NULL ELSE o.value END,
                        CASE WHEN o.denominator > 0 THEN o.numerator * u.factor / o.denominator END) AS value,
               CASE WHEN isnan(o.numerator) THEN NULL ELSE o.numerator END AS numerator,
               CASE WHEN isnan(o.denominator) THEN NULL ELSE o.denominator END AS denominator,
               CASE WHEN isnan(o.weight) THEN NULL ELSE o.weight END AS weight
        FROM o_df o JOIN rules u USING (indicator)""")
    for name in ("o_df", "a_df", "u_df"):
        con.unregister(name)


def roll_up(con: Any) -> None:
    """Materialises table ``parents`` (PARENT_COLUMNS) from the native tables."""
    levels = con.execute("SELECT max(depth) FROM areas").fetchone()[0]
    con.execute("CREATE OR REPLACE TEMP TABLE level_rows AS SELECT * FROM obs")
    con.execute("CREATE OR REPLACE TEMP TABLE parents (indicator VARCHAR, area VARCHAR, year INTEGER, "
                "value DOUBLE, numerator DOUBLE, denominator DOUBLE, weight DOUBLE, coverage DOUBLE)")
    for depth in range(levels - 1, -1, -1):
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE level_rows AS
            WITH reporting AS (
                SELECT r.indicator, a.parent AS area, r.year, u.rule, u.factor, u.min_coverage,
                       coalesce(r.numerator, r.value * r.denominator / u.factor) AS num,
                       r.denominator AS den, r.weight AS w, r.value AS v
                FROM level_rows r JOIN areas a ON r.area = a.id JOIN rules u USING (indicator)
                WHERE a.depth = {depth + 1} AND u.rule <> 'none'
                  AND CASE WHEN u.rule = 'ratio'
                           THEN r.denominator IS NOT NULL AND (r.numerator IS NOT NULL OR r.value IS NOT NULL)
                           ELSE r.value IS NOT NULL END),
            grouped AS (
                SELECT indicator, area, year, any_value(rule) AS rule, any_value(factor) AS factor,
                       any_value(min_coverage) AS min_coverage, count(*) AS n,
                       sum(num) AS snum, sum(den) AS sden, sum(w) AS sw, sum(w * v) AS swv, sum(v) AS sv
                FROM reporting GROUP BY indicator, area, year)
            SELECT g.indicator, g.area, g.year,
                   CASE WHEN g.n / p.children < g.min_coverage THEN NULL
                        WHEN g.rule = 'ratio' THEN g.snum * g.factor / g.sden
                        WHEN g.rule = 'weighted_mean' THEN g.swv / g.sw
                        ELSE g.sv END AS value,
                   CASE WHEN g.rule = 'ratio' AND g.n / p.children >= g.min_coverage THEN g.snum END AS numerator,
                   CASE WHEN g.rule = 'ratio' AND g.n / p.children >= g.min_coverage THEN g.sden END AS denominator,
                   CASE WHEN g.rule = 'weighted_mean' AND g.n / p.children >= g.min_coverage THEN g.sw END AS weight,
                   g.n / p.children AS coverage
            FROM grouped g JOIN areas p ON g.area = p.id""")
        con.execute("INSERT INTO parents SELECT * FROM level_rows")


def parents_frame(con: Any) -> pd.DataFrame:
    """Table ``parents`` as a DataFrame (NULL as NaN)."""
    df = con.execute("SELECT * FROM parents").df()
    for c in PARENT_COLUMNS[3:]:
        df[c] = df[c].astype(np.float64)
    return df

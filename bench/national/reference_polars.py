"""The national review written in polars, as a competent polars user would: lazy frames, window
expressions (``over``) for the per-series quantities, cumulative sums for the running least
squares, one ``collect`` for the roll-up and one for the evaluation (polars runs them on every
core).

The same job and the same formulas as :mod:`reference_pandas` (which documents them): complete
ratio values, roll every indicator up level by level by its rule with coverage and
``min_coverage``, then evaluate every indicator × area × year. The Student t probability is the
same closed form (:func:`reference_pandas.t_cdf`, NumPy on the whole column). Checked equal to
chitieu to 1e-9 by ``run.py``.
"""
from __future__ import annotations

from typing import Any, List

import numpy as np
import polars as pl
import reference_pandas as rp

KEYS = ["indicator", "area", "year"]
SERIES = ["indicator", "area"]


def rules_frame(rules: Any) -> pl.DataFrame:
    """The pandas rules table (:func:`reference_pandas.rules_table`) as polars (NaN kept as NaN)."""
    return pl.from_pandas(rules, nan_to_null=False)


def _depths(areas: pl.DataFrame) -> pl.DataFrame:
    """(area, parent, depth): the number of ancestors of every area."""
    links = areas.select(pl.col("id").alias("area"), pl.col("parent").replace("", None))
    up = links.rename({"parent": "up"}).with_columns(depth=pl.lit(0))
    while up["up"].null_count() < up.height:
        up = (up.with_columns(depth=pl.col("depth") + pl.col("up").is_not_null().cast(pl.Int32))
              .join(links.rename({"area": "up", "parent": "next"}), on="up", how="left")
              .drop("up").rename({"next": "up"}))
    return links.join(up.select("area", "depth"), on="area")


def roll_up(obs: pl.LazyFrame, areas: pl.DataFrame, rules: pl.LazyFrame) -> pl.DataFrame:
    """The parent rows (indicator, area, year, value, numerator, denominator, weight, coverage)."""
    depth = _depths(areas).with_columns(pl.col("area", "parent").cast(obs.collect_schema()["area"]))
    children = depth.group_by("parent").agg(children=pl.len()).rename({"parent": "area"})
    rows = obs.select("indicator", "area", "year", "value", "numerator", "denominator", "weight")
    rule, value, num, den, w = (pl.col(c) for c in ("rule", "value", "numerator", "denominator", "weight"))
    ratio, wmean = rule == "ratio", rule == "weighted_mean"
    reports = (pl.when(ratio).then(den.is_not_nan() & (num.is_not_nan() | value.is_not_nan()))
               .otherwise(value.is_not_nan()) & (rule != "none"))
    num_in = pl.when(num.is_nan()).then(value * den / pl.col("factor")).otherwise(num)
    levels: List[pl.LazyFrame] = []
    for level in range(int(depth["depth"].max()) - 1, -1, -1):
        kids = (rows.join(depth.lazy().filter(pl.col("depth") == level + 1).select("area", "parent"), on="area")
                .join(rules.select("indicator", "rule", "factor"), on="indicator")
                .filter(reports))
        sums = (kids.group_by("indicator", "parent", "year")
                .agg(n=pl.len(),
                     sv=pl.when(~ratio & ~wmean).then(value).otherwise(0.0).sum(),
                     snum=pl.when(ratio).then(num_in).otherwise(0.0).sum(),
                     sden=pl.when(ratio).then(den).otherwise(0.0).sum(),
                     sw=pl.when(wmean).then(w).otherwise(0.0).sum(),
                     swv=pl.when(wmean).then(w * value).otherwise(0.0).sum())
                .rename({"parent": "area"})
                .join(children.lazy(), on="area")
                .join(rules.select("indicator", "rule", "factor", "min_coverage"), on="indicator"))
        coverage = pl.col("n") / pl.col("children")
        ok = coverage >= pl.col("min_coverage")
        nan = pl.lit(float("nan"))
        parents = sums.select(
            "indicator", "area", "year",
            value=pl.when(~ok).then(nan).when(ratio).then(pl.col("snum") * pl.col("factor") / pl.col("sden"))
            .when(wmean).then(pl.col("swv") / pl.col("sw")).otherwise(pl.col("sv")),
            numerator=pl.when(ok & ratio).then(pl.col("snum")).otherwise(nan),
            denominator=pl.when(ok & ratio).then(pl.col("sden")).otherwise(nan),
            weight=pl.when(ok & wmean).then(pl.col("sw")).otherwise(nan),
            coverage=coverage)
        levels.append(parents)
        rows = pl.concat([rows, parents.drop("coverage")])
    return pl.concat(levels).collect()


def complete_values(obs: pl.LazyFrame, rules: pl.LazyFrame) -> pl.LazyFrame:
    """value = numerator × factor / denominator where the value is missing."""
    v, num, den = pl.col("value"), pl.col("numerator"), pl.col("denominator")
    fill = v.is_nan() & num.is_finite() & den.is_finite() & (den > 0)
    return (obs.join(rules.select("indicator", "factor"), on="indicator", how="left", maintain_order="left")
            .with_columns(value=pl.when(fill).then(num * pl.col("factor") / den).otherwise(v)).drop("factor"))


def _judge(a: pl.Expr) -> pl.Expr:
    """Status codes (index into reference_pandas.STATUS) of assessed values a."""
    lower, upper, direction = pl.col("lower"), pl.col("upper"), pl.col("direction")
    lo_ok = lower.is_nan() | pl.when(pl.col("lower_inclusive")).then(a >= lower).otherwise(a > lower)
    hi_ok = upper.is_nan() | pl.when(pl.col("upper_inclusive")).then(a <= upper).otherwise(a < upper)
    higher = (direction == "higher") & lower.is_not_nan()
    lower_dir = (direction == "lower") & upper.is_not_nan()
    return (pl.when(a.is_nan()).then(3)
            .when(higher).then(pl.when(~lo_ok).then(2).when(hi_ok).then(1).otherwise(0))
            .when(lower_dir).then(pl.when(~hi_ok).then(2).when(lo_ok).then(1).otherwise(0))
            .when(lo_ok & hi_ok).then(1).otherwise(2))


def _t_cdf(s: pl.Series) -> pl.Series:
    """The closed-form Student t of reference_pandas on a struct column (q, df); NaN where df < 1."""
    q = s.struct.field("q").to_numpy()
    df = s.struct.field("df").to_numpy()
    out = np.full(len(q), np.nan)
    sel = df >= 1
    out[sel] = rp.t_cdf(q[sel], df[sel].astype(np.int64))
    return pl.Series(out)


def evaluate(rows: pl.LazyFrame, rules: pl.LazyFrame) -> pl.LazyFrame:
    """Status, margin, progress, projection, p_meet and pace of every row (docs/evaluation.md)."""
    c = pl.col
    nan = pl.lit(float("nan"))
    rows = rows.sort(KEYS).join(rules, on="indicator", how="left", maintain_order="left")
    relative = c("kind") == "relative"
    is_base = relative & (c("year") == c("base_year"))
    base = pl.when(is_base).then(c("value")).otherwise(None).max().over(SERIES)
    base_ok = base.is_not_null() & base.is_finite() & (base != 0)
    available = ~relative | (c("year") >= c("base_year"))
    assessed = (pl.when(~available).then(nan).when(~relative).then(c("value"))
                .when(base_ok).then(c("value") / base).otherwise(nan))
    rows = rows.with_columns(assessed=assessed, available=available)
    a = c("assessed")
    point = (c("year") >= c("baseline_year")) & a.is_not_nan()
    bad = point & c("log_fit") & ~(a > 0)
    y = pl.when(c("log_fit")).then(pl.when(bad | ~point).then(1.0).otherwise(a).log()).otherwise(a)
    rows = rows.with_columns(point=point, bad=bad, y=y)
    first = {k: pl.when(c("point")).then(e).otherwise(None).drop_nulls().first().over(SERIES)
             for k, e in (("t0", c("year").cast(pl.Float64)), ("v0", a), ("y0", c("y")))}
    rows = rows.with_columns(**first)
    x = pl.when(c("point")).then(c("year") - c("t0")).otherwise(0.0)
    yc = pl.when(c("point")).then(c("y") - c("y0")).otherwise(0.0)
    rows = rows.with_columns(x=x, yc=yc).with_columns(
        k=pl.when(c("available")).then(c("point").cast(pl.Int64).cum_sum().over(SERIES)).otherwise(0),
        sx=c("x").cum_sum().over(SERIES), sy=c("yc").cum_sum().over(SERIES),
        sxx=(c("x") * c("x")).cum_sum().over(SERIES), sxy=(c("x") * c("yc")).cum_sum().over(SERIES),
        syy=(c("yc") * c("yc")).cum_sum().over(SERIES), nbad=c("bad").cast(pl.Int64).cum_sum().over(SERIES))
    has_t0 = c("k") > 0
    v0 = pl.when(has_t0).then(c("v0")).otherwise(nan).fill_null(nan)
    t0 = c("t0").fill_null(nan)
    T, t1 = c("boundary"), c("target_year").cast(pl.Float64)
    n = c("k").cast(pl.Float64)
    rows = rows.with_columns(
        v0=v0,
        progress=pl.when(T.is_nan() | (T == v0)).then(nan).otherwise((a - v0) / (T - v0)),
        elapsed=pl.when(has_t0 & (t1 != t0)).then((c("year") - t0) / (t1 - t0)).otherwise(nan),
        xbar=c("sx") / n, ybar=c("sy") / n, x1=t1 - t0)
    rows = rows.with_columns(
        sxxc=c("sxx") - n * c("xbar") * c("xbar"), sxyc=c("sxy") - n * c("xbar") * c("ybar"),
        syyc=c("syy") - n * c("ybar") * c("ybar"))
    rows = rows.with_columns(slope=c("sxyc") / c("sxxc"))
    fit = (c("k") >= 2) & (c("nbad") == 0) & (c("sxxc") > 0)
    yhat = c("y0").fill_null(nan) + c("ybar") + c("slope") * (c("x1") - c("xbar"))
    # a log fit back-transformed relative to the first point, v0·exp(ŷ − ln v0), as chitieu does
    raw = pl.when(c("log_fit")).then(c("v0") * (yhat - c("y0").fill_null(nan)).exp()).otherwise(yhat)
    lo = pl.when(relative).then(0.0).otherwise(c("lower_domain"))
    hi = pl.when(relative).then(float("inf")).otherwise(c("upper_domain"))
    projected = pl.when(fit).then(pl.when(raw < lo).then(lo).when(raw > hi).then(hi).otherwise(raw)).otherwise(nan)
    rss = pl.max_horizontal(c("syyc") - c("sxyc") * c("slope"), 0.0)
    rss = pl.when(rss <= 1e-12 * c("syy")).then(0.0).otherwise(rss)
    rows = rows.with_columns(yhat=yhat, projected=projected, fit=fit, rss=rss)
    se = (c("rss") / (n - 2) * (1.0 + 1.0 / n + (c("x1") - c("xbar")) ** 2 / c("sxxc"))).sqrt()
    higher = c("direction") == "higher"
    b = pl.when(c("log_fit")).then(pl.when(T > 0).then(T.log()).otherwise(float("-inf"))).otherwise(T)
    q = pl.when(higher).then(c("yhat") - b).otherwise(b - c("yhat")) / se
    certain = pl.when(c("boundary_inclusive")).then(pl.when(higher).then(c("yhat") >= b).otherwise(c("yhat") <= b)) \
        .otherwise(pl.when(higher).then(c("yhat") > b).otherwise(c("yhat") < b)).cast(pl.Float64)
    p_ok = c("fit") & c("p_meet_ok") & (c("k") >= 3) & c("yhat").is_finite()
    t_df = pl.when(p_ok & (se > 0)).then(c("k") - 2).otherwise(0)
    p_meet = (pl.when(p_ok & (se == 0)).then(certain)
              .when(p_ok & (se > 0)).then(pl.struct(q=q, df=t_df).map_batches(_t_cdf, return_dtype=pl.Float64))
              .otherwise(nan))
    status = _judge(a)
    direction = c("direction")
    margin = (pl.when(direction == "higher").then(a - c("lower"))
              .when(direction == "lower").then(c("upper") - a)
              .otherwise(pl.min_horizontal((a - c("lower")).fill_nan(None), (c("upper") - a).fill_nan(None))
                         .fill_null(nan)))
    rows = rows.with_columns(p_meet=p_meet, status=status, margin=margin)
    v0 = c("v0")
    met = c("status") <= 1
    proj_met = _judge(c("projected")) <= 1
    base_met = _judge(v0) <= 1
    ratio = (c("projected") - v0) / (T - v0)
    worse = pl.when(direction == "lower").then(c("projected") > v0).otherwise(c("projected") < v0)
    pace = (pl.when(c("pace_na")).then(6).when((c("status") >= 3) | a.is_nan()).then(5).when(met).then(0)
            .when((c("k") < 2) | c("projected").is_nan() | v0.is_nan()).then(5).when(proj_met).then(1)
            .when(base_met).then(4).when(T == v0).then(pl.when(worse).then(4).otherwise(3))
            .when(ratio >= 0.5).then(2).when(ratio >= 0.0).then(3).otherwise(4))
    return rows.select(
        "indicator", "area", "year", "value", "assessed",
        status=c("status").replace_strict(dict(enumerate(rp.STATUS)), return_dtype=pl.Enum(rp.STATUS)),
        margin=c("margin"), baseline=v0, progress=c("progress"), elapsed=c("elapsed"),
        pace=pace.replace_strict(dict(enumerate(rp.PACE)), return_dtype=pl.Enum(rp.PACE)),
        projected=c("projected"), p_meet=c("p_meet"), coverage=c("coverage"))


def review(obs: pl.DataFrame, areas: pl.DataFrame, rules: pl.DataFrame) -> pl.DataFrame:
    """The whole job: complete values, roll up, evaluate every row (DataFrame in, DataFrame out)."""
    lazy_rules = rules.lazy().with_columns(pl.col("indicator").cast(obs.schema["indicator"]))
    numbers = pl.col("value", "numerator", "denominator", "weight").cast(pl.Float64).fill_null(float("nan"))
    done = complete_values(obs.lazy().with_columns(numbers), lazy_rules)
    parents = roll_up(done, areas, lazy_rules)
    rows = pl.concat([done.with_columns(coverage=pl.lit(float("nan"))),
                      parents.lazy().with_columns(pl.col("area").cast(obs.schema["area"]))],
                     how="diagonal_relaxed")
    return evaluate(rows, lazy_rules).collect()

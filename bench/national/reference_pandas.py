"""The pandas reference: the whole review of the national plan, vectorised, as a statistician writes it.

Same job as ``chitieu.evaluate(plan, observations, areas=areas).to_frame()`` for the subset of
docs/evaluation.md and docs/aggregation.md that the national plan uses:

* roll-up up the area hierarchy (deepest parents first) with ``groupby`` sums: ``ratio`` = Σ
  numerator × factor / Σ denominator, ``weighted_mean`` = Σ w·v / Σ w, ``sum`` = Σ v; coverage =
  reporting children / children, below ``min_coverage`` the parent's numbers are NaN;
* per series (indicator × area), in year order: the assessed value (the value, or the ratio to the
  base year for ``relative`` targets), the baseline (first year ≥ the baseline year with data),
  progress and elapsed time, and an ordinary least-squares line through t0..t for every evaluated
  year t from *running* grouped sums (n, Σx, Σy, Σx², Σxy, Σy² with x = year − t0 and y centred on
  the baseline value; ln scale for relative targets and compound trends), projected to the target
  year, with the prediction-interval probability of meeting the target (Student t with n − 2
  degrees of freedom in closed form — exact for integer degrees of freedom, Abramowitz & Stegun
  26.7.3–4 — so no SciPy is needed);
* status, margin and the ``chitieu`` pace classes, with vectorised comparisons.

Only the target kinds threshold, range, approx and relative are implemented (no cumulative,
milestone, sustained or qualitative targets), with a static hierarchy (every area valid every year).
The plan itself is read by chitieu's parser into a table of rules (:func:`rules_table`), outside the
timed job: parsing Vietnamese target phrases is not what is being compared.
"""
from __future__ import annotations

from typing import Any, Dict, List

import numpy as np
import pandas as pd

STATUS = ["exceeded", "met", "not_met", "no_data", "not_assessed"]
PACE = ["achieved", "on_track", "moderate", "stagnating", "regressing", "insufficient_data", "not_applicable"]
COLUMNS = ["indicator", "area", "year", "value", "assessed", "status", "margin", "baseline", "progress",
           "elapsed", "pace", "projected", "p_meet", "coverage"]
FACTOR = {"percent": 100.0, "per_10k": 10000.0}
SUPPORTED_KINDS = ("threshold", "range", "approx", "relative")


def rules_table(plan: Any) -> pd.DataFrame:
    """One row per indicator of a chitieu plan: unit, rule and the numbers of its target."""
    d = plan.to_dict()
    rows: List[Dict[str, Any]] = []
    for ind in d["indicators"]:
        t = ind["target_spec"]
        kind = t["kind"]
        if kind not in SUPPORTED_KINDS:
            raise ValueError(f"indicator '{ind['id']}': the pandas reference does not implement {kind} targets")
        direction = ind["direction"]
        lower = np.nan if t["lower"] is None else float(t["lower"])
        upper = np.nan if t["upper"] is None else float(t["upper"])
        boundary = lower if direction == "higher" else upper if direction == "lower" else np.nan
        inclusive = t["lower_inclusive"] if direction == "higher" else t["upper_inclusive"]
        baseline = ind["baseline_year"] or d["plan"]["baseline_year"]
        two_sided = direction == "none" and not np.isnan(lower) and not np.isnan(upper)
        no_pace = two_sided or np.isnan(boundary)
        rows.append({
            "indicator": ind["id"], "unit": ind["unit"], "factor": FACTOR.get(ind["unit"], 1.0),
            "rule": ind["aggregate"], "min_coverage": float(ind["min_coverage"]), "kind": kind,
            "direction": direction, "lower": lower, "lower_inclusive": bool(t["lower_inclusive"]),
            "upper": upper, "upper_inclusive": bool(t["upper_inclusive"]), "boundary": boundary,
            "boundary_inclusive": bool(inclusive),
            "baseline_year": int(baseline), "target_year": int(ind["target_year"] or d["plan"]["target_year"]),
            "base_year": int(t["base_year"] if t["base_year"] is not None else baseline),
            "log_fit": kind == "relative" or ind["trend"] == "compound",
            "pace_na": bool(no_pace), "p_meet_ok": bool(not no_pace and direction != "none"),
            "upper_domain": 100.0 if ind["unit"] == "percent" else np.inf,
            "lower_domain": -np.inf if ind["unit"] == "index" else 0.0,
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Roll-up


@np.errstate(divide="ignore", invalid="ignore")
def roll_up(obs: pd.DataFrame, areas: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """The parent rows (indicator, area, year, value, numerator, denominator, weight, coverage).

    ``obs`` has value filled in for ratio rows (see :func:`complete_values`).
    """
    parent_of = areas.set_index("id")["parent"]
    parent_of = parent_of[parent_of != ""]
    depth = pd.Series(0, index=areas["id"].to_numpy())
    up = parent_of.copy()
    while len(up):  # depth of each area = number of ancestors
        depth.loc[up.index] += 1
        up = up.map(parent_of).dropna()
    children = parent_of.value_counts()
    r = rules.set_index("indicator")
    rows = obs[["indicator", "area", "year", "value", "numerator", "denominator", "weight"]]
    out = []
    for level in range(int(depth.max()) - 1, -1, -1):
        kids = rows[rows["area"].map(depth).to_numpy() == level + 1]
        rule = kids["indicator"].map(r["rule"]).to_numpy()
        factor = kids["indicator"].map(r["factor"]).to_numpy()
        v, num, den, w = (kids[c].to_numpy() for c in ("value", "numerator", "denominator", "weight"))
        ratio, wmean = rule == "ratio", rule == "weighted_mean"
        reports = np.where(ratio, ~np.isnan(den) & (~np.isnan(num) | ~np.isnan(v)), ~np.isnan(v))
        reports &= rule != "none"
        num_in = np.where(np.isnan(num), v * den / factor, num)
        part = pd.DataFrame({
            "indicator": kids["indicator"].to_numpy(), "area": kids["area"].map(parent_of).to_numpy(),
            "year": kids["year"].to_numpy(), "n": reports.astype(np.int64),
            "sv": np.where(reports & ~ratio & ~wmean, v, 0.0),
            "snum": np.where(reports & ratio, num_in, 0.0), "sden": np.where(reports & ratio, den, 0.0),
            "sw": np.where(reports & wmean, w, 0.0), "swv": np.where(reports & wmean, w * v, 0.0)})
        part = part[reports]
        g = part.groupby(["indicator", "area", "year"], observed=True, sort=False).sum().reset_index()
        rule_g = g["indicator"].map(r["rule"]).to_numpy()
        coverage = g["n"].to_numpy() / g["area"].map(children).to_numpy()
        ok = coverage >= g["indicator"].map(r["min_coverage"]).to_numpy()
        factor_g = g["indicator"].map(r["factor"]).to_numpy()
        is_ratio, is_wmean = rule_g == "ratio", rule_g == "weighted_mean"
        value = np.where(is_ratio, g["snum"].to_numpy() * factor_g / g["sden"].to_numpy(),
                         np.where(is_wmean, g["swv"].to_numpy() / g["sw"].to_numpy(), g["sv"].to_numpy()))
        level_rows = pd.DataFrame({
            "indicator": g["indicator"], "area": g["area"], "year": g["year"],
            "value": np.where(ok, value, np.nan),
            "numerator": np.where(ok & is_ratio, g["snum"], np.nan),
            "denominator": np.where(ok & is_ratio, g["sden"], np.nan),
            "weight": np.where(ok & is_wmean, g["sw"], np.nan), "coverage": coverage})
        out.append(level_rows)
        rows = pd.concat([rows, level_rows.drop(columns="coverage")], ignore_index=True)
    return pd.concat(out, ignore_index=True)


def complete_values(obs: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """A copy with value = numerator × factor / denominator where the value is missing."""
    factor = obs["indicator"].map(rules.set_index("indicator")["factor"]).astype(np.float64).to_numpy()
    v, num, den = obs["value"].to_numpy(), obs["numerator"].to_numpy(), obs["denominator"].to_numpy()
    fill = np.isnan(v) & np.isfinite(num) & np.isfinite(den) & (den > 0)
    out = obs.copy()
    out["value"] = np.where(fill, num * factor / den, v)
    return out


# ---------------------------------------------------------------------------------------------
# Student t


def t_cdf(q: np.ndarray, nu: np.ndarray) -> np.ndarray:
    """P(T ≤ q) for Student t with integer degrees of freedom nu ≥ 1 (closed form, A&S 26.7.3–4)."""
    out = np.full(q.shape, np.nan)
    for k in np.unique(nu):
        m = nu == k
        theta = np.arctan(q[m] / np.sqrt(k))
        c2 = np.cos(theta) ** 2
        if k % 2 == 1:
            term, acc = np.ones_like(c2), np.ones_like(c2)
            for j in range(1, (k - 1) // 2):
                term = term * c2 * (2 * j) / (2 * j + 1)
                acc = acc + term
            a = (2 / np.pi) * (theta + (np.sin(theta) * np.cos(theta) * acc if k > 1 else 0.0))
        else:
            term, acc = np.ones_like(c2), np.ones_like(c2)
            for j in range(1, k // 2):
                term = term * c2 * (2 * j - 1) / (2 * j)
                acc = acc + term
            a = np.sin(theta) * acc
        out[m] = 0.5 + 0.5 * a
    return out


# ---------------------------------------------------------------------------------------------
# Evaluation


def _judge(a: np.ndarray, lower: np.ndarray, lower_inc: np.ndarray, upper: np.ndarray,
           upper_inc: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """Status codes (index into STATUS) of assessed values a."""
    lo_ok = np.isnan(lower) | np.where(lower_inc, a >= lower, a > lower)
    hi_ok = np.isnan(upper) | np.where(upper_inc, a <= upper, a < upper)
    higher = (direction == "higher") & ~np.isnan(lower)
    lower_dir = (direction == "lower") & ~np.isnan(upper)
    st = np.where(lo_ok & hi_ok, 1, 2)
    st = np.where(higher, np.where(~lo_ok, 2, np.where(hi_ok, 1, 0)), st)
    st = np.where(lower_dir, np.where(~hi_ok, 2, np.where(lo_ok, 1, 0)), st)
    return np.where(np.isnan(a), 3, st)


@np.errstate(divide="ignore", invalid="ignore", over="ignore")
def evaluate(rows: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """Status, margin, progress, projection, p_meet and pace of every row (docs/evaluation.md)."""
    rows = rows.sort_values(["indicator", "area", "year"], ignore_index=True)
    r = rules.set_index("indicator")
    spec = {c: rows["indicator"].map(r[c]).to_numpy() for c in r.columns}
    year = rows["year"].to_numpy()
    value = rows["value"].to_numpy()
    series = rows.groupby(["indicator", "area"], observed=True, sort=False).ngroup().to_numpy()
    relative = spec["kind"] == "relative"
    log_fit = spec["log_fit"].astype(bool)

    # assessed: the value, or for relative targets the ratio to the series' base-year value
    is_base = relative & (year == spec["base_year"])
    base = pd.Series(np.where(is_base, value, np.nan)).groupby(series).transform("max").to_numpy()
    base_ok = np.isfinite(base) & (base != 0)
    available = ~relative | (year >= spec["base_year"])
    assessed = np.where(relative, np.where(base_ok, value / base, np.nan), value)
    assessed = np.where(available, assessed, np.nan)

    # fit points: years ≥ the baseline year with an assessed value; t0, v0 = the first of them
    point = (year >= spec["baseline_year"]) & ~np.isnan(assessed)
    bad = point & log_fit & ~(assessed > 0)
    y = np.where(log_fit, np.log(np.where(bad | ~point, 1.0, assessed)), assessed)
    first = pd.DataFrame({"t0": np.where(point, year, np.nan), "v0": np.where(point, assessed, np.nan),
                          "y0": np.where(point, y, np.nan)}).groupby(series).transform("first")
    t0, v0, y0 = first["t0"].to_numpy(), first["v0"].to_numpy(), first["y0"].to_numpy()
    x = np.where(point, year - t0, 0.0)
    yc = np.where(point, y - y0, 0.0)
    sums = pd.DataFrame({"n": point.astype(np.int64), "sx": x, "sy": yc, "sxx": x * x, "sxy": x * yc,
                         "syy": yc * yc, "bad": bad.astype(np.int64)}).groupby(series).cumsum()
    k = np.where(available, sums["n"].to_numpy(), 0)
    has_t0 = k > 0
    v0 = np.where(has_t0, v0, np.nan)

    T = spec["boundary"]
    t1 = spec["target_year"]
    with np.errstate(divide="ignore", invalid="ignore"):
        progress = np.where(np.isnan(T) | (v0 == T), np.nan, (assessed - v0) / (T - v0))
        elapsed = np.where(has_t0 & (t1 != t0), (year - t0) / (t1 - t0), np.nan)

        # least squares through the k points up to t, from the running sums
        n = k.astype(np.float64)
        xbar = sums["sx"].to_numpy() / n
        ybar = sums["sy"].to_numpy() / n
        sxx = sums["sxx"].to_numpy() - n * xbar * xbar
        sxy = sums["sxy"].to_numpy() - n * xbar * ybar
        syy = sums["syy"].to_numpy() - n * ybar * ybar
        slope = sxy / sxx
        x1 = t1 - t0
        fit = (k >= 2) & (sums["bad"].to_numpy() == 0) & (sxx > 0)
        yhat = y0 + ybar + slope * (x1 - xbar)
        # a log fit back-transformed relative to the first point, v0·exp(ŷ − ln v0), as chitieu does:
        # a flat series then projects exactly v0 (exp(ŷ) can be an ulp off, turning a tie into a loss)
        raw = np.where(log_fit, v0 * np.exp(yhat - y0), yhat)
        projected = np.clip(raw, np.where(relative, 0.0, spec["lower_domain"]),
                            np.where(relative, np.inf, spec["upper_domain"]))
        projected = np.where(fit, projected, np.nan)

        rss = np.maximum(syy - sxy * slope, 0.0)
        rss = np.where(rss <= 1e-12 * sums["syy"].to_numpy(), 0.0, rss)  # rounding noise of an exact line
        se = np.sqrt(rss / (n - 2) * (1.0 + 1.0 / n + (x1 - xbar) ** 2 / sxx))
        higher = spec["direction"] == "higher"
        b = np.where(log_fit, np.where(T > 0, np.log(np.where(T > 0, T, 1.0)), -np.inf), T)
        q = np.where(higher, yhat - b, b - yhat) / se
        inc = spec["boundary_inclusive"].astype(bool)
        reaches = np.where(higher, yhat >= b, yhat <= b)
        passes = np.where(higher, yhat > b, yhat < b)
        certain = np.where(inc, reaches, passes).astype(np.float64)
        p_ok = fit & spec["p_meet_ok"].astype(bool) & (k >= 3) & np.isfinite(yhat)
        p_meet = np.full(len(rows), np.nan)
        sel = p_ok & (se > 0)
        p_meet[sel] = t_cdf(q[sel], (k[sel] - 2).astype(np.int64))
        zero = p_ok & (se == 0)
        p_meet[zero] = certain[zero]

        lower, upper = spec["lower"].astype(np.float64), spec["upper"].astype(np.float64)
        lower_inc, upper_inc = spec["lower_inclusive"].astype(bool), spec["upper_inclusive"].astype(bool)
        direction = spec["direction"]
        status = _judge(assessed, lower, lower_inc, upper, upper_inc, direction)
        margin = np.where(direction == "higher", assessed - lower,
                          np.where(direction == "lower", upper - assessed,
                                   np.fmin(assessed - lower, upper - assessed)))

        # pace, method chitieu
        met = status <= 1
        proj_met = _judge(projected, lower, lower_inc, upper, upper_inc, direction) <= 1
        base_met = _judge(v0, lower, lower_inc, upper, upper_inc, direction) <= 1
        ratio = (projected - v0) / (T - v0)
        worse = np.where(direction == "lower", projected > v0, projected < v0)
        pace = np.select(
            [spec["pace_na"].astype(bool), (status >= 3) | np.isnan(assessed), met,
             (k < 2) | np.isnan(projected) | np.isnan(v0), proj_met, base_met, v0 == T, ratio >= 0.5,
             ratio >= 0.0],
            [6, 5, 0, 5, 1, 4, np.where(worse, 4, 3), 2, 3], default=4)

    return pd.DataFrame({
        "indicator": rows["indicator"], "area": rows["area"], "year": year, "value": value,
        "assessed": assessed, "status": pd.Categorical.from_codes(status, STATUS),
        "margin": margin, "baseline": v0, "progress": progress, "elapsed": elapsed,
        "pace": pd.Categorical.from_codes(pace, PACE), "projected": projected, "p_meet": p_meet,
        "coverage": rows["coverage"].to_numpy()}, columns=COLUMNS)


def review(obs: pd.DataFrame, areas: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """The whole job: complete values, roll up, evaluate every row.

    Indicator and area become categoricals over the plan's indicators and the area table, so that
    grouping and sorting work on integer codes (rows then sort in plan and area-table order).
    """
    indicators = pd.CategoricalDtype(rules["indicator"].to_numpy())
    area_ids = pd.CategoricalDtype(areas["id"].to_numpy())
    done = complete_values(obs, rules).astype({"indicator": indicators, "area": area_ids})
    parents = roll_up(done, areas, rules).astype({"indicator": indicators, "area": area_ids})
    rows = pd.concat([done.assign(coverage=np.nan), parents], ignore_index=True)
    return evaluate(rows, rules)

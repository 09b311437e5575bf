"""Equality checks of the benchmark: two evaluations (or two sets of parent rows) agree when they
have the same keys, the same categories and numbers equal to 1e-9 (relative to max(1, |a|, |b|)),
NaN matching NaN."""
from __future__ import annotations

from typing import List, Sequence

import numpy as np
import pandas as pd

TOLERANCE = 1e-9
KEYS = ["indicator", "area", "year"]


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    f = frame.astype({"indicator": str, "area": str}).astype({"year": np.int64})
    return f.sort_values(KEYS, ignore_index=True)


def differences(a: pd.DataFrame, b: pd.DataFrame, numbers: Sequence[str], labels: Sequence[str] = (),
                tol: float = TOLERANCE) -> List[str]:
    """What differs between two frames keyed by indicator, area and year (empty when equal)."""
    a, b = _keyed(a), _keyed(b)
    if len(a) != len(b) or not (a[KEYS].to_numpy() == b[KEYS].to_numpy()).all():
        only_a = pd.MultiIndex.from_frame(a[KEYS]).difference(pd.MultiIndex.from_frame(b[KEYS]))
        only_b = pd.MultiIndex.from_frame(b[KEYS]).difference(pd.MultiIndex.from_frame(a[KEYS]))
        return [f"rows differ: {len(a)} vs {len(b)}; only in first {list(only_a[:3])}, "
                f"only in second {list(only_b[:3])}"]
    out = []
    for c in numbers:
        x, y = a[c].to_numpy(np.float64), b[c].to_numpy(np.float64)
        bad = (np.isnan(x) != np.isnan(y)) | (
            np.abs(x - y) > tol * np.maximum(1.0, np.maximum(np.abs(x), np.abs(y))))
        bad &= ~(np.isnan(x) & np.isnan(y))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            out.append(f"{c}: {int(bad.sum())} rows differ, first {tuple(a.loc[i, KEYS])}: {x[i]!r} vs {y[i]!r}")
    for c in labels:
        x, y = a[c].astype(str).to_numpy(), b[c].astype(str).to_numpy()
        bad = x != y
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            out.append(f"{c}: {int(bad.sum())} rows differ, first {tuple(a.loc[i, KEYS])}: {x[i]} vs {y[i]}")
    return out


EVALUATION_NUMBERS = ["value", "assessed", "margin", "baseline", "progress", "elapsed", "projected", "p_meet",
                      "coverage"]
EVALUATION_LABELS = ["status", "pace"]
PARENT_NUMBERS = ["value", "numerator", "denominator", "weight", "coverage"]


def evaluation_differences(a: pd.DataFrame, b: pd.DataFrame) -> List[str]:
    """Differences between two evaluation frames (the columns of docs/python.md)."""
    return differences(a, b, EVALUATION_NUMBERS, EVALUATION_LABELS)


def parent_differences(a: pd.DataFrame, b: pd.DataFrame) -> List[str]:
    """Differences between two sets of parent rows of a roll-up."""
    return differences(a, b, PARENT_NUMBERS)

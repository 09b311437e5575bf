"""Hints the command line adds to an error: "did you mean" for a mistyped indicator or area id."""
from __future__ import annotations

import difflib
import re
from typing import Iterable, Optional

__all__ = ["closest", "did_you_mean"]

_UNKNOWN = (
    (re.compile(r"indicator '([^']+)' is not in plan"), "indicator"),
    (re.compile(r"unknown area '([^']+)'"), "area"),
)


def closest(word: str, choices: Iterable[str]) -> Optional[str]:
    """The choice closest to ``word`` (difflib, similarity ≥ 0.6), or None."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(message: str, indicator_ids: Iterable[str], area_ids: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` when ``message`` names an unknown indicator or area id close to
    a known one, else the empty string."""
    for pattern, kind in _UNKNOWN:
        match = pattern.search(message)
        if match:
            guess = closest(match.group(1), indicator_ids if kind == "indicator" else area_ids)
            return f"; did you mean '{guess}'?" if guess else ""
    return ""

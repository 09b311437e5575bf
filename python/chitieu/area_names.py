"""The names reports show for areas: the area's name, told apart by its validity when shared."""
from __future__ import annotations

from collections import Counter
from typing import Dict, Sequence

__all__ = ["area_labels"]


def _day(iso: str) -> str:
    """An ISO date as dd/mm/yyyy (read the same in Vietnamese and British English)."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def area_labels(ids: Sequence[str], names: Sequence[str], valid_from: Sequence[str],
                valid_to: Sequence[str]) -> Dict[str, str]:
    """The display name of each area id: its name, or its id when it has none.

    A name that several ids share (the old and the new "Phường Phước Hội") gets its validity,
    "Phường Phước Hội (– 30/06/2025)" and "Phường Phước Hội (01/07/2025 –)", so every report
    tells the units apart; two units with the same name and the same validity keep their id.
    """
    shown = {i: (n or i) for i, n in zip(ids, names)}
    counts = Counter(shown.values())
    out: Dict[str, str] = {}
    for i, start, end in zip(ids, valid_from, valid_to):
        name = shown[i]
        if counts[name] > 1 and (start or end):
            span = f"{_day(start) if start else ''} – {_day(end) if end else ''}".strip()
            name = f"{name} ({span})"
        out[i] = name
    clashes = Counter(out.values())
    return {i: (f"{n} [{i}]" if clashes[n] > 1 else n) for i, n in out.items()}

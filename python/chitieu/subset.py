"""What an evaluation covers: how observations name areas, and which of the plan's indicators."""
from __future__ import annotations

from typing import Optional, Sequence

from chitieu import _core
from chitieu.errors import AreaError, ChitieuError, translate
from chitieu.plans import CORE_ERRORS

__all__ = ["AREA_KEYS", "check_area_key", "select_indicators"]

#: How the observations' ``area`` names a unit: by its id, or by its official code (resolved by year).
AREA_KEYS = ("id", "code")


def check_area_key(area_key: str, has_areas: bool) -> None:
    """Refuse an unknown ``area_key``, or ``"code"`` without an areas table to resolve the codes."""
    if area_key not in AREA_KEYS:
        raise ChitieuError(f"unknown area_key '{area_key}'; expected id (observations name areas by id) or code "
                           "(by official code, resolved by year)", field="area_key")
    if area_key == "code" and not has_areas:
        raise AreaError("area_key='code' (CLI: --area-key code) needs the areas table whose codes the observations "
                        "use (areas=, CLI: --areas)", field="areas")


def select_indicators(plan: _core.Plan, indicators: Optional[Sequence[str]]) -> _core.Plan:
    """The plan itself, or (``indicators`` given) the plan with only those indicators and their domains."""
    if indicators is None:
        return plan
    if isinstance(indicators, str):
        indicators = [i.strip() for i in indicators.split(",") if i.strip()]
    try:
        return _core.select_indicators(plan, list(indicators))
    except CORE_ERRORS as exc:
        raise translate(exc, ChitieuError) from None

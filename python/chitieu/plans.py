"""Plans by embedded id or file: the one loader that evaluation, collect mode and comparisons use."""
from __future__ import annotations

import os
from typing import Union

from chitieu import _core
from chitieu.errors import PlanError, translate

__all__ = ["CORE_ERRORS", "PlanSource", "load_plan", "plan_of"]

PlanSource = Union[str, os.PathLike[str], _core.Plan]

#: The exceptions the core raises for bad input (translated at the facade's boundary).
CORE_ERRORS = (ValueError, RuntimeError)


def load_plan(id_or_path: Union[str, os.PathLike[str]]) -> _core.Plan:
    """A plan by embedded id (``"la-gi-2024"``) or from a TOML plan file.

    Raises :class:`~chitieu.errors.PlanError` naming the file, line and key of
    the first problem, or listing the embedded ids when the id is unknown.
    """
    name = os.fspath(id_or_path)
    try:
        return _core.load_plan(name)
    except CORE_ERRORS as exc:
        raise translate(exc, PlanError, file=name if os.path.exists(name) else None) from None


def plan_of(plan: PlanSource) -> _core.Plan:
    """A :class:`Plan` as given, or loaded by id or path."""
    return plan if isinstance(plan, _core.Plan) else load_plan(plan)

"""The closed sets of words chitieu's parameters accept, as ``Literal`` types for type checkers.

Each set is checked at run time too (a wrong word raises :class:`~chitieu.errors.ChitieuError`
naming the parameter); the tests check these types against the core's enum tables.
"""
from __future__ import annotations

from typing import Literal

__all__ = ["Direction", "EnumKind", "ErrorsMode", "Lang", "Method", "PlotKind", "ReviewKind"]

#: A pace method (docs/evaluation.md "Pace"): the names of the core's ``pace_method`` table.
Method = Literal["chitieu", "open_sdg", "sdsn"]

#: Which way an indicator improves: the names of the core's ``direction`` table.
Direction = Literal["higher", "lower", "none"]

#: The language of labels and reports.
Lang = Literal["vi", "en"]

#: How :func:`chitieu.evaluate` reports bad input: the first problem, or all of them.
ErrorsMode = Literal["raise", "collect"]

#: The enum tables of the core (``chitieu._core.enum_table(kind)``, docs/development.md "Enums").
EnumKind = Literal["unit", "direction", "target_kind", "status", "pace", "pace_method", "aggregate_rule", "trend"]

#: The plots of :meth:`chitieu.Evaluation.plot`.
PlotKind = Literal["dashboard", "trajectory", "domains"]

#: The Word review of :meth:`chitieu.Evaluation.to_docx`: mid-term (sơ kết) or final (tổng kết).
ReviewKind = Literal["so-ket", "tong-ket"]

"""chitieu: typed targets of social-policy plans, evaluated exactly.

A pure-Python facade over the C++ core ``chitieu._core`` (docs/python.md)::

    import chitieu
    plan = chitieu.load_plan("la-gi-2024")
    ev = chitieu.evaluate(plan, "observations.csv", areas="areas.csv")
    ev.to_frame()      # one row per indicator × area × year
    ev.summary()       # one row per domain plus the plan
"""
from __future__ import annotations

from chitieu import geography
from chitieu._core import Domain, Indicator, Plan, Target, __version__, check_domain, format_target, ratio_factor, units
from chitieu.api import METHODS, evaluate, load_plan, parse_target, read_observations
from chitieu.collect import ChitieuErrors
from chitieu.errors import AreaError, ChitieuError, ObservationError, PhraseError, PlanError
from chitieu.evaluation import Evaluation
from chitieu.frames import EVALUATION_COLUMNS
from chitieu.memory import memory_cache_bytes, memory_cache_limit, release_memory, set_memory_cache_limit

__all__ = [
    "EVALUATION_COLUMNS",
    "METHODS",
    "AreaError",
    "ChitieuError",
    "ChitieuErrors",
    "Domain",
    "Evaluation",
    "Indicator",
    "ObservationError",
    "PhraseError",
    "Plan",
    "PlanError",
    "Target",
    "__version__",
    "check_domain",
    "evaluate",
    "format_target",
    "geography",
    "load_plan",
    "memory_cache_bytes",
    "memory_cache_limit",
    "parse_target",
    "ratio_factor",
    "read_observations",
    "release_memory",
    "set_memory_cache_limit",
    "units",
]

"""chitieu: typed targets of social-policy plans, evaluated exactly.

A pure-Python facade over the C++ core ``chitieu._core``.
"""
from __future__ import annotations

from chitieu._core import Target, check_domain, ratio_factor, units

__all__ = ["Target", "check_domain", "ratio_factor", "units"]
__version__ = "0.1.0"

"""Ready-made geographies: area tables and crosswalks in chitieu's formats (docs/geography.md).

``vietnam()`` gives the whole of Viet Nam before and after the 1 July 2025
reform, built from the lists of the ``vietnamadminunits`` package (install
``chitieu[vn]``)::

    import chitieu
    areas, crosswalk = chitieu.geography.vietnam()
    ev = chitieu.evaluate(plan, observations, areas=areas, crosswalk=crosswalk, geography="2025-07-01")
"""
from __future__ import annotations

from chitieu.geography.vietnam_reform import NATION, REFORM_DATE, source_version, vietnam

__all__ = ["NATION", "REFORM_DATE", "source_version", "vietnam"]

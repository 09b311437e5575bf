"""Areas tables and crosswalks read and checked by the core once, for callers that reuse them."""
from __future__ import annotations

from typing import Any, Optional, Tuple

from chitieu import _core
from chitieu.errors import AreaError, translate
from chitieu.frames import areas_from_table, crosswalk_from_table
from chitieu.io import Table, TableSource, read_areas, read_crosswalk
from chitieu.plans import CORE_ERRORS

__all__ = ["checked_areas", "checked_crosswalk"]


def checked_areas(source: TableSource, name: Optional[str] = None) -> Tuple[Table, _core.AreaTable]:
    """The areas table read (a file or a DataFrame) and validated by the core.

    Errors are AreaErrors naming the file (or ``name`` for a DataFrame) and the line of the row.
    """
    table = read_areas(source)
    try:
        return table, areas_from_table(table)
    except CORE_ERRORS as exc:
        raise table.core_error(translate(exc, AreaError, file=name or table.file, line_of=table.core_line)) from None


def checked_crosswalk(source: TableSource, area_table: _core.AreaTable,
                      name: Optional[str] = None) -> Tuple[Table, Any]:
    """The crosswalk read and validated by the core against ``area_table`` (errors as :func:`checked_areas`)."""
    table = read_crosswalk(source)
    try:
        return table, crosswalk_from_table(table, area_table)
    except CORE_ERRORS as exc:
        raise table.core_error(translate(exc, AreaError, file=name or table.file, line_of=table.core_line)) from None

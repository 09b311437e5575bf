"""The columns of the observation, area and crosswalk formats (docs/your-data.md)."""
from __future__ import annotations

__all__ = ["AREA_COLUMNS", "CROSSWALK_COLUMNS", "OBSERVATION_COLUMNS", "OBSERVATION_NUMBERS"]

#: Observation columns: the ids, the year and the optional numbers.
OBSERVATION_COLUMNS = ("indicator", "area", "year", "value", "numerator", "denominator", "weight", "se")
#: The number columns of observations (the measures of the wide layout).
OBSERVATION_NUMBERS = ("value", "numerator", "denominator", "weight", "se")
#: Area table columns (docs/your-data.md).
AREA_COLUMNS = ("id", "code", "name", "level", "parent", "valid_from", "valid_to")
#: Crosswalk columns.
CROSSWALK_COLUMNS = ("from", "to", "share", "date")

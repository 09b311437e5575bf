"""Viet Nam's administrative units before and after the 1 July 2025 reform (docs/geography.md).

The lists come from the ``vietnamadminunits`` package (the General Statistics
Office lists of 63 provinces, 696 districts and their communes valid until
30 June 2025, of 34 provinces and 3 321 communes valid from 1 July 2025, and
the package's mapping of old units to new ones). This module only reshapes
them into chitieu's areas and crosswalk tables; both are then checked by the
core (:func:`chitieu.frames.areas_from_table`, ``crosswalk_from_table``).

Id scheme: a unit valid until 30 June 2025 has its GSO code as id (``01``,
``001``, ``00001``); a unit valid from 1 July 2025 has its code followed by
``-2025`` (``01-2025``, ``23231-2025``), since the new units reuse the old
codes; the nation is ``VN``.
"""
from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from typing import Any, Dict, List, Optional, Tuple

import pandas as pd

from chitieu.errors import ChitieuError
from chitieu.geography.shares import apply_shares
from chitieu.geography.tables import checked_areas, checked_crosswalk

__all__ = ["AREA_COLUMNS", "CROSSWALK_COLUMNS", "NATION", "REFORM_DATE", "source_version", "vietnam"]

#: The day the 34 provinces and 3 321 communes came into force (Resolution 1671/NQ-UBTVQH15 and others).
REFORM_DATE = "2025-07-01"
#: The last day of the 63 provinces, their districts and communes.
LAST_DAY_BEFORE = "2025-06-30"
#: The id (and code, ISO 3166-1) of the nation, parent of the provinces of both periods.
NATION = "VN"
#: Added to the GSO code of a unit valid from :data:`REFORM_DATE` to make its id.
NEW_SUFFIX = "-2025"

#: Columns of the areas table: chitieu's seven, then ``type`` (Tỉnh, Thành phố, Quận, Huyện, Thị xã,
#: Phường, Xã, Thị trấn, Đặc khu).
AREA_COLUMNS = ("id", "code", "name", "level", "parent", "valid_from", "valid_to", "type")
#: Columns of the crosswalk: chitieu's four, then ``basis`` (whole, equal, or the basis of given shares).
CROSSWALK_COLUMNS = ("from", "to", "share", "date", "basis")

_NATION_LEVEL, _PROVINCE_LEVEL, _DISTRICT_LEVEL, _COMMUNE_LEVEL = "quốc gia", "cấp tỉnh", "cấp huyện", "cấp xã"
_PACKAGE = "vietnamadminunits"
_MISSING = f"the geography of Viet Nam needs the package {_PACKAGE}, which is not installed; " \
    "install it with: pip install 'chitieu[vn]'"


def _nfc(text: Optional[str]) -> str:
    return unicodedata.normalize("NFC", text or "")


def _modules() -> Tuple[Any, Any]:
    """The package's query function and mapping module, or a ChitieuError naming the extra."""
    try:
        from vietnamadminunits.converter import converter_2025
        from vietnamadminunits.database import query
    except ImportError:
        raise ChitieuError(_MISSING, field=_PACKAGE) from None
    return query, converter_2025


@functools.lru_cache(maxsize=1)
def _read() -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]], Dict[str, Any]]:
    """The package's rows before and after the reform and its mapping (read once per process; never modified)."""
    query, converter_2025 = _modules()
    before = query("SELECT province, district, ward, districtType, wardType, provinceCode, districtCode, wardCode, "
                   "provinceKey, districtKey, wardKey FROM admin_units_legacy")
    after = query("SELECT province, ward, wardType, provinceCode, wardCode, provinceKey, wardKey FROM admin_units")
    mapping = {"provinces": converter_2025.DICT_PROVINCE, "whole": converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED,
               "divided": converter_2025.DICT_PROVINCE_WARD_DIVIDED}
    return before, after, mapping


def source_version() -> str:
    """The installed version of ``vietnamadminunits`` (a ChitieuError naming the extra when it is missing)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(_PACKAGE)
    except PackageNotFoundError:
        raise ChitieuError(_MISSING, field=_PACKAGE) from None


def _province_type(name: str) -> str:
    return "Thành phố" if name.startswith("Thành phố ") else "Tỉnh"


def _old_key(row: Dict[str, Any]) -> str:
    """The package's key of an old commune (or of a district without communes): province_district_ward."""
    return f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}"


def _areas(before: List[Dict[str, Any]], after: List[Dict[str, Any]]) -> pd.DataFrame:
    rows: List[Tuple[str, ...]] = [(NATION, NATION, "Việt Nam", _NATION_LEVEL, "", "", "", "")]
    provinces = {r["provinceCode"]: _nfc(r["province"]) for r in before}
    districts = {r["districtCode"]: r for r in before}
    rows += [(c, c, n, _PROVINCE_LEVEL, NATION, "", LAST_DAY_BEFORE, _province_type(n))
             for c, n in sorted(provinces.items())]
    rows += [(c, c, _nfc(r["district"]), _DISTRICT_LEVEL, r["provinceCode"], "", LAST_DAY_BEFORE,
              _nfc(r["districtType"])) for c, r in sorted(districts.items())]
    rows += [(r["wardCode"], r["wardCode"], _nfc(r["ward"]), _COMMUNE_LEVEL, r["districtCode"], "", LAST_DAY_BEFORE,
              _nfc(r["wardType"])) for r in sorted(before, key=lambda r: r["wardCode"] or "") if r["wardCode"]]
    new_provinces = {r["provinceCode"]: _nfc(r["province"]) for r in after}
    rows += [(c + NEW_SUFFIX, c, n, _PROVINCE_LEVEL, NATION, REFORM_DATE, "", _province_type(n))
             for c, n in sorted(new_provinces.items())]
    rows += [(r["wardCode"] + NEW_SUFFIX, r["wardCode"], _nfc(r["ward"]), _COMMUNE_LEVEL,
              r["provinceCode"] + NEW_SUFFIX, REFORM_DATE, "", _nfc(r["wardType"]))
             for r in sorted(after, key=lambda r: r["wardCode"])]
    return pd.DataFrame(rows, columns=list(AREA_COLUMNS))


def _links(before: List[Dict[str, Any]], after: List[Dict[str, Any]], mapping: Dict[str, Any]) -> pd.DataFrame:
    """Province mergers (share 1), then every old commune (and commune-less district) to its successors."""
    old_province = {r["provinceKey"]: r["provinceCode"] for r in before}
    new_province = {r["provinceKey"]: r["provinceCode"] + NEW_SUFFIX for r in after}
    old_unit = {_old_key(r): r["wardCode"] or r["districtCode"] for r in before}
    new_unit = {(r["provinceKey"], r["wardKey"]): r["wardCode"] + NEW_SUFFIX for r in after}
    rows: List[Tuple[str, str, float, str, str]] = []
    for new_key, old_keys in mapping["provinces"].items():
        rows += [(old_province[k], new_province[new_key], 1.0, REFORM_DATE, "whole") for k in old_keys]
    successors: Dict[str, List[str]] = defaultdict(list)
    for province_key, wards in mapping["whole"].items():
        for ward_key, old_keys in wards.items():
            for k in old_keys:
                successors[old_unit[k]].append(new_unit[(province_key, ward_key)])
    for province_key, parts in mapping["divided"].items():
        for k, news in parts.items():
            successors[old_unit[k]] += [new_unit[(province_key, n["newWardKey"])] for n in news]
    for old in sorted(successors):
        tos = sorted(set(successors[old]))
        basis = "whole" if len(tos) == 1 else "equal"
        rows += [(old, to, 1.0 / len(tos), REFORM_DATE, basis) for to in tos]
    return pd.DataFrame(rows, columns=list(CROSSWALK_COLUMNS))


def vietnam(shares: Any = None, basis: str = "population", check: bool = True) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """Viet Nam's areas before and after 1 July 2025 and the crosswalk between them.

    Returns ``(areas, crosswalk)`` as DataFrames in chitieu's formats (all
    text but ``share``): ``areas`` has the nation ``VN``; the 63 provinces,
    696 districts and their communes valid until 2025-06-30 (id = GSO code);
    the 34 provinces and 3 321 communes valid from 2025-07-01 (id = code +
    ``-2025``); names with their type, a ``type`` column and levels ``quốc
    gia``, ``cấp tỉnh``, ``cấp huyện``, ``cấp xã``. ``crosswalk`` links, on
    2025-07-01, every old province to its new province and every old commune
    (and each island district that had no communes) to its new commune(s):
    ``basis`` is ``whole`` (share 1) or ``equal`` (a commune divided among n
    new ones, 1/n each).

    ``shares`` (a DataFrame or CSV/Parquet path with columns ``from, to,
    share``, ids as above) replaces the shares of the old units it lists, e.g.
    by population; its rows take ``basis`` as their basis. Each listed unit's
    shares must sum to 1 and go only to successors the package records.
    ``check=False`` skips the core's validation of the two tables (it always
    runs on given shares). Raises :class:`~chitieu.ChitieuError` naming
    ``pip install 'chitieu[vn]'`` when ``vietnamadminunits`` is missing.
    """
    _modules()  # the error naming the extra, even after an earlier read
    before, after, mapping = _read()
    areas = _areas(before, after)
    crosswalk = _links(before, after, mapping)
    if check or shares is not None:
        _, area_table = checked_areas(areas, name=f"<{_PACKAGE} areas>")
        if shares is not None:
            crosswalk = apply_shares(crosswalk, shares, basis, area_table, REFORM_DATE)
        if check:
            checked_crosswalk(crosswalk, area_table, name=f"<{_PACKAGE} crosswalk>")
    areas.attrs["source"] = crosswalk.attrs["source"] = f"{_PACKAGE} {source_version()}"
    return areas, crosswalk

"""chitieu.geography.vietnam(): the whole country before and after the 1 July 2025 reform."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu.cli import main
from chitieu.errors import AreaError, ChitieuError
from chitieu.frames import areas_from_table, crosswalk_from_table
from chitieu.io import read_areas, read_crosswalk

pytest.importorskip("vietnamadminunits", reason="the geography of Viet Nam needs vietnamadminunits (chitieu[vn])")

DATA = Path(__file__).resolve().parents[2] / "data" / "areas"


@pytest.fixture(scope="module")
def tables():
    return chitieu.geography.vietnam()


@pytest.fixture(scope="module")
def core_tables(tables):
    areas, crosswalk = tables
    area_table = areas_from_table(read_areas(areas))
    return area_table, crosswalk_from_table(read_crosswalk(crosswalk), area_table)


def _units(areas, level, before):
    rows = areas[areas["level"] == level]
    return rows[(rows["valid_to"] == "2025-06-30") if before else (rows["valid_from"] == "2025-07-01")]


def test_counts_before_and_after_the_reform(tables):
    areas, _ = tables
    assert len(_units(areas, "cấp tỉnh", before=True)) == 63
    assert len(_units(areas, "cấp huyện", before=True)) == 696
    assert len(_units(areas, "cấp xã", before=True)) == 10035
    assert len(_units(areas, "cấp tỉnh", before=False)) == 34
    assert len(_units(areas, "cấp xã", before=False)) == 3321
    assert len(_units(areas, "cấp huyện", before=False)) == 0
    assert areas["id"].is_unique
    assert areas.iloc[0].to_dict() == {"id": "VN", "code": "VN", "name": "Việt Nam", "level": "quốc gia", "parent": "",
                                       "valid_from": "", "valid_to": "", "type": ""}


def test_id_scheme_codes_before_suffix_after(tables):
    areas, _ = tables
    by_id = areas.set_index("id")
    assert by_id.loc["00001", ["code", "name", "parent", "type"]].tolist() == \
        ["00001", "Phường Phúc Xá", "001", "Phường"]
    assert by_id.loc["001", ["name", "parent", "type"]].tolist() == ["Quận Ba Đình", "01", "Quận"]
    assert by_id.loc["01", "parent"] == "VN"
    new = by_id.loc["23235-2025"]
    assert [new["code"], new["name"], new["parent"], new["valid_from"], new["valid_to"]] == \
        ["23235", "Phường La Gi", "68-2025", "2025-07-01", ""]
    assert by_id.loc["68-2025", "parent"] == "VN"
    assert by_id.loc["68", "name"] == "Tỉnh Lâm Đồng" and by_id.loc["68", "valid_to"] == "2025-06-30"
    special = areas[areas["type"] == "Đặc khu"]
    assert len(special) == 13 and (special["id"].str.endswith("-2025")).all()


def test_the_tables_pass_the_core_validation(tables, core_tables):
    areas, crosswalk = tables
    area_table, walk = core_tables
    assert len(area_table) == len(areas) and len(walk) == len(crosswalk)
    assert sorted(area_table.children_in_year("594", 2024)) == \
        ["23231", "23232", "23234", "23235", "23237", "23245", "23246", "23248", "23268"]
    assert len(area_table.units_at("2025-07-01")) == 1 + 34 + 3321
    assert len(area_table.units_at("2025-06-30")) == 1 + 63 + 696 + 10035


def test_la_gi_maps_exactly_as_the_la_gi_tables(tables, core_tables):
    areas, crosswalk = tables
    area_table, walk = core_tables
    la_gi = pd.read_csv(DATA / "la-gi.csv", dtype=str, keep_default_na=False)
    la_gi_walk = pd.read_csv(DATA / "la-gi-crosswalk-2025.csv", dtype={"from": str, "to": str})
    code = dict(zip(la_gi["id"], la_gi["code"]))
    communes = la_gi_walk[la_gi_walk["from"].map(lambda i: la_gi.set_index("id").loc[i, "level"] in ("phường", "xã"))]
    expected = sorted((code[f], code[t] + "-2025", s)
                      for f, t, s in zip(communes["from"], communes["to"], communes["share"]))
    nine = sorted(code[i] for i in communes["from"])
    got = crosswalk[crosswalk["from"].isin(nine)]
    assert sorted(zip(got["from"], got["to"], got["share"])) == expected
    assert set(got["to"]) == {"23231-2025", "23235-2025", "23246-2025"}
    assert set(got["basis"]) == {"whole"}
    names = areas.set_index("id")["name"]
    assert {names[t] for t in got["to"]} == {"Phường La Gi", "Phường Phước Hội", "Xã Tân Hải"}
    assert walk.resolve("23234", area_table, "2025-07-01") == [("23235-2025", 1.0)]
    provinces = crosswalk[crosswalk["to"] == "68-2025"]
    assert sorted(provinces["from"]) == ["60", "67", "68"] and (provinces["share"] == 1).all()


def test_every_old_unit_has_a_successor_and_shares_sum_to_one(tables):
    areas, crosswalk = tables
    old_communes = set(_units(areas, "cấp xã", before=True)["id"])
    assert old_communes <= set(crosswalk["from"])
    assert set(_units(areas, "cấp tỉnh", before=True)["id"]) <= set(crosswalk["from"])
    new_communes = set(_units(areas, "cấp xã", before=False)["id"])
    assert new_communes == set(crosswalk.loc[crosswalk["to"].isin(new_communes), "to"])
    sums = crosswalk.groupby("from")["share"].sum()
    assert np.abs(sums - 1.0).max() < 1e-12
    assert (crosswalk["date"] == "2025-07-01").all()
    n = crosswalk.groupby("from")["to"].transform("size")
    assert ((n == 1) == (crosswalk["basis"] == "whole")).all()
    assert ((n > 1) == (crosswalk["basis"] == "equal")).all()
    assert np.allclose(crosswalk["share"], 1.0 / n)
    # the five island districts without communes became special zones (đặc khu), whole
    islands = crosswalk[crosswalk["from"].isin(set(_units(areas, "cấp huyện", before=True)["id"]))]
    assert sorted(islands["from"]) == ["318", "471", "498", "536", "755"]
    assert set(areas.set_index("id").loc[islands["to"], "type"]) == {"Đặc khu"}


def _a_divided_unit(crosswalk):
    counts = crosswalk.groupby("from")["to"].size()
    old = sorted(counts[counts == 2].index)[0]
    return old, sorted(crosswalk.loc[crosswalk["from"] == old, "to"])


def test_population_shares_replace_the_equal_shares(tables):
    _, default = tables
    old, (a, b) = _a_divided_unit(default)
    _, walk = chitieu.geography.vietnam(shares=pd.DataFrame({"from": [old, old], "to": [a, b], "share": [0.7, 0.3]}))
    rows = walk[walk["from"] == old].sort_values("to")
    assert rows["share"].tolist() == [0.7, 0.3] and set(rows["basis"]) == {"population"}
    assert len(walk) == len(default)
    others = walk[walk["from"] != old].sort_values(["from", "to"]).reset_index(drop=True)
    assert others.equals(default[default["from"] != old].sort_values(["from", "to"]).reset_index(drop=True))


def test_shares_that_do_not_sum_to_one_name_the_row(tables, tmp_path):
    _, default = tables
    old, (a, b) = _a_divided_unit(default)
    path = tmp_path / "shares.csv"
    path.write_text(f"from,to,share\n{old},{a},0.7\n{old},{b},0.4\n", encoding="utf-8")
    with pytest.raises(AreaError) as err:
        chitieu.geography.vietnam(shares=path)
    assert err.value.file == str(path) and err.value.line in (2, 3) and "sum" in err.value.message


def test_shares_to_a_unit_the_source_does_not_link_are_refused(tables):
    _, default = tables
    old, (a, _) = _a_divided_unit(default)
    with pytest.raises(AreaError) as err:
        chitieu.geography.vietnam(shares=pd.DataFrame({"from": [old, old], "to": [a, "23235-2025"],
                                                       "share": [0.5, 0.5]}))
    assert err.value.line == 2 and err.value.field == "to" and a in err.value.message
    with pytest.raises(AreaError) as err:
        chitieu.geography.vietnam(shares=pd.DataFrame({"from": ["594"], "to": ["23235-2025"], "share": [1.0]}))
    assert err.value.line == 1 and err.value.field == "from"


def test_a_missing_package_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "vietnamadminunits", None)
    monkeypatch.setitem(sys.modules, "vietnamadminunits.converter", None)
    with pytest.raises(ChitieuError, match=r"pip install 'chitieu\[vn\]'"):
        chitieu.geography.vietnam()


def test_cli_writes_both_tables(tmp_path, capsys):
    areas_path, walk_path = tmp_path / "areas.csv", tmp_path / "crosswalk.csv"
    assert main(["geography", "vietnam", "--areas", str(areas_path), "--crosswalk", str(walk_path)]) == 0
    assert "14150 areas" in capsys.readouterr().err
    areas = read_areas(str(areas_path))
    walk = read_crosswalk(str(walk_path))
    assert areas.frame["id"].iloc[1] == "01" and "00001" in set(areas.frame["code"])
    crosswalk_from_table(walk, areas_from_table(areas))  # what was written is valid
    assert len(walk.frame) == 10665


def test_cli_refuses_bad_shares_with_exit_2(tmp_path, capsys):
    shares = tmp_path / "shares.csv"
    shares.write_text("from,to,share\n594,23235-2025,1\n", encoding="utf-8")
    code = main(["geography", "vietnam", "--areas", str(tmp_path / "a.csv"), "--crosswalk", str(tmp_path / "c.csv"),
                 "--shares", str(shares)])
    assert code == 2
    assert f"{shares}:2: from:" in capsys.readouterr().err

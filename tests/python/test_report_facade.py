"""What the Evaluation's reports show a new user: names not ids, the language asked for,
same-name units told apart, English target phrases in the English terminal table.
The sample data are illustrative, not official statistics."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from conftest import AREAS, OBSERVATIONS

import chitieu
from chitieu import _core


@pytest.fixture(scope="module")
def ev() -> Any:
    return chitieu.evaluate(chitieu.load_plan("la-gi-2024"), OBSERVATIONS, areas=AREAS)


def test_same_name_units_carry_their_validity(ev: Any, tmp_path: Path) -> None:
    assert ev.area_names["phuong-phuoc-hoi"] == "Phường Phước Hội (– 30/06/2025)"
    assert ev.area_names["phuong-phuoc-hoi-2025"] == "Phường Phước Hội (01/07/2025 –)"
    assert ev.area_names["la-gi"] == "La Gi"  # a unique name stays as it is
    ev.to_excel(tmp_path / "r.xlsx")
    shown = {c.value for c in load_workbook(tmp_path / "r.xlsx")["Chi tiết"]["F"]}
    assert {"Phường Phước Hội (– 30/06/2025)", "Phường Phước Hội (01/07/2025 –)"} <= shown
    ev.to_html(tmp_path / "r.html")
    assert "Phường Phước Hội (01/07/2025 –)" in (tmp_path / "r.html").read_text(encoding="utf-8")
    ev.to_docx(tmp_path / "new.docx", area="phuong-phuoc-hoi-2025")
    head = Document(str(tmp_path / "new.docx")).tables[0].rows[0].cells[0].text
    assert "PHƯỜNG PHƯỚC HỘI (01/07/2025 –)" in head
    ax = ev.plot("trajectory", indicator="income_per_capita", area="phuong-phuoc-hoi")
    assert ax._left_title.get_text().endswith("— Phường Phước Hội (– 30/06/2025)")


def test_notebook_table_follows_lang_and_names_areas(ev: Any) -> None:
    vi = ev._repr_html_()
    assert "Chỉ tiêu" in vi and "Phường Phước Hội (– 30/06/2025)" in vi
    ev.lang = "en"
    try:
        en = ev._repr_html_()
    finally:
        ev.lang = "vi"
    assert "Indicator" in en and "Chỉ tiêu" not in en and "Income per capita" in en


def test_english_terminal_table_shows_english_targets(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(OBSERVATIONS), "--areas", str(AREAS),
            "--lang", "en")
    assert r.code == 0
    plan = chitieu.load_plan("la-gi-2024")
    english = _core.format_target(plan.indicator("unemployment_rate").target, "en")
    assert english in r.out
    assert "tăng từ 2,0 đến 2,6 lần" not in r.out and "khoảng 60%" not in r.out

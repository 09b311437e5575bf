"""The Excel workbook (chitieu.report.excel), re-read with openpyxl."""
from __future__ import annotations

import pathlib

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import report_fixtures as F
from chitieu.report import STATUS_COLOURS, write_excel
from chitieu.report.excel import NUMBER_FORMATS


def _rows(ws: Worksheet, header_row: int) -> list[dict[str, object]]:
    heads = [c.value for c in ws[header_row]]
    return [dict(zip(heads, (c.value for c in row)))
            for row in ws.iter_rows(min_row=header_row + 1)]


@pytest.fixture(scope="module")
def vi_book(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("xlsx") / "la-gi.xlsx"
    assert write_excel(path, F.frame(), F.plan(), F.summary(), F.findings(), lang="vi") == path
    return path


def test_sheets_and_title(vi_book: pathlib.Path) -> None:
    wb = load_workbook(vi_book)
    assert wb.sheetnames == ["Tổng hợp", "Chi tiết", "Phát hiện"]
    assert wb.properties.title == "Kế hoạch thực hiện Nghị quyết 42-NQ/TW của thị xã La Gi"
    assert wb["Tổng hợp"]["A1"].value == wb.properties.title


def test_summary_sheet(vi_book: pathlib.Path) -> None:
    ws = load_workbook(vi_book)["Tổng hợp"]
    heads = [c.value for c in ws[3]]
    assert heads[:8] == ["Lĩnh vực", "Số chỉ tiêu", "Có số liệu", "Vượt", "Đạt", "Không đạt",
                         "Chưa có số liệu", "Chưa đánh giá"]
    assert heads[-2:] == ["Điểm (0–100)", "Đủ số liệu"]
    assert "Nhịp độ: Đúng tiến độ" in heads  # pace columns with any count
    assert ws["E3"].fill.fgColor.rgb == "00" + STATUS_COLOURS["met"].lstrip("#")
    rows = _rows(ws, 3)
    assert [r["Lĩnh vực"] for r in rows] == ["Lao động, việc làm", "An sinh xã hội",
                                             "Dịch vụ xã hội cơ bản", "Toàn kế hoạch"]
    services, total = rows[2], rows[3]
    # services: doctors exceeded; health insurance, preschool met; stunting not met
    assert (services["Vượt"], services["Đạt"], services["Không đạt"]) == (1, 2, 1)
    assert services["Điểm (0–100)"] == pytest.approx((300 + 100 * 0.6 / 2.2) / 4)
    assert services["Đủ số liệu"] == "Có" and rows[0]["Đủ số liệu"] == "Không"
    assert rows[0]["Điểm (0–100)"] is None  # NaN score: an empty cell, not 0
    assert total["Số chỉ tiêu"] == 10
    assert ws.freeze_panes == "B4"
    assert ws.auto_filter.ref == f"A3:{ws.cell(row=3, column=len(heads)).column_letter}7"


def test_detail_sheet_words_numbers_and_formats(vi_book: pathlib.Path) -> None:
    ws = load_workbook(vi_book)["Chi tiết"]
    heads = [c.value for c in ws[1]]
    for word in ("Mã chỉ tiêu", "Chỉ tiêu", "Địa bàn", "Năm", "Giá trị", "Tình trạng",
                 "Nhịp độ", "Xác suất đạt"):
        assert word in heads
    rows = _rows(ws, 1)
    assert len(rows) == len(F.frame())
    health = next(r for r in rows if r["Mã chỉ tiêu"] == "health_insurance"
                  and r["Địa bàn"] == "la-gi" and r["Năm"] == 2024)
    assert health["Chỉ tiêu"] == "Dân số tham gia BHYT"
    assert health["Giá trị"] == 95.6  # percent stays a 0-100 number
    assert health["Tình trạng"] == "Đạt"
    assert health["Nhịp độ"] == "Đã đạt"
    assert health["Mục tiêu (nguyên văn kế hoạch)"] == "trên 95%"
    assert health["Đơn vị"] == "%"
    statuses = {r["Tình trạng"] for r in rows}
    assert statuses == {"Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đánh giá"}
    r = 2 + rows.index(health)
    col = {h: i + 1 for i, h in enumerate(heads)}
    assert ws.cell(r, col["Giá trị"]).number_format == NUMBER_FORMATS["percent"] == '0.0" %"'
    assert ws.cell(r, col["Xác suất đạt"]).number_format == "0%"
    assert ws.cell(r, col["Tình trạng"]).fill.fgColor.rgb == "00009E73"
    jobs = next(i for i, x in enumerate(rows) if x["Mã chỉ tiêu"] == "new_jobs")
    assert rows[jobs]["Giá trị"] == 2500  # count
    assert ws.cell(2 + jobs, col["Giá trị"]).number_format == "#,##0"
    income = next(i for i, x in enumerate(rows) if x["Mã chỉ tiêu"] == "income_ratio"
                  and x["Năm"] == 2024)
    # value in money, assessed on the ratio scale: 5.40 / 4.23 = 1.2766
    assert ws.cell(2 + income, col["Giá trị"]).number_format == "#,##0.00"
    assert ws.cell(2 + income, col["Giá trị so sánh"]).number_format == "0.00"
    assert rows[income]["Giá trị so sánh"] == pytest.approx(5.40 / 4.23)
    doctors = next(i for i, x in enumerate(rows) if x["Mã chỉ tiêu"] == "doctors")
    assert ws.cell(2 + doctors, col["Giá trị"]).number_format == "0.0"  # per_10k
    living = next(x for x in rows if x["Mã chỉ tiêu"] == "minimum_living")
    assert living["Giá trị"] is None and living["Xác suất đạt"] is None
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:S{len(rows) + 1}"
    assert ws.column_dimensions["B"].width >= len("Trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi")


def test_summary_sheet_says_which_area_and_year(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "r.xlsx"
    write_excel(path, F.frame(), F.plan(), F.summary(year=2023), lang="vi", area_names={"la-gi": "Thị xã La Gi"})
    assert load_workbook(path)["Tổng hợp"]["A2"].value == "Địa bàn: Thị xã La Gi (la-gi) · năm đánh giá: 2023"
    write_excel(path, F.frame(), F.plan(), F.summary(area="tan-hai"), lang="en")
    assert load_workbook(path)["Summary"]["A2"].value == "Area: tan-hai · year reviewed: 2024"


def test_detail_sheet_tells_same_name_units_apart_by_id(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "r.xlsx"
    names = {"phuoc-hoi": "Phường Phước Hội", "tan-hai": "Phường Phước Hội"}
    write_excel(path, F.frame(), F.plan(), F.summary(), lang="vi", area_names=names)
    rows = _rows(load_workbook(path)["Chi tiết"], 1)
    pairs = {(r["Địa bàn"], r["Mã địa bàn"]) for r in rows}
    assert ("Phường Phước Hội", "phuoc-hoi") in pairs and ("Phường Phước Hội", "tan-hai") in pairs


def test_percent_margins_are_percentage_points(vi_book: pathlib.Path, tmp_path: pathlib.Path) -> None:
    ws = load_workbook(vi_book)["Chi tiết"]
    heads = [c.value for c in ws[1]]
    col = heads.index("Chênh lệch so với mục tiêu") + 1
    rows = _rows(ws, 1)
    health = 2 + next(i for i, r in enumerate(rows) if r["Mã chỉ tiêu"] == "health_insurance")
    assert ws.cell(health, col).number_format == '+0.0" điểm %";-0.0" điểm %";0.0" điểm %"'
    jobs = 2 + next(i for i, r in enumerate(rows) if r["Mã chỉ tiêu"] == "new_jobs")
    assert ws.cell(jobs, col).number_format == "#,##0"  # a count margin stays a count
    path = tmp_path / "en.xlsx"
    write_excel(path, F.frame(), F.plan(), F.summary(), lang="en")
    en = load_workbook(path)["Detail"]
    assert en.cell(health, [c.value for c in en[1]].index("Margin") + 1).number_format == '+0.0" pp";-0.0" pp";0.0" pp"'


def test_findings_sheet(vi_book: pathlib.Path) -> None:
    ws = load_workbook(vi_book)["Phát hiện"]
    rows = _rows(ws, 1)
    assert rows == [{"Loại": "own_differs", "Chỉ tiêu": "Tỷ lệ thất nghiệp", "Địa bàn": "la-gi",
                     "Năm": 2024, "Số liệu riêng": 2.1, "Số tổng hợp": 2.3,
                     "Nội dung": "giá trị riêng 2,1 khác số tổng hợp 2,3 <kiểm tra>"}]


def test_english_workbook_without_findings(tmp_path: pathlib.Path) -> None:
    path = write_excel(tmp_path / "en.xlsx", F.frame(), F.plan(), F.summary(), None, lang="en",
                       area_names={"la-gi": "La Gi town"})
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Detail"]
    rows = _rows(wb["Detail"], 1)
    assert {"Indicator", "Area", "Year", "Value", "Status"} <= set(rows[0])
    assert rows[0]["Area"] == "La Gi town"
    assert {r["Status"] for r in rows} == {"Exceeded", "Met", "Not met", "No data",
                                           "Not assessed"}
    assert [c.value for c in wb["Summary"][3]][:4] == ["Domain", "Indicators", "With data",
                                                       "Exceeded"]


def test_excel_refuses_unknown_language(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError, match="'fr'"):
        write_excel(tmp_path / "x.xlsx", F.frame(), F.plan(), F.summary(), lang="fr")
    assert not (tmp_path / "x.xlsx").exists()

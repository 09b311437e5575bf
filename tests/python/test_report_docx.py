"""The Word review (``Evaluation.to_docx``, ``--format docx``): read back as a person reads it.

The document is re-read with python-docx (header, title, one complete table per domain, every
indicator with its name and target phrase, figures in Vietnamese number format, page setup and
fonts) and rendered to PDF by LibreOffice headless and to PNG by pdftoppm (pages exist and are
not blank). The sample data are illustrative, not official statistics.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from docx import Document
from docx.shared import Pt

import chitieu
from chitieu import _core
from chitieu.report import labels
from chitieu.report.docx import at_risk
from conftest import AREAS, OBSERVATIONS


@pytest.fixture(scope="module")
def plan() -> chitieu.Plan:
    return chitieu.load_plan("la-gi-2024")


@pytest.fixture(scope="module")
def ev(plan: chitieu.Plan) -> Any:
    return chitieu.evaluate(plan, OBSERVATIONS, areas=AREAS)


@pytest.fixture(scope="module")
def vi_doc(ev: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "so-ket.docx"
    ev.to_docx(path)
    return path


def _texts(doc: Any) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _result_tables(doc: Any, first_header: str) -> list[Any]:
    return [t for t in doc.tables if t.rows[0].cells[0].text == first_header and len(t.columns) == 7
            and t.rows[0].cells[1].text in ("Chỉ tiêu", "Indicator")]


def test_header_block_and_title(vi_doc: Path, plan: chitieu.Plan, ev: Any) -> None:
    doc = Document(str(vi_doc))
    head = doc.tables[0].rows[0].cells
    assert plan.issuer.upper() in head[0].text and "LA GI" in head[0].text
    assert "Số: …/BC-…" in head[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head[1].text
    assert "Độc lập - Tự do - Hạnh phúc" in head[1].text
    assert "La Gi, ngày … tháng … năm …" in head[1].text
    paras = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in paras
    assert f"Sơ kết việc thực hiện {plan.title.vi}" in paras
    latest = int(ev.summary().attrs["year"])
    assert f"Năm đánh giá: {latest} — năm gần nhất có số liệu của địa bàn." in "\n".join(paras)
    for heading in ("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "II. ĐÁNH GIÁ CHUNG",
                    "III. CÁC CHỈ TIÊU CÓ NGUY CƠ KHÔNG ĐẠT", "IV. SỐ LIỆU CÒN THIẾU"):
        assert heading in paras


def test_one_complete_table_per_domain_with_every_indicator(vi_doc: Path, plan: chitieu.Plan, ev: Any) -> None:
    doc = Document(str(vi_doc))
    tables = _result_tables(doc, "STT")
    assert len(tables) == len(plan.domains)
    year = int(ev.summary().attrs["year"])
    statuses = ev.summary().attrs["statuses"]
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == ["STT", "Chỉ tiêu", "Mục tiêu đến năm 2030", f"Thực hiện năm {year}", "So với mục tiêu",
                      "Đánh giá", "Khả năng đạt"]
    for domain, table in zip(plan.domains, tables):
        members = [i for i in plan.indicators if i.domain == domain.id]
        assert len(table.rows) == len(members) + 1
        for k, (ind, row) in enumerate(zip(members, table.rows[1:]), start=1):
            cells = [c.text for c in row.cells]
            assert cells[0] == str(k)
            assert cells[1].startswith(ind.name.vi)
            assert cells[2] == ind.target_phrase
            assert cells[5] == labels.label("status", statuses[ind.id], "vi")  # the summary's own status


def test_figures_in_vietnamese_format_and_points(vi_doc: Path, plan: chitieu.Plan, ev: Any) -> None:
    doc = Document(str(vi_doc))
    frame = ev.to_frame()
    year = int(ev.summary().attrs["year"])
    row = frame[(frame["indicator"] == "unemployment_rate") & (frame["area"] == "la-gi") & (frame["year"] == year)]
    assert len(row) == 1
    cells = next(r for t in _result_tables(doc, "STT") for r in t.rows
                 if r.cells[1].text.startswith(plan.indicator("unemployment_rate").name.vi)).cells
    value, margin = float(row["value"].iloc[0]), float(row["margin"].iloc[0])
    assert cells[3].text == labels.format_value(value, "percent", "vi") and "," in cells[3].text
    assert cells[4].text == labels.format_margin(margin, "percent", "vi") and cells[4].text.endswith("điểm %")
    status = labels.label("status", str(row["status"].iloc[0]), "vi")
    assert cells[5].text == status
    probability = labels.format_probability(float(row["p_meet"].iloc[0]), "vi")
    assert cells[6].text.split("\n")[0] == probability.replace(" ", "\u00a0")  # kept on one line


def test_overview_counts_come_from_the_summary(vi_doc: Path, ev: Any) -> None:
    text = _texts(Document(str(vi_doc)))
    plan_row = ev.summary().query("level == 'plan'").iloc[0]
    expected = (f"Trong tổng số {plan_row['indicators']} chỉ tiêu của Kế hoạch, {plan_row['with_data']} chỉ tiêu "
                f"có số liệu năm {ev.summary().attrs['year']}: {plan_row['exceeded']} chỉ tiêu vượt, "
                f"{plan_row['met']} chỉ tiêu đạt và {plan_row['not_met']} chỉ tiêu chưa đạt")
    assert expected in text


def test_at_risk_section_lists_the_risky_indicators_with_figures(vi_doc: Path, ev: Any, plan: chitieu.Plan) -> None:
    doc = Document(str(vi_doc))
    frame = ev.to_frame()
    year = int(ev.summary().attrs["year"])
    rows = frame[(frame["area"] == "la-gi") & (frame["year"] <= year)].sort_values("year")
    latest = rows.groupby("indicator", observed=True).tail(1)
    risky = [str(r["indicator"]) for _, r in latest.iterrows() if at_risk(r)]
    assert risky, "the sample has indicators at risk"
    paras = [p.text for p in doc.paragraphs]
    start, end = paras.index("III. CÁC CHỈ TIÊU CÓ NGUY CƠ KHÔNG ĐẠT"), paras.index("IV. SỐ LIỆU CÒN THIẾU")
    section = paras[start:end]
    order = [i.id for i in plan.indicators if i.id in risky]
    titles = [p for p in section if re.match(r"^\d+\. ", p)]
    assert titles == [f"{k}. {plan.indicator(i).name.vi}" for k, i in enumerate(order, start=1)]
    figures = [p for p in section if p.startswith("Hình ")]
    assert len(doc.inline_shapes) == len(figures) >= 1


def test_page_setup_and_fonts(vi_doc: Path) -> None:
    doc = Document(str(vi_doc))
    s = doc.sections[0]
    mm = {k: round(getattr(s, k).mm, 1) for k in ("page_width", "page_height", "top_margin", "bottom_margin",
                                                    "left_margin", "right_margin")}
    assert (mm["page_width"], mm["page_height"]) == (210.0, 297.0)  # A4 portrait, to the twip
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and Pt(13) <= normal.font.size <= Pt(14)
    for name in ("Heading 1", "Heading 2"):
        assert doc.styles[name].font.name == "Times New Roman"
    assert not [r.font.name for p in doc.paragraphs for r in p.runs if r.font.name not in (None, "Times New Roman")]


def test_english_version(ev: Any, plan: chitieu.Plan, tmp_path: Path) -> None:
    path = tmp_path / "review-en.docx"
    ev.to_docx(path, lang="en", kind="tong-ket", year=2024)
    doc = Document(str(path))
    text = _texts(doc)
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text and "REPORT" in text
    assert f"Final review of the implementation of the {plan.title.en}" in text
    assert "Year reviewed: 2024." in text and "Achieved in 2024" in text
    rows = [r for t in _result_tables(doc, "No.") for r in t.rows[1:]]
    assert len(rows) == len(plan.indicators)
    for ind, row in zip(plan.indicators, rows):
        assert row.cells[1].text.startswith(ind.name.en)
        assert row.cells[2].text == _core.format_target(ind.target, "en")
    assert "Sơ kết" not in text and "Chưa có số liệu" not in text


def test_area_is_never_chosen_silently(plan: chitieu.Plan, tmp_path: Path) -> None:
    obs = pd.read_csv(OBSERVATIONS, comment="#")
    wards = chitieu.evaluate(plan, obs[obs["area"].isin(["phuong-phuoc-loc", "xa-tan-tien"])])
    with pytest.raises(chitieu.ChitieuError, match=r"choose one with area=.*phuong-phuoc-loc, xa-tan-tien"):
        wards.to_docx(tmp_path / "x.docx")
    with pytest.raises(chitieu.ChitieuError, match=r"area 'nowhere' has no rows.*phuong-phuoc-loc"):
        wards.to_docx(tmp_path / "x.docx", area="nowhere")
    with pytest.raises(chitieu.ChitieuError, match="review kind 'giua-ky'"):
        wards.to_docx(tmp_path / "x.docx", area="xa-tan-tien", kind="giua-ky")
    with pytest.raises(chitieu.ChitieuError, match=r"no rows in 2019: years with rows there: 2020–2024"):
        wards.to_docx(tmp_path / "x.docx", area="xa-tan-tien", year=2019)
    wards.to_docx(tmp_path / "ward.docx", area="xa-tan-tien")
    assert "XÃ TÂN TIẾN" not in _texts(Document(str(tmp_path / "ward.docx")))  # no area names given: the id
    assert "XA-TAN-TIEN" in _texts(Document(str(tmp_path / "ward.docx")))
    one = chitieu.evaluate(plan, obs[obs["area"] == "xa-tan-tien"])
    one.to_docx(tmp_path / "one.docx")  # a single area is the only choice
    assert "XA-TAN-TIEN" in _texts(Document(str(tmp_path / "one.docx")))


def test_cli_format_docx(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bc.docx"
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(OBSERVATIONS), "--areas", str(AREAS),
            "--format", "docx", "--kind", "tong-ket", "--output", str(out))
    assert r.code == 0 and f"wrote {out}" in r.err
    assert "Tổng kết việc thực hiện" in _texts(Document(str(out)))
    r = cli("evaluate", "--plan", "la-gi-2024", "--data", str(OBSERVATIONS), "--format", "docx")
    assert r.code == 2 and "--format docx needs --output PATH" in r.err


def _render(docx_path: Path, tmp_path: Path) -> list[Path]:
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert pdf.stat().st_size > 10_000
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=300)
    return sorted(tmp_path.glob("page-*.png"))


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) or poppler (pdftoppm) is missing: scripts/setup.sh installs them")
def test_renders_to_pdf_pages_that_are_not_blank(vi_doc: Path, tmp_path: Path) -> None:
    from PIL import Image, ImageStat

    pages = _render(vi_doc, tmp_path)
    assert len(pages) >= 4
    for page in pages:
        with Image.open(page) as img:
            width, height = img.size
            assert abs(height / width - 297 / 210) < 0.02  # A4 portrait
            grey = img.convert("L")
            assert ImageStat.Stat(grey).extrema[0][0] < 100, f"{page.name} is blank"


def test_money_unit_shows_its_scale(vi_doc: Path, plan: chitieu.Plan) -> None:
    income = plan.indicator("income_per_capita")
    assert income.unit == "money" and income.unit_text.vi == "triệu đồng/người/tháng"
    cells = [r.cells[1].text for t in _result_tables(Document(str(vi_doc)), "STT") for r in t.rows]
    assert "Thu nhập bình quân đầu người (triệu đồng/người/tháng)" in cells
    assert labels.indicator_unit({"unit": "money"}, "vi") == "tiền"  # no unit_text: the unit's label
    assert labels.indicator_unit(plan.to_dict()["indicators"][0], "en") == "million VND per person per month"

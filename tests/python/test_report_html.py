"""The self-contained HTML review and the notebook table (chitieu.report.html)."""
from __future__ import annotations

import pathlib
import re

import pytest
from markupsafe import escape

import report_fixtures as F
from chitieu.report import STATUS_COLOURS, notebook_table, render_html, write_html
from chitieu.report.html import method_of


@pytest.fixture(scope="module")
def vi_report() -> str:
    return render_html(F.frame(), F.plan(), F.summary(), F.findings(), lang="vi")


def _article(doc: str, indicator: str) -> str:
    m = re.search(rf'<article class="indicator" id="indicator-{indicator}".*?</article>', doc,
                  re.S)
    assert m, indicator
    return m.group(0)


def test_vietnamese_report_structure(vi_report: str) -> None:
    doc = vi_report
    assert doc.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
    assert "<h1>Kế hoạch thực hiện Nghị quyết 42-NQ/TW của thị xã La Gi</h1>" in doc
    assert "<dt>Địa bàn</dt><dd>la-gi</dd>" in doc
    assert "<dt>Năm đánh giá</dt><dd>2024</dd>" in doc
    assert doc.count('<article class="indicator"') == 10
    assert doc.count('<section id="domain-') == 3
    # domains in plan order, each indicator under its own domain
    order = [doc.index(f'id="domain-{d}"') for d in ("labour", "security", "services")]
    assert order == sorted(order)
    assert order[2] < doc.index('id="indicator-doctors"')
    for word in ("Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đánh giá"):
        assert f">{word}</span>" in doc
    assert doc.count('<span class="flag">phấn đấu</span>') == 2


def test_self_contained_no_scripts_no_external_urls(vi_report: str) -> None:
    doc = vi_report
    assert "<script" not in doc and "<link" not in doc and "<img" not in doc
    assert not re.search(r'(?:src|href)\s*=\s*"(?!#)', doc)
    assert not re.search(r"url\((?!#)", doc)
    assert "<style>" in doc


def test_every_chart_is_inline_svg(vi_report: str) -> None:
    # domain bars + the area dashboard + one trajectory per indicator with >= 2 assessed points
    # in la-gi: income, unemployment, trained labour, social insurance, health insurance,
    # doctors, stunting = 7 (new jobs has no running sum before 2026; preschool one point).
    assert vi_report.count("<svg") == 2 + 7
    assert vi_report.count("Chưa đủ hai điểm số liệu để vẽ xu hướng.") == 3


def test_indicator_facts_in_vietnamese(vi_report: str) -> None:
    health = _article(vi_report, "health_insurance")
    assert 'data-status="met"' in health
    assert "«&#8239;trên 95%&#8239;»" in health  # the plan's own words
    assert "<td>&gt; 95 %</td>" in health  # read as, escaped
    assert '<td class="value">95,6 %</td>' in health
    assert "Số liệu mới nhất (2024)" in health
    assert "Đã đạt" in health  # pace achieved
    assert "<td>+0,6 điểm %</td>" in health  # margin 95.6 - 95 = 0.6 percentage points
    assert f"background:{STATUS_COLOURS['met']}" in health
    doctors = _article(vi_report, "doctors")
    assert ">Vượt</span>" in doctors
    living = _article(vi_report, "minimum_living")
    assert ">Chưa đánh giá</span>" in living and "Không áp dụng" in living
    income = _article(vi_report, "income_ratio")
    # assessed = 5.40 / 4.23 = 1.2766 -> "1,28" (ratio scale, two decimals)
    assert "<td>1,28</td>" in income
    # the fixture's p_meet for income is ~1e-10: not a certain failure, so "< 1 %", never "0 %"
    assert "<td>&lt; 1 %</td>" in income


def test_summary_table_and_findings(vi_report: str) -> None:
    table = re.search(r'<section id="summary".*?</table>', vi_report, re.S)
    assert table
    rows = re.findall(r"<tr( class=\"total\")?>\s*<th scope=\"row\" class=\"text\">(.*?)</th>",
                      table.group(0))
    assert [r[1] for r in rows] == ["Lao động, việc làm", "An sinh xã hội",
                                    "Dịch vụ xã hội cơ bản", "Toàn kế hoạch"]
    assert rows[-1][0]  # the plan row is the bold total
    assert "<td>81,8</td>" in table.group(0)
    findings = vi_report[vi_report.index('<section id="findings"'):]
    assert "Tỷ lệ thất nghiệp" in findings
    # the finding's message is escaped, never markup
    assert "&lt;kiểm tra&gt;" in findings and "<kiểm tra>" not in vi_report


def test_footer_names_source_and_method(vi_report: str) -> None:
    footer = vi_report[vi_report.index("<footer>"):]
    assert "Kế hoạch số 2024 (mẫu)" in footer
    assert "hồi quy tuyến tính" in footer


def test_english_report() -> None:
    doc = render_html(F.frame(), F.plan(), F.summary(), None, lang="en")
    assert '<html lang="en">' in doc
    assert "<h1>La Gi town plan implementing Resolution 42-NQ/TW</h1>" in doc
    assert ">Not met</span>" in doc and ">Exceeded</span>" in doc
    assert '<td class="value">95.6 %</td>' in doc
    assert doc.count('<span class="flag">aspirational</span>') == 2
    assert "No findings." in doc
    assert "«&#8239;trên 95%&#8239;»" in doc  # the plan's words stay Vietnamese


def test_area_year_and_area_names() -> None:
    doc = render_html(F.frame(), F.plan(), F.summary(), lang="vi", area="phuoc-hoi",
                      year=2023, area_names={"phuoc-hoi": "Phường Phước Hội"})
    assert "<dt>Địa bàn</dt><dd>Phường Phước Hội</dd>" in doc
    health = _article(doc, "health_insurance")
    assert '<td class="value">96,0 %</td>' in health and "(2023)" in health
    income = _article(doc, "income_ratio")  # no rows in this ward
    assert ">Chưa có số liệu</span>" in income


def test_html_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="no rows for area 'binh-tan'"):
        render_html(F.frame(), F.plan(), F.summary(), area="binh-tan")
    with pytest.raises(ValueError, match="'de'"):
        render_html(F.frame(), F.plan(), F.summary(), lang="de")
    with pytest.raises(ValueError, match="lacks the columns p_meet"):
        render_html(F.frame().drop(columns="p_meet"), F.plan(), F.summary())


def test_method_is_declared_or_inferred() -> None:
    frame = F.frame()
    assert method_of(frame) == "chitieu"
    sdg = frame.copy()
    sdg["pace"] = sdg["pace"].astype(str).replace({"moderate": "limited_progress"})
    assert method_of(sdg) == "open_sdg"
    sdg.attrs["method"] = "sdsn"
    assert method_of(sdg) == "sdsn"
    sdg.attrs["method"] = "guess"
    with pytest.raises(ValueError, match="'guess'"):
        method_of(sdg)


def test_write_html_writes_utf8(tmp_path: pathlib.Path) -> None:
    out = write_html(tmp_path / "r.html", F.frame(), F.plan(), F.summary(), lang="vi")
    assert out == tmp_path / "r.html"
    assert "Tỷ lệ thất nghiệp" in out.read_text(encoding="utf-8")


def test_notebook_table_is_compact_coloured_and_truncated() -> None:
    frame = F.frame()
    text = notebook_table(frame, F.plan(), lang="vi", max_rows=5)
    assert text.count("<tr style=\"border-bottom:1px solid #ddd\">") == 5
    assert f"… {len(frame) - 5} dòng khác không hiển thị" in text
    assert "<th style=\"text-align:left;padding:3px 8px\">Tình trạng</th>" in text
    # first rows are income per capita, 2020-2024: ratio 1.00 in 2020, not met
    assert "Thu nhập bình quân đầu người" in text
    assert f"background:{STATUS_COLOURS['not_met']};color:#000000\">Không đạt" in text
    whole = notebook_table(frame, F.plan(), lang="en")
    assert "more rows" not in whole and "Not met" in whole
    with pytest.raises(ValueError, match="max_rows is 0"):
        notebook_table(frame, F.plan(), max_rows=0)


def test_text_from_the_plan_is_escaped() -> None:
    plan = F.plan()
    plan["indicators"][0]["name"] = {"vi": "<b>Thu nhập</b> & \"giá\"", "en": "x"}
    doc = render_html(F.frame(), plan, F.summary(), lang="vi")
    assert "<b>Thu nhập</b>" not in doc
    assert str(escape("<b>Thu nhập</b> & \"giá\"")) in doc


def test_empty_frame_is_refused() -> None:
    with pytest.raises(ValueError, match="no rows"):
        render_html(F.frame().iloc[0:0], F.plan(), F.summary())

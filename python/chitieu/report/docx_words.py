"""The words of the Word review (:mod:`chitieu.report.docx`), in Vietnamese and English.

Kept apart from :mod:`chitieu.report.labels` (the words every report shares): these are the
phrases of an administrative report — its header, title, section headings and the sentences
of the overview — with ``{placeholders}`` filled by :func:`chitieu.report.docx.write_docx`.
"""
from __future__ import annotations

from typing import Final, get_args

from chitieu.choices import ReviewKind
from chitieu.errors import ChitieuError
from chitieu.report.labels import check_lang

KINDS: Final = get_args(ReviewKind)

WORDS: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "draft": "DỰ THẢO",
        "number": "Số: …/BC-…",
        "republic": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "place_date": "{place}, ngày … tháng … năm …",
        "report": "BÁO CÁO",
        "so-ket": "Sơ kết",
        "tong-ket": "Tổng kết",
        "title": "{kind} việc thực hiện {plan}",
        "scope": "(Địa bàn: {area}; số liệu đến năm {year})",
        "intro": ("Thực hiện {plan} (sau đây gọi tắt là Kế hoạch), báo cáo {kind} kết quả thực hiện "
                  "các chỉ tiêu chủ yếu đến năm {target_year} trên địa bàn {area} như sau:"),
        "year_latest": "Năm đánh giá: {year} — năm gần nhất có số liệu của địa bàn.",
        "year_given": "Năm đánh giá: {year}.",
        "year_rule": ("Các chỉ tiêu được đánh giá theo số liệu năm {year}; chỉ tiêu chưa có số liệu "
                      "năm {year} ghi số liệu gần nhất, năm của số liệu trong ngoặc, và chưa được đánh giá."),
        "results": "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "overview": "II. ĐÁNH GIÁ CHUNG",
        "at_risk": "III. CÁC CHỈ TIÊU CÓ NGUY CƠ KHÔNG ĐẠT",
        "gaps": "IV. SỐ LIỆU CÒN THIẾU",
        "col_no": "STT",
        "col_indicator": "Chỉ tiêu",
        "col_target": "Mục tiêu đến năm {target_year}",
        "col_value": "Thực hiện năm {year}",
        "col_margin": "So với mục tiêu",
        "col_status": "Đánh giá",
        "col_outlook": "Khả năng đạt",
        "counts": ("Trong tổng số {n} chỉ tiêu của Kế hoạch, {with_data} chỉ tiêu có số liệu năm "
                   "{year}: {exceeded} chỉ tiêu vượt, {met} chỉ tiêu đạt và {not_met} chỉ tiêu chưa đạt "
                   "mục tiêu đến năm {target_year}; {no_data} chỉ tiêu chưa có số liệu, {not_assessed} "
                   "chỉ tiêu chưa đánh giá được."),
        "paces": "Về nhịp độ thực hiện: {list}.",
        "pace_item": "{n} chỉ tiêu {label}",
        "score_plan": "Điểm thực hiện toàn Kế hoạch (thang 0–100): {score}.",
        "score_missing": ("Chưa tính điểm toàn Kế hoạch: chưa đủ số liệu (cần ít nhất 80 % số chỉ tiêu "
                          "có số liệu)."),
        "domain_table": "Kết quả theo lĩnh vực:",
        "col_domain": "Lĩnh vực",
        "col_indicators": "Số chỉ tiêu",
        "col_with_data": "Có số liệu",
        "col_score": "Điểm (0–100)",
        "coverage": "Độ bao phủ số liệu: {with_data}/{n} chỉ tiêu có số liệu của địa bàn năm {year}.",
        "coverage_low": ("Số liệu tổng hợp chưa phủ hết địa bàn ở {n} chỉ tiêu: {list}."),
        "risk_rule": ("Các chỉ tiêu dưới đây có xác suất đạt mục tiêu dưới 50 % hoặc đang đi lùi "
                      "(theo số liệu đến năm {year})."),
        "risk_none": ("Không có chỉ tiêu nào có xác suất đạt dưới 50 % hoặc đang đi lùi (theo số liệu "
                      "đến năm {year})."),
        "risk_line": ("Thực hiện năm {row_year}: {value}; mục tiêu: {target}; đánh giá: {status}; "
                      "dự báo năm {target_year}: {projected}; xác suất đạt: {p}; nhịp độ: {pace}."),
        "figure": "Hình {k}. {name}: số liệu, xu hướng và vùng mục tiêu",
        "no_figure": "(Chưa đủ hai điểm số liệu để vẽ diễn biến.)",
        "gaps_none": "Tất cả các chỉ tiêu đều có số liệu và được đánh giá.",
        "gap_no_data": "Chưa có số liệu năm {year} ({n} chỉ tiêu):",
        "gap_not_assessed": "Chưa đánh giá được năm {year} ({n} chỉ tiêu):",
        "gap_item_stale": "{name} (số liệu gần nhất năm {row_year})",
        "gap_advice": ("Đề nghị các cơ quan, đơn vị được giao theo dõi chỉ tiêu bổ sung số liệu để "
                       "đánh giá đầy đủ."),
        "recipients": "Nơi nhận:",
        "recipient_above": "- Như trên;",
        "recipient_archive": "- Lưu: VT.",
        "signer": "(Chức vụ người ký)",
        "signature": "(Ký, ghi rõ họ tên, đóng dấu)",
        "method": "Ghi chú về phương pháp: {method}",
        "sample_of": "Báo cáo lập bằng chitieu {version} từ số liệu đã cung cấp; cần rà soát trước khi ban hành.",
    },
    "en": {
        "draft": "DRAFT",
        "number": "No.: …/BC-…",
        "republic": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto": "Independence - Freedom - Happiness",
        "place_date": "{place}, … (date)",
        "report": "REPORT",
        "so-ket": "Mid-term review",
        "tong-ket": "Final review",
        "title": "{kind} of the implementation of the {plan}",
        "scope": "(Area: {area}; data up to {year})",
        "intro": ("Implementing the {plan} (the Plan below), this report reviews the results against "
                  "the main targets for {target_year} in {area} ({kind}):"),
        "year_latest": "Year reviewed: {year}, the latest year with data for the area.",
        "year_given": "Year reviewed: {year}.",
        "year_rule": ("Indicators are assessed on the data of {year}; an indicator without data for "
                      "{year} shows its latest earlier value, its year in brackets, and is not assessed."),
        "results": "I. RESULTS BY INDICATOR",
        "overview": "II. OVERVIEW",
        "at_risk": "III. INDICATORS AT RISK",
        "gaps": "IV. DATA GAPS",
        "col_no": "No.",
        "col_indicator": "Indicator",
        "col_target": "Target for {target_year}",
        "col_value": "Achieved in {year}",
        "col_margin": "Against target",
        "col_status": "Status",
        "col_outlook": "P(meet), pace",
        "counts": ("Of the Plan's {n} indicators, {with_data} have data for {year}: {exceeded} "
                   "exceeded, {met} met and {not_met} not yet met their target for {target_year}; "
                   "{no_data} have no data and {not_assessed} could not be assessed."),
        "paces": "Pace: {list}.",
        "pace_item": "{n} {label}",
        "score_plan": "Plan score (0–100): {score}.",
        "score_missing": ("No plan score: not enough data (at least 80 % of the indicators need data)."),
        "domain_table": "Results by domain:",
        "col_domain": "Domain",
        "col_indicators": "Indicators",
        "col_with_data": "With data",
        "col_score": "Score (0–100)",
        "coverage": "Data coverage: {with_data} of {n} indicators have data for the area for {year}.",
        "coverage_low": "The aggregate does not cover the whole area for {n} indicators: {list}.",
        "risk_rule": ("The indicators below have a probability below 50 % of meeting their target, or "
                      "are regressing (data up to {year})."),
        "risk_none": ("No indicator has a probability below 50 % of meeting its target or is "
                      "regressing (data up to {year})."),
        "risk_line": ("Achieved in {row_year}: {value}; target: {target}; assessment: {status}; "
                      "projected for {target_year}: {projected}; P(meet): {p}; pace: {pace}."),
        "figure": "Figure {k}. {name}: data, trend and target band",
        "no_figure": "(Fewer than two data points: no trajectory drawn.)",
        "gaps_none": "Every indicator has data and is assessed.",
        "gap_no_data": "No data for {year} ({n} indicators):",
        "gap_not_assessed": "Not assessed for {year} ({n} indicators):",
        "gap_item_stale": "{name} (latest data {row_year})",
        "gap_advice": "The agencies following these indicators are asked to supply the missing data.",
        "recipients": "Recipients:",
        "recipient_above": "- As above;",
        "recipient_archive": "- Archive: Office.",
        "signer": "(Title of the signatory)",
        "signature": "(Signature, full name, seal)",
        "method": "Note on method: {method}",
        "sample_of": "Drafted with chitieu {version} from the data supplied; to be checked before issue.",
    },
}


def word(key: str, lang: str, **fields: object) -> str:
    """The phrase ``key`` in ``lang`` with its ``{placeholders}`` filled from ``fields``.

    Raises ChitieuError naming the key or the language when unknown.
    """
    table = WORDS[check_lang(lang)]
    if key not in table:
        raise ChitieuError(f"unknown report phrase {key!r}: expected one of {', '.join(table)}", field="key")
    return table[key].format(**fields) if fields else table[key]

"""Plots of an evaluation (chitieu.report.plots), drawn headless with Agg."""
from __future__ import annotations

import re
from typing import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import report_fixtures as F
from chitieu.report import STATUS_COLOURS, dashboard, domain_bars, svg, trajectory


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _cells(ax: matplotlib.axes.Axes) -> dict[tuple[int, int], str]:
    """(row, column) -> face colour of each dashboard cell."""
    return {(int(p.get_y()), int(p.get_x())): to_hex(p.get_facecolor()).upper()
            for p in ax.patches if isinstance(p, Rectangle)}


def test_dashboard_grid_colours_each_cell_by_its_latest_status() -> None:
    ax = dashboard(F.frame(), F.plan(), lang="vi")
    cells = _cells(ax)
    assert len(cells) == 10 * 3  # ten plan indicators x three areas
    areas = [t.get_text() for t in ax.get_xticklabels()]
    assert areas == ["la-gi", "phuoc-hoi", "tan-hai"]  # the plan's own area first
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[1] == "Tỷ lệ thất nghiệp"
    # unemployment (row 1): la-gi 2024 is 2.1 > 2 -> not met; phuoc-hoi 1.7 -> met;
    # tan-hai 2.9 -> not met; doctors (row 7) la-gi 15.4 > 15 -> exceeded.
    assert cells[(1, 0)] == STATUS_COLOURS["not_met"]
    assert cells[(1, 1)] == STATUS_COLOURS["met"]
    assert cells[(1, 2)] == STATUS_COLOURS["not_met"]
    assert cells[(7, 0)] == STATUS_COLOURS["exceeded"]
    # income (row 0) has no phuoc-hoi rows: drawn as no data
    assert cells[(0, 1)] == STATUS_COLOURS["no_data"]
    marks = [t.get_text() for t in ax.texts]
    assert "✓" in marks and "↑" in marks and "?" in marks
    box = ax.get_legend()
    assert box is not None
    legend = [t.get_text() for t in box.get_texts()]
    assert legend == ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đánh giá"]


def test_dashboard_year_and_area_select_the_rows() -> None:
    # health insurance (row 6) in la-gi: 2022 value 92.9 is not over 95 -> not met.
    ax = dashboard(F.frame(), F.plan(), lang="en", area="la-gi", year=2022)
    cells = _cells(ax)
    assert len(cells) == 10
    assert cells[(6, 0)] == STATUS_COLOURS["not_met"]
    assert "(2022)" in ax.get_title(loc="left")
    assert ax.get_yticklabels()[6].get_text() == "Population in health insurance"


def _ydata(line: matplotlib.lines.Line2D) -> list[float]:
    return [float(v) for v in np.asarray(line.get_ydata(), dtype=float)]


def _dashed(ax: matplotlib.axes.Axes) -> matplotlib.lines.Line2D:
    lines = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert len(lines) == 1
    return lines[0]


def test_trajectory_fit_line_passes_through_the_centroid_to_the_projection() -> None:
    frame, plan = F.frame(), F.plan()
    ax = trajectory(frame, plan, "trained_labour", "la-gi", lang="vi")
    x, y = (np.asarray(v, dtype=float) for v in _dashed(ax).get_data())
    last = frame[(frame.indicator == "trained_labour") & (frame.year == 2024)].iloc[0]
    assert x[-1] == 2030 and y[-1] == pytest.approx(last["projected"])
    # OLS through (2022, 72.2): mean of 68, 70.5, 72, 74.5, 76 = 361/5 = 72.2
    assert np.interp(2022.0, x, y) == pytest.approx(72.2)
    # slope (88.2 - 72.2)/8 = 2.0 per year: the fixture's polyfit slope is
    # sum((t-2022)(v-72.2))/10 = (-2*-4.2 + -1*-1.7 + 0 + 1*2.3 + 2*3.8)/10 = 20/10 = 2.0
    assert (y[-1] - y[0]) / (x[-1] - x[0]) == pytest.approx(2.0)
    observed = next(ln for ln in ax.get_lines() if ln.get_linestyle() == "-")
    assert _ydata(observed) == [68.0, 70.5, 72.0, 74.5, 76.0]
    texts = [t.get_text() for t in ax.texts]
    assert "Xác suất đạt (2030): 100 %" in texts
    assert ax.get_ylabel() == "%"
    # target > 80: the band starts at 80 and the dotted boundary is drawn there
    dotted = [ln for ln in ax.get_lines() if ln.get_linestyle() == ":"]
    assert [_ydata(ln)[0] for ln in dotted] == [80.0]


def test_trajectory_relative_target_is_drawn_on_the_ratio_scale_with_a_log_fit() -> None:
    frame, plan = F.frame(), F.plan()
    ax = trajectory(frame, plan, "income_ratio", "la-gi", lang="en")
    x, y = (np.asarray(v, dtype=float) for v in _dashed(ax).get_data())
    ratios = np.array([4.23, 4.41, 4.80, 5.10, 5.40]) / 4.23
    # the compound fit passes through (mean year, exp(mean ln ratio)) = (2022, geometric mean)
    assert np.interp(2022.0, x, np.log(y)) == pytest.approx(np.log(ratios).mean())
    dotted = sorted(_ydata(ln)[0] for ln in ax.get_lines() if ln.get_linestyle() == ":")
    assert dotted == [2.0, 2.6]
    assert ax.get_ylabel() == "times the value of 2020"


def test_trajectory_refuses_unknown_indicator_and_missing_rows() -> None:
    with pytest.raises(ValueError, match="'jobs' is not in plan 'la-gi-2024'"):
        trajectory(F.frame(), F.plan(), "jobs", "la-gi")
    with pytest.raises(ValueError, match="no rows for indicator 'income_ratio' in area 'tan-hai'"):
        trajectory(F.frame(), F.plan(), "income_ratio", "tan-hai")


def test_trajectory_without_projection_draws_no_fit() -> None:
    ax = trajectory(F.frame(), F.plan(), "preschool", "la-gi")
    assert not [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert not ax.texts  # no p_meet for a milestone


def test_domain_bars_stack_status_counts_and_write_scores() -> None:
    summary = F.summary()
    ax = domain_bars(summary, lang="vi")
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == 3 * 5  # three domains x five statuses
    met = [p.get_width() for p in bars if to_hex(p.get_facecolor()).upper()
           == STATUS_COLOURS["met"]]
    assert met == list(summary.loc[summary.level == "domain", "met"].astype(float))
    texts = [t.get_text() for t in ax.texts]
    services = summary[summary.domain == "services"].iloc[0]
    # services: met 2 (health insurance, preschool) and exceeded 1 (doctors) score 100;
    # stunting not met with progress (16.6-17.2)/(15-17.2) = .273 -> 27.3;
    # mean (100*3 + 27.27)/4 = 81.8
    assert services["score"] == pytest.approx((300 + 100 * 0.6 / 2.2) / 4)
    assert "82" in texts and "—" in texts
    assert "Điểm toàn kế hoạch: 81,8" in ax.get_title(loc="left")


def test_svg_is_inline_with_unique_resolvable_ids() -> None:
    frame, plan = F.frame(), F.plan()
    first, second = Figure(), Figure()
    trajectory(frame, plan, "trained_labour", "la-gi", ax=first.add_subplot())
    trajectory(frame, plan, "stunting", "la-gi", ax=second.add_subplot())
    texts = [svg(first), svg(second.axes[0])]
    for text in texts:
        assert text.startswith("<svg") and text.endswith("</svg>")
        assert "<?xml" not in text and "<!DOCTYPE" not in text
        ids = re.findall(r'id="([^"]+)"', text)
        refs = re.findall(r"url\(#([^)]+)\)", text) + re.findall(r'href="#([^"]+)"', text)
        assert set(refs) <= set(ids)
    ids = [set(re.findall(r'id="([^"]+)"', t)) for t in texts]
    assert not ids[0] & ids[1]
    assert "Tỷ lệ lao động qua đào tạo" in texts[0]  # text kept as text
    assert svg(first) == texts[0]  # deterministic
    with pytest.raises(ValueError, match="Figure or Axes"):
        svg("chart")


def test_plots_refuse_unknown_language() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        dashboard(F.frame(), F.plan(), lang="fr")


def _long_name_plan() -> dict:
    plan = F.plan()
    for ind in plan["indicators"]:
        if ind["id"] == "trained_labour":
            ind["name"]["vi"] = "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ trong tổng số lao động đang làm việc"
    return plan


def test_trajectory_title_and_probability_do_not_overlap() -> None:
    fig = Figure(figsize=(6.0, 3.2))
    ax = fig.add_subplot()
    trajectory(F.frame(), _long_name_plan(), "trained_labour", "la-gi", lang="vi", ax=ax)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    prob = next(t for t in ax.texts if t.get_text().startswith("Xác suất đạt (2030)"))
    title = ax.title if ax.title.get_text() else ax._left_title  # type: ignore[attr-defined]
    box_title, box_prob = title.get_window_extent(renderer), prob.get_window_extent(renderer)
    assert box_title.width > 0 and box_prob.width > 0
    assert not box_title.overlaps(box_prob)


def test_trajectory_title_names_the_area_when_known() -> None:
    ax = trajectory(F.frame(), F.plan(), "trained_labour", "la-gi", lang="vi",
                    area_names={"la-gi": "Thị xã La Gi"})
    assert ax._left_title.get_text().endswith("— Thị xã La Gi")  # type: ignore[attr-defined]
    ax = trajectory(F.frame(), F.plan(), "trained_labour", "la-gi", lang="vi")
    assert ax._left_title.get_text().endswith("— la-gi")  # type: ignore[attr-defined]


def test_trajectory_fit_is_the_cores_least_squares_line() -> None:
    from chitieu import _core

    frame, plan = F.frame(), F.plan()
    rows = (frame.indicator == "trained_labour") & (frame.area == "la-gi")
    frame.loc[rows & (frame.year == 2024), "projected"] = 99.0  # a projection the points do not give
    ax = trajectory(frame, plan, "trained_labour", "la-gi", lang="vi")
    y = np.asarray(_dashed(ax).get_data()[1], dtype=float)
    # the line is the fit of the five points (slope 2.0 through (2022, 72.2)), not drawn to 99
    assert y[-1] == pytest.approx(72.2 + 2.0 * 8) and y[-1] != pytest.approx(99.0)
    assert _core.fit_line([2020, 2021, 2022], [1.0, 2.0, 3.0], [2030])[0] == pytest.approx(11.0)
    with pytest.raises(ValueError, match="same length"):
        _core.fit_line([2020, 2021], [1.0], [2030])

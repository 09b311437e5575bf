"""``chitieu demo``: the built-in La Gi plan evaluated on the illustrative sample data."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Tuple

from rich.console import Console
from rich.panel import Panel

from chitieu.choices import Lang

__all__ = ["GEOGRAPHY", "data_dir", "run_demo", "sample_paths"]

#: The date of La Gi's 2025 reorganisation: the units "today" (docs/aggregation.md).
GEOGRAPHY = "2025-07-01"


def data_dir() -> Path:
    """The sample data: ``chitieu/data`` inside the installed package, else the checkout's ``data/``."""
    packaged = resources.files("chitieu") / "data"
    probe = packaged / "sample" / "la-gi-observations.csv"
    if probe.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data"
    if (checkout / "sample" / "la-gi-observations.csv").is_file():
        return checkout
    raise FileNotFoundError(
        "the La Gi sample data were not found in the package (chitieu/data) nor in a source checkout (data/)")


def sample_paths() -> Tuple[Path, Path, Path]:
    """Paths of the sample observations, the La Gi areas and the 2025 crosswalk."""
    base = data_dir()
    return (base / "sample" / "la-gi-observations.csv", base / "areas" / "la-gi.csv",
            base / "areas" / "la-gi-crosswalk-2025.csv")


def run_demo(output: str = "out", lang: Lang = "vi", console: Console | None = None) -> int:
    """Evaluate the La Gi plan on the sample data, print the review and write the reports to ``output``.

    The town and its units are evaluated on each year's own units (historical
    geography) and again on today's units through the 2025 crosswalk. Writes
    ``la-gi-review.html``, ``la-gi-review.xlsx`` and the Word review ``la-gi-review.docx``;
    returns 0.
    """
    import chitieu
    from chitieu import cli_render

    out = console or Console()
    observations, areas, crosswalk = sample_paths()
    plan = chitieu.load_plan("la-gi-2024")
    historical = chitieu.evaluate(plan, observations, areas=areas)
    today = chitieu.evaluate(plan, observations, areas=areas, crosswalk=crosswalk, geography=GEOGRAPHY)
    note = ("Số liệu minh họa (không phải số liệu chính thức) — illustrative sample data, not official statistics."
            if lang == "vi" else "Illustrative sample data — not official statistics.")
    out.print(Panel(note, style="yellow"))
    summary = historical.summary()
    area, year = summary.attrs["area"], summary.attrs["year"]
    out.print(cli_render.review_table(historical.to_frame(), plan, area, year, lang))
    out.print(cli_render.summary_table(summary, lang))
    title = (f"Đơn vị hành chính từ {GEOGRAPHY} (qua bảng chuyển đổi), năm {year}" if lang == "vi"
             else f"Units since {GEOGRAPHY} (through the crosswalk), {year}")
    units = sorted(today.to_frame()["area"].unique(), key=lambda a: a != plan.area)  # the town first
    summaries = {str(a): today.summary(area=str(a), year=year) for a in units}
    out.print(cli_render.area_status_table(summaries, lang, title, today.area_names))
    os.makedirs(output, exist_ok=True)
    html_path = os.path.join(output, "la-gi-review.html")
    xlsx_path = os.path.join(output, "la-gi-review.xlsx")
    docx_path = os.path.join(output, "la-gi-review.docx")
    historical.to_html(html_path, lang=lang)
    historical.to_excel(xlsx_path, lang=lang)
    historical.to_docx(docx_path, lang=lang)
    out.print(f"wrote {html_path}, {xlsx_path} and {docx_path}", markup=False, highlight=False)
    out.print(note, markup=False, highlight=False)
    return 0

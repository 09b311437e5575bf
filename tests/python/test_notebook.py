"""examples/la-gi-walkthrough.ipynb runs without error and shows the figures the library computes."""
from __future__ import annotations

import json
import os

import nbformat
import pytest
from nbclient import NotebookClient

import chitieu
from conftest import AREAS, CROSSWALK, OBSERVATIONS, ROOT


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    os.environ["SKBUILD_EDITABLE_VERBOSE"] = "0"   # inherited by the kernel
    os.environ.setdefault("MPLBACKEND", "Agg")
    nb = nbformat.read(ROOT / "examples" / "la-gi-walkthrough.ipynb", as_version=4)
    # kernel "python3" resolves to the running interpreter's ipykernel (jupyter_client's native kernel)
    NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(ROOT)}}).execute()
    return nb


def outputs(nb: nbformat.NotebookNode, output_type: str) -> list:  # type: ignore[type-arg]
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == output_type]


def test_no_errors(executed: nbformat.NotebookNode) -> None:
    assert outputs(executed, "error") == []
    images = [o for o in outputs(executed, "display_data") if "image/png" in o.data]
    assert len(images) >= 5   # dashboard, three trajectories, domain bars


def test_key_figures(executed: nbformat.NotebookNode) -> None:
    last = executed.cells[-1].outputs
    figures = json.loads("".join(o.text for o in last if o.output_type == "stream"))
    ev = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS)
    frame = ev.to_frame()
    town = frame[(frame["area"] == "la-gi") & (frame["year"] == frame["year"].max())]
    assert figures["plan"] == "la-gi-2024"
    assert figures["rows"] == len(frame)
    assert figures["town_year"] == 2026
    assert figures["town_met"] == int((town["status"] == "met").sum())
    assert figures["plan_indicators"] == 40
    today = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS, crosswalk=CROSSWALK, geography="2025-07-01")
    assert figures["areas_today"] == sorted(today.to_frame()["area"].unique().tolist())
    assert figures["reports"] == ["la-gi-review.html", "la-gi-review.xlsx"]


def test_evaluation_repr_html_shown(executed: nbformat.NotebookNode) -> None:
    html = [o.data["text/html"] for o in outputs(executed, "execute_result") if "text/html" in o.data]
    assert any("trained_labour" in h or "Tỷ lệ lao động qua đào tạo" in h for h in html)

"""The same numbers from the C++ core, the Python facade and the CLI, row for row."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu import _core
from chitieu.frames import areas_from_table, crosswalk_from_table, panel_from_table
from chitieu.io import read_areas, read_crosswalk, read_observations
from conftest import AREAS, CROSSWALK, OBSERVATIONS, run_cli_process


def core_frame(method: str = "chitieu", geography: bool = False) -> pd.DataFrame:
    """The review straight from _core (panel built by hand from the CSV), as a plain frame."""
    plan = _core.load_plan("la-gi-2024")
    panel = panel_from_table(read_observations(OBSERVATIONS))
    areas = areas_from_table(read_areas(AREAS))
    walk = crosswalk_from_table(read_crosswalk(CROSSWALK), areas) if geography else None
    ev, _ = _core.review(plan, panel, areas=areas, crosswalk=walk, geography="2025-07-01" if geography else None,
                         method=method)
    cols = ev.columns()
    return pd.DataFrame({
        "indicator": np.asarray(cols["indicator_ids"], dtype=object)[cols["indicator"]],
        "area": np.asarray(cols["area_ids"], dtype=object)[cols["area"]],
        "year": cols["year"],
        "value": cols["value"],
        "assessed": cols["assessed"],
        "status": np.asarray(_core.status_names(), dtype=object)[cols["status"]],
        "margin": cols["margin"],
        "baseline": cols["baseline"],
        "progress": cols["progress"],
        "elapsed": cols["elapsed"],
        "pace": np.asarray(_core.pace_names(), dtype=object)[cols["pace"]],
        "projected": cols["projected"],
        "p_meet": cols["p_meet"],
        "coverage": cols["coverage"],
    })


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals and string dtypes as plain objects, so frames from every route compare."""
    out = frame.copy()
    for col in ("indicator", "area", "status", "pace"):
        out[col] = out[col].astype(str).astype(object)
    out["year"] = out["year"].astype(np.int64)
    return out.reset_index(drop=True)


@pytest.mark.parametrize("method", ["chitieu", "open_sdg", "sdsn"])
def test_core_equals_python(method: str) -> None:
    py = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS, method=method).to_frame()
    assert len(py) > 1000
    pd.testing.assert_frame_equal(plain(core_frame(method)), plain(py), check_exact=True)


def test_core_equals_python_todays_units() -> None:
    py = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS, crosswalk=CROSSWALK,
                          geography="2025-07-01").to_frame()
    pd.testing.assert_frame_equal(plain(core_frame(geography=True)), plain(py), check_exact=True)


def read_cli_csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""],
                       dtype={"indicator": object, "area": object, "status": object, "pace": object})


@pytest.mark.parametrize("geography", [False, True])
def test_cli_csv_equals_python(tmp_path: Path, geography: bool) -> None:
    args = ["evaluate", "--plan", "la-gi-2024", "--data", str(OBSERVATIONS), "--areas", str(AREAS),
            "--format", "csv"]
    kwargs = {}
    if geography:
        args += ["--crosswalk", str(CROSSWALK), "--geography", "2025-07-01"]
        kwargs = dict(crosswalk=CROSSWALK, geography="2025-07-01")
    run = run_cli_process(args, tmp_path)
    assert run.code == 0, run.err
    cli = read_cli_csv(run.out)
    py = chitieu.evaluate("la-gi-2024", OBSERVATIONS, areas=AREAS, **kwargs).to_frame()
    assert list(cli.columns) == list(py.columns)
    # floats are written round-trip (shortest repr), so equality is exact
    pd.testing.assert_frame_equal(plain(cli), plain(py), check_exact=True)

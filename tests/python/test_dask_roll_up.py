"""The roll-up in parts: mergeable states (picklable), and chitieu.dask's rows and findings equal to the in-memory ones
whatever the partitioning."""
from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chitieu
from chitieu import _core
from chitieu.api import FINDING_COLUMNS
from chitieu.errors import ChitieuError
from chitieu.frames import areas_from_table, panel_from_table
from chitieu.io import read_areas, read_observations
from test_dask import AREAS, CROSSWALK, OBS, assert_same_rows

dd = pytest.importorskip("dask.dataframe", reason="chitieu.dask needs dask (chitieu[dask])")
import dask  # noqa: E402

import chitieu.dask as cdask  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index is deprecated")
FINDING_KEYS = ["kind", "indicator", "area", "year"]


@pytest.fixture(scope="module")
def observations():
    """The La Gi sample, rows shuffled, with findings: the town's own new jobs of 2021 (differing from its wards'
    sum) and a part's denominator differing from its whole's in a ward (and so in the town's aggregates)."""
    frame = pd.read_csv(OBS, comment="#", dtype={"indicator": str, "area": str})
    at = frame.set_index(["indicator", "area", "year"]).index
    frame.loc[at == ("trained_labour_certified", "xa-tan-binh", 2022), "denominator"] += 100.0
    own = pd.DataFrame({"indicator": ["new_jobs"], "area": ["la-gi"], "year": [2021], "value": [99999.0]})
    frame = pd.concat([frame, own], ignore_index=True)
    return frame.sample(frac=1.0, random_state=3).reset_index(drop=True)


def _findings(frame):
    return frame.sort_values(FINDING_KEYS).reset_index(drop=True)[[*FINDING_KEYS, "own", "aggregate"]]


def _frame(panel):
    """A core panel as a DataFrame with ids as text."""
    cols = panel.columns()
    frame = pd.DataFrame({k: v for k, v in cols.items() if isinstance(v, np.ndarray)})
    return frame.assign(indicator=np.asarray(panel.indicator_ids)[frame["indicator"]],
                        area=np.asarray(panel.area_ids)[frame["area"]])


def _core_panel(frame):
    return panel_from_table(read_observations(frame))


def test_a_pickled_state_merges_and_finishes_as_the_whole_roll_up(observations):
    plan = chitieu.load_plan("la-gi-2024")
    areas = areas_from_table(read_areas(AREAS))
    whole = _core_panel(observations)
    _core.check_and_complete(plan, whole)
    rows, findings = _core.roll_up(plan, whole, areas)
    by_area = observations["area"].astype(str)
    halves = [observations[by_area < "phuong-t"], observations[by_area >= "phuong-t"]]
    states = []
    for half in halves:
        panel = _core_panel(half.reset_index(drop=True))
        _core.check_and_complete(plan, panel)
        states.append(pickle.loads(pickle.dumps(_core.roll_up_partial(plan, panel, areas))))
    assert states[0].cells == len(states[0].parent_ids) * len(plan.indicators) * states[0].years > 0
    merged = _core.merge_roll_up_states(states[::-1])
    parents, found = _core.roll_up_finish(plan, merged, areas)
    expected, got = _frame(rows), _frame(parents)
    keys = ["indicator", "area", "year"]
    joined = got.merge(expected, on=keys, suffixes=("", "_memory"), how="left", validate="one_to_one")
    assert len(joined) == parents.size > 0
    for c in ("value", "numerator", "denominator", "weight", "coverage"):
        np.testing.assert_allclose(joined[c], joined[c + "_memory"], rtol=1e-12, equal_nan=True)
    assert sorted(map(str, found)) == sorted(map(str, findings))


def test_states_of_another_plan_do_not_finish(observations):
    plan = chitieu.load_plan("la-gi-2024")
    areas = areas_from_table(read_areas(AREAS))
    panel = _core_panel(observations)
    _core.check_and_complete(plan, panel)
    state = _core.roll_up_partial(plan, panel, areas)
    other = _core.select_indicators(plan, [plan.indicators[0].id])
    with pytest.raises(ChitieuError, match="another plan or area table"):
        _core.roll_up_finish(other, state, areas)
    with pytest.raises(ChitieuError, match="at least one state"):
        _core.merge_roll_up_states([])


@pytest.mark.parametrize("geography", [None, "2025-07-01"])
def test_findings_and_rows_equal_the_in_memory_ones(observations, geography):
    crosswalk = CROSSWALK if geography else None
    in_memory = chitieu.evaluate("la-gi-2024", observations, areas=AREAS, crosswalk=crosswalk, geography=geography)
    result = cdask.review("la-gi-2024", dd.from_pandas(observations, npartitions=5), areas=AREAS,
                          crosswalk=crosswalk, geography=geography, split_every=2)
    rows, findings = dask.compute(result.rows, result.findings, scheduler="threads")
    assert_same_rows(rows, in_memory.to_frame())
    assert list(findings.columns) == list(FINDING_COLUMNS)
    assert set(findings["kind"]) == {"own_vs_aggregate", "part_denominator_differs"}
    pd.testing.assert_frame_equal(_findings(findings), _findings(in_memory.findings), check_dtype=False)


def test_the_processes_scheduler_gives_the_same_rows(observations):
    expected = chitieu.evaluate("la-gi-2024", observations, areas=AREAS, crosswalk=CROSSWALK,
                                geography="2025-07-01").to_frame()
    rows = cdask.evaluate("la-gi-2024", dd.from_pandas(observations, npartitions=3), areas=AREAS,
                          crosswalk=CROSSWALK, geography="2025-07-01")
    assert_same_rows(rows.compute(scheduler="processes"), expected)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31 - 1), npartitions=st.integers(1, 9), split_every=st.integers(2, 5))
def test_any_partitioning_gives_the_in_memory_rows(observations, seed, npartitions, split_every):
    shuffled = observations.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    expected = chitieu.evaluate("la-gi-2024", observations, areas=AREAS)
    result = cdask.review("la-gi-2024", dd.from_pandas(shuffled, npartitions=npartitions), areas=AREAS,
                          split_every=split_every)
    rows, findings = dask.compute(result.rows, result.findings, scheduler="threads")
    assert_same_rows(rows, expected.to_frame())
    pd.testing.assert_frame_equal(_findings(findings), _findings(expected.findings), check_dtype=False)


def test_a_split_every_below_two_is_refused(observations):
    with pytest.raises(ChitieuError, match="split_every must be at least 2"):
        cdask.review("la-gi-2024", dd.from_pandas(observations, npartitions=2), areas=AREAS, split_every=1)


def test_the_cli_reports_the_findings_as_in_memory(observations, tmp_path, capsys):
    from chitieu.cli import main

    parts = tmp_path / "obs"
    parts.mkdir()
    for i, start in enumerate(range(0, len(observations), 500)):
        observations.iloc[start:start + 500].to_parquet(parts / f"part-{i}.parquet", index=False)
    observations.to_csv(tmp_path / "all.csv", index=False)
    common = ["evaluate", "--plan", "la-gi-2024", "--areas", str(AREAS), "--format", "csv"]
    assert main([*common, "--data", str(parts / "*.parquet"), "--scheduler", "threads",
                 "--output", str(tmp_path / "dask.csv")]) == 0
    with_dask = sorted(line for line in capsys.readouterr().err.splitlines() if "note:" in line)
    assert main([*common, "--data", str(tmp_path / "all.csv"), "--output", str(tmp_path / "memory.csv")]) == 0
    in_memory = sorted(line for line in capsys.readouterr().err.splitlines() if "note:" in line)
    assert with_dask == in_memory and any("own observation" in line for line in in_memory)


def test_gso_codes_resolve_in_each_partition(observations):
    areas = pd.read_csv(AREAS, dtype=str)
    coded = observations.assign(area=observations["area"].map(dict(zip(areas["id"], areas["code"]))))
    assert coded["area"].notna().all()
    expected = chitieu.evaluate("la-gi-2024", coded, areas=AREAS, area_key="code")
    result = cdask.review("la-gi-2024", dd.from_pandas(coded, npartitions=4), areas=AREAS, area_key="code")
    rows, findings = dask.compute(result.rows, result.findings, scheduler="threads")
    assert_same_rows(rows, expected.to_frame())
    pd.testing.assert_frame_equal(_findings(findings), _findings(expected.findings), check_dtype=False)


def test_without_areas_every_series_is_evaluated_where_it_is(observations):
    expected = chitieu.evaluate("la-gi-2024", observations)
    result = cdask.review("la-gi-2024", dd.from_pandas(observations, npartitions=3))
    rows, findings = dask.compute(result.rows, result.findings, scheduler="threads")
    assert_same_rows(rows, expected.to_frame())
    assert findings.empty and list(findings.columns) == list(FINDING_COLUMNS)

"""chitieu.dask: the same rows as chitieu.evaluate, computed partition by partition and shard by shard."""
from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import chitieu
from chitieu.errors import ChitieuError, ObservationError

dd = pytest.importorskip("dask.dataframe", reason="chitieu.dask needs dask (chitieu[dask])")
import chitieu.dask as cdask  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OBS = ROOT / "data" / "sample" / "la-gi-observations.csv"
AREAS = ROOT / "data" / "areas" / "la-gi.csv"
CROSSWALK = ROOT / "data" / "areas" / "la-gi-crosswalk-2025.csv"
KEYS = ["indicator", "area", "year"]
# dask's own Parquet reader still calls reset_index(inplace=True), deprecated by pandas: not chitieu's to fix
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index is deprecated")


@pytest.fixture(scope="module")
def observations():
    """The La Gi sample, rows shuffled so that every partition mixes indicators, areas and years."""
    frame = pd.read_csv(OBS, comment="#", dtype={"indicator": str, "area": str})
    return frame.sample(frac=1.0, random_state=7).reset_index(drop=True)


def _sorted(frame):
    out = frame.copy()
    for c in ("indicator", "area", "status", "pace"):
        out[c] = out[c].astype(str)
    return out.sort_values(KEYS).reset_index(drop=True)


def assert_same_rows(got, expected):
    got, expected = _sorted(got), _sorted(expected)
    assert len(got) == len(expected) > 0
    for c in expected.columns:
        if expected[c].dtype.kind == "f":
            a, b = got[c].to_numpy(dtype=float), expected[c].to_numpy(dtype=float)
            assert np.array_equal(np.isnan(a), np.isnan(b)), c
            ok = ~np.isnan(b)
            assert np.all(np.abs(a[ok] - b[ok]) <= 1e-12 * np.maximum(1.0, np.abs(b[ok]))), c
        else:
            assert got[c].astype(str).tolist() == expected[c].astype(str).tolist(), c


@pytest.mark.parametrize("geography", [None, "2025-07-01"])
def test_threaded_rows_equal_the_in_memory_rows(observations, geography):
    crosswalk = CROSSWALK if geography else None
    expected = chitieu.evaluate("la-gi-2024", observations, areas=AREAS, crosswalk=crosswalk,
                                geography=geography).to_frame()
    rows = cdask.evaluate("la-gi-2024", dd.from_pandas(observations, npartitions=5), areas=AREAS,
                          crosswalk=crosswalk, geography=geography)
    assert list(rows.columns) == list(chitieu.EVALUATION_COLUMNS)
    assert_same_rows(rows.compute(scheduler="threads"), expected)


def test_year_and_method_reach_the_shards(observations):
    expected = chitieu.evaluate("la-gi-2024", observations, areas=AREAS, year=2023, method="sdsn").to_frame()
    rows = cdask.evaluate("la-gi-2024", dd.from_pandas(observations, npartitions=3), areas=AREAS, year=2023,
                          method="sdsn")
    assert_same_rows(rows.compute(scheduler="threads"), expected)


def test_a_part_shares_its_whole_s_shard():
    plan = chitieu.load_plan("la-gi-2024")
    keys = cdask.shards(plan)
    parts = {i.id: i.part_of for i in plan.indicators if i.part_of}
    assert parts and all(keys[p] == keys[w] for p, w in parts.items())
    assert len(set(keys.values())) == len(plan.indicators) - len(parts)


def test_summary_equals_the_in_memory_summary(observations):
    in_memory = chitieu.evaluate("la-gi-2024", observations, areas=AREAS).summary(year=2024)
    rows = cdask.evaluate("la-gi-2024", dd.from_pandas(observations, npartitions=4), areas=AREAS)
    with_dask = cdask.summary("la-gi-2024", rows.persist(scheduler="threads"), year=2024)
    pd.testing.assert_frame_equal(with_dask, in_memory)


def test_a_bad_row_names_its_partition_and_row(observations):
    bad = observations.copy()
    percent = bad.index[bad["indicator"] == "health_insurance"][0]
    bad.loc[percent, "value"] = 150.0  # a percent outside [0, 100]
    frame = dd.from_pandas(bad, npartitions=4)
    sizes = frame.map_partitions(len).compute().tolist()
    partition = int(np.searchsorted(np.cumsum(sizes), percent, side="right"))
    row = percent - sum(sizes[:partition]) + 1
    with pytest.raises(ObservationError) as err:
        cdask.evaluate("la-gi-2024", frame, areas=AREAS).compute(scheduler="threads")
    assert err.value.file == f"<partition {partition}>" and err.value.line == row
    assert err.value.field == "value" and err.value.partition == partition


def test_errors_survive_pickling():
    err = ObservationError("out of range", "<partition 2>", 5, "value")
    err.partition = 2
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), str(back), back.line, back.field, back.partition) == (ObservationError, str(err), 5, "value", 2)


def test_a_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ChitieuError, match=r"pip install 'chitieu\[dask\]'"):
        cdask.evaluate("la-gi-2024", None)


def test_a_pandas_frame_is_refused_with_the_fix(observations):
    with pytest.raises(ObservationError, match="Dask DataFrame"):
        cdask.evaluate("la-gi-2024", observations)


def test_local_cluster_reexpressed_rows_equal_the_in_memory_rows(observations, cluster_client):
    expected = chitieu.evaluate("la-gi-2024", observations, areas=AREAS, crosswalk=CROSSWALK,
                                geography="2025-07-01").to_frame()
    rows = cdask.evaluate("la-gi-2024", dd.from_pandas(observations, npartitions=6), areas=AREAS,
                          crosswalk=CROSSWALK, geography="2025-07-01")
    assert_same_rows(cluster_client.compute(rows).result(), expected)


def test_local_cluster_returns_a_worker_s_validation_error(observations, cluster_client):
    bad = observations.copy()
    bad.loc[3, "area"] = "no-such-ward"
    rows = cdask.evaluate("la-gi-2024", dd.from_pandas(bad, npartitions=2), areas=AREAS)
    with pytest.raises(ObservationError) as err:
        cluster_client.compute(rows).result()
    assert err.value.file == "<partition 0>" and err.value.line == 4 and err.value.field == "area"
    assert "no-such-ward" in err.value.message


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_cli_reads_parquet_partitions_and_prints_the_in_memory_rows(observations, tmp_path, scheduler):
    from chitieu.cli import main

    parts = tmp_path / "obs"
    parts.mkdir()
    for i, start in enumerate(range(0, len(observations), 400)):
        observations.iloc[start:start + 400].to_parquet(parts / f"part-{i}.parquet", index=False)
    with_dask, in_memory = tmp_path / "dask.csv", tmp_path / "memory.csv"
    common = ["evaluate", "--plan", "la-gi-2024", "--areas", str(AREAS), "--crosswalk", str(CROSSWALK),
              "--geography", "2025-07-01", "--format", "csv"]
    assert main([*common, "--data", str(parts / "*.parquet"), "--scheduler", scheduler,
                 "--output", str(with_dask)]) == 0
    assert main([*common, "--data", str(OBS), "--output", str(in_memory)]) == 0
    got = pd.read_csv(with_dask, dtype={"indicator": str, "area": str})
    assert_same_rows(got, pd.read_csv(in_memory, dtype={"indicator": str, "area": str}))
    assert got[KEYS].equals(_sorted(got)[KEYS])  # written in the order indicator, area, year


def test_files_on_a_scheduler_address_give_the_in_memory_rows_and_findings(observations, cluster_client, tmp_path):
    parts = tmp_path / "obs"
    parts.mkdir()
    own = pd.DataFrame({"indicator": ["new_jobs"], "area": ["la-gi"], "year": [2021], "value": [99999.0]})
    data = pd.concat([observations, own], ignore_index=True)  # a town's own value: an own_vs_aggregate finding
    for i, start in enumerate(range(0, len(data), 600)):
        data.iloc[start:start + 600].to_parquet(parts / f"part-{i}.parquet", index=False)
    expected = chitieu.evaluate("la-gi-2024", data, areas=AREAS)
    got = cdask.evaluate_files("la-gi-2024", str(parts / "*.parquet"), cluster_client.scheduler.address, areas=AREAS)
    assert_same_rows(got.to_frame(), expected.to_frame())
    assert got.findings["message"].tolist() == expected.findings["message"].tolist() != []

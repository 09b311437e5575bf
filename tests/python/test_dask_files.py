"""chitieu.dask.review_to_parquet: each partition's rows written by the task that evaluates them; the files
together hold exactly the rows of the in-memory review, and a bad target is refused naming the path and the fix."""
from __future__ import annotations

import os
import sys

import pandas as pd
import pytest

import chitieu
from chitieu.errors import ChitieuError, ObservationError
from test_dask import AREAS, CROSSWALK, OBS, assert_same_rows

dd = pytest.importorskip("dask.dataframe", reason="chitieu.dask needs dask (chitieu[dask])")
import dask  # noqa: E402

import chitieu.dask as cdask  # noqa: E402

BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "bench",
                     "national")
sys.path.insert(0, BENCH)
import generate  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index is deprecated")
LA_GI = dict(areas=AREAS, crosswalk=CROSSWALK, geography="2025-07-01")


def sample_with_own_value(seed):
    """The La Gi sample with a town's own value (an own_vs_aggregate finding), rows shuffled by ``seed``."""
    frame = pd.read_csv(OBS, comment="#", dtype={"indicator": str, "area": str})
    own = pd.DataFrame({"indicator": ["new_jobs"], "area": ["la-gi"], "year": [2021], "value": [99999.0]})
    return pd.concat([frame, own], ignore_index=True).sample(frac=1.0, random_state=seed).reset_index(drop=True)


@pytest.fixture(scope="module")
def observations():
    """The La Gi sample with a town's own value, rows shuffled."""
    return sample_with_own_value(5)


def _read_back(written):
    return pd.concat([pd.read_parquet(f) for f in written.files], ignore_index=True)


def assert_written_as_in_memory(written, expected, partitions):
    assert len(written.files) == partitions + 1 and all(os.path.isfile(f) for f in written.files)
    got = _read_back(written)
    assert written.rows == len(got) == len(expected.to_frame())
    assert_same_rows(got, expected.to_frame())
    assert written.findings["message"].tolist() == expected.findings["message"].tolist() != []


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_written_rows_equal_the_in_memory_rows(observations, tmp_path, scheduler):
    expected = chitieu.evaluate("la-gi-2024", observations, **LA_GI)
    with dask.config.set(scheduler=scheduler):
        written = cdask.review_to_parquet("la-gi-2024", dd.from_pandas(observations, npartitions=5),
                                          tmp_path / "out" / "rows-*.parquet", **LA_GI)  # a pathlib.Path
    assert written.files[0] == str(tmp_path / "out" / "rows-0.parquet")
    assert_written_as_in_memory(written, expected, 5)
    assert_same_rows(dd.read_parquet(str(tmp_path / "out" / "rows-*.parquet")).compute(), expected.to_frame())


def test_national_rows_written_by_partitions_equal_the_in_memory_rows(tmp_path):
    obs, areas = generate.generate(0.01, seed=3)
    plan = os.path.join(BENCH, "national-plan.toml")
    expected = chitieu.evaluate(plan, obs, areas=areas)
    delayed = cdask.review_to_parquet(plan, dd.from_pandas(obs, npartitions=6), str(tmp_path / "r-*.parquet"),
                                      areas=areas, split_every=2, compute=False)
    assert not list(tmp_path.iterdir())  # nothing written before it is computed
    written = delayed.compute(scheduler="threads")
    assert len(written.files) == 7 and written.rows == len(expected.to_frame()) > 0
    assert_same_rows(_read_back(written), expected.to_frame())


def test_the_local_cluster_writes_the_in_memory_rows(observations, tmp_path, cluster_client):
    expected = chitieu.evaluate("la-gi-2024", observations, **LA_GI)
    delayed = cdask.review_to_parquet("la-gi-2024", dd.from_pandas(observations, npartitions=4),
                                      str(tmp_path / "rows-*.parquet"), compute=False, **LA_GI)
    assert_written_as_in_memory(cluster_client.compute(delayed).result(), expected, 4)


def test_a_worker_s_validation_error_names_the_partition_and_row(observations, tmp_path, cluster_client):
    bad = observations.copy()
    bad.loc[3, "area"] = "no-such-ward"
    delayed = cdask.review_to_parquet("la-gi-2024", dd.from_pandas(bad, npartitions=2),
                                      str(tmp_path / "rows-*.parquet"), areas=AREAS, compute=False)
    with pytest.raises(ObservationError) as err:
        cluster_client.compute(delayed).result()
    assert err.value.file == "<partition 0>" and err.value.line == 4 and err.value.field == "area"
    assert "no-such-ward" in err.value.message


def _write(observations, pattern):
    return cdask.review_to_parquet("la-gi-2024", dd.from_pandas(observations, npartitions=2), pattern,
                                   areas=AREAS, compute=False)


@pytest.mark.parametrize("name", ["rows.parquet", "rows-*-*.parquet"])
def test_a_pattern_needs_one_star(observations, tmp_path, name):
    with pytest.raises(ChitieuError, match=r"exactly one '\*'.*out/rows-\*\.parquet") as err:
        _write(observations, str(tmp_path / name))
    assert err.value.file == str(tmp_path / name)


def test_files_already_matching_the_pattern_are_refused(observations, tmp_path):
    (tmp_path / "rows-7.parquet").write_bytes(b"an earlier run")
    with pytest.raises(ChitieuError, match=r"rows-7\.parquet already match the pattern.*remove them") as err:
        _write(observations, str(tmp_path / "rows-*.parquet"))
    assert err.value.file == str(tmp_path / "rows-*.parquet")
    assert (tmp_path / "rows-7.parquet").read_bytes() == b"an earlier run"


def test_a_directory_that_cannot_be_made_is_refused(observations, tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    pattern = str(tmp_path / "a-file" / "rows-*.parquet")
    with pytest.raises(ChitieuError, match=r"cannot make the directory .*a-file.*choose a directory you can write"):
        _write(observations, pattern)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes in any directory")
def test_a_read_only_directory_is_refused(observations, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    with pytest.raises(ChitieuError, match=r"locked is not writable"):
        _write(observations, str(locked / "rows-*.parquet"))


def test_the_cli_writes_parquet_from_the_workers(observations, tmp_path, capsys):
    from chitieu.cli import main

    parts = tmp_path / "obs"
    parts.mkdir()
    for i, start in enumerate(range(0, len(observations), 500)):
        observations.iloc[start:start + 500].to_parquet(parts / f"part-{i}.parquet", index=False)
    out = str(tmp_path / "out" / "rows-*.parquet")
    common = ["evaluate", "--plan", "la-gi-2024", "--data", str(parts / "*.parquet"), "--areas", str(AREAS),
              "--format", "parquet"]
    assert main([*common, "--scheduler", "threads", "--output", out]) == 0
    expected = chitieu.evaluate("la-gi-2024", observations, areas=AREAS)
    assert_same_rows(dd.read_parquet(out).compute(), expected.to_frame())
    stderr = capsys.readouterr().err
    assert f"wrote {len(expected.to_frame())} rows to {len(list(parts.iterdir())) + 1} files" in stderr
    assert expected.findings["message"][0] in stderr.replace("\n", " ")
    assert main([*common, "--output", out]) == 2
    assert "--format parquet is written by Dask workers: it needs --scheduler" in capsys.readouterr().err


def _task_results_with_rows(compute):
    """The keys of the tasks whose result holds evaluation rows (a frame with the columns of to_frame())."""
    from dask.callbacks import Callback

    held = []

    def posttask(key, result, dsk, state, worker_id):
        frames = result if isinstance(result, tuple) else (result,)
        if any(isinstance(f, pd.DataFrame) and list(f.columns) == list(chitieu.EVALUATION_COLUMNS) for f in frames):
            held.append(key)

    with Callback(posttask=posttask):
        compute()
    return held


@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.set_index is deprecated")  # dask's to_parquet
def test_no_task_hands_evaluated_rows_to_another(observations, tmp_path):
    frame = dd.from_pandas(observations, npartitions=4)
    with dask.config.set(scheduler="sync"):
        written = _task_results_with_rows(
            lambda: cdask.review_to_parquet("la-gi-2024", frame, str(tmp_path / "rows-*.parquet"), areas=AREAS))
        result = cdask.review("la-gi-2024", frame, areas=AREAS)
        in_memory = _task_results_with_rows(lambda: result.rows.to_parquet(str(tmp_path / "dask"), compute=True))
    assert written == []
    assert len(in_memory) >= 5  # review().rows: each partition's rows and the parent rows wait for the writes


@pytest.mark.parametrize("output", [[], ["--format", "parquet", "--output", "rows-*.parquet"]])
def test_a_year_before_the_files_is_refused_naming_their_years(observations, tmp_path, capsys, monkeypatch, output):
    from chitieu.cli import main

    monkeypatch.chdir(tmp_path)
    observations.to_parquet(tmp_path / "obs-0.parquet", index=False)
    args = ["evaluate", "--plan", "la-gi-2024", "--data", "obs-*.parquet", "--areas", str(AREAS), "--year", "2000",
            "--scheduler", "threads", *output]
    assert main(args) == 2
    years = f"{observations['year'].min()}–{observations['year'].max()}"  # the sample's years have no gap
    assert f"--year 2000: the data hold no observation up to 2000; years in obs-*.parquet: {years}" \
        in capsys.readouterr().err

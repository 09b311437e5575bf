"""chitieu.dask names the method of its shuffle by series itself (docs/python.md, "The shuffle method"): a graph
built while a dask.distributed client exists runs on any scheduler, also once the client is closed, a graph
shuffles the same way whether a client existed when it was built or not, and a graph chitieu computes on a
cluster at once shuffles peer to peer."""
from __future__ import annotations

import weakref

import pandas as pd
import pytest

import chitieu
from test_dask import assert_same_rows
from test_dask_files import LA_GI, sample_with_own_value

dd = pytest.importorskip("dask.dataframe", reason="chitieu.dask needs dask (chitieu[dask])")
distributed = pytest.importorskip("distributed", reason="the client tests need distributed (chitieu[dask])")
import dask  # noqa: E402
from dask.utils import key_split  # noqa: E402

import chitieu.dask as cdask  # noqa: E402
from chitieu.dask_shuffle import built_for  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index is deprecated")


@pytest.fixture(scope="module")
def observations():
    """The La Gi sample with a town's own value (an own_vs_aggregate finding), rows shuffled."""
    return sample_with_own_value(11)


@pytest.fixture(scope="module")
def expected(observations):
    """The in-memory review of the observations."""
    return chitieu.evaluate("la-gi-2024", observations, **LA_GI)


def _review(observations):
    return cdask.review("la-gi-2024", dd.from_pandas(observations, npartitions=4), **LA_GI)


def _shuffles(collection):
    """The kinds of shuffle in a collection's graph (``taskshuffle``, ``p2pshuffle``, ``diskshuffle``)."""
    names = map(key_split, collection.__dask_graph__())  # e.g. split-taskshuffle, group-taskshuffle, taskshuffle
    return {name.rsplit("-", 1)[-1] for name in names if name.endswith("shuffle")}


def _assert_reviewed(rows, findings, expected):
    assert_same_rows(rows, expected.to_frame())
    assert findings["message"].tolist() == expected.findings["message"].tolist() != []


def _assert_written(written, expected):
    _assert_reviewed(pd.concat([pd.read_parquet(f) for f in written.files]), written.findings, expected)


def test_a_graph_built_beside_a_client_runs_on_threads(observations, expected, cluster_client):
    result = _review(observations)
    _assert_reviewed(*dask.compute(result.rows, result.findings, scheduler="threads"), expected)
    _assert_reviewed(*cluster_client.gather(cluster_client.compute([result.rows, result.findings])), expected)


def test_a_graph_outlives_the_client_it_was_built_beside(observations, expected, tmp_path):
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0"):
        result = _review(observations)
        written = cdask.review_to_parquet("la-gi-2024", dd.from_pandas(observations, npartitions=3),
                                          str(tmp_path / "rows-*.parquet"), compute=False, **LA_GI)
    _assert_reviewed(*dask.compute(result.rows, result.findings, scheduler="sync"), expected)
    _assert_written(written.compute(scheduler="processes"), expected)


def test_a_graph_shuffles_alike_with_or_without_a_client(observations, expected, cluster_client, monkeypatch):
    beside = _review(observations)
    monkeypatch.setattr(distributed.client, "_global_clients", weakref.WeakValueDictionary())  # as if none existed
    alone = _review(observations)
    assert _shuffles(beside.rows) == _shuffles(alone.rows) == {"taskshuffle"}
    monkeypatch.undo()
    _assert_reviewed(*cluster_client.gather(cluster_client.compute([alone.rows, alone.findings])), expected)


@pytest.mark.parametrize("scheduler, configured, shuffle", [
    ("threads", None, "taskshuffle"), ("processes", "p2p", "taskshuffle"), (None, None, "taskshuffle"),
    (None, "p2p", "p2pshuffle"), ("tcp://127.0.0.1:8786", None, "p2pshuffle"),
    ("tcp://127.0.0.1:8786", "tasks", "taskshuffle")])
def test_the_method_follows_the_scheduler_the_graph_is_built_for(observations, scheduler, configured, shuffle):
    with dask.config.set({"dataframe.shuffle.method": configured}):
        if scheduler is None:
            rows = _review(observations).rows
        else:
            with built_for(scheduler):
                rows = _review(observations).rows
    assert _shuffles(rows) == {shuffle}


def test_a_graph_built_for_a_scheduler_address_shuffles_peer_to_peer(observations, expected, cluster_client):
    with built_for(cluster_client.scheduler.address):
        result = _review(observations)
    assert _shuffles(result.rows) == {"p2pshuffle"}
    _assert_reviewed(*cluster_client.gather(cluster_client.compute([result.rows, result.findings])), expected)


@pytest.mark.parametrize("scheduler, shuffled_on_the_client", [(None, {"p2pshuffle"}), ("threads", set())])
def test_files_written_at_once_shuffle_as_the_current_scheduler_can(observations, expected, cluster_client, tmp_path,
                                                                   scheduler, shuffled_on_the_client):
    with distributed.get_task_stream(cluster_client) as ran, dask.config.set(scheduler=scheduler):
        _assert_written(cdask.review_to_parquet("la-gi-2024", dd.from_pandas(observations, npartitions=3),
                                                str(tmp_path / "rows-*.parquet"), **LA_GI), expected)
    on_the_client = {key_split(task["key"]).rsplit("-", 1)[-1] for task in ran.data}
    assert {"p2pshuffle", "taskshuffle"} & on_the_client == shuffled_on_the_client


@pytest.mark.parametrize("on_the_client, configured", [(True, None), (False, "p2p")])
def test_the_command_line_s_schedulers_shuffle_as_they_can(observations, expected, cluster_client, tmp_path,
                                                           on_the_client, configured):
    parts = tmp_path / "obs"
    parts.mkdir()
    for i, start in enumerate(range(0, len(observations), 700)):
        observations.iloc[start:start + 700].to_parquet(parts / f"part-{i}.parquet", index=False)
    scheduler = cluster_client.scheduler.address if on_the_client else "threads"
    with distributed.get_task_stream(cluster_client) as ran, dask.config.set({"dataframe.shuffle.method": configured}):
        got = cdask.evaluate_files("la-gi-2024", str(parts / "*.parquet"), scheduler, **LA_GI)
    _assert_reviewed(got.to_frame(), got.findings, expected)
    on_it = {key_split(task["key"]).rsplit("-", 1)[-1] for task in ran.data}  # threads: nothing on the client
    assert {"p2pshuffle", "taskshuffle"} & on_it == ({"p2pshuffle"} if on_the_client else set())

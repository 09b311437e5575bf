"""Shared fixtures of the Python tests: paths of the sample data and a CLI runner."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List, NamedTuple

import pytest

# The editable install rebuilds on import and says so on stdout unless told to keep quiet.
os.environ["SKBUILD_EDITABLE_VERBOSE"] = "0"

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
OBSERVATIONS = DATA / "sample" / "la-gi-observations.csv"
AREAS = DATA / "areas" / "la-gi.csv"
CROSSWALK = DATA / "areas" / "la-gi-crosswalk-2025.csv"


class Run(NamedTuple):
    """The outcome of one CLI run."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``chitieu ARGS`` in-process; returns (exit code, stdout, stderr). ``COLUMNS`` is removed from the
    environment, so the tables are as wide as the CLI makes them for a pipe whatever the caller's terminal
    (with ``COLUMNS=80`` exported, or under pytest-xdist, rich would wrap them at 80 columns)."""
    from chitieu.cli import main

    monkeypatch.delenv("COLUMNS", raising=False)

    def run(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def run_cli_process(args: List[str], cwd: Path) -> Run:
    """Run the installed ``chitieu`` script in a subprocess (the real entry point)."""
    exe = Path(sys.executable).with_name("chitieu")
    env = dict(os.environ, SKBUILD_EDITABLE_VERBOSE="0", COLUMNS="200")
    proc = subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def plan():  # type: ignore[no-untyped-def]
    """The built-in La Gi plan."""
    import chitieu

    return chitieu.load_plan("la-gi-2024")


@pytest.fixture(scope="session")
def cluster_client():  # type: ignore[no-untyped-def]
    """A dask.distributed client of a two-worker LocalCluster (processes), one for the whole session. While it
    lives it is the default scheduler of every computation given no other; chitieu names its shuffle's method
    itself, so its graphs run on whichever scheduler computes them (tests/python/test_dask_shuffle.py)."""
    distributed = pytest.importorskip("distributed", reason="the LocalCluster test needs distributed (chitieu[dask])")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()

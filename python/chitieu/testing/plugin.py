"""The chitieu pytest plugin, registered by the ``pytest11`` entry point of the package.

Fixtures:

- ``chitieu_load_plan``: a function ``id_or_path -> Plan``, each plan loaded once a session;
- ``chitieu_plan``: the plan named by the test's ``@pytest.mark.chitieu_plan("id")``
  marker, ``la-gi-2024`` without one;
- ``chitieu_la_gi``: the La Gi sample (:class:`LaGiSample`): the plan, the paths of the
  observations, areas and crosswalk shipped with the package, and their evaluation on
  each year's own units;
- ``chitieu_snapshot``: ``chitieu_snapshot(ev, name=None, rtol=, atol=, check_pace=)``
  compares an evaluation with the CSV file ``snapshots/<module>/<test>[-<name>].csv``
  beside the test file; ``pytest --chitieu-update-snapshots`` writes the files instead.

Importing chitieu waits until a fixture is used: a session that uses none pays nothing.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, List, NamedTuple, Optional

import pytest

if TYPE_CHECKING:  # pragma: no cover
    from chitieu import Evaluation, Plan
    from chitieu.testing.asserts import EvaluationLike

__all__ = ["DEFAULT_PLAN", "LaGiSample", "Snapshot"]

#: The plan ``chitieu_plan`` loads for a test without a ``chitieu_plan`` marker.
DEFAULT_PLAN = "la-gi-2024"
_UPDATE = "--chitieu-update-snapshots"
_written_key = pytest.StashKey[List[Path]]()


class LaGiSample(NamedTuple):
    """The La Gi plan, its sample files and their evaluation (historical geography)."""

    plan: Plan
    observations: Path
    areas: Path
    crosswalk: Path
    evaluation: Evaluation


def pytest_addoption(parser: pytest.Parser) -> None:
    """The option ``--chitieu-update-snapshots``."""
    parser.getgroup("chitieu").addoption(
        _UPDATE, action="store_true", default=False,
        help="write the evaluation snapshots of chitieu_snapshot instead of comparing with them")


def pytest_configure(config: pytest.Config) -> None:
    """Declare the ``chitieu_plan`` marker; start the list of snapshots written."""
    config.addinivalue_line("markers", "chitieu_plan(id_or_path): the plan the chitieu_plan fixture loads")
    config.stash[_written_key] = []


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Say how many snapshots this run wrote, and where."""
    written = config.stash.get(_written_key, [])
    if written:
        terminalreporter.write_sep("-", f"chitieu: {len(written)} snapshot(s) written")
        for path in written:
            terminalreporter.write_line(f"  {path}")


@pytest.fixture(scope="session")
def chitieu_load_plan() -> Callable[[str], Plan]:
    """A function loading a plan by built-in id or file path, once per session per name."""
    import chitieu

    plans: Dict[str, Plan] = {}

    def load(id_or_path: str) -> Plan:
        key = str(id_or_path)
        if key not in plans:
            plans[key] = chitieu.load_plan(key)
        return plans[key]

    return load


@pytest.fixture
def chitieu_plan(request: pytest.FixtureRequest, chitieu_load_plan: Callable[[str], Plan]) -> Plan:
    """The plan of the test's ``chitieu_plan`` marker (``la-gi-2024`` without one)."""
    marker = request.node.get_closest_marker("chitieu_plan")
    if marker is None:
        return chitieu_load_plan(DEFAULT_PLAN)
    if len(marker.args) != 1:
        raise pytest.UsageError("@pytest.mark.chitieu_plan takes one plan id or file path, "
                                f"e.g. @pytest.mark.chitieu_plan('{DEFAULT_PLAN}')")
    return chitieu_load_plan(str(marker.args[0]))


@pytest.fixture(scope="session")
def chitieu_la_gi(chitieu_load_plan: Callable[[str], Plan]) -> LaGiSample:
    """The La Gi sample: plan, observation/area/crosswalk paths and their evaluation."""
    import chitieu
    from chitieu.demo import sample_paths

    plan = chitieu_load_plan(DEFAULT_PLAN)
    observations, areas, crosswalk = sample_paths()
    return LaGiSample(plan, observations, areas, crosswalk, chitieu.evaluate(plan, observations, areas=areas))


def _file_name(text: str) -> str:
    """``text`` with every character but letters, digits, ``.``, ``_`` and ``-`` made ``_``."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)


class Snapshot:
    """Compares evaluations with snapshot files of one test (the ``chitieu_snapshot`` fixture)."""

    def __init__(self, folder: Path, test: str, update: bool, written: List[Path]) -> None:
        self.folder = folder
        self.test = test
        self.update = update
        self._written = written

    def path(self, name: Optional[str] = None) -> Path:
        """The file of this test's snapshot ``name`` (the test's own without one)."""
        stem = self.test if name is None else f"{self.test}-{name}"
        return self.folder / f"{_file_name(stem)}.csv"

    def __call__(self, ev: EvaluationLike, name: Optional[str] = None, *, rtol: float = 1e-9,
                 atol: float = 0.0, check_pace: bool = True) -> None:
        """Assert ``ev`` equals the snapshot (see :func:`chitieu.testing.assert_evaluation_equal`),
        or write it under ``--chitieu-update-snapshots``."""
        from chitieu.testing import assert_evaluation_equal, read_snapshot, write_snapshot

        path = self.path(name)
        if self.update:
            self._written.append(write_snapshot(ev, path))
            return
        if not path.is_file():
            raise AssertionError(f"no snapshot {path}; run pytest {_UPDATE} to write it, then review and commit it")
        try:
            assert_evaluation_equal(ev, read_snapshot(path), rtol=rtol, atol=atol, check_pace=check_pace)
        except AssertionError as exc:
            raise AssertionError(f"the evaluation differs from the snapshot {path} (left: this run, right: the "
                                 f"snapshot; run pytest {_UPDATE} to accept the change)\n{exc}") from None


@pytest.fixture
def chitieu_snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """Snapshot testing of evaluations: ``chitieu_snapshot(ev)`` (see :class:`Snapshot`)."""
    folder = request.path.parent / "snapshots" / request.path.stem
    return Snapshot(folder, request.node.name, bool(request.config.getoption(_UPDATE)),
                    request.config.stash[_written_key])

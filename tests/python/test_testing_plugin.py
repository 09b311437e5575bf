"""The chitieu pytest plugin (entry point pytest11): fixtures and snapshots, run in pytester sessions."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

_SNAPSHOT_TEST = """
import pandas as pd
import chitieu

def test_town(chitieu_snapshot):
    obs = pd.DataFrame({"indicator": "trained_labour", "area": "la-gi", "year": [2020, 2021, 2022],
                        "value": [70.0, 71.0, VALUE]})
    chitieu_snapshot(chitieu.evaluate("la-gi-2024", obs))
"""


def test_plugin_is_registered_by_entry_point(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*chitieu:*", "*--chitieu-update-snapshots*"])


def test_plan_fixture_default_and_marker(pytester: pytest.Pytester, tmp_path: Path) -> None:
    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(
        'schema = 1\n[plan]\nid = "tiny"\ntitle = { vi = "T", en = "T" }\nbaseline_year = 2020\n'
        'target_year = 2030\n'
        '[[domains]]\nid = "d"\nname = { vi = "D", en = "D" }\n'
        '[[indicators]]\nid = "x"\ndomain = "d"\nname = { vi = "X", en = "X" }\nunit = "percent"\n'
        'direction = "higher"\ntarget = "trên 50%"\naggregate = "ratio"\n', encoding="utf-8")
    pytester.makepyfile(f"""
        import pytest

        def test_default(chitieu_plan):
            assert chitieu_plan.id == "la-gi-2024"

        @pytest.mark.chitieu_plan({str(plan_file)!r})
        def test_marker(chitieu_plan, chitieu_load_plan):
            assert [i.id for i in chitieu_plan.indicators] == ["x"]
            assert chitieu_load_plan({str(plan_file)!r}) is chitieu_plan
    """)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_la_gi_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        from chitieu.testing import assert_status

        def test_sample(chitieu_la_gi):
            assert chitieu_la_gi.plan.id == "la-gi-2024"
            for path in (chitieu_la_gi.observations, chitieu_la_gi.areas, chitieu_la_gi.crosswalk):
                assert path.is_file()
            frame = chitieu_la_gi.evaluation.to_frame()
            assert "la-gi" in set(frame["area"])
            row = frame.iloc[0]
            assert_status(chitieu_la_gi.evaluation, row["indicator"], row["area"], int(row["year"]), row["status"])
    """)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_snapshot_missing_then_written_then_compared(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_town=_SNAPSHOT_TEST.replace("VALUE", "72.5"))
    first = pytester.runpytest("-p", "no:cacheprovider")
    first.assert_outcomes(failed=1)
    first.stdout.fnmatch_lines(["*no snapshot *snapshots/test_town/test_town.csv; run pytest "
                                "--chitieu-update-snapshots to write it*"])

    written = pytester.runpytest("-p", "no:cacheprovider", "--chitieu-update-snapshots")
    written.assert_outcomes(passed=1)
    written.stdout.fnmatch_lines(["*chitieu: 1 snapshot(s) written*"])
    snapshot = pytester.path / "snapshots" / "test_town" / "test_town.csv"
    assert len(snapshot.read_text(encoding="utf-8").splitlines()) == 4  # header + three years

    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_snapshot_difference_shows_the_cells(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_town=_SNAPSHOT_TEST.replace("VALUE", "72.5"))
    pytester.runpytest("-p", "no:cacheprovider", "--chitieu-update-snapshots").assert_outcomes(passed=1)
    pytester.makepyfile(test_town=_SNAPSHOT_TEST.replace("VALUE", "90.0"))
    changed = pytester.runpytest("-p", "no:cacheprovider")
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines([
        "*the evaluation differs from the snapshot *test_town.csv (left: this run, right: the snapshot;*",
        "*evaluations differ (3 rows left, 3 right;*",
        "*differing cells:*",
        "*trained_labour*la-gi*2022*value*90*72.5*",
        "*trained_labour*la-gi*2022*status*met*not_met*",
    ])

"""Smoke test of the national benchmark (bench/national): generate 0.01× the data, run chitieu,
the pandas reference and the DuckDB roll-up, and require them to agree to 1e-9."""
from __future__ import annotations

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench", "national")
sys.path.insert(0, BENCH)

import check  # noqa: E402
import generate  # noqa: E402
import reference_pandas  # noqa: E402

import chitieu  # noqa: E402

PLAN = os.path.join(BENCH, "national-plan.toml")


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    obs, areas = generate.generate(0.01, seed=7)
    return obs.astype({"indicator": "category", "area": "category"}), areas


def test_generator_is_deterministic_and_has_gaps(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    again, _ = generate.generate(0.01, seed=7)
    assert again.equals(obs.astype({"indicator": str, "area": str}))
    communes = int((areas["level"] == "xã").sum())
    assert communes == 34  # max(34, round(3321 × 0.01)) communes, one or more per province
    assert len(areas) == 1 + 34 + communes
    full = 40 * communes * 11
    assert 0.9 * full < len(obs) < full  # gaps: ~1 % at random, late starts, missing base years
    assert obs[obs["indicator"] == "internet_households"]["year"].min() == 2022
    ratio = obs[obs["indicator"] == "trained_labour"]
    assert ratio["value"].isna().all() and (ratio["numerator"] <= ratio["denominator"]).all()


def test_chitieu_equals_the_pandas_reference(data) -> None:  # type: ignore[no-untyped-def]
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    ours = chitieu.evaluate(plan, obs, areas=areas).to_frame()
    theirs = reference_pandas.review(obs, areas, reference_pandas.rules_table(plan))
    assert len(ours) == len(obs) + len(ours[ours["area"].astype(str).str.len() <= 3])
    assert check.evaluation_differences(ours, theirs) == []
    # the comparison is not vacuous: a changed status is seen
    broken = theirs.copy()
    broken.loc[0, "status"] = "met" if broken.loc[0, "status"] != "met" else "not_met"
    assert check.evaluation_differences(ours, broken) != []


def test_chitieu_roll_up_equals_duckdb(data) -> None:  # type: ignore[no-untyped-def]
    duckdb = pytest.importorskip("duckdb")
    import reference_duckdb
    import run
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    con = duckdb.connect()
    reference_duckdb.load(con, obs, areas, reference_pandas.rules_table(plan))
    reference_duckdb.roll_up(con)
    theirs = reference_duckdb.parents_frame(con)
    ours = run.chitieu_parents(plan, obs, areas)
    assert len(ours) == len(theirs) > 0
    assert check.parent_differences(ours, theirs) == []


def test_chitieu_equals_the_polars_reference(data) -> None:  # type: ignore[no-untyped-def]
    pl = pytest.importorskip("polars")
    import reference_polars
    obs, areas = data
    plan = chitieu.load_plan(PLAN)
    ours = chitieu.evaluate(plan, obs, areas=areas).to_frame()
    # as polars.read_csv gives it: ids as String, missing numbers as null
    polars_obs = pl.from_pandas(obs.astype({"indicator": str, "area": str}))
    rules = reference_polars.rules_frame(reference_pandas.rules_table(plan))
    theirs = reference_polars.review(polars_obs, pl.from_pandas(areas), rules).to_pandas()
    assert len(theirs) == len(ours)
    assert check.evaluation_differences(ours, theirs) == []
    broken = theirs.copy()
    broken.loc[0, "p_meet"] = 2.0
    assert check.evaluation_differences(ours, broken) != []


@pytest.mark.parametrize("kind", ["categorical", "arrow"])
def test_stages_times_each_stage_of_every_input(data, kind: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    import pandas as pd

    obs, areas = data
    obs.to_csv(tmp_path / "observations.csv", index=False)
    areas.to_csv(tmp_path / "areas.csv", index=False)
    pd.to_pickle((obs, areas), tmp_path / "frames.pkl")
    out = subprocess.run([sys.executable, os.path.join(BENCH, "stages.py"), "--data", str(tmp_path), "--runs", "2",
                          "--input", kind], capture_output=True, text=True, check=True).stdout
    assert out.startswith(f"{len(obs):,} observations as {kind} ")
    for stage in ("read_observations", "panel_from_table", "check_and_complete", "review", "frame",
                  "chitieu.evaluate(...).to_frame()"):
        assert f"  {stage} " in out, out
    assert "minor page faults of each whole job, in order: [" in out


def test_perf_phases_counts_each_sample_once_by_phase_and_thread(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import perf_phases
    # perf script -F tid,ip,sym: a header line per sample, then its stack (leaf first), a blank line
    text = (
        "4242 \n\t 1 __ieee754_atan2_fma\n\t 2 chitieu::detail::series_evaluator::generic\n\t 3 chitieu::evaluate\n"
        "\t 4 main\n\n"
        "4242 \n\t 5 __GI_____strtod_l_internal\n\t 6 (anonymous namespace)::read_observations\n\t 4 main\n\n"
        "4242 \n\t 7 strlen\n\t 4 main\n\n"
        " 4250 \n\t 8 chitieu::detail::areas::(anonymous namespace)::add_share\n"
        "\t 9 chitieu::detail::areas::add_rows\n\n"
        " 4250 \n\t 2 chitieu::detail::series_evaluator::generic\n\t 10 std::thread::_State_impl\n\n"
        "4242 \n\t 11 chitieu::detail::duplicate_rows\n\t 12 chitieu::observation_problems\n\t 4 main\n\n"
        "4242 \n\t 13 chitieu::area_table::area_table\n\t 14 (anonymous namespace)::read_areas\n\t 4 main\n"
    )
    script = tmp_path / "review.txt"
    script.write_text(text)
    first, others = perf_phases.phase_counts(str(script))
    # reading the files (even through chitieu's code) and samples outside chitieu's code left out
    assert first == {"series_evaluator": 1, "duplicate_rows": 1}
    assert others == {"add_rows": 1, "series_evaluator": 1}
    first, others = perf_phases.phase_counts(str(script), keep_setup=True)
    assert first == {"series_evaluator": 1, "duplicate_rows": 1, "__GI_____strtod_l_internal": 1, "strlen": 1,
                     "chitieu::area_table::area_table": 1}

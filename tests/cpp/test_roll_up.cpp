#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/crosswalk.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/geography.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/roll_up.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::area_table;
using chitieu::panel;

using namespace chitieu::test;

namespace {

// Town T with wards a, b, c.
area_table town() {
  return area_table({make_area("T", ""), make_area("a", "T"), make_area("b", "T"), make_area("c", "T")});
}

}  // namespace

BOOST_AUTO_TEST_CASE(ratio_of_sums_not_mean_of_ratios) {
  // Unemployment: a 100 unemployed of 5 000 (2 %), b 30 of 1 000 (3 %), c 10 of 4 000 (0.25 %).
  // Ratio of sums: 140 × 100 / 10 000 = 1.4 %. Mean of ratios would be (2 + 3 + 0.25)/3 = 1.75 %.
  const auto p = make_plan({make_indicator("u", chitieu::unit::percent, aggregate_rule::ratio)});
  panel obs;
  obs.add("u", "a", 2020, 2.0, 100, 5000);
  obs.add("u", "b", 2020, 3.0, 30, 1000);
  obs.add("u", "c", 2020, 0.25, missing, 4000);  // value × den / factor = 0.25 × 4000 / 100 = 10
  const auto res = chitieu::roll_up(p, obs, town());
  const long r = find(res.rows, "u", "T", 2020);
  BOOST_TEST_REQUIRE(r >= 0);
  BOOST_TEST(res.rows.value[static_cast<std::size_t>(r)] == 1.4, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(res.rows.numerator[static_cast<std::size_t>(r)] == 140.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(res.rows.denominator[static_cast<std::size_t>(r)] == 10000.0);
  BOOST_TEST(res.rows.coverage[static_cast<std::size_t>(r)] == 1.0);
  BOOST_TEST(res.rows.size() == 4u);  // three inputs plus the parent row
  BOOST_TEST(res.findings.empty());
}

BOOST_AUTO_TEST_CASE(per_10k_ratio_uses_its_factor) {
  // Doctors per 10 000: a 10 doctors / 8 000 people, b 5 / 2 000 → 15 × 10 000 / 10 000 = 15.
  const auto p = make_plan({make_indicator("d", chitieu::unit::per_10k, aggregate_rule::ratio)});
  panel obs;
  obs.add("d", "a", 2021, missing, 10, 8000);
  obs.add("d", "b", 2021, missing, 5, 2000);
  obs.add("d", "c", 2021, 0.0, 0, 1);  // one person, no doctor
  const auto res = chitieu::roll_up(p, obs, town());
  const auto r = static_cast<std::size_t>(find(res.rows, "d", "T", 2021));
  BOOST_TEST(res.rows.value[r] == 15 * 10000.0 / 10001.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(sum_weighted_mean_min_max_all_any) {
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum),
                            make_indicator("inc", chitieu::unit::money, aggregate_rule::weighted_mean),
                            make_indicator("lo", chitieu::unit::years, aggregate_rule::min),
                            make_indicator("hi", chitieu::unit::years, aggregate_rule::max),
                            make_indicator("every", chitieu::unit::boolean, aggregate_rule::all),
                            make_indicator("some", chitieu::unit::boolean, aggregate_rule::any),
                            make_indicator("own", chitieu::unit::years, aggregate_rule::none)});
  panel obs;
  obs.add("jobs", "a", 2022, 100);
  obs.add("jobs", "b", 2022, 250);
  obs.add("jobs", "c", 2022, 50);  // Σ = 400
  obs.add("inc", "a", 2022, 4.0, missing, missing, 1000);
  obs.add("inc", "b", 2022, 5.0, missing, missing, 3000);
  obs.add("inc", "c", 2022, 6.0, missing, missing, 1000);  // (4000 + 15000 + 6000) / 5000 = 5
  for (const char* i : {"lo", "hi"}) {
    obs.add(i, "a", 2022, 74.0);
    obs.add(i, "b", 2022, 76.5);
    obs.add(i, "c", 2022, 75.0);
  }
  obs.add("every", "a", 2022, 1);
  obs.add("every", "b", 2022, 0);
  obs.add("every", "c", 2022, 1);  // all → 0
  obs.add("some", "a", 2022, 0);
  obs.add("some", "b", 2022, 1);
  obs.add("some", "c", 2022, 0);  // any → 1
  obs.add("own", "a", 2022, 70);
  obs.add("own", "b", 2022, 71);
  obs.add("own", "c", 2022, 72);
  const auto res = chitieu::roll_up(p, obs, town());
  const auto v = [&](const char* i) {
    return res.rows.value[static_cast<std::size_t>(find(res.rows, i, "T", 2022))];
  };
  BOOST_TEST(v("jobs") == 400.0);
  BOOST_TEST(v("inc") == 5.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(res.rows.weight[static_cast<std::size_t>(find(res.rows, "inc", "T", 2022))] == 5000.0);
  BOOST_TEST(v("lo") == 74.0);
  BOOST_TEST(v("hi") == 76.5);
  BOOST_TEST(v("every") == 0.0);
  BOOST_TEST(v("some") == 1.0);
  BOOST_TEST(find(res.rows, "own", "T", 2022) == -1);  // none: no parent row
}

BOOST_AUTO_TEST_CASE(coverage_below_the_threshold_gives_no_data_never_a_partial_sum) {
  // Two of three wards report: coverage 2/3. Default min_coverage 1 → NaN with coverage 2/3.
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum),
                            make_indicator("half", chitieu::unit::count, aggregate_rule::sum, 0.5)});
  panel obs;
  obs.add("jobs", "a", 2020, 100);
  obs.add("jobs", "b", 2020, 250);
  obs.add("half", "a", 2020, 100);
  obs.add("half", "b", 2020, 250);
  obs.add("half", "a", 2021, 100);  // 1 of 3 = 0.333 < 0.5
  const auto res = chitieu::roll_up(p, obs, town());
  const auto r = static_cast<std::size_t>(find(res.rows, "jobs", "T", 2020));
  BOOST_TEST(std::isnan(res.rows.value[r]));
  BOOST_TEST(res.rows.coverage[r] == 2.0 / 3.0);
  // min_coverage 0.5: 2/3 >= 0.5 gives the sum of the reporting wards, 350.
  const auto h = static_cast<std::size_t>(find(res.rows, "half", "T", 2020));
  BOOST_TEST(res.rows.value[h] == 350.0);
  BOOST_TEST(res.rows.coverage[h] == 2.0 / 3.0);
  const auto h1 = static_cast<std::size_t>(find(res.rows, "half", "T", 2021));
  BOOST_TEST(std::isnan(res.rows.value[h1]));
  BOOST_TEST(res.rows.coverage[h1] == 1.0 / 3.0);
  // No child reported in 2022: no parent row at all.
  BOOST_TEST(find(res.rows, "jobs", "T", 2022) == -1);
}

BOOST_AUTO_TEST_CASE(min_coverage_one_half_is_inclusive) {
  // Town U with two wards; one reports: coverage 1/2 = 0.5 >= 0.5 → a value.
  const area_table t({make_area("U", ""), make_area("x", "U"), make_area("y", "U")});
  const auto p = make_plan({make_indicator("n", chitieu::unit::count, aggregate_rule::sum, 0.5)});
  panel obs;
  obs.add("n", "x", 2020, 7);
  const auto res = chitieu::roll_up(p, obs, t);
  const auto r = static_cast<std::size_t>(find(res.rows, "n", "U", 2020));
  BOOST_TEST(res.rows.value[r] == 7.0);
  BOOST_TEST(res.rows.coverage[r] == 0.5);
}

BOOST_AUTO_TEST_CASE(rolls_through_every_level_and_no_data_propagates) {
  // Province P ⊃ towns T (a, b) and S (s). Ratio: a 10/100, b 20/100, s 30/200.
  // T = 30 × 100 / 200 = 15 %; P = 60 × 100 / 400 = 15 %.
  const area_table t({make_area("P", ""), make_area("T", "P"), make_area("S", "P"), make_area("a", "T"),
                      make_area("b", "T"), make_area("s", "S")});
  const auto p = make_plan({make_indicator("r", chitieu::unit::percent, aggregate_rule::ratio)});
  panel obs;
  obs.add("r", "a", 2020, missing, 10, 100);
  obs.add("r", "b", 2020, missing, 20, 100);
  obs.add("r", "s", 2020, missing, 30, 200);
  obs.add("r", "a", 2021, missing, 10, 100);  // b missing: T no_data, so P has coverage 1/2
  obs.add("r", "s", 2021, missing, 30, 200);
  const auto res = chitieu::roll_up(p, obs, t);
  const auto at = [&](const char* a, int y) { return static_cast<std::size_t>(find(res.rows, "r", a, y)); };
  BOOST_TEST(res.rows.value[at("T", 2020)] == 15.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(res.rows.value[at("P", 2020)] == 15.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(res.rows.denominator[at("P", 2020)] == 400.0);
  BOOST_TEST(std::isnan(res.rows.value[at("T", 2021)]));
  BOOST_TEST(res.rows.coverage[at("T", 2021)] == 0.5);
  BOOST_TEST(std::isnan(res.rows.value[at("P", 2021)]));  // T did not report, S did: 1/2
  BOOST_TEST(res.rows.coverage[at("P", 2021)] == 0.5);
}

BOOST_AUTO_TEST_CASE(own_observation_wins_and_the_difference_is_a_finding) {
  // T observed 1 000 jobs itself; its wards sum to 100 + 250 + 50 = 400.
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("jobs", "T", 2020, 1000);
  obs.add("jobs", "a", 2020, 100);
  obs.add("jobs", "b", 2020, 250);
  obs.add("jobs", "c", 2020, 50);
  obs.add("jobs", "T", 2021, 400);  // agrees with its wards: no finding
  obs.add("jobs", "a", 2021, 100);
  obs.add("jobs", "b", 2021, 250);
  obs.add("jobs", "c", 2021, 50);
  const auto res = chitieu::roll_up(p, obs, town());
  BOOST_TEST(res.rows.size() == obs.size());  // no parent rows added: T has its own
  const auto r = static_cast<std::size_t>(find(res.rows, "jobs", "T", 2020));
  BOOST_TEST(res.rows.value[r] == 1000.0);
  BOOST_TEST(std::isnan(res.rows.coverage[r]));  // an observation, not an aggregate
  BOOST_TEST_REQUIRE(res.findings.size() == 1u);
  const auto& f = res.findings[0];
  BOOST_TEST((f.kind == chitieu::finding_kind::own_vs_aggregate));
  BOOST_TEST(f.indicator == "jobs");
  BOOST_TEST(f.area == "T");
  BOOST_TEST(f.year == 2020);
  BOOST_TEST(f.own == 1000.0);
  BOOST_TEST(f.aggregate == 400.0);
}

BOOST_AUTO_TEST_CASE(an_empty_own_row_is_filled_by_the_aggregate) {
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("jobs", "T", 2020, missing);
  obs.add("jobs", "a", 2020, 1);
  obs.add("jobs", "b", 2020, 2);
  obs.add("jobs", "c", 2020, 3);
  const auto res = chitieu::roll_up(p, obs, town());
  BOOST_TEST(res.rows.size() == 4u);
  BOOST_TEST(res.rows.value[0] == 6.0);  // 1 + 2 + 3
  BOOST_TEST(res.rows.coverage[0] == 1.0);
}

BOOST_AUTO_TEST_CASE(a_part_above_its_whole_is_a_finding) {
  // Trained labour 80 %, of which certified 40 %: ward a reports certified 850 of 1 000 while
  // trained is 800 of 1 000. The town: certified (850 + 300)/2 000 = 57.5 % vs trained
  // (800 + 800)/2 000 = 80 %: fine. Ward a: 85 % > 80 %: a finding.
  const area_table t({make_area("T", ""), make_area("a", "T"), make_area("b", "T")});
  const auto p =
      make_plan({make_indicator("trained", chitieu::unit::percent, aggregate_rule::ratio),
                 make_indicator("certified", chitieu::unit::percent, aggregate_rule::ratio, 1.0, "trained")});
  panel obs;
  obs.add("trained", "a", 2020, missing, 800, 1000);
  obs.add("trained", "b", 2020, missing, 800, 1000);
  obs.add("certified", "a", 2020, missing, 850, 1000);
  obs.add("certified", "b", 2020, missing, 300, 1200);  // a different denominator: also a finding
  const auto res = chitieu::roll_up(p, obs, t);
  BOOST_TEST_REQUIRE(res.findings.size() == 3u);
  BOOST_TEST((res.findings[0].kind == chitieu::finding_kind::part_exceeds_whole));
  BOOST_TEST(res.findings[0].area == "a");
  BOOST_TEST(res.findings[0].own == 85.0);
  BOOST_TEST(res.findings[0].aggregate == 80.0);
  BOOST_TEST((res.findings[1].kind == chitieu::finding_kind::part_denominator_differs));
  BOOST_TEST(res.findings[1].area == "b");
  BOOST_TEST(res.findings[1].own == 1200.0);
  // The town's denominators differ too: 2 200 vs 2 000.
  BOOST_TEST((res.findings[2].kind == chitieu::finding_kind::part_denominator_differs));
  BOOST_TEST(res.findings[2].area == "T");
}

BOOST_AUTO_TEST_CASE(each_year_uses_its_own_units_and_parents) {
  // Wards a, b under T until 2025-06-30; ab under R from 2025-07-01.
  const area_table t({make_area("T", "", "", "2025-06-30"), make_area("R", "", "2025-07-01", ""),
                      make_area("a", "T", "", "2025-06-30"), make_area("b", "T", "", "2025-06-30"),
                      make_area("ab", "R", "2025-07-01", "")});
  const auto p = make_plan({make_indicator("n", chitieu::unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("n", "a", 2024, 1);
  obs.add("n", "b", 2024, 2);
  obs.add("n", "ab", 2025, 4);
  const auto res = chitieu::roll_up(p, obs, t);
  BOOST_TEST(res.rows.value[static_cast<std::size_t>(find(res.rows, "n", "T", 2024))] == 3.0);
  BOOST_TEST(res.rows.value[static_cast<std::size_t>(find(res.rows, "n", "R", 2025))] == 4.0);
  BOOST_TEST(find(res.rows, "n", "R", 2024) == -1);
  BOOST_TEST(find(res.rows, "n", "T", 2025) == -1);
}

BOOST_AUTO_TEST_CASE(missing_denominator_or_weight_is_an_error) {
  const auto p = make_plan({make_indicator("u", chitieu::unit::percent, aggregate_rule::ratio),
                            make_indicator("w", chitieu::unit::money, aggregate_rule::weighted_mean)});
  panel ratio_only;
  ratio_only.add("u", "a", 2020, 2.0);  // a value without denominator
  try {
    (void)chitieu::roll_up(p, ratio_only, town());
    BOOST_FAIL("ratio without denominator accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "denominator");
    BOOST_TEST(e.line() == 1);
  }
  panel no_weight;
  no_weight.add("w", "a", 2020, 4.0);
  try {
    (void)chitieu::roll_up(p, no_weight, town());
    BOOST_FAIL("weighted mean without weight accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "weight");
  }
}

BOOST_AUTO_TEST_CASE(unknown_indicators_areas_and_duplicates_are_errors) {
  const auto p = make_plan({make_indicator("n", chitieu::unit::count, aggregate_rule::sum)});
  panel unknown_ind;
  unknown_ind.add("zz", "a", 2020, 1);
  BOOST_CHECK_THROW(chitieu::roll_up(p, unknown_ind, town()), chitieu::error);
  panel unknown_area;
  unknown_area.add("n", "zz", 2020, 1);
  BOOST_CHECK_THROW(chitieu::roll_up(p, unknown_area, town()), chitieu::error);
  panel twice;
  twice.add("n", "a", 2020, 1);
  twice.add("n", "a", 2020, 2);
  try {
    (void)chitieu::roll_up(p, twice, town());
    BOOST_FAIL("duplicate accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.line() == 2);
  }
}

// One rule, one place: the roll-up words and judges as the observation checks do.

namespace {

/// `run` throws the error `expected` (the observation checks' problem): same message, line and
/// field, and the message reads `text`.
void expect_same_error(const std::function<void()>& run, const chitieu::error& expected,
                       const std::string& text) {
  try {
    run();
    BOOST_FAIL("bad input accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.message() == expected.message());
    BOOST_TEST(e.message() == text);
    BOOST_TEST((e.line() == expected.line() && e.field() == expected.field()));
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(duplicate_row_worded_as_every_duplicate_check) {
  const auto p = make_plan({make_indicator("n", chitieu::unit::count, aggregate_rule::sum)});
  panel twice;
  twice.add("n", "a", 2020, 1);
  twice.add("n", "b", 2020, 1);
  twice.add("n", "a", 2020, 2);
  const auto problems = chitieu::observation_problems(p, twice);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST((problems[0].line() == 3 && problems[0].field() == "year"));
  const std::string text =
      "indicator 'n', area 'a', year 2020: duplicate of row 1; give one row per indicator × area × year";
  expect_same_error([&] { (void)chitieu::roll_up(p, twice, town()); }, problems[0], text);
  expect_same_error([&] { (void)chitieu::evaluate(p, twice); }, problems[0], text);
}

BOOST_AUTO_TEST_CASE(unknown_indicator_worded_as_every_lookup) {
  const auto p = make_plan({make_indicator("n", chitieu::unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("n", "a", 2020, 1);
  obs.add("zz", "b", 2020, 1);
  const auto problems = chitieu::observation_problems(p, obs);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST((problems[0].line() == 2 && problems[0].field() == "indicator"));
  const std::string text =
      "indicator 'zz', area 'b', year 2020: indicator 'zz' is not in plan 'test-plan'; expected one of n";
  expect_same_error([&] { (void)chitieu::roll_up(p, obs, town()); }, problems[0], text);
  expect_same_error([&] { (void)chitieu::evaluate(p, obs); }, problems[0], text);
}

BOOST_AUTO_TEST_CASE(part_given_by_numerator_and_denominator_is_compared_with_its_whole) {
  // Not rolled up (rule none), values given as counts only: 60 of 100 insured poor against 50 of
  // 100 insured. The observation checks and the roll-up read the same value (effective_value).
  const auto p = make_plan(
      {make_indicator("insured", chitieu::unit::percent, aggregate_rule::none),
       make_indicator("insured_poor", chitieu::unit::percent, aggregate_rule::none, 1.0, "insured")});
  panel obs;
  obs.add("insured", "a", 2020, missing, 50, 100);
  obs.add("insured_poor", "a", 2020, missing, 60, 100);
  const auto problems = chitieu::observation_problems(p, obs);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].message().find("exceeds its whole") != std::string::npos);
  const auto res = chitieu::roll_up(p, obs, town());
  BOOST_TEST_REQUIRE(res.findings.size() == 1u);
  BOOST_TEST((res.findings[0].kind == chitieu::finding_kind::part_exceeds_whole));
  BOOST_TEST(res.findings[0].own == 60.0);
  BOOST_TEST(res.findings[0].aggregate == 50.0);
}

BOOST_AUTO_TEST_CASE(part_above_whole_one_tolerance) {
  // A part above its whole by 1e-10 of it is rounding for both checks; by 1e-8, a finding for both.
  const auto p = make_plan({make_indicator("w", chitieu::unit::count, aggregate_rule::none),
                            make_indicator("pt", chitieu::unit::count, aggregate_rule::none, 1.0, "w")});
  for (const double excess : {1e-10, 1e-8}) {
    panel obs;
    obs.add("w", "a", 2020, 1000.0);
    obs.add("pt", "a", 2020, 1000.0 * (1 + excess));
    const bool flagged = excess > 1e-9;
    BOOST_TEST(chitieu::observation_problems(p, obs).size() == (flagged ? 1u : 0u));
    BOOST_TEST(chitieu::roll_up(p, obs, town()).findings.size() == (flagged ? 1u : 0u));
  }
}

BOOST_AUTO_TEST_CASE(reexpress_and_roll_up_combine_by_one_rule) {
  // Wards a and b merge into T2 (share 1 each) while T is their parent: the merged unit and the
  // parent combine the same rows by the same rule and get the same numbers.
  const auto p = make_plan({make_indicator("inc", chitieu::unit::money, aggregate_rule::weighted_mean),
                            make_indicator("u", chitieu::unit::percent, aggregate_rule::ratio)});
  const area_table areas({make_area("T", ""), make_area("a", "T", "", "2024-12-31"),
                          make_area("b", "T", "", "2024-12-31"), make_area("T2", "", "2025-01-01")});
  const chitieu::crosswalk cw(
      {{"a", "T2", 1.0, chitieu::date{2025, 1, 1}}, {"b", "T2", 1.0, chitieu::date{2025, 1, 1}}}, areas);
  panel obs;
  obs.add("inc", "a", 2020, 3.1, missing, missing, 40);
  obs.add("inc", "b", 2020, 4.7, missing, missing, 70);
  obs.add("u", "a", 2020, 2.0, 100, 5000);
  obs.add("u", "b", 2020, 3.0, 30, 1000);
  const auto rolled = chitieu::roll_up(p, obs, areas);
  const panel merged = chitieu::reexpress(p, obs, areas, cw, chitieu::date{2025, 6, 1});
  for (const std::string id : {"inc", "u"}) {
    const long r = find(rolled.rows, id, "T", 2020), m = find(merged, id, "T2", 2020);
    BOOST_TEST_REQUIRE((r >= 0 && m >= 0));
    const auto ru = static_cast<std::size_t>(r), mu = static_cast<std::size_t>(m);
    BOOST_TEST(rolled.rows.value[ru] == merged.value[mu]);
    BOOST_TEST(same_numbers({rolled.rows.numerator[ru], rolled.rows.denominator[ru], rolled.rows.weight[ru]},
                            {merged.numerator[mu], merged.denominator[mu], merged.weight[mu]}));
  }
}

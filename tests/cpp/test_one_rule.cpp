// One rule, one place (docs/development.md): each rule that 0.1.0 implemented twice, tested on an
// input where the two old implementations disagreed, asserting the one behaviour of every path
// now. Each case names the old divergence. Rules whose old implementations gave the same results
// on every input (the aggregation rules, the ISO date check, the row label) keep agreement tests.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/crosswalk.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/geography.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/plan_validate.hpp>
#include <chitieu/review.hpp>
#include <chitieu/roll_up.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::area_table;
using chitieu::panel;
using chitieu::unit;

using namespace chitieu::test;

namespace {

// Town T with wards a and b, and a successor T2 of a and b from 2025-01-01 (for reexpress).
area_table town() {
  return area_table({make_area("T", ""), make_area("a", "T", "", "2024-12-31"),
                     make_area("b", "T", "", "2024-12-31"), make_area("T2", "", "2025-01-01")});
}

chitieu::crosswalk merger(const area_table& areas) {
  return chitieu::crosswalk(
      {{"a", "T2", 1.0, chitieu::date{2025, 1, 1}}, {"b", "T2", 1.0, chitieu::date{2025, 1, 1}}}, areas);
}

// Every path that reads a panel against a plan, each throwing its first problem.
std::vector<std::pair<std::string, std::function<void()>>> every_path(const chitieu::plan& p,
                                                                      const panel& obs) {
  return {
      {"check_observations", [&] { chitieu::check_observations(p, obs); }},
      {"complete_values",
       [&] {
         panel copy = obs;
         chitieu::complete_values(p, copy);
       }},
      {"roll_up", [&] { (void)chitieu::roll_up(p, obs, town()); }},
      {"reexpress",
       [&] {
         const area_table areas = town();
         (void)chitieu::reexpress(p, obs, areas, merger(areas), chitieu::date{2025, 6, 1});
       }},
      {"evaluate", [&] { (void)chitieu::evaluate(p, obs); }},
      {"review", [&] { (void)chitieu::review(p, obs); }},
  };
}

// The error `run` throws (a default one with line -1 when it throws none).
chitieu::error error_of(const std::function<void()>& run) {
  try {
    run();
  } catch (const chitieu::error& e) {
    return e;
  }
  return chitieu::error("nothing thrown", {}, -1);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

// Old: a row whose indicator the plan lacks was worded three ways. The roll-up and reexpress said
// "indicator 'zz' is not defined in plan 'test-plan'; its aggregation rule is unknown" at line 0
// (no row); complete_values said "…: indicator is not in plan 'test-plan', so its unit and ratio
// factor are unknown" — and it was the only path to fail on a row given by counts before the others
// looked; the observation checks and evaluate listed the expected ids. Now every path: one message,
// at the row, field "indicator".
BOOST_AUTO_TEST_CASE(an_indicator_not_in_the_plan_is_worded_once) {
  const auto p = make_plan({make_indicator("n", unit::percent, aggregate_rule::ratio)});
  panel obs;
  obs.add("n", "a", 2020, 10.0, 1, 10);
  obs.add("zz", "b", 2020, missing, 3, 10);  // given by counts: complete_values needs its unit
  for (const auto& [path, run] : every_path(p, obs)) {
    const chitieu::error e = error_of(run);
    BOOST_TEST(e.message() ==
                   "indicator 'zz', area 'b', year 2020: indicator 'zz' is not in plan 'test-plan'; expected "
                   "one of n",
               path);
    BOOST_TEST(e.line() == 2, path);
    BOOST_TEST(e.field() == "indicator", path);
  }
}

// Old: the roll-up and reexpress (check_unique_rows) said "indicator 'n', area 'a', year 2020 is
// observed twice (rows 1 and 3); keep one row per indicator, area and year", the evaluator
// "…: duplicate observation (also row 1); …", the observation checks "…: duplicate of row 1; …".
// Now one message and the first row as related_line, on every path, and evaluate() with
// checked = true (its own series check) too. A third copy names its latest earlier row.
BOOST_AUTO_TEST_CASE(a_duplicate_row_is_worded_once) {
  const auto p = make_plan({make_indicator("n", unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("n", "a", 2020, 1);
  obs.add("n", "b", 2020, 1);
  obs.add("n", "a", 2020, 2);
  obs.add("n", "a", 2020, 3);
  const std::string first =
      "indicator 'n', area 'a', year 2020: duplicate of row 1; give one row per "
      "indicator × area × year";
  auto paths = every_path(p, obs);
  chitieu::evaluate_options unchecked;
  unchecked.checked = true;
  paths.emplace_back("evaluate checked", [&] { (void)chitieu::evaluate(p, obs, unchecked); });
  for (const auto& [path, run] : paths) {
    if (path == "complete_values") continue;  // completes values, checks no rows
    const chitieu::error e = error_of(run);
    // The checks that list every problem count the rest after the first: " (and 1 more problem …)".
    BOOST_TEST(e.message().rfind(first, 0) == 0u, path << ": " << e.message());
    BOOST_TEST(e.line() == 3, path);
    BOOST_TEST(e.related_line() == 1, path);
    BOOST_TEST(e.field() == "year", path);
  }
  const auto problems = chitieu::observation_problems(p, obs);
  BOOST_TEST_REQUIRE(problems.size() == 2u);
  BOOST_TEST(problems[1].line() == 4);
  BOOST_TEST(problems[1].related_line() == 3);
}

// Old: the observation checks flagged part > whole + 1e-9·max(1, |whole|); the roll-up flagged
// |part − whole| > 1e-9·max(1, |part|, |whole|), computed on the difference. For a whole of 1 000 000
// and a part of 1 000 000.001 (one part in a billion as typed) the first said no (the part is
// exactly whole + 1e-9·whole in doubles), the second yes (the difference is 1.00000004e-3, its
// tolerance 1.000000001e-3): a part_exceeds_whole finding of the roll-up that the observation check
// let pass. Now both say no, and both flag 1 000 000.002.
BOOST_AUTO_TEST_CASE(a_part_at_the_tolerance_of_its_whole_is_judged_once) {
  const auto p = make_plan({make_indicator("w", unit::count, aggregate_rule::none),
                            make_indicator("pt", unit::count, aggregate_rule::none, 1.0, "w")});
  for (const auto& [part, flagged] : {std::pair{1000000.001, false}, std::pair{1000000.002, true}}) {
    panel obs;
    obs.add("w", "a", 2020, 1000000.0);
    obs.add("pt", "a", 2020, part);
    BOOST_TEST(chitieu::observation_problems(p, obs).size() == (flagged ? 1u : 0u), part);
    const auto findings = chitieu::roll_up(p, obs, town()).findings;
    BOOST_TEST(findings.size() == (flagged ? 1u : 0u), part);
  }
}

// Old: two functions named effective_value. The roll-up's read numerator × factor / denominator
// only for the ratio rule; the observation checks' for any row with counts. A parent's own row
// given as 30 of 100 (weighted_mean rule) was NaN to the roll-up, so its difference from the
// children's mean (60 %) gave no own_vs_aggregate finding; the checks read it as 30 %. Now the
// roll-up reads 30 % too and reports the difference.
BOOST_AUTO_TEST_CASE(an_own_row_given_by_counts_is_read_once) {
  const auto p = make_plan({make_indicator("share", unit::percent, aggregate_rule::weighted_mean)});
  const area_table areas({make_area("T", ""), make_area("a", "T"), make_area("b", "T")});
  panel obs;
  obs.add("share", "T", 2020, missing, 30, 100);
  obs.add("share", "a", 2020, 50, missing, missing, 1);
  obs.add("share", "b", 2020, 70, missing, missing, 1);
  const auto res = chitieu::roll_up(p, obs, areas);
  BOOST_TEST_REQUIRE(res.findings.size() == 1u);
  BOOST_TEST((res.findings[0].kind == chitieu::finding_kind::own_vs_aggregate));
  BOOST_TEST(res.findings[0].own == 30.0);
  BOOST_TEST(res.findings[0].aggregate == 60.0);
}

// Old: numbers in messages were written with 6 significant digits by plan validation (the stream
// default: "123.457"), 10 by the roll-up ("123.456789") and 15 by the observation checks
// ("123.456789012"). Now every message writes 123.456789012 whole.
BOOST_AUTO_TEST_CASE(a_number_is_written_once) {
  const double x = 123.456789012;
  const auto in_plan =
      make_plan("share", unit::percent,
                make_target(chitieu::target_kind::threshold, chitieu::direction::higher, x, true, {}, false));
  bool plan_says = false;
  for (const auto& e : chitieu::plan_problems(in_plan))
    plan_says =
        plan_says || contains(e.message(), "bound 123.456789012 is outside the domain of unit percent");
  BOOST_TEST(plan_says);

  const auto p = make_plan({make_indicator("share", unit::percent, aggregate_rule::none),
                            make_indicator("jobs", unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("share", "a", 2020, x);
  const auto problems = chitieu::observation_problems(p, obs);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(contains(problems[0].message(), "value 123.456789012 is outside the domain of unit percent"),
             problems[0].message());

  panel jobs;
  jobs.add("jobs", "T", 2020, x);
  jobs.add("jobs", "a", 2020, 1);
  jobs.add("jobs", "b", 2020, 2);
  const auto res =
      chitieu::roll_up(p, jobs, area_table({make_area("T", ""), make_area("a", "T"), make_area("b", "T")}));
  BOOST_TEST_REQUIRE(res.findings.size() == 1u);
  BOOST_TEST(contains(res.findings[0].message, "own observation 123.456789012 of 'T'"),
             res.findings[0].message);
}

// Agreement: plan validation's date check and parse_date() were two functions that accepted the
// same texts; now plan validation calls iso_date_problem(), as parse_date() does.
BOOST_AUTO_TEST_CASE(plan_dates_are_read_as_every_date) {
  for (const std::string text :
       {"2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2025-13-01", "2025-04-31", "2025-7-01",
        "2025/07/01", "20250701", "２025-07-01", "0000-01-01", " 2025-07-01"}) {
    auto p = make_plan({make_indicator("n", unit::count, aggregate_rule::sum)});
    p.adopted = text;
    bool refused_in_plan = false;
    for (const auto& e : chitieu::plan_problems(p))
      refused_in_plan = refused_in_plan || e.field() == "plan.adopted";
    bool parses = true;
    try {
      (void)chitieu::parse_date(text);
    } catch (const chitieu::error&) {
      parses = false;
    }
    BOOST_TEST(refused_in_plan == !parses, text);
  }
}

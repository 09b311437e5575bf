#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/observations_check.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using chitieu::direction;
using chitieu::target_kind;
using chitieu::unit;

using namespace chitieu::test;

namespace {
chitieu::indicator make(const std::string& id, unit u, target_kind k = target_kind::threshold) {
  chitieu::indicator i;
  i.id = id;
  i.unit = u;
  i.target.kind = k;
  i.target.dir = chitieu::is_boolean_kind(k) ? direction::none : direction::higher;
  if (!chitieu::is_boolean_kind(k)) i.target.lower = 1.0;
  return i;
}

chitieu::plan make_plan() {
  auto p = chitieu::test::make_plan(
      {make("share", unit::percent), make("people", unit::count), make("idx", unit::index),
       make("done", unit::boolean, target_kind::milestone),
       make("kept", unit::boolean, target_kind::qualitative), make("rate", unit::per_10k)});
  p.id = "check";  // named in the messages asserted below
  return p;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

BOOST_AUTO_TEST_CASE(clean_panel_has_no_problems) {
  chitieu::panel obs;
  obs.add("share", "a", 2020, 70);
  obs.add("share", "a", 2021, 72, 72, 100);      // 72·100/100 = 72: consistent
  obs.add("share", "b", 2021, missing, 30, 40);  // ratio row without value
  obs.add("people", "a", 2021, 0);
  obs.add("idx", "a", 2021, -3.5);  // an index may be negative
  obs.add("done", "a", 2021, 1);
  obs.add("kept", "a", 2021, missing);  // a qualitative row without assessment
  obs.add("share", "c", 2021, missing);
  obs.coverage.back() = 0.5;  // a rolled-up parent under min_coverage
  BOOST_TEST(chitieu::observation_problems(make_plan(), obs).empty());
  BOOST_CHECK_NO_THROW(chitieu::check_observations(make_plan(), obs));
}

BOOST_AUTO_TEST_CASE(each_problem_names_row_field_and_remedy) {
  chitieu::panel obs;
  obs.add("share", "a", 2020, 120);              // 1: percent > 100
  obs.add("people", "a", 2020, -1);              // 2: negative count
  obs.add("nope", "a", 2020, 1);                 // 3: unknown indicator
  obs.add("share", "a", 2020, 50);               // 4: duplicate of row 1
  obs.add("share", "b", 2020, missing);          // 5: missing value
  obs.add("share", "c", 2020, missing, 5, 0);    // 6: zero denominator (the value is not computable)
  obs.add("share", "d", 2020, missing, 50, 40);  // 7: numerator above denominator
  obs.add("share", "e", 2020, 60, 30, 40);       // 8: 60 vs 30·100/40 = 75
  obs.add("done", "a", 2020, 0.5);               // 9: boolean not 0/1
  obs.add("share", "f", 1850, 50);               // 10: absurd year
  obs.add("share", "g", 2020, std::numeric_limits<double>::infinity());  // 11: inf
  obs.add("share", "h", 2020, missing, 5);                               // 12: numerator without denominator
  obs.add("rate", "a", 2020, 12.5, 1, 800);                              // 13: 1·10000/800 = 12.5: fine
  const auto problems = chitieu::observation_problems(make_plan(), obs);
  std::vector<std::pair<long, std::string>> got;
  for (const auto& e : problems) got.emplace_back(e.line(), e.field());
  const std::vector<std::pair<long, std::string>> expected{
      {1, "value"},     {2, "value"}, {3, "indicator"}, {4, "year"},  {5, "value"},  {6, "denominator"},
      {7, "numerator"}, {8, "value"}, {9, "value"},     {10, "year"}, {11, "value"}, {12, "denominator"}};
  BOOST_TEST(got.size() == expected.size());
  for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
    BOOST_TEST(got[i].first == expected[i].first);
    BOOST_TEST(got[i].second == expected[i].second);
  }
  BOOST_TEST(contains(problems[0].message(), "indicator 'share', area 'a', year 2020"));
  BOOST_TEST(contains(problems[0].message(), "value 120 is outside the domain of unit percent ([0, 100])"));
  BOOST_TEST(contains(problems[1].message(), "(>= 0)"));
  BOOST_TEST(contains(problems[2].message(), "'nope' is not in plan 'check'; expected one of share people"));
  BOOST_TEST(contains(problems[3].message(), "duplicate of row 1"));
  BOOST_TEST(contains(problems[7].message(), "disagrees with numerator × 100 / denominator = 75"));
  BOOST_TEST(contains(problems[8].message(), "give 1 (done/met) or 0 (not)"));
  BOOST_TEST(contains(problems[9].message(), "[1900, 2100]"));
  try {
    chitieu::check_observations(make_plan(), obs);
    BOOST_FAIL("expected chitieu::error");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.line() == 1);
    BOOST_TEST(e.field() == "value");
  }
}

BOOST_AUTO_TEST_CASE(consistency_tolerance_is_relative) {
  chitieu::panel obs;
  obs.add("people", "a", 2020, 1e6 + 0.5, 1e6, 1);  // |Δ| = 0.5 ≤ 1e-6·1e6 = 1: fine
  obs.add("people", "b", 2020, 1e6 + 2, 1e6, 1);    // |Δ| = 2 > 1: inconsistent
  const auto problems = chitieu::observation_problems(make_plan(), obs);
  BOOST_TEST(problems.size() == 1u);
  BOOST_TEST(problems[0].line() == 2);
}

BOOST_AUTO_TEST_CASE(optional_columns_are_checked) {
  chitieu::panel obs;
  obs.add("share", "a", 2020, 50, missing, missing, -1);             // negative weight
  obs.add("share", "b", 2020, 50, missing, missing, missing, -0.1);  // negative se
  obs.add("share", "c", 2020, 50);
  obs.coverage.back() = 1.5;  // coverage above 1
  const auto problems = chitieu::observation_problems(make_plan(), obs);
  BOOST_TEST(problems.size() == 3u);
  BOOST_TEST(problems[0].field() == "weight");
  BOOST_TEST(problems[1].field() == "se");
  BOOST_TEST(problems[2].field() == "coverage");
}

BOOST_AUTO_TEST_CASE(complete_values_fills_ratio_rows_only) {
  chitieu::panel obs;
  obs.add("share", "a", 2020, missing, 30, 40);  // 30·100/40 = 75
  obs.add("rate", "a", 2020, missing, 3, 1200);  // 3·10000/1200 = 25
  obs.add("share", "b", 2020, 60, 30, 40);       // value given: untouched
  obs.add("share", "c", 2020, missing, 30, 0);   // bad denominator: left NaN
  obs.add("people", "a", 2020, missing);         // nothing to compute from
  chitieu::complete_values(make_plan(), obs);
  BOOST_TEST(obs.value[0] == 75.0);
  BOOST_TEST(obs.value[1] == 25.0);
  BOOST_TEST(obs.value[2] == 60.0);
  BOOST_TEST(std::isnan(obs.value[3]));
  BOOST_TEST(std::isnan(obs.value[4]));
  chitieu::panel unknown;
  unknown.add("nope", "a", 2020, missing, 1, 2);
  BOOST_CHECK_THROW(chitieu::complete_values(make_plan(), unknown), chitieu::error);
}

#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/geography.hpp>
#include <chitieu/roll_up.hpp>

#include <cmath>
#include <string>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::area;
using chitieu::area_table;
using chitieu::crosswalk;
using chitieu::panel;
using chitieu::parse_date;

using namespace chitieu::test;

namespace {
std::size_t at(const panel& p, const std::string& i, const std::string& a, int y) {
  const long r = find(p, i, a, y);
  BOOST_TEST_REQUIRE(r >= 0);
  return static_cast<std::size_t>(r);
}
}  // namespace

// two_reforms("T"): town T (open) holds a until 2019-12-31, which splits into b (60 %) and c (40 %)
// on 2020-01-01; b and c merge into d on 2025-07-01; e is untouched (links: two_reform_links()).

BOOST_AUTO_TEST_CASE(a_split_scales_by_share) {
  const area_table t = two_reforms("T");
  const crosswalk cw(two_reform_links(), t);
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum),
                            make_indicator("u", chitieu::unit::percent, aggregate_rule::ratio),
                            make_indicator("inc", chitieu::unit::money, aggregate_rule::weighted_mean),
                            make_indicator("le", chitieu::unit::years, aggregate_rule::min)});
  panel obs;
  obs.add("jobs", "a", 2019, 1000);
  obs.add("u", "a", 2019, 2.5, missing, 8000);  // numerator 2.5 × 8 000 / 100 = 200
  obs.add("inc", "a", 2019, 4.2, missing, missing, 500);
  obs.add("le", "a", 2019, 74.5);
  const panel out = chitieu::reexpress(p, obs, t, cw, parse_date("2021-06-01"));
  // jobs: b 0.6 × 1 000 = 600, c 0.4 × 1 000 = 400.
  BOOST_TEST(out.value[at(out, "jobs", "b", 2019)] == 600.0);
  BOOST_TEST(out.value[at(out, "jobs", "c", 2019)] == 400.0);
  // u: b num 120, den 4 800 → 2.5 %; c num 80, den 3 200 → 2.5 %.
  BOOST_TEST(out.numerator[at(out, "u", "b", 2019)] == 120.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(out.denominator[at(out, "u", "c", 2019)] == 3200.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(out.value[at(out, "u", "c", 2019)] == 2.5, boost::test_tools::tolerance(1e-12));
  // inc: the value passes, the weight is scaled: 300 and 200.
  BOOST_TEST(out.value[at(out, "inc", "b", 2019)] == 4.2, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(out.weight[at(out, "inc", "b", 2019)] == 300.0);
  BOOST_TEST(out.weight[at(out, "inc", "c", 2019)] == 200.0);
  // min: the value passes to every successor.
  BOOST_TEST(out.value[at(out, "le", "b", 2019)] == 74.5);
  BOOST_TEST(out.value[at(out, "le", "c", 2019)] == 74.5);
  // The single predecessor a reported: coverage 1/1.
  BOOST_TEST(out.coverage[at(out, "jobs", "b", 2019)] == 1.0);
  BOOST_TEST(find(out, "jobs", "a", 2019) == -1);
}

BOOST_AUTO_TEST_CASE(a_chain_of_two_reforms_is_followed) {
  const area_table t = two_reforms("T");
  const crosswalk cw(two_reform_links(), t);
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum),
                            make_indicator("u", chitieu::unit::percent, aggregate_rule::ratio)});
  panel obs;
  obs.add("jobs", "a", 2019, 1000);  // a → b, c → d: 0.6 × 1 000 + 0.4 × 1 000 = 1 000
  obs.add("jobs", "b", 2022, 300);
  obs.add("jobs", "c", 2022, 200);  // 300 + 200 = 500
  obs.add("jobs", "d", 2026, 700);  // valid on the date: unchanged
  obs.add("jobs", "e", 2022, 50);
  obs.add("u", "b", 2022, missing, 30, 1000);
  obs.add("u", "c", 2022, 5.0, missing, 3000);  // 5 × 3 000 / 100 = 150 → (30 + 150) × 100 / 4 000 = 4.5
  const panel out = chitieu::reexpress(p, obs, t, cw, parse_date("2025-07-01"));
  BOOST_TEST(out.value[at(out, "jobs", "d", 2019)] == 1000.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(out.value[at(out, "jobs", "d", 2022)] == 500.0);
  BOOST_TEST(out.coverage[at(out, "jobs", "d", 2022)] == 1.0);  // b and c, both units of 2022
  BOOST_TEST(out.value[at(out, "jobs", "d", 2026)] == 700.0);
  BOOST_TEST(std::isnan(out.coverage[at(out, "jobs", "d", 2026)]));  // carried over, not combined
  BOOST_TEST(out.value[at(out, "jobs", "e", 2022)] == 50.0);
  BOOST_TEST(out.value[at(out, "u", "d", 2022)] == 4.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(out.denominator[at(out, "u", "d", 2022)] == 4000.0);
  BOOST_TEST(out.size() == 5u);  // jobs d 2019, 2022, 2026; jobs e 2022; u d 2022
}

BOOST_AUTO_TEST_CASE(successors_carry_the_coverage_of_their_predecessors) {
  const area_table t = two_reforms("T");
  const crosswalk cw(two_reform_links(), t);
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum),
                            make_indicator("half", chitieu::unit::count, aggregate_rule::sum, 0.5)});
  panel obs;
  obs.add("jobs", "b", 2022, 300);  // c missing: 1 of 2 predecessors → coverage 0.5
  obs.add("half", "b", 2022, 300);
  const panel out = chitieu::reexpress(p, obs, t, cw, parse_date("2025-07-01"));
  BOOST_TEST(std::isnan(out.value[at(out, "jobs", "d", 2022)]));  // min_coverage 1: no_data
  BOOST_TEST(out.coverage[at(out, "jobs", "d", 2022)] == 0.5);
  BOOST_TEST(out.value[at(out, "half", "d", 2022)] == 300.0);  // min_coverage 0.5: a value
  BOOST_TEST(out.coverage[at(out, "half", "d", 2022)] == 0.5);
}

BOOST_AUTO_TEST_CASE(a_unit_without_successor_is_an_error_naming_it) {
  const area_table t({make_area("old", "", "", "2025-06-30"), make_area("new", "", "2025-07-01", "")});
  const crosswalk cw({}, t);
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("jobs", "old", 2024, 1);
  try {
    (void)chitieu::reexpress(p, obs, t, cw, parse_date("2025-07-01"));
    BOOST_FAIL("a unit without successor was accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(std::string(e.what()).find("'old'") != std::string::npos);
    BOOST_TEST(e.line() == 1);  // the observation's row
    BOOST_TEST(e.field() == "area");
  }
  // A unit created after the date cannot be mapped back either.
  panel later;
  later.add("jobs", "new", 2025, 1);
  BOOST_CHECK_THROW(chitieu::reexpress(p, later, t, cw, parse_date("2024-12-31")), chitieu::error);
}

BOOST_AUTO_TEST_CASE(rule_none_passes_a_renamed_unit_but_refuses_a_merge) {
  const area_table t = two_reforms("T");
  const crosswalk cw(two_reform_links(), t);
  const auto p = make_plan({make_indicator("q", chitieu::unit::boolean, aggregate_rule::none)});
  panel rename;
  rename.add("q", "e", 2022, 1);  // e is valid on the date: unchanged
  const panel out = chitieu::reexpress(p, rename, t, cw, parse_date("2025-07-01"));
  BOOST_TEST(out.value[at(out, "q", "e", 2022)] == 1.0);
  panel merge;
  merge.add("q", "b", 2022, 1);  // b and c both become d: values of none cannot be combined
  try {
    (void)chitieu::reexpress(p, merge, t, cw, parse_date("2025-07-01"));
    BOOST_FAIL("merged values of a none indicator");
  } catch (const chitieu::error& e) {
    BOOST_TEST(std::string(e.what()).find("aggregate = none") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(code_reuse_does_not_confuse_units) {
  // The old ward and the new ward share code 23231; observations name ids, so 2024 goes to
  // the new ward through the crosswalk and 2025 is the new ward's own.
  const area_table t({make_area("old", "", "", "2025-06-30", "23231"),
                      make_area("x", "", "", "2025-06-30", "23232"),
                      make_area("new", "", "2025-07-01", "", "23231")});
  const crosswalk cw(
      {{"old", "new", 1.0, parse_date("2025-07-01")}, {"x", "new", 1.0, parse_date("2025-07-01")}}, t);
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum)});
  panel obs;
  obs.add("jobs", "old", 2024, 10);
  obs.add("jobs", "x", 2024, 5);
  obs.add("jobs", "new", 2025, 20);
  const panel out = chitieu::reexpress(p, obs, t, cw, parse_date("2025-07-01"));
  BOOST_TEST(out.value[at(out, "jobs", "new", 2024)] == 15.0);  // 10 + 5
  BOOST_TEST(out.value[at(out, "jobs", "new", 2025)] == 20.0);
  BOOST_TEST(t.at("old").code == t.at("new").code);
}

BOOST_AUTO_TEST_CASE(merging_nine_units_into_three_keeps_the_town_totals) {
  // La Gi's reform: nine wards under the town become three. Totals of the town must be the
  // same whether each year is rolled up on its own units or re-expressed on the new ones.
  const char* old_ids[9] = {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9"};
  const char* new_of[9] = {"n2", "n2", "n1", "n1", "n1", "n3", "n3", "n1", "n2"};
  std::vector<area> areas{make_area("T", "", "", "")};
  for (const char* w : old_ids) areas.push_back(make_area(w, "T", "", "2025-06-30"));
  for (const char* n : {"n1", "n2", "n3"}) areas.push_back(make_area(n, "T", "2025-07-01", ""));
  const area_table t(areas);
  std::vector<chitieu::crosswalk_link> links;
  for (int i = 0; i < 9; ++i) links.push_back({old_ids[i], new_of[i], 1.0, parse_date("2025-07-01")});
  const crosswalk cw(links, t);
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum),
                            make_indicator("u", chitieu::unit::percent, aggregate_rule::ratio)});
  panel obs;
  double jobs = 0, unemployed = 0, labour = 0;
  for (int i = 0; i < 9; ++i) {
    const double j = 100.0 + 17.0 * i, lf = 6000.0 + 350.0 * i, un = 0.02 * lf + 3.0 * i;
    obs.add("jobs", old_ids[i], 2022, j);
    obs.add("u", old_ids[i], 2022, un * 100.0 / lf, missing, lf);  // value and denominator only
    jobs += j;
    unemployed += un;
    labour += lf;
  }
  // Σ jobs = 9 × 100 + 17 × 36 = 1 512; Σ lf = 54 000 + 350 × 36 = 66 600;
  // Σ un = 0.02 × 66 600 + 3 × 36 = 1 440 → 1 440 × 100 / 66 600 = 2.1622 %.
  BOOST_TEST(jobs == 1512.0);
  BOOST_TEST(labour == 66600.0);
  BOOST_TEST(unemployed == 1440.0, boost::test_tools::tolerance(1e-9));
  const auto historical = chitieu::roll_up(p, obs, t);
  const auto d = parse_date("2025-07-01");
  const auto reformed = chitieu::roll_up(p, chitieu::reexpress(p, obs, t, cw, d), t, d);
  const auto& h = historical.rows;
  const auto& r = reformed.rows;
  BOOST_TEST(h.value[at(h, "jobs", "T", 2022)] == 1512.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(r.value[at(r, "jobs", "T", 2022)] == 1512.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(h.value[at(h, "u", "T", 2022)] == 1440.0 * 100.0 / 66600.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(r.value[at(r, "u", "T", 2022)] == 1440.0 * 100.0 / 66600.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(r.coverage[at(r, "u", "T", 2022)] == 1.0);
  // n1 = w3 + w4 + w5 + w8: jobs 134 + 151 + 168 + 219 = 672, coverage 4/4.
  BOOST_TEST(r.value[at(r, "jobs", "n1", 2022)] == 672.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(r.coverage[at(r, "jobs", "n1", 2022)] == 1.0);
  // Historically the new units do not exist in 2022.
  BOOST_TEST(find(h, "jobs", "n1", 2022) == -1);
}

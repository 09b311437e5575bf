#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/crosswalk.hpp>

#include <string>
#include <vector>

using chitieu::area_table;
using chitieu::crosswalk;
using chitieu::parse_date;

using namespace chitieu::test;

// two_reforms(): a splits into b (60 %) and c (40 %) on 2020-01-01; b and c merge into d on
// 2025-07-01; e is untouched (two_reform_links() holds those four links).

BOOST_AUTO_TEST_CASE(resolves_chains_to_the_units_of_a_date) {
  const area_table t = two_reforms();
  const crosswalk cw(two_reform_links(), t);
  // On 2021-01-01 a is b 0.6 and c 0.4.
  const auto mid = cw.resolve("a", t, parse_date("2021-01-01"));
  BOOST_TEST_REQUIRE(mid.size() == 2u);
  BOOST_TEST(mid[0].first == "b");
  BOOST_TEST(mid[0].second == 0.6);
  BOOST_TEST(mid[1].first == "c");
  BOOST_TEST(mid[1].second == 0.4);
  // On 2025-07-01 both chains end in d: 0.6 × 1 + 0.4 × 1 = 1.
  const auto late = cw.resolve("a", t, parse_date("2025-07-01"));
  BOOST_TEST_REQUIRE(late.size() == 1u);
  BOOST_TEST(late[0].first == "d");
  BOOST_TEST(late[0].second == 1.0, boost::test_tools::tolerance(1e-12));
  // A unit valid on the date maps to itself.
  const auto same = cw.resolve("e", t, parse_date("2025-07-01"));
  BOOST_TEST_REQUIRE(same.size() == 1u);
  BOOST_TEST(same[0].first == "e");
  BOOST_TEST(cw.successors("a").size() == 2u);
  BOOST_TEST(cw.successors("d").empty());
}

BOOST_AUTO_TEST_CASE(units_created_after_the_date_have_no_successor) {
  const area_table t = two_reforms();
  const crosswalk cw(two_reform_links(), t, "cw.csv");
  // d exists from 2025-07-01: it cannot be mapped back onto the units of 2024.
  try {
    (void)cw.resolve("d", t, parse_date("2024-12-31"));
    BOOST_FAIL("mapped a later unit backwards");
  } catch (const chitieu::error& e) {
    BOOST_TEST(std::string(e.what()).find("'d'") != std::string::npos);
    BOOST_TEST(e.field() == "area");
  }
  BOOST_TEST(cw.try_resolve("d", t, parse_date("2024-12-31")).empty());
  // Links dated after the geography date are not followed: on 2025-06-30 b is still valid.
  BOOST_TEST(cw.resolve("b", t, parse_date("2025-06-30"))[0].first == "b");
}

BOOST_AUTO_TEST_CASE(shares_of_one_unit_must_sum_to_one) {
  const area_table t = two_reforms();
  auto bad = two_reform_links();
  bad[1].share = 0.3;  // 0.6 + 0.3 = 0.9
  const auto problems = chitieu::crosswalk_problems(bad, t, "cw.csv");
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].field() == "share");
  BOOST_TEST(problems[0].line() == 1);  // the first link of a
  BOOST_TEST(problems[0].message().find("'a'") != std::string::npos);
  BOOST_CHECK_THROW(crosswalk(bad, t), chitieu::error);
  // Within 1e-9 is accepted: 0.1 + 0.2 + 0.7 is 1 up to rounding.
  const area_table t3({make_area("x", "", "", "2019-12-31"), make_area("p", "", "2020-01-01", ""),
                       make_area("q", "", "2020-01-01", ""), make_area("r", "", "2020-01-01", "")});
  BOOST_CHECK_NO_THROW(crosswalk({{"x", "p", 0.1, parse_date("2020-01-01")},
                                  {"x", "q", 0.2, parse_date("2020-01-01")},
                                  {"x", "r", 0.7, parse_date("2020-01-01")}},
                                 t3));
}

BOOST_AUTO_TEST_CASE(shares_must_lie_in_zero_one) {
  const area_table t = two_reforms();
  for (double s : {0.0, -0.5, 1.5}) {
    const auto problems = chitieu::crosswalk_problems({{"b", "d", s, parse_date("2025-07-01")}}, t);
    BOOST_TEST_REQUIRE(!problems.empty());
    BOOST_TEST(problems[0].field() == "share");
  }
}

BOOST_AUTO_TEST_CASE(unknown_areas_and_cycles_are_refused) {
  const area_table t = two_reforms();
  const auto unknown = chitieu::crosswalk_problems({{"zz", "d", 1.0, parse_date("2025-07-01")}}, t);
  BOOST_TEST_REQUIRE(unknown.size() == 1u);
  BOOST_TEST(unknown[0].field() == "from");
  const auto unknown_to = chitieu::crosswalk_problems({{"b", "zz", 1.0, parse_date("2025-07-01")}}, t);
  BOOST_TEST_REQUIRE(unknown_to.size() == 1u);
  BOOST_TEST(unknown_to[0].field() == "to");
  // b -> d and d -> b: a cycle.
  const auto cycle = chitieu::crosswalk_problems(
      {{"b", "d", 1.0, parse_date("2025-07-01")}, {"d", "b", 1.0, parse_date("2026-01-01")}}, t);
  BOOST_TEST_REQUIRE(cycle.size() == 1u);
  BOOST_TEST(cycle[0].message().find("cycle") != std::string::npos);
  const auto self = chitieu::crosswalk_problems({{"b", "b", 1.0, parse_date("2025-07-01")}}, t);
  BOOST_TEST_REQUIRE(self.size() == 1u);
  BOOST_TEST(self[0].message().find("itself") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_unit_is_dissolved_once) {
  const area_table t = two_reforms();
  const auto problems = chitieu::crosswalk_problems(
      {{"a", "b", 0.5, parse_date("2020-01-01")}, {"a", "c", 0.5, parse_date("2021-01-01")}}, t);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].field() == "date");
  BOOST_TEST(problems[0].line() == 2);
  const auto repeated = chitieu::crosswalk_problems(
      {{"a", "b", 0.5, parse_date("2020-01-01")}, {"a", "b", 0.5, parse_date("2020-01-01")}}, t);
  BOOST_TEST_REQUIRE(repeated.size() == 1u);
  BOOST_TEST(repeated[0].message().find("repeats row 1") != std::string::npos);
}

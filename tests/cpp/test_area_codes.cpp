#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/area_codes.hpp>
#include <chitieu/review.hpp>

#include <string>
#include <vector>

using chitieu::area_table;
using namespace chitieu::test;

namespace {
// La Gi's reform in small: Tân An (23235) until 2025-06-30; from 2025-07-01 the new phường La Gi
// takes its code. The town (594) is open.
area_table la_gi() {
  return area_table({chitieu::area{"la-gi", "594", "La Gi", "thị xã", "", std::nullopt, std::nullopt},
                     make_area("tan-an", "la-gi", "", "2025-06-30", "23235", "phường"),
                     make_area("phuoc-hoi", "la-gi", "", "2025-06-30", "23231", "phường"),
                     make_area("la-gi-2025", "la-gi", "2025-07-01", "", "23235", "phường")},
                    "areas.csv");
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

BOOST_AUTO_TEST_CASE(a_code_names_the_unit_holding_it_on_31_december) {
  const area_table t = la_gi();
  BOOST_TEST(chitieu::unit_of_code(t, "23235", 2024) == "tan-an");
  BOOST_TEST(chitieu::unit_of_code(t, "23235", 2025) == "la-gi-2025");  // 31 Dec 2025: after the reform
  BOOST_TEST(chitieu::unit_of_code(t, "594", 2020) == "la-gi");
}

BOOST_AUTO_TEST_CASE(a_code_of_another_year_or_an_id_says_so) {
  const area_table t = la_gi();
  try {
    (void)chitieu::unit_of_code(t, "23231", 2025);
    BOOST_FAIL("a dissolved unit's code resolved");
  } catch (const chitieu::error& e) {
    BOOST_TEST(contains(e.message(), "no unit holds code '23231' on 31 December 2025"));
    BOOST_TEST(contains(e.message(), "'phuoc-hoi' valid open to 2025-06-30"));
  }
  try {
    (void)chitieu::unit_of_code(t, "la-gi", 2024);
    BOOST_FAIL("an id resolved as a code");
  } catch (const chitieu::error& e) {
    BOOST_TEST(contains(e.message(), "'la-gi' is an id of the table"));
    BOOST_TEST(contains(e.message(), "area_key=\"code\""));
  }
}

BOOST_AUTO_TEST_CASE(two_units_holding_a_code_are_named) {
  // Two units of different levels may share a code (the area table allows it); then a code is ambiguous.
  const area_table t(
      {make_area("x-ward", "", "", "", "7", "phường"), make_area("x-town", "", "", "", "7", "thị xã")});
  try {
    (void)chitieu::unit_of_code(t, "7", 2024);
    BOOST_FAIL("an ambiguous code resolved");
  } catch (const chitieu::error& e) {
    BOOST_TEST(contains(e.message(), "code '7' is held by 'x-ward', 'x-town' on 31 December 2024"));
  }
}

BOOST_AUTO_TEST_CASE(a_panel_keyed_by_codes_becomes_one_keyed_by_ids) {
  chitieu::panel obs;
  obs.add("pop", "23235", 2024, 10.0);
  obs.add("pop", "23235", 2025, 30.0);
  obs.add("pop", "23231", 2024, 20.0);
  obs.add("pop", "594", 2024, 30.0);
  chitieu::resolve_area_codes(obs, la_gi());
  std::vector<std::string> areas;
  for (const auto c : obs.area) areas.push_back(obs.area_ids[static_cast<std::size_t>(c)]);
  BOOST_TEST(areas == (std::vector<std::string>{"tan-an", "la-gi-2025", "phuoc-hoi", "la-gi"}));
  BOOST_TEST(obs.area_ids.size() == 4u);
}

BOOST_AUTO_TEST_CASE(unresolved_rows_are_all_listed) {
  chitieu::panel obs;
  obs.add("pop", "23231", 2024, 10.0);
  obs.add("pop", "23231", 2026, 10.0);
  obs.add("pop", "99999", 2024, 10.0);
  const auto found = chitieu::area_code_problems(obs, la_gi());
  BOOST_TEST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].line() == 2);
  BOOST_TEST(found[1].line() == 3);
  BOOST_TEST(contains(found[1].message(), "no unit of the area table has code '99999'"));
  BOOST_CHECK_THROW(chitieu::resolve_area_codes(obs, la_gi()), chitieu::error);
}

BOOST_AUTO_TEST_CASE(an_unknown_id_that_is_a_code_names_the_option) {
  chitieu::panel obs;
  obs.add("pop", "23231", 2024, 10.0);
  obs.add("pop", "La Gi", 2024, 10.0);
  obs.add("pop", "tan-an", 2025, 10.0);
  const auto found = chitieu::observation_area_problems(obs, la_gi());
  BOOST_TEST_REQUIRE(found.size() == 3u);
  BOOST_TEST(contains(found[0].message(), "'23231' is the official code of 'phuoc-hoi'"));
  BOOST_TEST(contains(found[0].message(), "--area-key code"));
  BOOST_TEST(contains(found[1].message(), "'La Gi' is the name of 'la-gi'"));
  BOOST_TEST(contains(found[2].message(), "is not a unit of 2025"));
  BOOST_CHECK_THROW(chitieu::check_observation_areas(obs, la_gi()), chitieu::error);
}

#include <boost/test/unit_test.hpp>

#include <chitieu/unit.hpp>

#include <cmath>
#include <limits>
#include <string>

using chitieu::unit;

BOOST_AUTO_TEST_CASE(names_round_trip) {
  for (unit u : chitieu::all_units) BOOST_TEST((chitieu::unit_from_string(chitieu::to_string(u)) == u));
  BOOST_CHECK_THROW(chitieu::unit_from_string("percentage"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(ratio_factors) {
  BOOST_TEST(chitieu::ratio_factor(unit::percent) == 100.0);
  BOOST_TEST(chitieu::ratio_factor(unit::per_10k) == 10000.0);
  BOOST_TEST(chitieu::ratio_factor(unit::m2_per_person) == 1.0);
}

BOOST_AUTO_TEST_CASE(percent_domain_edges) {
  BOOST_TEST(chitieu::in_domain(unit::percent, 0.0));
  BOOST_TEST(chitieu::in_domain(unit::percent, 100.0));
  BOOST_TEST(!chitieu::in_domain(unit::percent, 100.000001));
  BOOST_TEST(!chitieu::in_domain(unit::percent, -0.000001));
  BOOST_TEST(!chitieu::in_domain(unit::percent, std::numeric_limits<double>::quiet_NaN()));
}

BOOST_AUTO_TEST_CASE(boolean_and_index_domains) {
  BOOST_TEST(chitieu::in_domain(unit::boolean, 1.0));
  BOOST_TEST(!chitieu::in_domain(unit::boolean, 0.5));
  BOOST_TEST(chitieu::in_domain(unit::index, -42.0));
  BOOST_TEST(!chitieu::in_domain(unit::index, std::numeric_limits<double>::infinity()));
  BOOST_TEST(!chitieu::in_domain(unit::count, -1.0));
  BOOST_TEST(chitieu::in_domain(unit::money, 1e12));
}

BOOST_AUTO_TEST_CASE(out_of_domain_message_names_unit_and_value) {
  try {
    chitieu::check_domain(unit::percent, 120.5);
    BOOST_FAIL("120.5 percent was accepted");
  } catch (const std::invalid_argument& e) {
    const std::string msg = e.what();
    BOOST_TEST(msg.find("120.5") != std::string::npos);
    BOOST_TEST(msg.find("percent") != std::string::npos);
    BOOST_TEST(msg.find("[0, 100]") != std::string::npos);
  }
  BOOST_CHECK_THROW(chitieu::check_domain(unit::hectares, -3.0), std::invalid_argument);
  BOOST_CHECK_NO_THROW(chitieu::check_domain(unit::index, -3.0));
}

BOOST_AUTO_TEST_CASE(projections_are_clamped_not_inputs) {
  BOOST_TEST(chitieu::clamp_to_domain(unit::percent, 104.0) == 100.0);
  BOOST_TEST(chitieu::clamp_to_domain(unit::count, -5.0) == 0.0);
  BOOST_TEST(chitieu::clamp_to_domain(unit::index, -5.0) == -5.0);
}

BOOST_AUTO_TEST_CASE(rules_from_the_table) {
  // the table's rows, read back through the rule functions
  BOOST_TEST(chitieu::ratio_factor(unit::per_10k) == 10000.0);
  BOOST_TEST(chitieu::domain_text(unit::percent) == "[0, 100]");
  BOOST_TEST(chitieu::domain_text(unit::boolean) == "{0, 1}");
  BOOST_TEST(chitieu::domain_text(unit::index) == "any finite number");
  BOOST_TEST(chitieu::domain_text(unit::hectares) == ">= 0");
  BOOST_TEST(chitieu::is_additive(unit::hectares));
  BOOST_TEST(!chitieu::is_additive(unit::percent));
  BOOST_TEST(chitieu::is_rate(unit::m2_per_person));
  BOOST_TEST(!chitieu::is_rate(unit::count));
  BOOST_TEST(chitieu::rule_of(unit::money).decimals == 2);
  BOOST_TEST(!chitieu::in_domain(unit::boolean, 0.5));
}

// Tests of number_text: every message writes numbers one way (%.15g), with a decimal point
// whatever the locale — here under a global locale whose decimal separator is a comma.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/number_text.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/plan_validate.hpp>
#include <chitieu/roll_up.hpp>

#include <limits>
#include <locale>
#include <string>

using namespace chitieu::test;
using chitieu::aggregate_rule;
using chitieu::number_text;

namespace {

/// Decimal comma and a dot between thousands, as Vietnamese and German write numbers.
struct decimal_comma : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

/// Sets a decimal-comma global locale for one test, then restores the previous one.
struct comma_locale {
  std::locale previous = std::locale::global(std::locale(std::locale::classic(), new decimal_comma));
  ~comma_locale() { std::locale::global(previous); }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(fifteen_significant_digits_no_exponent_below_1e15) {
  BOOST_TEST(number_text(96.2) == "96.2");
  BOOST_TEST(number_text(0.1 + 0.2) == "0.3");
  BOOST_TEST(number_text(2.0 / 3.0) == "0.666666666666667");
  BOOST_TEST(number_text(13500) == "13500");
  BOOST_TEST(number_text(1e6) == "1000000");
  BOOST_TEST(number_text(-1e-12) == "-1e-12");
  BOOST_TEST(number_text(std::numeric_limits<double>::infinity()) == "inf");
  BOOST_TEST(number_text(std::numeric_limits<double>::quiet_NaN()) == "nan");
}

BOOST_FIXTURE_TEST_CASE(decimal_point_under_a_decimal_comma_locale, comma_locale) {
  BOOST_TEST(number_text(1234.5) == "1234.5");
}

BOOST_FIXTURE_TEST_CASE(observation_messages_under_a_decimal_comma_locale, comma_locale) {
  const auto p = make_plan({make_indicator("share", chitieu::unit::percent, aggregate_rule::none)});
  chitieu::panel obs;
  obs.add("share", "a", 2020, 150.5);
  const auto problems = chitieu::observation_problems(p, obs);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(contains(problems[0].message(), "value 150.5 is outside the domain of unit percent"));
}

BOOST_FIXTURE_TEST_CASE(plan_messages_under_a_decimal_comma_locale, comma_locale) {
  auto p = make_plan({make_indicator("share", chitieu::unit::percent, aggregate_rule::none, 0.5)});
  p.indicators[0].min_coverage = 1.5;
  bool found = false;
  for (const auto& e : chitieu::plan_problems(p))
    found = found || contains(e.message(), "min_coverage is a share of children in (0, 1], not 1.5");
  BOOST_TEST(found);
}

BOOST_FIXTURE_TEST_CASE(roll_up_findings_under_a_decimal_comma_locale, comma_locale) {
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum)});
  const chitieu::area_table town({make_area("T", ""), make_area("a", "T"), make_area("b", "T")});
  chitieu::panel obs;
  obs.add("jobs", "T", 2024, 100.5);
  obs.add("jobs", "a", 2024, 5.25);
  obs.add("jobs", "b", 2024, 6);
  const auto res = chitieu::roll_up(p, obs, town);
  BOOST_TEST_REQUIRE(res.findings.size() == 1u);
  BOOST_TEST(contains(res.findings[0].message,
                      "own observation 100.5 of 'T' for 'jobs' in 2024 differs from the "
                      "sum of its children 11.25 (coverage 1)"));
}

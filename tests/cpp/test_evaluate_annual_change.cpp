#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/evaluate.hpp>
#include <chitieu/phrase.hpp>
#include <chitieu/plan_validate.hpp>

#include <cmath>
#include <string>
#include <vector>

// annual_change ("tăng|giảm bình quân X%/năm") and sustained with a bound ("duy trì 100%"),
// worked by hand.

using chitieu::direction;
using chitieu::pace;
using chitieu::pace_method;
using chitieu::parse_target;
using chitieu::status;
using chitieu::unit;

using namespace chitieu::test;

namespace {
constexpr double tol = 1e-9;

std::size_t row_of(const chitieu::evaluation& e, int year) {
  for (std::size_t r = 0; r < e.size(); ++r)
    if (e.year[r] == year) return r;
  BOOST_FAIL("no evaluation row for " + std::to_string(year));
  return 0;
}

chitieu::evaluation run(const chitieu::plan& p, const chitieu::panel& obs,
                        pace_method m = pace_method::chitieu) {
  chitieu::evaluate_options opt;
  opt.method = m;
  return chitieu::evaluate(p, obs, opt);
}

// Poverty rate (percent) falling `step` points a year from 10 % in 2020, to 2023.
chitieu::panel poverty(double step) {
  chitieu::panel obs;
  for (int y = 2020; y <= 2023; ++y) obs.add("ho_ngheo", "a", y, 10.0 - step * (y - 2020));
  return obs;
}

chitieu::plan poverty_plan() {
  return make_plan("ho_ngheo", unit::percent, parse_target("giảm bình quân 1-1,5%/năm", direction::lower));
}
}  // namespace

BOOST_AUTO_TEST_CASE(poverty_falling_1_2_points_a_year_meets_1_to_1_5) {
  const auto e = run(poverty_plan(), poverty(1.2));
  const auto r20 = row_of(e, 2020), r23 = row_of(e, 2023);
  // t = t0: no yearly change yet
  BOOST_TEST(std::isnan(e.assessed[r20]));
  BOOST_TEST((e.status[r20] == status::no_data));
  BOOST_TEST((e.pace[r20] == pace::insufficient_data));
  // 2023: (6.4 − 10)/3 = −1.2 points a year, inside [−1.5, −1]: met
  BOOST_TEST(e.assessed[r23] == -1.2, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.status[r23] == status::met));
  BOOST_TEST(e.margin[r23] == 0.2, boost::test_tools::tolerance(tol));    // −1 − (−1.2)
  BOOST_TEST(e.progress[r23] == 1.2, boost::test_tools::tolerance(tol));  // −1.2 / −1
  BOOST_TEST(e.baseline[r23] == 10.0);
  BOOST_TEST(e.elapsed[r23] == 0.3, boost::test_tools::tolerance(tol));  // 3 of 10 years
  BOOST_TEST(std::isnan(e.projected[r23]));
  BOOST_TEST(std::isnan(e.p_meet[r23]));
  BOOST_TEST((e.pace[r23] == pace::achieved));
}

BOOST_AUTO_TEST_CASE(poverty_other_speeds) {
  // 2 points a year: past −1.5, exceeded
  BOOST_TEST((run(poverty_plan(), poverty(2.0)).status[3] == status::exceeded));
  // 0.6 a year: not met; r = −0.6/−1 = 0.6 → moderate
  auto e = run(poverty_plan(), poverty(0.6));
  BOOST_TEST((e.status[row_of(e, 2023)] == status::not_met));
  BOOST_TEST((e.pace[row_of(e, 2023)] == pace::moderate));
  // 0.2 a year: r = 0.2 → stagnating; rising 0.3 a year: r = −0.3 → regressing
  e = run(poverty_plan(), poverty(0.2));
  BOOST_TEST((e.pace[row_of(e, 2023)] == pace::stagnating));
  e = run(poverty_plan(), poverty(-0.3));
  BOOST_TEST((e.pace[row_of(e, 2023)] == pace::regressing));
  // the other methods do not judge a yearly rate
  e = run(poverty_plan(), poverty(0.6), pace_method::open_sdg);
  BOOST_TEST((e.pace[row_of(e, 2023)] == pace::not_applicable));
  e = run(poverty_plan(), poverty(0.6), pace_method::sdsn);
  BOOST_TEST((e.pace[row_of(e, 2023)] == pace::not_applicable));
}

BOOST_AUTO_TEST_CASE(income_growing_7_5_percent_a_year_meets_7) {
  auto p = make_plan("thu_nhap", unit::money, parse_target("tăng bình quân 7%/năm", direction::higher));
  chitieu::panel obs;
  obs.add("thu_nhap", "a", 2020, 100.0);
  obs.add("thu_nhap", "a", 2021, 107.5);
  obs.add("thu_nhap", "a", 2022, 115.5625);  // 100 · 1.075²
  auto e = run(p, obs);
  const auto r21 = row_of(e, 2021), r22 = row_of(e, 2022);
  // money: relative, 100·((115.5625/100)^(1/2) − 1) = 7.5 % a year
  BOOST_TEST(e.assessed[r21] == 7.5, boost::test_tools::tolerance(tol));
  BOOST_TEST(e.assessed[r22] == 7.5, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.status[r22] == status::met));
  BOOST_TEST(e.margin[r22] == 0.5, boost::test_tools::tolerance(tol));
  BOOST_TEST(e.progress[r22] == 7.5 / 7.0, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.pace[r22] == pace::achieved));
  // change = "points": (115.5625 − 100)/2 = 7.78125 a year
  p.indicators[0].change = chitieu::change_measure::points;
  e = run(p, obs);
  BOOST_TEST(e.assessed[row_of(e, 2022)] == 7.78125, boost::test_tools::tolerance(tol));
}

BOOST_AUTO_TEST_CASE(sustained_100_percent_broken_once) {
  const auto p = make_plan("ho_so", unit::percent, parse_target("duy trì 100%", direction::higher));
  chitieu::panel obs;
  obs.add("ho_so", "a", 2020, 100.0);
  obs.add("ho_so", "a", 2021, 100.0);
  obs.add("ho_so", "a", 2022, 98.5);
  obs.add("ho_so", "a", 2023, 100.0);
  const auto e = run(p, obs);
  BOOST_TEST((e.status[row_of(e, 2021)] == status::met));
  BOOST_TEST(e.assessed[row_of(e, 2021)] == 100.0);
  // 2022 breaks it, and 2023 cannot mend it: the worst year, 98.5, is assessed
  for (int y : {2022, 2023}) {
    const auto r = row_of(e, y);
    BOOST_TEST((e.status[r] == status::not_met));
    BOOST_TEST(e.assessed[r] == 98.5);
    BOOST_TEST(e.margin[r] == -1.5);
    BOOST_TEST((e.pace[r] == pace::not_applicable));
    BOOST_TEST(std::isnan(e.projected[r]));
  }
}

BOOST_AUTO_TEST_CASE(sustained_with_a_gap_has_no_data) {
  const auto p = make_plan("that_nghiep", unit::percent, parse_target("duy trì dưới 3%", direction::lower));
  chitieu::panel obs;
  obs.add("that_nghiep", "a", 2020, 2.5);
  obs.add("that_nghiep", "a", 2022, 2.9);  // 2021 missing
  const auto e = run(p, obs);
  BOOST_TEST((e.status[row_of(e, 2020)] == status::met));
  BOOST_TEST((e.status[row_of(e, 2022)] == status::no_data));
  // the worst of the years for lower is the largest
  chitieu::panel full = obs;
  full.add("that_nghiep", "a", 2021, 2.7);
  const auto f = run(p, full);
  BOOST_TEST(f.assessed[row_of(f, 2022)] == 2.9);
  BOOST_TEST((f.status[row_of(f, 2022)] == status::met));
}

BOOST_AUTO_TEST_CASE(validation_of_the_change_field) {
  // the problems with the target, unit, direction or change (the test plan's missing domains,
  // names and aggregation rules are not counted)
  auto target_fields = [](const chitieu::plan& p) {
    std::vector<std::string> out;
    for (const auto& e : chitieu::plan_problems(p))
      for (const char* key : {".target", ".unit", ".direction", ".change"})
        if (e.field().size() > 4 && e.field().substr(e.field().rfind('.')) == key) out.push_back(e.field());
    return out;
  };
  auto p = make_plan("ho_ngheo", unit::percent, parse_target("dưới 3%", direction::lower));
  p.indicators[0].target_phrase = "dưới 3%";
  p.indicators[0].change = chitieu::change_measure::points;
  BOOST_TEST(target_fields(p) == std::vector<std::string>{"indicators[ho_ngheo].change"});
  // a yearly decrease in points of a percent indicator is a valid target (bounds below 0)
  auto q = poverty_plan();
  q.indicators[0].target_phrase = "giảm bình quân 1-1,5%/năm";
  q.indicators[0].change = chitieu::change_measure::relative;
  BOOST_TEST(target_fields(q).empty());
}

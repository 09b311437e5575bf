#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/evaluate.hpp>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

// Relative, cumulative, milestone, sustained and qualitative targets.

using chitieu::direction;
using chitieu::pace;
using chitieu::pace_method;
using chitieu::status;
using chitieu::target;
using chitieu::target_kind;
using chitieu::unit;

using namespace chitieu::test;

namespace {
constexpr double tol = 1e-9;

std::size_t row_of(const chitieu::evaluation& e, const std::string& area, int year) {
  for (std::size_t r = 0; r < e.size(); ++r)
    if (e.area_ids[static_cast<std::size_t>(e.area[r])] == area && e.year[r] == year) return r;
  BOOST_FAIL("no evaluation row for " + area + " / " + std::to_string(year));
  return 0;
}

chitieu::evaluation run(const chitieu::plan& p, const chitieu::panel& obs,
                        pace_method m = pace_method::chitieu) {
  chitieu::evaluate_options opt;
  opt.method = m;
  return chitieu::evaluate(p, obs, opt);
}

// "tăng từ 2,0 đến 2,6 lần so với năm 2020": relative, [2.0, 2.6] on value(t)/value(2020), higher
target income_target() {
  target t;
  t.kind = target_kind::relative;
  t.dir = direction::higher;
  t.lower = 2.0;
  t.upper = 2.6;
  t.base_year = 2020;
  return t;
}

// "giai đoạn 2026 - 2030: 13.500" lao động: cumulative ≥ 13 500 over [2026, 2030]
target jobs_target() {
  target t;
  t.kind = target_kind::cumulative;
  t.dir = direction::higher;
  t.lower = 13500.0;
  t.value = 13500.0;
  t.period = std::make_pair(2026, 2030);
  return t;
}

target boolean_target(target_kind k) {
  target t;
  t.kind = k;
  t.dir = direction::none;
  return t;
}
}  // namespace

BOOST_AUTO_TEST_CASE(relative_income_ratio) {
  const auto p = make_plan("thu_nhap", unit::money, income_target());
  chitieu::panel obs;
  obs.add("thu_nhap", "a", 2020, 50);
  obs.add("thu_nhap", "a", 2021, 55);
  obs.add("thu_nhap", "a", 2022, 60.5);
  obs.add("thu_nhap", "a", 2030, 135);
  const auto e = run(p, obs);
  const auto r20 = row_of(e, "a", 2020), r22 = row_of(e, "a", 2022), r30 = row_of(e, "a", 2030);
  BOOST_TEST(e.assessed[r20] == 1.0);  // 50/50
  BOOST_TEST(e.baseline[r20] == 1.0);
  BOOST_TEST((e.pace[r20] == pace::insufficient_data));
  BOOST_TEST(e.assessed[r22] == 1.21, boost::test_tools::tolerance(tol));  // 60.5/50
  BOOST_TEST((e.status[r22] == status::not_met));
  BOOST_TEST(e.margin[r22] == -0.79, boost::test_tools::tolerance(tol));   // 1.21 − 2.0
  BOOST_TEST(e.progress[r22] == 0.21, boost::test_tools::tolerance(tol));  // (1.21 − 1)/(2 − 1)
  // ln ratio = 0, ln 1.1, 2 ln 1.1: exact → projected = 1.1^10 = 2.59374 (inside [2.0, 2.6]), se = 0
  BOOST_TEST(e.projected[r22] == std::pow(1.1, 10), boost::test_tools::tolerance(1e-9));
  BOOST_TEST(e.p_meet[r22] == 1.0);
  BOOST_TEST((e.pace[r22] == pace::on_track));
  BOOST_TEST(e.assessed[r30] == 2.7, boost::test_tools::tolerance(tol));  // 135/50 > 2.6
  BOOST_TEST((e.status[r30] == status::exceeded));
  BOOST_TEST((e.pace[r30] == pace::achieved));
}

BOOST_AUTO_TEST_CASE(relative_without_base_year_is_no_data) {
  const auto p = make_plan("thu_nhap", unit::money, income_target());
  chitieu::panel obs;
  obs.add("thu_nhap", "a", 2019, 45);  // before the base year: the base is not yet known
  obs.add("thu_nhap", "a", 2020, 50);
  obs.add("thu_nhap", "b", 2021, 55);  // area b has no 2020 value
  obs.add("thu_nhap", "b", 2022, 60);
  const auto e = run(p, obs);
  BOOST_TEST((e.status[row_of(e, "a", 2019)] == status::no_data));
  BOOST_TEST(std::isnan(e.assessed[row_of(e, "a", 2019)]));
  BOOST_TEST((e.pace[row_of(e, "a", 2019)] == pace::insufficient_data));
  for (int y : {2021, 2022}) {
    const auto r = row_of(e, "b", y);
    BOOST_TEST((e.status[r] == status::no_data));
    BOOST_TEST(std::isnan(e.assessed[r]));
    BOOST_TEST(std::isnan(e.baseline[r]));
    BOOST_TEST(std::isnan(e.projected[r]));
    BOOST_TEST(e.value[r] > 0.0);
  }
}

BOOST_AUTO_TEST_CASE(relative_p_meet_on_the_log_scale) {
  // values 100, 100·e^0.1, 100·e^0.3 → ln ratio y = 0, 0.1, 0.3 at x = 0, 1, 2
  // x̄ = 1, ȳ = 0.133333, Sxy = 0.133333 + 0.166667 = 0.3, Sxx = 2 → slope 0.15
  // ŷ(10) = 0.133333 + 0.15·9 = 1.483333 → projected = e^1.483333 = 4.4073
  // residuals 0.016667, −0.033333, 0.016667 → RSS = 0.0016667 = s² (n − 2 = 1)
  // se = √(0.0016667·(1 + 1/3 + 81/2)) = √0.0697222 = 0.264050
  // q = (1.483333 − ln 2)/se = 0.790186/0.264050 = 2.99256
  // t with 1 df is Cauchy: P = 0.5 + atan(q)/π = 0.5 + 1.248302/π = 0.897348
  const auto p = make_plan("thu_nhap", unit::money, income_target());
  chitieu::panel obs;
  obs.add("thu_nhap", "a", 2020, 100);
  obs.add("thu_nhap", "a", 2021, 100 * std::exp(0.1));
  obs.add("thu_nhap", "a", 2022, 100 * std::exp(0.3));
  const auto e = run(p, obs);
  const auto r = row_of(e, "a", 2022);
  BOOST_TEST(e.projected[r] == std::exp(0.4 / 3 + 1.35), boost::test_tools::tolerance(1e-9));
  const double q = (0.4 / 3 + 1.35 - std::log(2.0)) / std::sqrt(0.005 / 3 * (4.0 / 3 + 40.5));
  BOOST_TEST(q == 2.99256, boost::test_tools::tolerance(1e-5));
  BOOST_TEST(e.p_meet[r] == 0.5 + std::atan(q) / M_PI, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(e.p_meet[r] == 0.897348, boost::test_tools::tolerance(1e-5));
}

BOOST_AUTO_TEST_CASE(cumulative_jobs_over_the_period) {
  const auto p = make_plan("viec_lam", unit::count, jobs_target());
  chitieu::panel obs;
  obs.add("viec_lam", "a", 2025, 2000);  // before the period
  obs.add("viec_lam", "a", 2026, 2600);
  obs.add("viec_lam", "a", 2027, 2800);
  obs.add("viec_lam", "a", 2029, 2700);  // 2028 missing
  const auto e = run(p, obs);
  const auto r25 = row_of(e, "a", 2025), r26 = row_of(e, "a", 2026), r27 = row_of(e, "a", 2027),
             r29 = row_of(e, "a", 2029);
  BOOST_TEST((e.status[r25] == status::no_data));
  BOOST_TEST((e.pace[r25] == pace::insufficient_data));
  BOOST_TEST(e.elapsed[r25] == 0.0);
  BOOST_TEST(e.assessed[r26] == 2600.0);
  BOOST_TEST(e.baseline[r26] == 0.0);
  BOOST_TEST(e.progress[r26] == 2600.0 / 13500.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(e.elapsed[r26] == 0.2, boost::test_tools::tolerance(tol));        // 1 of 5 years
  BOOST_TEST(e.projected[r26] == 13000.0, boost::test_tools::tolerance(tol));  // 2600 + 2600·4
  BOOST_TEST((e.pace[r26] == pace::insufficient_data));                        // pace needs 2 years done
  BOOST_TEST(e.assessed[r27] == 5400.0);                                       // 2600 + 2800
  BOOST_TEST(e.margin[r27] == -8100.0);                                        // 5400 − 13500
  BOOST_TEST(e.projected[r27] == 13500.0, boost::test_tools::tolerance(tol));  // 5400 + 2700·3
  BOOST_TEST((e.pace[r27] == pace::on_track));
  BOOST_TEST(std::isnan(e.p_meet[r27]));
  BOOST_TEST((e.status[r29] == status::no_data));  // 2028 is missing
  BOOST_TEST(std::isnan(e.assessed[r29]));
  BOOST_TEST((e.pace[r29] == pace::insufficient_data));
}

BOOST_AUTO_TEST_CASE(cumulative_after_the_period_and_slow_pace) {
  const auto p = make_plan("viec_lam", unit::count, jobs_target());
  chitieu::panel obs;
  for (int y = 2026; y <= 2030; ++y) obs.add("viec_lam", "a", y, 2500);
  obs.add("viec_lam", "a", 2031, 9999);  // after the period: the full-period sum
  obs.add("viec_lam", "b", 2026, 1000);
  obs.add("viec_lam", "b", 2027, 1000);
  obs.add("viec_lam", "c", 2026, 3000);
  obs.add("viec_lam", "c", 2027, 2000);
  obs.add("viec_lam", "c", 2028, 9000);
  auto e = run(p, obs);
  const auto r30 = row_of(e, "a", 2030), r31 = row_of(e, "a", 2031);
  BOOST_TEST(e.assessed[r30] == 12500.0);
  BOOST_TEST(e.elapsed[r30] == 1.0);
  BOOST_TEST(e.projected[r30] == 12500.0);      // no years left
  BOOST_TEST((e.pace[r30] == pace::moderate));  // r = 12500/13500 = 0.926
  BOOST_TEST(e.assessed[r31] == 12500.0);
  BOOST_TEST(e.value[r31] == 9999.0);
  BOOST_TEST(e.elapsed[r31] == 1.0);
  // b: 2000 after 2 years → 2000 + 1000·3 = 5000 → r = 5000/13500 = 0.37 → stagnating
  BOOST_TEST(e.projected[row_of(e, "b", 2027)] == 5000.0, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.pace[row_of(e, "b", 2027)] == pace::stagnating));
  // c: 14000 ≥ 13500 by 2028 → met
  BOOST_TEST((e.status[row_of(e, "c", 2028)] == status::met));
  BOOST_TEST((e.pace[row_of(e, "c", 2028)] == pace::achieved));
  BOOST_TEST(e.margin[row_of(e, "c", 2028)] == 500.0);
  // the other methods do not apply to cumulative targets
  e = run(p, obs, pace_method::open_sdg);
  BOOST_TEST((e.pace[row_of(e, "b", 2027)] == pace::not_applicable));
  e = run(p, obs, pace_method::sdsn);
  BOOST_TEST((e.pace[row_of(e, "c", 2028)] == pace::not_applicable));
}

BOOST_AUTO_TEST_CASE(cumulative_without_period_is_an_error) {
  target t = jobs_target();
  t.period.reset();
  const auto p = make_plan("viec_lam", unit::count, t);
  chitieu::panel obs;
  obs.add("viec_lam", "a", 2026, 2500);
  BOOST_CHECK_THROW(run(p, obs), chitieu::error);
  auto q = p;  // the indicator's own period suffices
  q.indicators[0].target.period = std::make_pair(2026, 2030);
  BOOST_TEST(run(q, obs).assessed[0] == 2500.0);
}

BOOST_AUTO_TEST_CASE(milestone_by_value) {
  const auto p = make_plan("de_an", unit::boolean, boolean_target(target_kind::milestone));
  chitieu::panel obs;
  obs.add("de_an", "a", 2024, 0);
  obs.add("de_an", "a", 2025, 1);
  obs.add("de_an", "a", 2026, missing);
  obs.coverage.back() = 0.5;
  for (auto m : {pace_method::chitieu, pace_method::open_sdg, pace_method::sdsn}) {
    const auto e = run(p, obs, m);
    BOOST_TEST((e.status[0] == status::not_met));
    BOOST_TEST((e.status[1] == status::met));
    BOOST_TEST((e.status[2] == status::no_data));
    for (std::size_t r = 0; r < 3; ++r) {
      BOOST_TEST((e.pace[r] == pace::not_applicable));
      BOOST_TEST(std::isnan(e.p_meet[r]));
      BOOST_TEST(std::isnan(e.projected[r]));
      BOOST_TEST(std::isnan(e.margin[r]));
    }
  }
}

BOOST_AUTO_TEST_CASE(sustained_needs_every_year_from_the_baseline) {
  const auto p = make_plan("duy_tri", unit::boolean, boolean_target(target_kind::sustained));
  chitieu::panel obs;
  obs.add("duy_tri", "a", 2020, 1);
  obs.add("duy_tri", "a", 2021, 1);
  obs.add("duy_tri", "a", 2023, 1);  // 2022 missing
  obs.add("duy_tri", "b", 2020, 1);
  obs.add("duy_tri", "b", 2021, 0);
  obs.add("duy_tri", "b", 2022, 1);  // a 0 in 2021 breaks it for good
  obs.add("duy_tri", "c", 2019, 1);  // before the baseline year: its own value
  obs.add("duy_tri", "c", 2021, 1);  // 2020 missing
  const auto e = run(p, obs);
  BOOST_TEST((e.status[row_of(e, "a", 2021)] == status::met));
  BOOST_TEST((e.status[row_of(e, "a", 2023)] == status::no_data));
  BOOST_TEST((e.status[row_of(e, "b", 2020)] == status::met));
  BOOST_TEST((e.status[row_of(e, "b", 2021)] == status::not_met));
  BOOST_TEST((e.status[row_of(e, "b", 2022)] == status::not_met));
  BOOST_TEST(e.assessed[row_of(e, "b", 2022)] == 0.0);
  BOOST_TEST((e.status[row_of(e, "c", 2019)] == status::met));
  BOOST_TEST((e.status[row_of(e, "c", 2021)] == status::no_data));
  for (std::size_t r = 0; r < e.size(); ++r) {
    BOOST_TEST((e.pace[r] == pace::not_applicable));
    BOOST_TEST(std::isnan(e.p_meet[r]));
  }
}

BOOST_AUTO_TEST_CASE(qualitative_assessments) {
  const auto p = make_plan("chat_luong", unit::boolean, boolean_target(target_kind::qualitative));
  chitieu::panel obs;
  obs.add("chat_luong", "a", 2021, 1);
  obs.add("chat_luong", "a", 2022, 0);
  obs.add("chat_luong", "a", 2023, missing);  // no assessment
  obs.add("chat_luong", "a", 2024, missing);  // a rolled-up parent under min_coverage
  obs.coverage.back() = 0.4;
  const auto e = run(p, obs);
  BOOST_TEST((e.status[0] == status::met));
  BOOST_TEST((e.status[1] == status::not_met));
  BOOST_TEST((e.status[2] == status::not_assessed));
  BOOST_TEST((e.status[3] == status::no_data));
  BOOST_TEST(e.coverage[3] == 0.4);
  for (std::size_t r = 0; r < 4; ++r) {
    BOOST_TEST((e.pace[r] == pace::not_applicable));
    BOOST_TEST(std::isnan(e.p_meet[r]));
  }
}

BOOST_AUTO_TEST_CASE(kinds_at_their_bounds) {
  // relative [2.0, 2.6] on value/value(2020), base 50: 100 → 2.0 met (margin 0), 130 → 2.6 met,
  // 130.5 → 2.61 exceeded
  const auto rel = make_plan("thu_nhap", unit::money, income_target());
  chitieu::panel obs;
  obs.add("thu_nhap", "a", 2020, 50);
  obs.add("thu_nhap", "a", 2028, 99.5);  // 1.99: just short
  obs.add("thu_nhap", "a", 2029, 100);
  obs.add("thu_nhap", "b", 2020, 50);
  obs.add("thu_nhap", "b", 2029, 130);
  obs.add("thu_nhap", "c", 2020, 50);
  obs.add("thu_nhap", "c", 2029, 130.5);
  auto e = run(rel, obs);
  BOOST_TEST((e.status[row_of(e, "a", 2028)] == status::not_met));
  BOOST_TEST((e.status[row_of(e, "a", 2029)] == status::met));
  BOOST_TEST(e.margin[row_of(e, "a", 2029)] == 0.0);
  BOOST_TEST((e.status[row_of(e, "b", 2029)] == status::met));
  BOOST_TEST((e.status[row_of(e, "c", 2029)] == status::exceeded));
  // cumulative ≥ 13 500: exactly 13 500 by 2029 is met with margin 0; 13 499 is not
  const auto cum = make_plan("viec_lam", unit::count, jobs_target());
  chitieu::panel jobs;
  for (int y = 2026; y <= 2029; ++y) jobs.add("viec_lam", "a", y, 3375);  // 4 × 3375 = 13 500
  for (int y = 2026; y <= 2029; ++y) jobs.add("viec_lam", "b", y, y == 2029 ? 3374 : 3375);
  e = run(cum, jobs);
  BOOST_TEST(e.assessed[row_of(e, "a", 2029)] == 13500.0);
  BOOST_TEST((e.status[row_of(e, "a", 2029)] == status::met));
  BOOST_TEST(e.margin[row_of(e, "a", 2029)] == 0.0);
  BOOST_TEST(e.progress[row_of(e, "a", 2029)] == 1.0);
  BOOST_TEST((e.status[row_of(e, "b", 2029)] == status::not_met));
  // b: 13 499 after 4 years → 13 499 + 3374.75·1 = 16 873.75 ≥ 13 500 → on_track
  BOOST_TEST(e.projected[row_of(e, "b", 2029)] == 13499.0 + 13499.0 / 4, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.pace[row_of(e, "b", 2029)] == pace::on_track));
}

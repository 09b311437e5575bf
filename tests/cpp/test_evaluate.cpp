#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/evaluate.hpp>
#include <chitieu/projection.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// Numeric targets (threshold, range, approx, two-sided band), the chitieu pace classes, the
// columns, the year option, overrides and input errors. Plans are built from structs directly.

using chitieu::direction;
using chitieu::pace;
using chitieu::status;
using chitieu::target;
using chitieu::target_kind;
using chitieu::unit;

using namespace chitieu::test;

namespace {
constexpr double tol = 1e-9;

// "trên 80%": > 80 (exclusive), higher
const target above_80 = make_target(target_kind::threshold, direction::higher, 80.0, false, {}, true);
// "tối thiểu 80%": ≥ 80, higher
const target at_least_80 = make_target(target_kind::threshold, direction::higher, 80.0, true, {}, true);

void add_series(chitieu::panel& obs, const std::string& ind, const std::string& area, int first_year,
                const std::vector<double>& values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    obs.add(ind, area, first_year + static_cast<int>(i), values[i]);
}

// Index of the evaluation row for indicator id × area id × year (fails the test if absent).
std::size_t row_of(const chitieu::evaluation& e, const std::string& ind, const std::string& area, int year) {
  for (std::size_t r = 0; r < e.size(); ++r)
    if (e.indicator_ids[static_cast<std::size_t>(e.indicator[r])] == ind &&
        e.area_ids[static_cast<std::size_t>(e.area[r])] == area && e.year[r] == year)
      return r;
  BOOST_FAIL("no evaluation row for " + ind + " / " + area + " / " + std::to_string(year));
  return 0;
}

// Pace of a two-year series v(2020), v(2021) against target t.
pace pace_of_two(const target& t, double v2020, double v2021) {
  const auto p = make_plan({make_indicator("x", unit::percent, t)});
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {v2020, v2021});
  const auto e = chitieu::evaluate(p, obs);
  return e.pace[row_of(e, "x", "a", 2021)];
}
}  // namespace

BOOST_AUTO_TEST_CASE(la_gi_trained_labour_every_year) {
  // "tỷ lệ lao động qua đào tạo đạt trên 80%": > 80, 2020..2024 = 70, 71, 72.5, 73, 74
  const auto p = make_plan({make_indicator("lao_dong_qua_dao_tao", unit::percent, above_80)});
  chitieu::panel obs;
  add_series(obs, "lao_dong_qua_dao_tao", "la-gi", 2020, {70, 71, 72.5, 73, 74});
  const auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(e.size() == 5u);
  BOOST_TEST(e.indicator_ids == obs.indicator_ids);
  BOOST_TEST(e.area_ids == obs.area_ids);

  const auto r20 = row_of(e, "lao_dong_qua_dao_tao", "la-gi", 2020);
  BOOST_TEST((e.status[r20] == status::not_met));
  BOOST_TEST(e.baseline[r20] == 70.0);
  BOOST_TEST(e.progress[r20] == 0.0);        // (70 − 70)/(80 − 70)
  BOOST_TEST(e.elapsed[r20] == 0.0);         // (2020 − 2020)/10
  BOOST_TEST(std::isnan(e.projected[r20]));  // one point
  BOOST_TEST(std::isnan(e.p_meet[r20]));
  BOOST_TEST((e.pace[r20] == pace::insufficient_data));

  // 2021: two points, slope 1 → projected 70 + 10 = 80, not > 80 → r = (80 − 70)/(80 − 70) = 1
  const auto r21 = row_of(e, "lao_dong_qua_dao_tao", "la-gi", 2021);
  BOOST_TEST(e.projected[r21] == 80.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(std::isnan(e.p_meet[r21]));  // p_meet needs 3 points
  BOOST_TEST((e.pace[r21] == pace::moderate));

  // 2022: x = 0,1,2, y = 70,71,72.5: slope = 2.5/2 = 1.25, ȳ = 71.1667 → ŷ(10) = 71.1667 + 11.25 = 82.4167
  const auto r22 = row_of(e, "lao_dong_qua_dao_tao", "la-gi", 2022);
  BOOST_TEST(e.projected[r22] == 71.0 + 1.0 / 6.0 + 11.25, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.pace[r22] == pace::on_track));

  // 2024: slope 1, ȳ = 72.1 → ŷ(10) = 80.1 > 80 → on_track; margin 74 − 80 = −6
  const auto r24 = row_of(e, "lao_dong_qua_dao_tao", "la-gi", 2024);
  BOOST_TEST(e.value[r24] == 74.0);
  BOOST_TEST(e.assessed[r24] == 74.0);
  BOOST_TEST((e.status[r24] == status::not_met));
  BOOST_TEST(e.margin[r24] == -6.0);
  BOOST_TEST(e.baseline[r24] == 70.0);
  BOOST_TEST(e.progress[r24] == 0.4, boost::test_tools::tolerance(tol));  // (74 − 70)/(80 − 70)
  BOOST_TEST(e.elapsed[r24] == 0.4, boost::test_tools::tolerance(tol));   // (2024 − 2020)/(2030 − 2020)
  BOOST_TEST(e.projected[r24] == 80.1, boost::test_tools::tolerance(tol));
  // se = √(0.2/3 · 7.6) = 0.711805; P(Y > 80) = P(t3 ≤ 0.1/0.711805 = 0.140488) ≈ 0.5514
  // (t3 cdf at 0.1405: 0.5 + 0.1405·Γ(2)/(√(3π)Γ(1.5)) ≈ 0.5 + 0.1405·0.3676 ≈ 0.5516, minus a small cubic
  // term)
  BOOST_TEST(e.p_meet[r24] == 0.5514, boost::test_tools::tolerance(2e-4));
  BOOST_TEST((e.pace[r24] == pace::on_track));
  BOOST_TEST(std::isnan(e.coverage[r24]));
}

BOOST_AUTO_TEST_CASE(p_meet_equals_published_t_quantile_through_evaluate) {
  // Same series; target ≥ T with T = 80.1 − t_{0.95,3}·se = 80.1 − 2.353·0.711805 → p_meet 0.95
  const double T = 80.1 - 2.353 * std::sqrt(0.2 / 3 * 7.6);
  const auto p = make_plan({make_indicator(
      "x", unit::percent, make_target(target_kind::threshold, direction::higher, T, true, {}, true))});
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {70, 71, 72.5, 73, 74});
  const auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(e.p_meet[row_of(e, "x", "a", 2024)] == 0.95, boost::test_tools::tolerance(1e-3));
  // lower direction, ≤ T with T = 80.1 + 2.353·se → P(Y ≤ T) = 0.95
  const double U = 80.1 + 2.353 * std::sqrt(0.2 / 3 * 7.6);
  const auto q = make_plan({make_indicator(
      "x", unit::percent, make_target(target_kind::threshold, direction::lower, {}, true, U, true))});
  const auto f = chitieu::evaluate(q, obs);
  BOOST_TEST(f.p_meet[row_of(f, "x", "a", 2024)] == 0.95, boost::test_tools::tolerance(1e-3));
}

BOOST_AUTO_TEST_CASE(chitieu_pace_classes_higher) {
  // two points: projected = v2020 + 10·(v2021 − v2020)
  BOOST_TEST((pace_of_two(at_least_80, 70, 80) == pace::achieved));  // met now
  BOOST_TEST((pace_of_two(at_least_80, 70, 81) == pace::achieved));
  BOOST_TEST((pace_of_two(at_least_80, 70, 71) == pace::on_track));      // 70 + 10 = 80 ≥ 80
  BOOST_TEST((pace_of_two(at_least_80, 70, 70.6) == pace::moderate));    // 76 → r = 6/10 = 0.6
  BOOST_TEST((pace_of_two(at_least_80, 70, 70.2) == pace::stagnating));  // 72 → r = 0.2
  BOOST_TEST((pace_of_two(at_least_80, 70, 70) == pace::stagnating));    // 70 → r = 0
  BOOST_TEST((pace_of_two(at_least_80, 70, 69) == pace::regressing));    // 60 → r = −1
  BOOST_TEST((pace_of_two(at_least_80, 85, 79) == pace::regressing));    // baseline met, 25 not
}

BOOST_AUTO_TEST_CASE(chitieu_pace_when_target_equals_baseline) {
  // "> 80" with v0 = 80 (not met): T = v0, progress NaN
  BOOST_TEST((pace_of_two(above_80, 80, 80) == pace::stagnating));  // projection 80, not worse
  BOOST_TEST((pace_of_two(above_80, 80, 79) == pace::regressing));  // projection 70 < v0
  BOOST_TEST((pace_of_two(above_80, 80, 81) == pace::achieved));
  const auto p = make_plan({make_indicator("x", unit::percent, above_80)});
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {80, 79});
  const auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(std::isnan(e.progress[row_of(e, "x", "a", 2021)]));
  BOOST_TEST(e.baseline[row_of(e, "x", "a", 2021)] == 80.0);
}

BOOST_AUTO_TEST_CASE(chitieu_pace_classes_lower) {
  // "Tỷ lệ thất nghiệp 2%" with lower: ≤ 2
  const target at_most_2 = make_target(target_kind::threshold, direction::lower, {}, true, 2.0, true);
  BOOST_TEST((pace_of_two(at_most_2, 3, 2) == pace::achieved));
  BOOST_TEST((pace_of_two(at_most_2, 3, 2.8) == pace::on_track));      // 3 − 2 = 1 ≤ 2
  BOOST_TEST((pace_of_two(at_most_2, 4, 3.88) == pace::moderate));     // 2.8 → r = 1.2/2 = 0.6
  BOOST_TEST((pace_of_two(at_most_2, 4, 3.96) == pace::stagnating));   // 3.6 → r = 0.4/2 = 0.2
  BOOST_TEST((pace_of_two(at_most_2, 4, 4.1) == pace::regressing));    // 5 → r = −0.5
  BOOST_TEST((pace_of_two(at_most_2, 1.5, 2.5) == pace::regressing));  // baseline met
  const auto p = make_plan({make_indicator("u", unit::percent, at_most_2)});
  chitieu::panel obs;
  add_series(obs, "u", "a", 2020, {4, 3.5});
  const auto e = chitieu::evaluate(p, obs);
  const auto r = row_of(e, "u", "a", 2021);
  BOOST_TEST(e.margin[r] == -1.5);                                       // 2 − 3.5
  BOOST_TEST(e.progress[r] == 0.25, boost::test_tools::tolerance(tol));  // (3.5 − 4)/(2 − 4)
  BOOST_TEST(e.projected[r] == 0.0, boost::test_tools::tolerance(tol));  // 4 − 5 = −1 clamped to 0
}

BOOST_AUTO_TEST_CASE(projection_is_clamped_to_the_unit_domain) {
  // percent: 90, 95 → 90 + 50 = 140 → 100; index: no clamp
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {60, 65});
  auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(e.projected[row_of(e, "x", "a", 2021)] == 100.0);  // 60 + 50 = 110 → 100
  const auto q = make_plan({make_indicator(
      "x", unit::index, make_target(target_kind::threshold, direction::lower, {}, true, 0.0, true))});
  chitieu::panel obs2;
  add_series(obs2, "x", "a", 2020, {5, 3});
  e = chitieu::evaluate(q, obs2);
  BOOST_TEST(e.projected[row_of(e, "x", "a", 2021)] == -15.0, boost::test_tools::tolerance(tol));  // 5 − 20
  BOOST_TEST((e.pace[row_of(e, "x", "a", 2021)] == pace::on_track));
}

BOOST_AUTO_TEST_CASE(range_and_approx_bands) {
  // "khoảng 60%" higher → [59.4, 60.6]: T = 59.4
  const target about_60 = make_target(target_kind::approx, direction::higher, 59.4, true, 60.6, true);
  const auto p = make_plan({make_indicator("bhxh", unit::percent, about_60)});
  chitieu::panel obs;
  add_series(obs, "bhxh", "a", 2020, {50, 55, 60, 61});
  const auto e = chitieu::evaluate(p, obs);
  const auto r22 = row_of(e, "bhxh", "a", 2022), r23 = row_of(e, "bhxh", "a", 2023);
  BOOST_TEST((e.status[r22] == status::met));
  BOOST_TEST(e.margin[r22] == 0.6, boost::test_tools::tolerance(tol));  // 60 − 59.4
  BOOST_TEST((e.pace[r22] == pace::achieved));
  BOOST_TEST((e.status[r23] == status::exceeded));
  BOOST_TEST((e.pace[r23] == pace::achieved));
  // 2021: (55 − 50)/(59.4 − 50) = 5/9.4
  BOOST_TEST(e.progress[row_of(e, "bhxh", "a", 2021)] == 5.0 / 9.4, boost::test_tools::tolerance(tol));
}

BOOST_AUTO_TEST_CASE(two_sided_band_has_no_pace_or_p_meet) {
  // direction none, [2.0, 2.6]: met inside; projection is computed but pace is not applicable
  const target band = make_target(target_kind::range, direction::none, 2.0, true, 2.6, true);
  const auto p = make_plan({make_indicator("tfr", unit::ratio, band)});
  chitieu::panel obs;
  add_series(obs, "tfr", "a", 2020, {1.8, 1.9, 2.1});
  const auto e = chitieu::evaluate(p, obs);
  const auto r = row_of(e, "tfr", "a", 2022);
  BOOST_TEST((e.status[r] == status::met));
  BOOST_TEST(e.margin[r] == 0.1, boost::test_tools::tolerance(tol));  // min(2.1 − 2.0, 2.6 − 2.1)
  BOOST_TEST((e.pace[r] == pace::not_applicable));
  BOOST_TEST(std::isnan(e.p_meet[r]));
  BOOST_TEST(std::isnan(e.progress[r]));  // no met boundary
  // x = 0,1,2, y = 1.8,1.9,2.1: slope 0.15, ȳ = 1.9333 → ŷ(10) = 1.9333 + 1.35 = 3.2833
  BOOST_TEST(e.projected[r] == 1.9 + 0.1 / 3 + 1.35, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.status[row_of(e, "tfr", "a", 2020)] == status::not_met));
  BOOST_TEST((e.pace[row_of(e, "tfr", "a", 2020)] == pace::not_applicable));
}

BOOST_AUTO_TEST_CASE(compound_trend_fits_the_logarithm) {
  // 100, 110, 121: ln is exactly linear (slope ln 1.1) → projected 100·1.1^10 = 259.374; se = 0
  auto ind = make_indicator("thu_nhap", unit::money,
                            make_target(target_kind::threshold, direction::higher, 250.0, true, {}, true));
  ind.trend = chitieu::trend::compound;
  const auto p = make_plan({ind});
  chitieu::panel obs;
  add_series(obs, "thu_nhap", "a", 2020, {100, 110, 121});
  auto e = chitieu::evaluate(p, obs);
  auto r = row_of(e, "thu_nhap", "a", 2022);
  BOOST_TEST(e.projected[r] == 100 * std::pow(1.1, 10), boost::test_tools::tolerance(1e-9));
  BOOST_TEST(e.p_meet[r] == 1.0);  // ln 259.37 ≥ ln 250 with se = 0
  BOOST_TEST((e.pace[r] == pace::on_track));
  // a target above the projection: 260 > 259.374 → p_meet 0, r = (259.374 − 100)/(260 − 100) = 0.996
  ind.target.lower = 260.0;
  e = chitieu::evaluate(make_plan({ind}), obs);
  r = row_of(e, "thu_nhap", "a", 2022);
  BOOST_TEST(e.p_meet[r] == 0.0);
  BOOST_TEST((e.pace[r] == pace::moderate));
}

BOOST_AUTO_TEST_CASE(compound_trend_on_a_flat_series_projects_the_baseline_exactly) {
  // 456.77 three times: ln is flat, slope 0 → projected = 456.77 exactly (exp(ln 456.77) is
  // 456.77 − 5.7e-14 in double), r = (456.77 − 456.77)/(1000 − 456.77) = 0 → stagnating, not
  // regressing (docs/evaluation.md "Pace": 0 ≤ r < 0.5). Found by tests/python/test_design_evaluation.py.
  auto ind = make_indicator("x", unit::count,
                            make_target(target_kind::threshold, direction::higher, 1000.0, true, {}, true));
  ind.trend = chitieu::trend::compound;
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {456.77, 456.77, 456.77});
  const auto e = chitieu::evaluate(make_plan({ind}), obs);
  for (int y : {2021, 2022}) {
    const auto r = row_of(e, "x", "a", y);
    BOOST_TEST(e.projected[r] == 456.77);
    BOOST_TEST((e.pace[r] == pace::stagnating));
  }
  BOOST_TEST(e.p_meet[row_of(e, "x", "a", 2022)] == 0.0);  // se = 0 and 456.77 < 1000
}

BOOST_AUTO_TEST_CASE(p_meet_keeps_small_residuals_of_a_steep_line) {
  // "≥ 40": 20 + 1e-6, 22 − 2e-6, 24 + 1e-6 (2020..2022). The residuals (1, −2, 1)·1e-6 are
  // orthogonal to the line 20 + 2x, so ŷ(10) = 40 = T exactly and RSS = 6e-12 > 0: se > 0 and
  // p_meet = P(t1 ≥ 0) = 1/2 (docs/evaluation.md "Projection and p_meet": se = s·√(…), s² = RSS/(n − 2)). The
  // same line without the residuals is exact: se = 0 and ŷ = 40 ≥ 40 → p_meet 1. Found by
  // test_design_evaluation.py (the running sums' Syy − Sxy·slope had called RSS ≤ 1e-12·Syy = 2e-11 rounding
  // noise).
  const auto p = make_plan({make_indicator(
      "x", unit::percent, make_target(target_kind::threshold, direction::higher, 40.0, true, {}, true))});
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {20 + 1e-6, 22 - 2e-6, 24 + 1e-6});
  add_series(obs, "x", "b", 2020, {20, 22, 24});
  const auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(e.projected[row_of(e, "x", "a", 2022)] == 40.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(e.p_meet[row_of(e, "x", "a", 2022)] == 0.5, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(e.p_meet[row_of(e, "x", "b", 2022)] == 1.0);
}

BOOST_AUTO_TEST_CASE(compound_trend_with_non_positive_values_cannot_project) {
  auto ind = make_indicator("x", unit::count,
                            make_target(target_kind::threshold, direction::higher, 50.0, true, {}, true));
  ind.trend = chitieu::trend::compound;
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {0, 10, 20});
  const auto e = chitieu::evaluate(make_plan({ind}), obs);
  const auto r = row_of(e, "x", "a", 2022);
  BOOST_TEST(std::isnan(e.projected[r]));
  BOOST_TEST(std::isnan(e.p_meet[r]));
  BOOST_TEST((e.pace[r] == pace::insufficient_data));
  BOOST_TEST(e.progress[r] == 0.4, boost::test_tools::tolerance(tol));  // (20 − 0)/(50 − 0)
  BOOST_TEST((e.status[r] == status::not_met));
}

BOOST_AUTO_TEST_CASE(baseline_is_the_first_year_with_data_from_the_baseline_year) {
  // data 2018, 2019, 2022, 2023: 2018/2019 are before the baseline year → t0 = 2022
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  obs.add("x", "a", 2018, 40);
  obs.add("x", "a", 2019, 45);
  obs.add("x", "a", 2022, 60);
  obs.add("x", "a", 2023, 62);
  const auto e = chitieu::evaluate(p, obs);
  const auto r19 = row_of(e, "x", "a", 2019);
  BOOST_TEST(std::isnan(e.baseline[r19]));  // no year ≥ 2020 with data ≤ 2019
  BOOST_TEST(std::isnan(e.elapsed[r19]));
  BOOST_TEST((e.pace[r19] == pace::insufficient_data));
  const auto r23 = row_of(e, "x", "a", 2023);
  BOOST_TEST(e.baseline[r23] == 60.0);
  BOOST_TEST(e.elapsed[r23] == 1.0 / 8.0, boost::test_tools::tolerance(tol));  // (2023 − 2022)/(2030 − 2022)
  BOOST_TEST(e.progress[r23] == 0.1, boost::test_tools::tolerance(tol));       // 2/20
  // fit on 2022, 2023 only: 60 + 2·8 = 76 → r = 16/20 = 0.8
  BOOST_TEST(e.projected[r23] == 76.0, boost::test_tools::tolerance(tol));
  BOOST_TEST((e.pace[r23] == pace::moderate));
}

BOOST_AUTO_TEST_CASE(year_overrides_options_and_indicator) {
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {60, 62, 64, 66});
  // option baseline 2021, target 2025: t0 = 2021, v0 = 62; elapsed(2023) = 2/4
  chitieu::evaluate_options opt;
  opt.baseline_year = 2021;
  opt.target_year = 2025;
  auto e = chitieu::evaluate(make_plan({make_indicator("x", unit::percent, at_least_80)}), obs, opt);
  auto r = row_of(e, "x", "a", 2023);
  BOOST_TEST(e.baseline[r] == 62.0);
  BOOST_TEST(e.elapsed[r] == 0.5, boost::test_tools::tolerance(tol));
  BOOST_TEST(e.projected[r] == 70.0, boost::test_tools::tolerance(tol));  // 62 + 2·4
  // the indicator's own years win over the options
  auto ind = make_indicator("x", unit::percent, at_least_80);
  ind.baseline_year = 2022;
  ind.target_year = 2032;
  e = chitieu::evaluate(make_plan({ind}), obs, opt);
  r = row_of(e, "x", "a", 2023);
  BOOST_TEST(e.baseline[r] == 64.0);
  BOOST_TEST(e.elapsed[r] == 0.1, boost::test_tools::tolerance(tol));     // 1/10
  BOOST_TEST(e.projected[r] == 84.0, boost::test_tools::tolerance(tol));  // 64 + 2·10
  BOOST_TEST((e.pace[r] == pace::on_track));
}

BOOST_AUTO_TEST_CASE(year_option_evaluates_one_row_per_series) {
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  obs.add("x", "a", 2020, 70);
  obs.add("x", "a", 2021, 72);
  obs.add("x", "a", 2023, 75);
  obs.add("x", "b", 2024, 90);  // area b has no data up to 2022
  chitieu::evaluate_options opt;
  opt.year = 2022;  // no observation in 2022: value NaN → no_data, projection from 2020–2021
  auto e = chitieu::evaluate(p, obs, opt);
  BOOST_TEST(e.size() == 1u);
  BOOST_TEST(e.year[0] == 2022);
  BOOST_TEST(std::isnan(e.value[0]));
  BOOST_TEST(std::isnan(e.assessed[0]));
  BOOST_TEST((e.status[0] == status::no_data));
  BOOST_TEST((e.pace[0] == pace::insufficient_data));
  BOOST_TEST(e.baseline[0] == 70.0);
  BOOST_TEST(e.elapsed[0] == 0.2, boost::test_tools::tolerance(tol));
  BOOST_TEST(e.projected[0] == 90.0, boost::test_tools::tolerance(tol));  // 70 + 2·10 → data ≤ 2022 only
  opt.year = 2023;
  e = chitieu::evaluate(p, obs, opt);
  BOOST_TEST(e.size() == 1u);
  BOOST_TEST(e.value[0] == 75.0);
  BOOST_TEST((e.status[0] == status::not_met));
  opt.year = 2019;
  BOOST_TEST(chitieu::evaluate(p, obs, opt).size() == 0u);
  opt.year = 2030;
  e = chitieu::evaluate(p, obs, opt);
  BOOST_TEST(e.size() == 2u);  // a (last 2023) and b (2024), both no_data at 2030
  BOOST_TEST((e.status[row_of(e, "x", "b", 2030)] == status::no_data));
}

BOOST_AUTO_TEST_CASE(rows_in_any_order_come_out_sorted) {
  const auto p = make_plan(
      {make_indicator("x", unit::percent, at_least_80), make_indicator("y", unit::percent, at_least_80)});
  chitieu::panel obs;
  obs.add("y", "b", 2021, 50);
  obs.add("x", "b", 2020, 10);
  obs.add("x", "a", 2021, 30);
  obs.add("y", "b", 2020, 40);
  obs.add("x", "a", 2020, 20);
  const auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(e.size() == 5u);
  // codes: y = 0, x = 1; b = 0, a = 1 → order (y,b,2020) (y,b,2021) (x,b,2020) (x,a,2020) (x,a,2021)
  const std::vector<int> years{2020, 2021, 2020, 2020, 2021};
  const std::vector<double> values{40, 50, 10, 20, 30};
  for (std::size_t r = 0; r < 5; ++r) {
    BOOST_TEST(e.year[r] == years[r]);
    BOOST_TEST(e.value[r] == values[r]);
  }
  BOOST_TEST(e.progress[row_of(e, "y", "b", 2021)] == 0.25, boost::test_tools::tolerance(tol));  // 10/40
}

BOOST_AUTO_TEST_CASE(ratio_rows_and_rolled_up_rows) {
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  obs.add("x", "a", 2020, missing, 70, 100);  // value from numerator/denominator: 70·100/100 = 70
  obs.add("x", "a", 2021, missing);           // a parent under min_coverage
  obs.coverage.back() = 0.5;
  obs.add("x", "a", 2022, 85);
  obs.coverage.back() = 1.0;
  const auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(e.value[0] == 70.0);
  BOOST_TEST((e.status[1] == status::no_data));
  BOOST_TEST(e.coverage[1] == 0.5);
  BOOST_TEST((e.pace[1] == pace::insufficient_data));
  BOOST_TEST(e.coverage[2] == 1.0);
  BOOST_TEST((e.status[2] == status::met));
  BOOST_TEST(std::isnan(e.coverage[0]));
}

BOOST_AUTO_TEST_CASE(input_errors_name_row_and_field) {
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  obs.add("x", "a", 2020, 70);
  obs.add("zz", "a", 2020, 70);
  try {
    chitieu::evaluate(p, obs);
    BOOST_FAIL("expected chitieu::error");
  } catch (const chitieu::error& err) {
    BOOST_TEST(err.line() == 2);
    BOOST_TEST(err.field() == "indicator");
    BOOST_TEST(err.message().find("'zz' is not in plan 'test-plan'; expected one of x") != std::string::npos);
  }
  chitieu::panel dup;
  dup.add("x", "a", 2021, 70);
  dup.add("x", "b", 2021, 70);
  dup.add("x", "a", 2021, 71);
  try {
    chitieu::evaluate(p, dup);
    BOOST_FAIL("expected chitieu::error");
  } catch (const chitieu::error& err) {
    BOOST_TEST(err.line() == 3);
    BOOST_TEST(err.field() == "year");
    BOOST_TEST(err.message().find("duplicate of row 1") != std::string::npos);  // check_observations()
  }
  chitieu::panel inf;
  inf.add("x", "a", 2021, std::numeric_limits<double>::infinity());
  BOOST_CHECK_THROW(chitieu::evaluate(p, inf), chitieu::error);
}

BOOST_AUTO_TEST_CASE(plan_indicators_without_data_get_no_rows) {
  const auto p = make_plan(
      {make_indicator("x", unit::percent, at_least_80), make_indicator("y", unit::percent, at_least_80)});
  chitieu::panel obs;
  obs.add("x", "a", 2020, 70);
  const auto e = chitieu::evaluate(p, obs);
  BOOST_TEST(e.size() == 1u);
  BOOST_TEST(chitieu::evaluate(p, chitieu::panel{}).size() == 0u);
}

BOOST_AUTO_TEST_CASE(a_panel_given_away_evaluates_as_one_only_read) {
  // evaluate(panel&&) completes values in place and recycles numerator and denominator; the
  // result must be that of evaluate(const panel&), here with rows given only as numerator and
  // denominator (40 %, 45 %, 52 %, 60 % = 400/1000 … 600/1000), a value and a denominator
  // without numerator (value kept), and a numerator without denominator (no value: no_data).
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  obs.add("x", "a", 2020, nan, 400, 1000);
  obs.add("x", "a", 2021, nan, 450, 1000);
  obs.add("x", "a", 2022, 52.0, nan, 1000);
  obs.add("x", "a", 2023, nan, 600, 1000);
  obs.add("x", "b", 2020, nan, 30, nan);
  obs.add("x", "b", 2021, 70.0);
  BOOST_CHECK_THROW(chitieu::evaluate(p, obs), chitieu::error);  // checked: numerator without denominator
  chitieu::evaluate_options as_given;  // the evaluator's own handling of that row, unchecked
  as_given.checked = true;
  const auto read = chitieu::evaluate(p, obs, as_given);
  chitieu::panel given = obs;
  const auto owned = chitieu::evaluate(p, std::move(given), as_given);
  BOOST_TEST(same(owned, read));
  BOOST_TEST(read.value[row_of(read, "x", "a", 2023)] == 60.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(std::isnan(read.value[row_of(read, "x", "b", 2020)]));
  BOOST_TEST((read.status[row_of(read, "x", "b", 2020)] == status::no_data));
}

BOOST_AUTO_TEST_CASE(a_panel_given_away_evaluates_at_one_year_as_one_only_read) {
  // With options.year the given-away panel is evaluated by blocks on its settled values.
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  obs.add("x", "a", 2020, nan, 400, 1000);
  obs.add("x", "a", 2021, nan, 450, 1000);
  obs.add("x", "a", 2023, nan, 600, 1000);
  obs.add("x", "b", 2020, 70.0);
  chitieu::evaluate_options at_2022;
  at_2022.year = 2022;
  const auto read = chitieu::evaluate(p, obs, at_2022);
  chitieu::panel given = obs;
  const auto owned = chitieu::evaluate(p, std::move(given), at_2022);
  BOOST_TEST(same(owned, read));
  BOOST_TEST_REQUIRE(read.size() == 2u);                                // a and b, each evaluated at 2022
  BOOST_TEST(std::isnan(read.value[row_of(read, "x", "a", 2022)]));     // no observation in 2022
  BOOST_TEST(std::isnan(read.assessed[row_of(read, "x", "b", 2022)]));  // no 2022 value either
}

BOOST_AUTO_TEST_CASE(evaluate_into_reuses_the_callers_columns_and_equals_evaluate) {
  // Two panels of the same size, evaluated one after the other into the same evaluation: the
  // second result is evaluate()'s, written into the storage of the first (no column allocated).
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel first, second;
  add_series(first, "x", "a", 2020, {70, 72, 75, 79});
  add_series(first, "x", "b", 2020, {60, 61, 59, 58});
  add_series(second, "x", "a", 2020, {81, 82, 83, 85});
  add_series(second, "x", "b", 2020, {50, 60, 70, 80});
  const auto storage = [](const chitieu::evaluation& e) {
    std::set<const void*> s{e.indicator.data(), e.area.data(),    e.year.data(),   e.value.data(),
                            e.assessed.data(),  e.status.data(),  e.margin.data(), e.baseline.data(),
                            e.progress.data(),  e.elapsed.data(), e.pace.data(),   e.projected.data(),
                            e.p_meet.data(),    e.coverage.data()};
    return s;
  };
  chitieu::evaluation out;
  chitieu::evaluate_into(p, first, out);
  BOOST_TEST(same(out, chitieu::evaluate(p, first)));
  const auto before = storage(out);
  BOOST_TEST(before.size() == 14u);
  chitieu::evaluate_into(p, second, out);
  BOOST_TEST(same(out, chitieu::evaluate(p, second)));
  BOOST_TEST((out.status[row_of(out, "x", "a", 2023)] == status::met));  // 85 ≥ 80
  BOOST_TEST((storage(out) == before));
}

namespace {

/// The storage of an evaluation's double columns.
std::set<const double*> double_columns(const chitieu::evaluation& e) {
  return {e.value.data(),   e.assessed.data(),  e.margin.data(), e.baseline.data(), e.progress.data(),
          e.elapsed.data(), e.projected.data(), e.p_meet.data(), e.coverage.data()};
}

/// A panel of two series (a meets "≥ 80 %" in 2023, b does not) and its plan.
chitieu::panel two_series() {
  chitieu::panel obs;
  add_series(obs, "x", "a", 2020, {70, 72, 75, 81});
  add_series(obs, "x", "b", 2020, {60, 61, 59, 58});
  return obs;
}

}  // namespace

// The overload that takes the evaluation to recycle by rvalue reference, as review() does.
static_assert(std::is_same_v<decltype(chitieu::evaluate(
                                 std::declval<const chitieu::plan&>(), std::declval<chitieu::panel&&>(),
                                 chitieu::evaluate_options{}, std::declval<chitieu::evaluation&&>())),
                             chitieu::evaluation>);

BOOST_AUTO_TEST_CASE(a_panel_given_away_recycles_an_evaluation_given_away) {
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  const auto expected = chitieu::evaluate(p, two_series());
  for (const bool at_a_year : {false, true}) {
    chitieu::evaluate_options opt;
    if (at_a_year) opt.year = 2023;
    const auto fresh = chitieu::evaluate(p, two_series(), opt);
    chitieu::evaluation earlier = expected;
    const std::set<const double*> lent = double_columns(earlier);
    const auto again = chitieu::evaluate(p, two_series(), opt, std::move(earlier));
    BOOST_TEST(earlier.size() == 0u, "year " << at_a_year);  // given away: left empty
    BOOST_TEST(same(again, fresh), "year " << at_a_year);
    BOOST_TEST((again.status[row_of(again, "x", "a", 2023)] == status::met));  // 81 ≥ 80
    std::size_t reused = 0;
    for (const double* column : double_columns(again)) reused += lent.count(column);
    BOOST_TEST(reused > 0u, "year " << at_a_year << ": no column of the earlier evaluation reused");
  }
}

// The pointer overload, deprecated in 0.2.0: it forwards to evaluate(plan, panel&&, options, evaluation&&).
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
BOOST_AUTO_TEST_CASE(the_deprecated_pointer_overload_forwards) {
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  const chitieu::evaluate_options opt;
  const auto expected = chitieu::evaluate(p, two_series());
  chitieu::evaluation earlier = expected;
  const std::set<const double*> lent = double_columns(earlier);
  const auto recycled = chitieu::evaluate(p, two_series(), opt, &earlier);
  BOOST_TEST(earlier.size() == 0u);  // given away through the pointer: left empty
  BOOST_TEST(same(recycled, expected));
  std::size_t reused = 0;
  for (const double* column : double_columns(recycled)) reused += lent.count(column);
  BOOST_TEST(reused > 0u);
  BOOST_TEST(same(chitieu::evaluate(p, two_series(), opt, nullptr), expected));  // null: nothing to recycle
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

BOOST_AUTO_TEST_CASE(p_meet_of_many_series_equals_each_rows_own_fit) {
  // 6 000 series of 11 years (66 000 rows: two threads, and tens of thousands of p_meet values
  // whose Student t the evaluator computes in batches after their rows): every p_meet equals
  // probability_to_meet() of the line fitted through the series' points up to the row's year,
  // in every path of evaluate() (a const panel, one given away, evaluate_into, one year).
  const auto p = make_plan({make_indicator("x", unit::percent, at_least_80)});
  chitieu::panel obs;
  const int areas = 6000, years = 11;
  for (int a = 0; a < areas; ++a)
    for (int i = 0; i < years; ++i)  // a rise of 1.5 a year from 60 with deterministic noise
      if (a % 7 != 3 || i != 4)      // every seventh series without its fifth year
        obs.add("x", "a" + std::to_string(a), 2020 + i, 60.0 + 1.5 * i + 0.9 * std::sin(37.0 * a + 11.0 * i));
  // The reference: the points (years with a value) up to year t fitted on their own.
  const auto expected = [&](const chitieu::evaluation& e, std::size_t r) {
    const int a = std::stoi(e.area_ids[static_cast<std::size_t>(e.area[r])].substr(1));
    std::vector<double> x, y;
    for (int i = 0; 2020 + i <= e.year[r]; ++i) {
      if (a % 7 == 3 && i == 4) continue;
      x.push_back(static_cast<double>(i));
      y.push_back(60.0 + 1.5 * i + 0.9 * std::sin(37.0 * a + 11.0 * i));
    }
    const auto fit = chitieu::fit_line(x.data(), y.data(), x.size());
    return chitieu::probability_to_meet(fit, 10.0, 80.0, direction::higher, true);
  };
  const auto check = [&](const chitieu::evaluation& e, std::size_t rows) {
    BOOST_TEST(e.size() == rows);
    std::size_t with_p_meet = 0, wrong = 0;
    for (std::size_t r = 0; r < e.size(); ++r) {
      const double want = expected(e, r);
      if (!std::isnan(want)) ++with_p_meet;
      if (std::isnan(want) != std::isnan(e.p_meet[r]) || std::abs(e.p_meet[r] - want) > 1e-9) ++wrong;
    }
    BOOST_TEST(wrong == 0u);
    return with_p_meet;
  };
  chitieu::evaluate_options two;
  two.threads = 2;
  const auto e = chitieu::evaluate(p, obs, two);
  BOOST_TEST(check(e, obs.size()) > 50000u);  // 3 or more points: 9 rows of 11 (8 of 10)
  BOOST_TEST(same(chitieu::evaluate(p, chitieu::panel(obs), two), e));
  chitieu::evaluation into;
  chitieu::evaluate_into(p, obs, into, two);
  BOOST_TEST(same(into, e));
  chitieu::evaluate_options one = two;
  one.threads = 1;
  BOOST_TEST(same(chitieu::evaluate(p, obs, one), e));
  chitieu::evaluate_options in_2026 = two;
  in_2026.year = 2026;
  BOOST_TEST(check(chitieu::evaluate(p, obs, in_2026), static_cast<std::size_t>(areas)) ==
             static_cast<std::size_t>(areas));
}

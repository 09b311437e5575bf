#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/evaluate.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

// The open_sdg and sdsn pace methods, every class and edge case.

using chitieu::direction;
using chitieu::pace;
using chitieu::pace_method;
using chitieu::target;
using chitieu::target_kind;
using chitieu::unit;

using namespace chitieu::test;

namespace {

target threshold(direction d, double x, bool inclusive = true) {
  target t;
  t.kind = target_kind::threshold;
  t.dir = d;
  if (d == direction::higher) {
    t.lower = x;
    t.lower_inclusive = inclusive;
  } else {
    t.upper = x;
    t.upper_inclusive = inclusive;
  }
  return t;
}

// Pace at the last year of a series (years given explicitly) under a method; plan 2020 → 2030.
pace pace_at_last(pace_method m, const target& t, const std::vector<int>& years,
                  const std::vector<double>& values) {
  const auto p = make_plan("x", unit::index, t);
  chitieu::panel obs;
  for (std::size_t k = 0; k < years.size(); ++k) obs.add("x", "a", years[k], values[k]);
  chitieu::evaluate_options opt;
  opt.method = m;
  const auto e = chitieu::evaluate(p, obs, opt);
  return e.pace[e.size() - 1];
}

pace open_sdg(const target& t, const std::vector<int>& years, const std::vector<double>& values) {
  return pace_at_last(pace_method::open_sdg, t, years, values);
}
pace sdsn(const target& t, const std::vector<int>& years, const std::vector<double>& values) {
  return pace_at_last(pace_method::sdsn, t, years, values);
}
}  // namespace

BOOST_AUTO_TEST_CASE(open_sdg_classes_higher) {
  // base 50 (2020), T = 80 by 2030: required CAGR = 1.6^(1/10) − 1 = 0.048122
  const target t = threshold(direction::higher, 80);
  // 2022 = 55: observed CAGR = 1.1^(1/2) − 1 = 0.048809 → ratio 1.0143 ≥ 0.95
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 55}) == pace::on_track));
  // 54.5: 1.09^0.5 − 1 = 0.044031 → ratio 0.9150 → acceleration needed
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 54.5}) == pace::progress_needs_acceleration));
  // 53: 1.06^0.5 − 1 = 0.029563 → 0.6143 (≥ 0.6)
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 53}) == pace::progress_needs_acceleration));
  // 52.5: 1.05^0.5 − 1 = 0.024695 → 0.5132 (< 0.6)
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 52.5}) == pace::limited_progress));
  // 51: 1.02^0.5 − 1 = 0.009950 → 0.2068
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 51}) == pace::limited_progress));
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 50}) == pace::limited_progress));  // ratio 0
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 49}) == pace::deterioration));
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, 80}) == pace::target_achieved));
  // base met, now below: observed CAGR (70/90)^0.5 − 1 = −0.1181, required (80/90)^0.1 − 1 = −0.01171
  // ratio = +1·+1·(−0.1181)/|−0.01171| = −10.08 → deterioration
  BOOST_TEST((open_sdg(t, {2020, 2022}, {90, 70}) == pace::deterioration));
}

BOOST_AUTO_TEST_CASE(open_sdg_reaching_the_target_counts_inclusively) {
  // "> 80" is not met by 80 in chitieu's status, but Open SDG's test is current ≥ T
  BOOST_TEST(
      (open_sdg(threshold(direction::higher, 80, false), {2020, 2022}, {50, 80}) == pace::target_achieved));
  // and it precedes the one-year rule, as in sdg-build
  // base = current: docs/evaluation.md "Method open_sdg" checks "fewer than one year apart" before
  // target_achieved
  BOOST_TEST((open_sdg(threshold(direction::higher, 80), {2020}, {85}) == pace::insufficient_data));
}

BOOST_AUTO_TEST_CASE(open_sdg_insufficient_data) {
  const target t = threshold(direction::higher, 80);
  BOOST_TEST((open_sdg(t, {2020}, {50}) == pace::insufficient_data));            // base = current
  BOOST_TEST((open_sdg(t, {2018, 2019}, {50, 60}) == pace::insufficient_data));  // nothing ≥ 2020
  // base 50 > 0, current −1 (index): signs differ → not computable
  BOOST_TEST((open_sdg(t, {2020, 2022}, {50, -1}) == pace::insufficient_data));
}

BOOST_AUTO_TEST_CASE(open_sdg_base_year_is_the_first_data_year_after_it) {
  // no 2020 value: base = 2021 (50); current 2023 = 55; required (80/50)^(1/9) − 1 = 0.053610
  // observed 1.1^0.5 − 1 = 0.048809 → ratio 0.9104 → acceleration needed (with 2020 as base it
  // would have been on track)
  BOOST_TEST((open_sdg(threshold(direction::higher, 80), {2019, 2021, 2023}, {10, 50, 55}) ==
              pace::progress_needs_acceleration));
}

BOOST_AUTO_TEST_CASE(open_sdg_lower_and_zero_target) {
  // lower, T = 0 → 0.001: base 10 (2020), current 5 (2022)
  // observed (0.5)^(1/2) − 1 = −0.292893; required (0.001/10)^(1/10) − 1 = 10^−0.4 − 1 = −0.601893
  // ratio = sign(+1)·d(−1)·(−0.292893)/0.601893 = 0.4866 → limited_progress
  const target zero = threshold(direction::lower, 0);
  BOOST_TEST((open_sdg(zero, {2020, 2022}, {10, 5}) == pace::limited_progress));
  BOOST_TEST((open_sdg(zero, {2020, 2022}, {10, 0}) == pace::target_achieved));  // 0 ≤ 0.001
  // lower, T = 2: base 4, current 3 (2022): observed 0.75^0.5 − 1 = −0.133975;
  // required 0.5^0.1 − 1 = −0.066967 → ratio = −1·(−0.133975)/0.066967 = 2.0006 → on_track
  BOOST_TEST((open_sdg(threshold(direction::lower, 2), {2020, 2022}, {4, 3}) == pace::on_track));
  BOOST_TEST((open_sdg(threshold(direction::lower, 2), {2020, 2022}, {4, 4.5}) == pace::deterioration));
}

BOOST_AUTO_TEST_CASE(open_sdg_zero_base_becomes_a_thousandth) {
  // base 0 → 0.001; current 1 (2022): observed (1000)^(1/2) − 1 = 30.62; required (80/0.001)^(0.1) − 1
  // = 80000^0.1 − 1 = 2.0929 → ratio 14.6 → on_track
  BOOST_TEST((open_sdg(threshold(direction::higher, 80), {2020, 2022}, {0, 1}) == pace::on_track));
}

BOOST_AUTO_TEST_CASE(sdsn_classes) {
  // v0 = 50 (2020), T = 80 by 2030: required rate 3 a year
  const target t = threshold(direction::higher, 80);
  BOOST_TEST((sdsn(t, {2020, 2022}, {50, 80}) == pace::on_track));              // met
  BOOST_TEST((sdsn(t, {2020, 2022}, {50, 56}) == pace::on_track));              // 3/3 = 1
  BOOST_TEST((sdsn(t, {2020, 2022}, {50, 55}) == pace::moderately_improving));  // 2.5/3 = 0.83
  BOOST_TEST((sdsn(t, {2020, 2022}, {50, 53}) == pace::moderately_improving));  // 1.5/3 = 0.5
  BOOST_TEST((sdsn(t, {2020, 2022}, {50, 52}) == pace::stagnating));            // 1/3
  BOOST_TEST((sdsn(t, {2020, 2022}, {50, 50}) == pace::stagnating));            // 0
  BOOST_TEST((sdsn(t, {2020, 2022}, {50, 49}) == pace::decreasing));            // −0.5/3
  BOOST_TEST((sdsn(t, {2020}, {50}) == pace::insufficient_data));               // t = t0
  BOOST_TEST((sdsn(t, {2020, 2022}, {85, 79}) == pace::decreasing));            // baseline met
  // lower, T = 2, v0 = 4: required −0.2 a year; 2022 = 3.5 → −0.25/−0.2 = 1.25 → on_track
  BOOST_TEST((sdsn(threshold(direction::lower, 2), {2020, 2022}, {4, 3.5}) == pace::on_track));
  BOOST_TEST((sdsn(threshold(direction::lower, 2), {2020, 2022}, {4, 3.9}) == pace::stagnating));  // 0.25
  BOOST_TEST((sdsn(threshold(direction::lower, 2), {2020, 2022}, {4, 4.2}) == pace::decreasing));
}

BOOST_AUTO_TEST_CASE(sdsn_when_target_equals_baseline) {
  // "> 80" with v0 = 80 (not met): required rate 0
  BOOST_TEST((sdsn(threshold(direction::higher, 80, false), {2020, 2022}, {80, 80}) == pace::stagnating));
  BOOST_TEST((sdsn(threshold(direction::higher, 80, false), {2020, 2022}, {80, 79}) == pace::decreasing));
}

BOOST_AUTO_TEST_CASE(both_methods_skip_boolean_kinds_and_bands) {
  target band;
  band.kind = target_kind::range;
  band.dir = direction::none;
  band.lower = 2.0;
  band.upper = 2.6;
  for (auto m : {pace_method::open_sdg, pace_method::sdsn}) {
    BOOST_TEST((pace_at_last(m, band, {2020, 2022}, {1.0, 1.5}) == pace::not_applicable));
    target ms;
    ms.kind = target_kind::milestone;
    ms.dir = direction::none;
    BOOST_TEST((pace_at_last(m, ms, {2020, 2022}, {0, 0}) == pace::not_applicable));
  }
}

#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/status.hpp>

#include <cmath>

using chitieu::direction;
using chitieu::status;
using chitieu::target;
using chitieu::target_kind;

using namespace chitieu::test;

namespace {
constexpr double eps = 1e-9;
}  // namespace

BOOST_AUTO_TEST_CASE(threshold_inclusive_floor) {  // "tối thiểu 95%": >= 95
  const target t = make_target(target_kind::threshold, direction::higher, 95.0, true, {}, true);
  BOOST_TEST((chitieu::judge(t, 95.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 95.0 + eps) == status::met));
  BOOST_TEST((chitieu::judge(t, 95.0 - eps) == status::not_met));
  BOOST_TEST(chitieu::margin(t, 95.0) == 0.0);
  BOOST_TEST(chitieu::margin(t, 97.5) == 2.5);
  BOOST_TEST(chitieu::margin(t, 90.0) == -5.0);
}

BOOST_AUTO_TEST_CASE(threshold_exclusive_floor) {  // "trên 80%": > 80
  const target t = make_target(target_kind::threshold, direction::higher, 80.0, false, {}, true);
  BOOST_TEST((chitieu::judge(t, 80.0) == status::not_met));
  BOOST_TEST((chitieu::judge(t, 80.0 + eps) == status::met));
  BOOST_TEST((chitieu::judge(t, 80.0 - eps) == status::not_met));
  BOOST_TEST(chitieu::margin(t, 80.0) == 0.0);
  BOOST_TEST(chitieu::margin(t, 83.0) == 3.0);
}

BOOST_AUTO_TEST_CASE(threshold_inclusive_ceiling) {  // "2%" with lower: <= 2
  const target t = make_target(target_kind::threshold, direction::lower, {}, true, 2.0, true);
  BOOST_TEST((chitieu::judge(t, 2.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 2.0 - eps) == status::met));
  BOOST_TEST((chitieu::judge(t, 2.0 + eps) == status::not_met));
  BOOST_TEST(chitieu::margin(t, 1.5) == 0.5);
  BOOST_TEST(chitieu::margin(t, 3.0) == -1.0);
}

BOOST_AUTO_TEST_CASE(threshold_exclusive_ceiling) {  // "dưới 15%": < 15
  const target t = make_target(target_kind::threshold, direction::lower, {}, true, 15.0, false);
  BOOST_TEST((chitieu::judge(t, 15.0) == status::not_met));
  BOOST_TEST((chitieu::judge(t, 15.0 - eps) == status::met));
  BOOST_TEST((chitieu::judge(t, 15.0 + eps) == status::not_met));
  BOOST_TEST(chitieu::margin(t, 12.0) == 3.0);
}

BOOST_AUTO_TEST_CASE(range_higher_is_exceeded_past_far_edge) {  // "12-15 bác sĩ/10.000 dân"
  const target t = make_target(target_kind::range, direction::higher, 12.0, true, 15.0, true);
  BOOST_TEST((chitieu::judge(t, 12.0 - eps) == status::not_met));
  BOOST_TEST((chitieu::judge(t, 12.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 15.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 15.0 + eps) == status::exceeded));
  BOOST_TEST(chitieu::margin(t, 15.5) == 3.5);  // distance to the met boundary 12
}

BOOST_AUTO_TEST_CASE(range_exclusive_far_edge) {  // [12, 15): 15 itself is past the edge
  const target t = make_target(target_kind::range, direction::higher, 12.0, true, 15.0, false);
  BOOST_TEST((chitieu::judge(t, 15.0 - eps) == status::met));
  BOOST_TEST((chitieu::judge(t, 15.0) == status::exceeded));
}

BOOST_AUTO_TEST_CASE(range_lower_mirrors) {  // lower is better, band [1, 2]
  const target t = make_target(target_kind::range, direction::lower, 1.0, true, 2.0, true);
  BOOST_TEST((chitieu::judge(t, 2.0 + eps) == status::not_met));
  BOOST_TEST((chitieu::judge(t, 2.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 1.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 1.0 - eps) == status::exceeded));
  BOOST_TEST(chitieu::margin(t, 0.5) == 1.5);
}

BOOST_AUTO_TEST_CASE(two_sided_band_with_no_direction) {  // none: met inside, margin to nearer edge
  const target t = make_target(target_kind::range, direction::none, 30.0, true, 32.0, true);
  BOOST_TEST((chitieu::judge(t, 30.0 - eps) == status::not_met));
  BOOST_TEST((chitieu::judge(t, 30.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 32.0) == status::met));
  BOOST_TEST((chitieu::judge(t, 32.0 + eps) == status::not_met));
  BOOST_TEST(chitieu::margin(t, 31.5) == 0.5);
  BOOST_TEST(chitieu::margin(t, 33.0) == -1.0);
  BOOST_TEST(t.is_two_sided_band());
}

BOOST_AUTO_TEST_CASE(approx_band) {  // "khoảng 76,5 tuổi": [75.735, 77.265] with tol 1 %
  const target t = make_target(target_kind::approx, direction::higher, 75.735, true, 77.265, true);
  BOOST_TEST((chitieu::judge(t, 75.735) == status::met));
  BOOST_TEST((chitieu::judge(t, 75.7) == status::not_met));
  BOOST_TEST((chitieu::judge(t, 77.3) == status::exceeded));
  BOOST_TEST(chitieu::margin(t, 76.5) == 76.5 - 75.735, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(relative_and_cumulative_use_the_same_interval) {
  const target rel = make_target(target_kind::relative, direction::higher, 2.0, true, 2.6, true);
  BOOST_TEST((chitieu::judge(rel, 1.99) == status::not_met));
  BOOST_TEST((chitieu::judge(rel, 2.0) == status::met));
  BOOST_TEST((chitieu::judge(rel, 2.61) == status::exceeded));
  const target cum = make_target(target_kind::cumulative, direction::higher, 13500.0, true, {}, true);
  BOOST_TEST((chitieu::judge(cum, 13499.0) == status::not_met));
  BOOST_TEST((chitieu::judge(cum, 13500.0) == status::met));
  BOOST_TEST(chitieu::margin(cum, 14000.0) == 500.0);
}

BOOST_AUTO_TEST_CASE(boolean_kinds) {
  for (auto k : {target_kind::milestone, target_kind::sustained, target_kind::qualitative}) {
    const target t = make_target(k, direction::none, {}, true, {}, true);
    BOOST_TEST((chitieu::judge(t, 1.0) == status::met));
    BOOST_TEST((chitieu::judge(t, 0.0) == status::not_met));
    BOOST_TEST(std::isnan(chitieu::margin(t, 1.0)));
  }
}

BOOST_AUTO_TEST_CASE(missing_values) {
  const target q = make_target(target_kind::qualitative, direction::none, {}, true, {}, true);
  BOOST_TEST((chitieu::judge(q, missing) == status::not_assessed));
  const target t = make_target(target_kind::threshold, direction::higher, 95.0, false, {}, true);
  BOOST_TEST((chitieu::judge(t, missing) == status::no_data));
  BOOST_TEST(std::isnan(chitieu::margin(t, missing)));
}

BOOST_AUTO_TEST_CASE(labels) {
  BOOST_TEST(chitieu::label_vi(status::met) == "Đạt");
  BOOST_TEST(chitieu::label_vi(status::not_met) == "Không đạt");
  BOOST_TEST(chitieu::to_string(status::no_data) == "no_data");
  BOOST_TEST(chitieu::is_met(status::exceeded));
  BOOST_TEST(!chitieu::is_met(status::not_met));
}

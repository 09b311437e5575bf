#include <boost/test/unit_test.hpp>

#include <chitieu/projection.hpp>
#include "detail/running_fit.hpp"

#include <cmath>
#include <vector>

using chitieu::direction;

namespace {
constexpr double tol = 1e-9;
}

BOOST_AUTO_TEST_CASE(fit_of_the_la_gi_labour_series) {
  // x = 0..4 (2020..2024), y = 70, 71, 72.5, 73, 74
  // x̄ = 2, ȳ = 72.1, Sxx = 10, Sxy = 4.2 + 1.1 + 0 + 0.9 + 3.8 = 10 → slope 1
  // residuals −0.1, −0.1, 0.4, −0.1, −0.1 → RSS = 4·0.01 + 0.16 = 0.2
  const std::vector<double> x{0, 1, 2, 3, 4}, y{70, 71, 72.5, 73, 74};
  const auto f = chitieu::fit_line(x.data(), y.data(), 5);
  BOOST_TEST(f.n == 5u);
  BOOST_TEST(f.xbar == 2.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(f.ybar == 72.1, boost::test_tools::tolerance(tol));
  BOOST_TEST(f.sxx == 10.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(f.slope == 1.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(f.rss == 0.2, boost::test_tools::tolerance(tol));
  BOOST_TEST(f.predict(10) == 80.1, boost::test_tools::tolerance(tol));  // 72.1 + 8
  // se(10) = √(0.2/3 · (1 + 1/5 + 64/10)) = √(0.0666… · 7.6) = √0.50666… = 0.711805
  BOOST_TEST(f.prediction_se(10) == std::sqrt(0.2 / 3 * 7.6), boost::test_tools::tolerance(tol));
}

BOOST_AUTO_TEST_CASE(p_meet_at_the_95_percent_quantile_of_t3) {
  // Same fit: ŷ(10) = 80.1, se = 0.711805, n − 2 = 3; t_{0.95,3} = 2.353 (published table).
  // T = ŷ − 2.353·se = 80.1 − 1.674877 = 78.425123 → P(Y ≥ T) = P(t3 ≥ −2.353) = 0.95.
  const std::vector<double> x{0, 1, 2, 3, 4}, y{70, 71, 72.5, 73, 74};
  const auto f = chitieu::fit_line(x.data(), y.data(), 5);
  const double se = std::sqrt(0.2 / 3 * 7.6);
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 80.1 - 2.353 * se, direction::higher, true) == 0.95,
             boost::test_tools::tolerance(1e-3));
  // lower: T = ŷ − 2.353·se → P(Y ≤ T) = 0.05
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 80.1 - 2.353 * se, direction::lower, true) == 0.05,
             boost::test_tools::tolerance(1e-3));
  // T = ŷ → exactly one half either way
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 80.1, direction::higher, true) == 0.5,
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(p_meet_at_the_975_percent_quantile_of_t1) {
  // x = 0, 1, 2; y = 1, 3, 2: x̄ = 1, ȳ = 2, Sxy = 1, Sxx = 2 → slope 0.5
  // residuals −0.5, 1, −0.5 → RSS = 1.5, s² = 1.5/1
  // at x = 4: ŷ = 2 + 0.5·3 = 3.5, se = √(1.5·(1 + 1/3 + 9/2)) = √8.75 = 2.958040
  // t_{0.975,1} = 12.706 → T = 3.5 + 12.706·2.958040 = 41.08485: P(Y ≤ T) = 0.975 (lower)
  const std::vector<double> x{0, 1, 2}, y{1, 3, 2};
  const auto f = chitieu::fit_line(x.data(), y.data(), 3);
  BOOST_TEST(f.slope == 0.5, boost::test_tools::tolerance(tol));
  BOOST_TEST(f.prediction_se(4) == std::sqrt(8.75), boost::test_tools::tolerance(tol));
  const double T = 3.5 + 12.706 * std::sqrt(8.75);
  BOOST_TEST(chitieu::probability_to_meet(f, 4, T, direction::lower, true) == 0.975,
             boost::test_tools::tolerance(1e-3));
  BOOST_TEST(chitieu::probability_to_meet(f, 4, T, direction::higher, true) == 0.025,
             boost::test_tools::tolerance(1e-3));
}

BOOST_AUTO_TEST_CASE(exact_line_gives_certainty) {
  // y = 10 + 2x exactly: RSS = 0 → se = 0; ŷ(10) = 30.
  const std::vector<double> x{0, 1, 2, 3}, y{10, 12, 14, 16};
  const auto f = chitieu::fit_line(x.data(), y.data(), 4);
  BOOST_TEST(f.rss == 0.0);
  BOOST_TEST(f.prediction_se(10) == 0.0);
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 30, direction::higher, true) == 1.0);
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 30, direction::higher, false) == 0.0);  // needs > 30
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 29.9, direction::higher, false) == 1.0);
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 30.1, direction::higher, true) == 0.0);
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 30.1, direction::lower, true) == 1.0);
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 29.9, direction::lower, true) == 0.0);
}

BOOST_AUTO_TEST_CASE(small_residuals_of_a_steep_line_are_kept) {
  // y = 1e9 + 1e8·x + (50, −100, 50): the residual pattern (1, −2, 1) is orthogonal to 1 and x,
  // so the line is exactly 1e9 + 1e8·x and RSS = 50² + 100² + 50² = 15 000. Its root mean square
  // 70.7 is 5.9e-8 of the largest |y| (1.2e9): real residuals, not rounding noise (1e-12).
  const std::vector<double> x{0, 1, 2}, y{1e9 + 50, 1.1e9 - 100, 1.2e9 + 50};
  const auto f = chitieu::fit_line(x.data(), y.data(), 3);
  BOOST_TEST(f.rss == 15000.0, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(chitieu::residual_sum_of_squares(f, x.data(), y.data(), 3) == 15000.0,
             boost::test_tools::tolerance(1e-6));
  // ŷ(10) = 2e9 = T → P(Y ≥ T) = 1/2, not the certainty of an exact line
  BOOST_TEST(chitieu::probability_to_meet(f, 10, 2e9, direction::higher, true) == 0.5,
             boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(too_few_points_or_no_direction_give_nan) {
  const std::vector<double> x{0, 1, 2}, y{1, 3, 2};
  const auto two = chitieu::fit_line(x.data(), y.data(), 2);  // a line through 2 points: no se
  BOOST_TEST(two.slope == 2.0, boost::test_tools::tolerance(tol));
  BOOST_TEST(std::isnan(two.prediction_se(4)));
  BOOST_TEST(std::isnan(chitieu::probability_to_meet(two, 4, 5, direction::higher, true)));
  const auto three = chitieu::fit_line(x.data(), y.data(), 3);
  BOOST_TEST(std::isnan(chitieu::probability_to_meet(three, 4, 5, direction::none, true)));
  const std::vector<double> same{3, 3, 3};
  const auto flat_x = chitieu::fit_line(same.data(), y.data(), 3);  // all x equal: no slope
  BOOST_TEST(std::isnan(flat_x.slope));
  BOOST_TEST(std::isnan(flat_x.predict(4)));
  const auto one = chitieu::fit_line(x.data(), y.data(), 1);
  BOOST_TEST(std::isnan(one.predict(4)));
}

BOOST_AUTO_TEST_CASE(log_scale_boundary_at_minus_infinity) {
  // On the log scale a target of 0 is ln 0 = −∞: always met for higher, never for lower.
  const std::vector<double> x{0, 1, 2}, y{1, 3, 2};
  const auto f = chitieu::fit_line(x.data(), y.data(), 3);
  const double minus_inf = -std::numeric_limits<double>::infinity();
  BOOST_TEST(chitieu::probability_to_meet(f, 4, minus_inf, direction::higher, true) == 1.0);
  BOOST_TEST(chitieu::probability_to_meet(f, 4, minus_inf, direction::lower, true) == 0.0);
}

BOOST_AUTO_TEST_CASE(running_sums_agree_with_the_eigen_fit) {
  // The evaluator fits every prefix of a series from running sums (detail::running_fit); it must
  // give the same line as the two-pass fit on centred Eigen arrays, for every prefix length.
  std::vector<double> x, y;
  unsigned state = 12345u;
  for (int i = 0; i < 11; ++i) {
    state = state * 1103515245u + 12345u;  // a fixed pseudo-random walk
    x.push_back(2020.0 + i);
    y.push_back(50.0 + 1.5 * i + static_cast<double>(state % 1000u) / 250.0);
  }
  chitieu::detail::running_fit running;
  running.clear();
  for (std::size_t k = 1; k <= x.size(); ++k) {
    running.add(x[k - 1], y[k - 1]);
    const auto a = running.fit(k);
    const auto b = chitieu::fit_line(x.data(), y.data(), k);
    BOOST_TEST(a.xbar == b.xbar, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(a.ybar == b.ybar, boost::test_tools::tolerance(1e-12));
    if (k >= 2) {
      BOOST_TEST(a.slope == b.slope, boost::test_tools::tolerance(1e-9));
      BOOST_TEST(a.predict(2030.0) == b.predict(2030.0), boost::test_tools::tolerance(1e-9));
    }
  }
}

BOOST_AUTO_TEST_CASE(quantile_to_meet_gives_the_t_quantile_or_the_decided_probability) {
  // The La Gi fit: ŷ(10) = 80.1, se = 0.711805, n − 2 = 3. T = ŷ − 2.353·se → q = 2.353 for higher,
  // −2.353 for lower, and probability_to_meet is student_t_cdf(q, 3).
  const std::vector<double> x{0, 1, 2, 3, 4}, y{70, 71, 72.5, 73, 74};
  const auto f = chitieu::fit_line(x.data(), y.data(), 5);
  const double T = 80.1 - 2.353 * std::sqrt(0.2 / 3 * 7.6);
  const auto higher = chitieu::quantile_to_meet(f, 10, T, direction::higher, true);
  BOOST_TEST(higher.df == 3.0);
  BOOST_TEST(higher.needs_t());
  BOOST_TEST(higher.q == 2.353, boost::test_tools::tolerance(tol));
  BOOST_TEST(std::isnan(higher.decided));
  BOOST_TEST(chitieu::probability_to_meet(f, 10, T, direction::higher, true) ==
             chitieu::student_t_cdf(higher.q, 3.0));
  const auto lower = chitieu::quantile_to_meet(f, 10, T, direction::lower, true);
  BOOST_TEST(lower.df == 3.0);
  BOOST_TEST(lower.q == -2.353, boost::test_tools::tolerance(tol));
  // Decided without the t: an exact line (se = 0), too few points, no direction.
  const std::vector<double> ex{0, 1, 2, 3}, ey{10, 12, 14, 16};
  const auto exact = chitieu::fit_line(ex.data(), ey.data(), 4);
  const auto certain = chitieu::quantile_to_meet(exact, 10, 30, direction::higher, true);
  BOOST_TEST(certain.df == 0.0);
  BOOST_TEST(!certain.needs_t());
  BOOST_TEST(certain.decided == 1.0);
  BOOST_TEST(chitieu::quantile_to_meet(exact, 10, 30, direction::higher, false).decided == 0.0);
  const auto two = chitieu::fit_line(x.data(), y.data(), 2);
  BOOST_TEST(chitieu::quantile_to_meet(two, 10, T, direction::higher, true).df == 0.0);
  BOOST_TEST(std::isnan(chitieu::quantile_to_meet(two, 10, T, direction::higher, true).decided));
  BOOST_TEST(std::isnan(chitieu::quantile_to_meet(f, 10, T, direction::none, true).decided));
}

/// @file projection.hpp
/// @brief Least-squares projection to the target year and the probability of meeting the target
/// (docs/evaluation.md "Projection and p_meet").
#pragma once

#include <chitieu/direction.hpp>
#include <chitieu/student_t.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace chitieu {

/// An ordinary least-squares line y = ȳ + slope·(x − x̄) with what its prediction interval needs.
struct linear_fit {
  std::size_t n = 0;                                       ///< number of points
  double xbar = std::numeric_limits<double>::quiet_NaN();  ///< mean of x
  double ybar = std::numeric_limits<double>::quiet_NaN();  ///< mean of y
  double sxx = std::numeric_limits<double>::quiet_NaN();   ///< Σ(x − x̄)²
  double slope = std::numeric_limits<double>::quiet_NaN();  ///< least-squares slope (NaN when Σ(x − x̄)² = 0)
  double rss =
      std::numeric_limits<double>::quiet_NaN();  ///< residual sum of squares (0 below rounding noise)

  /// The fitted value at x (NaN without a slope).
  double predict(double x) const noexcept { return ybar + slope * (x - xbar); }

  /// Standard error of a new observation at x: s·√(1 + 1/n + (x − x̄)²/Σ(t − t̄)²) with
  /// s² = RSS/(n − 2); NaN with fewer than 3 points.
  double prediction_se(double x) const noexcept {
    if (n < 3 || !(sxx > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    const double nn = static_cast<double>(n);
    const double s2 = rss / (nn - 2.0);
    return std::sqrt(s2 * (1.0 + 1.0 / nn + (x - xbar) * (x - xbar) / sxx));
  }
};

/// The residual sum of squares of the line f over the n points (x, y), summed from the residuals
/// themselves (not from a difference of sums, which loses the small residuals of a steep line).
/// A root mean square below 1e-12 of the largest |y| is rounding noise of an exact line: 0.
inline double residual_sum_of_squares(const linear_fit& f, const double* x, const double* y,
                                      std::size_t n) noexcept {
  if (n == 0) return 0.0;
  const Eigen::Map<const Eigen::ArrayXd> xs(x, static_cast<Eigen::Index>(n));
  const Eigen::Map<const Eigen::ArrayXd> ys(y, static_cast<Eigen::Index>(n));
  const double rss = (ys - (f.ybar + f.slope * (xs - f.xbar))).square().sum();
  const double noise = 1e-12 * ys.abs().maxCoeff();
  return rss <= static_cast<double>(n) * noise * noise ? 0.0 : rss;
}

/// Fits y on x by ordinary least squares on centred columns (Eigen arrays): x̄, ȳ,
/// Σ(x − x̄)², slope = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)². With fewer than 2 points or all x equal the
/// slope is NaN. The RSS is residual_sum_of_squares (rounding noise set to 0). The evaluator's
/// running sums (detail::running_fit) are checked against this fit in tests/cpp/test_projection.cpp.
inline linear_fit fit_line(const double* x, const double* y, std::size_t n) noexcept {
  linear_fit f;
  f.n = n;
  if (n == 0) return f;
  const Eigen::Map<const Eigen::ArrayXd> xs(x, static_cast<Eigen::Index>(n));
  const Eigen::Map<const Eigen::ArrayXd> ys(y, static_cast<Eigen::Index>(n));
  f.xbar = xs.mean();
  f.ybar = ys.mean();
  const Eigen::ArrayXd dx = xs - f.xbar;
  f.sxx = dx.square().sum();
  if (!(f.sxx > 0.0)) return f;
  f.slope = (dx * (ys - f.ybar)).sum() / f.sxx;
  f.rss = residual_sum_of_squares(f, x, y, n);
  return f;
}

/// What the probability of meeting a boundary needs once the line is fitted: either the
/// probability itself, decided without the t distribution, or the Student t quantile and degrees
/// of freedom whose distribution function it is (quantile_to_meet()).
struct meet_quantile {
  double decided = std::numeric_limits<double>::quiet_NaN();  ///< the probability when df is 0: NaN, 0 or 1
  double q =
      std::numeric_limits<double>::quiet_NaN();  ///< the t quantile when df > 0: P = student_t_cdf(q, df)
  double df = 0.0;                               ///< n − 2 degrees of freedom; 0 when `decided` holds

  /// True when the probability is student_t_cdf(q, df), false when it is `decided`.
  bool needs_t() const noexcept { return df > 0.0; }
};

/// The quantile of probability_to_meet(): P(Y ≥ boundary) for higher, P(Y ≤ boundary) for lower,
/// where (Y − ŷ(x))/se ~ Student-t with n − 2 degrees of freedom; q = (ŷ − T)/se for higher,
/// (T − ŷ)/se for lower. Decided without the t: NaN with fewer than 3 points, no slope, direction
/// none or a NaN boundary; when se = 0 the prediction is certain: 1 if ŷ meets the boundary (strictly
/// when not inclusive), else 0; an infinite boundary (ln 0 on the log scale) is met or not outright.
inline meet_quantile quantile_to_meet(const linear_fit& f, double x, double boundary, direction d,
                                      bool inclusive) noexcept {
  meet_quantile m;
  if (d == direction::none || f.n < 3 || std::isnan(f.slope) || std::isnan(boundary)) return m;
  const double yhat = f.predict(x);
  const double se = f.prediction_se(x);
  if (!std::isfinite(yhat) || std::isnan(se)) return m;
  if (se == 0.0) {
    const bool ok = d == direction::higher ? (inclusive ? yhat >= boundary : yhat > boundary)
                                           : (inclusive ? yhat <= boundary : yhat < boundary);
    m.decided = ok ? 1.0 : 0.0;
    return m;
  }
  if (std::isinf(boundary)) {  // ln 0 = −∞ on the log scale
    m.decided = (d == direction::higher) == (boundary < 0.0) ? 1.0 : 0.0;
    return m;
  }
  // higher: P(Y ≥ T) = P(t ≤ (ŷ − T)/se); lower: P(Y ≤ T) = P(t ≤ (T − ŷ)/se).
  m.q = d == direction::higher ? (yhat - boundary) / se : (boundary - yhat) / se;
  m.df = static_cast<double>(f.n - 2);
  return m;
}

/// Probability that a new observation at x meets a one-sided boundary (quantile_to_meet(), then
/// student_t_cdf() of its quantile): in [0, 1], or NaN where the fit cannot say.
inline double probability_to_meet(const linear_fit& f, double x, double boundary, direction d,
                                  bool inclusive) {
  const meet_quantile m = quantile_to_meet(f, x, boundary, d, inclusive);
  return m.needs_t() ? student_t_cdf(m.q, m.df) : m.decided;
}

}  // namespace chitieu

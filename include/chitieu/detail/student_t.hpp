/// @file student_t.hpp
/// @brief The Student t distribution function for integer degrees of freedom, in closed form.
#pragma once

#include <cmath>
#include <limits>

namespace chitieu::detail {

/// P(T ≤ q) for Student's t with nu ≥ 1 integer degrees of freedom (Abramowitz & Stegun
/// 26.7.3–26.7.4): with θ = atan(q/√nu), A = (2/π)(θ + sin θ cos θ Σ) for odd nu and
/// A = sin θ Σ for even nu, where Σ is a finite series in cos²θ of (nu − 1)/2 or nu/2 terms;
/// P = (1 + A)/2. Exact up to rounding (absolute error about 1e-16); NaN for nu < 1 or NaN q.
inline double student_t_cdf(double q, long nu) noexcept {
  if (nu < 1 || std::isnan(q)) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(q)) return q > 0 ? 1.0 : 0.0;
  constexpr double pi = 3.141592653589793238462643383279502884;
  const double theta = std::atan(q / std::sqrt(static_cast<double>(nu)));
  const double s = std::sin(theta), c = std::cos(theta), c2 = c * c;
  double term = 1.0, sum = 1.0, a = 0.0;
  if (nu % 2 == 1) {
    for (long j = 1; j < (nu - 1) / 2; ++j) {
      term *= c2 * static_cast<double>(2 * j) / static_cast<double>(2 * j + 1);
      sum += term;
    }
    a = 2.0 / pi * (theta + (nu > 1 ? s * c * sum : 0.0));
  } else {
    for (long j = 1; j < nu / 2; ++j) {
      term *= c2 * static_cast<double>(2 * j - 1) / static_cast<double>(2 * j);
      sum += term;
    }
    a = s * sum;
  }
  return 0.5 + 0.5 * a;
}

}  // namespace chitieu::detail

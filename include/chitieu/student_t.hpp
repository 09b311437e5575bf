/// @file student_t.hpp
/// @brief The Student t distribution function used by p_meet: a closed form for whole degrees of
/// freedom (Abramowitz & Stegun 26.7.3 and 26.7.4), Boost.Math otherwise (docs/evaluation.md).
#pragma once

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace chitieu {

/// The largest whole number of degrees of freedom evaluated in closed form (the range its test
/// compares with Boost.Math); above it, and for any fractional df, Boost.Math is used.
inline constexpr double student_t_closed_form_max_df = 200.0;

namespace detail {

/// True when df is a whole number in [1, student_t_closed_form_max_df] (the closed form applies).
inline bool student_t_closed_form(double df) noexcept {
  return df >= 1.0 && df <= student_t_closed_form_max_df && df == std::floor(df);
}

/// Boost.Math's Student t with df degrees of freedom, in double precision throughout (Boost would
/// otherwise promote to long double, several times slower for no visible gain).
inline auto boost_student_t(double df) {
  using no_promotion = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  return boost::math::students_t_distribution<double, no_promotion>(df);
}

/// The ratio of successive coefficients of the series of student_t_upper_tail:
/// a_{j+1}/a_j = (2j+1)/(2j+2) for even df, b_{j+1}/b_j = (2j+2)/(2j+3) for odd df.
constexpr double student_t_factor(bool odd, int j) noexcept {
  return odd ? (2.0 * j + 2.0) / (2.0 * j + 3.0) : (2.0 * j + 1.0) / (2.0 * j + 2.0);
}

/// How many of those factors student_t_upper_tail takes from a table (j below it).
inline constexpr int student_t_factor_count = 256;

/// student_t_factor() for j below student_t_factor_count, computed at compile time: the same
/// correctly rounded quotients, without a division in the loops of student_t_upper_tail.
struct student_t_factor_table {
  double even[student_t_factor_count];  ///< student_t_factor(false, j)
  double odd[student_t_factor_count];   ///< student_t_factor(true, j)
  /// Fills both rows.
  constexpr student_t_factor_table() : even(), odd() {
    for (int j = 0; j < student_t_factor_count; ++j) {
      even[j] = student_t_factor(false, j);
      odd[j] = student_t_factor(true, j);
    }
  }
};

/// The table of factors.
inline constexpr student_t_factor_table student_t_factors{};

/// P(T > t), t ≥ 0, for df = 2: ½(1 − t/r) with r = √(2 + t²), written 1/(r(r + t)) (no
/// cancellation in the tail); ½/t² where t² would overflow.
inline double student_t2_upper_tail(double t) noexcept {
  if (t > 1e150) return 0.5 / t / t;
  const double r = std::sqrt(2.0 + t * t);
  return 1.0 / (r * (r + t));
}

/// P(T > t), t ≥ 0, for df = 4: ½(1 − s(1 + c²/2)) with c² = 4/(4 + t²), s = t/√(4 + t²), written
/// c⁴(2 + s)/(4(1 + s)²) (1 − s = c²/(1 + s): no cancellation in the tail); 0 beyond t = 1e100,
/// where the tail (about 6/t⁴) is below the smallest double.
inline double student_t4_upper_tail(double t) noexcept {
  if (t > 1e100) return 0.0;
  const double d = 4.0 + t * t;
  const double c2 = 4.0 / d, s = t / std::sqrt(d), one_s = 1.0 + s;
  return c2 * c2 * (2.0 + s) / (4.0 * one_s * one_s);
}

/// P(T > t) for t ≥ 0 and whole df in [1, student_t_closed_form_max_df], without cancellation.
/// df = 1 is atan2(1, t)/π; df = 2 and 4 have the loop-free forms above (the short series of
/// annual data: 3 to 6 points give df 1 to 4). Otherwise:
/// With c² = df/(df + t²) and s = t/√(df + t²) (s = sin θ, c = cos θ of A&S 26.7.3–4):
///   even df = 2m: P(T ≤ t) − P(T ≤ −t) = s·Σ_{j<m} a_j c^{2j}, a_0 = 1, a_{j+1} = a_j(2j+1)/(2j+2);
///   odd df = 2m+1: that is (2/π)(θ + s·c·Σ_{j<m} b_j c^{2j}), b_0 = 1, b_{j+1} = b_j(2j+2)/(2j+3).
/// Both sums are the first m terms of a series whose whole sum makes the difference 1
/// (Σ a_j c^{2j} = 1/s; s·c·Σ b_j c^{2j} = π/2 − θ), so the upper tail is the rest of the
/// series: P(T > t) = ½·s·Σ_{j≥m} a_j c^{2j} (even) or (1/π)·s·c·Σ_{j≥m} b_j c^{2j} (odd). The
/// finite form (1 − difference)/2 is used while it is at least 1e-3 (rounding error there is a
/// few 1e-16 absolute); below, the rest of the series (positive terms falling at least as c²)
/// keeps the relative error near the rounding error of c^df.
inline double student_t_upper_tail(double t, int df) noexcept {
  constexpr double pi = 3.141592653589793238462643383279502884;
  if (std::isinf(t)) return 0.0;
  if (df == 1) return std::atan2(1.0, t) / pi;
  if (df == 2) return student_t2_upper_tail(t);
  if (df == 4) return student_t4_upper_tail(t);
  const double nu = static_cast<double>(df);
  double c2, s;
  if (t <= 1.0) {
    const double d = nu + t * t;
    c2 = nu / d;
    s = t / std::sqrt(d);
  } else {  // no overflow of t² for huge t
    const double w = nu / t / t;
    c2 = w / (1.0 + w);
    s = 1.0 / std::sqrt(1.0 + w);
  }
  const bool odd = df % 2 == 1;
  const int m = df / 2;
  // term_j = a_j c^{2j} (even) or b_j c^{2j} (odd); sum of j < m.
  const double* factor = odd ? student_t_factors.odd : student_t_factors.even;
  // term · (c² · factor): one multiplication on the chain of terms (the product of c² and the
  // factor does not wait for the previous term), half the latency of (term · c²) · factor.
  const auto next = [c2, odd, factor](double term, int j) {
    return term * (c2 * (j < student_t_factor_count ? factor[j] : student_t_factor(odd, j)));
  };
  double term = 1.0, head = 0.0;
  int j = 0;
  for (; j < m; ++j) {
    head += term;
    term = next(term, j);
  }
  const double c = odd ? std::sqrt(c2) : 0.0;
  const double weight = odd ? s * c / pi : 0.5 * s;  // P(T > t) = weight · Σ_{j≥m}
  const double finite = odd ? (std::atan2(std::sqrt(nu), t) - s * c * head) / pi : 0.5 * (1.0 - s * head);
  if (finite >= 1e-3) return finite;
  // The rest after term_j is below term_j·c²/(1 − c²): stop when that is under 1/8 ulp of the sum.
  const double stop = std::numeric_limits<double>::epsilon() * 0.125 * (1.0 - c2);
  double tail = 0.0;
  for (; term > stop * tail; ++j) {
    tail += term;
    term = next(term, j);
    if (term == 0.0) break;
  }
  return weight * tail;
}

}  // namespace detail

/// P(T ≤ x) for Student's t with df degrees of freedom (df > 0). Whole df up to
/// student_t_closed_form_max_df: the closed form of A&S 26.7.3–4 (detail::student_t_upper_tail;
/// absolute error ≤ 1e-14, relative ≤ 1e-12 below 1e-3 against Boost.Math, tested for every df
/// 1–200); otherwise Boost.Math's students_t cdf. NaN for a NaN x.
inline double student_t_cdf(double x, double df) {
  if (std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (!detail::student_t_closed_form(df)) return boost::math::cdf(detail::boost_student_t(df), x);
  const int k = static_cast<int>(df);
  return x < 0.0 ? detail::student_t_upper_tail(-x, k) : 1.0 - detail::student_t_upper_tail(x, k);
}

/// P(T > x), the complement of student_t_cdf, computed without cancellation in the upper tail.
inline double student_t_upper(double x, double df) {
  if (std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (!detail::student_t_closed_form(df))
    return boost::math::cdf(boost::math::complement(detail::boost_student_t(df), x));
  const int k = static_cast<int>(df);
  return x < 0.0 ? 1.0 - detail::student_t_upper_tail(-x, k) : detail::student_t_upper_tail(x, k);
}

}  // namespace chitieu

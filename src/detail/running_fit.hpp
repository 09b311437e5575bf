/// @file running_fit.hpp
/// @brief Least-squares lines through the first k points of a series for every k, from running
/// sums: one pass over the series, then O(1) per evaluated year.
#pragma once

#include <chitieu/projection.hpp>

#include <cstddef>
#include <vector>

namespace chitieu::detail {

/// Prefix sums of x, y − y0, x² and x·(y − y0) over the points added so far, where y0
/// is the first point's y (centring on it keeps the sums small and the closed form accurate).
/// The buffers are kept between series: no allocation per point once they have grown.
class running_fit {
 public:
  /// Forgets every point (the buffers keep their size).
  void clear() noexcept {
    n_ = 0;
    y0_ = 0.0;
  }

  /// Adds the next point.
  void add(double x, double y) {
    if (n_ + 1 >= sx_.size()) {  // room for the sums after this point: grow every buffer
      const std::size_t size = 2 * (n_ + 1);
      sx_.resize(size);
      sy_.resize(size);
      sxx_.resize(size);
      sxy_.resize(size);
    }
    if (n_ == 0) y0_ = y;
    const double d = y - y0_;
    sx_[n_ + 1] = sx_[n_] + x;
    sy_[n_ + 1] = sy_[n_] + d;
    sxx_[n_ + 1] = sxx_[n_] + x * x;
    sxy_[n_ + 1] = sxy_[n_] + x * d;
    ++n_;
  }

  /// The ordinary least-squares line through the first k points (k ≥ 1 points added), in closed
  /// form: x̄ = Σx/k, Sxx = Σx² − k·x̄², Sxy = Σx(y − y0) − k·x̄·(ȳ − y0), slope = Sxy/Sxx (NaN when
  /// Sxx ≤ 0). The RSS is left NaN: Syy − Sxy·slope would lose residuals below 1e-6 of the
  /// line's rise, so a caller that needs it sums the residuals (residual_sum_of_squares).
  linear_fit fit(std::size_t k) const noexcept {
    linear_fit f;
    f.n = k;
    if (k == 0) return f;
    const double n = static_cast<double>(k);
    const double xbar = sx_[k] / n;
    const double dbar = sy_[k] / n;
    const double sxx = sxx_[k] - n * xbar * xbar;
    const double sxy = sxy_[k] - n * xbar * dbar;
    f.xbar = xbar;
    f.ybar = y0_ + dbar;
    f.sxx = sxx;
    if (!(sxx > 0.0)) return f;
    f.slope = sxy / sxx;
    return f;
  }

 private:
  std::vector<double> sx_{0.0}, sy_{0.0}, sxx_{0.0}, sxy_{0.0};  // entry 0 stays 0: the empty sums
  std::size_t n_ = 0;                                            // points added
  double y0_ = 0.0;
};

}  // namespace chitieu::detail

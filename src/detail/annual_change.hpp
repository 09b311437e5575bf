/// @file annual_change.hpp
/// @brief The mean yearly change an annual_change target is judged on (docs/evaluation.md).
#pragma once

#include <chitieu/plan.hpp>

#include <cmath>
#include <limits>

namespace chitieu::detail {

/// The measure an indicator's yearly change is taken in: its `change`, else points for
/// percent indicators and relative for every other unit.
inline change_measure change_measure_of(const indicator& ind) noexcept {
  if (ind.change) return *ind.change;
  return ind.unit == unit::percent ? change_measure::points : change_measure::relative;
}

/// The mean yearly change from v0 (year t0) to v, `years` = t − t0 later: points
/// (v − v0)/years, or relative 100·((v/v0)^(1/years) − 1) in percent a year. NaN when
/// years ≤ 0, a value is not finite, or (relative) v0 ≤ 0 or v < 0.
inline double mean_yearly_change(change_measure m, double v0, double v, int years) noexcept {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (years <= 0 || !std::isfinite(v0) || !std::isfinite(v)) return nan;
  const double n = static_cast<double>(years);
  if (m == change_measure::points) return (v - v0) / n;
  if (!(v0 > 0.0) || v < 0.0) return nan;
  return 100.0 * (std::pow(v / v0, 1.0 / n) - 1.0);
}

}  // namespace chitieu::detail

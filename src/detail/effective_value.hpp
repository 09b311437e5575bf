/// @file effective_value.hpp
/// @brief The value a panel row stands for: its value, or numerator × factor / denominator.
#pragma once

#include <chitieu/panel.hpp>
#include <chitieu/unit.hpp>

#include <cmath>
#include <cstddef>

namespace chitieu::detail {

/// The value a panel row stands for: its value, else numerator × ratio_factor(u) / denominator
/// when both are finite and the denominator is positive, else NaN.
inline double effective_value(const panel& p, std::size_t row, unit u) noexcept {
  const double v = p.value[row];
  if (!std::isnan(v)) return v;
  const double num = p.numerator[row], den = p.denominator[row];
  if (std::isfinite(num) && std::isfinite(den) && den > 0.0) return num * ratio_factor(u) / den;
  return v;
}

}  // namespace chitieu::detail

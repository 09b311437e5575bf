/// @file row_screen.hpp
/// @brief What an observation row's checks need of its indicator (row_screen, also read by
/// row_problems()), and a quick pass over the common shapes of a row that row_problems() finds
/// nothing wrong with, so the check builds no message for them.
#pragma once

#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/unit.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace chitieu::detail {

/// What the checks of a row need of its indicator: its unit, whether only 0 and 1 are values,
/// whether its numerator may not exceed its denominator, and its ratio factor. row_problems()
/// reads the same facts, from screen_of().
struct row_screen {
  unit value_unit = unit::index;  ///< the indicator's unit (its domain: in_domain())
  bool zero_or_one = false;       ///< only 0 and 1 (a boolean unit, or a target judged on 1)
  bool part_of_whole = false;     ///< a percent: the numerator counts a part of the denominator
  double factor = 1.0;            ///< the unit's ratio factor (ratio_factor())
};

/// The screen of one plan indicator.
inline row_screen screen_of(const indicator& ind) noexcept {
  return {ind.unit, ind.target.judged_on_one() || ind.unit == unit::boolean, ind.unit == unit::percent,
          ratio_factor(ind.unit)};
}

/// The screens of the indicator codes of a panel (a default screen where the code has no plan
/// indicator: such rows never reach the screen).
inline std::vector<row_screen> screens_of_codes(const std::vector<const indicator*>& of_code) {
  std::vector<row_screen> out(of_code.size());
  for (std::size_t c = 0; c < of_code.size(); ++c)
    if (of_code[c]) out[c] = screen_of(*of_code[c]);
  return out;
}

/// True when v is a value the screen accepts: 0 or 1 when zero_or_one, else in the unit's
/// domain (in_domain(): finite and within its bounds).
inline bool value_passes(double v, const row_screen& s) noexcept {
  if (s.zero_or_one) return v == 0.0 || v == 1.0;
  return in_domain(s.value_unit, v);
}

/// True when a value agrees with numerator × factor / denominator (`ratio`) to a relative 1e-6.
inline bool value_agrees_with_ratio(double v, double ratio) noexcept {
  return std::abs(v - ratio) <= 1e-6 * std::max(std::abs(v), std::abs(ratio));
}

/// True when row r of `obs` has a common shape and row_problems() would find
/// nothing wrong with it: a year in [1900, 2100]; weight and se missing or finite and >= 0;
/// coverage missing or in [0, 1]; and a value the screen accepts with no numerator and no
/// denominator, or a finite numerator >= 0 over a finite denominator > 0 (for a percent, not
/// above it) with no value or with a value the screen accepts that agrees with their ratio. False means "not
/// decided here": row_problems() must look at the row.
inline bool plainly_valid(const panel& obs, std::size_t r, const row_screen& s) noexcept {
  const int y = obs.year[r];
  const double w = obs.weight[r], se = obs.se[r], cov = obs.coverage[r];
  const bool frame_ok = y >= 1900 && y <= 2100 && (std::isnan(w) || (w >= 0.0 && std::isfinite(w))) &&
                        (std::isnan(se) || (se >= 0.0 && std::isfinite(se))) &&
                        (std::isnan(cov) || (cov >= 0.0 && cov <= 1.0));
  if (!frame_ok) return false;
  const double v = obs.value[r], num = obs.numerator[r], den = obs.denominator[r];
  if (std::isnan(num) && std::isnan(den)) return value_passes(v, s);
  const bool ratio_ok =
      std::isfinite(num) && std::isfinite(den) && num >= 0.0 && den > 0.0 && !(s.part_of_whole && num > den);
  if (!ratio_ok || std::isnan(v)) return ratio_ok;
  return value_passes(v, s) && value_agrees_with_ratio(v, num * s.factor / den);
}

}  // namespace chitieu::detail

// Change phrases ("tăng 5% so với năm 2020", "giảm bình quân 1-1,5%/năm"): the one rule that turns
// the magnitude as written into a bound of the target, shared by the parser and the formatter.
#pragma once

namespace chitieu::detail {

/// What a change phrase bounds: the ratio to a base year, or the mean yearly change.
enum class change_form {
  relative_percent,  ///< "tăng|giảm X% so với năm B": a bound on value(t)/value(B) = 1 ± X/100
  annual             ///< "tăng|giảm bình quân X%/năm": a bound on the mean yearly change, ±X
};

/// The target bound a magnitude `x` (as written, ≥ 0) gives: an increase raises it, a decrease
/// lowers it (annual: +x or −x; relative: 1 + x/100 or 1 − x/100).
constexpr double change_bound(change_form form, bool increase, double x) noexcept {
  if (form == change_form::annual) return increase ? x : -x;
  return increase ? 1.0 + x / 100.0 : 1.0 - x / 100.0;
}

/// The magnitude that gives `bound` (the inverse of change_bound, up to rounding).
constexpr double change_magnitude(change_form form, bool increase, double bound) noexcept {
  if (form == change_form::annual) return increase ? bound : -bound;
  return increase ? (bound - 1.0) * 100.0 : (1.0 - bound) * 100.0;
}

}  // namespace chitieu::detail

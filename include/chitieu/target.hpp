/// @file target.hpp
/// @brief A target as an interval with a kind (DESIGN.md §2 "Targets").
#pragma once

#include <chitieu/direction.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace chitieu {

/// What a target constrains and how it is read.
enum class target_kind {
  threshold,   ///< one-sided: > x, >= x, < x, <= x
  range,       ///< two-sided band [a, b]
  approx,      ///< "khoảng x": [x - tol, x + tol]
  relative,    ///< a range or threshold on value(t) / value(base_year)
  cumulative,  ///< >= x on the sum of yearly values over a period
  milestone,   ///< true (1) by the target year
  sustained,   ///< true (1) in every year from the plan's baseline year
  qualitative,  ///< no number; judged from an explicit 1/0 assessment
  annual_change  ///< bounds on the mean yearly change since the baseline ("tăng bình quân 7%/năm")
};

/// The name of a target kind ("threshold", "range", ...).
constexpr std::string_view to_string(target_kind k) noexcept {
  switch (k) {
    case target_kind::threshold: return "threshold";
    case target_kind::range: return "range";
    case target_kind::approx: return "approx";
    case target_kind::relative: return "relative";
    case target_kind::cumulative: return "cumulative";
    case target_kind::milestone: return "milestone";
    case target_kind::sustained: return "sustained";
    case target_kind::qualitative: return "qualitative";
    case target_kind::annual_change: return "annual_change";
  }
  return "?";
}

/// Parses a target kind name; throws std::invalid_argument otherwise.
inline target_kind target_kind_from_string(std::string_view name) {
  for (auto k : {target_kind::threshold, target_kind::range, target_kind::approx,
                 target_kind::relative, target_kind::cumulative, target_kind::milestone,
                 target_kind::sustained, target_kind::qualitative, target_kind::annual_change})
    if (to_string(k) == name) return k;
  throw std::invalid_argument("unknown target kind '" + std::string(name) + "'");
}

/// True for kinds judged on a 1/0 value rather than against a numeric interval.
constexpr bool is_boolean_kind(target_kind k) noexcept {
  return k == target_kind::milestone || k == target_kind::sustained ||
         k == target_kind::qualitative;
}

/// A target: an interval (either side may be absent, each inclusive or not) with a kind.
///
/// For `relative` the interval bounds the ratio value(t)/value(base_year); for `cumulative`
/// it bounds the running sum over `period`; milestone and sustained targets are met by 1.
struct target {
  target_kind kind = target_kind::threshold;  ///< how the target is read
  direction dir = direction::higher;          ///< which way is better
  std::optional<double> lower;                ///< lower bound, if any
  bool lower_inclusive = true;                ///< whether the lower bound itself qualifies
  std::optional<double> upper;                ///< upper bound, if any
  bool upper_inclusive = true;                ///< whether the upper bound itself qualifies
  std::optional<double> value;                ///< the number as written (approx centre, threshold, total)
  std::optional<double> tolerance;            ///< half-width of an approx band, when set explicitly
  std::optional<int> base_year;               ///< the base year of a relative target
  std::optional<std::pair<int, int>> period;  ///< [from, to] of a cumulative target
  std::string unit;                           ///< the unit word as written ("%", "lần", "lao động")
  std::string text;                           ///< the plan's own words
  bool aspirational = false;                  ///< "phấn đấu": striven for, not binding

  /// True for a target judged on 1/0: milestone, qualitative, and sustained without a bound
  /// ("duy trì 100%" is judged on its bound, bare "duy trì" on 1/0).
  bool judged_on_one() const noexcept {
    return is_boolean_kind(kind) && !(kind == target_kind::sustained && (lower || upper));
  }

  /// The boundary whose crossing means "met": lower for higher, upper for lower; empty otherwise.
  std::optional<double> met_boundary() const noexcept {
    if (judged_on_one()) return 1.0;
    if (dir == direction::higher) return lower;
    if (dir == direction::lower) return upper;
    return std::nullopt;
  }

  /// True for a band judged two-sided (direction none with both bounds).
  bool is_two_sided_band() const noexcept {
    return dir == direction::none && lower.has_value() && upper.has_value() && !judged_on_one();
  }

  /// Memberwise equality.
  friend bool operator==(const target& a, const target& b) {
    return a.kind == b.kind && a.dir == b.dir && a.lower == b.lower &&
           a.lower_inclusive == b.lower_inclusive && a.upper == b.upper &&
           a.upper_inclusive == b.upper_inclusive && a.value == b.value &&
           a.tolerance == b.tolerance && a.base_year == b.base_year && a.period == b.period &&
           a.unit == b.unit && a.text == b.text && a.aspirational == b.aspirational;
  }
  /// Memberwise inequality.
  friend bool operator!=(const target& a, const target& b) { return !(a == b); }
};

}  // namespace chitieu

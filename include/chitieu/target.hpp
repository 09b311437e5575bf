/// @file target.hpp
/// @brief A target as an interval with a kind (docs/evaluation.md "Target kinds").
#pragma once

#include <chitieu/direction.hpp>
#include <chitieu/enum_table.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace chitieu {

/// What a target constrains and how it is read.
enum class target_kind {
  threshold,     ///< one-sided: > x, >= x, < x, <= x
  range,         ///< two-sided band [a, b]
  approx,        ///< "khoảng x": [x - tol, x + tol]
  relative,      ///< a range or threshold on value(t) / value(base_year)
  cumulative,    ///< >= x on the sum of yearly values over a period
  milestone,     ///< true (1) by the target year
  sustained,     ///< true (1) in every year from the plan's baseline year
  qualitative,   ///< no number; judged from an explicit 1/0 assessment
  annual_change  ///< bounds on the mean yearly change since the baseline ("tăng bình quân 7%/năm")
};

/// The table of target kinds.
template <>
struct enum_table<target_kind> {
  static constexpr std::string_view noun = "target kind";  ///< how messages name a kind
  /// One row per kind, in declaration order.
  static constexpr std::array<enum_entry<target_kind>, 9> entries{{
      {target_kind::threshold, "threshold", "ngưỡng", "threshold"},
      {target_kind::range, "range", "khoảng", "range"},
      {target_kind::approx, "approx", "xấp xỉ", "approximately"},
      {target_kind::relative, "relative", "so với năm gốc", "relative to a base year"},
      {target_kind::cumulative, "cumulative", "cộng dồn", "cumulative"},
      {target_kind::milestone, "milestone", "mốc hoàn thành", "milestone"},
      {target_kind::sustained, "sustained", "duy trì", "sustained"},
      {target_kind::qualitative, "qualitative", "định tính", "qualitative"},
      {target_kind::annual_change, "annual_change", "thay đổi bình quân hằng năm", "mean yearly change"},
  }};
};

/// Parses a target kind name; throws chitieu::error listing the valid names.
inline target_kind target_kind_from_string(std::string_view name) {
  return enum_from_string<target_kind>(name);
}

/// True for kinds judged on a 1/0 value rather than against a numeric interval.
constexpr bool is_boolean_kind(target_kind k) noexcept {
  return k == target_kind::milestone || k == target_kind::sustained || k == target_kind::qualitative;
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

  /// Every member, for comparison.
  auto members() const noexcept {
    return std::tie(kind, dir, lower, lower_inclusive, upper, upper_inclusive, value, tolerance, base_year,
                    period, unit, text, aspirational);
  }
  /// Memberwise equality.
  friend bool operator==(const target& a, const target& b) { return a.members() == b.members(); }
  /// Memberwise inequality.
  friend bool operator!=(const target& a, const target& b) { return !(a == b); }
};

}  // namespace chitieu

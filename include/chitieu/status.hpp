/// @file status.hpp
/// @brief Status and margin of an assessed value against a target (docs/evaluation.md).
#pragma once

#include <chitieu/enum_table.hpp>
#include <chitieu/target.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <string_view>

namespace chitieu {

/// The verdict on one value against the final target.
enum class status {
  exceeded,     ///< Vượt: past the far edge of a band in the good direction
  met,          ///< Đạt
  not_met,      ///< Không đạt
  no_data,      ///< Chưa có số liệu
  not_assessed  ///< Chưa đánh giá (qualitative target without an assessment)
};

/// The table of statuses: the English code and the labels the plan reviews use.
template <>
struct enum_table<status> {
  static constexpr std::string_view noun = "status";  ///< how messages name a status
  /// One row per status, in declaration order.
  static constexpr std::array<enum_entry<status>, 5> entries{{
      {status::exceeded, "exceeded", "Vượt", "Exceeded"},
      {status::met, "met", "Đạt", "Met"},
      {status::not_met, "not_met", "Không đạt", "Not met"},
      {status::no_data, "no_data", "Chưa có số liệu", "No data"},
      {status::not_assessed, "not_assessed", "Chưa đánh giá", "Not assessed"},
  }};
};

/// All statuses, in declaration order (the order of the integer codes used by the bindings).
inline constexpr auto all_statuses = enum_values<status>();

/// True for met and exceeded.
constexpr bool is_met(status s) noexcept { return s == status::met || s == status::exceeded; }

namespace detail {
/// v is at or above b (strictly above when exclusive).
constexpr bool above(double v, double b, bool inclusive) noexcept { return inclusive ? v >= b : v > b; }
/// v is at or below b (strictly below when exclusive).
constexpr bool below(double v, double b, bool inclusive) noexcept { return inclusive ? v <= b : v < b; }
}  // namespace detail

/// Judges an assessed quantity (value, ratio to base year or running sum) against a target.
/// NaN gives no_data (not_assessed for qualitative targets); boolean kinds are met by 1.
inline status judge(const target& t, double assessed) noexcept {
  if (std::isnan(assessed))
    return t.kind == target_kind::qualitative ? status::not_assessed : status::no_data;
  if (t.judged_on_one()) return assessed == 1.0 ? status::met : status::not_met;
  const bool lo_ok = !t.lower || detail::above(assessed, *t.lower, t.lower_inclusive);
  const bool hi_ok = !t.upper || detail::below(assessed, *t.upper, t.upper_inclusive);
  if (t.dir == direction::higher && t.lower) {
    if (!lo_ok) return status::not_met;
    return hi_ok ? status::met : status::exceeded;
  }
  if (t.dir == direction::lower && t.upper) {
    if (!hi_ok) return status::not_met;
    return lo_ok ? status::met : status::exceeded;
  }
  return lo_ok && hi_ok ? status::met : status::not_met;
}

/// Signed distance to the met boundary, positive when met: v - lower (higher),
/// upper - v (lower), the nearer edge inside a two-sided band; NaN for boolean kinds.
inline double margin(const target& t, double assessed) noexcept {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (std::isnan(assessed) || t.judged_on_one()) return nan;
  if (t.dir == direction::higher && t.lower) return assessed - *t.lower;
  if (t.dir == direction::lower && t.upper) return *t.upper - assessed;
  double m = std::numeric_limits<double>::infinity();
  if (t.lower && assessed - *t.lower < m) m = assessed - *t.lower;
  if (t.upper && *t.upper - assessed < m) m = *t.upper - assessed;
  return std::isinf(m) ? nan : m;
}

}  // namespace chitieu

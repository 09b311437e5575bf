/// @file aggregate_rule.hpp
/// @brief How an indicator rolls up across areas (docs/aggregation.md).
#pragma once

#include <chitieu/enum_table.hpp>

#include <array>
#include <string_view>

namespace chitieu {

/// The rule that combines children's values into a parent's.
enum class aggregate_rule {
  sum,            ///< Σ value (counts, hectares)
  ratio,          ///< Σ numerator × factor / Σ denominator
  weighted_mean,  ///< Σ w·v / Σ w with weights from the `weight` column
  min,            ///< smallest child value
  max,            ///< largest child value
  all,            ///< 1 when every child is 1 (booleans)
  any,            ///< 1 when some child is 1 (booleans)
  none            ///< not aggregated
};

/// The table of aggregation rules.
template <>
struct enum_table<aggregate_rule> {
  static constexpr std::string_view noun = "aggregate rule";  ///< how messages name a rule
  /// One row per rule, in declaration order.
  static constexpr std::array<enum_entry<aggregate_rule>, 8> entries{{
      {aggregate_rule::sum, "sum", "tổng", "sum"},
      {aggregate_rule::ratio, "ratio", "tỷ số của tổng", "ratio of sums"},
      {aggregate_rule::weighted_mean, "weighted_mean", "bình quân gia quyền", "weighted mean"},
      {aggregate_rule::min, "min", "nhỏ nhất", "minimum"},
      {aggregate_rule::max, "max", "lớn nhất", "maximum"},
      {aggregate_rule::all, "all", "tất cả đạt", "all"},
      {aggregate_rule::any, "any", "có ít nhất một", "any"},
      {aggregate_rule::none, "none", "không tổng hợp", "not aggregated"},
  }};
};

/// All rules, in declaration order.
inline constexpr auto all_aggregate_rules = enum_values<aggregate_rule>();

/// Parses a rule name; throws chitieu::error listing the valid names.
inline aggregate_rule aggregate_rule_from_string(std::string_view name) {
  return enum_from_string<aggregate_rule>(name);
}

}  // namespace chitieu

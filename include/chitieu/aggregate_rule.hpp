/// @file aggregate_rule.hpp
/// @brief How an indicator rolls up across areas (DESIGN.md §2 "Aggregation rules").
#pragma once

#include <array>
#include <stdexcept>
#include <string>
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

/// All rules, in declaration order.
inline constexpr std::array<aggregate_rule, 8> all_aggregate_rules{
    aggregate_rule::sum, aggregate_rule::ratio, aggregate_rule::weighted_mean,
    aggregate_rule::min, aggregate_rule::max,   aggregate_rule::all,
    aggregate_rule::any, aggregate_rule::none};

/// The name of a rule as written in plan files.
constexpr std::string_view to_string(aggregate_rule r) noexcept {
  switch (r) {
    case aggregate_rule::sum: return "sum";
    case aggregate_rule::ratio: return "ratio";
    case aggregate_rule::weighted_mean: return "weighted_mean";
    case aggregate_rule::min: return "min";
    case aggregate_rule::max: return "max";
    case aggregate_rule::all: return "all";
    case aggregate_rule::any: return "any";
    case aggregate_rule::none: return "none";
  }
  return "?";
}

/// Parses a rule name; throws std::invalid_argument listing the valid names.
inline aggregate_rule aggregate_rule_from_string(std::string_view name) {
  for (auto r : all_aggregate_rules)
    if (to_string(r) == name) return r;
  std::string msg = "unknown aggregate rule '" + std::string(name) + "'; expected one of";
  for (auto r : all_aggregate_rules) msg += " " + std::string(to_string(r));
  throw std::invalid_argument(msg);
}

}  // namespace chitieu

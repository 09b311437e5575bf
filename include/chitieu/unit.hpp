/// @file unit.hpp
/// @brief Units of measure of an indicator and their value domains (docs/plan-format.md).
#pragma once

#include <chitieu/enum_table.hpp>
#include <chitieu/error.hpp>
#include <chitieu/number_text.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace chitieu {

/// The unit an indicator is measured in.
enum class unit {
  percent,        ///< share in [0, 100]
  per_10k,        ///< rate per 10 000 people, >= 0
  count,          ///< a number of things or people, >= 0
  money,          ///< an amount of money, >= 0
  ratio,          ///< a dimensionless ratio, >= 0
  years,          ///< a duration in years, >= 0
  m2_per_person,  ///< square metres per person, >= 0
  hectares,       ///< an area in hectares, >= 0
  index,          ///< an index, any real number
  boolean,        ///< 0 or 1
  per_1k          ///< rate per 1 000 people (‰), >= 0
};

/// The table of units: name, Vietnamese and English display label.
template <>
struct enum_table<unit> {
  static constexpr std::string_view noun = "unit";  ///< how messages name a unit
  /// One row per unit, in declaration order.
  static constexpr std::array<enum_entry<unit>, 11> entries{{
      {unit::percent, "percent", "%", "%"},
      {unit::per_10k, "per_10k", "/10.000 dân", "per 10,000 people"},
      {unit::count, "count", "số lượng", "count"},
      {unit::money, "money", "tiền", "money"},
      {unit::ratio, "ratio", "lần", "times"},
      {unit::years, "years", "năm", "years"},
      {unit::m2_per_person, "m2_per_person", "m²/người", "m² per person"},
      {unit::hectares, "hectares", "ha", "ha"},
      {unit::index, "index", "chỉ số", "index"},
      {unit::boolean, "boolean", "có/không", "yes/no"},
      {unit::per_1k, "per_1k", "‰", "per 1,000 people"},
  }};
};

/// All units, in declaration order.
inline constexpr auto all_units = enum_values<unit>();

/// Parses a unit name; throws chitieu::error listing the valid names.
inline unit unit_from_string(std::string_view name) { return enum_from_string<unit>(name); }

/// What a unit means for values: the factor of a ratio, its domain, how values combine and how
/// many decimals reports show.
struct unit_rule {
  unit value;  ///< the unit
  double
      factor;  ///< numerator / denominator × factor is the value (percent 100, per_10k 10 000, per_1k 1 000)
  double lower;      ///< smallest value of the domain
  double upper;      ///< largest value of the domain
  bool zero_or_one;  ///< only 0 and 1 are values (boolean)
  bool additive;     ///< yearly and children's values add up (sum rule, cumulative targets)
  bool rate;         ///< a numerator over a denominator (ratio rule)
  int decimals;      ///< decimal places shown in reports
};

/// No bound on that side of a domain.
inline constexpr double unbounded = std::numeric_limits<double>::infinity();

/// The rules of every unit, one row per unit in declaration order, beside its enum_table row.
// clang-format off
inline constexpr std::array<unit_rule, 11> unit_rules{{
    //  unit               factor   lower       upper      0/1    add    rate  decimals
    {unit::percent,        100.0,   0.0,        100.0,     false, false, true,  1},
    {unit::per_10k,        10000.0, 0.0,        unbounded, false, false, true,  1},
    {unit::count,          1.0,     0.0,        unbounded, false, true,  false, 0},
    {unit::money,          1.0,     0.0,        unbounded, false, true,  false, 2},
    {unit::ratio,          1.0,     0.0,        unbounded, false, false, true,  2},
    {unit::years,          1.0,     0.0,        unbounded, false, false, false, 1},
    {unit::m2_per_person,  1.0,     0.0,        unbounded, false, false, true,  1},
    {unit::hectares,       1.0,     0.0,        unbounded, false, true,  false, 1},
    {unit::index,          1.0,     -unbounded, unbounded, false, false, false, 2},
    {unit::boolean,        1.0,     0.0,        1.0,       true,  false, false, 0},
    {unit::per_1k,         1000.0,  0.0,        unbounded, false, false, true,  1},
}};
// clang-format on

namespace detail {
/// True when row k of unit_rules is unit k and there is one row per unit.
constexpr bool unit_rules_in_order() noexcept {
  if (unit_rules.size() != all_units.size()) return false;
  for (std::size_t k = 0; k < unit_rules.size(); ++k)
    if (static_cast<std::size_t>(unit_rules[k].value) != k) return false;
  return true;
}
}  // namespace detail

/// The rules of a unit.
constexpr const unit_rule& rule_of(unit u) noexcept {
  static_assert(detail::unit_rules_in_order(), "unit_rules must have one row per unit, in declaration order");
  return unit_rules[static_cast<std::size_t>(u)];
}

/// Multiplier turning numerator/denominator into the unit (percent 100, per_10k 10 000, else 1).
constexpr double ratio_factor(unit u) noexcept { return rule_of(u).factor; }

/// Smallest value in the unit's domain (-infinity for index).
constexpr double domain_lower(unit u) noexcept { return rule_of(u).lower; }

/// Largest value in the unit's domain (100 for percent, 1 for boolean, else +infinity).
constexpr double domain_upper(unit u) noexcept { return rule_of(u).upper; }

/// Units whose yearly and children's values add up (sum rule, cumulative targets).
constexpr bool is_additive(unit u) noexcept { return rule_of(u).additive; }

/// Units that are a numerator over a denominator (ratio rule).
constexpr bool is_rate(unit u) noexcept { return rule_of(u).rate; }

/// True when a finite value lies in the unit's domain (boolean: exactly 0 or 1).
inline bool in_domain(unit u, double v) noexcept {
  if (!std::isfinite(v)) return false;
  if (rule_of(u).zero_or_one) return v == 0.0 || v == 1.0;
  return v >= domain_lower(u) && v <= domain_upper(u);
}

/// Describes the domain of a unit for messages: "[0, 100]", "{0, 1}", ">= 0", "any finite number".
inline std::string domain_text(unit u) {
  const unit_rule& r = rule_of(u);
  const auto whole = [](double x) { return std::to_string(static_cast<long long>(x)); };
  if (r.zero_or_one) return "{" + whole(r.lower) + ", " + whole(r.upper) + "}";
  if (std::isinf(r.lower)) return "any finite number";
  if (std::isinf(r.upper)) return ">= " + whole(r.lower);
  return "[" + whole(r.lower) + ", " + whole(r.upper) + "]";
}

/// Throws chitieu::error naming the unit and the value when v is outside the unit's domain.
inline void check_domain(unit u, double v) {
  if (in_domain(u, v)) return;
  throw error("value " + number_text(v) + " is outside the domain of unit " + std::string(to_string(u)) +
              " (" + domain_text(u) + "); values are never clamped, correct the input");
}

/// Clamps a derived quantity (a projection, never an input) into the unit's domain.
inline double clamp_to_domain(unit u, double v) noexcept {
  if (std::isnan(v)) return v;
  if (v < domain_lower(u)) return domain_lower(u);
  if (v > domain_upper(u)) return domain_upper(u);
  return v;
}

}  // namespace chitieu

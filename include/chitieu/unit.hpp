/// @file unit.hpp
/// @brief Units of measure of an indicator and their value domains (docs/plan-format.md).
#pragma once

#include <chitieu/enum_table.hpp>
#include <chitieu/error.hpp>
#include <chitieu/number_text.hpp>

#include <array>
#include <cmath>
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
  boolean         ///< 0 or 1
};

/// The table of units: name, Vietnamese and English display label.
template <>
struct enum_table<unit> {
  static constexpr std::string_view noun = "unit";  ///< how messages name a unit
  /// One row per unit, in declaration order.
  static constexpr std::array<enum_entry<unit>, 10> entries{{
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
  }};
};

/// All units, in declaration order.
inline constexpr auto all_units = enum_values<unit>();

/// Parses a unit name; throws chitieu::error listing the valid names.
inline unit unit_from_string(std::string_view name) { return enum_from_string<unit>(name); }

/// Multiplier turning numerator/denominator into the unit (percent 100, per_10k 10 000, else 1).
constexpr double ratio_factor(unit u) noexcept {
  switch (u) {
    case unit::percent: return 100.0;
    case unit::per_10k: return 10000.0;
    default: return 1.0;
  }
}

/// Smallest value in the unit's domain (-infinity for index).
constexpr double domain_lower(unit u) noexcept {
  return u == unit::index ? -std::numeric_limits<double>::infinity() : 0.0;
}

/// Largest value in the unit's domain (100 for percent, 1 for boolean, else +infinity).
constexpr double domain_upper(unit u) noexcept {
  switch (u) {
    case unit::percent: return 100.0;
    case unit::boolean: return 1.0;
    default: return std::numeric_limits<double>::infinity();
  }
}

/// True when a finite value lies in the unit's domain (boolean: exactly 0 or 1).
inline bool in_domain(unit u, double v) noexcept {
  if (!std::isfinite(v)) return false;
  if (u == unit::boolean) return v == 0.0 || v == 1.0;
  return v >= domain_lower(u) && v <= domain_upper(u);
}

/// Describes the domain of a unit for messages, e.g. "[0, 100]".
inline std::string domain_text(unit u) {
  switch (u) {
    case unit::percent: return "[0, 100]";
    case unit::boolean: return "{0, 1}";
    case unit::index: return "any finite number";
    default: return ">= 0";
  }
}

/// Throws chitieu::error naming the unit and the value when v is outside the unit's domain.
inline void check_domain(unit u, double v) {
  if (in_domain(u, v)) return;
  throw error("value " + number_text(v) + " is outside the domain of unit " + std::string(to_string(u)) + " (" +
              domain_text(u) + "); values are never clamped, correct the input");
}

/// Clamps a derived quantity (a projection, never an input) into the unit's domain.
inline double clamp_to_domain(unit u, double v) noexcept {
  if (std::isnan(v)) return v;
  if (v < domain_lower(u)) return domain_lower(u);
  if (v > domain_upper(u)) return domain_upper(u);
  return v;
}

}  // namespace chitieu

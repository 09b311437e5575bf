/// @file trend.hpp
/// @brief How a series is projected to the target year (docs/evaluation.md).
#pragma once

#include <chitieu/enum_table.hpp>

#include <array>
#include <string_view>

namespace chitieu {

/// How a series is projected to the target year.
enum class trend {
  linear,   ///< least squares on the value
  compound  ///< least squares on ln(value)
};

/// The table of trends.
template <>
struct enum_table<trend> {
  static constexpr std::string_view noun = "trend";  ///< how messages name a trend
  /// One row per trend, in declaration order.
  static constexpr std::array<enum_entry<trend>, 2> entries{{
      {trend::linear, "linear", "tuyến tính", "linear"},
      {trend::compound, "compound", "tăng trưởng kép", "compound"},
  }};
};

}  // namespace chitieu

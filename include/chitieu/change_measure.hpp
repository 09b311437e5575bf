/// @file change_measure.hpp
/// @brief How an annual_change target measures the mean yearly change (docs/evaluation.md).
#pragma once

#include <chitieu/enum_table.hpp>

#include <array>
#include <string_view>

namespace chitieu {

/// How the mean yearly change of an annual_change target is taken.
enum class change_measure {
  points,   ///< (v − v0)/(t − t0), in the indicator's unit a year (the default for percent)
  relative  ///< 100·((v/v0)^(1/(t − t0)) − 1), in percent a year (the default otherwise)
};

/// The table of change measures.
template <>
struct enum_table<change_measure> {
  static constexpr std::string_view noun = "change";  ///< how messages name a change measure
  /// One row per measure, in declaration order.
  static constexpr std::array<enum_entry<change_measure>, 2> entries{{
      {change_measure::points, "points", "điểm mỗi năm", "points a year"},
      {change_measure::relative, "relative", "phần trăm mỗi năm", "percent a year"},
  }};
};

}  // namespace chitieu

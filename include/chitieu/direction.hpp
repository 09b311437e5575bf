/// @file direction.hpp
/// @brief Which way an indicator improves (docs/plan-format.md).
#pragma once

#include <chitieu/enum_table.hpp>

#include <array>
#include <string_view>

namespace chitieu {

/// Which way is better for an indicator.
enum class direction {
  higher,  ///< larger values are better
  lower,   ///< smaller values are better
  none     ///< milestones and two-sided bands
};

/// The table of directions.
template <>
struct enum_table<direction> {
  static constexpr std::string_view noun = "direction";  ///< how messages name a direction
  /// One row per direction, in declaration order.
  static constexpr std::array<enum_entry<direction>, 3> entries{{
      {direction::higher, "higher", "càng cao càng tốt", "higher is better"},
      {direction::lower, "lower", "càng thấp càng tốt", "lower is better"},
      {direction::none, "none", "không theo chiều", "no direction"},
  }};
};

/// Parses "higher", "lower" or "none"; throws chitieu::error otherwise.
inline direction direction_from_string(std::string_view name) { return enum_from_string<direction>(name); }

}  // namespace chitieu

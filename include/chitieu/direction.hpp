/// @file direction.hpp
/// @brief Which way an indicator improves (DESIGN.md §2 "Direction").
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace chitieu {

/// Which way is better for an indicator.
enum class direction {
  higher,  ///< larger values are better
  lower,   ///< smaller values are better
  none     ///< milestones and two-sided bands
};

/// The name of a direction as written in plan files.
constexpr std::string_view to_string(direction d) noexcept {
  switch (d) {
    case direction::higher: return "higher";
    case direction::lower: return "lower";
    case direction::none: return "none";
  }
  return "?";
}

/// Parses "higher", "lower" or "none"; throws std::invalid_argument otherwise.
inline direction direction_from_string(std::string_view name) {
  if (name == "higher") return direction::higher;
  if (name == "lower") return direction::lower;
  if (name == "none") return direction::none;
  throw std::invalid_argument("unknown direction '" + std::string(name) +
                              "'; expected higher, lower or none");
}

}  // namespace chitieu

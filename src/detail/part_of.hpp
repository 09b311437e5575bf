/// @file part_of.hpp
/// @brief The rule "a part never exceeds its whole", one tolerance for every check of it.
#pragma once

#include <algorithm>
#include <cmath>

namespace chitieu::detail {

/// True when a part's value exceeds its whole's beyond rounding:
/// part > whole + 1e-9 · max(1, |whole|), both finite.
inline bool exceeds_whole(double part, double whole) noexcept {
  return std::isfinite(part) && std::isfinite(whole) && part > whole + 1e-9 * std::max(1.0, std::abs(whole));
}

}  // namespace chitieu::detail

/// @file value_range.hpp
/// @brief The smallest and largest entry of a column in one pass the compiler can vectorise (unlike
/// std::minmax_element, which must track positions).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// The smallest and the largest entry of a non-empty column.
template <class T>
std::pair<T, T> value_range(const std::vector<T>& column) noexcept {
  T lo = column.front(), hi = column.front();
  for (const T v : column) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  return {lo, hi};
}

}  // namespace chitieu::detail

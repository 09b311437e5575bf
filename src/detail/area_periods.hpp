/// @file area_periods.hpp
/// @brief Validity periods of areas seen as years (namespace chitieu::detail).
#pragma once

#include <chitieu/areas.hpp>

#include <limits>
#include <utility>

namespace chitieu {

namespace detail {
/// The years Y whose 31 December falls inside an area's validity, as [first, last]
/// (INT_MIN / INT_MAX for open ends; first > last when there is none).
inline std::pair<int, int> year_end_span(const area& a) noexcept {
  const int first = a.valid_from ? a.valid_from->year : std::numeric_limits<int>::min();
  int last = std::numeric_limits<int>::max();
  if (a.valid_to)
    last = (a.valid_to->month == 12 && a.valid_to->day == 31) ? a.valid_to->year : a.valid_to->year - 1;
  return {first, last};
}

/// True when two inclusive validity periods share at least one day.
inline bool periods_overlap(const area& a, const area& b) noexcept {
  const bool a_before_b = a.valid_to && b.valid_from && *a.valid_to < *b.valid_from;
  const bool b_before_a = b.valid_to && a.valid_from && *b.valid_to < *a.valid_from;
  return !a_before_b && !b_before_a;
}
}  // namespace detail

}  // namespace chitieu

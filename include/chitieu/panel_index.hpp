/// @file panel_index.hpp
/// @brief An index of a panel by indicator × area × year: a sort permutation and series offsets.
#pragma once

#include <chitieu/detail/huge_pages.hpp>
#include <chitieu/detail/radix_sort.hpp>
#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace chitieu {

/// The rows of a panel ordered by (indicator code, area code, year), cut into series: series s
/// (one indicator × area) is `order[start[s]] … order[start[s + 1] - 1]`, years ascending.
/// Rows with the same indicator, area and year (duplicates) stay adjacent, in panel order.
struct panel_index {
  std::vector<std::size_t> order;  ///< panel row numbers (0-based) in sorted order
  std::vector<std::size_t> start;  ///< series offsets into order, with a final sentinel = size()

  /// Number of series (indicator × area pairs present).
  std::size_t series_count() const noexcept { return start.empty() ? 0 : start.size() - 1; }
};

/// Throws chitieu::error unless every column of the panel has one entry per row and every
/// indicator/area code indexes its dictionary (line = 1-based row, field = column).
inline void check_panel_shape(const panel& p) {
  const std::size_t n = p.size();
  const auto same = [n](std::size_t m, const char* column) {
    if (m != n)
      throw error("column has " + std::to_string(m) + " entries but the panel has " +
                      std::to_string(n) + " rows (one per row expected)",
                  {}, 0, column);
  };
  same(p.indicator.size(), "indicator");
  same(p.area.size(), "area");
  same(p.value.size(), "value");
  same(p.numerator.size(), "numerator");
  same(p.denominator.size(), "denominator");
  same(p.weight.size(), "weight");
  same(p.se.size(), "se");
  same(p.coverage.size(), "coverage");
  const auto ni = static_cast<std::int64_t>(p.indicator_ids.size());
  const auto na = static_cast<std::int64_t>(p.area_ids.size());
  for (std::size_t r = 0; r < n; ++r) {
    if (p.indicator[r] < 0 || p.indicator[r] >= ni)
      throw error("indicator code " + std::to_string(p.indicator[r]) + " is outside the dictionary [0, " +
                      std::to_string(ni) + ")",
                  {}, static_cast<long>(r + 1), "indicator");
    if (p.area[r] < 0 || p.area[r] >= na)
      throw error("area code " + std::to_string(p.area[r]) + " is outside the dictionary [0, " +
                      std::to_string(na) + ")",
                  {}, static_cast<long>(r + 1), "area");
  }
}

/// Builds the index of a panel (checked with check_panel_shape). Linear time: rows already in
/// order are detected in one pass; otherwise a stable radix sort on a packed 64-bit key.
inline panel_index index_panel(const panel& p) {
  check_panel_shape(p);
  const std::size_t n = p.size();
  panel_index ix;
  detail::resize_huge(ix.order, n);
  for (std::size_t r = 0; r < n; ++r) ix.order[r] = r;
  if (n == 0) {
    ix.start.push_back(0);
    return ix;
  }
  const auto [ymin_it, ymax_it] = std::minmax_element(p.year.begin(), p.year.end());
  const std::int64_t ymin = *ymin_it;
  const unsigned year_bits =
      detail::bit_width_for(static_cast<std::uint64_t>(std::int64_t{*ymax_it} - ymin + 1));
  const unsigned area_bits = detail::bit_width_for(p.area_ids.size());
  const unsigned ind_bits = detail::bit_width_for(p.indicator_ids.size());
  const unsigned series_shift = year_bits;
  const unsigned bits = year_bits + area_bits + ind_bits;
  if (bits > 64) throw error("panel too large to index: indicator × area × year codes exceed 64 bits");

  std::vector<std::uint64_t> key;
  detail::resize_huge(key, n);
  bool sorted = true;
  for (std::size_t r = 0; r < n; ++r) {
    key[r] = (((static_cast<std::uint64_t>(p.indicator[r]) << area_bits) |
               static_cast<std::uint64_t>(p.area[r]))
              << year_bits) |
             static_cast<std::uint64_t>(std::int64_t{p.year[r]} - ymin);
    if (r > 0 && key[r] < key[r - 1]) sorted = false;
  }
  if (!sorted) detail::radix_sort(key, ix.order, bits);

  ix.start.push_back(0);
  for (std::size_t i = 1; i < n; ++i)
    if ((key[i] >> series_shift) != (key[i - 1] >> series_shift)) ix.start.push_back(i);
  ix.start.push_back(n);
  return ix;
}

}  // namespace chitieu

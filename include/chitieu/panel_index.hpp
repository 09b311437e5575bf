/// @file panel_index.hpp
/// @brief An index of a panel by indicator × area × year: a sort permutation and series offsets.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/export.hpp>
#include <chitieu/panel.hpp>

#include <cstddef>
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
CHITIEU_API void check_panel_shape(const panel& p);

/// Builds the index of a panel (checked with check_panel_shape). Linear time: when the tables of
/// series (indicators × areas of the dictionaries), one per thread, together have no more entries
/// than the panel has rows and each series lists its years in order (data sorted by year, or by
/// series), a counting sort on the series (one pass counts, one places); otherwise rows already
/// in order are detected in one pass, or a stable radix sort on a packed 64-bit key, with the row
/// number packed below it when both fit in 63 bits (the sort then moves 8 bytes a row, not 16).
CHITIEU_API panel_index index_panel(const panel& p);

}  // namespace chitieu

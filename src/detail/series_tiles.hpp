/// @file series_tiles.hpp
/// @brief A panel index's series by tiles: blocks of neighbouring area codes, every indicator of one
/// block before the next block. A pass over the index in that order reads the panel's rows within
/// a window that fits a core's cache, where the rows of neighbouring area codes lie near one another
/// (data listed by year, then area; or by area); in plain index order, the same pass returns to
/// each row once per indicator after a sweep over every area.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chitieu::detail {

/// A range [first, last) of positions in a panel's index.
struct index_range {
  std::size_t first = 0;  ///< its first position
  std::size_t last = 0;   ///< one past its last position
};

/// The index positions of every series, tile after tile, from `series_starts` (the position in the
/// index of each series code, indicator code × `areas` + area code, then the row count:
/// index_panel_and_series_starts()). Tile t covers the area codes [t·w, (t+1)·w), w = the most areas
/// whose rows, at the panel's mean rows per area, stay within `rows_per_tile` (at least one), and
/// gives each indicator's series in those areas as one range (empty ones left out). Every position
/// is in exactly one range, and each range holds whole series.
std::vector<index_range> series_tiles(const std::vector<std::uint32_t>& series_starts, std::size_t areas,
                                      std::size_t rows_per_tile);

/// Splits `ranges` (of `rows` positions in all) into `threads` runs of nearly equal rows: run c is
/// ranges [result[c], result[c + 1]) (threads + 1 entries, the last ranges.size()).
std::vector<std::size_t> range_shares(const std::vector<index_range>& ranges, std::size_t rows,
                                      unsigned threads);

}  // namespace chitieu::detail

/// @file series_tiles.cpp
/// @brief detail::series_tiles and detail::range_shares: a panel index's series by tiles of areas.
#include "detail/series_tiles.hpp"

#include <algorithm>

namespace chitieu::detail {

std::vector<index_range> series_tiles(const std::vector<std::uint32_t>& series_starts, std::size_t areas,
                                      std::size_t rows_per_tile) {
  std::vector<index_range> ranges;
  if (series_starts.size() < 2 || areas == 0) return ranges;
  const std::size_t indicators = (series_starts.size() - 1) / areas, rows = series_starts.back();
  const std::size_t width = std::max<std::size_t>(1, rows_per_tile * areas / std::max<std::size_t>(1, rows));
  for (std::size_t first_area = 0; first_area < areas; first_area += width) {
    const std::size_t end_area = std::min(areas, first_area + width);
    for (std::size_t k = 0; k < indicators; ++k) {
      const index_range range{series_starts[k * areas + first_area], series_starts[k * areas + end_area]};
      if (range.first < range.last) ranges.push_back(range);
    }
  }
  return ranges;
}

std::vector<std::size_t> range_shares(const std::vector<index_range>& ranges, std::size_t rows,
                                      unsigned threads) {
  threads = std::max(1u, threads);
  std::vector<std::size_t> shares{0};
  std::size_t covered = 0;  // rows of the ranges before the i-th
  for (std::size_t i = 0; i < ranges.size() && shares.size() < threads; ++i) {
    while (shares.size() < threads && covered >= rows * shares.size() / threads) shares.push_back(i);
    covered += ranges[i].last - ranges[i].first;
  }
  shares.resize(threads + 1, ranges.size());
  return shares;
}

}  // namespace chitieu::detail

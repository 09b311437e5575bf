/// @file series_count_sort.cpp
/// @brief detail::index_by_series_counts: the panel index by a counting sort on the series.
#include "detail/series_count_sort.hpp"

#include "detail/column_storage.hpp"
#include "detail/parallel.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace chitieu::detail {
namespace {

/// One series in one thread's share of the rows.
struct series_count {
  std::uint32_t rows = 0;   ///< its rows in the share; once counted, the position of its next row
  std::uint16_t first = 0;  ///< the year (less the first year) of its first row in the share
  std::uint16_t last = 0;   ///< the year (less the first year) of its last row in the share
};

}  // namespace

bool index_by_series_counts(const panel& p, std::int32_t first_year, std::int32_t last_year, unsigned threads,
                            panel_index& ix, std::vector<std::uint32_t>* series_starts) {
  const std::size_t n = p.size(), areas = p.area_ids.size();
  const std::size_t series = p.indicator_ids.size() * areas;
  threads = std::max(1u, threads);
  // A table of series per thread, 8 bytes an entry: at most 8 bytes a row in all (the radix sort
  // needs 16), and the serial pass over the tables no longer than one over the rows.
  if (n == 0 || n >= (std::size_t{1} << 32) || series > n / threads ||
      std::int64_t{last_year} - first_year >= 65535)
    return false;
  const auto first_row = [&](std::size_t c) { return n * c / threads; };
  const auto series_of = [&](std::size_t r) {
    return static_cast<std::size_t>(p.indicator[r]) * areas + static_cast<std::size_t>(p.area[r]);
  };
  std::vector<std::vector<series_count>> counts(threads);
  std::vector<char> in_order(threads, 1);
  run_chunks(threads, threads, [&](std::size_t c) {
    auto& count = counts[c];
    count.assign(series, series_count{});  // written by its own thread: its pages fault in here
    for (std::size_t r = first_row(c); r < first_row(c + 1); ++r) {
      series_count& at = count[series_of(r)];
      const auto y = static_cast<std::uint16_t>(p.year[r] - first_year);
      if (at.rows == 0) {
        at.first = y;
      } else if (y < at.last) {
        in_order[c] = 0;  // a year before the series' last: the rows must be sorted
        return;
      }
      at.last = y;
      ++at.rows;
    }
  });
  if (std::find(in_order.begin(), in_order.end(), 0) != in_order.end()) return false;
  // Series in code order; within one, the shares in order (each share's years follow the last's).
  std::vector<std::size_t> start;
  start.reserve(series + 1);  // at most one entry a series: no copies as it grows
  std::size_t next = 0;
  if (series_starts) series_starts->resize(series + 1);
  for (std::size_t s = 0; s < series; ++s) {
    const std::size_t begin = next;
    if (series_starts) (*series_starts)[s] = static_cast<std::uint32_t>(begin);  // n < 2³²
    std::uint16_t last = 0;  // the last year of the series in the shares before
    for (unsigned c = 0; c < threads; ++c) {
      series_count& at = counts[c][s];
      if (at.rows == 0) continue;
      if (next != begin && at.first < last) return false;
      last = at.last;
      const std::uint32_t rows = at.rows;
      at.rows = static_cast<std::uint32_t>(next);
      next += rows;
    }
    if (next != begin) start.push_back(begin);
  }
  start.push_back(n);
  if (series_starts) series_starts->back() = static_cast<std::uint32_t>(n);
  std::vector<std::size_t> order;
  resize_column(order, n);
  run_chunks(threads, threads, [&](std::size_t c) {
    auto& count = counts[c];
    for (std::size_t r = first_row(c); r < first_row(c + 1); ++r) order[count[series_of(r)].rows++] = r;
  });
  ix.order.swap(order);
  ix.start.swap(start);
  return true;
}

}  // namespace chitieu::detail

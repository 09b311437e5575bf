/// @file panel_index.cpp
/// @brief check_panel_shape and index_panel.
#include <chitieu/error.hpp>
#include <chitieu/panel_index.hpp>

#include "detail/column_storage.hpp"
#include "detail/parallel.hpp"
#include "detail/radix_sort.hpp"
#include "detail/series_count_sort.hpp"
#include "detail/value_range.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>

namespace chitieu {

namespace detail {
namespace {

/// The row numbers riding in the sorted keys' low bits under `row_mask` (0: the keys are in row
/// order, row i is i) read out into `order`, on `threads` threads. Where a row number and a key
/// are the same type they are read out in the keys' own storage, which becomes `order`: no fresh
/// column to fault in.
template <class Key>
void read_rows(std::vector<Key>& key, std::uint64_t row_mask, unsigned threads,
               std::vector<std::size_t>& order) {
  const std::size_t n = key.size();
  const auto first_row = [&](std::size_t c) { return n * c / threads; };
  if constexpr (std::is_same_v<Key, std::size_t>) {
    run_chunks(threads, threads, [&](std::size_t c) {
      for (std::size_t i = first_row(c); i < first_row(c + 1); ++i)
        key[i] = row_mask != 0 ? key[i] & row_mask : i;
    });
    order.swap(key);
  } else {
    resize_column(order, n);
    run_chunks(threads, threads, [&](std::size_t c) {
      for (std::size_t i = first_row(c); i < first_row(c + 1); ++i)
        order[i] = row_mask != 0 ? static_cast<std::size_t>(key[i] & row_mask) : i;
    });
  }
}

}  // namespace
}  // namespace detail

void check_panel_shape(const panel& p) {
  const std::size_t n = p.size();
  const auto same = [n](std::size_t m, const char* column) {
    if (m != n)
      throw error("column has " + std::to_string(m) + " entries but the panel has " + std::to_string(n) +
                      " rows (one per row expected)",
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
  if (n == 0) return;
  const auto [ilo, ihi] = detail::value_range(p.indicator);
  const auto [alo, ahi] = detail::value_range(p.area);
  if (ilo >= 0 && ihi < ni && alo >= 0 && ahi < na) return;  // every code in range: no row to blame
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

namespace {

/// index_panel(), with the series starts of index_panel_and_series_starts when `series_starts` is given.
panel_index index_rows(const panel& p, std::vector<std::uint32_t>* series_starts) {
  check_panel_shape(p);
  const std::size_t n = p.size();
  panel_index ix;
  if (n == 0) {
    ix.start.push_back(0);
    return ix;
  }
  const auto [first_year, last_year] = detail::value_range(p.year);
  const unsigned threads = detail::thread_count(0, n, 65536);
  if (detail::index_by_series_counts(p, first_year, last_year, threads, ix, series_starts)) return ix;
  const std::int64_t ymin = first_year;
  const unsigned year_bits =
      detail::bit_width_for(static_cast<std::uint64_t>(std::int64_t{last_year} - ymin + 1));
  const unsigned area_bits = detail::bit_width_for(p.area_ids.size());
  const unsigned ind_bits = detail::bit_width_for(p.indicator_ids.size());
  const unsigned bits = year_bits + area_bits + ind_bits;
  if (bits > 64) throw error("panel too large to index: indicator × area × year codes exceed 64 bits");
  const unsigned row_bits = detail::bit_width_for(n);
  const bool packed = bits + row_bits < 64;  // the row number rides below the key
  const unsigned low = packed ? row_bits : 0;

  const auto first_row = [&](std::size_t c) { return n * c / threads; };
  std::vector<std::uint64_t> key;
  detail::resize_column(key, n);
  std::vector<char> chunk_sorted(threads, 1);
  detail::run_chunks(threads, threads, [&](std::size_t c) {
    for (std::size_t r = first_row(c); r < first_row(c + 1); ++r) {
      const std::uint64_t k =
          (((static_cast<std::uint64_t>(p.indicator[r]) << area_bits) | static_cast<std::uint64_t>(p.area[r]))
           << year_bits) |
          static_cast<std::uint64_t>(std::int64_t{p.year[r]} - ymin);
      key[r] = packed ? (k << low) | r : k;
      if (r > first_row(c) && (key[r] >> low) < (key[r - 1] >> low)) chunk_sorted[c] = 0;
    }
  });
  bool sorted = std::all_of(chunk_sorted.begin(), chunk_sorted.end(), [](char s) { return s != 0; });
  for (unsigned c = 1; c < threads && sorted; ++c)
    sorted = (key[first_row(c) - 1] >> low) <= (key[first_row(c)] >> low);
  if (!sorted && packed) {
    detail::radix_sort(key, ix.order, low, low + bits, threads);  // ix.order empty: the keys carry the rows
  } else if (!sorted) {
    detail::resize_column(ix.order, n);
    for (std::size_t r = 0; r < n; ++r) ix.order[r] = r;
    detail::radix_sort(key, ix.order, 0, bits, threads);
  }
  const unsigned series_shift = low + year_bits;
  ix.start.push_back(0);
  for (std::size_t i = 1; i < n; ++i)
    if ((key[i] >> series_shift) != (key[i - 1] >> series_shift)) ix.start.push_back(i);
  ix.start.push_back(n);

  if (ix.order.empty()) detail::read_rows(key, packed ? (std::uint64_t{1} << low) - 1 : 0, threads, ix.order);
  return ix;
}

}  // namespace

panel_index index_panel(const panel& p) { return index_rows(p, nullptr); }

panel_index detail::index_panel_and_series_starts(const panel& p, std::vector<std::uint32_t>& series_starts) {
  series_starts.clear();
  return index_rows(p, &series_starts);
}

}  // namespace chitieu

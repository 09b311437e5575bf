/// @file duplicate_rows.hpp
/// @brief The rows of a panel repeating an earlier row's indicator × area × year, found with a
/// bitmap of the key space (one sequential pass) instead of a sort.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>

#include "row_label.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// Each row r (ascending) whose indicator, area and year an earlier row already has, paired with
/// the latest such earlier row q: {r, q}. The codes must be checked (check_panel_shape). When the
/// key space (indicators × areas × years spanned) is at most 16 bits a row, the keys are marked in
/// a bitmap; otherwise the panel is indexed (sorted) instead. Both give the same pairs.
inline std::vector<std::pair<std::size_t, std::size_t>> duplicate_rows(const panel& obs) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::size_t n = obs.size();
  if (n < 2) return out;
  const auto [lo, hi] = std::minmax_element(obs.year.begin(), obs.year.end());
  const std::uint64_t years = static_cast<std::uint64_t>(std::int64_t{*hi} - *lo) + 1;
  const std::uint64_t areas = std::max<std::size_t>(obs.area_ids.size(), 1);
  const std::uint64_t limit = std::max<std::uint64_t>(std::uint64_t{16} * n, std::uint64_t{1} << 20);
  const std::uint64_t indicators = std::max<std::size_t>(obs.indicator_ids.size(), 1);
  const std::uint64_t per_indicator = areas * years;  // < 2^31 · 2^32: no overflow
  if (per_indicator > limit / indicators) {
    const panel_index ix = index_panel(obs);
    for (std::size_t s = 0; s < ix.series_count(); ++s)
      for (std::size_t i = ix.start[s] + 1; i < ix.start[s + 1]; ++i)
        if (obs.year[ix.order[i]] == obs.year[ix.order[i - 1]])
          out.emplace_back(ix.order[i], ix.order[i - 1]);
    std::sort(out.begin(), out.end());
    return out;
  }
  const std::int64_t y0 = *lo;
  const auto key = [&](std::size_t r) {
    return (static_cast<std::uint64_t>(obs.indicator[r]) * areas + static_cast<std::uint64_t>(obs.area[r])) *
               years +
           static_cast<std::uint64_t>(std::int64_t{obs.year[r]} - y0);
  };
  std::vector<std::uint64_t> seen(per_indicator * indicators / 64 + 1, 0);
  std::vector<std::size_t> repeated;  // rows whose key was seen before
  for (std::size_t r = 0; r < n; ++r) {
    const std::uint64_t k = key(r), bit = std::uint64_t{1} << (k % 64);
    if (seen[k / 64] & bit) repeated.push_back(r);
    seen[k / 64] |= bit;
  }
  if (repeated.empty()) return out;
  // Rare path: the latest earlier row of each repeated key, in one more pass.
  std::unordered_map<std::uint64_t, std::size_t> last;
  for (const std::size_t r : repeated) last.emplace(key(r), n);
  std::size_t next = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const auto it = last.find(key(r));
    if (it == last.end()) continue;
    if (next < repeated.size() && repeated[next] == r) {
      out.emplace_back(r, it->second);
      ++next;
    }
    it->second = r;
  }
  return out;
}

/// The error for a row (1-based `line`, labelled `label`) repeating the indicator, area and year
/// of row `first_line`: every check of duplicate rows words it so.
inline error duplicate_row_error(const std::string& label, long line, long first_line) {
  return error(label + ": duplicate of row " + std::to_string(first_line) +
                   "; give one row per indicator × area × year",
               {}, line, "year", 0, first_line);
}

/// Throws duplicate_row_error() for the first row, in row order, of duplicate_rows(obs), if any.
inline void check_unique_rows(const panel& obs) {
  const auto repeats = duplicate_rows(obs);
  if (repeats.empty()) return;
  const auto [r, q] = repeats.front();
  throw duplicate_row_error(row_label(obs, r), static_cast<long>(r + 1), static_cast<long>(q + 1));
}

}  // namespace chitieu::detail

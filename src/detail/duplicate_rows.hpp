/// @file duplicate_rows.hpp
/// @brief The rows of a panel repeating an earlier row's indicator × area × year, found with a
/// bitmap of the key space (one sequential pass) instead of a sort.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>

#include "row_label.hpp"
#include "value_range.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// The keys indicator × area × year of a panel's rows, numbered densely with the rows of one area
/// and year side by side: key = (area × years + year − first_year) × indicators + indicator, for
/// years first_year .. first_year + years − 1. The codes must be checked (check_panel_shape).
struct row_key_space {
  std::uint64_t indicators = 1;  ///< indicator codes (at least 1)
  std::uint64_t areas = 1;       ///< area codes (at least 1)
  std::uint64_t years = 1;       ///< years spanned
  std::int64_t first_year = 0;   ///< the first year spanned
  /// True when a bitmap of the keys takes at most 16 bits a row (or 2^20 bits in all).
  bool fits_bitmap = false;

  /// The keys of one indicator code.
  std::uint64_t per_indicator() const noexcept { return areas * years; }
  /// The key of row r of `obs` among the keys of `of` indicators, its indicator numbered
  /// `indicator` of them (its code, or its place in a share of the codes).
  std::uint64_t key(const panel& obs, std::size_t r, std::uint64_t indicator,
                    std::uint64_t of) const noexcept {
    return (static_cast<std::uint64_t>(obs.area[r]) * years +
            static_cast<std::uint64_t>(std::int64_t{obs.year[r]} - first_year)) *
               of +
           indicator;
  }
};

/// The key space of the n ≥ 1 rows of `obs`, whose years run from `lo` to `hi`.
inline row_key_space key_space_of(const panel& obs, std::int32_t lo, std::int32_t hi) {
  row_key_space k;
  k.years = static_cast<std::uint64_t>(std::int64_t{hi} - lo) + 1;
  k.areas = std::max<std::size_t>(obs.area_ids.size(), 1);
  k.indicators = std::max<std::size_t>(obs.indicator_ids.size(), 1);
  k.first_year = lo;
  const std::uint64_t limit = std::max<std::uint64_t>(std::uint64_t{16} * obs.size(), std::uint64_t{1} << 20);
  k.fits_bitmap = k.per_indicator() <= limit / k.indicators;  // < 2^31 · 2^32: no overflow
  return k;
}

/// Each row r (ascending) whose indicator, area and year an earlier row already has, paired with
/// the latest such earlier row q: {r, q}. The codes must be checked (check_panel_shape). When the
/// key space fits a bitmap (row_key_space::fits_bitmap) the keys are marked in one; otherwise the
/// panel is indexed (sorted) instead. Both give the same pairs.
inline std::vector<std::pair<std::size_t, std::size_t>> duplicate_rows(const panel& obs) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::size_t n = obs.size();
  if (n < 2) return out;
  const auto [lo, hi] = value_range(obs.year);
  const row_key_space space = key_space_of(obs, lo, hi);
  if (!space.fits_bitmap) {
    const panel_index ix = index_panel(obs);
    for (std::size_t s = 0; s < ix.series_count(); ++s)
      for (std::size_t i = ix.start[s] + 1; i < ix.start[s + 1]; ++i)
        if (obs.year[ix.order[i]] == obs.year[ix.order[i - 1]])
          out.emplace_back(ix.order[i], ix.order[i - 1]);
    std::sort(out.begin(), out.end());
    return out;
  }
  const auto key = [&](std::size_t r) {
    return space.key(obs, r, static_cast<std::uint64_t>(obs.indicator[r]), space.indicators);
  };
  std::vector<std::uint64_t> seen(space.per_indicator() * space.indicators / 64 + 1, 0);
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

/// @file panel_room.hpp
/// @brief Copies of a panel with room for the parent rows a roll-up appends: the columns are
/// written once, instead of copied and then moved again when the roll-up grows them.
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/panel.hpp>
#include "column_storage.hpp"
#include "columns_of.hpp"
#include "value_range.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace chitieu::detail {

/// Room to make for the parent rows a roll-up appends to a panel of `rows` rows: at most one per
/// parent area × indicator × year of the data's span. 0 when that bound exceeds `rows` (an area
/// table far larger than the data): the roll-up then grows the columns itself.
inline std::size_t parent_room(std::size_t rows, std::size_t parents, std::size_t indicators,
                               std::size_t span) noexcept {
  if (parents == 0 || indicators == 0 || span == 0) return 0;
  if (parents > rows / indicators / span) return 0;  // the bound exceeds rows (no overflow)
  return parents * indicators * span;
}

/// The number of distinct areas named as some area's parent.
inline std::size_t parent_count(const area_table& areas) {
  std::unordered_set<std::string> parents;
  for (const area& a : areas.areas())
    if (!a.parent.empty()) parents.insert(a.parent);
  return parents.size();
}

/// parent_room() of a panel rolled up over `areas`.
inline std::size_t parent_row_bound(const panel& obs, const area_table& areas) {
  if (obs.size() == 0) return 0;
  const auto [lo, hi] = value_range(obs.year);
  const auto span = static_cast<std::size_t>(std::int64_t{hi} - lo + 1);
  return parent_room(obs.size(), parent_count(areas), obs.indicator_ids.size(), span);
}

/// The columns of a panel (indicator, area, year, value, numerator, denominator, weight, se,
/// coverage), numbered 0–8 for copy_column().
inline constexpr std::size_t panel_columns = 9;

/// Gives every column of `out` room for `room` rows (as reserve_column() gives storage). Reserved by
/// the calling thread, the columns then take their rows from any thread without allocating: the
/// memory always comes from the caller's allocator arena, whichever thread copies.
inline void reserve_columns(panel& out, std::size_t room) {
  for_each_column(out, [room](auto& column) { reserve_column(column, room); });
}

/// Copies column `column` (0 ≤ column < panel_columns) of `obs` into the same column of `out`,
/// which gets room for `room` rows first. Columns copy independently (a thread each may copy one).
inline void copy_column(panel& out, const panel& obs, std::size_t column, std::size_t room) {
  const auto copy = [room](auto& dst, const auto& src) {
    reserve_column(dst, room);
    dst.assign(src.begin(), src.end());
  };
  switch (column) {
    case 0: copy(out.indicator, obs.indicator); break;
    case 1: copy(out.area, obs.area); break;
    case 2: copy(out.year, obs.year); break;
    case 3: copy(out.value, obs.value); break;
    case 4: copy(out.numerator, obs.numerator); break;
    case 5: copy(out.denominator, obs.denominator); break;
    case 6: copy(out.weight, obs.weight); break;
    case 7: copy(out.se, obs.se); break;
    default: copy(out.coverage, obs.coverage);
  }
}

/// A panel with the dictionaries of `obs` and no rows yet.
inline panel with_dictionaries_of(const panel& obs) {
  panel out;
  out.indicator_ids = obs.indicator_ids;
  out.area_ids = obs.area_ids;
  return out;
}

/// A copy of `obs` whose columns have room for `extra` more rows.
inline panel copy_with_room(const panel& obs, std::size_t extra) {
  panel out = with_dictionaries_of(obs);
  for (std::size_t column = 0; column < panel_columns; ++column)
    copy_column(out, obs, column, obs.size() + extra);
  return out;
}

}  // namespace chitieu::detail

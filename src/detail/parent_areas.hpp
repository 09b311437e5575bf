/// @file parent_areas.hpp
/// @brief Internals of the roll-up (namespace chitieu::detail::areas): area-table positions and the
/// areas that are a parent of some area, whose rows a roll-up in parts carries to its finish.
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>

#include "row_label.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace chitieu::detail::areas {

/// The area table on positions: each id's position, each position's parent and parent slot.
struct parent_areas {
  std::unordered_map<std::string, std::int32_t> position;  ///< area id → position in the table
  std::vector<std::int32_t> parent;                        ///< per position: its parent's position, or -1
  std::vector<std::int32_t> slot;  ///< per position: its place among the parent areas, or -1
  std::vector<std::string> ids;    ///< the parent areas (the areas some area names as parent), table order
};

/// The positions and parent areas of a table.
inline parent_areas parent_areas_of(const area_table& areas) {
  const auto& table = areas.areas();
  parent_areas out;
  for (std::size_t i = 0; i < table.size(); ++i)
    out.position.emplace(table[i].id, static_cast<std::int32_t>(i));
  out.parent.assign(table.size(), -1);
  out.slot.assign(table.size(), -1);
  for (std::size_t i = 0; i < table.size(); ++i)
    if (!table[i].parent.empty()) out.parent[i] = out.position.at(table[i].parent);
  for (const std::int32_t q : out.parent)
    if (q >= 0) out.slot[static_cast<std::size_t>(q)] = 0;
  for (std::size_t i = 0; i < table.size(); ++i)
    if (out.slot[i] == 0) {
      out.slot[i] = static_cast<std::int32_t>(out.ids.size());
      out.ids.push_back(table[i].id);
    }
  return out;
}

/// The table position of each area code of `obs`; throws chitieu::error (line = row + 1) for the
/// first row whose area the table does not know.
inline std::vector<std::int32_t> positions_of_codes(const panel& obs, const parent_areas& links) {
  std::vector<std::int32_t> pos(obs.area_ids.size(), -1);
  for (std::size_t c = 0; c < obs.area_ids.size(); ++c) {
    const auto it = links.position.find(obs.area_ids[c]);
    if (it != links.position.end()) pos[c] = it->second;
  }
  if (std::find(pos.begin(), pos.end(), -1) == pos.end()) return pos;  // every code known: no row to blame
  for (std::size_t r = 0; r < obs.size(); ++r)
    if (pos[static_cast<std::size_t>(obs.area[r])] < 0)
      throw error("unknown area (" + row_label(obs, r) + "); expected an id of the area table", {},
                  static_cast<long>(r + 1), "area");
  return pos;
}

/// Per area code of `obs`: 1 when the area is a parent area (its rows go to the finish), else 0.
inline std::vector<char> parent_area_codes(const panel& obs, const parent_areas& links) {
  const auto pos = positions_of_codes(obs, links);
  std::vector<char> out(pos.size());
  for (std::size_t c = 0; c < pos.size(); ++c)
    out[c] = pos[c] >= 0 && links.slot[static_cast<std::size_t>(pos[c])] >= 0;  // -1: a code no row uses
  return out;
}

}  // namespace chitieu::detail::areas

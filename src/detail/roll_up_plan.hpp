/// @file roll_up_plan.hpp
/// @brief Internals of roll_up (namespace chitieu::detail::areas): the hierarchy of each year on
/// integer area positions.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/date.hpp>
#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/plan.hpp>
#include "areas_combine.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu::detail::areas {

/// The hierarchy of one day on area-table positions.
struct hierarchy {
  std::vector<std::int32_t> parent;    ///< per position: parent position on the day, or -1
  std::vector<std::int32_t> children;  ///< per position: number of children on the day
  std::vector<std::int32_t> order;     ///< positions with children, deepest first, then table order
};

/// The units valid on `d`, their parent links (both ends valid) and the parents in processing order.
inline hierarchy hierarchy_on(const area_table& areas, const std::vector<std::int32_t>& parent_pos,
                              const date& d) {
  const auto& all = areas.areas();
  const std::size_t n = all.size();
  hierarchy h;
  h.parent.assign(n, -1);
  h.children.assign(n, 0);
  std::vector<char> valid(n);
  for (std::size_t i = 0; i < n; ++i) valid[i] = all[i].valid_on(d) ? 1 : 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t p = parent_pos[i];
    if (valid[i] && p >= 0 && valid[static_cast<std::size_t>(p)]) {
      h.parent[i] = p;
      ++h.children[static_cast<std::size_t>(p)];
    }
  }
  std::vector<std::pair<int, std::int32_t>> parents;  // (-depth, position) in table order
  for (std::size_t i = 0; i < n; ++i) {
    if (!h.children[i]) continue;
    int depth = 0;
    for (std::int32_t a = h.parent[i]; a >= 0; a = h.parent[static_cast<std::size_t>(a)]) ++depth;
    parents.emplace_back(-depth, static_cast<std::int32_t>(i));
  }
  std::stable_sort(parents.begin(), parents.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& p : parents) h.order.push_back(p.second);
  return h;
}

}  // namespace chitieu::detail::areas

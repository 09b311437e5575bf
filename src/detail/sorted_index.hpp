/// @file sorted_index.hpp
/// @brief Lookup by id in a vector of (id, value) pairs sorted by id: the indexes area_table and
/// crosswalk keep (a sorted vector keeps <unordered_map> out of the public headers).
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// The value stored under `id` in `index` (sorted by id, ids unique), or nullptr.
template <class Value>
const Value* find_sorted(const std::vector<std::pair<std::string, Value>>& index, const std::string& id) {
  const auto it = std::lower_bound(
      index.begin(), index.end(), id,
      [](const std::pair<std::string, Value>& e, const std::string& k) { return e.first < k; });
  return it != index.end() && it->first == id ? &it->second : nullptr;
}

}  // namespace chitieu::detail

/// @file plan_lookup.hpp
/// @brief Maps a panel's indicator codes to the plan's indicators.
#pragma once

#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace chitieu::detail {

/// For each indicator code of the panel: the plan indicator with that id, or nullptr.
inline std::vector<const indicator*> plan_indicators_of_codes(const plan& p, const panel& obs) {
  std::unordered_map<std::string, const indicator*> by_id;
  by_id.reserve(p.indicators.size());
  for (const auto& ind : p.indicators) by_id.emplace(ind.id, &ind);
  std::vector<const indicator*> of_code(obs.indicator_ids.size(), nullptr);
  for (std::size_t c = 0; c < obs.indicator_ids.size(); ++c) {
    const auto it = by_id.find(obs.indicator_ids[c]);
    if (it != by_id.end()) of_code[c] = it->second;
  }
  return of_code;
}

/// The message for an indicator id that the plan does not define, listing the valid ids.
inline std::string unknown_indicator_message(const plan& p, const std::string& id) {
  std::string msg = "indicator '" + id + "' is not in plan '" + p.id + "'; expected one of";
  for (const auto& ind : p.indicators) msg += " " + ind.id;
  return msg;
}

}  // namespace chitieu::detail

/// @file plan_lookup.hpp
/// @brief Maps a panel's indicator codes to the plan's indicators.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include "row_label.hpp"

#include <algorithm>
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

/// The error for panel row r, whose indicator the plan does not define: every path that looks an
/// indicator up reports it so (line = row + 1, field "indicator").
inline error unknown_indicator_error(const plan& p, const panel& obs, std::size_t r) {
  return error(
      row_label(obs, r) + ": " +
          unknown_indicator_message(p, obs.indicator_ids[static_cast<std::size_t>(obs.indicator[r])]),
      {}, static_cast<long>(r + 1), "indicator");
}

/// plan_indicators_of_codes() when every indicator of the panel's dictionary is in the plan;
/// otherwise throws unknown_indicator_error() for the first row whose indicator is not (or, for
/// an id no row uses, the same message without a row).
inline std::vector<const indicator*> plan_indicators_of_panel(const plan& p, const panel& obs) {
  auto of_code = plan_indicators_of_codes(p, obs);
  if (std::find(of_code.begin(), of_code.end(), nullptr) == of_code.end()) return of_code;  // no row to blame
  for (std::size_t r = 0; r < obs.size(); ++r)
    if (!of_code[static_cast<std::size_t>(obs.indicator[r])]) throw unknown_indicator_error(p, obs, r);
  for (std::size_t c = 0; c < of_code.size(); ++c)
    if (!of_code[c]) throw error(unknown_indicator_message(p, obs.indicator_ids[c]), {}, 0, "indicator");
  return of_code;
}

}  // namespace chitieu::detail

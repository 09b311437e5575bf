/// @file row_label.hpp
/// @brief How every message names a panel row (namespace chitieu::detail).
#pragma once

#include <chitieu/panel.hpp>

#include <cstddef>
#include <string>

namespace chitieu::detail {

/// "indicator 'x', area 'a', year 2021": a row as every message names it.
inline std::string row_label(const std::string& indicator, const std::string& area, int year) {
  return "indicator '" + indicator + "', area '" + area + "', year " + std::to_string(year);
}

/// row_label() of panel row r.
inline std::string row_label(const panel& obs, std::size_t r) {
  return row_label(obs.indicator_ids[static_cast<std::size_t>(obs.indicator[r])],
                   obs.area_ids[static_cast<std::size_t>(obs.area[r])], obs.year[r]);
}

}  // namespace chitieu::detail

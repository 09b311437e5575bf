/// @file observation_rows.hpp
/// @brief Internals of the observation checks (namespace chitieu::detail): the problems of one row.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include <cstddef>
#include <vector>

namespace chitieu::detail {

/// Collects the problems of one panel row whose indicator is known (appended to `out`).
void row_problems(const panel& obs, std::size_t r, const indicator& ind, std::vector<error>& out);

}  // namespace chitieu::detail

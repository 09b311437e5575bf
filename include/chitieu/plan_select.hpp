/// @file plan_select.hpp
/// @brief A plan restricted to some of its indicators (docs/your-data.md "A subset of indicators").
#pragma once

#include <chitieu/export.hpp>
#include <chitieu/plan.hpp>

#include <string>
#include <vector>

namespace chitieu {

/// The plan with only the indicators `ids` (in plan order) and the domains that hold them, so
/// that an evaluation and its summaries cover exactly that subset. Throws chitieu::error (field
/// "indicators") for an empty list, an id not in the plan (listing the plan's ids), or a
/// `part_of` indicator chosen without its whole (the whole is needed to check and share its
/// denominator).
CHITIEU_API plan select_indicators(const plan& p, const std::vector<std::string>& ids);

}  // namespace chitieu

/// @file plan_validate.hpp
/// @brief The consistency rules of a plan (docs/plan-format.md "Validation"): ids, references,
/// units against targets, aggregation rules and years.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/export.hpp>
#include <chitieu/plan.hpp>

#include <vector>

namespace chitieu {

/// Every problem of a plan, each a chitieu::error whose field names the key
/// (e.g. "indicators[edu_primary].target"); empty for a valid plan.
CHITIEU_API std::vector<error> plan_problems(const plan& p);

/// Throws the first problem of plan_problems(p); returns when the plan is valid.
CHITIEU_API void validate(const plan& p);

}  // namespace chitieu

/// @file chitieu.hpp
/// @brief Umbrella header: the public API of chitieu::chitieu and the value types it uses.
///
/// Everything public except <chitieu/projection.hpp> (the projection formulas of chitieu::core,
/// on Eigen and Boost.Math): include that header where its formulas are used.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/date.hpp>
#include <chitieu/direction.hpp>
#include <chitieu/error.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/finding.hpp>
#include <chitieu/geography.hpp>
#include <chitieu/memory_cache.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/phrase.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/plan_validate.hpp>
#include <chitieu/review.hpp>
#include <chitieu/roll_up.hpp>
#include <chitieu/status.hpp>
#include <chitieu/summary.hpp>
#include <chitieu/target.hpp>
#include <chitieu/unit.hpp>
#include <chitieu/version.hpp>

/// @file observations_check.hpp
/// @brief Validation of a panel of observations against a plan, and completion of ratio values.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/export.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include <vector>

namespace chitieu {

/// Every problem of a panel against a plan, ordered by row: an area id that breaks the area id
/// rule (area_id_problem()); an indicator not in the plan; a
/// duplicate indicator × area × year; a missing or infinite value where one is needed (a
/// qualitative row may omit its assessment, a rolled-up row with coverage may lack its value, a
/// ratio row may give numerator and denominator instead); a value outside its unit's domain
/// (never clamped); a boolean kind's value other than 0/1; a non-positive denominator, a negative
/// numerator, a numerator above its denominator for a percent; a value disagreeing with
/// numerator × factor / denominator by more than 1e-6 relative; a `part_of` indicator's value above
/// its whole's in the same area and year (at the part's row); a negative or infinite weight or
/// se; a coverage outside [0, 1]; a year outside [1900, 2100]. Each error has line = 1-based panel
/// row, field = column name, and a message naming indicator, area and year and what is valid.
/// Malformed columns (lengths, codes) throw instead, as in check_panel_shape().
CHITIEU_API std::vector<error> observation_problems(const plan& p, const panel& obs);

/// Throws the first of observation_problems() (by row), if any.
CHITIEU_API void check_observations(const plan& p, const panel& obs);

/// Fills value = numerator × ratio_factor(unit) / denominator where value is NaN and both are
/// given with a positive denominator (ratio rows). Throws chitieu::error for a row whose
/// indicator is not in the plan (its unit, hence its factor, is unknown).
CHITIEU_API void complete_values(const plan& p, panel& obs);

}  // namespace chitieu

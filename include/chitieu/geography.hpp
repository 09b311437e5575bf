/// @file geography.hpp
/// @brief Re-expressing every year on the units valid at one date (docs/aggregation.md "Geography").
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/date.hpp>
#include <chitieu/export.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

namespace chitieu {

/// Re-expresses every row on the units valid on `at`.
///
/// A row of a unit valid on `at` stays where it is. A row of any other unit flows to the units
/// its crosswalk chain reaches (only links dated on or before `at`; shares multiply along a
/// chain). For each indicator × successor × year, the rows arriving there combine by the
/// indicator's rule, each scaled by its share: `sum` scales values; `ratio` scales numerators
/// and denominators and recomputes value = Σ num × factor / Σ den (a row with value and
/// denominator but no numerator brings value × denominator / factor); `weighted_mean` scales
/// weights; `min`, `max`, `all`, `any` pass the value to every successor unscaled.
///
/// Coverage of a combined row = units of that year reaching the successor that reported /
/// units of that year (valid on its 31 December) reaching it; below the indicator's
/// min_coverage the value (and numerator, denominator, weight) is NaN with that coverage, never
/// a partial sum. A combination with no reporting row gives no row. A row that is the only one
/// a successor can receive in its year, with share 1 (a renamed unit, or a unit valid on `at`),
/// is carried over unchanged (numbers, se and coverage) under the successor's id. Combined rows
/// have se NaN: standard errors are not propagated across areas.
///
/// Errors (chitieu::error): an area the table does not know; an area with no successor valid on
/// `at` (a unit created after `at` cannot be mapped back); an indicator missing from the plan;
/// duplicate rows; a ratio row without denominator or a weighted_mean row without weight; an
/// indicator with rule `none` whose values would have to be split or combined.
CHITIEU_API panel reexpress(const plan& p, const panel& obs, const area_table& areas, const crosswalk& cw,
                            const date& at);

}  // namespace chitieu

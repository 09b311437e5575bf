/// @file roll_up_state.hpp
/// @brief A roll-up in parts (docs/aggregation.md "Roll-up in parts"): each part of the observations
/// gives a mergeable state, the states merge in any order, and one finish makes the parent rows.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/date.hpp>
#include <chitieu/export.hpp>
#include <chitieu/finding.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/roll_up.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chitieu {

/// The running sums of one parent × indicator × year: what its reporting children brought.
struct roll_up_cell {
  std::int64_t count = 0;  ///< reporting children added
  double a = 0.0;  ///< Σ v (sum), Σ numerators (ratio), Σ w (weighted_mean), min (min, all), max (max, any)
  double b = 0.0;  ///< Σ denominators (ratio), Σ w·v (weighted_mean), else 0
};

/// What some rows of the observations bring to a roll-up; states of disjoint rows merge.
///
/// The cells are dense: cell (slot, indicator, year) is at
/// `(slot × indicator_ids.size() + indicator) × years + (year − first_year)`, where slot is the
/// position in `parent_ids` and indicator the position in the plan. Its size is parents ×
/// indicators × years, whatever the number of rows. `own` holds every row of an area that is the
/// parent of some area of the table (its series is evaluated after the finish), with its
/// indicator coded by plan position. The other rows stay with their part: they are added to the
/// cell of their parent of the year and their series are evaluated there.
struct roll_up_state {
  std::vector<std::string> indicator_ids;  ///< the plan's indicators, in plan order
  std::vector<aggregate_rule> rules;       ///< the rule of each indicator
  std::vector<std::string> parent_ids;     ///< the areas of the table that are a parent of some area
  std::int32_t first_year = 0;             ///< the year of the first cell layer
  std::int32_t years = 0;                  ///< the number of year layers (0: no row yet)
  std::vector<roll_up_cell> cells;         ///< parents × indicators × years running sums
  panel own;                               ///< the rows of parent areas, unchanged
  std::vector<finding> findings;           ///< part_of findings among the rows of the other areas
};

/// The state of the rows of `obs`: checks them as roll_up() does (unknown areas or indicators,
/// duplicate rows, a ratio child without denominator, a weighted_mean child without weight,
/// all/any values other than 0/1; line = row + 1 of `obs`), adds each row of an area that is not
/// a parent that year to its parent's cell, keeps the rows of parent areas in `own` and finds the
/// part_of findings among the other rows. Every duplicate row, and every part and whole of the same
/// area and year, must be in the same `obs` (split the rows by indicator family × area).
/// `geography` set: every year on the units and parent links valid on that day.
CHITIEU_API roll_up_state roll_up_partial(const plan& p, const panel& obs, const area_table& areas,
                                          const std::optional<date>& geography = std::nullopt);

/// Adds `other` (of the same plan and area table, else chitieu::error) to `into`: cells merge by
/// rule, year ranges join, own rows and findings are appended. Associative and commutative up to the
/// rounding of sums and the order of own rows and findings.
CHITIEU_API void merge(roll_up_state& into, roll_up_state&& other);

/// The roll-up of the merged state of every row: the own rows (an own row without any number is
/// filled in by the aggregate) followed by one row per parent × indicator × year without an own
/// row where a child reported, as roll_up() (same rules, coverage, min_coverage, order of parents);
/// findings: own_vs_aggregate, then the state's part_of findings, then those among the rows
/// returned. Throws chitieu::error for a state of another plan or area table, duplicate own rows,
/// or denominators or weights summing to 0.
CHITIEU_API roll_up_result roll_up_finish(const plan& p, roll_up_state&& state, const area_table& areas,
                                          const std::optional<date>& geography = std::nullopt);

/// Removes from `obs` the rows that roll_up_partial() keeps in the state's `own` (the rows of an
/// area that is the parent of some area of the table): what is left are whole series evaluated
/// where they are.
CHITIEU_API void drop_parent_rows(panel& obs, const area_table& areas);

}  // namespace chitieu

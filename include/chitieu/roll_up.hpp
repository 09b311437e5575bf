/// @file roll_up.hpp
/// @brief Exact bottom-up aggregation through the area hierarchy (docs/aggregation.md).
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/date.hpp>
#include <chitieu/export.hpp>
#include <chitieu/finding.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include <optional>
#include <vector>

namespace chitieu {

/// The rows of a roll-up (input rows, then parent rows) and what it noticed.
struct roll_up_result {
  panel rows;                     ///< the input rows followed by one row per parent × indicator × year
  std::vector<finding> findings;  ///< own_vs_aggregate, part_exceeds_whole, part_denominator_differs
};

/// Options of roll_up().
struct roll_up_options {
  /// Every year on the units and parent links valid on this day (after reexpress to it); empty:
  /// each year on those of its 31 December.
  std::optional<date> geography;
  /// Threads sharing the rows (the result and the errors do not depend on it: each sum adds its rows
  /// in row order); 0: the hardware's concurrency, at most 8, and one thread per 65 536 rows at most.
  unsigned threads = 0;
};

/// Rolls every indicator up the area hierarchy, year by year on the units and parent links of
/// that year (valid on its 31 December), deepest parents first.
///
/// For each parent × indicator × year where at least one child reported, the parent gets a row
/// by the indicator's rule: `sum` Σ v; `ratio` Σ num × factor / Σ den (a child with value and
/// denominator but no numerator brings value × den / factor; the row keeps Σ num and Σ den);
/// `weighted_mean` Σ w·v / Σ w (the row keeps Σ w); `min`; `max`; `all` (1 iff every
/// reporting child is 1); `any`; `none` gives no parent row. Coverage = reporting children /
/// children; below the indicator's min_coverage the value is NaN (no_data) with that coverage.
/// A child reports when its value (or, for ratio, numerator and denominator) is present; a
/// child that is itself a parent reports through its own observation or its aggregate.
///
/// A parent's own observation wins: its row is kept unchanged (coverage stays NaN: an
/// observation is not an aggregate) and, when the aggregate differs, an `own_vs_aggregate`
/// finding is reported. An own row without any number (value NaN) is filled in by the aggregate. Then every
/// `part_of` indicator is compared with its whole in the same area and year (`part_exceeds_whole`,
/// `part_denominator_differs`).
///
/// Errors (chitieu::error): unknown areas or indicators, duplicate rows, a ratio child without
/// denominator, a weighted_mean child without weight, all/any values other than 0/1.
CHITIEU_API roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas);

/// As roll_up above, on a panel the caller gives away: its columns become the result's rows
/// (moved, not copied), so a large panel is not held twice.
CHITIEU_API roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas);

/// As roll_up, but every year uses the units and parent links valid on `geography` (after
/// reexpress to that date).
CHITIEU_API roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas,
                                   const date& geography);

/// As roll_up with a geography day, on a panel the caller gives away (moved into the result).
CHITIEU_API roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas,
                                   const date& geography);

/// As roll_up, with options: a geography day and the number of threads.
CHITIEU_API roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas,
                                   const roll_up_options& options);

/// As roll_up with options, on a panel the caller gives away (moved into the result).
CHITIEU_API roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas,
                                   const roll_up_options& options);

}  // namespace chitieu

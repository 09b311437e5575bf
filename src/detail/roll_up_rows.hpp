/// @file roll_up_rows.hpp
/// @brief Internals of the roll-up (namespace chitieu::detail::areas): the one pass over the rows that
/// adds each row to its parent's cell, shared among threads by indicator so that every cell sums its
/// rows in row order whatever the number of threads.
#pragma once

#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include "areas_combine.hpp"

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace chitieu::detail::areas {

/// A row of an area with no parent that year (or of a parent area with no parent): it adds to no cell.
inline constexpr std::int32_t adds_nowhere = -1;
/// A row of an area that is a parent that year and has a parent: it waits for the finish (as an own
/// row), and is checked where its row number is known.
inline constexpr std::int32_t waits_for_finish = -2;

/// Rows per thread below which another thread does not pay (roll_up_options::threads).
inline constexpr std::size_t rows_per_thread = std::size_t{1} << 16;

/// What the pass needs to know of the plan, the areas and the years.
struct row_routes {
  std::int32_t first_year = 0;  ///< the year of the first cell layer
  std::size_t years = 0;        ///< the cell layers (years spanned)
  std::size_t indicators = 0;   ///< the plan's indicators (cells per parent and year)
  std::size_t parents = 0;      ///< the parent areas (slots)
  /// Per year layer (empty when no row has that year), per area code of the panel: the slot of the
  /// parent whose cell the row adds to, adds_nowhere or waits_for_finish.
  std::vector<std::vector<std::int32_t>> to;
  std::vector<char> own;                ///< per area code: 1 for a parent area (its rows are own rows)
  std::vector<const indicator*> inds;   ///< per indicator code: the plan's indicator
  std::vector<std::int32_t> plan_code;  ///< per indicator code: the indicator's position in the plan
};

/// What the pass gives: the running sums of every cell and the rows of parent areas.
struct row_sums {
  /// Cell (slot, plan position k, year layer yi) at (slot × indicators + k) × years + yi.
  std::vector<running_sums> sums;
  std::vector<std::size_t> own_rows;  ///< the rows of parent areas, ascending
};

/// Independent tasks the pass's threads take one at a time once their share of the rows is done (the
/// copy of a kept panel, a column a task), so that a thread the machine holds back leaves them to
/// the others.
struct side_tasks {
  std::size_t count = 0;                 ///< tasks 0 .. count − 1
  std::function<void(std::size_t)> run;  ///< runs task i
  std::atomic<std::size_t> next{0};      ///< the next task not yet taken

  /// Runs the tasks not yet taken until none is left.
  void drain() {
    for (std::size_t i = next++; i < count; i = next++) run(i);
  }
};

/// An own row without any number: it is no observation, the aggregate fills it in.
inline bool fillable(const panel& rows, std::size_t r) {
  return std::isnan(rows.value[r]) && (std::isnan(rows.numerator[r]) || std::isnan(rows.denominator[r]));
}

/// Adds every row of `obs` (checked codes; every area known) to the cell of its parent of the year by
/// its indicator's rule, and collects the rows of parent areas. `threads` (0: the hardware's) share
/// the indicators; the sums do not depend on their number. Finds duplicate rows on the way when their
/// key space fits a bitmap (else the caller checks them first). Throws what a sequential pass would:
/// the first duplicate row (check_unique_rows), else the error of the first row in row order that
/// cannot report (reports()). `alongside` set: each thread then drains it (see side_tasks).
row_sums add_rows(const panel& obs, const row_routes& routes, unsigned threads,
                  side_tasks* alongside = nullptr);

}  // namespace chitieu::detail::areas

/// @file roll_up.cpp
/// @brief roll_up(): the roll-up in parts (roll_up_state.hpp) on the whole panel, in one part.
#include <chitieu/roll_up.hpp>
#include <chitieu/roll_up_state.hpp>

#include "detail/areas_combine.hpp"
#include "detail/column_storage.hpp"
#include "detail/panel_room.hpp"
#include "detail/roll_up_partial.hpp"
#include "detail/roll_up_rows.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {
namespace detail::areas {
namespace {

/// The roll-up of the whole panel `obs` on `threads` threads: roll_up_partial() of all its rows, then
/// roll_up_finish(). `rows` (`obs` itself, or its copy being made by `copy`'s tasks, which the pass's
/// threads take once their share is done) becomes the result's rows: the finished own rows go back to
/// their places and the parent rows are appended, so the rows are the input rows followed by the
/// parent rows.
roll_up_result roll_up_on(const plan& p, const panel& obs, panel& rows, const area_table& areas,
                          const std::optional<date>& geography, unsigned threads, side_tasks* copy) {
  std::vector<std::size_t> own_rows;
  roll_up_state state = roll_up_partial_on(p, obs, areas, geography, threads, &own_rows, copy);
  if (copy) copy->drain();  // the columns the threads left (all of them when the pass had no rows)
  const std::size_t n_own = own_rows.size();
  roll_up_result res = roll_up_finish(p, std::move(state), areas, geography);
  const panel& done = res.rows;
  std::vector<std::int32_t> code_of_plan(p.indicators.size(), -1);  // plan position → code of rows
  for (std::size_t c = 0; c < rows.indicator_ids.size(); ++c)
    for (std::size_t k = 0; k < p.indicators.size(); ++k)
      if (p.indicators[k].id == rows.indicator_ids[c]) code_of_plan[k] = static_cast<std::int32_t>(c);
  // The own rows were taken in row order from the rows of parent areas: they go back there.
  for (std::size_t own = 0; own < n_own; ++own) {
    const std::size_t r = own_rows[own];
    rows.value[r] = done.value[own];
    rows.numerator[r] = done.numerator[own];
    rows.denominator[r] = done.denominator[own];
    rows.weight[r] = done.weight[own];
    rows.coverage[r] = done.coverage[own];
  }
  if (done.size() == n_own) {
    res.rows = std::move(rows);
    return res;
  }
  reserve_columns(rows, rows.size() + done.size() - n_own);
  std::unordered_map<std::string, std::int32_t> area_codes;
  for (std::size_t a = 0; a < rows.area_ids.size(); ++a)
    area_codes.emplace(rows.area_ids[a], static_cast<std::int32_t>(a));
  std::vector<std::int32_t> code_of_done(done.area_ids.size(), -1);  // area code of done → code of rows
  for (std::size_t r = n_own; r < done.size(); ++r) {
    std::int32_t& area = code_of_done[static_cast<std::size_t>(done.area[r])];
    if (area < 0) area = area_code(rows, area_codes, done.area_ids[static_cast<std::size_t>(done.area[r])]);
    append_row(rows, code_of_plan[static_cast<std::size_t>(done.indicator[r])], area, done.year[r],
               combined{done.value[r], done.numerator[r], done.denominator[r], done.weight[r]}, done.se[r],
               done.coverage[r]);
  }
  res.rows = std::move(rows);
  return res;
}

/// roll_up() of a panel the caller keeps: its copy (with room for the parent rows) is made a column a
/// task on the threads of the pass over the rows, which reads `obs` itself meanwhile. (Here, not in a
/// header, so that the library exports no thread or function type of a detail lambda.)
roll_up_result roll_up_copy(const plan& p, const panel& obs, const area_table& areas,
                            const roll_up_options& options) {
  panel rows = with_dictionaries_of(obs);
  const std::size_t room = obs.size() + parent_row_bound(obs, areas);
  reserve_columns(rows, room);  // here: the copying threads allocate nothing
  side_tasks copy;
  copy.count = panel_columns;
  copy.run = [&](std::size_t column) { copy_column(rows, obs, column, room); };
  return roll_up_on(p, obs, rows, areas, options.geography, options.threads, &copy);
}

}  // namespace
}  // namespace detail::areas

roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas) {
  return roll_up(p, obs, areas, roll_up_options{});
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas) {
  return roll_up(p, std::move(obs), areas, roll_up_options{});
}

roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas, const date& geography) {
  return roll_up(p, obs, areas, roll_up_options{geography});
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas, const date& geography) {
  return roll_up(p, std::move(obs), areas, roll_up_options{geography});
}

roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas,
                       const roll_up_options& options) {
  return detail::areas::roll_up_copy(p, obs, areas, options);
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas, const roll_up_options& options) {
  return detail::areas::roll_up_on(p, obs, obs, areas, options.geography, options.threads, nullptr);
}

}  // namespace chitieu

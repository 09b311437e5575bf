/// @file roll_up.cpp
/// @brief roll_up(): the roll-up in parts (roll_up_state.hpp) on the whole panel, in one part.
#include <chitieu/roll_up.hpp>
#include <chitieu/roll_up_state.hpp>

#include "detail/areas_combine.hpp"
#include "detail/huge_pages.hpp"
#include "detail/panel_room.hpp"
#include "detail/parallel.hpp"
#include "detail/roll_up_partial.hpp"
#include "detail/roll_up_rows.hpp"

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {
namespace detail::areas {
namespace {

/// The roll-up of the whole panel on `threads` threads: roll_up_partial() of all its rows, then
/// roll_up_finish(). `obs` becomes the result's rows (moved, not copied): the finished own rows go back
/// to their places and the parent rows are appended, so the rows are the input rows followed by the
/// parent rows.
roll_up_result roll_up_on(const plan& p, panel obs, const area_table& areas,
                          const std::optional<date>& geography, unsigned threads) {
  std::vector<std::size_t> own_rows;
  roll_up_state state = roll_up_partial_on(p, obs, areas, geography, threads, &own_rows);
  const std::size_t n_own = own_rows.size();
  roll_up_result res = roll_up_finish(p, std::move(state), areas, geography);
  const panel& done = res.rows;
  std::vector<std::int32_t> code_of_plan(p.indicators.size(), -1);  // plan position → code of obs
  for (std::size_t c = 0; c < obs.indicator_ids.size(); ++c)
    for (std::size_t k = 0; k < p.indicators.size(); ++k)
      if (p.indicators[k].id == obs.indicator_ids[c]) code_of_plan[k] = static_cast<std::int32_t>(c);
  // The own rows were taken in row order from the rows of parent areas: they go back there.
  for (std::size_t own = 0; own < n_own; ++own) {
    const std::size_t r = own_rows[own];
    obs.value[r] = done.value[own];
    obs.numerator[r] = done.numerator[own];
    obs.denominator[r] = done.denominator[own];
    obs.weight[r] = done.weight[own];
    obs.coverage[r] = done.coverage[own];
  }
  if (done.size() == n_own) {
    res.rows = std::move(obs);
    return res;
  }
  const std::size_t total = obs.size() + done.size() - n_own;
  const auto reserve = [total](auto& column) { reserve_huge(column, total); };
  reserve(obs.indicator);
  reserve(obs.area);
  reserve(obs.year);
  reserve(obs.value);
  reserve(obs.numerator);
  reserve(obs.denominator);
  reserve(obs.weight);
  reserve(obs.se);
  reserve(obs.coverage);
  std::unordered_map<std::string, std::int32_t> area_codes;
  for (std::size_t a = 0; a < obs.area_ids.size(); ++a)
    area_codes.emplace(obs.area_ids[a], static_cast<std::int32_t>(a));
  std::vector<std::int32_t> code_of_done(done.area_ids.size(), -1);  // area code of done → code of obs
  for (std::size_t r = n_own; r < done.size(); ++r) {
    std::int32_t& area = code_of_done[static_cast<std::size_t>(done.area[r])];
    if (area < 0) area = area_code(obs, area_codes, done.area_ids[static_cast<std::size_t>(done.area[r])]);
    append_row(obs, code_of_plan[static_cast<std::size_t>(done.indicator[r])], area, done.year[r],
               combined{done.value[r], done.numerator[r], done.denominator[r], done.weight[r]}, done.se[r],
               done.coverage[r]);
  }
  res.rows = std::move(obs);
  return res;
}

/// A copy of `obs` with room for the parent rows, its columns copied on `threads` threads: each takes
/// the next column not yet taken, so a thread the machine holds back leaves its columns to the others
/// (here, not in the header, so that the library exports no thread of a detail type).
panel copy_for_roll_up(const panel& obs, const area_table& areas, unsigned threads) {
  panel out = with_dictionaries_of(obs);
  const std::size_t room = obs.size() + parent_row_bound(obs, areas);
  const unsigned used = thread_count(threads, obs.size(), rows_per_thread);
  std::atomic<std::size_t> next{0};
  run_chunks(used, used, [&](std::size_t) {
    for (std::size_t column = next++; column < panel_columns; column = next++)
      copy_column(out, obs, column, room);
  });
  return out;
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
  return detail::areas::roll_up_on(p, detail::areas::copy_for_roll_up(obs, areas, options.threads), areas,
                                   options.geography, options.threads);
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas, const roll_up_options& options) {
  return detail::areas::roll_up_on(p, std::move(obs), areas, options.geography, options.threads);
}

}  // namespace chitieu

/// @file roll_up.cpp
/// @brief roll_up(): the roll-up in parts (roll_up_state.hpp) on the whole panel, in one part.
#include <chitieu/roll_up.hpp>
#include <chitieu/roll_up_state.hpp>

#include "detail/areas_combine.hpp"
#include "detail/huge_pages.hpp"
#include "detail/panel_room.hpp"
#include "detail/parent_areas.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {
namespace detail::areas {
namespace {

/// The roll-up of the whole panel: roll_up_partial() of all its rows, then roll_up_finish(). `obs`
/// becomes the result's rows (moved, not copied): the finished own rows go back to their places and the
/// parent rows are appended, so the rows are the input rows followed by the parent rows.
roll_up_result roll_up_on(const plan& p, panel obs, const area_table& areas,
                          const std::optional<date>& geography) {
  roll_up_state state = roll_up_partial(p, obs, areas, geography);
  const std::size_t n_own = state.own.size();
  roll_up_result res = roll_up_finish(p, std::move(state), areas, geography);
  const panel& done = res.rows;
  std::vector<std::int32_t> code_of_plan(p.indicators.size(), -1);  // plan position → code of obs
  for (std::size_t c = 0; c < obs.indicator_ids.size(); ++c)
    for (std::size_t k = 0; k < p.indicators.size(); ++k)
      if (p.indicators[k].id == obs.indicator_ids[c]) code_of_plan[k] = static_cast<std::int32_t>(c);
  // The own rows were taken in row order from the rows of parent areas: they go back there.
  const auto parent_code = parent_area_codes(obs, parent_areas_of(areas));
  std::size_t own = 0;
  for (std::size_t r = 0; r < obs.size() && own < n_own; ++r) {
    if (!parent_code[static_cast<std::size_t>(obs.area[r])]) continue;
    obs.value[r] = done.value[own];
    obs.numerator[r] = done.numerator[own];
    obs.denominator[r] = done.denominator[own];
    obs.weight[r] = done.weight[own];
    obs.coverage[r] = done.coverage[own];
    ++own;
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
  for (std::size_t r = n_own; r < done.size(); ++r)
    append_row(obs, area_codes, code_of_plan[static_cast<std::size_t>(done.indicator[r])],
               done.area_ids[static_cast<std::size_t>(done.area[r])], done.year[r],
               combined{done.value[r], done.numerator[r], done.denominator[r], done.weight[r]}, done.se[r],
               done.coverage[r]);
  res.rows = std::move(obs);
  return res;
}

}  // namespace
}  // namespace detail::areas

roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas) {
  return detail::areas::roll_up_on(p, detail::copy_with_room(obs, detail::parent_row_bound(obs, areas)),
                                   areas, std::nullopt);
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas) {
  return detail::areas::roll_up_on(p, std::move(obs), areas, std::nullopt);
}

roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas, const date& geography) {
  return detail::areas::roll_up_on(p, detail::copy_with_room(obs, detail::parent_row_bound(obs, areas)),
                                   areas, geography);
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas, const date& geography) {
  return detail::areas::roll_up_on(p, std::move(obs), areas, geography);
}

}  // namespace chitieu

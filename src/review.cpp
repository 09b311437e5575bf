/// @file review.cpp
/// @brief review(): observations → geography → roll-up → evaluation, the panel moved through.
#include <chitieu/geography.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/review.hpp>
#include <chitieu/roll_up.hpp>

#include "detail/area_periods.hpp"
#include "detail/areas_combine.hpp"
#include "detail/row_label.hpp"
#include "detail/observation_rows.hpp"
#include "detail/panel_room.hpp"
#include "detail/plan_lookup.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

void check_observation_areas(const panel& obs, const area_table& areas) {
  // Per area code (not per row): known or not, and the years whose 31 December it is valid on.
  std::vector<std::pair<int, int>> span(obs.area_ids.size(), {1, 0});  // empty: unknown
  std::vector<char> known(obs.area_ids.size(), 0);
  for (std::size_t c = 0; c < obs.area_ids.size(); ++c)
    if (areas.contains(obs.area_ids[c])) {
      known[c] = 1;
      span[c] = detail::year_end_span(areas.at(obs.area_ids[c]));
    }
  for (std::size_t r = 0; r < obs.size(); ++r) {
    const auto c = static_cast<std::size_t>(obs.area[r]);
    if (known[c] && obs.year[r] >= span[c].first && obs.year[r] <= span[c].second) continue;
    const std::string& id = obs.area_ids[c];
    if (!known[c])
      throw error(detail::row_label(obs, r) + ": unknown area '" + id +
                      "'; expected an id of the area table" +
                      (areas.source().empty() ? std::string() : " (" + areas.source() + ")"),
                  {}, static_cast<long>(r + 1), "area");
    const area& a = areas.at(id);
    throw error(detail::row_label(obs, r) + ": area '" + id + "' is not a unit of " +
                    std::to_string(obs.year[r]) + " (valid " +
                    (a.valid_from ? a.valid_from->iso() : std::string("open")) + " to " +
                    (a.valid_to ? a.valid_to->iso() : std::string("open")) +
                    "; the units of a year are those valid on its 31 December)",
                {}, static_cast<long>(r + 1), "area");
  }
}

void check_and_complete(const plan& p, panel& obs) {
  throw_first_problem(observation_problems(p, obs));
  const auto of_code = detail::plan_indicators_of_codes(p, obs);  // every code known now
  std::vector<std::size_t> completed;
  for (std::size_t r = 0; r < obs.size(); ++r)
    if (std::isnan(obs.value[r]) && std::isfinite(obs.numerator[r]) && std::isfinite(obs.denominator[r]) &&
        obs.denominator[r] > 0.0)
      completed.push_back(r);
  complete_values(p, obs);
  std::vector<error> problems;
  for (const std::size_t r : completed)
    detail::row_problems(obs, r, *of_code[static_cast<std::size_t>(obs.indicator[r])], problems);
  throw_first_problem(problems);
}

review_result review(const plan& p, panel&& observations, const area_table* areas,
                     const crosswalk* cw, const review_options& options) {
  if (!options.checked) check_and_complete(p, observations);
  if (!areas) {
    if (options.geography)
      throw error("a geography date needs an area table (and a crosswalk)", {}, 0, "geography");
    return {evaluate(p, std::move(observations), options.evaluation), {}};
  }
  check_observation_areas(observations, *areas);
  if (options.geography) {
    const crosswalk none({}, *areas);
    observations = reexpress(p, observations, *areas, cw ? *cw : none, *options.geography);
  }
  roll_up_result rolled = options.geography ? roll_up(p, std::move(observations), *areas, *options.geography)
                                            : roll_up(p, std::move(observations), *areas);
  return {evaluate(p, std::move(rolled.rows), options.evaluation), std::move(rolled.findings)};
}

review_result review(const plan& p, const panel& observations, const area_table* areas,
                     const crosswalk* cw, const review_options& options) {
  return review(p, detail::copy_with_room(observations, areas ? detail::parent_row_bound(observations, *areas) : 0),
                areas, cw, options);
}

}  // namespace chitieu

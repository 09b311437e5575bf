/// @file review.cpp
/// @brief review(): observations → geography → roll-up → evaluation, the panel moved through.
#include <chitieu/area_codes.hpp>
#include <chitieu/geography.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/review.hpp>
#include <chitieu/roll_up.hpp>

#include "detail/area_periods.hpp"
#include "detail/areas_combine.hpp"
#include "detail/effective_value.hpp"
#include "detail/observation_rows.hpp"
#include "detail/panel_room.hpp"
#include "detail/parallel.hpp"
#include "detail/plan_lookup.hpp"
#include "detail/row_label.hpp"
#include "detail/row_screen.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

void check_observation_areas(const panel& obs, const area_table& areas) {
  throw_first_problem(observation_area_problems(obs, areas));
}

void check_and_complete(const plan& p, panel& obs) {
  throw_first_problem(observation_problems(p, obs));
  const auto of_code = detail::plan_indicators_of_codes(p, obs);  // every code known now
  const auto screens = detail::screens_of_codes(of_code);
  // Each value completed from its numerator and denominator (effective_value) is checked as a
  // value: the rest of its row passed above, and the value agrees with its ratio exactly, so
  // row_problems() can only object to a value the screen does not accept.
  throw_first_problem(
      detail::collect_over_rows<error>(obs.size(), [&](std::size_t r, std::vector<error>& found) {
        if (!std::isnan(obs.value[r])) return;
        const auto code = static_cast<std::size_t>(obs.indicator[r]);
        const double v = detail::effective_value(obs, r, of_code[code]->unit);
        if (std::isnan(v)) return;  // no ratio to complete it from
        obs.value[r] = v;
        if (!detail::value_passes(v, screens[code])) detail::row_problems(obs, r, *of_code[code], found);
      }));
}

review_result review(const plan& p, panel&& observations, const review_options& options,
                     evaluation&& recycle) {
  if (!options.checked) check_and_complete(p, observations);
  evaluate_options checked = options.evaluation;
  checked.checked = true;  // the observations were checked; the roll-up's rows derive from them
  if (!options.areas) {
    if (options.geography)
      throw error("a geography date needs an area table (and a crosswalk)", {}, 0, "geography");
    return {evaluate(p, std::move(observations), checked, std::move(recycle)), {}};
  }
  const area_table& areas = *options.areas;
  check_observation_areas(observations, areas);
  if (options.geography) {
    const crosswalk none({}, areas);
    observations = reexpress(p, observations, areas, options.crosswalk ? options.crosswalk->get() : none,
                             *options.geography);
  }
  roll_up_result rolled = options.geography ? roll_up(p, std::move(observations), areas, *options.geography)
                                            : roll_up(p, std::move(observations), areas);
  return {evaluate(p, std::move(rolled.rows), checked, std::move(recycle)), std::move(rolled.findings)};
}

review_result review(const plan& p, const panel& observations, const review_options& options,
                     evaluation&& recycle) {
  const std::size_t room = options.areas ? detail::parent_row_bound(observations, *options.areas) : 0;
  return review(p, detail::copy_with_room(observations, room), options, std::move(recycle));
}

}  // namespace chitieu

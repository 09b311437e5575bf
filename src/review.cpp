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
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

void check_observation_areas(const panel& obs, const area_table& areas) {
  throw_first_problem(observation_area_problems(obs, areas));
}

namespace {

/// The value row r of `obs` gets from its numerator and denominator (effective_value()) when its
/// value is missing; NaN when it has a value or no ratio to complete it from. `of_code`: the plan
/// indicator of every indicator code (every code known: the rows passed observation_problems()).
double completion_of(const panel& obs, std::size_t r, const std::vector<const indicator*>& of_code) {
  if (!std::isnan(obs.value[r])) return std::numeric_limits<double>::quiet_NaN();
  return detail::effective_value(obs, r, of_code[static_cast<std::size_t>(obs.indicator[r])]->unit);
}

/// True when the roll-up of `obs` as given (its values not completed) equals that of its values
/// completed by check_and_complete(), which would raise no error for them: every value
/// completion_of() gives passes its indicator's screen, and is of an indicator of the ratio rule,
/// which combines numerators and denominators (the other rules read the value: a child with only
/// a numerator and a denominator would not report). Nothing is written.
bool rolls_up_as_given(const plan& p, const panel& obs) {
  const auto of_code = detail::plan_indicators_of_codes(p, obs);
  const auto screens = detail::screens_of_codes(of_code);
  const auto differs = [&](std::size_t r, std::vector<char>& found) {
    const double v = completion_of(obs, r, of_code);
    if (std::isnan(v)) return;
    const auto code = static_cast<std::size_t>(obs.indicator[r]);
    if (of_code[code]->aggregate != aggregate_rule::ratio || !detail::value_passes(v, screens[code]))
      found.push_back(1);
  };
  return detail::collect_over_rows<char>(obs.size(), differs).empty();
}

/// check_and_complete()'s second step, on a panel that passed observation_problems(): fills each
/// missing value from its numerator and denominator and throws the first problem of the values
/// so computed.
void complete_checking(const plan& p, panel& obs) {
  const auto of_code = detail::plan_indicators_of_codes(p, obs);  // every code known now
  const auto screens = detail::screens_of_codes(of_code);
  // Each value completed from its numerator and denominator (effective_value) is checked as a
  // value: the rest of its row passed, and the value agrees with its ratio exactly, so
  // row_problems() can only object to a value the screen does not accept.
  throw_first_problem(
      detail::collect_over_rows<error>(obs.size(), [&](std::size_t r, std::vector<error>& found) {
        const double v = completion_of(obs, r, of_code);
        if (std::isnan(v)) return;  // a value given, or no ratio to complete it from
        obs.value[r] = v;
        const auto code = static_cast<std::size_t>(obs.indicator[r]);
        if (!detail::value_passes(v, screens[code])) detail::row_problems(obs, r, *of_code[code], found);
      }));
}

}  // namespace

void check_and_complete(const plan& p, panel& obs) {
  throw_first_problem(observation_problems(p, obs));
  complete_checking(p, obs);
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
  const auto copy = [&] {  // with room for the parent rows the roll-up appends
    return detail::copy_with_room(observations,
                                  options.areas ? detail::parent_row_bound(observations, *options.areas) : 0);
  };
  if (!options.areas || options.geography)  // one copy, moved through the stages
    return review(p, copy(), options, std::move(recycle));
  if (!options.checked) {
    throw_first_problem(observation_problems(p, observations));
    if (!rolls_up_as_given(p, observations)) {  // the values completed (and checked) in one copy first
      panel completed = copy();
      complete_checking(p, completed);
      review_options checked = options;
      checked.checked = true;
      return review(p, std::move(completed), checked, std::move(recycle));
    }
  }
  // The roll-up copies the caller's panel while its pass reads it; evaluate() completes the values.
  check_observation_areas(observations, *options.areas);
  evaluate_options checked = options.evaluation;
  checked.checked = true;
  roll_up_result rolled = roll_up(p, observations, *options.areas);
  return {evaluate(p, std::move(rolled.rows), checked, std::move(recycle)), std::move(rolled.findings)};
}

}  // namespace chitieu

/// @file evaluate.hpp
/// @brief The evaluation core: a plan and a panel of observations in, an evaluation out
/// (DESIGN.md §2 "Status", "Progress, projection, pace").
#pragma once

#include <chitieu/detail/indicator_rules.hpp>
#include <chitieu/detail/plan_lookup.hpp>
#include <chitieu/detail/series_evaluator.hpp>
#include <chitieu/error.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/plan.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace chitieu {

/// Options of evaluate().
struct evaluate_options {
  pace_method method = pace_method::chitieu;  ///< which rules assign the pace
  std::optional<int> year;            ///< evaluate at this year only; empty: every observed year
  std::optional<int> baseline_year;   ///< replaces the plan's default baseline year (not an indicator's own)
  std::optional<int> target_year;     ///< replaces the plan's default target year (not an indicator's own)
};

/// Evaluates every observation of a panel against its plan: one row per indicator × area × year
/// with an observation (or, with options.year, one row per indicator × area with data up to that
/// year, evaluated at it). Rows come ordered by indicator code, area code and year; the
/// dictionaries are the panel's. A value given as numerator and denominator only is used as
/// numerator × factor / denominator. Plan indicators without data get no rows.
/// Throws chitieu::error for an indicator not in the plan, a duplicate indicator × area × year,
/// an infinite value, malformed columns or a cumulative target without a period. It does not
/// re-check values against their units: run check_observations() first.
inline evaluation evaluate(const plan& p, const panel& obs, const evaluate_options& opt = {}) {
  const panel_index ix = index_panel(obs);
  const auto of_code = detail::plan_indicators_of_codes(p, obs);
  std::vector<std::optional<detail::indicator_rules>> rules(obs.indicator_ids.size());

  evaluation out;
  out.indicator_ids = obs.indicator_ids;
  out.area_ids = obs.area_ids;
  out.resize(obs.size());
  detail::series_evaluator ev(obs, opt.method, opt.year);
  std::size_t written = 0;
  for (std::size_t s = 0; s < ix.series_count(); ++s) {
    const std::size_t first = ix.start[s];
    const std::size_t row = ix.order[first];
    const auto code = static_cast<std::size_t>(obs.indicator[row]);
    if (!rules[code]) {
      if (!of_code[code])
        throw error(detail::unknown_indicator_message(p, obs.indicator_ids[code]), {},
                    static_cast<long>(row + 1), "indicator");
      rules[code] = detail::resolve_rules(p, *of_code[code], opt.baseline_year, opt.target_year);
    }
    written += ev.run(*rules[code], ix.order.data() + first, ix.start[s + 1] - first, out, written);
  }
  out.resize(written);
  return out;
}

}  // namespace chitieu

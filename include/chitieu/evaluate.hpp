/// @file evaluate.hpp
/// @brief The evaluation core: a plan and a panel of observations in, an evaluation out
/// (docs/evaluation.md).
#pragma once

#include <chitieu/evaluation.hpp>
#include <chitieu/export.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include <optional>

namespace chitieu {

/// Options of evaluate().
struct evaluate_options {
  pace_method method = pace_method::chitieu;  ///< which rules assign the pace
  std::optional<int> year;            ///< evaluate at this year only; empty: every observed year
  std::optional<int> baseline_year;   ///< replaces the plan's default baseline year (not an indicator's own)
  std::optional<int> target_year;     ///< replaces the plan's default target year (not an indicator's own)
  /// Threads sharing the series (results do not depend on it); 0: the hardware's concurrency,
  /// at most 8, and one thread per 32 768 rows at most.
  unsigned threads = 0;
};

/// Evaluates every observation of a panel against its plan: one row per indicator × area × year
/// with an observation (or, with options.year, one row per indicator × area with data up to that
/// year, evaluated at it). Rows come ordered by indicator code, area code and year; the
/// dictionaries are the panel's. A value given as numerator and denominator only is used as
/// numerator × factor / denominator. Plan indicators without data get no rows.
/// Throws chitieu::error for an indicator not in the plan, a duplicate indicator × area × year,
/// an infinite value, malformed columns or a cumulative target without a period. It does not
/// re-check values against their units: run check_observations() first.
CHITIEU_API evaluation evaluate(const plan& p, const panel& obs, const evaluate_options& opt = {});

/// As evaluate() above, on a panel the caller gives away: its values are completed in place, the
/// columns then not read (weight, se, numerator, denominator) become computed columns instead of
/// fresh allocations, and (every observed year) its other columns are sorted in place and become
/// the evaluation's indicator, area, year, value and coverage.
CHITIEU_API evaluation evaluate(const plan& p, panel&& obs, const evaluate_options& opt = {});

}  // namespace chitieu

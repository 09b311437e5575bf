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
  std::optional<int> year;                    ///< evaluate at this year only; empty: every observed year
  std::optional<int> baseline_year;  ///< replaces the plan's default baseline year (not an indicator's own)
  std::optional<int> target_year;    ///< replaces the plan's default target year (not an indicator's own)
  /// Threads sharing the series (results do not depend on it); 0: the hardware's concurrency,
  /// at most 8, and one thread per 32 768 rows at most.
  unsigned threads = 0;
  /// The panel has passed check_observations() (review() checks before its roll-up): skip that
  /// step. Left false, evaluate() checks first, so a value outside its unit's domain is refused.
  bool checked = false;
};

/// Evaluates every observation of a panel against its plan: one row per indicator × area × year
/// with an observation (or, with options.year, one row per indicator × area with data up to that
/// year, evaluated at it). Rows come ordered by indicator code, area code and year; the
/// dictionaries are the panel's. A value given as numerator and denominator only is used as
/// numerator × factor / denominator. Plan indicators without data get no rows.
/// Throws chitieu::error for every problem of check_observations() (unless options.checked: a
/// value outside its unit's domain, a duplicate indicator × area × year, an indicator not in the
/// plan, ...), malformed columns or a cumulative target without a period.
CHITIEU_API evaluation evaluate(const plan& p, const panel& obs, const evaluate_options& opt = {});

/// As evaluate() above, into an evaluation the caller owns: `out`'s columns (from an earlier
/// evaluation) hold the result, their storage reused wherever it has room, so an evaluation
/// repeated on data of the same size writes into memory already mapped instead of fresh pages
/// (the kernel's page faults and zeroing; docs/performance.md). Only the index of the panel is
/// allocated anew. Throws as evaluate(); when it throws after the panel is indexed, `out` is left
/// empty.
CHITIEU_API void evaluate_into(const plan& p, const panel& obs, evaluation& out,
                               const evaluate_options& opt = {});

/// As evaluate() above, on a panel the caller gives away: its values are completed in place, the
/// columns then not read (weight, se, numerator, denominator) become computed columns instead of
/// fresh allocations, and (every observed year) its other columns are sorted in place and become
/// the evaluation's indicator, area, year, value and coverage. Checked first as above.
/// `recycle`: an earlier evaluation the caller gives away (std::move; its columns left empty),
/// whose columns' memory serves the computed columns first (see evaluate_into()); none by default.
CHITIEU_API evaluation evaluate(const plan& p, panel&& obs, const evaluate_options& opt = {},
                                evaluation&& recycle = {});

/// As evaluate() above, the evaluation to recycle given as a pointer (null: none). Deprecated in
/// 0.2.0, kept through 0.3.x; forwards to evaluate(plan, panel&&, evaluate_options, evaluation&&).
[[deprecated("use evaluate(plan, std::move(panel), options, std::move(recycle))")]] CHITIEU_API evaluation
evaluate(const plan& p, panel&& obs, const evaluate_options& opt, evaluation* recycle);

}  // namespace chitieu

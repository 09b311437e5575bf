/// @file evaluate.hpp
/// @brief The evaluation core: a plan and a panel of observations in, an evaluation out
/// (DESIGN.md §2 "Status", "Progress, projection, pace").
#pragma once

#include <chitieu/detail/column_pool.hpp>
#include <chitieu/detail/huge_pages.hpp>
#include <chitieu/detail/indicator_rules.hpp>
#include <chitieu/detail/parallel.hpp>
#include <chitieu/detail/plan_lookup.hpp>
#include <chitieu/detail/series_evaluator.hpp>
#include <chitieu/error.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/plan.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <optional>
#include <vector>

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

namespace detail {

/// Hands a column of a panel evaluate() owns to the pool, for the columns it creates next.
template <class T>
void release_column(std::vector<T>& column, column_pool& pool) {
  pool.give(column);
}

/// Keeps a column of a panel evaluate() only reads.
template <class T>
void release_column(const std::vector<T>&, column_pool&) noexcept {}

/// Rows of the panel gathered at a time, in index order, before their series are evaluated:
/// the block (44 bytes a row) stays in the core's cache between the gather and the evaluation.
inline constexpr std::size_t gather_block_rows = 8192;

/// Fills the missing values of an owned panel from numerator × factor / denominator (as the
/// evaluation reads them) and hands the numerator and denominator columns to the pool: they are
/// not read again. Returns false: the panel no longer holds them.
inline bool settle_ratio_parts(panel& obs, const std::vector<std::optional<indicator_rules>>& rules,
                               column_pool& pool) {
  for (std::size_t r = 0; r < obs.size(); ++r)
    if (std::isnan(obs.value[r]))
      obs.value[r] = effective_value(obs, r, rules[static_cast<std::size_t>(obs.indicator[r])]->unit);
  pool.give(obs.numerator);
  pool.give(obs.denominator);
  return false;
}

/// Keeps the numerator and denominator of a panel evaluate() only reads. Returns true.
inline bool settle_ratio_parts(const panel&, const std::vector<std::optional<indicator_rules>>&,
                               column_pool&) noexcept {
  return true;
}

/// Copies the rows order[first..last) of `obs` into `block` (resized), the columns evaluate reads;
/// without `ratio_parts` (settled values) the block's numerator and denominator are NaN.
template <class Panel>
void gather_block(const Panel& obs, const std::size_t* order, std::size_t first, std::size_t last,
                  bool ratio_parts, panel& block) {
  const std::size_t m = last - first;
  const auto gather = [&](auto& dst, const auto& src) {
    dst.resize(m);
    for (std::size_t i = 0; i < m; ++i) dst[i] = src[order[first + i]];
  };
  gather(block.indicator, obs.indicator);
  gather(block.area, obs.area);
  gather(block.year, obs.year);
  gather(block.value, obs.value);
  gather(block.coverage, obs.coverage);
  if (ratio_parts) {
    gather(block.numerator, obs.numerator);
    gather(block.denominator, obs.denominator);
  } else {
    block.numerator.assign(m, std::numeric_limits<double>::quiet_NaN());
    block.denominator.assign(m, std::numeric_limits<double>::quiet_NaN());
  }
}

/// evaluate() on a panel read (`Panel` = const panel) or owned (`Panel` = panel: its values are
/// settled and the columns it no longer reads, weight, se, numerator and denominator, are
/// recycled as output columns).
template <class Panel>
evaluation evaluate_panel(const plan& p, Panel& obs, const evaluate_options& opt) {
  const panel_index ix = index_panel(obs);
  const auto of_code = detail::plan_indicators_of_codes(p, obs);
  std::vector<std::optional<detail::indicator_rules>> rules(obs.indicator_ids.size());
  for (std::size_t s = 0; s < ix.series_count(); ++s) {
    const std::size_t row = ix.order[ix.start[s]];
    const auto code = static_cast<std::size_t>(obs.indicator[row]);
    if (rules[code]) continue;
    if (!of_code[code])
      throw error(detail::unknown_indicator_message(p, obs.indicator_ids[code]), {},
                  static_cast<long>(row + 1), "indicator");
    rules[code] = detail::resolve_rules(p, *of_code[code], opt.baseline_year, opt.target_year);
  }

  const std::size_t n = obs.size();
  column_pool pool;
  release_column(obs.weight, pool);  // not read by the evaluation
  release_column(obs.se, pool);
  const bool ratio_parts = settle_ratio_parts(obs, rules, pool);
  evaluation out;
  out.indicator_ids = obs.indicator_ids;
  out.area_ids = obs.area_ids;
  const auto room = [&](auto& column) { pool.take(column, n); };
  room(out.indicator);
  room(out.area);
  room(out.year);
  room(out.value);
  room(out.assessed);
  reserve_huge(out.status, n);
  room(out.margin);
  room(out.baseline);
  room(out.progress);
  room(out.elapsed);
  reserve_huge(out.pace, n);
  room(out.projected);
  room(out.p_meet);
  room(out.coverage);
  out.resize(n);
  // Contiguous chunks of series, about equal in rows; chunk c writes from its first row on. Each
  // chunk gathers blocks of whole series in index order (a series longer than a block is one
  // block) and evaluates them from the block: position i of a block stands for panel row
  // ix.order[block's first + i] in messages.
  const std::size_t series = ix.series_count();
  const unsigned threads = detail::thread_count(opt.threads, n, 32768);
  std::vector<std::size_t> first_series(threads + 1, series), written(threads, 0);
  for (unsigned c = 0; c < threads; ++c)
    first_series[c] = static_cast<std::size_t>(
        std::lower_bound(ix.start.begin(), ix.start.end() - 1, n * c / threads) - ix.start.begin());
  detail::run_chunks(threads, threads, [&](std::size_t c) {
    panel block;
    block.area_ids = obs.area_ids;
    std::vector<std::size_t> rows;  // positions of one series in the block
    std::size_t at = ix.start[first_series[c]];
    for (std::size_t s0 = first_series[c]; s0 < first_series[c + 1];) {
      std::size_t s1 = s0 + 1;
      while (s1 < first_series[c + 1] && ix.start[s1 + 1] - ix.start[s0] <= gather_block_rows) ++s1;
      const std::size_t b0 = ix.start[s0];
      gather_block(obs, ix.order.data(), b0, ix.start[s1], ratio_parts, block);
      detail::series_evaluator ev(block, opt.method, opt.year, ix.order.data() + b0);
      for (std::size_t s = s0; s < s1; ++s) {
        const std::size_t first = ix.start[s] - b0;
        rows.resize(ix.start[s + 1] - ix.start[s]);
        std::iota(rows.begin(), rows.end(), first);
        const auto code = static_cast<std::size_t>(block.indicator[first]);
        at += ev.run(*rules[code], rows.data(), rows.size(), out, at);
      }
      s0 = s1;
    }
    written[c] = at - ix.start[first_series[c]];
  });
  // With options.year a chunk writes fewer rows than it has: close the gaps.
  std::size_t total = written[0];
  for (unsigned c = 1; c < threads; ++c) {
    const std::size_t from = ix.start[first_series[c]];
    if (from != total) out.move_rows(from, total, written[c]);
    total += written[c];
  }
  out.resize(total);
  return out;
}

}  // namespace detail

/// Evaluates every observation of a panel against its plan: one row per indicator × area × year
/// with an observation (or, with options.year, one row per indicator × area with data up to that
/// year, evaluated at it). Rows come ordered by indicator code, area code and year; the
/// dictionaries are the panel's. A value given as numerator and denominator only is used as
/// numerator × factor / denominator. Plan indicators without data get no rows.
/// Throws chitieu::error for an indicator not in the plan, a duplicate indicator × area × year,
/// an infinite value, malformed columns or a cumulative target without a period. It does not
/// re-check values against their units: run check_observations() first.
inline evaluation evaluate(const plan& p, const panel& obs, const evaluate_options& opt = {}) {
  return detail::evaluate_panel(p, obs, opt);
}

/// As evaluate() above, on a panel the caller gives away: its values are completed in place and
/// the columns then not read (weight, se, numerator, denominator) become output columns instead
/// of fresh allocations.
inline evaluation evaluate(const plan& p, panel&& obs, const evaluate_options& opt = {}) {
  return detail::evaluate_panel(p, obs, opt);
}

}  // namespace chitieu

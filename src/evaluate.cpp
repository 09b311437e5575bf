/// @file evaluate.cpp
/// @brief evaluate(): the panel indexed, its series evaluated in blocks over a few threads.
#include <chitieu/error.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/panel_index.hpp>

#include "detail/column_cache.hpp"
#include "detail/column_pool.hpp"
#include "detail/column_storage.hpp"
#include "detail/columns_of.hpp"
#include "detail/indicator_rules.hpp"
#include "detail/parallel.hpp"
#include "detail/plan_lookup.hpp"
#include "detail/series_count_sort.hpp"
#include "detail/series_evaluator.hpp"
#include "detail/series_tiles.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace chitieu {

namespace detail {
namespace {

/// Rows of the panel gathered at a time, in index order, before their series are evaluated:
/// the block (44 bytes a row) stays in the core's cache between the gather and the evaluation.
constexpr std::size_t gather_block_rows = 8192;

/// The rows of a tile (series_tiles()) when the kept columns are put in index order one at a time:
/// 32 768 rows of an 8-byte column take 256 KiB, within a core's L2 cache.
constexpr std::size_t sort_tile_rows = 32768;

/// The rows of a tile when blocks are gathered: the seven columns a block reads take about 11 MiB
/// for 262 144 rows, within the shared L3 cache, and each indicator's run in a tile stays near a
/// block's length (shorter runs make more, smaller blocks).
constexpr std::size_t block_tile_rows = 262144;

/// The rules of every indicator code with data (resolved once per code); throws chitieu::error
/// at the first row of an indicator not in the plan.
std::vector<std::optional<indicator_rules>> rules_of_codes(const plan& p, const panel& obs,
                                                           const panel_index& ix,
                                                           const evaluate_options& opt) {
  const auto of_code = plan_indicators_of_codes(p, obs);
  std::vector<std::optional<indicator_rules>> rules(obs.indicator_ids.size());
  for (std::size_t s = 0; s < ix.series_count(); ++s) {
    const std::size_t row = ix.order[ix.start[s]];
    const auto code = static_cast<std::size_t>(obs.indicator[row]);
    if (rules[code]) continue;
    if (!of_code[code]) throw unknown_indicator_error(p, obs, row);
    rules[code] = resolve_rules(p, *of_code[code], opt.baseline_year, opt.target_year);
  }
  return rules;
}

/// The first series of each of `threads` contiguous chunks about equal in rows, then the count.
std::vector<std::size_t> chunk_starts(const panel_index& ix, std::size_t n, unsigned threads) {
  std::vector<std::size_t> first(threads + 1, ix.series_count());
  for (unsigned c = 0; c < threads; ++c)
    first[c] = static_cast<std::size_t>(
        std::lower_bound(ix.start.begin(), ix.start.end() - 1, n * c / threads) - ix.start.begin());
  return first;
}

/// Hands the columns the evaluation does not read once values are completed (weight, se,
/// numerator, denominator) of a panel it owns to the pool.
void give_unread_columns(panel& obs, column_pool& pool) {
  pool.give(obs.weight);
  pool.give(obs.se);
  pool.give(obs.numerator);
  pool.give(obs.denominator);
}

/// Writes, for each series s in [first, last) of `ix`, the code `column` holds at the series' first
/// row over its positions ix.start[s] − offset … ix.start[s + 1] − offset of `out`: every row of a
/// series has the same indicator and area, so these columns reach index order with one read a
/// series instead of a read from another part of the panel a row.
void fill_series_codes(const std::vector<std::int32_t>& column, const panel_index& ix, std::size_t first,
                       std::size_t last, std::size_t offset, std::int32_t* out) {
  for (std::size_t s = first; s < last; ++s)
    std::fill(out + (ix.start[s] - offset), out + (ix.start[s + 1] - offset), column[ix.order[ix.start[s]]]);
}

/// Puts the columns an owned panel with completed values keeps (codes, year, value, coverage) in index order,
/// column after column, each into the storage the previous one (or the pool) left: the codes by
/// series (fill_series_codes()), the others gathered tile after tile when `series_starts` gives the
/// position of every series code (series_tiles(): each thread's reads stay within a window of the
/// panel), else in plain index order.
void sort_columns(panel& obs, const panel_index& ix, const std::vector<std::uint32_t>& series_starts,
                  column_pool& pool, unsigned threads) {
  const std::size_t n = obs.size();
  std::vector<index_range> ranges = series_tiles(series_starts, obs.area_ids.size(), sort_tile_rows);
  if (series_starts.empty())  // a radix-sorted index: in plain order, a share per thread
    for (unsigned c = 0; c < threads; ++c) ranges.push_back({n * c / threads, n * (c + 1) / threads});
  const std::vector<std::size_t> shares = range_shares(ranges, n, threads);
  const auto first_series = chunk_starts(ix, n, threads);
  // Replaces `column` by its rows in index order, thread c writing its share with write(c, column, sorted).
  const auto reorder = [&](auto& column, const auto& write) {
    std::remove_reference_t<decltype(column)> sorted;
    pool.take(sorted, n);
    run_chunks(threads, threads, [&](std::size_t c) { write(c, column, sorted); });
    pool.give(column);
    column.swap(sorted);
  };
  const auto by_series = [&](std::size_t c, const auto& column, auto& sorted) {
    fill_series_codes(column, ix, first_series[c], first_series[c + 1], 0, sorted.data());
  };
  // Random reads: both cores help.
  const auto gathered = [&](std::size_t c, const auto& column, auto& sorted) {
    for (std::size_t t = shares[c]; t < shares[c + 1]; ++t)
      for (std::size_t i = ranges[t].first; i < ranges[t].last; ++i) sorted[i] = column[ix.order[i]];
  };
  reorder(obs.indicator, by_series);
  reorder(obs.area, by_series);
  reorder(obs.year, gathered);
  reorder(obs.value, gathered);
  reorder(obs.coverage, gathered);
}

/// Makes the columns the evaluation computes (assessed, status, margin, baseline, progress,
/// elapsed, pace, projected, p_meet) n entries long, from the pool where it has storage; fresh
/// columns are first written (page-faulted) on up to `threads` threads, a column each.
void size_computed_columns(evaluation& out, std::size_t n, column_pool& pool, unsigned threads) {
  pool.take_room(out.assessed, n);
  pool.take_room(out.status, n);
  pool.take_room(out.margin, n);
  pool.take_room(out.baseline, n);
  pool.take_room(out.progress, n);
  pool.take_room(out.elapsed, n);
  pool.take_room(out.pace, n);
  pool.take_room(out.projected, n);
  pool.take_room(out.p_meet, n);
  std::vector<std::vector<double>*> numbers{&out.assessed, &out.margin,    &out.baseline, &out.progress,
                                            &out.elapsed,  &out.projected, &out.p_meet};
  run_chunks(numbers.size() + 1, threads, [&](std::size_t c) {
    if (c < numbers.size()) {
      numbers[c]->resize(n);
    } else {
      out.status.resize(n);
      out.pace.resize(n);
    }
  });
}

/// Gives every column of an evaluation to the pool (the evaluation is left empty).
void give_columns(evaluation& e, column_pool& pool) {
  for_each_column(e, [&pool](auto& column) { pool.give(column); });
}

/// evaluate() on a panel the caller gives away, every observed year, its values completed: its
/// kept columns sorted into index order in place and evaluated there, and then moved into the
/// evaluation as its indicator, area, year, value and coverage (the evaluation's rows are the
/// panel's rows in index order). The columns no longer read, and those of `pool` (an evaluation
/// given to recycle), serve as computed columns. `series_starts`: as sort_columns() takes it.
evaluation evaluate_in_place(panel& obs, const panel_index& ix,
                             const std::vector<std::uint32_t>& series_starts,
                             const std::vector<std::optional<indicator_rules>>& rules,
                             const evaluate_options& opt, column_pool&& pool) {
  const std::size_t n = obs.size();
  evaluation out;
  out.indicator_ids = obs.indicator_ids;
  out.area_ids = obs.area_ids;
  pool.set_fresh_room(obs.value.capacity());
  give_unread_columns(obs, pool);
  sort_columns(obs, ix, series_starts, pool, thread_count(opt.threads, n, 65536));
  size_computed_columns(out, n, pool, thread_count(opt.threads, n, 65536));
  pool.cache_spares();  // the spares left serve the next call, not this one: out of the pool
  const unsigned threads = thread_count(opt.threads, n, 32768);
  const auto first_series = chunk_starts(ix, n, threads);
  run_chunks(threads, threads, [&](std::size_t c) {
    series_evaluator ev(obs, opt.method, opt.year, ix.order.data(), {true, false});
    std::vector<std::size_t> rows;  // positions of one series, now rows of the sorted panel
    for (std::size_t s = first_series[c]; s < first_series[c + 1]; ++s) {
      rows.resize(ix.start[s + 1] - ix.start[s]);
      std::iota(rows.begin(), rows.end(), ix.start[s]);
      ev.run(*rules[static_cast<std::size_t>(obs.indicator[ix.start[s]])], rows.data(), rows.size(), out,
             ix.start[s]);
    }
    ev.finish(out);
  });
  out.indicator = std::move(obs.indicator);
  out.area = std::move(obs.area);
  out.year = std::move(obs.year);
  out.value = std::move(obs.value);
  out.coverage = std::move(obs.coverage);
  return out;
}

/// Copies the rows of series [s0, s1) of `ix` (positions ix.start[s0] … ix.start[s1]) of `obs` into
/// `block` (resized), the columns evaluate reads: the codes by series (fill_series_codes()), the
/// others gathered; with completed values (`ratio_parts` false) not the numerator and denominator.
void gather_block(const panel& obs, const panel_index& ix, std::size_t s0, std::size_t s1, bool ratio_parts,
                  panel& block) {
  const std::size_t first = ix.start[s0], m = ix.start[s1] - first;
  const std::size_t* order = ix.order.data();
  const auto gather = [&](auto& dst, const auto& src) {
    dst.resize(m);
    for (std::size_t i = 0; i < m; ++i) dst[i] = src[order[first + i]];
  };
  block.indicator.resize(m);
  block.area.resize(m);
  fill_series_codes(obs.indicator, ix, s0, s1, first, block.indicator.data());
  fill_series_codes(obs.area, ix, s0, s1, first, block.area.data());
  gather(block.year, obs.year);
  gather(block.value, obs.value);
  gather(block.coverage, obs.coverage);
  if (ratio_parts) {
    gather(block.numerator, obs.numerator);
    gather(block.denominator, obs.denominator);
  }
}

/// Each thread's runs of series [first, last) (numbers into ix.start), evaluated run after run:
/// tile after tile (series_tiles()) when `series_starts` gives the position of every series code,
/// else one contiguous share of nearly equal rows a thread (chunk_starts()).
std::vector<std::vector<std::pair<std::size_t, std::size_t>>> series_runs(
    const panel_index& ix, const std::vector<std::uint32_t>& series_starts, std::size_t areas, std::size_t n,
    unsigned threads) {
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> runs(threads);
  if (series_starts.empty()) {
    const auto first_series = chunk_starts(ix, n, threads);
    for (unsigned c = 0; c < threads; ++c) runs[c].emplace_back(first_series[c], first_series[c + 1]);
    return runs;
  }
  const std::vector<index_range> ranges = series_tiles(series_starts, areas, block_tile_rows);
  const std::vector<std::size_t> shares = range_shares(ranges, n, threads);
  const auto series_at = [&](std::size_t position) {  // a range starts and ends where a series does
    return static_cast<std::size_t>(std::lower_bound(ix.start.begin(), ix.start.end(), position) -
                                    ix.start.begin());
  };
  for (unsigned c = 0; c < threads; ++c)
    for (std::size_t t = shares[c]; t < shares[c + 1]; ++t)
      runs[c].emplace_back(series_at(ranges[t].first), series_at(ranges[t].last));
  return runs;
}

/// evaluate() by blocks: each thread gathers blocks of whole series in index order (a series
/// longer than a block is one block) and evaluates them from the block, run after run of its
/// series_runs() (tiles when `series_starts` is given: every year, so that each row is written at
/// its index position). `ratio_parts` false: the panel's values are completed (its numerator and
/// denominator may be gone). The evaluation's columns come from the pool where it has storage.
evaluation evaluate_by_blocks(const panel& obs, const panel_index& ix,
                              const std::vector<std::uint32_t>& series_starts,
                              const std::vector<std::optional<indicator_rules>>& rules,
                              const evaluate_options& opt, bool ratio_parts, column_pool& pool) {
  const std::size_t n = obs.size();
  evaluation out;
  out.indicator_ids = obs.indicator_ids;
  out.area_ids = obs.area_ids;
  pool.take(out.indicator, n);
  pool.take(out.area, n);
  pool.take(out.year, n);
  pool.take(out.value, n);
  pool.take(out.coverage, n);
  size_computed_columns(out, n, pool, thread_count(opt.threads, n, 65536));
  // A run writes from its first row on; position i of a block stands for panel row
  // ix.order[block's first + i] in messages.
  const unsigned threads = thread_count(opt.threads, n, 32768);
  const std::vector<std::uint32_t> none;  // options.year: the rows are compacted below, no tiles
  const auto runs = series_runs(ix, opt.year ? none : series_starts, obs.area_ids.size(), n, threads);
  std::vector<std::size_t> written(threads, 0);
  run_chunks(threads, threads, [&](std::size_t c) {
    panel block;  // dictionaries too: messages name a block's rows as the panel's
    block.indicator_ids = obs.indicator_ids;
    block.area_ids = obs.area_ids;
    std::vector<std::size_t> rows;  // positions of one series in the block
    for (const auto& [first_series, last_series] : runs[c]) {
      std::size_t at = ix.start[first_series];
      for (std::size_t s0 = first_series; s0 < last_series;) {
        std::size_t s1 = s0 + 1;
        while (s1 < last_series && ix.start[s1 + 1] - ix.start[s0] <= gather_block_rows) ++s1;
        const std::size_t b0 = ix.start[s0];
        gather_block(obs, ix, s0, s1, ratio_parts, block);
        series_evaluator ev(block, opt.method, opt.year, ix.order.data() + b0, {!ratio_parts, true});
        for (std::size_t s = s0; s < s1; ++s) {
          const std::size_t first = ix.start[s] - b0;
          rows.resize(ix.start[s + 1] - ix.start[s]);
          std::iota(rows.begin(), rows.end(), first);
          const auto code = static_cast<std::size_t>(block.indicator[first]);
          at += ev.run(*rules[code], rows.data(), rows.size(), out, at);
        }
        ev.finish(out);
        s0 = s1;
      }
      written[c] += at - ix.start[first_series];
    }
  });
  if (!opt.year) return out;  // every row written at its index position
  // With options.year a thread (one run each) writes fewer rows than it has: close the gaps.
  std::size_t total = written[0];
  for (unsigned c = 1; c < threads; ++c) {
    const std::size_t from = ix.start[runs[c].front().first];
    if (from != total) out.move_rows(from, total, written[c]);
    total += written[c];
  }
  out.resize(total);
  return out;
}

}  // namespace
}  // namespace detail

evaluation evaluate(const plan& p, const panel& obs, const evaluate_options& opt) {
  if (!opt.checked) check_observations(p, obs);
  std::vector<std::uint32_t> series_starts;  // every observed year: the series are evaluated by tiles
  panel_index ix = opt.year ? index_panel(obs) : detail::index_panel_and_series_starts(obs, series_starts);
  const detail::cache_at_exit keep_order(ix.order);
  const auto rules = detail::rules_of_codes(p, obs, ix, opt);
  detail::column_pool none;
  return detail::evaluate_by_blocks(obs, ix, series_starts, rules, opt, true, none);
}

void evaluate_into(const plan& p, const panel& obs, evaluation& out, const evaluate_options& opt) {
  if (!opt.checked) check_observations(p, obs);
  std::vector<std::uint32_t> series_starts;  // every observed year: the series are evaluated by tiles
  panel_index ix = opt.year ? index_panel(obs) : detail::index_panel_and_series_starts(obs, series_starts);
  const detail::cache_at_exit keep_order(ix.order);
  const auto rules = detail::rules_of_codes(p, obs, ix, opt);
  detail::column_pool pool;
  detail::give_columns(out, pool);
  out = detail::evaluate_by_blocks(obs, ix, series_starts, rules, opt, true, pool);
}

evaluation evaluate(const plan& p, panel&& obs, const evaluate_options& opt, evaluation&& recycle) {
  if (!opt.checked) check_observations(p, obs);
  std::vector<std::uint32_t> series_starts;  // every observed year: the kept columns are gathered by tiles
  panel_index ix = opt.year ? index_panel(obs) : detail::index_panel_and_series_starts(obs, series_starts);
  const detail::cache_at_exit keep_order(ix.order);
  const auto rules = detail::rules_of_codes(p, obs, ix, opt);
  complete_values(p, obs);  // every code is a plan indicator (rules_of_codes): cannot throw
  detail::column_pool pool;
  detail::give_columns(recycle, pool);
  if (!opt.year) return detail::evaluate_in_place(obs, ix, series_starts, rules, opt, std::move(pool));
  detail::give_unread_columns(obs, pool);
  return detail::evaluate_by_blocks(obs, ix, series_starts, rules, opt, false, pool);
}

}  // namespace chitieu

/// @file roll_up_rows.cpp
/// @brief add_rows(): the roll-up's pass over the rows, its indicators shared among threads.
#include "detail/roll_up_rows.hpp"

#include "detail/duplicate_rows.hpp"
#include "detail/parallel.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <utility>
#include <vector>

namespace chitieu::detail::areas {
namespace {

/// What one thread's share of the pass found besides its sums.
struct share_result {
  std::vector<std::size_t> own_rows;                     ///< its rows of parent areas, ascending
  bool duplicate = false;                                ///< it met a row repeating an earlier one
  std::size_t error_row = static_cast<std::size_t>(-1);  ///< its first row that cannot report
  std::exception_ptr error;                              ///< that row's error
};

/// The share `t` of `threads`: the rows whose indicator code c has c mod threads = t, in row order,
/// added to `sums` laid out as cell (slot, year layer yi, plan position k) at (slot × years + yi) ×
/// indicators + k (the rows of one area and year, side by side in the data, add to nearby cells).
/// `space` set: duplicates are marked in a bitmap of this share's keys (indicator c as c / threads).
share_result add_share(const panel& obs, const row_routes& routes, const row_key_space* space, unsigned t,
                       unsigned threads, std::vector<running_sums>& sums) {
  share_result out;
  const std::size_t n = obs.size(), codes = obs.indicator_ids.size();
  std::vector<std::uint64_t> seen;
  const std::size_t mine = (codes - t + threads - 1) / threads;  // the indicator codes of this share
  if (space) seen.assign((mine * space->per_indicator() + 63) / 64, 0);
  std::uint64_t word = 0, bits = 0;  // the bitmap's word in use (seen[word] is stale meanwhile), its bits
  std::vector<unsigned> owner(codes), local(codes);  // per indicator code: its thread, its place there
  for (std::size_t c = 0; c < codes; ++c) {
    owner[c] = static_cast<unsigned>(c % threads);
    local[c] = static_cast<unsigned>(c / threads);
  }
  std::size_t r = 0;
  try {
    for (; r < n; ++r) {
      const auto c = static_cast<std::size_t>(obs.indicator[r]);
      if (owner[c] != t) continue;
      const auto a = static_cast<std::size_t>(obs.area[r]);
      const auto yi = static_cast<std::size_t>(obs.year[r] - routes.first_year);
      if (space) {
        const std::uint64_t key = space->key(obs, r, local[c], mine), bit = std::uint64_t{1} << (key % 64);
        if (key / 64 != word) {  // rows of one area and year share a word: kept in a register meanwhile
          seen[word] = bits;
          word = key / 64;
          bits = seen[word];
        }
        if (bits & bit) {
          out.duplicate = true;
          return out;
        }
        bits |= bit;
      }
      if (routes.own[a]) out.own_rows.push_back(r);
      const indicator& ind = *routes.inds[c];
      if (ind.aggregate == aggregate_rule::none) continue;
      const std::int32_t to = routes.to[yi][a];
      if (to == adds_nowhere) continue;
      if (to == waits_for_finish) {
        if (!fillable(obs, r)) reports(ind, obs, r);
        continue;
      }
      if (reports(ind, obs, r)) {
        const std::size_t k = static_cast<std::size_t>(routes.plan_code[c]);
        sums[(static_cast<std::size_t>(to) * routes.years + yi) * routes.indicators + k].add(ind, obs, r);
      }
    }
  } catch (...) {
    out.error_row = r;
    out.error = std::current_exception();
  }
  return out;
}

}  // namespace

row_sums add_rows(const panel& obs, const row_routes& routes, unsigned threads, side_tasks* alongside) {
  row_sums out;
  const std::size_t years = routes.years, inds = routes.indicators;
  out.sums.resize(routes.parents * inds * years);
  const std::size_t n = obs.size();
  if (n == 0) return out;
  std::vector<running_sums> sums(out.sums.size());  // by slot, year layer, plan position
  const row_key_space space = key_space_of(
      obs, routes.first_year, static_cast<std::int32_t>(routes.first_year + std::int64_t(routes.years) - 1));
  const std::size_t codes = obs.indicator_ids.size();
  const unsigned used = thread_count(threads, n, rows_per_thread);
  // Shares of the indicators: one thread each, but one thread fewer when there is side work (each
  // share reads every row, so a share more gains less than the side work on a thread of its own).
  const auto parts = static_cast<unsigned>(std::min<std::size_t>(
      std::max(1u, alongside && used > 1 ? used - 1 : used), std::max<std::size_t>(1, codes)));
  std::vector<share_result> shares(parts);
  run_chunks(used, used, [&](std::size_t t) {
    if (t < parts)
      shares[t] =
          add_share(obs, routes, space.fits_bitmap ? &space : nullptr, static_cast<unsigned>(t), parts, sums);
    if (alongside) alongside->drain();
  });
  const share_result* first_error = nullptr;
  bool failed = false;
  for (const share_result& s : shares) {
    failed = failed || s.duplicate || s.error;
    if (s.error && (!first_error || s.error_row < first_error->error_row)) first_error = &s;
  }
  if (failed) check_unique_rows(obs);  // a duplicate row comes first, as in a sequential pass
  if (first_error) std::rethrow_exception(first_error->error);
  for (std::size_t slot = 0; slot < routes.parents; ++slot)
    for (std::size_t k = 0; k < inds; ++k)
      for (std::size_t yi = 0; yi < years; ++yi)
        out.sums[(slot * inds + k) * years + yi] = sums[(slot * years + yi) * inds + k];
  for (share_result& s : shares)
    out.own_rows.insert(out.own_rows.end(), s.own_rows.begin(), s.own_rows.end());
  std::sort(out.own_rows.begin(), out.own_rows.end());
  return out;
}

}  // namespace chitieu::detail::areas

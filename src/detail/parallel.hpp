/// @file parallel.hpp
/// @brief Splitting a pure computation over a few std::threads, deterministically.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <iterator>
#include <thread>
#include <vector>

namespace chitieu::detail {

/// The number of threads to use for `work` units: `requested` when it is not 0, else the
/// hardware's concurrency capped at 8; never more than one thread per `grain` units, at least 1.
inline unsigned thread_count(unsigned requested, std::size_t work, std::size_t grain) noexcept {
  unsigned t = requested;
  if (t == 0) t = std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
  const std::size_t useful = std::max<std::size_t>(1, work / std::max<std::size_t>(1, grain));
  return static_cast<unsigned>(std::min<std::size_t>(t, useful));
}

/// Runs body(c) for every chunk c in [0, chunks) on up to `threads` threads (chunk c on thread
/// c mod threads; the calling thread takes its share). Chunks must write disjoint data. If bodies
/// throw, the exception of the lowest-numbered failing chunk is rethrown after every thread has
/// finished, so the error is the one a sequential run would have met first.
template <class Body>
void run_chunks(std::size_t chunks, unsigned threads, Body&& body) {
  std::vector<std::exception_ptr> errors(chunks);
  const auto worker = [&](std::size_t first) {
    for (std::size_t c = first; c < chunks; c += threads) {
      try {
        body(c);
      } catch (...) {
        errors[c] = std::current_exception();
        return;  // later chunks of this thread cannot hold an earlier error
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < chunks; ++t) pool.emplace_back(worker, std::size_t{t});
  worker(0);
  for (auto& th : pool) th.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

/// Calls row(r, found) for every row r of [0, n) on the cores (contiguous shares, one thread per
/// 65 536 rows at most), `found` a list of the row's share that it may append to; returns the
/// shares' lists joined in row order: what one pass over the rows would have collected.
template <class T, class Row>
std::vector<T> collect_over_rows(std::size_t n, Row&& row) {
  const unsigned threads = thread_count(0, n, 65536);
  std::vector<std::vector<T>> found(threads);
  run_chunks(threads, threads, [&](std::size_t c) {
    for (std::size_t r = n * c / threads, end = n * (c + 1) / threads; r < end; ++r) row(r, found[c]);
  });
  std::vector<T> out;
  for (auto& share : found)
    out.insert(out.end(), std::make_move_iterator(share.begin()), std::make_move_iterator(share.end()));
  return out;
}

}  // namespace chitieu::detail

/// @file radix_sort.cpp
/// @brief detail::radix_sort: the panel index's stable LSD radix sort, each pass on a few threads.
#include "detail/radix_sort.hpp"

#include "detail/column_storage.hpp"
#include "detail/parallel.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace chitieu::detail {

void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::size_t>& payload, unsigned from_bit,
                unsigned to_bit, unsigned threads) {
  constexpr unsigned digit = 11;
  constexpr std::size_t buckets = std::size_t{1} << digit;
  const std::size_t n = keys.size();
  const bool carry = !payload.empty();
  const std::size_t shares = std::max(1u, threads);
  const auto first = [&](std::size_t share) { return n * share / shares; };
  std::vector<std::uint64_t> keys2;
  std::vector<std::size_t> payload2;
  resize_column(keys2, n);
  if (carry) resize_column(payload2, n);
  std::vector<std::array<std::size_t, buckets>> count(shares);
  for (unsigned shift = from_bit; shift < to_bit; shift += digit) {
    const auto bucket = [shift](std::uint64_t k) {
      return static_cast<std::size_t>((k >> shift) & (buckets - 1));
    };
    run_chunks(shares, threads, [&](std::size_t c) {
      count[c].fill(0);
      for (std::size_t i = first(c); i < first(c + 1); ++i) ++count[c][bucket(keys[i])];
    });
    std::size_t sum = 0;
    for (std::size_t b = 0; b < buckets; ++b)
      for (auto& share : count) {
        const std::size_t here = share[b];
        share[b] = sum;
        sum += here;
      }
    run_chunks(shares, threads, [&](std::size_t c) {
      auto& next = count[c];
      for (std::size_t i = first(c); i < first(c + 1); ++i) {
        const std::size_t dst = next[bucket(keys[i])]++;
        keys2[dst] = keys[i];
        if (carry) payload2[dst] = payload[i];
      }
    });
    keys.swap(keys2);
    if (carry) payload.swap(payload2);
  }
}

}  // namespace chitieu::detail

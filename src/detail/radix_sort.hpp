/// @file radix_sort.hpp
/// @brief Stable LSD radix sort of keys on a range of their bits, with or without a payload: the
/// panel index's sort.
#pragma once

#include "huge_pages.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// Sorts keys stably by their bits [from_bit, to_bit), carrying payload along when it is not
/// empty (else only the keys move: other bits of a key, e.g. a row number packed below from_bit,
/// travel with it). Uses 11-bit digits, so ceil((to_bit - from_bit) / 11) counting passes; the
/// scratch buffers are allocated once. Each pass runs on `threads` threads (at least 1): each
/// counts and then moves a contiguous share of the keys, its share of every bucket placed after
/// the earlier shares', so the sort stays stable.
inline void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::size_t>& payload, unsigned from_bit,
                       unsigned to_bit, unsigned threads = 1) {
  constexpr unsigned digit = 11;
  constexpr std::size_t buckets = std::size_t{1} << digit;
  const std::size_t n = keys.size();
  const bool carry = !payload.empty();
  const std::size_t shares = std::max(1u, threads);
  const auto first = [&](std::size_t share) { return n * share / shares; };
  std::vector<std::uint64_t> keys2;
  std::vector<std::size_t> payload2;
  resize_huge(keys2, n);
  if (carry) resize_huge(payload2, n);
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

/// Number of bits needed to hold values 0..n-1 (0 for n <= 1).
constexpr unsigned bit_width_for(std::uint64_t n) noexcept {
  unsigned b = 0;
  while (b < 64 && (std::uint64_t{1} << b) < n) ++b;
  return b;
}

}  // namespace chitieu::detail

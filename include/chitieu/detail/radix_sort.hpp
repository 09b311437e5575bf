/// @file radix_sort.hpp
/// @brief Stable LSD radix sort of (key, payload) pairs: the panel index's sort.
#pragma once

#include <chitieu/detail/huge_pages.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// Sorts keys ascending, carrying payload along (stable). Only the low `bits` bits of the keys
/// may be set. Uses 11-bit digits, so ceil(bits / 11) counting passes; the scratch buffers are
/// allocated once.
inline void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::size_t>& payload,
                       unsigned bits) {
  constexpr unsigned digit = 11;
  constexpr std::size_t buckets = std::size_t{1} << digit;
  const std::size_t n = keys.size();
  std::vector<std::uint64_t> keys2;
  std::vector<std::size_t> payload2;
  resize_huge(keys2, n);
  resize_huge(payload2, n);
  std::array<std::size_t, buckets> count{};
  for (unsigned shift = 0; shift < bits; shift += digit) {
    count.fill(0);
    for (std::uint64_t k : keys) ++count[(k >> shift) & (buckets - 1)];
    std::size_t sum = 0;
    for (auto& c : count) {
      const std::size_t here = c;
      c = sum;
      sum += here;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t dst = count[(keys[i] >> shift) & (buckets - 1)]++;
      keys2[dst] = keys[i];
      payload2[dst] = payload[i];
    }
    keys.swap(keys2);
    payload.swap(payload2);
  }
}

/// Number of bits needed to hold values 0..n-1 (0 for n <= 1).
constexpr unsigned bit_width_for(std::uint64_t n) noexcept {
  unsigned b = 0;
  while (b < 64 && (std::uint64_t{1} << b) < n) ++b;
  return b;
}

}  // namespace chitieu::detail

/// @file radix_sort.hpp
/// @brief Stable LSD radix sort of keys on a range of their bits, with or without a payload: the
/// panel index's sort.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chitieu::detail {

/// Sorts keys stably by their bits [from_bit, to_bit), carrying payload along when it is not
/// empty (else only the keys move: other bits of a key, e.g. a row number packed below from_bit,
/// travel with it). Uses 11-bit digits, so ceil((to_bit - from_bit) / 11) counting passes; the
/// scratch buffers are allocated once. Compiled in radix_sort.cpp (the threads of its passes stay
/// internal to the library). Each pass runs on `threads` threads (at least 1): each
/// counts and then moves a contiguous share of the keys, its share of every bucket placed after
/// the earlier shares', so the sort stays stable.
void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::size_t>& payload, unsigned from_bit,
                unsigned to_bit, unsigned threads = 1);

/// Number of bits needed to hold values 0..n-1 (0 for n <= 1).
constexpr unsigned bit_width_for(std::uint64_t n) noexcept {
  unsigned b = 0;
  while (b < 64 && (std::uint64_t{1} << b) < n) ++b;
  return b;
}

}  // namespace chitieu::detail

/// @file column_storage.hpp
/// @brief Storage for large columns: a column of the memory cache that fits (memory_cache.hpp),
/// else fresh storage advised for huge pages (huge_pages.hpp).
#pragma once

#include "column_cache.hpp"
#include "huge_pages.hpp"

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace chitieu::detail {

/// Reserves room for n entries, the entries kept: a cached column's storage when one fits (the
/// cache holds vectors of the standard allocator), else new storage advised for huge pages
/// before it is written.
template <class T, class Allocator>
void reserve_column(std::vector<T, Allocator>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  if constexpr (std::is_same_v<Allocator, std::allocator<T>>)
    if (take_cached_column(v, n)) return;
  v.reserve(n);
  advise_huge_pages(v.data(), n * sizeof(T));
}

/// Resizes to n entries, the storage as reserve_column() gives it (a row_positions column's new
/// entries are not written).
template <class T, class Allocator>
void resize_column(std::vector<T, Allocator>& v, std::size_t n) {
  reserve_column(v, n);
  v.resize(n);
}

}  // namespace chitieu::detail

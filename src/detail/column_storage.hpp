/// @file column_storage.hpp
/// @brief Storage for large columns: a column of the memory cache that fits (memory_cache.hpp),
/// else fresh storage advised for huge pages (huge_pages.hpp).
#pragma once

#include "column_cache.hpp"
#include "huge_pages.hpp"

#include <cstddef>
#include <vector>

namespace chitieu::detail {

/// Reserves room for n entries, the entries kept: a cached column's storage when one fits, else
/// new storage advised for huge pages before it is written.
template <class T>
void reserve_column(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity() || take_cached_column(v, n)) return;
  v.reserve(n);
  advise_huge_pages(v.data(), n * sizeof(T));
}

/// Resizes to n entries, the storage as reserve_column() gives it.
template <class T>
void resize_column(std::vector<T>& v, std::size_t n) {
  reserve_column(v, n);
  v.resize(n);
}

}  // namespace chitieu::detail

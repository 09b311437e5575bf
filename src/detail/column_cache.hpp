/// @file column_cache.hpp
/// @brief The memory cache's columns of any element type (memory_cache.hpp): handed in with
/// cache_column(), taken back with take_cached_column().
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <typeindex>
#include <typeinfo>
#include <vector>

namespace chitieu::detail {

/// The smallest column the cache keeps, in bytes: smaller ones come cheaply from the allocator.
inline constexpr std::size_t cached_column_bytes = std::size_t{4} << 20;

/// The storage of one cached column, of any element type.
struct cached_storage {
  virtual ~cached_storage() = default;
};

/// The storage of a cached column of T (size 0, its capacity kept).
template <class T>
struct cached_vector final : cached_storage {
  std::vector<T> column;  ///< empty, with the capacity of the column handed in
};

/// Puts `storage` (of `bytes` bytes, element type `type`) in the cache, the oldest columns freed
/// first while the cache would exceed its limit (`storage` itself when it alone does, or when
/// there is no memory for the cache's own bookkeeping).
void cache_storage(std::type_index type, std::size_t bytes, std::unique_ptr<cached_storage> storage) noexcept;

/// Takes out of the cache the smallest column of element type `type` with at least `least` and at
/// most `most` bytes; nullptr when there is none.
std::unique_ptr<cached_storage> take_cached_storage(std::type_index type, std::size_t least,
                                                    std::size_t most);

/// Hands the storage of `column` to the cache when it is large, else frees it (as when there is
/// no memory for the cache's bookkeeping); `column` is left empty without storage.
template <class T>
void cache_column(std::vector<T>& column) noexcept {
  const std::size_t bytes = column.capacity() * sizeof(T);
  std::unique_ptr<cached_vector<T>> storage(
      bytes < cached_column_bytes ? nullptr : new (std::nothrow) cached_vector<T>());
  if (!storage) {
    std::vector<T>().swap(column);
    return;
  }
  storage->column.swap(column);
  storage->column.clear();
  cache_storage(typeid(T), bytes, std::move(storage));
}

/// Hands a column to the cache (cache_column()) when the scope that holds it ends, by a return or
/// an exception: a temporary column of the core (a panel's index) then serves the next call.
template <class T>
class cache_at_exit {
 public:
  /// Binds `column`, which must outlive this.
  explicit cache_at_exit(std::vector<T>& column) noexcept : column_(column) {}
  cache_at_exit(const cache_at_exit&) = delete;
  cache_at_exit& operator=(const cache_at_exit&) = delete;
  /// Caches the column.
  ~cache_at_exit() { cache_column(column_); }

 private:
  std::vector<T>& column_;
};

/// Gives `column` a cached column's storage with room for n entries (at most 2n), its entries
/// kept; false (the column unchanged) when n entries are small or the cache has none that fits.
template <class T>
bool take_cached_column(std::vector<T>& column, std::size_t n) {
  const std::size_t bytes = n * sizeof(T);
  if (bytes < cached_column_bytes) return false;
  std::unique_ptr<cached_storage> storage = take_cached_storage(typeid(T), bytes, 2 * bytes);
  if (!storage) return false;
  std::vector<T>& spare = static_cast<cached_vector<T>&>(*storage).column;
  spare.assign(column.begin(), column.end());  // within its capacity: no allocation
  column.swap(spare);
  return true;
}

}  // namespace chitieu::detail

/// @file memory_cache.cpp
/// @brief The memory cache (memory_cache.hpp): one process-wide list of cached columns under a lock.
#include <chitieu/memory_cache.hpp>

#include "detail/column_cache.hpp"
#include "detail/columns_of.hpp"

#include <list>
#include <mutex>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace chitieu {

namespace detail {
namespace {

/// An eighth of the physical memory (1 GiB where it cannot be read).
std::size_t default_limit() noexcept {
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) return static_cast<std::size_t>(pages) / 8 * static_cast<std::size_t>(page);
#endif
  return std::size_t{1} << 30;
}

/// One cached column.
struct cached_entry {
  std::type_index type;                     ///< its element type
  std::size_t bytes;                        ///< its capacity in bytes
  std::unique_ptr<cached_storage> storage;  ///< its storage
};

/// Cached columns taken out of the cache, freed when the list is (after the lock is released).
using freed_columns = std::list<cached_entry>;

/// The cached columns, oldest first, their bytes and the limit.
class memory_cache {
 public:
  /// See cache_storage(); returns the columns to free.
  freed_columns put(std::type_index type, std::size_t bytes, std::unique_ptr<cached_storage> storage) {
    freed_columns freed;
    freed.push_back({type, bytes, std::move(storage)});
    const std::lock_guard<std::mutex> lock(mutex_);
    if (bytes > limit_) return freed;
    columns_.splice(columns_.end(), freed);
    bytes_ += bytes;
    trim(freed);
    return freed;
  }

  /// See take_cached_storage().
  std::unique_ptr<cached_storage> take(std::type_index type, std::size_t least, std::size_t most) {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto best = columns_.end();
    for (auto it = columns_.begin(); it != columns_.end(); ++it)
      if (it->type == type && it->bytes >= least && it->bytes <= most &&
          (best == columns_.end() || it->bytes < best->bytes))
        best = it;
    if (best == columns_.end()) return nullptr;
    std::unique_ptr<cached_storage> storage = std::move(best->storage);
    bytes_ -= best->bytes;
    columns_.erase(best);
    return storage;
  }

  /// Sets the limit; returns the previous one, and moves the columns beyond the new one to `freed`.
  std::size_t set_limit(std::size_t bytes, freed_columns& freed) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const std::size_t previous = limit_;
    limit_ = bytes;
    trim(freed);
    return previous;
  }

  /// Moves every column to `freed`; returns their bytes.
  std::size_t clear(freed_columns& freed) {
    const std::lock_guard<std::mutex> lock(mutex_);
    freed.splice(freed.end(), columns_);
    return std::exchange(bytes_, 0);
  }

  /// The limit.
  std::size_t limit() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return limit_;
  }

  /// The bytes held.
  std::size_t bytes() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
  }

 private:
  /// Moves the oldest columns to `freed` while the cache exceeds its limit (the lock held).
  void trim(freed_columns& freed) {
    while (bytes_ > limit_) {
      bytes_ -= columns_.front().bytes;
      freed.splice(freed.end(), columns_, columns_.begin());
    }
  }

  std::mutex mutex_;
  freed_columns columns_;
  std::size_t bytes_ = 0;
  std::size_t limit_ = default_limit();
};

/// The process's cache; never destroyed, so that objects freed while the process exits may still
/// hand it their columns.
memory_cache& cache() {
  static auto* const the_cache = new memory_cache();
  return *the_cache;
}

}  // namespace

void cache_storage(std::type_index type, std::size_t bytes,
                   std::unique_ptr<cached_storage> storage) noexcept {
  try {
    cache().put(type, bytes, std::move(storage));  // what it returns is freed here, without the lock
  } catch (...) {  // no memory for a list entry (or the lock failed): the storage is freed
  }
}

std::unique_ptr<cached_storage> take_cached_storage(std::type_index type, std::size_t least,
                                                    std::size_t most) {
  return cache().take(type, least, most);
}

}  // namespace detail

std::size_t memory_cache_limit() { return detail::cache().limit(); }

std::size_t set_memory_cache_limit(std::size_t bytes) {
  detail::freed_columns freed;  // freed on return, without the lock
  return detail::cache().set_limit(bytes, freed);
}

std::size_t memory_cache_bytes() { return detail::cache().bytes(); }

std::size_t release_memory_cache() {
  detail::freed_columns freed;  // freed on return, without the lock
  return detail::cache().clear(freed);
}

void cache_columns(evaluation&& e) noexcept {
  detail::for_each_column(e, [](auto& column) { detail::cache_column(column); });
  e = evaluation{};
}

void cache_columns(panel&& p) noexcept {
  detail::for_each_column(p, [](auto& column) { detail::cache_column(column); });
  p = panel{};
}

}  // namespace chitieu

/// @file memory_cache.hpp
/// @brief The memory cache: the large columns of results a caller has finished with, kept to
/// serve the next job's new columns.
///
/// A fresh column of many megabytes costs the kernel a page fault and a zeroed page per page on
/// its first write; at national scale that is a large share of a review. The cache keeps the
/// storage of large columns (4 MiB or more) handed to it, up to a limit in bytes, and the
/// library's own new columns take a cached one of their element type with room for them (and at
/// most twice that) before asking for fresh memory. The Python bindings hand every Evaluation
/// and Panel they free to it; C++ callers hand theirs with cache_columns(). Thread-safe.
#pragma once

#include <chitieu/evaluation.hpp>
#include <chitieu/export.hpp>
#include <chitieu/panel.hpp>

#include <cstddef>

namespace chitieu {

/// The most bytes the cache holds: by default an eighth of the machine's physical memory.
CHITIEU_API std::size_t memory_cache_limit();

/// Sets the most bytes the cache holds and returns the previous limit; the oldest columns beyond
/// the new limit are freed at once. 0 turns the cache off (every column handed to it is freed).
CHITIEU_API std::size_t set_memory_cache_limit(std::size_t bytes);

/// The bytes of the columns the cache holds now.
CHITIEU_API std::size_t memory_cache_bytes();

/// Frees every column the cache holds and returns their bytes; the limit stays as it is.
CHITIEU_API std::size_t release_memory_cache();

/// Hands the columns of an evaluation the caller has finished with to the cache (small columns,
/// and any the cache cannot take, are freed); `e` is left empty.
CHITIEU_API void cache_columns(evaluation&& e) noexcept;

/// Hands the columns of a panel the caller has finished with to the cache (small columns, and any
/// the cache cannot take, are freed); `p` is left empty.
CHITIEU_API void cache_columns(panel&& p) noexcept;

}  // namespace chitieu

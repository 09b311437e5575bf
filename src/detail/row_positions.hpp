/// @file row_positions.hpp
/// @brief The positions of a panel's rows in its index: a column sized (resize_column()) without
/// being written, so that the threads filling it fault its fresh pages in, each its own share, at
/// the same time.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// std::allocator, except that construct() without arguments default-initialises: a vector of a
/// trivial type then grows by resize() without writing its new entries.
template <class T>
struct unwritten_allocator : std::allocator<T> {
  /// The same allocator for entries of type U.
  template <class U>
  struct rebind {
    using other = unwritten_allocator<U>;  ///< the rebound allocator
  };
  unwritten_allocator() = default;
  /// Converts from the allocator of another type (stateless).
  template <class U>
  unwritten_allocator(const unwritten_allocator<U>&) noexcept {}
  /// Default-initialises *p: nothing is written for a trivial type.
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  /// Constructs *p from `args`.
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

/// Each row's position in a panel's index (positions[order[i]] = i).
using row_positions = std::vector<std::size_t, unwritten_allocator<std::size_t>>;

}  // namespace chitieu::detail

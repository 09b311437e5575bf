/// @file cached_array.hpp
/// @brief A numpy array over a column of the memory cache (chitieu/memory_cache.hpp): storage the
/// cache holds when one of its columns fits, else fresh storage advised for huge pages; handed back
/// to the cache when numpy frees the array, so that the same array made again (a frame's codes,
/// job after job) does not write fresh pages.
#pragma once

#include "detail/column_cache.hpp"
#include "detail/column_storage.hpp"
#include "detail/parallel.hpp"

#include <pybind11/numpy.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace chitieu::python {

/// A one-dimensional numpy array of n zero entries of T on a column from the memory cache; the
/// column goes back to the cache when the array is freed.
template <class T>
pybind11::array_t<T> cached_array(std::size_t n) {
  auto column = std::make_unique<std::vector<T>>();
  detail::resize_column(*column, n);
  T* data = column->data();
  const pybind11::capsule owner(column.get(), [](void* p) {
    std::unique_ptr<std::vector<T>> freed(static_cast<std::vector<T>*>(p));
    detail::cache_column(*freed);
  });
  column.release();  // the capsule owns it now
  return pybind11::array_t<T>(static_cast<pybind11::ssize_t>(n), data, owner);
}

/// The n entries at `from` converted to T (each must fit) as a cached_array(), copied on the
/// cores without the GIL.
template <class T, class From>
pybind11::array_t<T> cached_copy(const From* from, std::size_t n) {
  pybind11::array_t<T> out = cached_array<T>(n);
  T* put = out.mutable_data();
  pybind11::gil_scoped_release release;
  const unsigned threads = detail::thread_count(0, n, 65536);
  detail::run_chunks(threads, threads, [&](std::size_t c) {
    for (std::size_t i = n * c / threads, end = n * (c + 1) / threads; i < end; ++i)
      put[i] = static_cast<T>(from[i]);
  });
  return out;
}

}  // namespace chitieu::python

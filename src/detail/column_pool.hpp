/// @file column_pool.hpp
/// @brief Columns a stage has finished with, handed out again as its new columns: a large fresh
/// column costs the kernel a zeroed page per 4 KiB on first write, a recycled one nothing.
#pragma once

#include "column_cache.hpp"
#include "column_storage.hpp"

#include <chitieu/pace.hpp>
#include <chitieu/status.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// Spare columns of doubles, 32-bit integers, statuses and paces (the element types of panels and
/// evaluations).
class column_pool {
 public:
  /// Takes a column the caller no longer needs (left empty); its storage serves a later take().
  template <class T>
  void give(std::vector<T>& column) {
    if (column.capacity() != 0) spares<T>().push_back(std::move(column));
    std::vector<T>().swap(column);
  }

  /// Hands every spare column to the memory cache (cache_column()), for the next call's columns.
  void cache_spares() noexcept {
    std::apply([](auto&... kinds) { (cache_all(kinds), ...); }, spares_);
  }

  /// Fresh storage is reserved with room for at least `rows` entries: given the room of the
  /// panel a stage consumes, the columns it makes can hold such a panel again once they are
  /// cached (room never written takes no memory).
  void set_fresh_room(std::size_t rows) noexcept { fresh_room_ = rows; }

  /// Makes `column` a column of n entries (values unspecified): a spare one with room for n when
  /// there is one, else storage from reserve_column() with room for the fresh room if larger.
  template <class T>
  void take(std::vector<T>& column, std::size_t n) {
    take_room(column, n);
    column.resize(n);
  }

  /// As take(), but fresh storage is only reserved (the column's size left as it was): the
  /// caller's column.resize(n) writes it first, e.g. several columns at once on several threads, so that
  /// their page faults are taken in parallel.
  template <class T>
  void take_room(std::vector<T>& column, std::size_t n) {
    auto& pool = spares<T>();
    while (!pool.empty()) {
      std::vector<T> spare = std::move(pool.back());
      pool.pop_back();
      if (spare.capacity() < n) continue;  // too small: freed
      spare.resize(n);
      column.swap(spare);
      return;
    }
    reserve_column(column, std::max(n, fresh_room_));
  }

 private:
  /// Caches every column of `columns`, which is left empty.
  template <class T>
  static void cache_all(std::vector<std::vector<T>>& columns) noexcept {
    for (auto& column : columns) cache_column(column);
    columns.clear();
  }

  /// The spare columns of element type T.
  template <class T>
  std::vector<std::vector<T>>& spares() {
    return std::get<std::vector<std::vector<T>>>(spares_);
  }

  std::tuple<std::vector<std::vector<double>>, std::vector<std::vector<std::int32_t>>,
             std::vector<std::vector<status>>, std::vector<std::vector<pace>>>
      spares_;
  std::size_t fresh_room_ = 0;
};

}  // namespace chitieu::detail

/// @file series_count_sort.hpp
/// @brief The panel index by counting the rows of each series: one pass counts them, one places them
/// (the common case of data that lists each series' years in order).
#pragma once

#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chitieu::detail {

/// Indexes `p` (its codes checked by check_panel_shape; its years in [first_year, last_year]) by a
/// counting sort on the series, indicator code × area code, on `threads` threads: each counts the
/// rows of every series in its contiguous share of the rows, then places them. Applies when the
/// tables of series, one per thread, have at most as many entries in all as the panel has rows
/// (fewer than 2³² rows, years spanning fewer than 65 535) and every series lists its years in
/// non-decreasing order in the panel (as data sorted by year, or by series, do). Then `ix` is the
/// index index_panel() defines and the result is true; else `ix` is left empty and the result is
/// false (the caller sorts).
/// `series_starts`, when given, then gets the position in the order of every series code
/// (indicator code × area count + area code, the series without rows included: an empty range),
/// and the row count last (it is left as it was when the result is false).
bool index_by_series_counts(const panel& p, std::int32_t first_year, std::int32_t last_year, unsigned threads,
                            panel_index& ix, std::vector<std::uint32_t>* series_starts = nullptr);

/// index_panel(p); when its counting sort applied (index_by_series_counts), `series_starts` gets
/// the position in the order of every series code and the row count last, else it is left empty.
/// Defined beside index_panel (panel_index.cpp).
panel_index index_panel_and_series_starts(const panel& p, std::vector<std::uint32_t>& series_starts);

}  // namespace chitieu::detail

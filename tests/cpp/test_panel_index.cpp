#include <boost/test/unit_test.hpp>

#include <chitieu/panel_index.hpp>

#include "detail/radix_sort.hpp"
#include "detail/series_count_sort.hpp"
#include "detail/series_tiles.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <tuple>
#include <vector>

namespace {
// The sorted (indicator, area, year) tuple of each indexed position.
std::vector<std::tuple<int, int, int>> keys_in_order(const chitieu::panel& p,
                                                     const chitieu::panel_index& ix) {
  std::vector<std::tuple<int, int, int>> out;
  for (std::size_t r : ix.order) out.emplace_back(p.indicator[r], p.area[r], p.year[r]);
  return out;
}

// Row numbers in (indicator, area, year) order, equal keys in panel order: the index's definition.
std::vector<std::size_t> reference_order(const chitieu::panel& p) {
  std::vector<std::size_t> ref(p.size());
  std::iota(ref.begin(), ref.end(), std::size_t{0});
  std::stable_sort(ref.begin(), ref.end(), [&](std::size_t a, std::size_t b) {
    return std::make_tuple(p.indicator[a], p.area[a], p.year[a]) <
           std::make_tuple(p.indicator[b], p.area[b], p.year[b]);
  });
  return ref;
}

// A panel of `indicators` × `areas` ids whose rows are listed year by year (2015..2024), as yearly
// tables appended: each year a random subset of the series, in random order, some rows twice.
chitieu::panel year_by_year_panel(int indicators, int areas, std::size_t rows_per_year, unsigned seed) {
  chitieu::panel p;
  for (int i = 0; i < indicators; ++i) p.indicator_ids.push_back("i" + std::to_string(i));
  for (int a = 0; a < areas; ++a) p.area_ids.push_back("a" + std::to_string(a));
  std::mt19937 rng(seed);
  for (std::int32_t year = 2015; year < 2025; ++year)
    for (std::size_t r = 0; r < rows_per_year; ++r) {
      p.indicator.push_back(static_cast<std::int32_t>(rng() % static_cast<unsigned>(indicators)));
      p.area.push_back(static_cast<std::int32_t>(rng() % static_cast<unsigned>(areas)));
      p.year.push_back(year);
    }
  p.value.assign(p.indicator.size(), 0.0);
  p.numerator = p.denominator = p.weight = p.se = p.coverage = p.value;
  return p;
}

// The series boundaries of an order: where (indicator, area) changes, and the sentinel.
std::vector<std::size_t> series_starts(const chitieu::panel& p, const std::vector<std::size_t>& order) {
  std::vector<std::size_t> start{0};
  for (std::size_t i = 1; i < order.size(); ++i)
    if (p.indicator[order[i]] != p.indicator[order[i - 1]] || p.area[order[i]] != p.area[order[i - 1]])
      start.push_back(i);
  start.push_back(order.size());
  return start;
}
}  // namespace

BOOST_AUTO_TEST_CASE(small_unsorted_panel) {
  chitieu::panel p;
  p.add("y", "b", 2021, 1);  // row 0: codes y=0, b=0
  p.add("x", "b", 2020, 2);  // row 1: x=1
  p.add("x", "a", 2021, 3);  // row 2: a=1
  p.add("y", "b", 2020, 4);  // row 3
  p.add("x", "a", 2020, 5);  // row 4
  const auto ix = chitieu::index_panel(p);
  // (0,0,2020)=row 3, (0,0,2021)=row 0, (1,0,2020)=row 1, (1,1,2020)=row 4, (1,1,2021)=row 2
  const std::vector<std::size_t> expected{3, 0, 1, 4, 2};
  BOOST_TEST(ix.order == expected, boost::test_tools::per_element());
  const std::vector<std::size_t> starts{0, 2, 3, 5};  // series y/b, x/b, x/a and the sentinel
  BOOST_TEST(ix.start == starts, boost::test_tools::per_element());
  BOOST_TEST(ix.series_count() == 3u);
}

BOOST_AUTO_TEST_CASE(sorted_panel_keeps_identity_and_duplicates_stay_adjacent) {
  chitieu::panel p;
  p.add("x", "a", 2020, 1);
  p.add("x", "a", 2020, 2);  // duplicate year: stays next to its twin, in panel order
  p.add("x", "a", 2022, 3);
  const auto ix = chitieu::index_panel(p);
  const std::vector<std::size_t> identity{0, 1, 2};
  BOOST_TEST(ix.order == identity, boost::test_tools::per_element());
  BOOST_TEST(ix.series_count() == 1u);
}

BOOST_AUTO_TEST_CASE(empty_panel) {
  const auto ix = chitieu::index_panel(chitieu::panel{});
  BOOST_TEST(ix.order.empty());
  BOOST_TEST(ix.series_count() == 0u);
}

BOOST_AUTO_TEST_CASE(large_shuffled_panel_matches_a_reference_sort) {
  // 37 indicators × 301 areas × years 1995..2035 subset, shuffled; compare with std::stable_sort.
  chitieu::panel p;
  for (int i = 0; i < 37; ++i) p.indicator_ids.push_back("i" + std::to_string(i));
  for (int a = 0; a < 301; ++a) p.area_ids.push_back("a" + std::to_string(a));
  std::mt19937 rng(42);
  const std::size_t n = 300000;  // over two 65 536-row shares: indexed on several threads
  for (std::size_t r = 0; r < n; ++r) {
    p.indicator.push_back(static_cast<std::int32_t>(rng() % 37));
    p.area.push_back(static_cast<std::int32_t>(rng() % 301));
    p.year.push_back(static_cast<std::int32_t>(1995 + rng() % 41));
  }
  p.value.assign(n, 0.0);
  p.numerator = p.denominator = p.weight = p.se = p.coverage = p.value;
  const auto ix = chitieu::index_panel(p);
  BOOST_TEST(ix.order == reference_order(p));  // stable: equal keys keep panel order
  // series boundaries are exactly where (indicator, area) changes
  const auto keys = keys_in_order(p, ix);
  std::size_t boundaries = 1;
  for (std::size_t i = 1; i < n; ++i)
    if (std::get<0>(keys[i]) != std::get<0>(keys[i - 1]) || std::get<1>(keys[i]) != std::get<1>(keys[i - 1]))
      ++boundaries;
  BOOST_TEST(ix.series_count() == boundaries);
  BOOST_TEST(ix.start.back() == n);
}

BOOST_AUTO_TEST_CASE(keys_too_wide_to_carry_the_row_are_sorted_with_a_payload) {
  // 2^15 indicator and area ids (15 bits each) and years spanning 2^32 (32 bits): 62 key bits
  // leave no room for the row number (3 bits), so the rows travel beside the keys; same order.
  chitieu::panel p;
  for (int i = 0; i < (1 << 15); ++i) p.indicator_ids.push_back("i" + std::to_string(i));
  p.area_ids = p.indicator_ids;
  const std::int32_t lo = std::numeric_limits<std::int32_t>::min(),
                     hi = std::numeric_limits<std::int32_t>::max();
  const std::vector<std::int32_t> ind{7, 3, 7, 3, 32767, 7}, area{1, 2, 1, 2, 0, 1},
      year{hi, lo, lo, lo, 0, hi};
  p.indicator = ind;
  p.area = area;
  p.year = year;
  p.value.assign(ind.size(), 0.0);
  p.numerator = p.denominator = p.weight = p.se = p.coverage = p.value;
  const auto ix = chitieu::index_panel(p);
  // (3, 2, lo) rows 1 and 3 (stable), (7, 1, lo) row 2, (7, 1, hi) rows 0 and 5, (32767, 0, 0) row 4.
  BOOST_TEST(ix.order == (std::vector<std::size_t>{1, 3, 2, 0, 5, 4}), boost::test_tools::per_element());
  BOOST_TEST(ix.start == (std::vector<std::size_t>{0, 2, 5, 6}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(malformed_panels_are_refused) {
  chitieu::panel p;
  p.add("x", "a", 2020, 1);
  p.add("x", "a", 2021, 1);
  p.area[1] = 5;  // no such area
  try {
    chitieu::index_panel(p);
    BOOST_FAIL("expected chitieu::error");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.line() == 2);
    BOOST_TEST(e.field() == "area");
  }
  p.area[1] = 0;
  p.indicator[0] = -1;
  BOOST_CHECK_THROW(chitieu::index_panel(p), chitieu::error);
  p.indicator[0] = 0;
  p.se.pop_back();
  try {
    chitieu::index_panel(p);
    BOOST_FAIL("expected chitieu::error");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "se");
  }
}

BOOST_AUTO_TEST_CASE(radix_sort_on_any_number_of_threads_is_a_stable_sort) {
  // Keys of 30 bits with many equal digits (values below 3000 shifted up), sorted on bits
  // [5, 30): the low 5 bits (a payload of their own) must keep their order among equal keys.
  std::mt19937_64 g(11);
  std::vector<std::uint64_t> keys(200000);
  for (auto& k : keys) k = ((g() % 3000) << 17 | (g() % 4096)) << 5 | (g() % 32);
  std::vector<std::uint64_t> expected = keys;
  std::stable_sort(expected.begin(), expected.end(),
                   [](std::uint64_t a, std::uint64_t b) { return (a >> 5) < (b >> 5); });
  std::vector<std::size_t> rows(keys.size());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::vector<std::size_t> expected_rows = rows;
  std::stable_sort(expected_rows.begin(), expected_rows.end(),
                   [&](std::size_t a, std::size_t b) { return (keys[a] >> 5) < (keys[b] >> 5); });
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    std::vector<std::uint64_t> sorted = keys;
    std::vector<std::size_t> none;
    chitieu::detail::radix_sort(sorted, none, 5, 34, threads);
    BOOST_TEST(sorted == expected, boost::test_tools::per_element());
    std::vector<std::uint64_t> carried = keys;
    std::vector<std::size_t> payload = rows;
    chitieu::detail::radix_sort(carried, payload, 5, 34, threads);
    BOOST_TEST(payload == expected_rows, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(a_large_sorted_panel_out_of_order_only_where_two_shares_meet_is_sorted) {
  // Rows in key order except that the two halves are swapped: each half (a thread's share of
  // the key building on two or more threads) is sorted on its own, the whole is not.
  chitieu::panel p;
  p.indicator_ids = {"i"};
  for (int a = 0; a < 3000; ++a) p.area_ids.push_back("a" + std::to_string(a));
  for (int half : {1, 0})
    for (int a = half * 1500; a < (half + 1) * 1500; ++a)
      for (int y = 0; y < 100; ++y) {
        p.indicator.push_back(0);
        p.area.push_back(a);
        p.year.push_back(1950 + y);
      }
  const std::size_t n = p.year.size();
  p.value.assign(n, 0.0);
  p.numerator = p.denominator = p.weight = p.se = p.coverage = p.value;
  const auto ix = chitieu::index_panel(p);
  BOOST_TEST(ix.order.front() == n / 2);  // area 0, year 1950 is the first row of the second half
  for (std::size_t i = 1; i < n; ++i)
    BOOST_REQUIRE(std::make_tuple(p.area[ix.order[i - 1]], p.year[ix.order[i - 1]]) <
                  std::make_tuple(p.area[ix.order[i]], p.year[ix.order[i]]));
  BOOST_TEST(ix.series_count() == 3000u);
}

BOOST_AUTO_TEST_CASE(series_counts_index_year_by_year_panels_as_the_reference_sort) {
  // 23 indicators × 997 areas (22 931 series) over 10 years of 40 000 rows: repeated rows included.
  const chitieu::panel p = year_by_year_panel(23, 997, 40000, 7);
  const auto ref = reference_order(p);
  const auto starts = series_starts(p, ref);
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    chitieu::panel_index ix;
    BOOST_TEST_INFO("threads = " << threads);
    BOOST_TEST(chitieu::detail::index_by_series_counts(p, 2015, 2024, threads, ix));
    BOOST_TEST(ix.order == ref);
    BOOST_TEST(ix.start == starts);
  }
  const auto ix = chitieu::index_panel(p);
  BOOST_TEST(ix.order == ref);
  BOOST_TEST(ix.start == starts);
}

BOOST_AUTO_TEST_CASE(series_counts_decline_a_series_out_of_year_order_and_index_panel_sorts_it) {
  chitieu::panel p = year_by_year_panel(5, 40, 2000, 11);  // 200 series, 20 000 rows
  chitieu::panel_index ix;
  BOOST_TEST(chitieu::detail::index_by_series_counts(p, 2015, 2024, 2, ix));
  // Within one share: row 0 becomes a 2019 row, and a later row of its series a 2014 row.
  chitieu::panel within = p;
  within.indicator[9999] = within.indicator[0];
  within.area[9999] = within.area[0];
  within.year[9999] = 2014;
  within.year[0] = 2019;
  chitieu::panel_index none;
  BOOST_TEST(!chitieu::detail::index_by_series_counts(within, 2014, 2024, 1, none));
  BOOST_TEST(none.order.empty());
  BOOST_TEST(chitieu::index_panel(within).order == reference_order(within));
  // Across shares: each half lists its years in order, but the first row of the second half
  // becomes a 2015 row of the series whose last row in the first half is of 2019.
  chitieu::panel across = p;
  const std::size_t half = across.size() / 2;  // the first row of the second of two shares
  across.indicator[half] = across.indicator[half - 1];
  across.area[half] = across.area[half - 1];
  across.year[half] = 2015;  // the series' row before it (row half - 1) is of 2019
  BOOST_TEST(across.year[half - 1] == 2019);
  BOOST_TEST(!chitieu::detail::index_by_series_counts(across, 2015, 2024, 2, none));
  BOOST_TEST(chitieu::index_panel(across).order == reference_order(across));
  // 3 000 series over 10 000 rows: one table fits, four (one a thread) would outgrow the panel.
  chitieu::panel narrow = year_by_year_panel(10, 300, 1000, 13);
  chitieu::panel_index one_thread, four_threads;
  BOOST_TEST(chitieu::detail::index_by_series_counts(narrow, 2015, 2024, 1, one_thread));
  BOOST_TEST(one_thread.order == reference_order(narrow));
  BOOST_TEST(!chitieu::detail::index_by_series_counts(narrow, 2015, 2024, 4, four_threads));
  BOOST_TEST(four_threads.order.empty());
  // More series than rows: the table would outgrow the panel.
  chitieu::panel wide = year_by_year_panel(50, 500, 100, 3);  // 25 000 series, 1 000 rows
  BOOST_TEST(!chitieu::detail::index_by_series_counts(wide, 2015, 2024, 2, none));
  BOOST_TEST(chitieu::index_panel(wide).order == reference_order(wide));
}

// The number of rows of each series code (indicator code × area count + area code) of `p`.
std::vector<std::size_t> rows_per_series(const chitieu::panel& p) {
  std::vector<std::size_t> rows(p.indicator_ids.size() * p.area_ids.size(), 0);
  for (std::size_t r = 0; r < p.size(); ++r)
    ++rows[static_cast<std::size_t>(p.indicator[r]) * p.area_ids.size() +
           static_cast<std::size_t>(p.area[r])];
  return rows;
}

BOOST_AUTO_TEST_CASE(series_starts_are_each_series_codes_first_position_in_the_order) {
  chitieu::panel p = year_by_year_panel(23, 997, 40000, 5);
  p.area_ids.insert(p.area_ids.begin() + 500, "no rows");  // an area code without rows, inside the range
  for (auto& a : p.area) a += a >= 500 ? 1 : 0;
  std::vector<std::uint32_t> starts{7, 7};  // replaced
  const auto ix = chitieu::detail::index_panel_and_series_starts(p, starts);
  BOOST_TEST(ix.order == reference_order(p));
  const std::vector<std::size_t> rows = rows_per_series(p);
  BOOST_TEST_REQUIRE(starts.size() == rows.size() + 1);
  std::size_t before = 0, wrong = 0, empty = 0;  // rows of the series codes below s
  for (std::size_t s = 0; s < rows.size(); ++s) {
    wrong += starts[s] == before ? 0 : 1;
    empty += rows[s] == 0 ? 1 : 0;
    before += rows[s];
  }
  BOOST_TEST(wrong == 0u);
  BOOST_TEST(empty == 23u);  // the area without rows: its series are in the list too, as empty ranges
  BOOST_TEST(starts.back() == p.size());
  // A panel the counting sort declines (years out of order in its series): radix-sorted, no starts.
  chitieu::panel shuffled = p;
  std::mt19937 rng(9);
  for (std::size_t r = 0; r < shuffled.size(); ++r)
    shuffled.year[r] = static_cast<std::int32_t>(2015 + rng() % 10);
  const auto sorted = chitieu::detail::index_panel_and_series_starts(shuffled, starts);
  BOOST_TEST(starts.empty());
  BOOST_TEST(sorted.order == reference_order(shuffled));
}

BOOST_AUTO_TEST_CASE(series_tiles_cover_the_index_once_by_whole_series_area_block_after_block) {
  const chitieu::panel p = year_by_year_panel(7, 300, 2000, 11);  // 20 000 rows, 2 100 series codes
  std::vector<std::uint32_t> starts;
  const auto ix = chitieu::detail::index_panel_and_series_starts(p, starts);
  BOOST_TEST_REQUIRE(starts.size() == 7u * 300u + 1u);
  const std::size_t areas = 300;
  // 20 000 rows over 300 areas, tiles of 1 000 rows: 15 areas a tile, 20 tiles of 7 indicators.
  const auto ranges = chitieu::detail::series_tiles(starts, areas, 1000);
  std::vector<int> covered(p.size(), 0);
  std::size_t split = 0, out_of_tile_order = 0;
  std::int64_t last_tile = -1;
  for (const auto& range : ranges) {
    BOOST_TEST_REQUIRE(range.first < range.last);
    for (std::size_t i = range.first; i < range.last; ++i) ++covered[i];
    // whole series: the rows before and after the range belong to other series
    const auto series = [&](std::size_t i) {
      return std::make_pair(p.indicator[ix.order[i]], p.area[ix.order[i]]);
    };
    if (range.first > 0 && series(range.first - 1) == series(range.first)) ++split;
    if (range.last < p.size() && series(range.last - 1) == series(range.last)) ++split;
    // one indicator a range, its areas within one tile of 15; tiles in order
    const auto tile = static_cast<std::int64_t>(p.area[ix.order[range.first]] / 15);
    for (std::size_t i = range.first; i < range.last; ++i)
      if (p.indicator[ix.order[i]] != p.indicator[ix.order[range.first]] || p.area[ix.order[i]] / 15 != tile)
        ++out_of_tile_order;
    if (tile < last_tile) ++out_of_tile_order;
    last_tile = tile;
  }
  BOOST_TEST(std::count(covered.begin(), covered.end(), 1) == static_cast<std::ptrdiff_t>(p.size()));
  BOOST_TEST(split == 0u);
  BOOST_TEST(out_of_tile_order == 0u);
  BOOST_TEST(ranges.size() == 20u * 7u);  // every (tile, indicator) has rows here
  // Shares over three threads: consecutive runs of ranges, each near a third of the rows.
  const auto shares = chitieu::detail::range_shares(ranges, p.size(), 3);
  BOOST_TEST_REQUIRE(shares.size() == 4u);
  BOOST_TEST(shares.front() == 0u);
  BOOST_TEST(shares.back() == ranges.size());
  for (std::size_t c = 0; c < 3; ++c) {
    std::size_t rows = 0;
    for (std::size_t t = shares[c]; t < shares[c + 1]; ++t) rows += ranges[t].last - ranges[t].first;
    BOOST_TEST(rows > p.size() / 3 - 400, "share " << c << ": " << rows << " rows");
    BOOST_TEST(rows < p.size() / 3 + 400, "share " << c << ": " << rows << " rows");
  }
  // One area a tile at least, however small the tile; no series starts, no tiles.
  const std::vector<std::size_t> rows = rows_per_series(p);
  BOOST_TEST(
      chitieu::detail::series_tiles(starts, areas, 1).size() ==
      static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](std::size_t r) { return r > 0; })));
  BOOST_TEST(chitieu::detail::series_tiles({}, areas, 1000).empty());
}

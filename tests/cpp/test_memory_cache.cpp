// The memory cache (memory_cache.hpp): large columns handed to it serve the library's next new
// columns of their type (the smallest that fits, at most twice the room asked), small ones are
// freed, the limit frees the oldest first, and an evaluation into cached (stale) storage equals
// one into fresh memory.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/evaluate.hpp>
#include <chitieu/memory_cache.hpp>
#include <chitieu/plan_file.hpp>
#include "detail/column_storage.hpp"
#include "detail/columns_of.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <thread>
#include <vector>

namespace {

constexpr std::size_t mib = std::size_t{1} << 20;

/// Each test starts with an empty cache and a limit of 1 GiB, and leaves the default limit.
struct fresh_cache {
  fresh_cache() : limit(chitieu::set_memory_cache_limit(1024 * mib)) { chitieu::release_memory_cache(); }
  ~fresh_cache() {
    chitieu::release_memory_cache();
    chitieu::set_memory_cache_limit(limit);
  }
  std::size_t limit;
};

/// A synthetic panel of plan `p` with enough areas that a column of `entry_bytes`-byte entries is
/// large enough to be cached (detail::cached_column_bytes or more).
chitieu::panel cached_size_panel(const chitieu::plan& p, std::size_t entry_bytes) {
  const std::size_t rows_per_area = chitieu::test::synthetic_panel(p, 1).size();
  const auto areas = static_cast<int>(chitieu::detail::cached_column_bytes / entry_bytes / rows_per_area + 1);
  return chitieu::test::synthetic_panel(p, areas);
}

/// A column of doubles of `bytes` bytes (filled with 1).
std::vector<double> doubles(std::size_t bytes) { return std::vector<double>(bytes / sizeof(double), 1.0); }

/// Hands a column to the cache; returns where its storage was.
template <class T>
const void* cache(std::vector<T>&& column) {
  const void* at = column.data();
  chitieu::detail::cache_column(column);
  BOOST_TEST(column.capacity() == 0u);
  return at;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(memory_cache, fresh_cache)

BOOST_AUTO_TEST_CASE(large_columns_are_cached_and_serve_the_next_column_of_their_type) {
  const void* big = cache(doubles(8 * mib));
  cache(doubles(2 * mib));  // below 4 MiB: freed
  BOOST_TEST(chitieu::memory_cache_bytes() == 8 * mib);
  std::vector<std::int32_t> codes;  // another element type: fresh storage
  chitieu::detail::reserve_column(codes, 2 * mib);
  BOOST_TEST(static_cast<const void*>(codes.data()) != big);
  BOOST_TEST(chitieu::memory_cache_bytes() == 8 * mib);
  std::vector<double> column{1.5, 2.5};  // its entries kept in the cached storage
  chitieu::detail::reserve_column(column, 6 * mib / sizeof(double));
  BOOST_TEST(static_cast<const void*>(column.data()) == big);
  BOOST_TEST(column.size() == 2u);
  BOOST_TEST(column[1] == 2.5);
  BOOST_TEST(chitieu::memory_cache_bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(the_smallest_column_that_fits_is_taken_and_none_over_twice_the_room) {
  const void* large = cache(doubles(16 * mib));
  const void* medium = cache(doubles(8 * mib));
  std::vector<double> a, b, c;
  chitieu::detail::resize_column(a, 5 * mib / sizeof(double));
  BOOST_TEST(static_cast<const void*>(a.data()) == medium);
  chitieu::detail::resize_column(b, 7 * mib / sizeof(double));  // 16 MiB is more than twice 7
  BOOST_TEST(static_cast<const void*>(b.data()) != large);
  BOOST_TEST(chitieu::memory_cache_bytes() == 16 * mib);
  chitieu::detail::resize_column(c, 9 * mib / sizeof(double));
  BOOST_TEST(static_cast<const void*>(c.data()) == large);
  BOOST_TEST(chitieu::memory_cache_bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(the_limit_frees_the_oldest_columns_first) {
  chitieu::set_memory_cache_limit(20 * mib);
  cache(doubles(8 * mib));
  const void* second = cache(doubles(8 * mib));
  const void* third = cache(doubles(8 * mib));  // 24 MiB: the first is freed
  BOOST_TEST(chitieu::memory_cache_bytes() == 16 * mib);
  cache(doubles(32 * mib));  // over the limit alone: freed at once
  BOOST_TEST(chitieu::memory_cache_bytes() == 16 * mib);
  std::set<const void*> taken;
  for (int k = 0; k < 3; ++k) {
    std::vector<double> column;
    chitieu::detail::reserve_column(column, 8 * mib / sizeof(double));
    taken.insert(column.data());
    chitieu::detail::cache_column(column);  // back in, as the newest
    BOOST_TEST(chitieu::memory_cache_bytes() == 16 * mib);
  }
  BOOST_TEST((taken == std::set<const void*>{second, third}));
  BOOST_TEST(chitieu::set_memory_cache_limit(10 * mib) == 20 * mib);  // the oldest freed
  BOOST_TEST(chitieu::memory_cache_bytes() == 8 * mib);
  BOOST_TEST(chitieu::release_memory_cache() == 8 * mib);
  BOOST_TEST(chitieu::memory_cache_bytes() == 0u);
  BOOST_TEST(chitieu::set_memory_cache_limit(0) == 10 * mib);  // off: nothing is kept
  cache(doubles(8 * mib));
  BOOST_TEST(chitieu::memory_cache_bytes() == 0u);
  BOOST_TEST(chitieu::memory_cache_limit() == 0u);
}

BOOST_AUTO_TEST_CASE(an_evaluation_in_cached_storage_equals_one_in_fresh_memory) {
  // Enough areas that every column of doubles is 4 MiB or more.
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  const chitieu::panel big = cached_size_panel(p, sizeof(double));
  BOOST_REQUIRE(big.size() * sizeof(double) >= chitieu::detail::cached_column_bytes);
  chitieu::set_memory_cache_limit(0);
  const chitieu::evaluation fresh = chitieu::evaluate(p, big);
  chitieu::set_memory_cache_limit(1024 * mib);
  chitieu::evaluation first = chitieu::evaluate(p, big);
  std::set<const void*> cached{first.value.data(), first.p_meet.data(), first.margin.data()};
  // garbage in the storage the next evaluation takes: nothing may rely on fresh zeroed pages
  for (auto* column : {&first.value, &first.p_meet, &first.margin, &first.assessed, &first.projected})
    std::fill(column->begin(), column->end(), -7.0);
  chitieu::cache_columns(std::move(first));
  BOOST_TEST(first.size() == 0u);
  const std::size_t held = chitieu::memory_cache_bytes();
  // the nine columns of doubles (the others are small), and the index the evaluation cached itself
  BOOST_TEST(held == (9 * sizeof(double) + sizeof(std::size_t)) * big.size());
  chitieu::panel given = big;  // a copy (made from the cache's storage), given away
  const chitieu::evaluation again = chitieu::evaluate(p, std::move(given));
  BOOST_TEST(chitieu::test::same(again, fresh));
  BOOST_TEST(chitieu::memory_cache_bytes() < held);
  const chitieu::evaluation kept = chitieu::evaluate(p, big);
  BOOST_TEST(chitieu::test::same(kept, fresh));
  const std::set<const void*> used{again.value.data(), again.p_meet.data(), again.margin.data(),
                                   kept.value.data(),  kept.p_meet.data(),  kept.margin.data()};
  std::size_t reused = 0;
  for (const void* at : cached) reused += used.count(at);
  BOOST_TEST(reused > 0u);
}

BOOST_AUTO_TEST_CASE(threads_cache_and_take_columns_at_once) {
  // Under ThreadSanitizer (the tsan preset) a race on the cache's list fails this test.
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([] {
      for (int k = 0; k < 50; ++k) {
        std::vector<double> column;
        chitieu::detail::resize_column(column, 5 * mib / sizeof(double));
        column.back() = k;
        chitieu::detail::cache_column(column);
      }
    });
  for (auto& t : threads) t.join();
  BOOST_TEST(chitieu::memory_cache_bytes() % (5 * mib) == 0u);
  BOOST_TEST(chitieu::memory_cache_bytes() <= 4 * 5 * mib);
  BOOST_TEST(chitieu::memory_cache_bytes() >= 5 * mib);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(the_index_of_an_evaluation_serves_the_next_one) {
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  const chitieu::panel big = cached_size_panel(p, sizeof(std::size_t));
  const fresh_cache scope;
  const chitieu::evaluation first = chitieu::evaluate(p, big);
  const std::size_t index_bytes = big.size() * sizeof(std::size_t);  // the order of the rows
  BOOST_TEST(chitieu::memory_cache_bytes() == index_bytes);
  // The next index takes that storage and gives it back: a fresh one would leave two.
  const chitieu::evaluation second = chitieu::evaluate(p, big);
  BOOST_TEST(chitieu::memory_cache_bytes() == index_bytes);
  BOOST_TEST(chitieu::test::same(first, second));
}

BOOST_AUTO_TEST_CASE(the_columns_of_an_evaluation_have_the_room_of_the_panel_it_consumed) {
  // Once cached, each column can then hold the next such panel, room for its parent rows included.
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  chitieu::panel given = chitieu::test::synthetic_panel(p, 20);
  const std::size_t room = given.size() + given.size() / 10;
  chitieu::detail::for_each_column(given, [room](auto& column) { column.reserve(room); });
  const fresh_cache scope;
  chitieu::evaluation e = chitieu::evaluate(p, std::move(given));
  std::size_t columns = 0;
  chitieu::detail::for_each_column(e, [&](auto& column) {
    BOOST_TEST(column.capacity() >= room);
    ++columns;
  });
  BOOST_TEST(columns == 14u);
}

BOOST_AUTO_TEST_CASE(the_columns_an_evaluation_has_left_over_go_to_the_cache) {
  // Sorting a given panel's codes into index order leaves one column of codes over (each code
  // column takes the storage the one before it left): cached, the next such call finds it there.
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  const chitieu::panel big = cached_size_panel(p, sizeof(std::int32_t));
  const fresh_cache scope;
  chitieu::panel given = big;
  const chitieu::evaluation e = chitieu::evaluate(p, std::move(given));
  const std::size_t index_bytes = big.size() * sizeof(std::size_t);
  BOOST_TEST(chitieu::memory_cache_bytes() == index_bytes + big.size() * sizeof(std::int32_t));
}

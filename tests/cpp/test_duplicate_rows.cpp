// Tests of detail::duplicate_rows: the bitmap of the key space and the sorted fallback give the
// same pairs (row, latest earlier row with the same indicator × area × year) as a brute force.
#include <boost/test/unit_test.hpp>

#include "detail/duplicate_rows.hpp"

#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <vector>

using chitieu::panel;
using pairs = std::vector<std::pair<std::size_t, std::size_t>>;

namespace {

/// Every (r, q) with q the latest row before r sharing r's indicator, area and year: O(n²).
pairs brute_force(const panel& p) {
  pairs out;
  for (std::size_t r = 0; r < p.size(); ++r)
    for (std::size_t q = r; q-- > 0;)
      if (p.indicator[q] == p.indicator[r] && p.area[q] == p.area[r] && p.year[q] == p.year[r]) {
        out.emplace_back(r, q);
        break;
      }
  return out;
}

/// A random panel of `rows` rows over 3 indicators, 5 areas and the years [first, first + span).
panel random_panel(std::size_t rows, int first, int span, unsigned seed) {
  std::mt19937 g(seed);
  panel p;
  for (std::size_t r = 0; r < rows; ++r)
    p.add("i" + std::to_string(g() % 3), "a" + std::to_string(g() % 5),
          first + static_cast<int>(g() % static_cast<unsigned>(span)), 1.0);
  return p;
}

/// The pairs as r0, q0, r1, q1, … (printable by Boost.Test).
std::vector<std::size_t> flat(const pairs& ps) {
  std::vector<std::size_t> out;
  for (const auto& [r, q] : ps) {
    out.push_back(r);
    out.push_back(q);
  }
  return out;
}

/// duplicate_rows() of a panel, flattened.
std::vector<std::size_t> found(const panel& p) { return flat(chitieu::detail::duplicate_rows(p)); }

}  // namespace

BOOST_AUTO_TEST_CASE(a_triple_pairs_each_repeat_with_the_latest_earlier_row) {
  panel p;
  p.add("i", "a", 2020, 1);  // row 0
  p.add("i", "b", 2020, 1);  // row 1: another area
  p.add("i", "a", 2021, 1);  // row 2: another year
  p.add("i", "a", 2020, 2);  // row 3: repeats row 0
  p.add("j", "a", 2020, 1);  // row 4: another indicator
  p.add("i", "a", 2020, 3);  // row 5: repeats row 3 (the latest), not row 0
  BOOST_TEST(found(p) == flat({{3, 0}, {5, 3}}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_rows_and_no_repeats_give_nothing) {
  BOOST_TEST(found(panel{}).empty());
  panel p;
  p.add("i", "a", 2020, 1);
  p.add("i", "a", 2021, 1);
  BOOST_TEST(found(p).empty());
}

BOOST_AUTO_TEST_CASE(the_bitmap_agrees_with_a_brute_force_on_random_panels) {
  // 3 × 5 × 4 keys for 40 rows: many repeats; the key space is small, so the bitmap is used.
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const panel p = random_panel(40, 2020, 4, seed);
    BOOST_TEST(found(p) == flat(brute_force(p)), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(a_wide_year_span_takes_the_sorted_path_with_the_same_pairs) {
  // Years spread over 2^30: the key space is far above 16 bits a row, so the panel is sorted;
  // rows 0 and 3 share their key (year 1900), the others are spread out.
  panel p;
  p.add("i", "a", 1900, 1);
  p.add("i", "a", 1900 + (1 << 30), 1);
  p.add("i", "b", 1900, 1);
  p.add("i", "a", 1900, 2);
  p.add("i", "a", 1900 + (1 << 30), 2);
  BOOST_TEST(found(p) == flat({{3, 0}, {4, 1}}), boost::test_tools::per_element());
  for (unsigned seed = 1; seed <= 10; ++seed) {
    panel q = random_panel(30, 1900, 4, seed);
    q.add("i0", "a0", 1900 + (1 << 30), 1.0);  // stretches the span past the bitmap's limit
    BOOST_TEST(found(q) == flat(brute_force(q)), boost::test_tools::per_element());
  }
}

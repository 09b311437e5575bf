// Tests of detail::parent_row_bound and detail::copy_with_room: the copy a roll-up or a review
// makes of a panel the caller keeps has room for every parent row, so appending them does not
// move the columns, and holds the same rows.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/roll_up.hpp>
#include "detail/panel_room.hpp"

#include <cmath>
#include <limits>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::panel;

using namespace chitieu::test;

namespace {

/// Two summed indicators, wards a..e of town T (two_reforms), 2018–2026 where each exists.
panel wards_panel() {
  panel obs;
  for (const char* ind : {"jobs", "farms"})
    for (int y = 2018; y <= 2026; ++y) {
      if (y < 2020) obs.add(ind, "a", y, 10.0 + y % 7);
      if (y >= 2020 && y <= 2024) {
        obs.add(ind, "b", y, 4.0);
        obs.add(ind, "c", y, 5.0);
      }
      if (y >= 2025) obs.add(ind, "d", y, 9.0);
      obs.add(ind, "e", y, 1.0);
    }
  return obs;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_bound_is_parents_times_indicators_times_the_span) {
  // One parent (T) × 2 indicators × 9 years (2018–2026) = 18; the roll-up appends one T row
  // per indicator and year: exactly 18.
  const auto areas = two_reforms("T");
  const panel obs = wards_panel();
  BOOST_TEST(chitieu::detail::parent_row_bound(obs, areas) == 18u);
  const auto p = make_plan({make_indicator("jobs", chitieu::unit::count, aggregate_rule::sum),
                            make_indicator("farms", chitieu::unit::count, aggregate_rule::sum)});
  const auto res = chitieu::roll_up(p, obs, areas);
  BOOST_TEST(res.rows.size() == obs.size() + 18u);
  BOOST_TEST(chitieu::detail::parent_row_bound(panel{}, areas) == 0u);
}

BOOST_AUTO_TEST_CASE(the_copy_holds_the_same_rows_with_the_room_asked_for) {
  const panel obs = wards_panel();
  const panel copy = chitieu::detail::copy_with_room(obs, 18);
  BOOST_TEST(panel_differences(copy, obs) == std::vector<std::string>{}, boost::test_tools::per_element());
  BOOST_TEST(copy.value.capacity() >= obs.size() + 18u);
  BOOST_TEST(copy.coverage.capacity() >= obs.size() + 18u);
}

BOOST_AUTO_TEST_CASE(no_room_when_the_bound_exceeds_the_rows) {
  // 2 parents × 3 indicators × 2 years = 12: room for 12 rows beside 12 or more, none beside 11
  // (an area table far larger than the data); nothing without parents, indicators or years.
  BOOST_TEST(chitieu::detail::parent_room(12, 2, 3, 2) == 12u);
  BOOST_TEST(chitieu::detail::parent_room(11, 2, 3, 2) == 0u);
  BOOST_TEST(chitieu::detail::parent_room(100, 0, 3, 2) == 0u);
  BOOST_TEST(chitieu::detail::parent_room(100, 2, 0, 2) == 0u);
  // A bound beyond what size_t holds is refused, not wrapped around.
  const std::size_t huge = std::numeric_limits<std::size_t>::max() / 2;
  BOOST_TEST(chitieu::detail::parent_room(1000, huge, 4, 4) == 0u);
}

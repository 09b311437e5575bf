#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/areas.hpp>

#include <string>
#include <vector>

using chitieu::area;
using chitieu::area_table;
using chitieu::parse_date;

using namespace chitieu::test;

namespace {
// A reform on 1 July 2025: old town T (to 2025-06-30) with wards a, b; from 2025-07-01 the
// region R (parent P2) holds the merged ward ab. Provinces P1 (to 2025-06-30) and P2 (from).
std::vector<area> reform() {
  return {make_area("P1", "", "", "2025-06-30"),  make_area("P2", "", "2025-07-01", ""),
          make_area("T", "P1", "", "2025-06-30"), make_area("R", "P2", "2025-07-01", ""),
          make_area("a", "T", "", "2025-06-30"),  make_area("b", "T", "", "2025-06-30"),
          make_area("ab", "R", "2025-07-01", "")};
}
}  // namespace

BOOST_AUTO_TEST_CASE(units_of_a_year_are_those_valid_on_31_december) {
  const area_table t(reform());
  // 2025-12-31 is after the reform: a and b ended on 2025-06-30, so 2025 is on the new units.
  BOOST_TEST(t.units_in_year(2024) == (std::vector<std::string>{"P1", "T", "a", "b"}));
  BOOST_TEST(t.units_in_year(2025) == (std::vector<std::string>{"P2", "R", "ab"}));
  BOOST_TEST(t.units_at(parse_date("2025-06-30")) == (std::vector<std::string>{"P1", "T", "a", "b"}));
  BOOST_TEST(t.units_at(parse_date("2025-07-01")) == (std::vector<std::string>{"P2", "R", "ab"}));
  BOOST_TEST(t.valid_on("a", parse_date("2025-06-30")));  // inclusive end
  BOOST_TEST(!t.valid_on("a", parse_date("2025-07-01")));
  BOOST_TEST(t.valid_on("ab", parse_date("2025-07-01")));  // inclusive start
  BOOST_TEST(t.valid_in_year("T", 2024));
  BOOST_TEST(!t.valid_in_year("T", 2025));
}

BOOST_AUTO_TEST_CASE(parent_links_are_taken_on_31_december) {
  const area_table t(reform());
  BOOST_TEST(t.parent_in_year("a", 2024).value() == "T");
  BOOST_TEST(!t.parent_in_year("a", 2025).has_value());  // a is not a unit of 2025
  BOOST_TEST(t.parent_in_year("ab", 2025).value() == "R");
  BOOST_TEST(!t.parent_in_year("P1", 2020).has_value());  // a root
  BOOST_TEST(t.children_in_year("T", 2020) == (std::vector<std::string>{"a", "b"}));
  BOOST_TEST(t.children_in_year("T", 2025).empty());
  BOOST_TEST(t.children_in_year("R", 2026) == (std::vector<std::string>{"ab"}));
  BOOST_TEST(t.children_in_year("P2", 2025) == (std::vector<std::string>{"R"}));
}

BOOST_AUTO_TEST_CASE(a_code_can_be_reused_by_a_later_unit) {
  // Phước Hội 23231 until 2025-06-30, the new phường Phước Hội keeps 23231 from 2025-07-01.
  const area_table t({make_area("old", "", "", "2025-06-30", "23231", "phường"),
                      make_area("new", "", "2025-07-01", "", "23231", "phường")});
  BOOST_TEST(t.at("old").code == t.at("new").code);
  BOOST_TEST(t.units_in_year(2024) == (std::vector<std::string>{"old"}));
  BOOST_TEST(t.units_in_year(2025) == (std::vector<std::string>{"new"}));
  // Overlapping by one day (both valid on 2025-06-30) is refused.
  const auto problems = chitieu::area_problems({make_area("old", "", "", "2025-06-30", "23231", "phường"),
                                                make_area("new", "", "2025-06-30", "", "23231", "phường")});
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].field() == "code");
  BOOST_TEST(problems[0].line() == 2);
}

BOOST_AUTO_TEST_CASE(reused_codes_are_reported_per_row_against_each_earlier_holder) {
  // Rows 1, 3, 4 share code 7 at level "xã" (all open-ended); row 2 has code 7 at another
  // level and row 5 another code: row 3 clashes with row 1, row 4 with rows 1 and 3, in order.
  const auto problems = chitieu::area_problems(
      {make_area("a", "", "", "", "7", "xã"), make_area("b", "", "", "", "7", "phường"),
       make_area("c", "", "", "", "7", "xã"), make_area("d", "", "", "", "7", "xã"),
       make_area("e", "", "", "", "8", "xã")});
  BOOST_TEST_REQUIRE(problems.size() == 3u);
  BOOST_TEST(problems[0].line() == 3);
  BOOST_TEST(problems[0].message().find("'c' is also the code of 'a' (row 1") != std::string::npos);
  BOOST_TEST(problems[1].line() == 4);
  BOOST_TEST(problems[1].message().find("'d' is also the code of 'a' (row 1") != std::string::npos);
  BOOST_TEST(problems[2].line() == 4);
  BOOST_TEST(problems[2].message().find("'d' is also the code of 'c' (row 3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(duplicate_ids_are_refused_with_the_row) {
  const auto problems =
      chitieu::area_problems({make_area("a", ""), make_area("b", ""), make_area("a", "")}, "areas.csv");
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].line() == 3);  // third data row
  BOOST_TEST(problems[0].field() == "id");
  BOOST_TEST(problems[0].file() == "areas.csv");
  BOOST_TEST(problems[0].message().find("first on row 1") != std::string::npos);
  try {
    area_table t({make_area("a", ""), make_area("b", ""), make_area("a", "")}, "areas.csv");
    BOOST_FAIL("duplicate id accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(std::string(e.what()).find("areas.csv:3: id: duplicate area id 'a'") == 0u);
  }
}

BOOST_AUTO_TEST_CASE(empty_ids_and_unknown_parents_are_refused) {
  const auto problems = chitieu::area_problems({make_area("", ""), make_area("b", "nowhere")});
  BOOST_TEST_REQUIRE(problems.size() == 2u);
  BOOST_TEST(problems[0].field() == "id");
  BOOST_TEST(problems[1].field() == "parent");
  BOOST_TEST(problems[1].line() == 2);
  BOOST_TEST(problems[1].message().find("'nowhere'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cycles_are_refused) {
  const auto self = chitieu::area_problems({make_area("a", "a")});
  BOOST_TEST_REQUIRE(self.size() == 1u);
  BOOST_TEST(self[0].message().find("cycle") != std::string::npos);
  // a -> b -> c -> a: each member is its own ancestor.
  const auto loop = chitieu::area_problems(
      {make_area("a", "b"), make_area("b", "c"), make_area("c", "a"), make_area("d", "a")});
  BOOST_TEST(loop.size() == 3u);
  for (const auto& e : loop) BOOST_TEST(e.field() == "parent");
  BOOST_CHECK_THROW(area_table({make_area("a", "b"), make_area("b", "a")}), chitieu::error);
}

BOOST_AUTO_TEST_CASE(a_parent_must_be_valid_whenever_its_child_is) {
  // Child open-ended, parent ends 2025-06-30: the child is valid on 2025-12-31, the parent not.
  const auto late = chitieu::area_problems({make_area("p", "", "", "2025-06-30"), make_area("c", "p")});
  BOOST_TEST_REQUIRE(late.size() == 1u);
  BOOST_TEST(late[0].line() == 2);
  BOOST_TEST(late[0].field() == "parent");
  BOOST_TEST(late[0].message().find("31 December 2025") != std::string::npos);
  // Child from 2019-01-01, parent from 2020-03-01: on 2019-12-31 the parent does not exist.
  const auto early =
      chitieu::area_problems({make_area("p", "", "2020-03-01"), make_area("c", "p", "2019-01-01")});
  BOOST_TEST_REQUIRE(early.size() == 1u);
  BOOST_TEST(early[0].message().find("31 December 2019") != std::string::npos);
  // Only 31 December counts: child 2025-01-01..open, parent 2025-07-01..open share every year end.
  BOOST_TEST(
      chitieu::area_problems({make_area("p", "", "2025-07-01"), make_area("c", "p", "2025-01-01")}).empty());
  // A parent ending on 31 December exactly covers that year.
  BOOST_TEST(
      chitieu::area_problems({make_area("p", "", "", "2024-12-31"), make_area("c", "p", "", "2024-12-31")})
          .empty());
}

BOOST_AUTO_TEST_CASE(validity_must_not_be_reversed) {
  const auto problems = chitieu::area_problems({make_area("a", "", "2025-07-01", "2025-06-30")});
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].field() == "valid_to");
}

BOOST_AUTO_TEST_CASE(unknown_ids_are_named) {
  const area_table t(reform(), "areas.csv");
  try {
    (void)t.parent_in_year("zz", 2020);
    BOOST_FAIL("unknown id accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "area");
    BOOST_TEST(std::string(e.what()).find("'zz'") != std::string::npos);
  }
  BOOST_TEST(!t.contains("zz"));
  BOOST_TEST(t.contains("ab"));
}

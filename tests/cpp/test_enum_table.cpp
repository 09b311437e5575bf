#include <boost/test/unit_test.hpp>

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/change_measure.hpp>
#include <chitieu/direction.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/status.hpp>
#include <chitieu/target.hpp>
#include <chitieu/trend.hpp>
#include <chitieu/unit.hpp>

#include <set>
#include <string>

using namespace chitieu;

namespace {

/// Every value's name parses back to it, names and labels are distinct and not empty.
template <class E>
void check_table() {
  std::set<std::string_view> names, vi, en;
  for (E v : enum_values<E>()) {
    BOOST_TEST((enum_from_string<E>(to_string(v)) == v));
    names.insert(to_string(v));
    vi.insert(label_vi(v));
    en.insert(label_en(v));
    BOOST_TEST(!label_vi(v).empty());
    BOOST_TEST(!label_en(v).empty());
  }
  const auto n = enum_values<E>().size();
  BOOST_TEST(names.size() == n);
  BOOST_TEST(vi.size() == n);
  BOOST_TEST(en.size() == n);
}

std::string message_of(void (*f)()) {
  try {
    f();
  } catch (const error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_table_round_trips) {
  check_table<unit>();
  check_table<direction>();
  check_table<target_kind>();
  check_table<status>();
  check_table<pace>();
  check_table<pace_method>();
  check_table<aggregate_rule>();
  check_table<trend>();
  check_table<change_measure>();
}

BOOST_AUTO_TEST_CASE(values_in_code_order) {
  BOOST_TEST(enum_values<status>().size() == 5u);
  BOOST_TEST((all_statuses[2] == status::not_met));
  BOOST_TEST((all_units.back() == unit::per_1k));
  BOOST_TEST((enum_values<trend>()[1] == trend::compound));
  static_assert(to_string(pace::limited_progress) == "limited_progress");
  static_assert(label_vi(status::met) == "Đạt");
  static_assert(label_en(status::not_met) == "Not met");
}

BOOST_AUTO_TEST_CASE(unknown_names_are_chitieu_errors_listing_the_names) {
  BOOST_TEST(message_of([] { enum_from_string<direction>("up"); }) ==
             "unknown direction 'up'; expected higher, lower or none");
  BOOST_TEST(
      message_of([] { enum_from_string<target_kind>("band"); }) ==
      "unknown target kind 'band'; expected threshold, range, approx, relative, cumulative, milestone, "
      "sustained, qualitative or annual_change");
  BOOST_TEST(message_of([] {
               unit_from_string("percentage");
             }).find("unknown unit 'percentage'; expected percent, per_10k") == 0u);
  BOOST_TEST(enum_names_text<trend>() == "linear or compound");
}

#include <boost/test/unit_test.hpp>

#include <chitieu/pace.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

using chitieu::pace;
using chitieu::pace_method;

BOOST_AUTO_TEST_CASE(names_are_distinct_and_in_code_order) {
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < chitieu::all_paces.size(); ++i) {
    BOOST_TEST(static_cast<std::size_t>(chitieu::all_paces[i]) == i);  // codes 0..12 in order
    names.insert(chitieu::to_string(chitieu::all_paces[i]));
  }
  BOOST_TEST(names.size() == 13u);
  BOOST_TEST(names.count("?") == 0u);
  BOOST_TEST(chitieu::to_string(pace::progress_needs_acceleration) == "progress_needs_acceleration");
  BOOST_TEST(chitieu::to_string(pace::moderately_improving) == "moderately_improving");
  BOOST_TEST(chitieu::to_string(pace::insufficient_data) == "insufficient_data");
}

BOOST_AUTO_TEST_CASE(methods_round_trip) {
  for (auto m : {pace_method::chitieu, pace_method::open_sdg, pace_method::sdsn})
    BOOST_TEST((chitieu::pace_method_from_string(chitieu::to_string(m)) == m));
  BOOST_TEST(chitieu::to_string(pace_method::open_sdg) == "open_sdg");
}

BOOST_AUTO_TEST_CASE(unknown_method_names_the_valid_ones) {
  try {
    chitieu::pace_method_from_string("opensdg");
    BOOST_FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    const std::string msg = e.what();
    BOOST_TEST(msg.find("'opensdg'") != std::string::npos);
    BOOST_TEST(msg.find("chitieu, open_sdg or sdsn") != std::string::npos);
  }
}

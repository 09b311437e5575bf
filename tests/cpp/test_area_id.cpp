#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/area_id.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/plan_validate.hpp>

#include <string>
#include <vector>

using chitieu::area_id_problem;
using chitieu::is_valid_area_id;

using namespace chitieu::test;

BOOST_AUTO_TEST_CASE(official_codes_and_slugs_are_area_ids) {
  for (const char* id :
       {"01", "00004", "594", "23231", "VN", "la-gi", "phuoc_hoi", "Phước Hội", "HCM City", "x"})
    BOOST_TEST(is_valid_area_id(id), id);
  BOOST_TEST(is_valid_area_id(std::string(64, '7')));  // exactly 64 bytes
}

BOOST_AUTO_TEST_CASE(bad_area_ids_say_why) {
  BOOST_TEST(area_id_problem("") == "an area id cannot be empty");
  BOOST_TEST(area_id_problem(std::string(65, '7')).find("65 bytes long; an area id has at most 64") !=
             std::string::npos);
  BOOST_TEST(area_id_problem(" 594").find("begins with white space") != std::string::npos);
  BOOST_TEST(area_id_problem("594 ").find("ends with white space") != std::string::npos);
  BOOST_TEST(area_id_problem("59\t4").find("control character U+0009") != std::string::npos);
  BOOST_TEST(area_id_problem("a\x7f").find("control character U+007F") != std::string::npos);
  BOOST_TEST(area_id_problem("\xe2\x28").find("not valid UTF-8") != std::string::npos);
  // "Hội" with o + combining circumflex + combining dot below: decomposed, not NFC.
  BOOST_TEST(area_id_problem("Ho\xcc\x82\xcc\xa3i").find("not in Unicode NFC") != std::string::npos);
  BOOST_TEST(is_valid_area_id("H\xe1\xbb\x99i"));  // the same word composed
}

BOOST_AUTO_TEST_CASE(ids_are_compared_exactly) {
  // "01" and "1" are two units; a code keeps its leading zero.
  const chitieu::area_table t({make_area("01", ""), make_area("1", "01")});
  BOOST_TEST(t.contains("01"));
  BOOST_TEST(t.contains("1"));
  BOOST_TEST(!t.contains("001"));
  BOOST_TEST(t.at("1").parent == "01");
}

BOOST_AUTO_TEST_CASE(the_rule_applies_to_area_tables) {
  const auto found =
      chitieu::area_problems({make_area("594", ""), make_area(" 23231", "594"), make_area("23235", "594 "),
                              make_area("23236", "594", "", "", "a\tb")},
                             "areas.csv");
  BOOST_TEST_REQUIRE(found.size() >= 3u);
  BOOST_TEST(found[0].line() == 2);
  BOOST_TEST(found[0].field() == "id");
  BOOST_TEST(found[1].line() == 3);
  BOOST_TEST(found[1].field() == "parent");
  BOOST_TEST(found[1].message().find("ends with white space") != std::string::npos);
  BOOST_TEST(found[2].line() == 4);
  BOOST_TEST(found[2].field() == "code");
}

BOOST_AUTO_TEST_CASE(the_rule_applies_to_plans_and_observations) {
  chitieu::plan p =
      make_plan({make_indicator("pop", chitieu::unit::count,
                                make_target(chitieu::target_kind::threshold, chitieu::direction::higher, 1.0,
                                            true, std::nullopt, false))});
  p.title.vi = p.title.en = "t";
  p.area = "594";
  for (const auto& e : chitieu::plan_problems(p)) BOOST_TEST(e.field() != "plan.area", e.what());
  p.area = "594 ";
  bool refused = false;
  for (const auto& e : chitieu::plan_problems(p)) refused = refused || e.field() == "plan.area";
  BOOST_TEST(refused);

  chitieu::panel obs;
  obs.add("pop", "00004", 2024, 10.0);
  obs.add("pop", "VN\n", 2024, 10.0);
  const auto found = chitieu::observation_problems(p, obs);
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].line() == 2);
  BOOST_TEST(found[0].field() == "area");
  BOOST_TEST(found[0].message().find("control character U+000A") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(crosswalk_ends_that_are_no_ids_say_why) {
  const chitieu::area_table t({make_area("594", "", "", "2025-06-30"), make_area("23231", "", "2025-07-01")});
  const std::vector<chitieu::crosswalk_link> links{{"594 ", "23231", 1.0, chitieu::parse_date("2025-07-01")}};
  const auto found = chitieu::crosswalk_problems(links, t, "crosswalk.csv");
  BOOST_TEST_REQUIRE(!found.empty());
  BOOST_TEST(found[0].field() == "from");
  BOOST_TEST(found[0].message().find("ends with white space") != std::string::npos);
}

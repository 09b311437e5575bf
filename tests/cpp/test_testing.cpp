#include <chitieu/testing/boost_test.hpp>

#include <chitieu/evaluate.hpp>
#include <chitieu/plan_file.hpp>

#include <string>

namespace {

/// The town's trained-labour share 2020-2024 (target "đạt trên 80%"): short of it every year.
chitieu::evaluation labour(double last = 74.0) {
  chitieu::panel obs;
  const double values[] = {70, 71, 72.5, 73, last};
  for (int i = 0; i < 5; ++i) obs.add("trained_labour", "la-gi", 2020 + i, values[i]);
  return chitieu::evaluate(chitieu::load_plan("la-gi-2024"), obs);
}

}  // namespace

BOOST_AUTO_TEST_CASE(find_returns_the_row_or_says_what_there_is) {
  const chitieu::evaluation ev = labour();
  BOOST_TEST(chitieu::testing::find(ev, "trained_labour", "la-gi", 2024).value() == 74.0);
  const auto message = [&](const char* indicator, const char* area, int year) -> std::string {
    try {
      chitieu::testing::find(ev, indicator, area, year);
    } catch (const chitieu::testing::missing_row& e) {
      return e.what();
    }
    return "found";
  };
  BOOST_TEST(message("x", "la-gi", 2024) ==
             "no row for indicator 'x', area 'la-gi', year 2024: the evaluation has no row of indicator 'x' "
             "('trained_labour' have rows)");
  BOOST_TEST(message("trained_labour", "b", 2024) ==
             "no row for indicator 'trained_labour', area 'b', year 2024: indicator 'trained_labour' has "
             "rows in the "
             "areas 'la-gi' only");
  BOOST_TEST(
      message("trained_labour", "la-gi", 2030) ==
      "no row for indicator 'trained_labour', area 'la-gi', year 2030: 'trained_labour' × 'la-gi' has rows "
      "for the years '2020', '2021', '2022', '2023', '2024' only");
}

BOOST_AUTO_TEST_CASE(check_status_shows_the_row) {
  const chitieu::evaluation ev = labour();
  const chitieu::plan plan = chitieu::load_plan("la-gi-2024");
  BOOST_TEST(
      chitieu::testing::check_status(ev, "trained_labour", "la-gi", 2024, chitieu::status::not_met).empty());
  const std::string message =
      chitieu::testing::check_status(ev, "trained_labour", "la-gi", 2024, chitieu::status::met, &plan);
  const std::string pace(chitieu::to_string(ev.find("trained_labour", "la-gi", 2024)->pace()));
  BOOST_TEST(message.rfind("status of 'trained_labour' × 'la-gi' × 2024 is 'not_met', expected 'met'\n"
                           "  value    74\n"
                           "  assessed 74\n"
                           "  target   đạt trên 80% (higher is better)\n"
                           "  margin   -6\n"
                           "  coverage NaN\n"
                           "  status   not_met\n"
                           "  pace     " +
                               pace +
                               "\n"
                               "  p_meet   ",
                           0) == 0,
             message);
  const std::string other_pace =
      chitieu::testing::check_pace(ev, "trained_labour", "la-gi", 2024, chitieu::pace::achieved);
  BOOST_TEST(other_pace.rfind(
                 "pace of 'trained_labour' × 'la-gi' × 2024 is '" + pace + "', expected 'achieved'", 0) == 0,
             other_pace);
  BOOST_TEST(other_pace.find("target   (not known: pass the plan to see it)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(compare_lists_the_differing_cells) {
  const chitieu::evaluation ev = labour();
  BOOST_TEST(chitieu::testing::compare(ev, labour()).empty());
  const std::string message = chitieu::testing::compare(ev, labour(81.0));
  BOOST_TEST(message.rfind("evaluations differ (5 rows left, 5 right; rtol=1e-09, atol=0): ", 0) == 0,
             message);
  BOOST_TEST(message.find("\ndiffering cells:\n  trained_labour × la-gi × 2024: status not_met → met\n") !=
                 std::string::npos,
             message);
  BOOST_TEST(message.find("trained_labour × la-gi × 2024: value 74 → 81") != std::string::npos, message);
  BOOST_TEST(message.find("trained_labour × la-gi × 2024: margin -6 → 1") != std::string::npos, message);

  chitieu::evaluation shorter = ev;
  shorter.resize(4);
  const std::string rows = chitieu::testing::compare(ev, shorter);
  BOOST_TEST(rows.find("0 cells differ, 1 rows only left, 0 only right\nrows only left:\n"
                       "  trained_labour × la-gi × 2024") != std::string::npos,
             rows);

  chitieu::evaluation nudged = ev;
  nudged.margin[0] += 1e-7;
  BOOST_TEST(!chitieu::testing::compare(ev, nudged).empty());
  chitieu::testing::tolerance loose = chitieu::testing::exactly();
  loose.atol = 1e-6;
  BOOST_TEST(chitieu::testing::compare(ev, nudged, loose).empty());
  BOOST_TEST(!chitieu::testing::compare(ev, nudged, chitieu::testing::exactly()).empty());
  nudged.p_meet[4] = 0.5;
  nudged.margin[0] = ev.margin[0];
  chitieu::testing::tolerance no_pace;
  no_pace.check_pace = false;
  BOOST_TEST(chitieu::testing::compare(ev, nudged, no_pace).empty());
}

BOOST_AUTO_TEST_CASE(boost_test_adapter_passes_on_agreement) {
  const chitieu::evaluation ev = labour();
  CHITIEU_CHECK_STATUS(ev, "trained_labour", "la-gi", 2024, chitieu::status::not_met);
  CHITIEU_REQUIRE_STATUS(ev, "trained_labour", "la-gi", 2020, chitieu::status::not_met);
  CHITIEU_CHECK_PACE(ev, "trained_labour", "la-gi", 2020, chitieu::pace::insufficient_data);
  CHITIEU_CHECK_EVALUATIONS_EQUAL(ev, labour());
  CHITIEU_REQUIRE_EVALUATIONS_EQUAL(ev, labour(), chitieu::testing::tolerance{});
}

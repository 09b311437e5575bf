// The catalogue of bad inputs (issue 8, docs/errors.md): one test case per entry, asserting the
// exception type, the file, line and field it names and the key words of its message (what was
// wrong and what would be valid). Plan files, observations, areas and crosswalks.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/geography.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/phrase.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/review.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <typeinfo>
#include <vector>

using namespace chitieu::test;

namespace {

constexpr double no_number = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

/// What an error must say: where, and words of its message.
struct expected {
  std::string file;
  long line;
  std::string field;
  std::vector<std::string> words;
};

/// Checks one error against the expectation.
void check_error(const chitieu::error& e, const expected& x) {
  BOOST_TEST(e.file() == x.file);
  BOOST_TEST(e.line() == x.line);
  BOOST_TEST(e.field() == x.field);
  for (const auto& w : x.words)
    BOOST_TEST(e.message().find(w) != std::string::npos, "message lacks \"" << w << "\": " << e.what());
}

/// Runs `f`, which must throw exactly an `E` (not a subclass or a base) that matches `x`.
template <class E = chitieu::error, class F>
void expect_throw(F&& f, const expected& x) {
  try {
    f();
    BOOST_ERROR("no exception; expected: " << x.field << " " << (x.words.empty() ? "" : x.words[0]));
  } catch (const chitieu::error& e) {
    BOOST_TEST(typeid(e).name() == typeid(E).name(), "exception type " << typeid(e).name());
    check_error(e, x);
  }
}

// ---- plan files ------------------------------------------------------------------------------

// Line numbers of the template: 4 plan.id, 6 baseline_year, 10 domains id, 14 indicator id,
// 15 domain, 17 unit, 18 direction, 19 target, 20 aggregate.
const std::string plan_toml = R"(schema = 1

[plan]
id = "bad"
title = { vi = "Thử", en = "Test" }
baseline_year = 2020
target_year = 2030

[[domains]]
id = "health"
name = { vi = "Y tế", en = "Health" }

[[indicators]]
id = "insured"
domain = "health"
name = { vi = "BHYT", en = "Insured" }
unit = "percent"
direction = "higher"
target = "trên 95%"
aggregate = "ratio"
)";

const std::string second_indicator = R"(
[[indicators]]
id = "insured_poor"
domain = "health"
name = { vi = "BHYT hộ nghèo", en = "Poor insured" }
unit = "percent"
direction = "higher"
target = "trên 90%"
aggregate = "ratio"
)";

/// The template with `from` replaced by `to` (which must occur).
std::string plan_with(const std::string& from, const std::string& to, const std::string& base = plan_toml) {
  const auto at = base.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  std::string s = base;
  s.replace(at, from.size(), to);
  return s;
}

void expect_plan_error(const std::string& toml, const expected& x) {
  expect_throw([&] { (void)chitieu::parse_plan(toml, "bad.toml"); }, x);
  // Collect mode reports the same problem (first).
  const auto all = chitieu::plan_file_problems(toml, "bad.toml");
  BOOST_REQUIRE(!all.empty());
  check_error(all.front(), x);
}

// ---- observations ----------------------------------------------------------------------------

const std::string obs_plan_toml = R"(schema = 1
[plan]
id = "obs"
title = { vi = "Thử", en = "Test" }
baseline_year = 2020
target_year = 2030
[[domains]]
id = "d"
name = { vi = "D", en = "D" }
[[indicators]]
id = "insured"
domain = "d"
name = { vi = "BHYT", en = "Insured" }
unit = "percent"
direction = "higher"
target = "trên 95%"
aggregate = "ratio"
[[indicators]]
id = "insured_poor"
domain = "d"
name = { vi = "BHYT nghèo", en = "Poor insured" }
unit = "percent"
direction = "higher"
target = "trên 90%"
aggregate = "ratio"
part_of = "insured"
[[indicators]]
id = "workers"
domain = "d"
name = { vi = "Lao động", en = "Workers" }
unit = "count"
direction = "higher"
target = "trên 1.000 người"
aggregate = "sum"
[[indicators]]
id = "trained"
domain = "d"
name = { vi = "Lao động qua đào tạo", en = "Trained workers" }
unit = "count"
direction = "higher"
target = "trên 500 người"
aggregate = "sum"
part_of = "workers"
[[indicators]]
id = "school_done"
domain = "d"
name = { vi = "Phổ cập", en = "Universal schooling" }
unit = "boolean"
direction = "none"
target = "hoàn thành phổ cập"
aggregate = "all"
)";

struct obs_fixture {
  chitieu::plan plan = chitieu::parse_plan(obs_plan_toml, "obs.toml");
  chitieu::panel obs;
  obs_fixture() {
    obs.add("insured", "ward-a", 2021, 91.5);
    obs.add("workers", "ward-a", 2021, 1200);
  }
  /// The first problem of observation_problems must match, and check_observations throws it.
  void expect_problem(const expected& x) const {
    const auto all = chitieu::observation_problems(plan, obs);
    BOOST_REQUIRE(!all.empty());
    check_error(all.front(), x);
    expect_throw([&] { chitieu::check_observations(plan, obs); }, x);
  }
};

// ---- areas -----------------------------------------------------------------------------------

/// A town, two wards until 30 June 2025 and the ward they merged into from 1 July 2025.
std::vector<chitieu::area> town() {
  return {make_area("town", "", "", "", "001", "thị xã"),
          make_area("ward-a", "town", "", "2025-06-30", "101", "phường"),
          make_area("ward-b", "town", "", "2025-06-30", "102", "phường"),
          make_area("ward-ab", "town", "2025-07-01", "", "103", "phường")};
}

void expect_area_error(const std::vector<chitieu::area>& areas, const expected& x) {
  const auto all = chitieu::area_problems(areas, "areas.csv");
  BOOST_REQUIRE(!all.empty());
  check_error(all.front(), x);
  expect_throw([&] { chitieu::area_table t(areas, "areas.csv"); }, x);
}

void expect_crosswalk_error(const std::vector<chitieu::crosswalk_link>& links, const expected& x) {
  const chitieu::area_table areas(town(), "areas.csv");
  const auto all = chitieu::crosswalk_problems(links, areas, "crosswalk.csv");
  BOOST_REQUIRE(!all.empty());
  check_error(all.front(), x);
  expect_throw([&] { chitieu::crosswalk cw(links, areas, "crosswalk.csv"); }, x);
}

const chitieu::date merger = chitieu::parse_date("2025-07-01");

}  // namespace

// ==== plan files ===============================================================================

BOOST_AUTO_TEST_SUITE(plan_files)

BOOST_AUTO_TEST_CASE(template_is_valid) {
  // The template itself loads: every case below differs from it by one defect.
  const auto p = chitieu::parse_plan(plan_toml, "bad.toml");
  BOOST_TEST(p.indicators.size() == 1u);
  BOOST_TEST(chitieu::plan_file_problems(plan_toml, "bad.toml").empty());
}

BOOST_AUTO_TEST_CASE(toml_syntax_error) {
  // An unterminated string on line 19.
  expect_plan_error(plan_with("target = \"trên 95%\"", "target = \"trên 95%"),
                    {"bad.toml", 19, "", {"TOML syntax error", "column"}});
}

BOOST_AUTO_TEST_CASE(unknown_key) {
  expect_plan_error(
      plan_with("aggregate = \"ratio\"\n", "aggregate = \"ratio\"\nweight = 1\n"),
      {"bad.toml", 21, "indicators[insured].weight", {"unknown key 'weight'", "valid keys", "aggregate"}});
}

BOOST_AUTO_TEST_CASE(wrong_type) {
  expect_plan_error(plan_with("baseline_year = 2020", "baseline_year = \"2020\""),
                    {"bad.toml", 6, "plan.baseline_year", {"expected an integer year", "found a string"}});
}

BOOST_AUTO_TEST_CASE(unknown_enum_value) {
  expect_plan_error(
      plan_with("unit = \"percent\"", "unit = \"percentage\""),
      {"bad.toml", 17, "indicators[insured].unit", {"'percentage' is not a valid unit", "percent"}});
}

BOOST_AUTO_TEST_CASE(missing_key) {
  expect_plan_error(
      plan_with("direction = \"higher\"\n", ""),
      {"bad.toml", 13, "indicators[insured].direction", {"missing key 'direction'", "higher, lower, none"}});
}

BOOST_AUTO_TEST_CASE(duplicate_indicator_id) {
  // The second indicator (from line 21) reuses the id of the first: its id is on line 23.
  const std::string toml =
      plan_toml + plan_with("id = \"insured_poor\"", "id = \"insured\"", second_indicator);
  expect_plan_error(toml,
                    {"bad.toml", 23, "indicators[insured].id", {"indicator id 'insured' is used twice"}});
}

BOOST_AUTO_TEST_CASE(each_of_two_indicators_with_one_id_keeps_its_own_lines) {
  // Both indicators are "insured"; the first names domain "nowhere" (line 15), the second, from
  // line 21, has its id on line 23 and names domain "elsewhere" on line 24. Each problem is at
  // the line of the indicator it is about.
  std::string first = plan_toml;
  first.replace(first.find("domain = \"health\""), 17, "domain = \"nowhere\"");
  std::string second = second_indicator;
  second.replace(second.find("insured_poor"), 12, "insured");
  second.replace(second.find("domain = \"health\""), 17, "domain = \"elsewhere\"");
  const auto problems = chitieu::plan_file_problems(first + second, "bad.toml");
  BOOST_TEST_REQUIRE(problems.size() == 3u);
  BOOST_TEST(problems[0].line() == 15);
  BOOST_TEST(problems[0].field() == "indicators[insured].domain");
  BOOST_TEST(problems[0].message().find("'nowhere'") != std::string::npos);
  BOOST_TEST(problems[1].line() == 23);
  BOOST_TEST(problems[1].message().find("used twice") != std::string::npos);
  BOOST_TEST(problems[2].line() == 24);
  BOOST_TEST(problems[2].message().find("'elsewhere'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(duplicate_domain_id) {
  const std::string toml = plan_with(
      "\n[[indicators]]",
      "\n[[domains]]\nid = \"health\"\nname = { vi = \"Y tế 2\", en = \"Health 2\" }\n\n[[indicators]]");
  expect_plan_error(toml, {"bad.toml", 14, "domains[health].id", {"domain id 'health' is used twice"}});
}

BOOST_AUTO_TEST_CASE(dangling_domain) {
  expect_plan_error(
      plan_with("domain = \"health\"", "domain = \"heath\""),
      {"bad.toml", 15, "indicators[insured].domain", {"no domain 'heath'", "declared domains: health"}});
}

BOOST_AUTO_TEST_CASE(dangling_part_of) {
  expect_plan_error(
      plan_with("aggregate = \"ratio\"\n", "aggregate = \"ratio\"\npart_of = \"insurance\"\n"),
      {"bad.toml", 21, "indicators[insured].part_of", {"no indicator 'insurance'", "id of the whole"}});
}

BOOST_AUTO_TEST_CASE(part_of_cycle) {
  const std::string toml =
      plan_with("aggregate = \"ratio\"\n", "aggregate = \"ratio\"\npart_of = \"insured_poor\"\n") +
      plan_with("aggregate = \"ratio\"\n", "aggregate = \"ratio\"\npart_of = \"insured\"\n",
                second_indicator);
  expect_plan_error(toml, {"bad.toml", 21, "indicators[insured].part_of", {"cycle"}});
}

BOOST_AUTO_TEST_CASE(boolean_unit_with_numeric_target) {
  expect_plan_error(plan_with("unit = \"percent\"", "unit = \"boolean\""),
                    {"bad.toml",
                     17,
                     "indicators[insured].unit",
                     {"unit boolean needs a milestone", "not a threshold target"}});
}

BOOST_AUTO_TEST_CASE(percent_phrase_on_a_count) {
  // "trên 95%" on a count: the phrase's unit contradicts the indicator's.
  expect_plan_error(plan_with("aggregate = \"ratio\"", "aggregate = \"sum\"",
                              plan_with("unit = \"percent\"", "unit = \"count\"")),
                    {"bad.toml", 19, "indicators[insured].target", {"'%'", "count", "percent"}});
}

BOOST_AUTO_TEST_CASE(aggregate_not_fit_for_unit) {
  expect_plan_error(
      plan_with("aggregate = \"ratio\"", "aggregate = \"sum\""),
      {"bad.toml", 20, "indicators[insured].aggregate", {"aggregate sum needs an additive unit", "percent"}});
}

BOOST_AUTO_TEST_CASE(unreadable_target) {
  expect_plan_error(plan_with("target = \"trên 95%\"", "target = \"trên abc\""),
                    {"bad.toml",
                     19,
                     "indicators[insured].target",
                     {"cannot read \"abc\" at position 5", "expected a number"}});
}

BOOST_AUTO_TEST_CASE(percent_target_above_100) {
  expect_plan_error(plan_with("target = \"trên 95%\"", "target = \"trên 120%\""),
                    {"bad.toml", 19, "indicators[insured].target", {"\"120\"", "a percentage in [0, 100]"}});
}

BOOST_AUTO_TEST_CASE(comparator_against_direction) {
  expect_plan_error(plan_with("direction = \"higher\"", "direction = \"lower\""),
                    {"bad.toml",
                     19,
                     "indicators[insured].target",
                     {"cannot read \"trên\"", "agrees with direction lower"}});
}

BOOST_AUTO_TEST_CASE(years_reversed) {
  expect_plan_error(
      plan_with("baseline_year = 2020", "baseline_year = 2035"),
      {"bad.toml", 6, "plan.baseline_year", {"baseline year 2035 must be before the target year 2030"}});
}

BOOST_AUTO_TEST_CASE(absurd_year_in_plan) {
  expect_plan_error(plan_with("target_year = 2030", "target_year = 20300"),
                    {"bad.toml", 7, "plan.target_year", {"year 20300 is not a year between 1000 and 9999"}});
}

BOOST_AUTO_TEST_CASE(min_coverage_out_of_range) {
  expect_plan_error(plan_with("aggregate = \"ratio\"\n", "aggregate = \"ratio\"\nmin_coverage = 1.5\n"),
                    {"bad.toml", 21, "indicators[insured].min_coverage", {"(0, 1]", "1.5"}});
}

BOOST_AUTO_TEST_CASE(collect_mode_reports_every_problem) {
  // Three independent defects: an unknown key (line 21), a bad unit (17), a bad rule (20).
  std::string toml = plan_with("aggregate = \"ratio\"\n", "aggregate = \"average\"\ncolour = \"red\"\n");
  toml = plan_with("unit = \"percent\"", "unit = \"percentage\"", toml);
  const auto all = chitieu::plan_file_problems(toml, "bad.toml");
  BOOST_TEST_REQUIRE(all.size() == 3u);
  std::vector<std::string> fields;
  std::vector<long> lines;
  for (const auto& e : all) {
    fields.push_back(e.field());
    lines.push_back(e.line());
    BOOST_TEST(e.file() == "bad.toml");
  }
  BOOST_TEST((std::count(fields.begin(), fields.end(), "indicators[insured].colour") == 1));
  BOOST_TEST((std::count(fields.begin(), fields.end(), "indicators[insured].aggregate") == 1));
  BOOST_TEST((std::count(fields.begin(), fields.end(), "indicators[insured].unit") == 1));
  BOOST_TEST((std::count(lines.begin(), lines.end(), 21L) == 1));
  BOOST_TEST((std::count(lines.begin(), lines.end(), 20L) == 1));
  BOOST_TEST((std::count(lines.begin(), lines.end(), 17L) == 1));
}

BOOST_AUTO_TEST_CASE(collect_mode_reports_every_rule_broken) {
  // Once the file reads, every validation rule is checked: a second indicator reusing the id
  // 'insured' (its id on line 23) with a dangling domain (line 24).
  const std::string toml =
      plan_toml + plan_with("domain = \"health\"", "domain = \"heath\"",
                            plan_with("id = \"insured_poor\"", "id = \"insured\"", second_indicator));
  const auto all = chitieu::plan_file_problems(toml, "bad.toml");
  BOOST_TEST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].line() + all[1].line() == 23 + 24);
  BOOST_TEST(
      (all[0].field() == "indicators[insured].domain" || all[1].field() == "indicators[insured].domain"));
  BOOST_TEST((all[0].field() == "indicators[insured].id" || all[1].field() == "indicators[insured].id"));
}

BOOST_AUTO_TEST_CASE(missing_plan_file) {
  expect_throw([] { (void)chitieu::read_plan("/nonexistent/plan.toml"); },
               {"/nonexistent/plan.toml", 0, "", {"cannot open the plan file"}});
}

BOOST_AUTO_TEST_CASE(unknown_plan_id) {
  expect_throw([] { (void)chitieu::load_plan("la-gi-2042"); }, {"la-gi-2042", 0, "", {"la-gi-2024"}});
}

BOOST_AUTO_TEST_SUITE_END()

// ==== target phrases ===========================================================================

BOOST_AUTO_TEST_SUITE(target_phrases)

BOOST_AUTO_TEST_CASE(empty_phrase) {
  expect_throw<chitieu::phrase_error>(
      [] { (void)chitieu::parse_target(""); },
      {"", 0, "target", {"the end of the phrase at position 0", "expected a target phrase"}});
}

BOOST_AUTO_TEST_CASE(trailing_garbage) {
  expect_throw<chitieu::phrase_error>(
      [] { (void)chitieu::parse_target("đạt trên 80% dân số 2030"); },
      {"", 0, "target", {"\"2030\" at position 20", "the end of the phrase"}});
}

BOOST_AUTO_TEST_CASE(reversed_range) {
  expect_throw<chitieu::phrase_error>([] { (void)chitieu::parse_target("từ 20 đến 10"); },
                                      {"", 0, "target", {"\"10\" at position 10", "not below 20"}});
}

BOOST_AUTO_TEST_CASE(invalid_utf8) {
  expect_throw<chitieu::phrase_error>([] { (void)chitieu::parse_target("trên \xFF"); },
                                      {"", 0, "target", {"valid UTF-8"}});
}

BOOST_AUTO_TEST_CASE(decimal_comma_and_thousands_dot_are_read_never_guessed) {
  BOOST_TEST(chitieu::parse_number("97,5") == 97.5);     // comma: decimal mark
  BOOST_TEST(chitieu::parse_number("13.500") == 13500);  // dot + three digits: thousands
  expect_throw<chitieu::phrase_error>([] { (void)chitieu::parse_number("1,5.000"); },
                                      {"", 0, "number", {"at most one decimal mark"}});
}

BOOST_AUTO_TEST_SUITE_END()

// ==== observations =============================================================================

BOOST_FIXTURE_TEST_SUITE(observations, obs_fixture)

BOOST_AUTO_TEST_CASE(clean_panel_has_no_problem) {
  BOOST_TEST(chitieu::observation_problems(plan, obs).empty());
}

BOOST_AUTO_TEST_CASE(unknown_indicator) {
  obs.add("insurd", "ward-a", 2021, 90);
  expect_problem(
      {"", 3, "indicator", {"indicator 'insurd' is not in plan 'obs'", "expected one of", "insured"}});
  // evaluate() refuses it too, without the check.
  expect_throw([&] { (void)chitieu::evaluate(plan, obs); }, {"", 3, "indicator", {"'insurd'"}});
}

BOOST_AUTO_TEST_CASE(duplicate_indicator_area_year) {
  obs.add("insured", "ward-a", 2021, 92);
  expect_problem({"",
                  3,
                  "year",
                  {"indicator 'insured', area 'ward-a', year 2021", "duplicate of row 1",
                   "one row per indicator × area × year"}});
}

BOOST_AUTO_TEST_CASE(missing_value) {
  obs.add("insured", "ward-a", 2022, no_number);
  expect_problem({"", 3, "value", {"value is missing", "[0, 100]", "numerator and denominator"}});
}

BOOST_AUTO_TEST_CASE(infinite_value) {
  obs.add("insured", "ward-a", 2022, inf);
  expect_problem({"", 3, "value", {"value is infinite", "finite"}});
}

BOOST_AUTO_TEST_CASE(percent_above_100) {
  obs.add("insured", "ward-a", 2022, 101.5);
  expect_problem(
      {"", 3, "value", {"value 101.5 is outside the domain of unit percent", "[0, 100]", "never clamped"}});
}

BOOST_AUTO_TEST_CASE(negative_count) {
  obs.add("workers", "ward-a", 2022, -12);
  expect_problem({"", 3, "value", {"value -12 is outside the domain of unit count", ">= 0"}});
}

BOOST_AUTO_TEST_CASE(zero_denominator) {
  obs.add("insured", "ward-a", 2022, no_number, 10, 0);
  expect_problem({"", 3, "denominator", {"denominator 0 is not positive", "> 0"}});
}

BOOST_AUTO_TEST_CASE(numerator_above_denominator) {
  obs.add("insured", "ward-a", 2022, no_number, 120, 100);
  expect_problem({"", 3, "numerator", {"numerator 120 exceeds denominator 100"}});
}

BOOST_AUTO_TEST_CASE(value_disagrees_with_its_counts) {
  obs.add("insured", "ward-a", 2022, 80, 90, 100);  // 90 × 100 / 100 = 90, not 80
  expect_problem({"", 3, "value", {"value 80 disagrees", "= 90"}});
}

BOOST_AUTO_TEST_CASE(part_above_its_whole) {
  // 700 trained workers in a ward of 650 workers in 2022: a part never exceeds its whole.
  obs.add("workers", "ward-a", 2022, 650);
  obs.add("trained", "ward-a", 2022, 700);
  expect_problem({"", 4, "value", {"'trained'", "700", "exceeds its whole 'workers'", "650", "row 3"}});
}

BOOST_AUTO_TEST_CASE(part_share_above_its_whole) {
  obs.add("insured_poor", "ward-a", 2021, 95.0);  // the whole, 'insured', is 91.5 on row 1
  expect_problem({"", 3, "value", {"'insured_poor'", "exceeds its whole 'insured'", "91.5", "row 1"}});
}

BOOST_AUTO_TEST_CASE(absurd_year) {
  obs.add("insured", "ward-a", 20221, 92);
  expect_problem({"", 3, "year", {"year 20221 is implausible", "[1900, 2100]"}});
}

BOOST_AUTO_TEST_CASE(boolean_value_not_0_or_1) {
  obs.add("school_done", "ward-a", 2022, 0.5);
  expect_problem({"", 3, "value", {"value 0.5 is not an assessment", "1 (done/met) or 0"}});
}

BOOST_AUTO_TEST_CASE(negative_weight) {
  obs.add("insured", "ward-a", 2022, 92, no_number, no_number, -1);
  expect_problem({"", 3, "weight", {"weight -1 is invalid", ">= 0"}});
}

BOOST_AUTO_TEST_CASE(malformed_columns) {
  obs.value.pop_back();
  expect_throw([&] { (void)chitieu::observation_problems(plan, obs); },
               {"", 0, "value", {"column has 1 entries but the panel has 2 rows"}});
}

BOOST_AUTO_TEST_CASE(unknown_area) {
  const chitieu::area_table areas(town(), "areas.csv");
  obs.add("insured", "ward-z", 2022, 92);
  expect_throw([&] { chitieu::check_observation_areas(obs, areas); },
               {"", 3, "area", {"unknown area 'ward-z'", "areas.csv"}});
  expect_throw([&] { (void)chitieu::review(plan, obs, chitieu::review_options{}.with_areas(areas)); },
               {"", 3, "area", {"'ward-z'"}});
}

BOOST_AUTO_TEST_CASE(area_not_valid_that_year) {
  // ward-ab exists from 1 July 2025: it is a unit of 2025 (31 December) but not of 2024.
  const chitieu::area_table areas(town(), "areas.csv");
  obs.add("insured", "ward-ab", 2025, 93);
  obs.add("insured", "ward-ab", 2024, 92);
  expect_throw([&] { chitieu::check_observation_areas(obs, areas); },
               {"", 4, "area", {"area 'ward-ab' is not a unit of 2024", "2025-07-01", "31 December"}});
}

BOOST_AUTO_TEST_CASE(collect_mode_reports_every_row) {
  obs.add("insured", "ward-a", 2022, 101.5);  // row 3
  obs.add("workers", "ward-a", 2022, -1);     // row 4
  obs.add("nothing", "ward-a", 2022, 1);      // row 5
  const auto all = chitieu::observation_problems(plan, obs);
  BOOST_TEST_REQUIRE(all.size() == 3u);
  BOOST_TEST(all[0].line() == 3);
  BOOST_TEST(all[1].line() == 4);
  BOOST_TEST(all[2].line() == 5);
  BOOST_TEST(all[2].field() == "indicator");
}

BOOST_AUTO_TEST_SUITE_END()

// ==== areas ====================================================================================

BOOST_AUTO_TEST_SUITE(areas)

BOOST_AUTO_TEST_CASE(template_is_valid) { BOOST_TEST(chitieu::area_problems(town()).empty()); }

BOOST_AUTO_TEST_CASE(duplicate_id) {
  auto a = town();
  a.push_back(make_area("ward-a", "town", "", "", "104", "phường"));
  expect_area_error(a, {"areas.csv", 5, "id", {"duplicate area id 'ward-a'", "first on row 2", "new id"}});
}

BOOST_AUTO_TEST_CASE(empty_id) {
  auto a = town();
  a.push_back(make_area("", "town", "", "", "104", "phường"));
  expect_area_error(a, {"areas.csv", 5, "id", {"non-empty id"}});
}

BOOST_AUTO_TEST_CASE(unknown_parent) {
  auto a = town();
  a[1].parent = "twon";
  expect_area_error(a, {"areas.csv", 2, "parent", {"unknown parent 'twon'", "id of another row"}});
}

BOOST_AUTO_TEST_CASE(own_parent) {
  auto a = town();
  a[0].parent = "town";
  expect_area_error(a, {"areas.csv", 1, "parent", {"its own parent"}});
}

BOOST_AUTO_TEST_CASE(parent_cycle) {
  auto a = town();
  a[0].parent = "ward-a";  // town → ward-a → town
  expect_area_error(a, {"areas.csv", 1, "parent", {"'town' is its own ancestor", "cycle"}});
}

BOOST_AUTO_TEST_CASE(parent_not_valid_while_child_is) {
  auto a = town();
  a[0].valid_to = chitieu::parse_date("2024-12-31");  // the town ends, ward-ab (2025-) needs it
  expect_area_error(
      a, {"areas.csv", 4, "parent", {"parent 'town' is not valid on 31 December 2025", "'ward-ab'"}});
}

BOOST_AUTO_TEST_CASE(ends_before_it_begins) {
  auto a = town();
  a[3].valid_to = chitieu::parse_date("2025-01-01");
  expect_area_error(a, {"areas.csv", 4, "valid_to", {"ends (2025-01-01) before it begins (2025-07-01)"}});
}

BOOST_AUTO_TEST_CASE(overlapping_validity_of_a_reused_code) {
  auto a = town();
  a[3].code = "101";                                    // ward-ab reuses ward-a's code ...
  a[3].valid_from = chitieu::parse_date("2025-06-01");  // ... before ward-a ended
  expect_area_error(a, {"areas.csv", 4, "code", {"code '101'", "'ward-a'", "row 2", "only be reused after"}});
  a[3].valid_from = chitieu::parse_date("2025-07-01");  // after it ended: fine
  BOOST_TEST(chitieu::area_problems(a).empty());
}

BOOST_AUTO_TEST_CASE(bad_date) {
  // parse_date knows no file or row: a std::invalid_argument the CSV reader locates (Python).
  BOOST_CHECK_EXCEPTION(
      (void)chitieu::parse_date("2025-02-30"), std::invalid_argument, [](const std::invalid_argument& e) {
        const std::string m = e.what();
        return m.find("'2025-02-30'") != std::string::npos && m.find("no such day") != std::string::npos &&
               m.find("YYYY-MM-DD") != std::string::npos;
      });
}

BOOST_AUTO_TEST_CASE(collect_mode_reports_every_row) {
  auto a = town();
  a[1].parent = "twon";                               // row 2
  a[3].valid_to = chitieu::parse_date("2025-01-01");  // row 4
  const auto all = chitieu::area_problems(a, "areas.csv");
  BOOST_TEST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].line() + all[1].line() == 6);
  // The thrown error counts the others.
  expect_throw([&] { chitieu::area_table t(a, "areas.csv"); },
               {"areas.csv", all[0].line(), all[0].field(), {"(and 1 more problem)"}});
}

BOOST_AUTO_TEST_SUITE_END()

// ==== crosswalks ===============================================================================

BOOST_AUTO_TEST_SUITE(crosswalks)

BOOST_AUTO_TEST_CASE(template_is_valid) {
  const chitieu::area_table areas(town());
  BOOST_TEST(
      chitieu::crosswalk_problems({{"ward-a", "ward-ab", 1, merger}, {"ward-b", "ward-ab", 1, merger}}, areas)
          .empty());
}

BOOST_AUTO_TEST_CASE(split_shares_do_not_sum_to_1) {
  expect_crosswalk_error({{"ward-a", "ward-ab", 0.6, merger}, {"ward-a", "town", 0.3, merger}},
                         {"crosswalk.csv", 1, "share", {"shares of 'ward-a' sum to 0.9", "must sum to 1"}});
}

BOOST_AUTO_TEST_CASE(share_out_of_range) {
  expect_crosswalk_error({{"ward-a", "ward-ab", 1.5, merger}},
                         {"crosswalk.csv", 1, "share", {"must be in (0, 1]"}});
}

BOOST_AUTO_TEST_CASE(share_not_a_number) {
  expect_crosswalk_error({{"ward-a", "ward-ab", no_number, merger}},
                         {"crosswalk.csv", 1, "share", {"must be in (0, 1]"}});
}

BOOST_AUTO_TEST_CASE(unknown_unit) {
  expect_crosswalk_error({{"ward-q", "ward-ab", 1, merger}},
                         {"crosswalk.csv", 1, "from", {"unknown area 'ward-q'", "id of the area table"}});
}

BOOST_AUTO_TEST_CASE(cycle) {
  expect_crosswalk_error({{"ward-a", "ward-ab", 1, merger}, {"ward-ab", "ward-a", 1, merger}},
                         {"crosswalk.csv", 2, "to", {"closes a cycle"}});
}

BOOST_AUTO_TEST_CASE(self_link) {
  expect_crosswalk_error({{"ward-a", "ward-a", 1, merger}}, {"crosswalk.csv", 1, "to", {"linked to itself"}});
}

BOOST_AUTO_TEST_CASE(repeated_link) {
  expect_crosswalk_error({{"ward-a", "ward-ab", 0.5, merger}, {"ward-a", "ward-ab", 0.5, merger}},
                         {"crosswalk.csv", 2, "to", {"repeats row 1"}});
}

BOOST_AUTO_TEST_CASE(unit_without_successor) {
  // ward-b ceased on 30 June 2025 but the crosswalk only maps ward-a.
  const chitieu::area_table areas(town(), "areas.csv");
  const chitieu::crosswalk cw({{"ward-a", "ward-ab", 1, merger}}, areas, "crosswalk.csv");
  const chitieu::plan plan = chitieu::parse_plan(obs_plan_toml, "obs.toml");
  chitieu::panel obs;
  obs.add("workers", "ward-a", 2024, 600);
  obs.add("workers", "ward-b", 2024, 500);
  expect_throw([&] { (void)chitieu::reexpress(plan, obs, areas, cw, merger); },
               {"", 2, "area", {"area 'ward-b' is not valid on 2025-07-01", "add its successors"}});
}

BOOST_AUTO_TEST_SUITE_END()

// ---- errors as data: column and related line are fields, and only chitieu::error is thrown ----

BOOST_AUTO_TEST_CASE(repeated_indicator_id_names_the_first_as_related) {
  const std::string toml =
      plan_toml + plan_with("id = \"insured_poor\"", "id = \"insured\"", second_indicator);
  const auto problems = chitieu::plan_file_problems(toml, "bad.toml");
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].line() == 23);
  BOOST_TEST(problems[0].column() == 6);  // the value of `id = "insured"`
  BOOST_TEST(problems[0].message().rfind("column 6: ", 0) == 0);
  BOOST_TEST(problems[0].related_line() == 1);  // the first indicator of the plan
}

BOOST_AUTO_TEST_CASE(toml_syntax_error_has_its_column_as_a_field) {
  const auto problems = chitieu::plan_file_problems("[plan]\nid = \"x\n", "bad.toml");
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].line() == 2);
  BOOST_TEST(problems[0].column() > 0);
  BOOST_TEST(problems[0].message().find("column " + std::to_string(problems[0].column())) !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(duplicate_row_and_part_above_whole_name_their_related_row) {
  const auto p =
      make_plan({make_indicator("w", chitieu::unit::count, chitieu::aggregate_rule::none),
                 make_indicator("pt", chitieu::unit::count, chitieu::aggregate_rule::none, 1.0, "w")});
  chitieu::panel obs;
  obs.add("w", "a", 2020, 10);   // row 1
  obs.add("pt", "a", 2020, 12);  // row 2: exceeds its whole, row 1
  obs.add("w", "a", 2020, 10);   // row 3: repeats row 1
  const auto problems = chitieu::observation_problems(p, obs);
  BOOST_TEST_REQUIRE(problems.size() == 2u);
  BOOST_TEST((problems[0].line() == 2 && problems[0].field() == "value" && problems[0].related_line() == 1));
  BOOST_TEST((problems[1].line() == 3 && problems[1].field() == "year" && problems[1].related_line() == 1));
}

BOOST_AUTO_TEST_CASE(dates_units_and_domains_throw_chitieu_error) {
  BOOST_CHECK_THROW(chitieu::parse_date("2025-02-29"), chitieu::error);
  BOOST_CHECK_THROW(chitieu::unit_from_string("percentage"), chitieu::error);
  BOOST_CHECK_THROW(chitieu::check_domain(chitieu::unit::percent, 100.5), chitieu::error);
  BOOST_TEST(chitieu::iso_date_problem("2024-02-29") == nullptr);
  BOOST_TEST(std::string(chitieu::iso_date_problem("2025-02-29")) == "no such day in that month");
}

BOOST_AUTO_TEST_CASE(geography_without_areas_throws_chitieu_error) {
  const auto p = make_plan({make_indicator("n", chitieu::unit::count, chitieu::aggregate_rule::sum)});
  chitieu::panel obs;
  obs.add("n", "a", 2020, 1);
  chitieu::review_options options;
  options.geography = chitieu::date{2025, 7, 1};
  try {
    (void)chitieu::review(p, obs, options);
    BOOST_FAIL("geography without areas accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "geography");
  }
}

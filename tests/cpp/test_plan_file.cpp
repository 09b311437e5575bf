#include <boost/test/unit_test.hpp>

#include <chitieu/plan_file.hpp>

#include <string>
#include <vector>

using chitieu::direction;
using chitieu::target_kind;
using chitieu::unit;

namespace {

// A valid plan file; the line numbers in the comments are the ones the tests assert.
const std::string base_text =
    "schema = 1\n"                                  // 1
    "\n"                                            // 2
    "[plan]\n"                                      // 3
    "id = \"test-plan\"\n"                          // 4
    "title = { vi = \"Thử\", en = \"Test\" }\n"     // 5
    "baseline_year = 2020\n"                        // 6
    "target_year = 2030\n"                          // 7
    "\n"                                            // 8
    "[[domains]]\n"                                 // 9
    "id = \"health\"\n"                             // 10
    "name = { vi = \"Y tế\", en = \"Health\" }\n"   // 11
    "\n"                                            // 12
    "[[indicators]]\n"                              // 13
    "id = \"insured\"\n"                            // 14
    "domain = \"health\"\n"                         // 15
    "name = { vi = \"BHYT\", en = \"Insured\" }\n"  // 16
    "unit = \"percent\"\n"                          // 17
    "direction = \"higher\"\n"                      // 18
    "target = \"trên 95%\"\n"                       // 19
    "aggregate = \"ratio\"\n";                      // 20

// A second indicator, lines 22-29 when appended after a blank line.
const std::string second_text =
    "\n"                                                     // 21
    "[[indicators]]\n"                                       // 22
    "id = \"jobs\"\n"                                        // 23
    "domain = \"health\"\n"                                  // 24
    "name = { vi = \"Việc làm\", en = \"Jobs\" }\n"          // 25
    "unit = \"count\"\n"                                     // 26
    "direction = \"higher\"\n"                               // 27
    "target = \"giai đoạn 2026 - 2030: 13.500 lao động\"\n"  // 28
    "aggregate = \"sum\"\n";                                 // 29

/// base_text with the first occurrence of `from` replaced by `to`.
std::string edit(const std::string& from, const std::string& to, std::string text = base_text) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("no '" + from + "' in the test document");
  return text.replace(at, from.size(), to);
}

/// The single error parse_plan throws for `text`.
chitieu::error error_of(const std::string& text) {
  try {
    chitieu::parse_plan(text, "test.toml");
  } catch (const chitieu::error& e) {
    return e;
  }
  throw std::logic_error("parse_plan accepted the document");
}

/// Checks file, line, field and that the message contains every one of `words`.
void check(const chitieu::error& e, long line, const std::string& field, std::vector<std::string> words) {
  BOOST_TEST(e.file() == "test.toml");
  BOOST_TEST(e.line() == line);
  BOOST_TEST(e.field() == field);
  for (const auto& w : words)
    BOOST_TEST(e.message().find(w) != std::string::npos, "'" << w << "' in: " << e.what());
}

std::string data_file(const std::string& name) {
  return std::string(CHITIEU_SOURCE_DIR) + "/tests/data/plans/" + name;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_a_valid_document) {
  const auto p = chitieu::parse_plan(base_text);
  BOOST_TEST(p.id == "test-plan");
  BOOST_TEST(p.title.en == "Test");
  BOOST_TEST(p.baseline_year == 2020);
  BOOST_TEST(p.target_year == 2030);
  BOOST_TEST(p.adopted.empty());
  BOOST_TEST(p.domains.size() == 1u);
  BOOST_TEST(p.domains[0].name.vi == "Y tế");
  BOOST_TEST(p.indicators.size() == 1u);
  const auto& i = p.indicators[0];
  BOOST_TEST((i.unit == unit::percent));
  BOOST_TEST((i.target.dir == direction::higher));
  BOOST_TEST((i.target.kind == target_kind::threshold));
  BOOST_TEST(*i.target.lower == 95.0);  // "trên 95%": > 95
  BOOST_TEST(!i.target.lower_inclusive);
  BOOST_TEST(i.min_coverage == 1.0);
  BOOST_TEST(!i.target.aspirational);
}

BOOST_AUTO_TEST_CASE(toml_syntax_error_has_line_and_column) {
  // a bare word is not a TOML value: the parser stops at column 8 of line 17
  check(error_of(edit("unit = \"percent\"", "unit = percent")), 17, "", {"TOML syntax error at column 8 — "});
  // a key defined twice is a TOML error too
  check(error_of(edit("aggregate = \"ratio\"\n", "aggregate = \"ratio\"\nunit = \"count\"\n")), 21, "",
        {"TOML syntax error"});
}

BOOST_AUTO_TEST_CASE(unknown_keys_have_line_and_column) {
  check(error_of(base_text + "units = \"percent\"\n"), 21, "indicators[insured].units",
        {"column 1", "unknown key 'units'", "valid keys in indicators[insured]: id, domain, name, unit"});
  check(error_of(edit("target_year = 2030\n", "target_year = 2030\n  owner = \"x\"\n")), 8, "plan.owner",
        {"column 3", "unknown key 'owner'"});
  check(error_of("version = 2\n" + base_text), 1, "version",
        {"unknown key 'version'", "schema, plan, domains, indicators"});
  check(error_of(edit("en = \"Health\"", "en = \"Health\", fr = \"Santé\"")), 11, "domains[health].name.fr",
        {"unknown key 'fr'", "vi, en"});
}

BOOST_AUTO_TEST_CASE(wrong_types) {
  check(error_of(edit("unit = \"percent\"", "unit = 3")), 17, "indicators[insured].unit",
        {"column 8", "expected a string", "found an integer"});
  check(error_of(edit("baseline_year = 2020", "baseline_year = \"2020\"")), 6, "plan.baseline_year",
        {"expected an integer year", "found a string"});
  check(error_of(base_text + "aspirational = \"yes\"\n"), 21, "indicators[insured].aspirational",
        {"column 16", "expected true or false"});
  check(error_of(base_text + "min_coverage = \"all\"\n"), 21, "indicators[insured].min_coverage",
        {"expected a number"});
  check(error_of(base_text + "period = [2026]\n"), 21, "indicators[insured].period", {"[from, to]"});
  check(error_of(base_text + "period = [2026, \"2030\"]\n"), 21, "indicators[insured].period",
        {"expected an integer year such as 2030"});
  check(error_of(base_text + "aligns_with = \"nq-42-2023/x\"\n"), 21, "indicators[insured].aligns_with",
        {"expected an array"});
  check(error_of(edit("target_year = 2030\n", "target_year = 2030\nadopted = \"2024-07-01\"\n")), 8,
        "plan.adopted", {"a TOML date such as 2024-07-01 (no quotes)", "found a string"});
  check(error_of(edit("title = { vi = \"Thử\", en = \"Test\" }", "title = \"Thử\"")), 5, "plan.title",
        {"expected a table { vi", "found a string"});
  check(error_of(edit("baseline_year = 2020", "baseline_year = 20200")), 6, "plan.baseline_year",
        {"year 20200 is not a year between 1000 and 9999"});
  check(error_of(edit("[[domains]]\nid = \"health\"\nname = { vi = \"Y tế\", en = \"Health\" }\n", "",
                      edit("schema = 1\n", "schema = 1\ndomains = 1\n"))),
        2, "domains", {"column 11", "expected an array of tables [[domains]], found an integer"});
}

BOOST_AUTO_TEST_CASE(missing_keys_point_at_their_table) {
  check(error_of(edit("unit = \"percent\"\n", "")), 13, "indicators[insured].unit",
        {"missing key 'unit'", "percent, per_10k"});
  check(error_of(edit("target_year = 2030\n", "")), 3, "plan.target_year", {"missing key 'target_year'"});
  check(error_of(edit("schema = 1\n", "\n")), 1, "schema", {"missing key 'schema'", "schema = 1"});
  check(error_of(edit("schema = 1", "schema = 2")), 1, "schema", {"column 10", "reads schema = 1"});
  check(error_of(edit(", en = \"Insured\"", "")), 16, "indicators[insured].name.en", {"missing key 'en'"});
  // an indicator without a usable id is named by its 0-based position
  check(error_of(edit("id = \"insured\"\n", "")), 13, "indicators[0].id", {"missing key 'id'"});
}

BOOST_AUTO_TEST_CASE(bad_values) {
  check(error_of(edit("unit = \"percent\"", "unit = \"percents\"")), 17, "indicators[insured].unit",
        {"column 8", "'percents' is not a valid unit; expected one of percent, per_10k, count"});
  check(error_of(edit("direction = \"higher\"", "direction = \"up\"")), 18, "indicators[insured].direction",
        {"column 13", "expected one of higher, lower, none"});
  check(error_of(edit("aggregate = \"ratio\"", "aggregate = \"mean\"")), 20, "indicators[insured].aggregate",
        {"'mean' is not a valid aggregate", "weighted_mean"});
  check(error_of(base_text + "trend = \"exponential\"\n"), 21, "indicators[insured].trend",
        {"linear, compound"});
}

BOOST_AUTO_TEST_CASE(unreadable_phrase_names_the_indicator_and_target) {
  // target = "trên abc%": the value's quote is at column 10, "abc" is code point 5 of the
  // phrase, so the column is 10 + 1 + 5 = 16
  const auto e = error_of(edit("target = \"trên 95%\"", "target = \"trên abc%\""));
  check(e, 19, "indicators[insured].target", {"column 16", "cannot read \"abc\""});
  // a comparator against the direction: "trên" (lower bound) with direction lower
  check(error_of(edit("direction = \"higher\"", "direction = \"lower\"")), 19, "indicators[insured].target",
        {"column 11", "lower values are better"});
  // a tolerance on a threshold is refused by the phrase reader
  check(error_of(base_text + "tolerance = 0.5\n"), 21, "indicators[insured].tolerance", {"column 13"});
}

BOOST_AUTO_TEST_CASE(validation_problems_have_the_key_line) {
  check(error_of(edit("domain = \"health\"", "domain = \"labour\"")), 15, "indicators[insured].domain",
        {"column 10", "no domain 'labour'"});
  check(error_of(base_text + "part_of = \"insured\"\n"), 21, "indicators[insured].part_of",
        {"part of itself"});
  check(error_of(base_text + "min_coverage = 0\n"), 21, "indicators[insured].min_coverage",
        {"(0, 1], not 0"});
  check(error_of(edit("id = \"test-plan\"", "id = \"Test Plan\"")), 4, "plan.id",
        {"column 6", "not a valid plan id"});
  check(error_of(edit("aggregate = \"ratio\"", "aggregate = \"sum\"")), 20, "indicators[insured].aggregate",
        {"additive unit"});
  check(error_of(edit("baseline_year = 2020", "baseline_year = 2030")), 6, "plan.baseline_year",
        {"must be before the target year 2030"});
  check(error_of(edit("aggregate = \"sum\"", "aggregate = \"ratio\"", base_text + second_text)), 29,
        "indicators[jobs].aggregate", {"a cumulative target adds values and needs aggregate sum, not ratio"});
  check(error_of(base_text + second_text + "period = [2025, 2030]\n"), 30, "indicators[jobs].period",
        {"contradicts the phrase's period [2026, 2030]"});
  check(error_of(base_text + "aligns_with = [\"bad\"]\n"), 21, "indicators[insured].aligns_with",
        {"'bad' is not 'plan-id/indicator-id'"});
  check(error_of(edit("id = \"jobs\"", "id = \"insured\"", base_text + second_text)), 23,
        "indicators[insured].id", {"used twice"});
}

BOOST_AUTO_TEST_CASE(aspirational_from_key_or_phrase) {
  auto p = chitieu::parse_plan(edit("trên 95%", "phấn đấu trên 95%"));
  BOOST_TEST(p.indicators[0].target.aspirational);
  p = chitieu::parse_plan(base_text + "aspirational = true\n");
  BOOST_TEST(p.indicators[0].target.aspirational);
  p = chitieu::parse_plan(base_text + "aspirational = false\n");
  BOOST_TEST(!p.indicators[0].target.aspirational);
  // key false with a "phấn đấu" phrase: the phrase wins (key OR phrase)
  p = chitieu::parse_plan(edit("trên 95%", "phấn đấu trên 95%") + "aspirational = false\n");
  BOOST_TEST(p.indicators[0].target.aspirational);
}

BOOST_AUTO_TEST_CASE(collect_mode_reports_everything) {
  std::string text = edit("unit = \"percent\"", "unit = 3");                         // line 18: wrong type
  text = edit("baseline_year = 2020", "baseline_year = 2020\nowner = \"x\"", text);  // line 7: unknown key
  text += second_text;                                                // lines 23-30 (shifted by one)
  text = edit("aggregate = \"sum\"", "aggregate = \"ratio\"", text);  // line 30: validation
  const auto problems = chitieu::plan_file_problems(text, "test.toml");
  BOOST_TEST_REQUIRE(problems.size() == 4u);
  BOOST_TEST(problems[0].field() == "plan.owner");
  BOOST_TEST(problems[0].line() == 7);
  BOOST_TEST(problems[1].field() == "indicators[insured].unit");
  BOOST_TEST(problems[1].line() == 18);
  BOOST_TEST(problems[2].field() == "indicators[jobs].aggregate");
  BOOST_TEST(problems[2].line() == 30);
  BOOST_TEST(problems[2].message().find("needs aggregate sum") != std::string::npos);
  BOOST_TEST(problems[3].field() == "indicators[jobs].aggregate");
  BOOST_TEST(problems[3].message().find("aggregate ratio needs unit percent") != std::string::npos);
  // a valid document has none; a syntax error is reported alone
  BOOST_TEST(chitieu::plan_file_problems(base_text).empty());
  BOOST_TEST(chitieu::plan_file_problems("schema = = 1\n" + text).size() == 1u);
}

BOOST_AUTO_TEST_CASE(round_trip_with_every_key) {
  const std::string text =
      base_text + "tolerance = 0.25\n" + second_text +
      "baseline_year = 2021\ntarget_year = 2030\nperiod = [2026, 2030]\n"
      "min_coverage = 0.8\ntrend = \"compound\"\naspirational = true\n"
      "aligns_with = [\"other-plan/jobs\", \"nq-42-2023/new_jobs\"]\n"
      "source = \"line 42\"\ntext = \"a \\\"quoted\\\" back\\\\slash\\nnew line\\ttab\"\n";
  const std::string with_about = edit("target = \"trên 95%\"", "target = \"khoảng 60%\"", text);
  const std::string full =
      edit("target_year = 2030\n",
           "target_year = 2030\nissuer = \"Thị ủy\"\narea = \"la-gi\"\nadopted = 2024-07-01\n"
           "parent = \"binh-thuan-2024\"\nsource = \"seed.txt\"\n",
           with_about);
  const auto p = chitieu::parse_plan(full);
  BOOST_TEST(p.adopted == "2024-07-01");
  BOOST_TEST(*p.indicators[0].target.tolerance == 0.25);
  BOOST_TEST(*p.indicators[0].target.lower == 59.75);  // khoảng 60 ± 0.25
  BOOST_TEST(p.indicators[1].text == "a \"quoted\" back\\slash\nnew line\ttab");
  BOOST_TEST(p.indicators[1].min_coverage == 0.8);
  const std::string written = chitieu::write_plan(p);
  BOOST_TEST((chitieu::parse_plan(written) == p));
  BOOST_TEST(chitieu::write_plan(chitieu::parse_plan(written)) == written);
}

BOOST_AUTO_TEST_CASE(bad_files_name_their_path) {
  struct bad {
    const char* file;
    long line;
    const char* field;
    const char* words;
  };
  const bad cases[] = {
      {"syntax_error.toml", 6, "", "TOML syntax error"},
      {"unknown_key.toml", 17, "indicators[jobs].weight", "unknown key 'weight'"},
      {"part_of_cycle.toml", 20, "indicators[trained].part_of", "cycle"},
      {"relative_base_year.toml", 16, "indicators[income].target",
       "base year 2030 must be before the target year 2030"},
      {"boolean_threshold.toml", 15, "indicators[done].unit", "unit boolean needs a milestone"},
      {"percent_out_of_range.toml", 16, "indicators[insured].target", "expected a percentage in [0, 100]"},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.file) {
      try {
        chitieu::read_plan(data_file(c.file));
        BOOST_ERROR("accepted");
      } catch (const chitieu::error& e) {
        BOOST_TEST(e.file() == data_file(c.file));
        BOOST_TEST(e.line() == c.line);
        BOOST_TEST(e.field() == c.field);
        BOOST_TEST(e.message().find(c.words) != std::string::npos, e.what());
      }
    }
  }
  BOOST_CHECK_THROW(chitieu::read_plan(data_file("no_such_file.toml")), chitieu::error);
}

BOOST_AUTO_TEST_CASE(collect_mode_skips_consequences_only) {
  // an unknown key does not hide the plan's other problems
  auto problems = chitieu::plan_file_problems(edit("id = \"test-plan\"", "id = \"Test\"\nowner = \"x\""));
  BOOST_TEST_REQUIRE(problems.size() == 2u);
  BOOST_TEST(problems[0].field() == "plan.owner");
  BOOST_TEST(problems[1].field() == "plan.id");
  // an unreadable target year is reported once, not again as "baseline year must be before"
  problems = chitieu::plan_file_problems(edit("target_year = 2030", "target_year = \"2030\""));
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].field() == "plan.target_year");
  // an unreadable domain id: the indicator's reference to it is not reported as well
  problems = chitieu::plan_file_problems(edit("id = \"health\"", "id = 7"));
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].field() == "domains[0].id");
  BOOST_TEST(problems[0].line() == 10);
}

#include <boost/test/unit_test.hpp>

#include <chitieu/plan_file.hpp>

#include <set>
#include <string>
#include <vector>

using namespace chitieu;

namespace {

const std::string plan_text = R"(schema = 1

[plan]
id = "test-plan"
title = { vi = "Kế hoạch thử", en = "Test plan" }
baseline_year = 2020
target_year = 2030

[[domains]]
id = "labour"
name = { vi = "Lao động", en = "Labour" }

[[indicators]]
id = "jobs"
domain = "labour"
name = { vi = "Việc làm mới", en = "New jobs" }
unit = "count"
direction = "higher"
target = "giai đoạn 2026 - 2030: 13.500 lao động"
aggregate = "sum"

[[indicators]]
id = "poor"
domain = "labour"
name = { vi = "Tỷ lệ hộ nghèo", en = "Poverty rate" }
unit = "percent"
direction = "lower"
target = "khoảng 1%"
tolerance = 0.25
aggregate = "ratio"
aspirational = true
)";

std::vector<std::string> keys_of_indicator() {
  std::vector<std::string> out;
  for_each_field(indicator_fields, [&](const field_key& f) { out.emplace_back(f.key); });
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(direction_tolerance_period_aspirational_are_stored_once_in_the_target) {
  const plan p = parse_plan(plan_text);
  const indicator& jobs = p.indicators[0];
  BOOST_TEST((jobs.target.period == std::make_pair(2026, 2030)));  // from the phrase
  const indicator& poor = p.indicators[1];
  BOOST_TEST((poor.target.dir == direction::lower));
  BOOST_TEST(*poor.target.tolerance == 0.25);
  BOOST_TEST(*poor.target.lower == 0.75);
  BOOST_TEST(poor.target.aspirational);  // from the key: the phrase has no "phấn đấu"
}

BOOST_AUTO_TEST_CASE(the_keys_of_an_indicator_follow_the_table) {
  const std::vector<std::string> keys = keys_of_indicator();
  BOOST_TEST(keys.size() == 22u);  // with unit_text and change
  BOOST_TEST(keys.front() == "id");
  BOOST_TEST(keys[3] == "unit");
  BOOST_TEST(keys[4] == "unit_text");
  BOOST_TEST(keys[5] == "direction");
  BOOST_TEST(keys.back() == "text");
  // the reader's "valid keys" list is the table
  try {
    parse_plan(plan_text + "colour = \"red\"\n");
    BOOST_FAIL("expected chitieu::error");
  } catch (const error& e) {
    std::string listed;
    for (const auto& k : keys) listed += (listed.empty() ? "" : ", ") + k;
    BOOST_TEST(e.message().find(listed) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(the_writer_writes_required_keys_and_values_that_differ_from_the_default) {
  const plan p = parse_plan(plan_text);
  const std::string written = write_plan(p);
  BOOST_TEST(written.find("tolerance = 0.25\n") != std::string::npos);
  BOOST_TEST(written.find("aspirational = true\n") != std::string::npos);
  BOOST_TEST(written.find("period = [2026, 2030]\n") != std::string::npos);
  BOOST_TEST(written.find("trend") == std::string::npos);         // linear, the default
  BOOST_TEST(written.find("min_coverage") == std::string::npos);  // 1.0, the default
  BOOST_TEST(written.find("adopted") == std::string::npos);       // empty
  BOOST_TEST((parse_plan(written) == p));
}

BOOST_AUTO_TEST_CASE(equality_sees_every_field) {
  const plan p = parse_plan(plan_text);
  plan q = p;
  BOOST_TEST((q == p));
  q.indicators[1].target.tolerance = 0.5;
  BOOST_TEST(!(q == p));
  q = p;
  q.indicators[0].source = "mục II.1, ý 2";
  BOOST_TEST(!(q == p));
  q = p;
  q.adopted = "2024-07-01";
  BOOST_TEST(!(q == p));
  q = p;
  q.domains[0].name.en = "Jobs";
  BOOST_TEST(!(q == p));
}

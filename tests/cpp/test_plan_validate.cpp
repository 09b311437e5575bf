#include <boost/test/unit_test.hpp>

#include <chitieu/phrase.hpp>
#include <chitieu/plan_validate.hpp>

#include <string>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::direction;
using chitieu::indicator;
using chitieu::plan;
using chitieu::target_kind;
using chitieu::unit;

namespace {

indicator make(const std::string& id, unit u, direction d, const std::string& phrase, aggregate_rule agg) {
  indicator i;
  i.id = id;
  i.domain = "health";
  i.name = {"Chỉ tiêu " + id, "Indicator " + id};
  i.unit = u;
  i.target_phrase = phrase;
  i.target = chitieu::parse_target(phrase, d);
  i.aggregate = agg;
  return i;
}

/// A valid plan: one domain, a percent rate, a count, a milestone.
plan base() {
  plan p;
  p.id = "test-plan";
  p.title = {"Kế hoạch thử", "Test plan"};
  p.adopted = "2024-02-29";  // a leap day: valid
  p.baseline_year = 2020;
  p.target_year = 2030;
  p.domains = {{"health", {"Y tế", "Health"}}};
  p.indicators.push_back(
      make("insured", unit::percent, direction::higher, "trên 95%", aggregate_rule::ratio));
  p.indicators.push_back(make("jobs", unit::count, direction::higher,
                              "giai đoạn 2026 - 2030: 13.500 lao động", aggregate_rule::sum));
  p.indicators.push_back(
      make("done", unit::boolean, direction::none, "hoàn thành phổ cập", aggregate_rule::all));
  return p;
}

/// The fields of a plan's problems, in order.
std::vector<std::string> fields(const plan& p) {
  std::vector<std::string> out;
  for (const auto& e : chitieu::plan_problems(p)) out.push_back(e.field());
  return out;
}

/// True when some problem has this field and its message contains `words`.
bool has(const plan& p, const std::string& field, const std::string& words) {
  for (const auto& e : chitieu::plan_problems(p))
    if (e.field() == field && e.message().find(words) != std::string::npos) return true;
  return false;
}

indicator& ind(plan& p, const std::string& id) {
  for (auto& i : p.indicators)
    if (i.id == id) return i;
  throw std::logic_error("no indicator " + id);
}

}  // namespace

BOOST_AUTO_TEST_CASE(valid_plan_has_no_problems) {
  const plan p = base();
  BOOST_TEST(fields(p).empty());
  BOOST_CHECK_NO_THROW(chitieu::validate(p));
}

BOOST_AUTO_TEST_CASE(validate_throws_the_first_problem) {
  plan p = base();
  p.id = "Test";
  ind(p, "insured").min_coverage = 0.0;
  try {
    chitieu::validate(p);
    BOOST_FAIL("validate accepted an invalid plan");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "plan.id");
  }
  BOOST_TEST(fields(p).size() == 2u);  // plan.id, indicators[insured].min_coverage
}

BOOST_AUTO_TEST_CASE(ids_are_lowercase_ascii_starting_with_a_letter) {
  plan p = base();
  p.id = "la gi";
  BOOST_TEST(has(p, "plan.id", "not a valid plan id"));
  p = base();
  ind(p, "insured").id = "Insured";
  BOOST_TEST(has(p, "indicators[Insured].id", "not a valid indicator id"));
  p = base();
  ind(p, "insured").id = "3rd";
  BOOST_TEST(has(p, "indicators[3rd].id", "lowercase ASCII letter"));
  p = base();
  p.domains[0].id = "y-tế";
  BOOST_TEST(has(p, "domains[y-tế].id", "not a valid domain id"));
}

BOOST_AUTO_TEST_CASE(ids_are_unique) {
  plan p = base();
  ind(p, "jobs").id = "insured";
  BOOST_TEST(has(p, "indicators[insured].id", "used twice"));
  p = base();
  p.domains.push_back(p.domains[0]);
  BOOST_TEST(has(p, "domains[health].id", "used twice"));
}

BOOST_AUTO_TEST_CASE(indicator_domain_exists) {
  plan p = base();
  ind(p, "jobs").domain = "labour";
  BOOST_TEST(has(p, "indicators[jobs].domain", "no domain 'labour' in this plan; declared domains: health"));
}

BOOST_AUTO_TEST_CASE(plan_metadata) {
  plan p = base();
  p.adopted = "2023-02-29";  // 2023 is not a leap year
  BOOST_TEST(has(p, "plan.adopted", "not a calendar date"));
  p = base();
  p.baseline_year = 2030;
  BOOST_TEST(has(p, "plan.baseline_year", "baseline year 2030 must be before the target year 2030"));
  p = base();
  p.parent = p.id;
  BOOST_TEST(has(p, "plan.parent", "cannot implement itself"));
  p = base();
  p.title = {};
  BOOST_TEST(has(p, "plan.title", "needs a title"));
  p = base();
  ind(p, "insured").name.en.clear();
  BOOST_TEST(has(p, "indicators[insured].name", "vi and en"));
}

BOOST_AUTO_TEST_CASE(part_of_rules) {
  plan p = base();
  p.indicators.push_back(
      make("insured_part", unit::percent, direction::higher, "40%", aggregate_rule::ratio));
  ind(p, "insured_part").part_of = "insured";
  BOOST_TEST(fields(p).empty());  // both ratio with the same (empty) denominator

  ind(p, "insured_part").part_of = "nothing";
  BOOST_TEST(has(p, "indicators[insured_part].part_of", "no indicator 'nothing'"));
  ind(p, "insured_part").part_of = "insured_part";
  BOOST_TEST(has(p, "indicators[insured_part].part_of", "part of itself"));
  ind(p, "insured_part").part_of = "jobs";  // count whole, percent part
  BOOST_TEST(has(p, "indicators[insured_part].part_of", "'jobs' is in count, this one in percent"));

  ind(p, "insured_part").part_of = "insured";
  ind(p, "insured").denominator = "dân số";
  BOOST_TEST(has(p, "indicators[insured_part].part_of", "shares its whole's denominator"));
  ind(p, "insured_part").denominator = "dân số";
  BOOST_TEST(fields(p).empty());

  ind(p, "insured").part_of = "insured_part";  // a two-link cycle
  BOOST_TEST(has(p, "indicators[insured].part_of", "cycle"));
  BOOST_TEST(has(p, "indicators[insured_part].part_of", "cycle"));
}

BOOST_AUTO_TEST_CASE(bounds_within_the_unit_domain) {
  plan p = base();
  ind(p, "insured").target.lower = 120.0;  // the parser refuses it; a hand-built target can hold it
  BOOST_TEST(
      has(p, "indicators[insured].target", "bound 120 is outside the domain of unit percent ([0, 100])"));
  p = base();
  p.indicators.push_back(make("doctors", unit::per_10k, direction::higher, "12-15", aggregate_rule::ratio));
  ind(p, "doctors").target.lower = -1.0;
  BOOST_TEST(has(p, "indicators[doctors].target", "bound -1 is outside the domain of unit per_10k (>= 0)"));
  ind(p, "doctors").target.lower = 16.0;  // now 16 > 15
  BOOST_TEST(has(p, "indicators[doctors].target", "lower bound 16 exceeds upper bound 15"));
}

BOOST_AUTO_TEST_CASE(boolean_unit_and_boolean_kinds_go_together) {
  plan p = base();
  ind(p, "insured").unit = unit::boolean;
  ind(p, "insured").aggregate = aggregate_rule::all;
  BOOST_TEST(has(p, "indicators[insured].unit", "unit boolean needs a milestone"));
  p = base();
  ind(p, "done").unit = unit::percent;
  ind(p, "done").aggregate = aggregate_rule::ratio;
  BOOST_TEST(has(p, "indicators[done].unit", "a milestone target is judged on 1/0 and needs unit boolean"));
}

BOOST_AUTO_TEST_CASE(direction_rules) {
  plan p = base();
  p.indicators.push_back(make("band", unit::percent, direction::none, "30 - 32%", aggregate_rule::ratio));
  BOOST_TEST(fields(p).empty());  // direction none with a two-sided band is fine
  ind(p, "band") = make("band", unit::percent, direction::higher, "40%", aggregate_rule::ratio);
  ind(p, "band").target.dir = direction::none;
  BOOST_TEST(has(p, "indicators[band].direction", "a one-sided threshold target needs higher or lower"));

  p = base();
  ind(p, "insured").target = chitieu::parse_target("dưới 15%", direction::lower);
  ind(p, "insured").target.dir = direction::higher;
  BOOST_TEST(has(p, "indicators[insured].target", "direction higher needs a lower bound"));
}

BOOST_AUTO_TEST_CASE(relative_targets) {
  plan p = base();
  p.indicators.push_back(make("income", unit::money, direction::higher,
                              "tăng từ 2,0 đến 2,6 lần so với năm 2030", aggregate_rule::weighted_mean));
  BOOST_TEST(has(p, "indicators[income].target", "base year 2030 must be before the target year 2030"));
  ind(p, "income").target.base_year = 2020;
  BOOST_TEST(fields(p).empty());
  ind(p, "income").unit = unit::index;
  BOOST_TEST(has(p, "indicators[income].unit", "relative target divides by the base-year value"));
}

BOOST_AUTO_TEST_CASE(cumulative_targets) {
  plan p = base();
  ind(p, "jobs").target.period = std::make_pair(2030, 2026);
  BOOST_TEST(has(p, "indicators[jobs].target", "period starts in 2030 after it ends in 2026"));
  p = base();
  ind(p, "jobs").target = chitieu::parse_target("giai đoạn 2026 - 2031: 13.500 lao động", direction::higher);
  BOOST_TEST(has(p, "indicators[jobs].target", "period ends in 2031, after the target year 2030"));
  p = base();
  ind(p, "jobs").target = chitieu::parse_target("giai đoạn 1900 - 1960: 13.500 lao động", direction::higher);
  // window [2020 - 50, 2030 + 50] = [1970, 2080]
  BOOST_TEST(has(p, "indicators[jobs].target", "period [1900, 1960] must lie within [1970, 2080]"));
  p = base();
  ind(p, "jobs").target.period.reset();
  BOOST_TEST(has(p, "indicators[jobs].period", "a cumulative target needs a period"));
  ind(p, "jobs").target.period = std::make_pair(2026, 2030);
  BOOST_TEST(fields(p).empty());
  p = base();
  ind(p, "jobs").aggregate = aggregate_rule::max;
  BOOST_TEST(has(p, "indicators[jobs].aggregate", "needs aggregate sum, not max"));
  p = base();
  ind(p, "jobs").unit = unit::percent;
  ind(p, "jobs").target.lower = 50.0;
  BOOST_TEST(has(p, "indicators[jobs].unit", "needs unit count, money or hectares, not percent"));
  p = base();
  ind(p, "insured").target.period = std::make_pair(2026, 2030);
  BOOST_TEST(has(p, "indicators[insured].period", "cumulative targets only"));
}

BOOST_AUTO_TEST_CASE(aggregate_rules_fit_units) {
  plan p = base();
  ind(p, "jobs").aggregate = aggregate_rule::ratio;
  BOOST_TEST(has(p, "indicators[jobs].aggregate",
                 "aggregate ratio needs unit percent, per_10k, m2_per_person or ratio, not count"));
  p = base();
  ind(p, "insured").aggregate = aggregate_rule::sum;
  BOOST_TEST(has(p, "indicators[insured].aggregate", "aggregate sum needs an additive unit"));
  p = base();
  ind(p, "insured").aggregate = aggregate_rule::any;
  BOOST_TEST(has(p, "indicators[insured].aggregate", "aggregate any needs unit boolean, not percent"));
  p = base();
  ind(p, "done").aggregate = aggregate_rule::weighted_mean;
  BOOST_TEST(has(p, "indicators[done].aggregate", "rolls up with all, any or none"));
  p = base();
  ind(p, "jobs").numerator = "việc làm";
  BOOST_TEST(has(p, "indicators[jobs].numerator", "describe the counts of a ratio rule"));
}

BOOST_AUTO_TEST_CASE(min_coverage_in_zero_one) {
  plan p = base();
  ind(p, "insured").min_coverage = 0.0;
  BOOST_TEST(has(p, "indicators[insured].min_coverage", "(0, 1], not 0"));
  ind(p, "insured").min_coverage = 1.5;
  BOOST_TEST(has(p, "indicators[insured].min_coverage", "(0, 1], not 1.5"));
  ind(p, "insured").min_coverage = 0.8;
  BOOST_TEST(fields(p).empty());
}

BOOST_AUTO_TEST_CASE(indicator_years) {
  plan p = base();
  ind(p, "insured").baseline_year = 2030;
  BOOST_TEST(
      has(p, "indicators[insured].baseline_year", "baseline year 2030 must be before the target year 2030"));
  p = base();
  ind(p, "insured").target_year = 2019;
  BOOST_TEST(
      has(p, "indicators[insured].target_year", "baseline year 2020 must be before the target year 2019"));
}

BOOST_AUTO_TEST_CASE(tolerance_rules) {
  plan p = base();
  p.indicators.push_back(
      make("about", unit::percent, direction::higher, "khoảng 60%", aggregate_rule::ratio));
  ind(p, "about").target.tolerance = 0.0;
  BOOST_TEST(has(p, "indicators[about].tolerance", "finite number > 0, not 0"));
  ind(p, "about").target.tolerance = 2.0;
  BOOST_TEST(fields(p).empty());
  ind(p, "insured").target.tolerance = 2.0;
  BOOST_TEST(has(p, "indicators[insured].tolerance", "a threshold target does not use it"));
}

BOOST_AUTO_TEST_CASE(aligns_with_format) {
  plan p = base();
  ind(p, "insured").aligns_with = {"nq-42-2023/health_insurance"};
  BOOST_TEST(fields(p).empty());
  ind(p, "insured").aligns_with = {"nq-42-2023"};
  BOOST_TEST(has(p, "indicators[insured].aligns_with", "'nq-42-2023' is not 'plan-id/indicator-id'"));
  ind(p, "insured").aligns_with = {"test-plan/jobs"};
  BOOST_TEST(has(p, "indicators[insured].aligns_with", "names this plan"));
}

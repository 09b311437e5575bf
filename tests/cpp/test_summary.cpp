#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/summary.hpp>

#include <cmath>
#include <string>
#include <type_traits>
#include <utility>

using chitieu::pace;
using chitieu::status;

using namespace chitieu::test;

namespace {
chitieu::plan make_plan() {
  chitieu::plan p;
  p.id = "test";
  p.domains = {{"d1", {}}, {"d2", {}}, {"d3", {}}, {"empty", {}}};
  const auto add = [&](const char* id, const char* domain, chitieu::target_kind k) {
    chitieu::indicator i;
    i.id = id;
    i.domain = domain;
    i.target.kind = k;
    p.indicators.push_back(i);
  };
  add("a", "d1", chitieu::target_kind::threshold);
  add("b", "d1", chitieu::target_kind::threshold);
  add("c", "d1", chitieu::target_kind::threshold);
  add("d", "d2", chitieu::target_kind::range);
  add("q", "d2", chitieu::target_kind::qualitative);  // no row: not_assessed
  add("m", "d3", chitieu::target_kind::milestone);
  return p;
}

void row(chitieu::evaluation& ev, const char* ind, int year, status s, pace pc, double progress) {
  std::int32_t code = -1;
  for (std::size_t i = 0; i < ev.indicator_ids.size(); ++i)
    if (ev.indicator_ids[i] == ind) code = static_cast<std::int32_t>(i);
  if (code < 0) {
    ev.indicator_ids.push_back(ind);
    code = static_cast<std::int32_t>(ev.indicator_ids.size() - 1);
  }
  const std::size_t r = ev.size();
  ev.resize(r + 1);
  ev.indicator[r] = code;
  ev.area[r] = 0;
  ev.year[r] = year;
  ev.status[r] = s;
  ev.pace[r] = pc;
  ev.progress[r] = progress;
}

chitieu::evaluation make_eval() {
  chitieu::evaluation ev;
  ev.area_ids = {"T"};
  row(ev, "a", 2024, status::met, pace::achieved, 1.2);
  row(ev, "b", 2024, status::not_met, pace::moderate, 0.4);
  row(ev, "c", 2024, status::not_met, pace::regressing, -0.2);
  row(ev, "d", 2024, status::exceeded, pace::achieved, 1.1);
  row(ev, "m", 2024, status::not_met, pace::not_applicable, missing);
  row(ev, "a", 2023, status::not_met, pace::moderate, 0.5);
  return ev;
}
}  // namespace

BOOST_AUTO_TEST_CASE(scores_counts_and_the_eighty_percent_rule) {
  const auto s = chitieu::summarize(make_plan(), make_eval(), "T", {2024});
  BOOST_TEST(s.year == 2024);
  BOOST_TEST_REQUIRE(s.domains.size() == 3u);  // "empty" has no indicators
  // d1: scores 100 (met), 40 (0.4), 0 (clip of -0.2) → mean 140/3 = 46.667.
  BOOST_TEST(s.domains[0].score == 140.0 / 3.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.domains[0].enough_data);
  BOOST_TEST(s.domains[0].indicators[2].score == 0.0);
  // d2: d exceeded (100), q without a row → not_assessed; 1 of 2 with data = 50 % < 80 %.
  BOOST_TEST(std::isnan(s.domains[1].score));
  BOOST_TEST(!s.domains[1].enough_data);
  BOOST_TEST((s.domains[1].indicators[1].status == status::not_assessed));
  BOOST_TEST((s.domains[1].indicators[1].pace == pace::not_applicable));
  // d3: a missed milestone scores 0 (progress undefined).
  BOOST_TEST(s.domains[2].score == 0.0);
  // Plan: 5 of 6 indicators with data = 83 % >= 80 %; mean of finite domain scores
  // (46.667 + 0) / 2 = 23.333.
  BOOST_TEST(s.with_data == 5u);
  BOOST_TEST(s.indicators == 6u);
  BOOST_TEST(s.enough_data);
  BOOST_TEST(s.score == 70.0 / 3.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.counts.of(status::not_met) == 3u);
  BOOST_TEST(s.counts.of(status::met) == 1u);
  BOOST_TEST(s.counts.of(status::exceeded) == 1u);
  BOOST_TEST(s.counts.of(status::not_assessed) == 1u);
  BOOST_TEST(s.counts.of(pace::achieved) == 2u);
  BOOST_TEST(s.counts.of(pace::not_applicable) == 2u);
  BOOST_TEST(s.domains[0].counts.of(pace::regressing) == 1u);
}

BOOST_AUTO_TEST_CASE(geometric_mean_of_domain_scores) {
  auto ev = make_eval();
  ev.status[4] = status::met;  // the milestone met: d3 = 100
  const auto s = chitieu::summarize(make_plan(), ev, "T", {2024, true});
  // sqrt(46.667 × 100) = sqrt(4666.67) = 68.313
  BOOST_TEST(s.score == std::sqrt(140.0 / 3.0 * 100.0), boost::test_tools::tolerance(1e-12));
  const auto arithmetic = chitieu::summarize(make_plan(), ev, "T", {2024});
  BOOST_TEST(arithmetic.score == (140.0 / 3.0 + 100.0) / 2.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(too_little_data_gives_no_score) {
  // 2023: only a has a row (progress 0.5 → 50): 1 of 6 with data.
  const auto s = chitieu::summarize(make_plan(), make_eval(), "T", {2023});
  BOOST_TEST(!s.enough_data);
  BOOST_TEST(std::isnan(s.score));
  BOOST_TEST(s.domains[0].indicators[0].score == 50.0);
  BOOST_TEST(std::isnan(s.domains[0].score));      // 1 of 3 in d1
  BOOST_TEST(s.counts.of(status::no_data) == 4u);  // b, c, d, m (q is not_assessed)
}

BOOST_AUTO_TEST_CASE(default_year_is_the_latest_and_unknown_areas_are_named) {
  BOOST_TEST(chitieu::summarize(make_plan(), make_eval(), "T").year == 2024);
  try {
    (void)chitieu::summarize(make_plan(), make_eval(), "nowhere");
    BOOST_FAIL("unknown area accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(std::string(e.what()).find("'nowhere'") != std::string::npos);
  }
}

namespace {
/// The type of summarize(args...), when that call compiles.
template <class, class... Args>
struct summarize_call : std::false_type {};
/// The type of summarize(args...), when that call compiles.
template <class... Args>
struct summarize_call<std::void_t<decltype(chitieu::summarize(std::declval<Args>()...))>, Args...>
    : std::true_type {};
}  // namespace

BOOST_AUTO_TEST_CASE(year_and_geometric_are_named_options) {
  // A bare number or flag after the area no longer compiles: 1 was silently the year 1, and a
  // year of type unsigned matched no overload. The options say what they are.
  using chitieu::evaluation;
  using chitieu::plan;
  static_assert(!summarize_call<void, plan, evaluation, std::string, int>::value);
  static_assert(!summarize_call<void, plan, evaluation, std::string, bool>::value);
  static_assert(summarize_call<void, plan, evaluation, std::string, chitieu::summary_options>::value);
  chitieu::summary_options options;
  options.geometric = true;
  const auto s = chitieu::summarize(make_plan(), make_eval(), "T", options);
  BOOST_TEST((s.year == 2024 && s.geometric));
  BOOST_TEST(s.counts.by_status.size() == chitieu::all_statuses.size());
  BOOST_TEST(s.counts.by_pace.size() == chitieu::all_paces.size());
}

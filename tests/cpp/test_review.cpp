#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/csv_files.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/review.hpp>
#include <chitieu/summary.hpp>
#include <chitieu/testing.hpp>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <utility>

using chitieu::status;

using namespace chitieu::test;

namespace {
const std::string root = CHITIEU_SOURCE_DIR;

struct la_gi {
  chitieu::plan plan = chitieu::read_plan(root + "/plans/la-gi-2024.toml");
  chitieu::panel obs = chitieu::read_observations(root + "/data/sample/la-gi-observations.csv").panel;
  chitieu::area_table areas = chitieu::read_areas(root + "/data/areas/la-gi.csv");
  chitieu::crosswalk cw = chitieu::read_crosswalk(root + "/data/areas/la-gi-crosswalk-2025.csv", areas);

  /// Options naming the fixture's area table and crosswalk.
  chitieu::review_options with_both() const {
    return chitieu::review_options{}.with_areas(areas).with_crosswalk(cw);
  }
};

// Σ numerator and Σ denominator of an indicator over the given areas in a year, from the CSV.
std::pair<double, double> sums(const chitieu::panel& obs, const std::string& ind,
                               const std::vector<std::string>& areas, int year) {
  double n = 0, d = 0;
  for (std::size_t r = 0; r < obs.size(); ++r) {
    const auto& a = obs.area_ids[static_cast<std::size_t>(obs.area[r])];
    if (obs.indicator_ids[static_cast<std::size_t>(obs.indicator[r])] != ind || obs.year[r] != year) continue;
    for (const auto& x : areas)
      if (x == a) {
        n += obs.numerator[r];
        d += obs.denominator[r];
      }
  }
  return {n, d};
}

const std::vector<std::string> nine{"phuong-phuoc-hoi", "phuong-phuoc-loc", "phuong-tan-thien",
                                    "phuong-tan-an",    "phuong-binh-tan",  "xa-tan-hai",
                                    "xa-tan-tien",      "xa-tan-binh",      "xa-tan-phuoc"};
const std::vector<std::string> la_gi_2025_from{"phuong-tan-an", "phuong-binh-tan", "phuong-tan-thien",
                                               "xa-tan-binh"};

// review_options::with_areas and with_crosswalk, callable only where they accept the argument.
constexpr auto set_areas = [](chitieu::review_options& o,
                              auto&& table) -> decltype(o.with_areas(std::forward<decltype(table)>(table))) {
  return o.with_areas(std::forward<decltype(table)>(table));
};
constexpr auto set_crosswalk =
    [](chitieu::review_options& o,
       auto&& walk) -> decltype(o.with_crosswalk(std::forward<decltype(walk)>(walk))) {
  return o.with_crosswalk(std::forward<decltype(walk)>(walk));
};

// The options keep references: a table or crosswalk that dies with the expression is refused.
static_assert(std::is_invocable_v<decltype(set_areas), chitieu::review_options&, const chitieu::area_table&>);
static_assert(!std::is_invocable_v<decltype(set_areas), chitieu::review_options&, chitieu::area_table&&>);
static_assert(
    std::is_invocable_v<decltype(set_crosswalk), chitieu::review_options&, const chitieu::crosswalk&>);
static_assert(!std::is_invocable_v<decltype(set_crosswalk), chitieu::review_options&, chitieu::crosswalk&&>);
static_assert(!std::is_assignable_v<decltype(chitieu::review_options::areas)&, chitieu::area_table&&>);
static_assert(std::is_copy_constructible_v<chitieu::review_options>);
// 0.1.0's fields keep their places: review_options{evaluation, geography, checked} reads as before.
static_assert(std::is_aggregate_v<chitieu::review_options>);

// The storage of every double column of an evaluation.
std::set<const double*> double_columns(const chitieu::evaluation& e) {
  std::set<const double*> out;
  for (const auto* c : {&e.value, &e.assessed, &e.margin, &e.baseline, &e.progress, &e.elapsed, &e.projected,
                        &e.p_meet, &e.coverage})
    if (!c->empty()) out.insert(c->data());
  return out;
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(la_gi_sample, la_gi)

BOOST_AUTO_TEST_CASE(the_town_is_evaluated_every_year_in_both_geographies) {
  const chitieu::review_options geo = with_both().with_geography(chitieu::parse_date("2025-07-01"));
  const auto historical = chitieu::review(plan, obs, with_both());
  const auto reformed = chitieu::review(plan, obs, geo);
  for (const auto* res : {&historical, &reformed})
    for (int y = 2020; y <= 2026; ++y)
      for (const char* ind : {"unemployment_rate", "income_per_capita", "new_jobs", "health_insurance",
                              "life_expectancy", "preschool_universal"}) {
        const long r = find(res->evaluation, ind, "la-gi", y);
        BOOST_TEST_REQUIRE(r >= 0, ind << " " << y);
        BOOST_TEST(std::isfinite(res->evaluation.value[static_cast<std::size_t>(r)]), ind << " " << y);
      }
  // The town's totals are the same in both geographies: ratio of sums over the nine units.
  const auto [n, d] = sums(obs, "unemployment_rate", nine, 2022);
  for (const auto* res : {&historical, &reformed}) {
    const auto r = static_cast<std::size_t>(find(res->evaluation, "unemployment_rate", "la-gi", 2022));
    BOOST_TEST(res->evaluation.value[r] == n * 100.0 / d, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(res->evaluation.coverage[r] == 1.0);
  }
  const auto hj = static_cast<std::size_t>(find(historical.evaluation, "new_jobs", "la-gi", 2023));
  const auto gj = static_cast<std::size_t>(find(reformed.evaluation, "new_jobs", "la-gi", 2023));
  BOOST_TEST(historical.evaluation.value[hj] == reformed.evaluation.value[gj]);
  // The sample's parts never exceed their wholes and share their denominators.
  BOOST_TEST(historical.findings.empty());
  BOOST_TEST(reformed.findings.empty());
}

BOOST_AUTO_TEST_CASE(new_units_have_2020_baselines_through_the_crosswalk) {
  const chitieu::review_options geo = with_both().with_geography(chitieu::parse_date("2025-07-01"));
  const auto res = chitieu::review(plan, obs, geo);
  // Phường La Gi in 2020 = Tân An + Bình Tân + Tân Thiện + Tân Bình.
  const auto [n, d] = sums(obs, "unemployment_rate", la_gi_2025_from, 2020);
  const long r2020 = find(res.evaluation, "unemployment_rate", "phuong-la-gi-2025", 2020);
  BOOST_TEST_REQUIRE(r2020 >= 0);
  BOOST_TEST(res.evaluation.value[static_cast<std::size_t>(r2020)] == n * 100.0 / d,
             boost::test_tools::tolerance(1e-12));
  BOOST_TEST(res.evaluation.coverage[static_cast<std::size_t>(r2020)] == 1.0);  // 4 of 4 reported
  for (const char* unit : {"phuong-la-gi-2025", "phuong-phuoc-hoi-2025", "xa-tan-hai-2025"}) {
    const long r = find(res.evaluation, "unemployment_rate", unit, 2026);
    BOOST_TEST_REQUIRE(r >= 0);
    BOOST_TEST(std::isfinite(res.evaluation.baseline[static_cast<std::size_t>(r)]), unit);
  }
  BOOST_TEST(res.evaluation.baseline[static_cast<std::size_t>(
                 find(res.evaluation, "unemployment_rate", "phuong-la-gi-2025", 2026))] == n * 100.0 / d,
             boost::test_tools::tolerance(1e-12));
  // Historically the new units start in 2025: no 2020 row, no 2020 baseline.
  const auto hist = chitieu::review(plan, obs, with_both());
  BOOST_TEST(find(hist.evaluation, "unemployment_rate", "phuong-la-gi-2025", 2020) == -1);
}

BOOST_AUTO_TEST_CASE(a_missing_unit_gives_no_data_with_its_coverage) {
  // pension_coverage: xa-tan-phuoc did not report in 2021.
  const chitieu::review_options geo = with_both().with_geography(chitieu::parse_date("2025-07-01"));
  const auto hist = chitieu::review(plan, obs, with_both());
  const auto h = static_cast<std::size_t>(find(hist.evaluation, "pension_coverage", "la-gi", 2021));
  BOOST_TEST((hist.evaluation.status[h] == status::no_data));
  BOOST_TEST(hist.evaluation.coverage[h] == 8.0 / 9.0);
  const auto geo_res = chitieu::review(plan, obs, geo);
  // Tân Phước became part of phường Phước Hội with Phước Lộc and Phước Hội: 2 of 3 reported.
  const auto p =
      static_cast<std::size_t>(find(geo_res.evaluation, "pension_coverage", "phuong-phuoc-hoi-2025", 2021));
  BOOST_TEST((geo_res.evaluation.status[p] == status::no_data));
  BOOST_TEST(geo_res.evaluation.coverage[p] == 2.0 / 3.0);
  // The town then has 2 of its 3 units of 2025-07-01 reporting.
  const auto t = static_cast<std::size_t>(find(geo_res.evaluation, "pension_coverage", "la-gi", 2021));
  BOOST_TEST(geo_res.evaluation.coverage[t] == 2.0 / 3.0);
}

BOOST_AUTO_TEST_CASE(a_summary_of_the_town) {
  const auto res = chitieu::review(plan, obs, with_both());
  const auto s = chitieu::summarize(plan, res.evaluation, "la-gi");
  BOOST_TEST(s.year == 2026);
  BOOST_TEST(s.indicators == plan.indicators.size());
  BOOST_TEST(s.with_data + s.counts.of(status::no_data) + s.counts.of(status::not_assessed) == s.indicators);
}

BOOST_AUTO_TEST_CASE(observations_must_name_units_of_their_year) {
  chitieu::panel bad = obs;
  bad.add("new_jobs", "phuong-la-gi-2025", 2024, 10);  // the unit exists from 2025-07-01
  try {
    (void)chitieu::review(plan, bad, with_both());
    BOOST_FAIL("a unit outside its validity was accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "area");
    BOOST_TEST(e.line() == static_cast<long>(bad.size()));
    BOOST_TEST(std::string(e.what()).find("not a unit of 2024") != std::string::npos);
  }
  chitieu::panel unknown = obs;
  unknown.add("new_jobs", "ha-noi", 2024, 10);
  BOOST_CHECK_THROW(chitieu::review(plan, unknown, with_both()), chitieu::error);
  // A geography without crosswalk: the old units have no successor.
  chitieu::review_options geo;
  geo.with_areas(areas).with_geography(chitieu::parse_date("2025-07-01"));
  try {
    (void)chitieu::review(plan, obs, geo);
    BOOST_FAIL("old units re-expressed without a crosswalk");
  } catch (const chitieu::error& e) {
    BOOST_TEST(std::string(e.what()).find("phuong-phuoc-hoi") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(options_are_values_shared_between_reviews) {
  // 0.1.0's fields keep their places (the new ones come after them): initialised in order, they
  // read as before.
  const chitieu::review_options positional{chitieu::evaluate_options{}, chitieu::parse_date("2025-07-01"),
                                           true, std::nullopt, std::nullopt};
  BOOST_TEST((positional.geography && positional.geography->iso() == "2025-07-01"));
  BOOST_TEST((positional.checked && !positional.areas && !positional.crosswalk));
  // One options value, copied, reviews the same as the options written field by field.
  chitieu::review_options spelled;
  spelled.areas = std::cref(areas);
  spelled.crosswalk = std::cref(cw);
  spelled.geography = chitieu::parse_date("2025-07-01");
  const chitieu::review_options chained = with_both().with_geography(chitieu::parse_date("2025-07-01"));
  const chitieu::review_options copy = chained;
  const auto a = chitieu::review(plan, obs, spelled);
  const auto b = chitieu::review(plan, obs, copy);
  BOOST_TEST(chitieu::testing::compare(a.evaluation, b.evaluation, chitieu::testing::exactly()) == "");
  BOOST_TEST(find(a.evaluation, "unemployment_rate", "phuong-la-gi-2025", 2020) >= 0);
  // A crosswalk without a geography day is not used: the historical review, as without it.
  const auto historical = chitieu::review(plan, obs, chitieu::review_options{}.with_areas(areas));
  const auto unused_walk = chitieu::review(plan, obs, with_both());
  BOOST_TEST(chitieu::testing::compare(historical.evaluation, unused_walk.evaluation,
                                       chitieu::testing::exactly()) == "");
  // Without areas: no roll-up, so no town row made of the units.
  const auto plain = chitieu::review(plan, obs);
  BOOST_TEST(find(plain.evaluation, "unemployment_rate", "la-gi", 2022) == -1);
  BOOST_TEST(find(historical.evaluation, "unemployment_rate", "la-gi", 2022) >= 0);
}

BOOST_AUTO_TEST_CASE(an_evaluation_given_away_lends_its_memory) {
  const chitieu::review_options options = with_both();
  const auto fresh = chitieu::review(plan, obs, options);
  for (const bool consume : {false, true}) {
    chitieu::evaluation earlier = chitieu::review(plan, obs, options).evaluation;
    const std::set<const double*> lent = double_columns(earlier);
    chitieu::panel given = obs;
    const auto again = consume ? chitieu::review(plan, std::move(given), options, std::move(earlier))
                               : chitieu::review(plan, obs, options, std::move(earlier));
    BOOST_TEST(earlier.size() == 0u, "consume " << consume);  // given away: left empty
    BOOST_TEST(chitieu::testing::compare(again.evaluation, fresh.evaluation, chitieu::testing::exactly()) ==
               "");
    std::size_t reused = 0;
    for (const double* column : double_columns(again.evaluation)) reused += lent.count(column);
    BOOST_TEST(reused > 0u, "consume " << consume << ": no column of the earlier evaluation reused");
  }
}

// The 0.1.0 pointer overloads, deprecated in 0.2.0: they forward to review(plan, panel, options).
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
BOOST_AUTO_TEST_CASE(the_deprecated_pointer_overloads_forward) {
  const chitieu::review_options geo = with_both().with_geography(chitieu::parse_date("2025-07-01"));
  chitieu::review_options only_day;
  only_day.with_geography(chitieu::parse_date("2025-07-01"));
  const auto expected = chitieu::review(plan, obs, geo);
  const auto kept = chitieu::review(plan, obs, &areas, &cw, only_day);
  BOOST_TEST(chitieu::testing::compare(kept.evaluation, expected.evaluation, chitieu::testing::exactly()) ==
             "");
  // The pointers replace the options' inputs: null areas mean none, even if the options name some.
  const auto without = chitieu::review(plan, obs, nullptr, nullptr, with_both());
  BOOST_TEST(chitieu::testing::compare(without.evaluation, chitieu::review(plan, obs).evaluation,
                                       chitieu::testing::exactly()) == "");
  // Given away, with a recycled evaluation given by pointer (left empty).
  chitieu::evaluation earlier = expected.evaluation;
  chitieu::panel given = obs;
  const auto moved = chitieu::review(plan, std::move(given), &areas, &cw, only_day, &earlier);
  BOOST_TEST(earlier.size() == 0u);
  BOOST_TEST(chitieu::testing::compare(moved.evaluation, expected.evaluation, chitieu::testing::exactly()) ==
             "");
  // The file overload.
  const auto file = chitieu::read_observations(root + "/data/sample/la-gi-observations.csv");
  const auto from_file = chitieu::review(plan, file, &areas, &cw, only_day);
  BOOST_TEST(chitieu::testing::compare(from_file.evaluation, expected.evaluation,
                                       chitieu::testing::exactly()) == "");
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(without_areas_it_is_evaluate) {
  chitieu::plan p;
  p.id = "t";
  p.baseline_year = 2020;
  p.target_year = 2030;
  chitieu::indicator i;
  i.id = "x";
  i.unit = chitieu::unit::percent;
  i.target.lower = 50.0;
  p.indicators.push_back(i);
  chitieu::panel obs;
  obs.add("x", "anywhere", 2021, std::nan(""), 30, 50);  // completed to 60 %
  const auto res = chitieu::review(p, obs);
  BOOST_TEST_REQUIRE(res.evaluation.size() == 1u);
  BOOST_TEST(res.evaluation.value[0] == 60.0);
  BOOST_TEST((res.evaluation.status[0] == status::met));
  chitieu::review_options geo;
  geo.with_geography(chitieu::parse_date("2025-07-01"));
  BOOST_CHECK_THROW(chitieu::review(p, obs, geo), std::invalid_argument);
}

namespace {
// The messages of a review's findings, in order.
std::vector<std::string> finding_messages(const chitieu::review_result& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.message);
  return out;
}

// The review of `obs` kept by the caller and of a copy given away: the same evaluation (exactly)
// and the same findings.
void kept_equals_given_away(const chitieu::plan& p, const chitieu::panel& obs,
                            const chitieu::review_options& options) {
  const auto kept = chitieu::review(p, obs, options);
  chitieu::panel copy = obs;
  const auto moved = chitieu::review(p, std::move(copy), options);
  BOOST_TEST(chitieu::testing::compare(kept.evaluation, moved.evaluation, chitieu::testing::exactly()) == "");
  BOOST_TEST(finding_messages(kept) == finding_messages(moved), boost::test_tools::per_element());
}

// The message review() throws, or "" when it throws none.
template <class Review>
std::string thrown_by(Review&& review) {
  try {
    review();
  } catch (const chitieu::error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_kept_panel_rolls_up_as_a_given_away_one) {
  using chitieu::aggregate_rule;
  using chitieu::unit;
  const chitieu::area_table areas({make_area("T", ""), make_area("a", "T"), make_area("b", "T")});
  const auto options = chitieu::review_options{}.with_areas(areas);
  const double none = std::nan("");
  // A ratio rule reads numerators and denominators: the kept panel is rolled up as given (its
  // values completed afterwards), here with the town's own row given as a ratio that disagrees
  // with the aggregate (a finding).
  auto p = make_plan({make_indicator("u", unit::percent, aggregate_rule::ratio)});
  chitieu::panel obs;
  obs.add("u", "a", 2021, none, 30, 50);
  obs.add("u", "b", 2021, none, 20, 40);
  obs.add("u", "T", 2021, none, 45, 90);
  obs.add("u", "a", 2022, 70, none, 50);
  obs.add("u", "b", 2022, 50, 20, 40);
  kept_equals_given_away(p, obs, options);
  const auto ratio_only = chitieu::review(p, obs, options);
  BOOST_TEST(
      ratio_only.evaluation.value[static_cast<std::size_t>(find(ratio_only.evaluation, "u", "a", 2021))] ==
      60.0);
  BOOST_TEST(ratio_only.findings.size() == 1u);
  // A weighted mean reads values: a child given only as a ratio reports once its value is
  // completed, so the town's 2021 value is (60·100 + 40·100)/200 = 50, not no_data.
  p.indicators.push_back(make_indicator("w", unit::percent, aggregate_rule::weighted_mean));
  obs.add("w", "a", 2021, none, 30, 50, 100);
  obs.add("w", "b", 2021, 40, none, none, 100);
  kept_equals_given_away(p, obs, options);
  const auto weighted = chitieu::review(p, obs, options);
  const auto town = find(weighted.evaluation, "w", "T", 2021);
  BOOST_TEST_REQUIRE(town >= 0);
  BOOST_TEST(weighted.evaluation.value[static_cast<std::size_t>(town)] == 50.0);
  BOOST_TEST(weighted.evaluation.coverage[static_cast<std::size_t>(town)] == 1.0);
  // A value completed outside its domain (0.5 for a boolean) and a row problem: the same error
  // either way.
  p.indicators.push_back(make_indicator("done", unit::boolean, aggregate_rule::any));
  chitieu::panel bad = obs;
  bad.add("done", "a", 2021, none, 1, 2);
  const std::string completed_error = thrown_by([&] { chitieu::review(p, bad, options); });
  BOOST_TEST(completed_error.find("0.5") != std::string::npos, completed_error);
  BOOST_TEST(completed_error == thrown_by([&] { chitieu::review(p, chitieu::panel(bad), options); }));
  bad.add("u", "b", 2023, 120);
  const std::string row_error = thrown_by([&] { chitieu::review(p, bad, options); });
  BOOST_TEST(row_error.find("120") != std::string::npos, row_error);
  BOOST_TEST(row_error == thrown_by([&] { chitieu::review(p, chitieu::panel(bad), options); }));
}

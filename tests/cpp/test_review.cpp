#define BOOST_TEST_MODULE review
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/csv_files.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/review.hpp>
#include <chitieu/summary.hpp>

#include <cmath>
#include <map>
#include <string>

using chitieu::status;

using namespace chitieu::test;

namespace {
const std::string root = CHITIEU_SOURCE_DIR;

struct la_gi {
  chitieu::plan plan = chitieu::read_plan(root + "/plans/la-gi-2024.toml");
  chitieu::panel obs = chitieu::read_observations(root + "/data/sample/la-gi-observations.csv").panel;
  chitieu::area_table areas = chitieu::read_areas(root + "/data/areas/la-gi.csv");
  chitieu::crosswalk cw = chitieu::read_crosswalk(root + "/data/areas/la-gi-crosswalk-2025.csv", areas);
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
}  // namespace

BOOST_FIXTURE_TEST_SUITE(la_gi_sample, la_gi)

BOOST_AUTO_TEST_CASE(the_town_is_evaluated_every_year_in_both_geographies) {
  chitieu::review_options geo;
  geo.geography = chitieu::parse_date("2025-07-01");
  const auto historical = chitieu::review(plan, obs, &areas, &cw, {});
  const auto reformed = chitieu::review(plan, obs, &areas, &cw, geo);
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
  chitieu::review_options geo;
  geo.geography = chitieu::parse_date("2025-07-01");
  const auto res = chitieu::review(plan, obs, &areas, &cw, geo);
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
  const auto hist = chitieu::review(plan, obs, &areas, &cw, {});
  BOOST_TEST(find(hist.evaluation, "unemployment_rate", "phuong-la-gi-2025", 2020) == -1);
}

BOOST_AUTO_TEST_CASE(a_missing_unit_gives_no_data_with_its_coverage) {
  // pension_coverage: xa-tan-phuoc did not report in 2021.
  chitieu::review_options geo;
  geo.geography = chitieu::parse_date("2025-07-01");
  const auto hist = chitieu::review(plan, obs, &areas, &cw, {});
  const auto h = static_cast<std::size_t>(find(hist.evaluation, "pension_coverage", "la-gi", 2021));
  BOOST_TEST((hist.evaluation.status[h] == status::no_data));
  BOOST_TEST(hist.evaluation.coverage[h] == 8.0 / 9.0);
  const auto geo_res = chitieu::review(plan, obs, &areas, &cw, geo);
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
  const auto res = chitieu::review(plan, obs, &areas, &cw, {});
  const auto s = chitieu::summarize(plan, res.evaluation, "la-gi");
  BOOST_TEST(s.year == 2026);
  BOOST_TEST(s.indicators == plan.indicators.size());
  BOOST_TEST(s.with_data + s.counts.of(status::no_data) + s.counts.of(status::not_assessed) == s.indicators);
}

BOOST_AUTO_TEST_CASE(observations_must_name_units_of_their_year) {
  chitieu::panel bad = obs;
  bad.add("new_jobs", "phuong-la-gi-2025", 2024, 10);  // the unit exists from 2025-07-01
  try {
    (void)chitieu::review(plan, bad, &areas, &cw, {});
    BOOST_FAIL("a unit outside its validity was accepted");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "area");
    BOOST_TEST(e.line() == static_cast<long>(bad.size()));
    BOOST_TEST(std::string(e.what()).find("not a unit of 2024") != std::string::npos);
  }
  chitieu::panel unknown = obs;
  unknown.add("new_jobs", "ha-noi", 2024, 10);
  BOOST_CHECK_THROW(chitieu::review(plan, unknown, &areas, &cw, {}), chitieu::error);
  // A geography without crosswalk: the old units have no successor.
  chitieu::review_options geo;
  geo.geography = chitieu::parse_date("2025-07-01");
  try {
    (void)chitieu::review(plan, obs, &areas, nullptr, geo);
    BOOST_FAIL("old units re-expressed without a crosswalk");
  } catch (const chitieu::error& e) {
    BOOST_TEST(std::string(e.what()).find("phuong-phuoc-hoi") != std::string::npos);
  }
}

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
  const auto res = chitieu::review(p, obs, nullptr, nullptr, {});
  BOOST_TEST_REQUIRE(res.evaluation.size() == 1u);
  BOOST_TEST(res.evaluation.value[0] == 60.0);
  BOOST_TEST((res.evaluation.status[0] == status::met));
  chitieu::review_options geo;
  geo.geography = chitieu::parse_date("2025-07-01");
  BOOST_CHECK_THROW(chitieu::review(p, obs, nullptr, nullptr, geo), std::invalid_argument);
}

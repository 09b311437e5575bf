// Concurrency (docs/evaluation.md "Implementation": no global state, evaluations may run in parallel):
// several threads load plans, read phrases and evaluate different plans and data at once; every result must
// equal the one computed sequentially. Run under ThreadSanitizer with the `tsan` preset, where a data race
// fails the test; elsewhere it checks that concurrent results are exact.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/area_codes.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/csv_files.hpp>
#include <chitieu/date.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/phrase.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/review.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <thread>
#include <vector>

using chitieu::test::same;

namespace {

const std::string root = CHITIEU_SOURCE_DIR;

/// One unit of work and the result it must give.
struct job {
  std::function<chitieu::evaluation()> run;
  chitieu::evaluation expected;
};

}  // namespace

BOOST_AUTO_TEST_CASE(concurrent_evaluations_equal_sequential_ones) {
  // Inputs shared read-only by every thread.
  const chitieu::plan la_gi = chitieu::load_plan("la-gi-2024");
  const chitieu::panel sample =
      chitieu::read_observations(root + "/data/sample/la-gi-observations.csv").panel;
  const chitieu::area_table areas = chitieu::read_areas(root + "/data/areas/la-gi.csv");
  const chitieu::crosswalk cw = chitieu::read_crosswalk(root + "/data/areas/la-gi-crosswalk-2025.csv", areas);
  std::vector<chitieu::plan> others;
  std::vector<chitieu::panel> other_data;
  for (const char* id : {"binh-thuan-2024", "nq-42-2023"}) {
    others.push_back(chitieu::load_plan(id));
    other_data.push_back(chitieu::test::synthetic_panel(others.back()));
    chitieu::complete_values(others.back(), other_data.back());
    chitieu::check_observations(others.back(), other_data.back());  // the synthetic data are valid
  }

  std::vector<job> jobs;
  for (const auto method :
       {chitieu::pace_method::chitieu, chitieu::pace_method::open_sdg, chitieu::pace_method::sdsn}) {
    chitieu::review_options historical;
    historical.with_areas(areas).with_crosswalk(cw);
    historical.evaluation.method = method;
    chitieu::review_options reformed = historical;
    reformed.geography = chitieu::parse_date("2025-07-01");
    for (const auto& opt : {historical, reformed})
      jobs.push_back({[&, opt] { return chitieu::review(la_gi, sample, opt).evaluation; }, {}});
    for (std::size_t i = 0; i < others.size(); ++i) {
      chitieu::evaluate_options eo;
      eo.method = method;
      jobs.push_back({[&, i, eo] { return chitieu::evaluate(others[i], other_data[i], eo); }, {}});
      eo.year = 2024;
      jobs.push_back({[&, i, eo] { return chitieu::evaluate(others[i], other_data[i], eo); }, {}});
    }
  }
  for (auto& j : jobs) {
    j.expected = j.run();
    BOOST_TEST_REQUIRE(j.expected.size() > 0u);
  }

  // Each thread runs every job, starting at a different one, and also loads plans and reads
  // phrases, so that plan files, phrases and evaluations are all in flight at once.
  const std::vector<std::string> plan_ids = chitieu::embedded_plan_ids();
  std::vector<chitieu::plan> loaded;
  std::vector<std::vector<chitieu::target>> targets;
  for (const auto& id : plan_ids) {
    loaded.push_back(chitieu::load_plan(id));
    targets.emplace_back();
    for (const auto& ind : loaded.back().indicators)
      targets.back().push_back(
          chitieu::parse_target(ind.target_phrase, ind.target.dir, ind.target.tolerance));
  }
  const std::size_t n_threads = 6;
  std::atomic<bool> go{false};
  std::atomic<int> mismatches{0};
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < n_threads; ++t)
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (std::size_t k = 0; k < jobs.size(); ++k) {
        const job& j = jobs[(k + t) % jobs.size()];
        if (!same(j.run(), j.expected)) ++mismatches;
        const std::size_t which = (k + t) % plan_ids.size();
        const chitieu::plan p = chitieu::load_plan(plan_ids[which]);
        if (!(p == loaded[which])) ++mismatches;
        for (std::size_t i = 0; i < p.indicators.size(); ++i) {
          const auto& ind = p.indicators[i];
          if (!(chitieu::parse_target(ind.target_phrase, ind.target.dir, ind.target.tolerance) ==
                targets[which][i]))
            ++mismatches;
        }
      }
      ++done;
    });
  go = true;
  for (auto& th : threads) th.join();
  BOOST_TEST(done.load() == static_cast<int>(n_threads));
  BOOST_TEST(mismatches.load() == 0);
}

BOOST_AUTO_TEST_CASE(evaluate_split_over_threads_equals_one_thread) {
  // evaluate_options::threads splits the series of one panel over threads (from 65 536 rows):
  // the result, and the first error, are those of one thread.
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  chitieu::panel big = chitieu::test::synthetic_panel(p, 1300);
  chitieu::complete_values(p, big);
  BOOST_TEST_REQUIRE(big.size() > 65536u);
  chitieu::evaluate_options one, four;
  one.threads = 1;
  four.threads = 4;
  const auto expected = chitieu::evaluate(p, big, one);
  BOOST_TEST(same(chitieu::evaluate(p, big, four), expected));
  // Two unknown indicators in different chunks: the error is the first row's, as with one thread.
  big.indicator_ids.push_back("unknown_a");
  big.indicator_ids.push_back("unknown_b");
  big.indicator[big.size() - 1] = static_cast<std::int32_t>(big.indicator_ids.size() - 1);
  big.indicator[1000] = static_cast<std::int32_t>(big.indicator_ids.size() - 2);
  std::string first, again;
  try {
    (void)chitieu::evaluate(p, big, one);
  } catch (const chitieu::error& e) {
    first = e.what();
  }
  try {
    (void)chitieu::evaluate(p, big, four);
  } catch (const chitieu::error& e) {
    again = e.what();
  }
  BOOST_TEST(first.find("unknown_a") != std::string::npos);
  BOOST_TEST(again == first);
}

BOOST_AUTO_TEST_CASE(the_observation_check_over_the_cores_finds_every_problem_in_row_order) {
  // observation_problems() splits the rows over the cores (from 65 536 rows a chunk): problems
  // planted near the start, the middle and the end come back, once each, in row order.
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  chitieu::panel big = chitieu::test::synthetic_panel(p, 2600);
  const std::size_t n = big.size();
  BOOST_TEST_REQUIRE(n > 131072u);
  const auto ratio_row = [&](std::size_t from) {  // a row given as numerator and denominator
    while (!std::isnan(big.value[from])) ++from;
    return from;
  };
  const std::size_t a = ratio_row(10), b = ratio_row(n / 2 + 3), c = ratio_row(n - 200);
  big.numerator[a] = -1.0;                                     // negative numerator
  big.denominator[b] = 0.0;                                    // denominator not positive
  big.numerator[c] = std::numeric_limits<double>::infinity();  // infinite numerator
  const auto problems = chitieu::observation_problems(p, big);
  BOOST_TEST_REQUIRE(problems.size() == 3u);
  BOOST_TEST(problems[0].line() == static_cast<long>(a + 1));
  BOOST_TEST(problems[0].field() == "numerator");
  BOOST_TEST(problems[1].line() == static_cast<long>(b + 1));
  BOOST_TEST(problems[1].field() == "denominator");
  BOOST_TEST(problems[2].line() == static_cast<long>(c + 1));
  BOOST_TEST(problems[2].field() == "numerator");
}

BOOST_AUTO_TEST_CASE(a_panel_given_away_over_threads_equals_one_kept) {
  // evaluate(panel&&) sorts the panel's columns in place over the threads and evaluates there
  // (every year), or by blocks with options.year: both equal evaluate() of a kept panel.
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  const chitieu::panel big = chitieu::test::synthetic_panel(p, 1300);
  chitieu::evaluate_options one, four;
  one.threads = 1;
  four.threads = 4;
  const auto expected = chitieu::evaluate(p, big, one);
  chitieu::panel copy = big;
  BOOST_TEST(same(chitieu::evaluate(p, std::move(copy), four), expected));
  one.year = four.year = 2024;
  const auto at_2024 = chitieu::evaluate(p, big, one);
  BOOST_TEST(at_2024.size() < expected.size());
  chitieu::panel again = big;
  BOOST_TEST(same(chitieu::evaluate(p, std::move(again), four), at_2024));
}

BOOST_AUTO_TEST_CASE(completion_and_the_area_check_over_the_cores_keep_row_order) {
  // complete_values() and observation_area_problems() split the rows over the cores (from 131 072
  // rows): each value is completed as numerator × factor / denominator, the error is the first
  // row's, and area problems planted in different chunks come back once each, in row order.
  const chitieu::plan p = chitieu::load_plan("nq-42-2023");
  chitieu::panel big = chitieu::test::synthetic_panel(p, 2600);
  const std::size_t n = big.size();
  BOOST_TEST_REQUIRE(n > 131072u);
  chitieu::panel completed = big;
  chitieu::complete_values(p, completed);
  std::size_t filled = 0, wrong = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const bool ratio = std::isnan(big.value[r]);  // the synthetic ratio rows are percents
    const double expected = ratio ? big.numerator[r] * 100.0 / big.denominator[r] : big.value[r];
    filled += ratio ? 1 : 0;
    wrong += completed.value[r] == expected ? 0 : 1;
  }
  BOOST_TEST(filled > n / 10);
  BOOST_TEST(wrong == 0u);
  const auto ratio_row = [&](std::size_t from) {  // a row given as numerator and denominator
    while (!std::isnan(big.value[from])) ++from;
    return from;
  };
  chitieu::panel unknown = big;
  unknown.indicator_ids.push_back("unknown_a");
  unknown.indicator_ids.push_back("unknown_b");
  const std::size_t early = ratio_row(1000), late = ratio_row(n - 300);
  unknown.indicator[late] = static_cast<std::int32_t>(unknown.indicator_ids.size() - 1);
  unknown.indicator[early] = static_cast<std::int32_t>(unknown.indicator_ids.size() - 2);
  try {
    chitieu::complete_values(p, unknown);
    BOOST_FAIL("expected chitieu::error");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.line() == static_cast<long>(early + 1));
    BOOST_TEST(std::string(e.what()).find("unknown_a") != std::string::npos);
  }
  // Every area a0 … a2599 valid from 2021: the 2020 rows are problems, and so is a planted
  // unknown area near the middle; they come back in row order.
  std::vector<chitieu::area> areas;
  for (int a = 0; a < 2600; ++a) {
    chitieu::area unit;
    unit.id = "a" + std::to_string(a);
    unit.name = unit.id;
    unit.level = "xã";
    unit.valid_from = chitieu::parse_date("2021-01-01");
    areas.push_back(unit);
  }
  const chitieu::area_table table(areas, "areas.csv");
  big.area_ids.push_back("nowhere");
  const std::size_t middle = n / 2 + 5;
  big.area[middle] = static_cast<std::int32_t>(big.area_ids.size() - 1);
  big.year[middle] = 2023;
  std::vector<std::size_t> expected_lines;
  for (std::size_t r = 0; r < n; ++r)
    if (big.year[r] == 2020 || r == middle) expected_lines.push_back(r + 1);
  const auto problems = chitieu::observation_area_problems(big, table);
  std::vector<std::size_t> lines;
  for (const auto& e : problems) lines.push_back(static_cast<std::size_t>(e.line()));
  BOOST_TEST(lines == expected_lines);
  const auto unknown_at = std::find_if(problems.begin(), problems.end(),
                                       [&](const chitieu::error& e) { return e.line() == long(middle + 1); });
  BOOST_TEST_REQUIRE((unknown_at != problems.end()));
  BOOST_TEST(std::string(unknown_at->what()).find("unknown area 'nowhere'") != std::string::npos);
}

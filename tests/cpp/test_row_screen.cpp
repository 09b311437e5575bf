// Tests of the row screen (detail::plainly_valid) and of check_and_complete(), which screens the
// values it completes: a row the screen passes is one row_problems() finds nothing wrong with,
// over every unit and edge values of every column; the screen passes the common shapes; and
// check_and_complete() does what observation checks, complete_values() and a second check did.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include "detail/observation_rows.hpp"
#include "detail/plan_lookup.hpp"
#include "detail/row_screen.hpp"

#include <chitieu/observations_check.hpp>
#include <chitieu/review.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

using chitieu::direction;
using chitieu::target_kind;
using chitieu::unit;
using namespace chitieu::test;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

/// One indicator per unit judged on a lower bound ("<unit>"), and one per unit judged on 1 by a
/// milestone ("<unit>_done"): every screen the plan can give.
chitieu::plan every_unit() {
  std::vector<chitieu::indicator> inds;
  for (const unit u : chitieu::all_units) {
    const std::string name(chitieu::to_string(u));
    inds.push_back(make_indicator(
        name, u, make_target(target_kind::threshold, direction::higher, 1.0, true, std::nullopt, false)));
    inds.push_back(make_indicator(
        name + "_done", u,
        make_target(target_kind::milestone, direction::none, std::nullopt, false, std::nullopt, false)));
  }
  return make_plan(std::move(inds));
}

/// A random row of plan indicator `id` (in unit `u`) for `area`, built from edge values of every column; a
/// third of the rows with a value carry the ratio it is computed from, exactly or off by 1e-7 or 1e-5.
void add_edge_row(chitieu::panel& obs, const std::string& id, unit u, const std::string& area,
                  std::mt19937& g) {
  static const std::array<double, 16> values{missing, 0.0,   1.0, 0.5,  100.0, 100.000001, -0.0, -1e-300,
                                             -1.0,    1e308, inf, -inf, 50.0,  2.0,        1e4,  3.25};
  static const std::array<double, 10> parts{missing, 0.0, 1.0, 3.0, 4.0, -1.0, inf, 1e308, 1e-300, 7.5};
  static const std::array<double, 6> weights{missing, 0.0, 1.0, -1.0, inf, 2.5};
  static const std::array<double, 6> coverages{missing, 0.0, 0.5, 1.0, 1.1, -0.1};
  static const std::array<int, 5> years{1899, 1900, 2020, 2100, 2101};
  const auto pick = [&](const auto& pool) { return pool[g() % pool.size()]; };
  double v = pick(values);
  const double num = pick(parts), den = pick(parts);
  if (g() % 3 == 0 && std::isfinite(num) && std::isfinite(den) && den > 0) {
    const double exact = num * chitieu::ratio_factor(u) / den;
    const std::array<double, 3> near{exact, exact * (1 + 1e-7), exact * (1 + 1e-5)};
    v = near[g() % near.size()];
  }
  obs.add(id, area, pick(years), v, num, den, pick(weights), pick(weights));
  obs.coverage.back() = pick(coverages);
}

/// A random row of plan indicator `id` for `area` in 2020 most of which pass the first check: a
/// ratio of small parts (or of 1e308 over 1e-300, which overflows), or a value of 0, 1, 2 or 50.
void add_likely_row(chitieu::panel& obs, const std::string& id, const std::string& area, std::mt19937& g) {
  static const std::array<double, 5> parts{0.0, 1.0, 3.0, 4.0, 1e308};
  static const std::array<double, 4> wholes{1.0, 3.0, 4.0, 1e-300};
  static const std::array<double, 4> values{0.0, 1.0, 2.0, 50.0};
  const auto pick = [&](const auto& pool) { return pool[g() % pool.size()]; };
  if (g() % 2)
    obs.add(id, area, 2020, missing, pick(parts), pick(wholes));
  else
    obs.add(id, area, 2020, pick(values));
}

/// The problems row_problems() finds in row r of `obs`, whose indicator is `ind`.
std::vector<chitieu::error> problems_of(const chitieu::panel& obs, std::size_t r,
                                        const chitieu::indicator& ind) {
  std::vector<chitieu::error> out;
  chitieu::detail::row_problems(obs, r, ind, out);
  return out;
}

/// What check_and_complete() did before it screened: check, complete the values, check again.
/// The first problem's message, or "" with the completed panel in `obs`.
std::string check_complete_check(const chitieu::plan& p, chitieu::panel& obs) {
  try {
    chitieu::check_observations(p, obs);
    chitieu::complete_values(p, obs);
    chitieu::check_observations(p, obs);
  } catch (const chitieu::error& e) {
    return e.what();
  }
  return "";
}

/// check_and_complete() on `obs`: the first problem's message, or "" with the panel completed.
std::string screened_check(const chitieu::plan& p, chitieu::panel& obs) {
  try {
    chitieu::check_and_complete(p, obs);
  } catch (const chitieu::error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_row_the_screen_passes_has_no_problem) {
  const auto p = every_unit();
  std::mt19937 g(20261130);
  chitieu::panel obs;
  for (int k = 0; k < 200000; ++k) {
    const auto& ind = p.indicators[g() % p.indicators.size()];
    add_edge_row(obs, ind.id, ind.unit, "a", g);
  }
  const auto of_code = chitieu::detail::plan_indicators_of_codes(p, obs);
  std::size_t passed = 0;
  for (std::size_t r = 0; r < obs.size(); ++r) {
    const auto& ind = *of_code[static_cast<std::size_t>(obs.indicator[r])];
    const bool screened = chitieu::detail::plainly_valid(obs, r, chitieu::detail::screen_of(ind));
    const auto problems = problems_of(obs, r, ind);
    if (screened && !problems.empty())
      BOOST_ERROR("row " << r << " of " << ind.id
                         << " passes the screen but has a problem: " << problems.front().what());
    passed += screened;
  }
  BOOST_TEST(passed > 1000u);  // the edge pools leave some rows of each shape clean
}

BOOST_AUTO_TEST_CASE(the_screen_passes_the_common_shapes_and_leaves_the_rest) {
  using chitieu::aggregate_rule;
  const auto share =
      chitieu::detail::screen_of(make_indicator("share", unit::percent, aggregate_rule::ratio));
  const auto done = chitieu::detail::screen_of(make_indicator("done", unit::boolean, aggregate_rule::all));
  chitieu::panel obs;
  obs.add("share", "a", 2020, 75);                        // 0: a value
  obs.add("share", "a", 2021, missing, 3, 4);             // 1: a ratio
  obs.add("share", "a", 2022, 75, 3, 4);                  // 2: both, agreeing
  obs.add("share", "a", 2023, 75.01, 3, 4);               // 3: both, disagreeing: left to row_problems
  obs.add("share", "a", 2024, missing, 5, 4);             // 4: a part above its whole: left
  obs.add("share", "a", 1899, 75);                        // 5: implausible year: left
  obs.add("share", "a", 2025, 75, missing, missing, -1);  // 6: negative weight: left
  obs.add("share", "a", 2026, 100.5);                     // 7: outside [0, 100]: left
  obs.add("done", "a", 2020, 1);                          // 8: an assessment
  obs.add("done", "a", 2021, 0.5);                        // 9: not 0 or 1: left
  obs.add("share", "a", 2027, missing);                   // 10: no value, no ratio: left
  const std::vector<bool> expected{true, true, true, false, false, false, false, false, true, false, false};
  for (std::size_t r = 0; r < obs.size(); ++r) {
    const auto& s = obs.indicator[r] == 0 ? share : done;
    BOOST_TEST(chitieu::detail::plainly_valid(obs, r, s) == expected[r], "row " << r);
  }
}

BOOST_AUTO_TEST_CASE(check_and_complete_does_what_check_complete_check_did) {
  const auto p = every_unit();
  std::size_t passed = 0, refused_after_completion = 0;
  for (unsigned seed = 1; seed <= 4000; ++seed) {
    std::mt19937 g(seed);
    chitieu::panel before;
    const std::size_t rows = 1 + g() % 6;
    for (std::size_t k = 0; k < rows; ++k) {
      const auto& ind = p.indicators[g() % p.indicators.size()];
      if (g() % 4)
        add_likely_row(before, ind.id, "a" + std::to_string(k), g);
      else
        add_edge_row(before, ind.id, ind.unit, "a" + std::to_string(k), g);
    }
    chitieu::panel old_way = before, new_way = before;
    const std::string expected = check_complete_check(p, old_way);
    const std::string got = screened_check(p, new_way);
    BOOST_TEST(got == expected, "seed " << seed);
    passed += expected.empty();
    chitieu::panel checked_once = before;
    refused_after_completion += !expected.empty() && chitieu::observation_problems(p, checked_once).empty();
    if (expected.empty() && got.empty())
      for (std::size_t r = 0; r < before.size(); ++r)
        BOOST_TEST((old_way.value[r] == new_way.value[r] ||
                    (std::isnan(old_way.value[r]) && std::isnan(new_way.value[r]))),
                   "seed " << seed << " row " << r);
  }
  BOOST_TEST_MESSAGE(passed << " panels passed, " << refused_after_completion << " refused after completion");
  BOOST_TEST(passed > 100u);
  BOOST_TEST(refused_after_completion > 10u);
}

BOOST_AUTO_TEST_CASE(a_completed_value_outside_its_domain_is_refused_naming_the_row) {
  using chitieu::aggregate_rule;
  const auto p = make_plan({make_indicator("flag", unit::boolean, aggregate_rule::all),
                            make_indicator("rate", unit::per_10k, aggregate_rule::ratio)});
  chitieu::panel obs;
  obs.add("rate", "a", 2020, missing, 3, 40);
  obs.add("flag", "a", 2020, missing, 2, 1);  // 2 / 1 = 2: not an assessment
  try {
    chitieu::check_and_complete(p, obs);
    BOOST_FAIL("a completed value of 2 for a boolean passed");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.line() == 2);
    BOOST_TEST(e.field() == "value");
    BOOST_TEST(std::string(e.what()).find("value 2 is not an assessment") != std::string::npos, e.what());
  }
  chitieu::panel overflow;
  overflow.add("rate", "a", 2020, missing, 1e305, 1e-5);  // 1e305 × 10 000 / 1e-5 overflows
  try {
    chitieu::check_and_complete(p, overflow);
    BOOST_FAIL("an infinite completed value passed");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.line() == 1);
    BOOST_TEST(std::string(e.what()).find("value is infinite") != std::string::npos, e.what());
  }
  chitieu::panel fine;
  fine.add("rate", "a", 2020, missing, 3, 40);
  chitieu::check_and_complete(p, fine);
  BOOST_TEST(fine.value[0] == 3 * 10000.0 / 40);
}

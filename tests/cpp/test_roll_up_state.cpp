#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/error.hpp>
#include <chitieu/roll_up.hpp>
#include <chitieu/roll_up_state.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::area_table;
using chitieu::panel;
using chitieu::roll_up_state;

using namespace chitieu::test;

namespace {

// Province P; district D1 (communes a, b, c), district D2 (communes d, e; e only from 2022).
area_table province() {
  return area_table({make_area("P", ""), make_area("D1", "P"), make_area("D2", "P"), make_area("a", "D1"),
                     make_area("b", "D1"), make_area("c", "D1"), make_area("d", "D2"),
                     make_area("e", "D2", "2022-01-01")});
}

// Random rows for every commune × indicator × year 2020-2024 (some missing), D1's own population
// (differing from its communes'), an empty own row of D2 and girls above population in b, 2021.
panel random_rows(unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  panel obs;
  for (const std::string area : {"a", "b", "c", "d", "e"})
    for (int y = 2020; y <= 2024; ++y) {
      if (area == "e" && y < 2022) continue;
      if (u01(gen) < 0.15) continue;  // a commune that did not report this year
      const double pop = std::round(1000 + 9000 * u01(gen));
      obs.add("pop", area, y, pop);
      obs.add("girls", area, y, area == "b" && y == 2021 ? pop + 1 : std::round(pop * 0.49));
      const double den = std::round(500 + 500 * u01(gen));
      if (area == "c")  // value and denominator, no numerator: it brings value × den / 100
        obs.add("u", area, y, 10 * u01(gen), missing, den);
      else
        obs.add("u", area, y, missing, std::round(den * u01(gen) * 0.1), den);
      obs.add("inc", area, y, 3 + 5 * u01(gen), missing, missing, std::round(100 + 900 * u01(gen)));
      obs.add("lo", area, y, 100 * u01(gen));
      obs.add("hi", area, y, 100 * u01(gen));
      obs.add("al", area, y, u01(gen) < 0.8 ? 1.0 : 0.0);
      obs.add("an", area, y, u01(gen) < 0.2 ? 1.0 : 0.0);
      obs.add("no", area, y, 7.0);
    }
  obs.add("pop", "D1", 2021, 12345.0);
  obs.add("no", "D1", 2021, 3.0);
  obs.add("pop", "D2", 2023, missing);
  return obs;
}

// The rows of `obs` as one panel per part, row r in part part_of_row[r].
std::vector<panel> split(const panel& obs, std::size_t parts, const std::vector<std::size_t>& part_of_row) {
  std::vector<panel> out(parts);
  for (std::size_t r = 0; r < obs.size(); ++r)
    out[part_of_row[r]].add(obs.indicator_ids[static_cast<std::size_t>(obs.indicator[r])],
                            obs.area_ids[static_cast<std::size_t>(obs.area[r])], obs.year[r], obs.value[r],
                            obs.numerator[r], obs.denominator[r], obs.weight[r], obs.se[r]);
  return out;
}

// Each row's part: the rows of one area together (a series and its parts stay whole), areas at random.
std::vector<std::size_t> parts_by_area(const panel& obs, std::size_t parts, unsigned seed) {
  std::mt19937 gen(seed);
  std::vector<std::size_t> of_area(obs.area_ids.size());
  for (auto& p : of_area) p = std::uniform_int_distribution<std::size_t>(0, parts - 1)(gen);
  std::vector<std::size_t> out(obs.size());
  for (std::size_t r = 0; r < obs.size(); ++r) out[r] = of_area[static_cast<std::size_t>(obs.area[r])];
  return out;
}

using key = std::tuple<std::string, std::string, int>;

// A panel's rows by indicator, area and year: value, numerator, denominator, weight, coverage.
std::map<key, std::vector<double>> by_key(const panel& rows) {
  std::map<key, std::vector<double>> out;
  for (std::size_t r = 0; r < rows.size(); ++r)
    out[{rows.indicator_ids[static_cast<std::size_t>(rows.indicator[r])],
         rows.area_ids[static_cast<std::size_t>(rows.area[r])], rows.year[r]}] = {
        rows.value[r], rows.numerator[r], rows.denominator[r], rows.weight[r], rows.coverage[r]};
  return out;
}

// The findings as a sorted list of (kind, indicator, area, year).
std::vector<std::tuple<int, std::string, std::string, int>> finding_keys(const chitieu::roll_up_result& res) {
  std::vector<std::tuple<int, std::string, std::string, int>> out;
  for (const auto& f : res.findings) out.emplace_back(static_cast<int>(f.kind), f.indicator, f.area, f.year);
  std::sort(out.begin(), out.end());
  return out;
}

// True when a and b agree to 1e-12 (relative), NaN with NaN.
bool close(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

// Every row of `parts` is in `whole` with the same numbers (to 1e-12).
void same_rows(const panel& parts, const panel& whole) {
  const auto w = by_key(whole);
  for (const auto& [k, numbers] : by_key(parts)) {
    const auto it = w.find(k);
    BOOST_TEST_REQUIRE((it != w.end()), std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k));
    for (std::size_t i = 0; i < numbers.size(); ++i)
      BOOST_TEST(close(numbers[i], it->second[i]),
                 std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k) << " column " << i);
  }
}

// The finish of the states of `parts`, merged one after another in the order given.
chitieu::roll_up_result finish_of(const std::vector<panel>& parts, const std::vector<std::size_t>& order) {
  const auto p = every_rule();
  const auto areas = province();
  roll_up_state state = chitieu::roll_up_partial(p, parts[order[0]], areas);
  for (std::size_t i = 1; i < order.size(); ++i)
    chitieu::merge(state, chitieu::roll_up_partial(p, parts[order[i]], areas));
  return chitieu::roll_up_finish(p, std::move(state), areas);
}

}  // namespace

BOOST_AUTO_TEST_CASE(parts_merged_in_any_order_equal_the_whole_roll_up) {
  const auto p = every_rule();
  const auto areas = province();
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const panel obs = random_rows(seed);
    const auto whole = chitieu::roll_up(p, obs, areas);
    const std::size_t n = 1 + seed % 4;
    const auto parts = split(obs, n, parts_by_area(obs, n, seed));
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), std::mt19937(seed));
    const auto res = finish_of(parts, order);
    same_rows(res.rows, whole.rows);
    // The finish returns the parent areas' rows; the other input rows stayed with their parts.
    std::size_t leaf_rows = 0;
    for (std::size_t r = 0; r < obs.size(); ++r) {
      const auto& a = obs.area_ids[static_cast<std::size_t>(obs.area[r])];
      leaf_rows += a != "P" && a != "D1" && a != "D2";
    }
    BOOST_TEST(res.rows.size() + leaf_rows == whole.rows.size());
    BOOST_TEST((finding_keys(res) == finding_keys(whole)));
  }
}

BOOST_AUTO_TEST_CASE(the_roll_up_of_the_example_rows) {
  // The numbers of seed 3, worked by hand for D1 in 2021: D1's own population wins over its communes'.
  const auto p = every_rule();
  const panel obs = random_rows(3);
  const auto whole = chitieu::roll_up(p, obs, province());
  const long own = find(whole.rows, "pop", "D1", 2021);
  BOOST_TEST_REQUIRE(own >= 0);
  BOOST_TEST(whole.rows.value[static_cast<std::size_t>(own)] == 12345.0);
  double communes = 0;
  for (const std::string c : {"a", "b", "c"}) {
    const long r = find(obs, "pop", c, 2021);
    if (r >= 0) communes += obs.value[static_cast<std::size_t>(r)];
  }
  const bool found =
      std::any_of(whole.findings.begin(), whole.findings.end(), [&](const chitieu::finding& f) {
        return f.kind == chitieu::finding_kind::own_vs_aggregate && f.area == "D1" && f.year == 2021 &&
               f.aggregate == communes;
      });
  BOOST_TEST(found);
  // D2's empty own row of 2023 is filled by the sum of d and e.
  const long d2 = find(whole.rows, "pop", "D2", 2023);
  double de = 0;
  for (const std::string c : {"d", "e"}) {
    const long r = find(obs, "pop", c, 2023);
    if (r >= 0) de += obs.value[static_cast<std::size_t>(r)];
  }
  BOOST_TEST(whole.rows.value[static_cast<std::size_t>(d2)] == de);
}

BOOST_AUTO_TEST_CASE(merge_is_commutative_and_associative) {
  const panel obs = random_rows(7);
  const auto parts = split(obs, 3, parts_by_area(obs, 3, 11));
  const auto abc = finish_of(parts, {0, 1, 2});
  const auto cba = finish_of(parts, {2, 1, 0});
  same_rows(abc.rows, cba.rows);
  same_rows(cba.rows, abc.rows);
  // (a + b) + c against a + (b + c).
  const auto p = every_rule();
  const auto areas = province();
  roll_up_state bc = chitieu::roll_up_partial(p, parts[1], areas);
  chitieu::merge(bc, chitieu::roll_up_partial(p, parts[2], areas));
  roll_up_state a_bc = chitieu::roll_up_partial(p, parts[0], areas);
  chitieu::merge(a_bc, std::move(bc));
  const auto tree = chitieu::roll_up_finish(p, std::move(a_bc), areas);
  same_rows(tree.rows, abc.rows);
  BOOST_TEST(tree.rows.size() == abc.rows.size());
  BOOST_TEST((finding_keys(tree) == finding_keys(abc)));
}

BOOST_AUTO_TEST_CASE(a_state_is_parents_times_indicators_times_years_whatever_the_rows) {
  const auto p = every_rule();
  const auto state = chitieu::roll_up_partial(p, random_rows(5), province());
  BOOST_TEST(state.parent_ids == (std::vector<std::string>{"P", "D1", "D2"}));
  BOOST_TEST(state.first_year == 2020);
  BOOST_TEST(state.years == 5);
  BOOST_TEST(state.cells.size() == 3u * p.indicators.size() * 5u);
  BOOST_TEST(state.own.size() == 3u);  // D1's two rows and D2's: the rows of parent areas
}

BOOST_AUTO_TEST_CASE(years_apart_merge_into_one_range) {
  const auto p = every_rule();
  const auto areas = province();
  panel early, late;
  early.add("pop", "a", 2018, 10.0);
  late.add("pop", "b", 2023, 20.0);
  late.add("pop", "a", 2023, 5.0);
  roll_up_state state = chitieu::roll_up_partial(p, late, areas);
  chitieu::merge(state, chitieu::roll_up_partial(p, early, areas));
  BOOST_TEST(state.first_year == 2018);
  BOOST_TEST(state.years == 6);
  const auto res = chitieu::roll_up_finish(p, std::move(state), areas);
  BOOST_TEST(res.rows.value[static_cast<std::size_t>(find(res.rows, "pop", "D1", 2023))] == 25.0);
  BOOST_TEST(res.rows.coverage[static_cast<std::size_t>(find(res.rows, "pop", "D1", 2023))] == 2.0 / 3.0);
  // 2018: a alone is 1/3 of D1, below the min_coverage 0.5: no value, and nothing reaches P.
  BOOST_TEST(std::isnan(res.rows.value[static_cast<std::size_t>(find(res.rows, "pop", "D1", 2018))]));
  BOOST_TEST(res.rows.coverage[static_cast<std::size_t>(find(res.rows, "pop", "D1", 2018))] == 1.0 / 3.0);
  BOOST_TEST(find(res.rows, "pop", "P", 2018) == -1);
}

BOOST_AUTO_TEST_CASE(states_of_other_plans_or_areas_do_not_merge) {
  const auto p = every_rule();
  panel obs;
  obs.add("pop", "a", 2020, 1.0);
  roll_up_state state = chitieu::roll_up_partial(p, obs, province());
  BOOST_CHECK_THROW(chitieu::merge(state, chitieu::roll_up_partial(p, obs, area_table({make_area("a", "")}))),
                    chitieu::error);
  BOOST_CHECK_THROW(
      chitieu::roll_up_finish(make_plan({make_indicator("pop", chitieu::unit::count, aggregate_rule::sum)}),
                              std::move(state), province()),
      chitieu::error);
}

BOOST_AUTO_TEST_CASE(partial_names_the_row_of_its_part) {
  const auto p = every_rule();
  panel obs;
  obs.add("pop", "a", 2020, 1.0);
  obs.add("u", "b", 2020, 2.0);  // a ratio without denominator
  try {
    chitieu::roll_up_partial(p, obs, province());
    BOOST_FAIL("no error");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.line() == 2);
    BOOST_TEST(e.field() == "denominator");
  }
}

BOOST_AUTO_TEST_CASE(drop_parent_rows_keeps_the_series_of_the_part) {
  panel obs = random_rows(2);
  const std::size_t before = obs.size();
  chitieu::drop_parent_rows(obs, province());
  BOOST_TEST(obs.size() == before - 3);
  BOOST_TEST(find(obs, "pop", "D1", 2021) == -1);
}

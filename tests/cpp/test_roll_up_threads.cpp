// The roll-up over threads (docs/aggregation.md "Threads"): roll_up_options::threads shares the rows
// among threads by indicator, so every parent row, finding and error is bit for bit the one of a
// single thread, whatever their number. Run under ThreadSanitizer with the `tsan` preset too.
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <chitieu/error.hpp>
#include <chitieu/roll_up.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::area_table;
using chitieu::panel;
using chitieu::roll_up_options;
using chitieu::roll_up_result;

using namespace chitieu::test;

namespace {

constexpr int first_year = 1960, last_year = 2039;  // 80 years: over 196 608 rows, three threads' worth

// Province P; districts D0..D5 of 60 communes each; commune D5-c59 only from 2000 (the hierarchy
// changes with the year).
area_table province() {
  std::vector<chitieu::area> areas{make_area("P", "")};
  for (int d = 0; d < 6; ++d) areas.push_back(make_area("D" + std::to_string(d), "P"));
  for (int d = 0; d < 6; ++d)
    for (int c = 0; c < 60; ++c)
      areas.push_back(make_area("D" + std::to_string(d) + "-c" + std::to_string(c), "D" + std::to_string(d),
                                d == 5 && c == 59 ? "2000-01-01" : ""));
  return area_table(std::move(areas));
}

// One random row of indicator `ind` for `area` in year `y`.
void add_row(panel& obs, std::mt19937& gen, const std::string& ind, const std::string& area, int y) {
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  const double x = u01(gen);
  if (ind == "pop" || ind == "girls" || ind == "no")
    obs.add(ind, area, y, std::round(1000 + 9000 * x));  // girls above pop now and then: findings
  else if (ind == "u")
    obs.add(ind, area, y, x < 0.3 ? 100 * x : missing, x < 0.3 ? missing : std::round(300 * x),
            std::round(500 + 500 * u01(gen)));
  else if (ind == "inc")
    obs.add(ind, area, y, 3 + 5 * x, missing, missing, std::round(100 + 900 * u01(gen)));
  else if (ind == "al" || ind == "an")
    obs.add(ind, area, y, x < 0.5 ? 1.0 : 0.0);
  else
    obs.add(ind, area, y, 100 * x);
}

// Random rows of every commune × indicator × year (some missing), in random order, with own rows of
// the districts: some with numbers (own_vs_aggregate findings), some without (filled in).
panel random_rows(unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  const std::vector<std::string> inds{"pop", "girls", "u", "inc", "lo", "hi", "al", "an", "no"};
  struct key {
    std::size_t ind;
    std::string area;
    int year;
  };
  std::vector<key> keys;
  for (int d = 0; d < 6; ++d)
    for (int c = 0; c < 60; ++c)
      for (int y = first_year; y <= last_year; ++y)
        for (std::size_t i = 0; i < inds.size(); ++i) {
          if (d == 5 && c == 59 && y < 2000) continue;
          if (u01(gen) < 0.1) continue;  // did not report
          keys.push_back({i, "D" + std::to_string(d) + "-c" + std::to_string(c), y});
        }
  for (int d = 0; d < 3; ++d)
    for (int y = first_year; y <= last_year; y += 7) keys.push_back({0, "D" + std::to_string(d), y});
  std::shuffle(keys.begin(), keys.end(), gen);
  panel obs;
  for (const key& k : keys) {
    if (k.area.size() == 2)  // a district's own population: a number every other time
      obs.add("pop", k.area, k.year, k.year % 2 ? 1234.0 : missing);
    else
      add_row(obs, gen, inds[k.ind], k.area, k.year);
  }
  return obs;
}

// Two roll-ups hold the same rows and findings, bit for bit.
void check_same(const roll_up_result& got, const roll_up_result& expected) {
  BOOST_TEST(panel_differences(got.rows, expected.rows) == std::vector<std::string>{},
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(got.findings.size() == expected.findings.size());
  for (std::size_t i = 0; i < got.findings.size(); ++i) {
    BOOST_TEST(got.findings[i].message == expected.findings[i].message);
    BOOST_TEST(std::memcmp(&got.findings[i].own, &expected.findings[i].own, sizeof(double)) == 0);
    BOOST_TEST(std::memcmp(&got.findings[i].aggregate, &expected.findings[i].aggregate, sizeof(double)) == 0);
  }
}

// What roll_up() throws on `threads` threads: its line, field and message (0, "", "" if nothing).
struct thrown {
  long line = 0;
  std::string field, what;
  bool operator==(const thrown& o) const { return line == o.line && field == o.field && what == o.what; }
};
std::ostream& operator<<(std::ostream& out, const thrown& t) { return out << t.what; }

thrown error_of(const chitieu::plan& p, const panel& obs, const area_table& areas, unsigned threads) {
  try {
    (void)chitieu::roll_up(p, obs, areas, roll_up_options{std::nullopt, threads});
  } catch (const chitieu::error& e) {
    return {e.line(), e.field(), e.what()};
  }
  return {};
}

// The first row at or after `from` of indicator `id` in a commune.
std::size_t row_of(const panel& obs, const std::string& id, std::size_t from) {
  for (std::size_t r = from; r < obs.size(); ++r)
    if (obs.indicator_ids[static_cast<std::size_t>(obs.indicator[r])] == id &&
        obs.area_ids[static_cast<std::size_t>(obs.area[r])].size() > 2)
      return r;
  throw std::logic_error("no row of " + id);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_thread_count_gives_the_rows_and_findings_of_one) {
  const auto p = every_rule();
  const area_table areas = province();
  const panel obs = random_rows(11);
  BOOST_TEST_REQUIRE(obs.size() > 3u * 65536u);
  const roll_up_result one = chitieu::roll_up(p, obs, areas, roll_up_options{std::nullopt, 1});
  BOOST_TEST_REQUIRE(one.rows.size() > obs.size());
  std::vector<int> kinds;
  for (const auto& f : one.findings) kinds.push_back(static_cast<int>(f.kind));
  BOOST_TEST(
      std::count(kinds.begin(), kinds.end(), static_cast<int>(chitieu::finding_kind::own_vs_aggregate)) > 0);
  BOOST_TEST(std::count(kinds.begin(), kinds.end(),
                        static_cast<int>(chitieu::finding_kind::part_exceeds_whole)) > 0);
  for (const unsigned threads : {2u, 3u, 4u, 0u}) {
    BOOST_TEST_CONTEXT("threads " << threads) {
      check_same(chitieu::roll_up(p, obs, areas, roll_up_options{std::nullopt, threads}), one);
      panel given = obs;
      check_same(chitieu::roll_up(p, std::move(given), areas, roll_up_options{std::nullopt, threads}), one);
    }
  }
  // On the units of one day: the same again.
  const roll_up_options on_1990{chitieu::parse_date("1990-12-31"), 1};
  const roll_up_result one_1990 = chitieu::roll_up(p, obs, areas, on_1990);
  BOOST_TEST(!same_bits(one_1990.rows.coverage, one.rows.coverage));  // D5-c59 is no child of D5 then
  check_same(chitieu::roll_up(p, obs, areas, roll_up_options{on_1990.geography, 3}), one_1990);
}

BOOST_AUTO_TEST_CASE(every_thread_count_throws_the_error_of_the_first_row) {
  const auto p = every_rule();
  const area_table areas = province();
  panel obs = random_rows(12);
  // A weighted_mean row without weight, and a ratio row without denominator later in another indicator
  // (another thread's share): the first one's error, whatever the number of threads.
  const std::size_t no_weight = row_of(obs, "inc", obs.size() / 3);
  const std::size_t no_denominator = row_of(obs, "u", obs.size() / 2);
  obs.weight[no_weight] = missing;
  obs.denominator[no_denominator] = missing;
  const thrown first = error_of(p, obs, areas, 1);
  BOOST_TEST(first.line == static_cast<long>(no_weight + 1));
  BOOST_TEST(first.field == "weight");
  for (const unsigned threads : {2u, 3u, 4u}) BOOST_TEST(error_of(p, obs, areas, threads) == first);
  // The ratio row first: its error instead.
  obs.weight[no_weight] = 100.0;
  const thrown ratio = error_of(p, obs, areas, 1);
  BOOST_TEST(ratio.line == static_cast<long>(no_denominator + 1));
  BOOST_TEST(ratio.field == "denominator");
  for (const unsigned threads : {2u, 3u, 4u}) BOOST_TEST(error_of(p, obs, areas, threads) == ratio);
  // A duplicate of an early row at the end comes first, as the duplicate check precedes the rules.
  obs.add(obs.indicator_ids[static_cast<std::size_t>(obs.indicator[5])],
          obs.area_ids[static_cast<std::size_t>(obs.area[5])], obs.year[5], 1.0);
  const thrown duplicate = error_of(p, obs, areas, 1);
  BOOST_TEST(duplicate.line == static_cast<long>(obs.size()));
  BOOST_TEST(duplicate.field == "year");
  for (const unsigned threads : {2u, 3u, 4u}) BOOST_TEST(error_of(p, obs, areas, threads) == duplicate);
}

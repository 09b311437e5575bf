// Test-only builders shared by the C++ tests: the NaN of a missing value, targets, indicators and
// plans built from structs, dates, areas, the two-reform area table and crosswalk, and row lookup.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/date.hpp>
#include <chitieu/direction.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/target.hpp>
#include <chitieu/unit.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chitieu::test {

/// A quiet NaN: a missing value, numerator, denominator, weight or standard error.
inline constexpr double missing = std::numeric_limits<double>::quiet_NaN();

/// A target of kind `k` and direction `d` with bounds `lo`, `hi` (empty: none) and their inclusiveness.
inline target make_target(target_kind k, direction d, std::optional<double> lo, bool lo_inc,
                          std::optional<double> hi, bool hi_inc) {
  target t;
  t.kind = k;
  t.dir = d;
  t.lower = lo;
  t.lower_inclusive = lo_inc;
  t.upper = hi;
  t.upper_inclusive = hi_inc;
  return t;
}

/// An indicator `id` in unit `u` judged against `t`; its direction is the target's.
inline indicator make_indicator(const std::string& id, unit u, const target& t) {
  indicator i;
  i.id = id;
  i.unit = u;
  i.target = t;
  return i;
}

/// An indicator `id` in unit `u` rolled up by `rule`, needing a `min_cov` share of children,
/// a part of the indicator `part_of` ("" = of none).
inline indicator make_indicator(const std::string& id, unit u, aggregate_rule rule, double min_cov = 1.0,
                                const std::string& part_of = "") {
  indicator i;
  i.id = id;
  i.unit = u;
  i.aggregate = rule;
  i.min_coverage = min_cov;
  i.part_of = part_of;
  return i;
}

/// A plan "test-plan" with baseline year 2020 and target year 2030 holding `inds`.
inline plan make_plan(std::vector<indicator> inds) {
  plan p;
  p.id = "test-plan";
  p.baseline_year = 2020;
  p.target_year = 2030;
  p.indicators = std::move(inds);
  return p;
}

/// A plan with one indicator per roll-up rule: pop (sum, min_coverage 0.5), girls (sum, 0.5, a
/// part of pop), u (ratio, percent), inc (weighted_mean, money), lo (min), hi (max), al (all),
/// an (any), no (none).
inline plan every_rule() {
  return make_plan({make_indicator("pop", unit::count, aggregate_rule::sum, 0.5),
                    make_indicator("girls", unit::count, aggregate_rule::sum, 0.5, "pop"),
                    make_indicator("u", unit::percent, aggregate_rule::ratio),
                    make_indicator("inc", unit::money, aggregate_rule::weighted_mean),
                    make_indicator("lo", unit::percent, aggregate_rule::min),
                    make_indicator("hi", unit::percent, aggregate_rule::max),
                    make_indicator("al", unit::boolean, aggregate_rule::all),
                    make_indicator("an", unit::boolean, aggregate_rule::any),
                    make_indicator("no", unit::count, aggregate_rule::none)});
}

/// A plan "test-plan" (2020 → 2030) holding the one indicator `id` in unit `u` judged against `t`.
inline plan make_plan(const std::string& id, unit u, const target& t) {
  return make_plan({make_indicator(id, u, t)});
}

/// The day `iso` ("YYYY-MM-DD"), or none for "" (an open end).
inline std::optional<date> on(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  return parse_date(iso);
}

/// An area `id`, also its name, under `parent` ("" = a root), valid from `from` to `to`
/// ("" = open), with an official `code` and a `level` ("" = none).
inline area make_area(const std::string& id, const std::string& parent, const std::string& from = "",
                      const std::string& to = "", const std::string& code = "",
                      const std::string& level = "") {
  return area{id, code, id, level, parent, on(from), on(to)};
}

/// Two reforms: a splits into b and c on 2020-01-01; b and c merge into d on 2025-07-01; e is
/// untouched. With a `town`, it comes first (open) and holds all five; without, they are roots.
inline area_table two_reforms(const std::string& town = "") {
  std::vector<area> areas;
  if (!town.empty()) areas.push_back(make_area(town, ""));
  areas.push_back(make_area("a", town, "", "2019-12-31"));
  areas.push_back(make_area("b", town, "2020-01-01", "2025-06-30"));
  areas.push_back(make_area("c", town, "2020-01-01", "2025-06-30"));
  areas.push_back(make_area("d", town, "2025-07-01", ""));
  areas.push_back(make_area("e", town));
  return area_table(std::move(areas));
}

/// The links of two_reforms: a → b (60 %) and a → c (40 %) on 2020-01-01; b → d and c → d (all)
/// on 2025-07-01.
inline std::vector<crosswalk_link> two_reform_links() {
  return {{"a", "b", 0.6, parse_date("2020-01-01")},
          {"a", "c", 0.4, parse_date("2020-01-01")},
          {"b", "d", 1.0, parse_date("2025-07-01")},
          {"c", "d", 1.0, parse_date("2025-07-01")}};
}

/// The row of (indicator id, area id, year) in a panel or an evaluation, or -1 when there is none.
template <class Rows>
long find(const Rows& rows, const std::string& ind_id, const std::string& area_id, int year) {
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (rows.indicator_ids[static_cast<std::size_t>(rows.indicator[r])] == ind_id &&
        rows.area_ids[static_cast<std::size_t>(rows.area[r])] == area_id && rows.year[r] == year)
      return static_cast<long>(r);
  return -1;
}

/// True when two columns are equal element by element, NaN equal to NaN.
inline bool same_numbers(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

/// True when two columns hold the same bits (NaN as NaN, -0.0 apart from 0.0).
template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

/// The names of the columns (and dictionaries) in which two panels differ, bit for bit; empty when
/// they are identical.
inline std::vector<std::string> panel_differences(const chitieu::panel& a, const chitieu::panel& b) {
  std::vector<std::string> out;
  const auto compare = [&out](bool same, const char* name) {
    if (!same) out.emplace_back(name);
  };
  compare(a.indicator_ids == b.indicator_ids, "indicator_ids");
  compare(a.area_ids == b.area_ids, "area_ids");
  compare(same_bits(a.indicator, b.indicator), "indicator");
  compare(same_bits(a.area, b.area), "area");
  compare(same_bits(a.year, b.year), "year");
  compare(same_bits(a.value, b.value), "value");
  compare(same_bits(a.numerator, b.numerator), "numerator");
  compare(same_bits(a.denominator, b.denominator), "denominator");
  compare(same_bits(a.weight, b.weight), "weight");
  compare(same_bits(a.se, b.se), "se");
  compare(same_bits(a.coverage, b.coverage), "coverage");
  return out;
}

/// Deterministic observations for every indicator of a plan in `areas` areas, 2020–2026: values
/// in the unit's domain with a trend, 0/1 for booleans, numerator and denominator for ratio rules.
inline chitieu::panel synthetic_panel(const chitieu::plan& p, int areas = 2) {
  constexpr double none = std::numeric_limits<double>::quiet_NaN();
  chitieu::panel obs;  // the panel add() would build, its codes given directly (thousands of areas)
  if (areas <= 0) return obs;
  for (int a = 0; a < areas; ++a) obs.area_ids.push_back("a" + std::to_string(a));
  const auto row = [&obs](std::int32_t code, int a, int y, double v, double num, double den) {
    obs.indicator.push_back(code);
    obs.area.push_back(a);
    obs.year.push_back(y);
    obs.value.push_back(v);
    obs.numerator.push_back(num);
    obs.denominator.push_back(den);
    obs.weight.push_back(std::numeric_limits<double>::quiet_NaN());
    obs.se.push_back(std::numeric_limits<double>::quiet_NaN());
    obs.coverage.push_back(std::numeric_limits<double>::quiet_NaN());
  };
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const chitieu::indicator& ind = p.indicators[k];
    if (!ind.part_of.empty()) continue;  // keep parts below their wholes by leaving them out
    const auto code = static_cast<std::int32_t>(obs.indicator_ids.size());
    obs.indicator_ids.push_back(ind.id);
    for (int a = 0; a < areas; ++a)
      for (int y = 2020; y <= 2026; ++y) {
        const double step =
            static_cast<double>(y - 2020) + static_cast<double>((k + static_cast<std::size_t>(a)) % 5) / 10.0;
        if (ind.unit == chitieu::unit::boolean) {
          row(code, a, y, y >= 2024 ? 1.0 : 0.0, none, none);
        } else if (ind.unit == chitieu::unit::percent) {
          row(code, a, y, none, 400.0 + 30.0 * step, 1000.0);  // 40 % + 3 points a year
        } else {
          row(code, a, y, 100.0 + 7.0 * step, none, none);
        }
      }
  }
  return obs;
}

/// True when two evaluations are identical in every column.
inline bool same(const chitieu::evaluation& a, const chitieu::evaluation& b) {
  return a.indicator_ids == b.indicator_ids && a.area_ids == b.area_ids && a.indicator == b.indicator &&
         a.area == b.area && a.year == b.year && a.status == b.status && a.pace == b.pace &&
         same_numbers(a.value, b.value) && same_numbers(a.assessed, b.assessed) &&
         same_numbers(a.margin, b.margin) && same_numbers(a.baseline, b.baseline) &&
         same_numbers(a.progress, b.progress) && same_numbers(a.elapsed, b.elapsed) &&
         same_numbers(a.projected, b.projected) && same_numbers(a.p_meet, b.p_meet) &&
         same_numbers(a.coverage, b.coverage);
}

}  // namespace chitieu::test

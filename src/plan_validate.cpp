/// @file plan_validate.cpp
/// @brief plan_problems() and validate(): ids, references, units against targets, rules, years.
#include <chitieu/area_id.hpp>
#include <chitieu/date.hpp>
#include <chitieu/number_text.hpp>
#include <chitieu/plan_validate.hpp>

#include "detail/plan_ids.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace chitieu {
namespace detail {

/// True for an id: a lowercase ASCII letter followed by [a-z0-9_-].
bool is_valid_id(const std::string& s) noexcept {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

namespace {

/// The unit a phrase's unit word implies: "%" percent, "…/10.000 dân" per_10k, "‰" and
/// "…/1.000 dân" per_1k, "m²/người" m2_per_person; empty for no unit or a free noun
/// ("lao động"), which fits any unit.
std::optional<unit> unit_of_phrase(const std::string& w) {
  auto ends_with = [&w](const std::string& tail) {
    return w.size() >= tail.size() && w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (w == "%") return unit::percent;
  if (w == "m²/người") return unit::m2_per_person;
  if (ends_with("/10.000 dân")) return unit::per_10k;
  if (w == "‰" || ends_with("/1.000 dân")) return unit::per_1k;
  return std::nullopt;
}

/// Collects the problems of one indicator's target against its unit, direction and years.
void target_problems(const plan& p, const indicator& i, const std::string& at, std::vector<error>& out) {
  const target& t = i.target;
  auto add = [&](const std::string& key, const std::string& msg) {
    out.emplace_back(msg, std::string{}, 0, at + "." + key);
  };
  const bool boolean_kind = t.judged_on_one();
  const std::string kind(to_string(t.kind));
  const bool annual = t.kind == target_kind::annual_change;

  if (i.unit == unit::boolean && !boolean_kind)
    add("unit",
        "unit boolean needs a milestone ('hoàn thành …'), sustained ('duy trì …') or "
        "qualitative ('định tính') target, not a " +
            kind + " target");
  if (i.change && !annual)
    add("change",
        "change (points or relative) measures the mean yearly change of an annual_change "
        "target ('tăng bình quân 7%/năm'), not a " +
            kind + " target; remove it");
  if (i.unit != unit::boolean && boolean_kind)
    add("unit", "a " + kind + " target is judged on 1/0 and needs unit boolean, not " +
                    std::string(to_string(i.unit)));
  if (t.dir == direction::none && !boolean_kind && !(t.lower && t.upper))
    add("direction",
        "direction none is for milestone, sustained and qualitative targets and "
        "two-sided bands; a one-sided " +
            kind + " target needs higher or lower");
  if (const auto written = unit_of_phrase(t.unit);
      !boolean_kind && t.kind != target_kind::relative && written && *written != i.unit)
    add("target", "the phrase is in '" + t.unit + "', a unit " + std::string(to_string(*written)) +
                      ", but the indicator's unit is " + std::string(to_string(i.unit)) + "; set unit = \"" +
                      std::string(to_string(*written)) + "\" or write the target in " +
                      std::string(to_string(i.unit)));
  if (!boolean_kind && !t.lower && !t.upper) add("target", "a " + kind + " target needs at least one bound");
  if (t.dir == direction::higher && !boolean_kind && !t.lower && t.upper)
    add("target",
        "direction higher needs a lower bound (the met boundary); the target only has "
        "an upper bound " +
            number_text(*t.upper) + ": use direction lower or a phrase with a floor");
  if (t.dir == direction::lower && !boolean_kind && t.lower && !t.upper)
    add("target",
        "direction lower needs an upper bound (the met boundary); the target only has "
        "a lower bound " +
            number_text(*t.lower) + ": use direction higher or a phrase with a ceiling");
  if (t.lower && t.upper && *t.lower > *t.upper)
    add("target", "lower bound " + number_text(*t.lower) + " exceeds upper bound " + number_text(*t.upper));

  // Bounds in the unit's domain: for relative targets they bound a ratio (>= 0), for cumulative
  // a sum, for annual_change a yearly change (any sign), otherwise a value of the unit.
  if (!boolean_kind) {
    for (const auto& b : {t.lower, t.upper}) {
      if (!b) continue;
      if (!std::isfinite(*b)) {
        add("target", "bound " + number_text(*b) + " is not a finite number");
      } else if (t.kind == target_kind::relative) {
        if (*b < 0.0)
          add("target",
              "a relative target bounds a ratio to the base year, which is >= 0, not " + number_text(*b));
      } else if (!annual && !in_domain(i.unit, *b)) {
        add("target", "bound " + number_text(*b) + " is outside the domain of unit " +
                          std::string(to_string(i.unit)) + " (" + domain_text(i.unit) + ")");
      }
    }
  }

  const int y0 = p.baseline_year_of(i);
  const int y1 = p.target_year_of(i);
  if (t.tolerance) {
    if (!(std::isfinite(*t.tolerance) && *t.tolerance > 0.0))
      add("tolerance", "tolerance must be a finite number > 0, not " + number_text(*t.tolerance));
    if (t.kind != target_kind::approx)
      add("tolerance", "tolerance is the half-width of an approx ('khoảng x') band; a " + kind +
                           " target does not use it: remove it");
  }
  if (t.kind == target_kind::relative) {
    if (!t.base_year)
      add("target", "a relative target needs a base year ('… lần so với năm 2020')");
    else if (*t.base_year >= y1)
      add("target", "base year " + std::to_string(*t.base_year) + " must be before the target year " +
                        std::to_string(y1));
    if (i.unit == unit::boolean || i.unit == unit::index)
      add("unit",
          "a relative target divides by the base-year value and needs a unit >= 0 such as "
          "money, count, percent or ratio, not " +
              std::string(to_string(i.unit)));
  }
  if (t.kind == target_kind::cumulative) {
    if (!t.period) {
      add("period",
          "a cumulative target needs a period: write 'giai đoạn 2026 - 2030: …' or period = [2026, 2030]");
    } else {
      const auto [from, to] = *t.period;
      if (from > to)
        add("target", "period starts in " + std::to_string(from) + " after it ends in " + std::to_string(to));
      if (from < y0 - 50 || to > y1 + 50 || from > y1 + 50 || to < y0 - 50)
        add("target", "period [" + std::to_string(from) + ", " + std::to_string(to) + "] must lie within [" +
                          std::to_string(y0 - 50) + ", " + std::to_string(y1 + 50) + "]");
      if (to > y1)
        add("target",
            "period ends in " + std::to_string(to) + ", after the target year " + std::to_string(y1));
    }
    if (!is_additive(i.unit))
      add("unit", "a cumulative target adds yearly values and needs unit count, money or hectares, not " +
                      std::string(to_string(i.unit)));
    if (i.aggregate != aggregate_rule::sum)
      add("aggregate", "a cumulative target adds values and needs aggregate sum, not " +
                           std::string(to_string(i.aggregate)));
  } else if (t.period) {
    add("period",
        "period applies to cumulative targets only; a " + kind + " target does not use it: remove it");
  }
}

/// Collects the problems of one indicator's aggregation rule against its unit.
void aggregate_problems(const indicator& i, const std::string& at, std::vector<error>& out) {
  auto add = [&](const std::string& key, const std::string& msg) {
    out.emplace_back(msg, std::string{}, 0, at + "." + key);
  };
  const std::string u(to_string(i.unit));
  switch (i.aggregate) {
    case aggregate_rule::ratio:
      if (!is_rate(i.unit))
        add("aggregate", "aggregate ratio needs unit percent, per_10k, m2_per_person or ratio, not " + u);
      break;
    case aggregate_rule::sum:
      if (!is_additive(i.unit))
        add("aggregate", "aggregate sum needs an additive unit (count, money or hectares), not " + u +
                             "; use ratio or weighted_mean for rates and averages");
      break;
    case aggregate_rule::all:
    case aggregate_rule::any:
      if (i.unit != unit::boolean)
        add("aggregate",
            "aggregate " + std::string(to_string(i.aggregate)) + " needs unit boolean, not " + u);
      break;
    case aggregate_rule::weighted_mean:
    case aggregate_rule::min:
    case aggregate_rule::max:
      if (i.unit == unit::boolean)
        add("aggregate",
            "a boolean indicator rolls up with all, any or none, not " + std::string(to_string(i.aggregate)));
      break;
    case aggregate_rule::none: break;
  }
  if ((!i.numerator.empty() || !i.denominator.empty()) && i.aggregate != aggregate_rule::ratio)
    add(i.numerator.empty() ? "denominator" : "numerator",
        "numerator and denominator describe the counts of a ratio rule; aggregate is " +
            std::string(to_string(i.aggregate)) + ": remove them or use aggregate ratio");
  if (!(i.min_coverage > 0.0 && i.min_coverage <= 1.0))
    add("min_coverage", "min_coverage is a share of children in (0, 1], not " + number_text(i.min_coverage));
}

/// Collects the problems of the part_of links: existence, self-reference, unit, denominator, cycles.
void part_of_problems(const plan& p, std::vector<error>& out) {
  std::map<std::string, const indicator*> by_id;
  for (const auto& i : p.indicators) by_id.emplace(i.id, &i);
  for (const auto& i : p.indicators) {
    if (i.part_of.empty()) continue;
    const std::string field = "indicators[" + i.id + "].part_of";
    if (i.part_of == i.id) {
      out.emplace_back("an indicator cannot be a part of itself", std::string{}, 0, field);
      continue;
    }
    const auto whole = by_id.find(i.part_of);
    if (whole == by_id.end()) {
      out.emplace_back("no indicator '" + i.part_of + "' in this plan; part_of names the id of the whole",
                       std::string{}, 0, field);
      continue;
    }
    const indicator& w = *whole->second;
    if (w.unit != i.unit)
      out.emplace_back("a part has its whole's unit: '" + w.id + "' is in " + std::string(to_string(w.unit)) +
                           ", this one in " + std::string(to_string(i.unit)),
                       std::string{}, 0, field);
    if (w.aggregate == aggregate_rule::ratio &&
        (i.aggregate != aggregate_rule::ratio || i.denominator != w.denominator))
      out.emplace_back("a part shares its whole's denominator: use aggregate ratio with denominator \"" +
                           w.denominator + "\" like '" + w.id + "'",
                       std::string{}, 0, field);
    // Follow the chain; a cycle returns to this indicator.
    std::set<std::string> seen{i.id};
    for (const indicator* cur = &w; cur && !cur->part_of.empty();) {
      if (!seen.insert(cur->id).second) break;
      if (cur->part_of == i.id) {
        out.emplace_back("part_of forms a cycle through '" + cur->id + "'", std::string{}, 0, field);
        break;
      }
      const auto next = by_id.find(cur->part_of);
      cur = next == by_id.end() ? nullptr : next->second;
    }
  }
}

}  // namespace
}  // namespace detail

std::vector<error> plan_problems(const plan& p) {
  std::vector<error> out;
  auto add = [&](const std::string& field, const std::string& msg) {
    out.emplace_back(msg, std::string{}, 0, field);
  };
  const std::string id_rule = "an id is a lowercase ASCII letter followed by letters, digits, '_' or '-'";

  if (!detail::is_valid_id(p.id)) add("plan.id", "'" + p.id + "' is not a valid plan id; " + id_rule);
  if (p.title.vi.empty()) add("plan.title", "the plan needs a title with vi (and en)");
  if (!p.area.empty())
    if (const std::string why = area_id_problem(p.area); !why.empty())
      add("plan.area", why + "; " + area_id_rule);
  if (!p.parent.empty() && !detail::is_valid_id(p.parent))
    add("plan.parent", "'" + p.parent + "' is not a valid plan id; " + id_rule);
  if (p.parent == p.id) add("plan.parent", "a plan cannot implement itself");
  if (!p.adopted.empty() && iso_date_problem(p.adopted))
    add("plan.adopted", "'" + p.adopted + "' is not a calendar date YYYY-MM-DD");
  if (p.baseline_year >= p.target_year)
    add("plan.baseline_year", "baseline year " + std::to_string(p.baseline_year) +
                                  " must be before the target year " + std::to_string(p.target_year));
  if (p.indicators.empty()) add("indicators", "a plan needs at least one indicator");

  // Each id with the 1-based entry of its first domain (indicator): a repeat names it as related.
  std::map<std::string, long> domain_ids;
  for (const auto& d : p.domains) {
    const std::string at = "domains[" + d.id + "]";
    const auto first = domain_ids.emplace(d.id, static_cast<long>(&d - p.domains.data()) + 1);
    if (!detail::is_valid_id(d.id)) add(at + ".id", "'" + d.id + "' is not a valid domain id; " + id_rule);
    if (!first.second)
      out.emplace_back("domain id '" + d.id + "' is used twice", std::string{}, 0, at + ".id", 0,
                       first.first->second);
    if (d.name.vi.empty() || d.name.en.empty()) add(at + ".name", "a domain needs a name with vi and en");
  }

  std::map<std::string, long> indicator_ids;
  for (const auto& i : p.indicators) {
    const std::string at = "indicators[" + i.id + "]";
    if (!detail::is_valid_id(i.id)) add(at + ".id", "'" + i.id + "' is not a valid indicator id; " + id_rule);
    const auto first = indicator_ids.emplace(i.id, static_cast<long>(&i - p.indicators.data()) + 1);
    if (!first.second)
      out.emplace_back("indicator id '" + i.id + "' is used twice", std::string{}, 0, at + ".id", 0,
                       first.first->second);
    if (domain_ids.count(i.domain) == 0) {
      std::string known;
      for (const auto& d : p.domains) known += (known.empty() ? "" : ", ") + d.id;
      add(at + ".domain", "no domain '" + i.domain +
                              "' in this plan; declared domains: " + (known.empty() ? "(none)" : known));
    }
    if (i.name.vi.empty() || i.name.en.empty()) add(at + ".name", "an indicator needs a name with vi and en");
    if (i.target_phrase.empty()) add(at + ".target", "the target phrase is empty");
    const int y0 = p.baseline_year_of(i);
    const int y1 = p.target_year_of(i);
    if ((i.baseline_year || i.target_year) && y0 >= y1)
      add(at + (i.baseline_year ? ".baseline_year" : ".target_year"),
          "baseline year " + std::to_string(y0) + " must be before the target year " + std::to_string(y1));
    for (const auto& a : i.aligns_with) {
      const auto slash = a.find('/');
      if (slash == std::string::npos || !detail::is_valid_id(a.substr(0, slash)) ||
          !detail::is_valid_id(a.substr(slash + 1)))
        add(at + ".aligns_with", "'" + a + "' is not 'plan-id/indicator-id'");
      else if (a.substr(0, slash) == p.id)
        add(at + ".aligns_with", "'" + a + "' names this plan; aligns_with links to other plans");
    }
    detail::target_problems(p, i, at, out);
    detail::aggregate_problems(i, at, out);
  }
  detail::part_of_problems(p, out);
  return out;
}

void validate(const plan& p) { throw_first_problem(plan_problems(p)); }

}  // namespace chitieu

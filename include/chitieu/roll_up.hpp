/// @file roll_up.hpp
/// @brief Exact bottom-up aggregation through the area hierarchy (DESIGN.md §2 "Aggregation rules").
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/date.hpp>
#include <chitieu/detail/areas_combine.hpp>
#include <chitieu/error.hpp>
#include <chitieu/finding.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace chitieu {

/// The rows of a roll-up (input rows, then parent rows) and what it noticed.
struct roll_up_result {
  panel rows;                     ///< the input rows followed by one row per parent × indicator × year
  std::vector<finding> findings;  ///< own_vs_aggregate, part_exceeds_whole, part_denominator_differs
};

namespace detail::areas {

/// Two numbers differ beyond rounding (relative 1e-9).
inline bool differs(double a, double b) noexcept {
  return std::fabs(a - b) > 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

/// Formats a number for messages with up to 10 significant digits.
inline std::string number_text(double v) {
  std::ostringstream s;
  s.precision(10);
  s << v;
  return s.str();
}

/// Adds part_of findings over every row of `rows`.
inline void part_of_findings(const std::vector<const indicator*>& inds, const panel& rows,
                             const std::unordered_map<row_key, std::size_t, row_key_hash>& index,
                             std::vector<finding>& out) {
  std::unordered_map<std::string, std::int32_t> code;
  for (std::size_t k = 0; k < rows.indicator_ids.size(); ++k)
    code.emplace(rows.indicator_ids[k], static_cast<std::int32_t>(k));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const indicator& part = *inds[static_cast<std::size_t>(rows.indicator[r])];
    if (part.part_of.empty()) continue;
    const auto whole_code = code.find(part.part_of);
    if (whole_code == code.end()) continue;  // the whole has no data at all
    const std::string& area = rows.area_ids[static_cast<std::size_t>(rows.area[r])];
    const auto w = index.find(row_key{whole_code->second, area, rows.year[r]});
    if (w == index.end()) continue;
    const indicator& whole = *inds[static_cast<std::size_t>(whole_code->second)];
    const double pv = effective_value(part, rows, r);
    const double wv = effective_value(whole, rows, w->second);
    if (!std::isnan(pv) && !std::isnan(wv) && pv > wv && differs(pv, wv))
      out.push_back({"part_exceeds_whole", part.id, area, rows.year[r], pv, wv,
                     "'" + part.id + "' (" + number_text(pv) + ") exceeds its whole '" +
                         part.part_of + "' (" + number_text(wv) + ") in area '" + area + "', " +
                         std::to_string(rows.year[r]) + "; a part can never exceed its whole"});
    const double pd = rows.denominator[r], wd = rows.denominator[w->second];
    if (!std::isnan(pd) && !std::isnan(wd) && differs(pd, wd))
      out.push_back({"part_denominator_differs", part.id, area, rows.year[r], pd, wd,
                     "'" + part.id + "' has denominator " + number_text(pd) + " but its whole '" +
                         part.part_of + "' has " + number_text(wd) + " in area '" + area + "', " +
                         std::to_string(rows.year[r]) + "; a part shares its whole's denominator"});
  }
}

/// The roll-up; `geography` set means every year uses the hierarchy of that day.
inline roll_up_result roll_up_on(const plan& p, const panel& obs, const area_table& areas,
                                 const std::optional<date>& geography) {
  check_panel_shape(obs);
  check_unique_rows(obs);
  const auto inds = panel_indicators(p, obs);
  for (std::size_t r = 0; r < obs.size(); ++r)
    if (!areas.contains(obs.area_ids[static_cast<std::size_t>(obs.area[r])]))
      throw error("unknown area (" + describe_row(obs, r) + "); expected an id of the area table",
                  {}, static_cast<long>(r + 1), "area");

  roll_up_result res;
  panel& out = res.rows;
  out = obs;
  std::unordered_map<std::string, std::int32_t> area_codes;
  for (std::size_t a = 0; a < out.area_ids.size(); ++a)
    area_codes.emplace(out.area_ids[a], static_cast<std::int32_t>(a));
  std::unordered_map<row_key, std::size_t, row_key_hash> index;
  for (std::size_t r = 0; r < out.size(); ++r)
    index.emplace(row_key{out.indicator[r], out.area_ids[static_cast<std::size_t>(out.area[r])],
                          out.year[r]},
                  r);

  const std::set<std::int32_t> years(obs.year.begin(), obs.year.end());
  for (const std::int32_t y : years) {
    const date d = geography ? *geography : year_end(y);
    // The hierarchy of the day: children of each parent, parents deepest first.
    std::unordered_map<std::string, std::vector<std::string>> children;
    std::vector<std::pair<int, std::string>> parents;  // (-depth, id) in table order
    for (const std::string& u : areas.units_at(d)) {
      const auto par = areas.parent_at(u, d);
      if (par) children[*par].push_back(u);
    }
    for (const std::string& u : areas.units_at(d)) {
      if (!children.count(u)) continue;
      int depth = 0;
      for (auto a = areas.parent_at(u, d); a; a = areas.parent_at(*a, d)) ++depth;
      parents.emplace_back(-depth, u);
    }
    std::stable_sort(parents.begin(), parents.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    for (const auto& entry : parents) {
      const std::string& parent = entry.second;
      const auto& kids = children[parent];
      for (std::size_t k = 0; k < out.indicator_ids.size(); ++k) {
        const indicator& ind = *inds[k];
        if (ind.aggregate == aggregate_rule::none) continue;
        const auto code = static_cast<std::int32_t>(k);
        std::vector<contribution> rep;
        for (const std::string& kid : kids) {
          const auto it = index.find(row_key{code, kid, y});
          if (it != index.end() && reports(ind, out, it->second)) rep.push_back({it->second, 1.0});
        }
        if (rep.empty()) continue;
        const double coverage = static_cast<double>(rep.size()) / static_cast<double>(kids.size());
        const std::string where =
            "indicator '" + ind.id + "', area '" + parent + "', year " + std::to_string(y);
        combined c;
        if (coverage >= ind.min_coverage) c = combine(ind, out, rep, where);
        const auto own = index.find(row_key{code, parent, y});
        if (own != index.end() && std::isnan(out.value[own->second]) &&
            (std::isnan(out.numerator[own->second]) || std::isnan(out.denominator[own->second]))) {
          // An own row without a number is no observation: the aggregate fills it in.
          const std::size_t r = own->second;
          out.value[r] = c.value;
          out.numerator[r] = c.numerator;
          out.denominator[r] = c.denominator;
          out.weight[r] = c.weight;
          out.coverage[r] = coverage;
          continue;
        }
        if (own != index.end()) {
          const double v = effective_value(ind, out, own->second);
          if (!std::isnan(v) && !std::isnan(c.value) && differs(v, c.value))
            res.findings.push_back(
                {"own_vs_aggregate", ind.id, parent, y, v, c.value,
                 "own observation " + number_text(v) + " of '" + parent + "' for '" + ind.id +
                     "' in " + std::to_string(y) + " differs from the " +
                     std::string(to_string(ind.aggregate)) + " of its children " +
                     number_text(c.value) + " (coverage " + number_text(coverage) +
                     "); the own observation is used"});
          continue;
        }
        append_row(out, area_codes, code, parent, y, c, missing, coverage);
        index.emplace(row_key{code, parent, y}, out.size() - 1);
      }
    }
  }
  part_of_findings(inds, out, index, res.findings);
  return res;
}

}  // namespace detail::areas

/// Rolls every indicator up the area hierarchy, year by year on the units and parent links of
/// that year (valid on its 31 December), deepest parents first.
///
/// For each parent × indicator × year where at least one child reported, the parent gets a row
/// by the indicator's rule: `sum` Σ v; `ratio` Σ num × factor / Σ den (a child with value and
/// denominator but no numerator brings value × den / factor; the row keeps Σ num and Σ den);
/// `weighted_mean` Σ w·v / Σ w (the row keeps Σ w); `min`; `max`; `all` (1 iff every
/// reporting child is 1); `any`; `none` gives no parent row. Coverage = reporting children /
/// children; below the indicator's min_coverage the value is NaN (no_data) with that coverage.
/// A child reports when its value (or, for ratio, numerator and denominator) is present; a
/// child that is itself a parent reports through its own observation or its aggregate.
///
/// A parent's own observation wins: its row is kept unchanged (coverage stays NaN: an
/// observation is not an aggregate) and, when the aggregate differs, an `own_vs_aggregate`
/// finding is reported. An own row without any number (value NaN) is filled in by the aggregate. Then every `part_of` indicator is compared with its whole in the same
/// area and year (`part_exceeds_whole`, `part_denominator_differs`).
///
/// Errors (chitieu::error): unknown areas or indicators, duplicate rows, a ratio child without
/// denominator, a weighted_mean child without weight, all/any values other than 0/1.
inline roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas) {
  return detail::areas::roll_up_on(p, obs, areas, std::nullopt);
}

/// As roll_up, but every year uses the units and parent links valid on `geography` (after
/// reexpress to that date).
inline roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas,
                              const date& geography) {
  return detail::areas::roll_up_on(p, obs, areas, geography);
}

}  // namespace chitieu

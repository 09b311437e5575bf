/// @file geography.cpp
/// @brief reexpress(): every row carried along its crosswalk chain and combined by rule.
#include <chitieu/error.hpp>
#include <chitieu/geography.hpp>
#include <chitieu/panel_index.hpp>

#include "detail/areas_combine.hpp"
#include "detail/duplicate_rows.hpp"
#include "detail/row_label.hpp"

#include <cmath>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {

panel reexpress(const plan& p, const panel& obs, const area_table& areas, const crosswalk& cw,
                const date& at) {
  check_panel_shape(obs);
  detail::check_unique_rows(obs);
  const auto inds = detail::plan_indicators_of_panel(p, obs);

  // Successors of every area used by a row.
  std::vector<std::vector<std::pair<std::string, double>>> targets(obs.area_ids.size());
  std::vector<bool> resolved(obs.area_ids.size(), false);
  for (std::size_t r = 0; r < obs.size(); ++r) {
    const auto a = static_cast<std::size_t>(obs.area[r]);
    if (resolved[a]) continue;
    if (!areas.contains(obs.area_ids[a]))
      throw error("unknown area '" + obs.area_ids[a] + "' (" + detail::row_label(obs, r) +
                      "); expected an id of the area table",
                  {}, static_cast<long>(r + 1), "area");
    targets[a] = cw.try_resolve(obs.area_ids[a], areas, at);
    if (targets[a].empty())
      throw error(detail::row_label(obs, r) + ": area '" + obs.area_ids[a] + "' is not valid on " + at.iso() +
                      " and the crosswalk leads it to no unit valid on that day (only links "
                      "dated on or before it are followed; a unit created later cannot be split "
                      "back); add its successors to the crosswalk or choose a later geography date",
                  {}, static_cast<long>(r + 1), "area");
    resolved[a] = true;
  }

  struct group {
    std::int32_t indicator;
    std::string area;
    std::int32_t year;
    std::vector<detail::areas::contribution> parts;
  };
  std::vector<group> groups;
  std::unordered_map<detail::areas::row_key, std::size_t, detail::areas::row_key_hash> index;
  for (std::size_t r = 0; r < obs.size(); ++r)
    for (const auto& [to, share] : targets[static_cast<std::size_t>(obs.area[r])]) {
      const detail::areas::row_key key{obs.indicator[r], to, obs.year[r]};
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, groups.size()).first;
        groups.push_back(group{obs.indicator[r], to, obs.year[r], {}});
      }
      groups[it->second].parts.push_back({r, share});
    }

  // For each year: which units of that year reach each successor.
  std::map<std::int32_t, std::unordered_map<std::string, std::set<std::string>>> expected;
  std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> reach;
  for (const group& g : groups) {
    if (expected.count(g.year)) continue;
    auto& by_target = expected[g.year];
    for (const std::string& u : areas.units_in_year(g.year)) {
      auto it = reach.find(u);
      if (it == reach.end()) it = reach.emplace(u, cw.try_resolve(u, areas, at)).first;
      for (const auto& link : it->second) by_target[link.first].insert(u);
    }
  }

  panel out;
  out.indicator_ids = obs.indicator_ids;
  std::unordered_map<std::string, std::int32_t> area_codes;
  for (const group& g : groups) {
    const indicator& ind = *inds[static_cast<std::size_t>(g.indicator)];
    std::set<std::string> units = expected[g.year][g.area];
    std::set<std::string> reporting;
    std::vector<detail::areas::contribution> rep;
    for (const auto& part : g.parts) {
      const std::string& src = obs.area_ids[static_cast<std::size_t>(obs.area[part.row])];
      units.insert(src);
      if (detail::areas::reports(ind, obs, part.row)) {
        rep.push_back(part);
        reporting.insert(src);
      }
    }
    const bool whole_and_alone =
        g.parts.size() == 1 && units.size() == 1 && std::fabs(g.parts[0].share - 1.0) <= 1e-12;
    if (whole_and_alone) {
      const std::size_t r = g.parts[0].row;
      const detail::areas::combined same{obs.value[r], obs.numerator[r], obs.denominator[r], obs.weight[r]};
      detail::areas::append_row(out, area_codes, g.indicator, g.area, g.year, same, obs.se[r],
                                obs.coverage[r]);
      continue;
    }
    if (ind.aggregate == aggregate_rule::none) {
      std::string from;
      for (const std::string& u : units) from += (from.empty() ? "'" : ", '") + u + "'";
      throw error("indicator '" + ind.id + "' has aggregate = none, so its values of " + from + " in " +
                      std::to_string(g.year) + " cannot be split or combined into '" + g.area +
                      "' (geography " + at.iso() +
                      "); declare an aggregation rule or report it for units that map one to one",
                  {}, static_cast<long>(g.parts.front().row + 1), "area");
    }
    if (rep.empty()) continue;
    const double coverage = static_cast<double>(reporting.size()) / static_cast<double>(units.size());
    detail::areas::combined c;
    if (coverage >= ind.min_coverage)
      c = detail::areas::combine(ind, obs, rep, detail::row_label(ind.id, g.area, g.year));
    detail::areas::append_row(out, area_codes, g.indicator, g.area, g.year, c, detail::areas::missing,
                              coverage);
  }
  return out;
}

}  // namespace chitieu

/// @file crosswalk.cpp
/// @brief crosswalk_problems() and the chains of crosswalk links.
#include <chitieu/area_id.hpp>
#include <chitieu/crosswalk.hpp>

#include "detail/sorted_index.hpp"

#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

namespace {
/// The message for a crosswalk end `id` (column `column`) that is not in the area table: why the
/// text is not an area id at all, or that no row of the table has it.
std::string unknown_link_end(const std::string& id, const char* column) {
  if (std::string why = area_id_problem(id); !why.empty()) return why + "; " + area_id_rule;
  return "unknown area '" + id + "'; `" + column + "` must be an id of the area table";
}
}  // namespace

std::vector<error> crosswalk_problems(const std::vector<crosswalk_link>& links, const area_table& areas,
                                      const std::string& source) {
  std::vector<error> out;
  std::map<std::string, std::vector<std::size_t>> by_from;  // ordered: stable messages
  for (std::size_t i = 0; i < links.size(); ++i) {
    const crosswalk_link& l = links[i];
    const long line = static_cast<long>(i + 1);
    bool ok = true;
    if (!areas.contains(l.from)) {
      out.emplace_back(unknown_link_end(l.from, "from"), source, line, "from");
      ok = false;
    }
    if (!areas.contains(l.to)) {
      out.emplace_back(unknown_link_end(l.to, "to"), source, line, "to");
      ok = false;
    }
    if (ok && l.from == l.to) {
      out.emplace_back("area '" + l.from + "' is linked to itself (a cycle)", source, line, "to");
      ok = false;
    }
    if (!(l.share > 0.0 && l.share <= 1.0)) {  // also refuses NaN
      out.emplace_back("share of '" + l.from + "' in '" + l.to + "' must be in (0, 1]", source, line,
                       "share");
      ok = false;
    }
    if (!ok) continue;
    auto& rows = by_from[l.from];
    for (std::size_t j : rows)
      if (links[j].to == l.to)
        out.emplace_back("link '" + l.from + "' -> '" + l.to + "' repeats row " + std::to_string(j + 1) +
                             "; give each pair once",
                         source, line, "to", 0, static_cast<long>(j + 1));
    if (!rows.empty() && links[rows.front()].on != l.on)
      out.emplace_back("'" + l.from + "' has links dated " + links[rows.front()].on.iso() + " (row " +
                           std::to_string(rows.front() + 1) + ") and " + l.on.iso() +
                           "; a unit is dissolved once, all its links carry one date",
                       source, line, "date", 0, static_cast<long>(rows.front() + 1));
    rows.push_back(i);
  }
  for (const auto& [from, rows] : by_from) {
    double total = 0;
    for (std::size_t j : rows) total += links[j].share;
    if (std::fabs(total - 1.0) > 1e-9)
      out.emplace_back("shares of '" + from + "' sum to " + std::to_string(total) +
                           "; the shares of one unit must sum to 1 (within 1e-9)",
                       source, static_cast<long>(rows.front() + 1), "share");
  }
  // Cycles: depth-first search with colours over the from -> to graph.
  std::map<std::string, int> colour;  // 0 new, 1 on the stack, 2 done
  for (const auto& start : by_from) {
    if (colour[start.first] != 0) continue;
    std::vector<std::pair<std::string, std::size_t>> stack{{start.first, 0}};
    colour[start.first] = 1;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      const auto f = by_from.find(node);
      if (f == by_from.end() || next >= f->second.size()) {
        colour[node] = 2;
        stack.pop_back();
        continue;
      }
      const std::size_t row = f->second[next++];
      const std::string& succ = links[row].to;
      if (colour[succ] == 1) {
        out.emplace_back("link '" + links[row].from + "' -> '" + succ +
                             "' closes a cycle: a successor cannot lead back to its predecessor",
                         source, static_cast<long>(row + 1), "to");
      } else if (colour[succ] == 0) {
        colour[succ] = 1;
        stack.emplace_back(succ, 0);
      }
    }
  }
  return out;
}

crosswalk::crosswalk(std::vector<crosswalk_link> links, const area_table& areas, std::string source)
    : links_(std::move(links)), source_(std::move(source)) {
  throw_first_problem(crosswalk_problems(links_, areas, source_));
  std::map<std::string, std::vector<std::size_t>> rows;
  for (std::size_t i = 0; i < links_.size(); ++i) rows[links_[i].from].push_back(i);
  by_from_.assign(rows.begin(), rows.end());
}

std::vector<crosswalk_link> crosswalk::successors(const std::string& from) const {
  std::vector<crosswalk_link> out;
  if (const auto* rows = detail::find_sorted(by_from_, from))
    for (std::size_t i : *rows) out.push_back(links_[i]);
  return out;
}

std::vector<std::pair<std::string, double>> crosswalk::try_resolve(const std::string& id,
                                                                   const area_table& areas,
                                                                   const date& at) const {
  std::vector<std::pair<std::string, double>> out;
  if (!walk(id, 1.0, areas, at, out)) out.clear();
  return out;
}

std::vector<std::pair<std::string, double>> crosswalk::resolve(const std::string& id, const area_table& areas,
                                                               const date& at) const {
  auto out = try_resolve(id, areas, at);
  if (out.empty())
    throw error("area '" + id + "' is not valid on " + at.iso() +
                    " and the crosswalk leads it to no unit valid on that day (only links "
                    "dated on or before it are followed); add its successors to the crosswalk "
                    "or choose a later geography date",
                source_, 0, "area");
  return out;
}

bool crosswalk::walk(const std::string& id, double weight, const area_table& areas, const date& at,
                     std::vector<std::pair<std::string, double>>& out) const {
  if (areas.valid_on(id, at)) {
    for (auto& [unit, w] : out)
      if (unit == id) {
        w += weight;
        return true;
      }
    out.emplace_back(id, weight);
    return true;
  }
  const auto* rows = detail::find_sorted(by_from_, id);
  if (!rows || links_[rows->front()].on > at) return false;
  for (std::size_t i : *rows)
    if (!walk(links_[i].to, weight * links_[i].share, areas, at, out)) return false;
  return true;
}

}  // namespace chitieu

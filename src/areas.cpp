/// @file areas.cpp
/// @brief area_problems() and the queries of area_table.
#include <chitieu/area_id.hpp>
#include <chitieu/areas.hpp>

#include "detail/area_periods.hpp"
#include "detail/sorted_index.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {

std::vector<error> area_problems(const std::vector<area>& areas, const std::string& source) {
  std::vector<error> out;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const area& a = areas[i];
    const long line = static_cast<long>(i + 1);
    if (const std::string why = area_id_problem(a.id); !why.empty()) {
      out.emplace_back(a.id.empty() ? "an area needs a non-empty id" : why + "; " + area_id_rule, source,
                       line, "id");
      continue;
    }
    for (const auto& [field, value] :
         {std::pair<const char*, const std::string*>{"parent", &a.parent}, {"code", &a.code}})
      if (!value->empty())
        if (const std::string why = area_id_problem(*value); !why.empty())
          out.emplace_back(why + "; " + area_id_rule, source, line, field);
    const auto [it, fresh] = index.emplace(a.id, i);
    if (!fresh)
      out.emplace_back("duplicate area id '" + a.id + "' (first on row " + std::to_string(it->second + 1) +
                           "); ids are unique: give a changed unit a new id and a crosswalk link",
                       source, line, "id", 0, static_cast<long>(it->second + 1));
    if (a.valid_from && a.valid_to && *a.valid_to < *a.valid_from)
      out.emplace_back("area '" + a.id + "' ends (" + a.valid_to->iso() + ") before it begins (" +
                           a.valid_from->iso() + "); valid_to must be on or after valid_from",
                       source, line, "valid_to");
  }
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const area& a = areas[i];
    const long line = static_cast<long>(i + 1);
    if (a.id.empty() || a.parent.empty()) continue;
    const auto p = index.find(a.parent);
    if (p == index.end()) {
      out.emplace_back("area '" + a.id + "' has unknown parent '" + a.parent +
                           "'; the parent must be the id of another row (or empty for a root)",
                       source, line, "parent");
      continue;
    }
    if (a.parent == a.id) {
      out.emplace_back("area '" + a.id + "' is its own parent (a cycle)", source, line, "parent");
      continue;
    }
    // Cycle: walk up at most n steps; coming back to `a` is a cycle (reported on each member).
    std::string cur = a.parent;
    for (std::size_t step = 0; step < areas.size(); ++step) {
      const auto c = index.find(cur);
      if (c == index.end() || areas[c->second].parent.empty()) break;
      cur = areas[c->second].parent;
      if (cur == a.id) {
        out.emplace_back("area '" + a.id + "' is its own ancestor: the parent links form a cycle", source,
                         line, "parent");
        break;
      }
    }
    const area& par = areas[p->second];
    const auto [c0, c1] = detail::year_end_span(a);
    const auto [p0, p1] = detail::year_end_span(par);
    if (c0 > c1) continue;  // never valid on a 31 December: never a unit of any year
    int bad = 0;
    bool violated = false;
    if (p0 > p1) {
      violated = true;
      bad = c0 != std::numeric_limits<int>::min() ? c0 : c1;
    } else if (c0 < p0) {
      violated = true;
      bad = c0 != std::numeric_limits<int>::min() ? c0 : p0 - 1;
    } else if (c1 > p1) {
      violated = true;
      bad = p1 + 1;
    }
    if (violated)
      out.emplace_back("parent '" + par.id + "' is not valid on 31 December " + std::to_string(bad) +
                           " while its child '" + a.id +
                           "' is; a parent must be valid on every 31 December its child is",
                       source, line, "parent");
  }
  // Codes reused within a level: each row against the earlier rows of its (level, code) group
  // only (the same messages, in the same order, as comparing every pair of rows).
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> same_code;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const area& a = areas[i];
    if (a.code.empty()) continue;
    std::vector<std::size_t>& earlier = same_code[{a.level, a.code}];
    for (const std::size_t j : earlier) {
      const area& b = areas[j];
      if (a.id == b.id || !detail::periods_overlap(a, b)) continue;
      out.emplace_back("code '" + a.code + "' of '" + a.id + "' is also the code of '" + b.id + "' (row " +
                           std::to_string(j + 1) +
                           ", same level) on a common day; a code may only be reused after "
                           "the earlier unit's valid_to",
                       source, static_cast<long>(i + 1), "code", 0, static_cast<long>(j + 1));
    }
    earlier.push_back(i);
  }
  return out;
}

area_table::area_table(std::vector<area> areas, std::string source)
    : areas_(std::move(areas)), source_(std::move(source)) {
  throw_first_problem(area_problems(areas_, source_));
  for (std::size_t i = 0; i < areas_.size(); ++i) index_.emplace_back(areas_[i].id, i);
  std::sort(index_.begin(), index_.end());
}

bool area_table::contains(const std::string& id) const { return detail::find_sorted(index_, id) != nullptr; }

std::vector<std::string> area_table::units_at(const date& d) const {
  std::vector<std::string> out;
  for (const area& a : areas_)
    if (a.valid_on(d)) out.push_back(a.id);
  return out;
}

std::optional<std::string> area_table::parent_at(const std::string& id, const date& d) const {
  const area& a = at(id);
  if (!a.valid_on(d) || a.parent.empty() || !at(a.parent).valid_on(d)) return std::nullopt;
  return a.parent;
}

std::vector<std::string> area_table::children_at(const std::string& id, const date& d) const {
  std::vector<std::string> out;
  if (!at(id).valid_on(d)) return out;
  for (const area& a : areas_)
    if (a.parent == id && a.valid_on(d)) out.push_back(a.id);
  return out;
}

std::size_t area_table::position(const std::string& id) const {
  const std::size_t* at = detail::find_sorted(index_, id);
  if (!at) throw error("unknown area '" + id + "'; expected an id of the area table", source_, 0, "area");
  return *at;
}

}  // namespace chitieu

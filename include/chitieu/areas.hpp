/// @file areas.hpp
/// @brief Areas whose existence and parent links change over time (DESIGN.md §2 "Areas and geography").
#pragma once

#include <chitieu/area_id.hpp>
#include <chitieu/date.hpp>
#include <chitieu/error.hpp>

#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {

/// One administrative or statistical unit, valid over an inclusive period.
struct area {
  std::string id;                 ///< unique id; observations name areas by id
  std::string code;               ///< official code (may be reused by a later unit), or empty
  std::string name;               ///< display name
  std::string level;              ///< e.g. "tỉnh", "thị xã", "phường", "xã"
  std::string parent;             ///< id of the enclosing unit, or empty for a root
  std::optional<date> valid_from; ///< first day it exists (inclusive); empty = open
  std::optional<date> valid_to;   ///< last day it exists (inclusive); empty = open

  /// True when the unit exists on day `d`.
  bool valid_on(const date& d) const noexcept {
    return (!valid_from || *valid_from <= d) && (!valid_to || d <= *valid_to);
  }
};

namespace detail {
/// The years Y whose 31 December falls inside an area's validity, as [first, last]
/// (INT_MIN / INT_MAX for open ends; first > last when there is none).
inline std::pair<int, int> year_end_span(const area& a) noexcept {
  const int first = a.valid_from ? a.valid_from->year : std::numeric_limits<int>::min();
  int last = std::numeric_limits<int>::max();
  if (a.valid_to)
    last = (a.valid_to->month == 12 && a.valid_to->day == 31) ? a.valid_to->year
                                                               : a.valid_to->year - 1;
  return {first, last};
}

/// True when two inclusive validity periods share at least one day.
inline bool periods_overlap(const area& a, const area& b) noexcept {
  const bool a_before_b = a.valid_to && b.valid_from && *a.valid_to < *b.valid_from;
  const bool b_before_a = b.valid_to && a.valid_from && *b.valid_to < *a.valid_from;
  return !a_before_b && !b_before_a;
}
}  // namespace detail

/// Every problem of an area list, in row order (collect mode: nothing is thrown).
///
/// `line` of each error is the 1-based data row (the first area is row 1; a CSV reader adds 1
/// for its header line). Checks: ids, parents and codes that follow the area id rule
/// (area_id_problem()); unique ids; valid_from <= valid_to; a known parent
/// other than itself; no cycle of parent links; the parent valid on every 31 December on which
/// the child is valid; no two units with the same level and code valid on a common day.
/// Ids are unique, so each id has one row and one validity period: a unit whose parent or
/// boundary changes becomes a new id linked to the old one by a crosswalk.
inline std::vector<error> area_problems(const std::vector<area>& areas,
                                        const std::string& source = {}) {
  std::vector<error> out;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const area& a = areas[i];
    const long line = static_cast<long>(i + 1);
    if (const std::string why = area_id_problem(a.id); !why.empty()) {
      out.emplace_back(a.id.empty() ? "an area needs a non-empty id" : why + "; " + area_id_rule,
                       source, line, "id");
      continue;
    }
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"parent", &a.parent},
                                       {"code", &a.code}})
      if (!value->empty())
        if (const std::string why = area_id_problem(*value); !why.empty())
          out.emplace_back(why + "; " + area_id_rule, source, line, field);
    const auto [it, fresh] = index.emplace(a.id, i);
    if (!fresh)
      out.emplace_back("duplicate area id '" + a.id + "' (first on row " +
                           std::to_string(it->second + 1) +
                           "); ids are unique: give a changed unit a new id and a crosswalk link",
                       source, line, "id");
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
        out.emplace_back("area '" + a.id + "' is its own ancestor: the parent links form a cycle",
                         source, line, "parent");
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
      out.emplace_back("parent '" + par.id + "' is not valid on 31 December " +
                           std::to_string(bad) + " while its child '" + a.id +
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
      out.emplace_back("code '" + a.code + "' of '" + a.id + "' is also the code of '" + b.id +
                           "' (row " + std::to_string(j + 1) +
                           ", same level) on a common day; a code may only be reused after "
                           "the earlier unit's valid_to",
                       source, static_cast<long>(i + 1), "code");
    }
    earlier.push_back(i);
  }
  return out;
}

/// A validated table of areas answering "which units, and which parent, on a given day".
/// The units and parent links of year Y are those valid on 31 December of Y.
class area_table {
 public:
  /// Validates the areas (see area_problems) and throws the first problem as chitieu::error,
  /// naming `source`, the 1-based data row and the field.
  explicit area_table(std::vector<area> areas, std::string source = {})
      : areas_(std::move(areas)), source_(std::move(source)) {
    throw_first_problem(area_problems(areas_, source_));
    for (std::size_t i = 0; i < areas_.size(); ++i) index_.emplace(areas_[i].id, i);
  }

  /// The areas in input order.
  const std::vector<area>& areas() const noexcept { return areas_; }
  /// The source named in messages (a file name), possibly empty.
  const std::string& source() const noexcept { return source_; }
  /// True when `id` is a known area.
  bool contains(const std::string& id) const { return index_.count(id) != 0; }
  /// The area with id `id`; throws chitieu::error for an unknown id.
  const area& at(const std::string& id) const { return areas_[position(id)]; }

  /// True when area `id` exists on day `d`; throws chitieu::error for an unknown id.
  bool valid_on(const std::string& id, const date& d) const { return at(id).valid_on(d); }
  /// True when area `id` is a unit of year `y` (valid on 31 December of y).
  bool valid_in_year(const std::string& id, int y) const { return valid_on(id, year_end(y)); }

  /// Ids of the units valid on day `d`, in table order.
  std::vector<std::string> units_at(const date& d) const {
    std::vector<std::string> out;
    for (const area& a : areas_)
      if (a.valid_on(d)) out.push_back(a.id);
    return out;
  }
  /// Ids of the units of year `y` (valid on 31 December of y), in table order.
  std::vector<std::string> units_in_year(int y) const { return units_at(year_end(y)); }

  /// The parent of `id` on day `d`: empty when `id` is not valid on d, is a root, or its
  /// parent is not valid on d. Throws chitieu::error for an unknown id.
  std::optional<std::string> parent_at(const std::string& id, const date& d) const {
    const area& a = at(id);
    if (!a.valid_on(d) || a.parent.empty() || !at(a.parent).valid_on(d)) return std::nullopt;
    return a.parent;
  }
  /// The parent of `id` in year `y` (the link valid on 31 December of y).
  std::optional<std::string> parent_in_year(const std::string& id, int y) const {
    return parent_at(id, year_end(y));
  }

  /// Ids of the units whose parent on day `d` is `id`, in table order.
  std::vector<std::string> children_at(const std::string& id, const date& d) const {
    std::vector<std::string> out;
    if (!at(id).valid_on(d)) return out;
    for (const area& a : areas_)
      if (a.parent == id && a.valid_on(d)) out.push_back(a.id);
    return out;
  }
  /// Ids of the children of `id` in year `y` (links valid on 31 December of y).
  std::vector<std::string> children_in_year(const std::string& id, int y) const {
    return children_at(id, year_end(y));
  }

 private:
  std::size_t position(const std::string& id) const {
    const auto it = index_.find(id);
    if (it == index_.end())
      throw error("unknown area '" + id + "'; expected an id of the area table", source_, 0,
                  "area");
    return it->second;
  }

  std::vector<area> areas_;
  std::string source_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace chitieu

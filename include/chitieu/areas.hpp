/// @file areas.hpp
/// @brief Areas whose existence and parent links change over time (docs/aggregation.md "Areas that change
/// over time").
#pragma once

#include <chitieu/date.hpp>
#include <chitieu/error.hpp>
#include <chitieu/export.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

/// One administrative or statistical unit, valid over an inclusive period.
struct area {
  std::string id;                  ///< unique id; observations name areas by id
  std::string code;                ///< official code (may be reused by a later unit), or empty
  std::string name;                ///< display name
  std::string level;               ///< e.g. "tỉnh", "thị xã", "phường", "xã"
  std::string parent;              ///< id of the enclosing unit, or empty for a root
  std::optional<date> valid_from;  ///< first day it exists (inclusive); empty = open
  std::optional<date> valid_to;    ///< last day it exists (inclusive); empty = open

  /// True when the unit exists on day `d`.
  bool valid_on(const date& d) const noexcept {
    return (!valid_from || *valid_from <= d) && (!valid_to || d <= *valid_to);
  }
};

/// Every problem of an area list, in row order (collect mode: nothing is thrown).
///
/// `line` of each error is the 1-based data row (the first area is row 1; a CSV reader adds 1
/// for its header line). Checks: ids, parents and codes that follow the area id rule
/// (area_id_problem()); unique ids; valid_from <= valid_to; a known parent
/// other than itself; no cycle of parent links; the parent valid on every 31 December on which
/// the child is valid; no two units with the same level and code valid on a common day.
/// Ids are unique, so each id has one row and one validity period: a unit whose parent or
/// boundary changes becomes a new id linked to the old one by a crosswalk.
CHITIEU_API std::vector<error> area_problems(const std::vector<area>& areas, const std::string& source = {});

/// A validated table of areas answering "which units, and which parent, on a given day".
/// The units and parent links of year Y are those valid on 31 December of Y.
class CHITIEU_API area_table {
 public:
  /// Validates the areas (see area_problems) and throws the first problem as chitieu::error,
  /// naming `source`, the 1-based data row and the field.
  explicit area_table(std::vector<area> areas, std::string source = {});

  /// The areas in input order.
  const std::vector<area>& areas() const noexcept { return areas_; }
  /// The source named in messages (a file name), possibly empty.
  const std::string& source() const noexcept { return source_; }
  /// True when `id` is a known area.
  bool contains(const std::string& id) const;
  /// The area with id `id`; throws chitieu::error for an unknown id.
  const area& at(const std::string& id) const { return areas_[position(id)]; }

  /// True when area `id` exists on day `d`; throws chitieu::error for an unknown id.
  bool valid_on(const std::string& id, const date& d) const { return at(id).valid_on(d); }
  /// True when area `id` is a unit of year `y` (valid on 31 December of y).
  bool valid_in_year(const std::string& id, int y) const { return valid_on(id, year_end(y)); }

  /// Ids of the units valid on day `d`, in table order.
  std::vector<std::string> units_at(const date& d) const;
  /// Ids of the units of year `y` (valid on 31 December of y), in table order.
  std::vector<std::string> units_in_year(int y) const { return units_at(year_end(y)); }

  /// The parent of `id` on day `d`: empty when `id` is not valid on d, is a root, or its
  /// parent is not valid on d. Throws chitieu::error for an unknown id.
  std::optional<std::string> parent_at(const std::string& id, const date& d) const;
  /// The parent of `id` in year `y` (the link valid on 31 December of y).
  std::optional<std::string> parent_in_year(const std::string& id, int y) const {
    return parent_at(id, year_end(y));
  }

  /// Ids of the units whose parent on day `d` is `id`, in table order.
  std::vector<std::string> children_at(const std::string& id, const date& d) const;
  /// Ids of the children of `id` in year `y` (links valid on 31 December of y).
  std::vector<std::string> children_in_year(const std::string& id, int y) const {
    return children_at(id, year_end(y));
  }

 private:
  std::size_t position(const std::string& id) const;

  std::vector<area> areas_;
  std::string source_;
  std::vector<std::pair<std::string, std::size_t>> index_;  ///< (id, position), sorted by id
};

}  // namespace chitieu

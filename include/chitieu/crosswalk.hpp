/// @file crosswalk.hpp
/// @brief Links from dissolved units to their successors with shares (docs/aggregation.md "Crosswalks").
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/date.hpp>
#include <chitieu/error.hpp>
#include <chitieu/export.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

/// One row of crosswalk.csv: on day `on`, the share `share` of unit `from` became part of `to`.
struct crosswalk_link {
  std::string from;  ///< id of the unit that ceased
  std::string to;    ///< id of a successor
  double share = 1;  ///< fraction of `from` (its counts, numerators, denominators, weights) in `to`
  date on;           ///< the day the change took effect
};

/// Every problem of a crosswalk against an area table, in row order (collect mode).
///
/// `line` is the 1-based data row (a CSV reader adds 1 for its header). Checks: `from` and `to`
/// are known, distinct areas (an end that is no area id at all says why, see area_id_problem()); each (from,
/// to) pair appears once; 0 < share <= 1; all links of one `from` carry one date (a unit is dissolved once);
/// the shares of one `from` sum to 1 within 1e-9; the links form no cycle.
CHITIEU_API std::vector<error> crosswalk_problems(const std::vector<crosswalk_link>& links,
                                                  const area_table& areas, const std::string& source = {});

/// A validated crosswalk: which units each dissolved unit became, with shares.
class CHITIEU_API crosswalk {
 public:
  /// Validates the links against `areas` (see crosswalk_problems) and throws the first problem
  /// as chitieu::error naming `source`, the 1-based data row and the field.
  crosswalk(std::vector<crosswalk_link> links, const area_table& areas, std::string source = {});

  /// The links in input order.
  const std::vector<crosswalk_link>& links() const noexcept { return links_; }
  /// The source named in messages (a file name), possibly empty.
  const std::string& source() const noexcept { return source_; }

  /// The links leaving `from` (empty when it has none), in input order.
  std::vector<crosswalk_link> successors(const std::string& from) const;

  /// The units valid on `at` that area `id` ends up in, with the product of the shares along
  /// each chain (summed over chains reaching the same unit), in first-reached order. A unit
  /// valid on `at` maps to itself with share 1. Only links dated on or before `at` are
  /// followed. Empty when some chain ends in a unit not valid on `at` without such links.
  std::vector<std::pair<std::string, double>> try_resolve(const std::string& id, const area_table& areas,
                                                          const date& at) const;

  /// As try_resolve, but throws chitieu::error naming `id` when it has no successor valid on `at`.
  std::vector<std::pair<std::string, double>> resolve(const std::string& id, const area_table& areas,
                                                      const date& at) const;

 private:
  bool walk(const std::string& id, double weight, const area_table& areas, const date& at,
            std::vector<std::pair<std::string, double>>& out) const;

  std::vector<crosswalk_link> links_;
  std::string source_;
  std::vector<std::pair<std::string, std::vector<std::size_t>>>
      by_from_;  ///< rows of each `from`, sorted by it
};

}  // namespace chitieu

/// @file finding.hpp
/// @brief Something a roll-up or review noticed in the data that is not an error.
#pragma once

#include <string>

namespace chitieu {

/// A finding: the data are usable but disagree with themselves.
///
/// Kinds: `own_vs_aggregate` (an area's own observation differs from the aggregate of its
/// children: `own` is the observation, `aggregate` the children's aggregate; the observation is
/// used), `part_exceeds_whole` (a `part_of` indicator above its whole in the same area and
/// year: `own` is the part's value, `aggregate` the whole's) and `part_denominator_differs`
/// (a part and its whole report different denominators: `own` and `aggregate` are the part's
/// and the whole's denominators).
struct finding {
  std::string kind;       ///< own_vs_aggregate, part_exceeds_whole or part_denominator_differs
  std::string indicator;  ///< indicator id (the part, for part_of findings)
  std::string area;       ///< area id
  int year = 0;           ///< calendar year
  double own = 0;         ///< the area's own number (see the kinds)
  double aggregate = 0;   ///< the number it is compared with (see the kinds)
  std::string message;    ///< a sentence for reports
};

}  // namespace chitieu

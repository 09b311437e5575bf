/// @file finding.hpp
/// @brief Something a roll-up or review noticed in the data that is not an error.
#pragma once

#include <chitieu/enum_table.hpp>

#include <array>
#include <string>
#include <string_view>

namespace chitieu {

/// What a finding is about (see finding).
enum class finding_kind {
  own_vs_aggregate,         ///< an area's own observation differs from its children's aggregate
  part_exceeds_whole,       ///< a `part_of` indicator above its whole in the same area and year
  part_denominator_differs  ///< a part and its whole report different denominators
};

/// The table of finding kinds: name, Vietnamese and English label.
template <>
struct enum_table<finding_kind> {
  static constexpr std::string_view noun = "finding kind";  ///< how messages name a finding kind
  /// One row per kind, in declaration order.
  static constexpr std::array<enum_entry<finding_kind>, 3> entries{{
      {finding_kind::own_vs_aggregate, "own_vs_aggregate", "Số liệu riêng khác số tổng hợp",
       "Own value differs from the aggregate"},
      {finding_kind::part_exceeds_whole, "part_exceeds_whole", "Phần lớn hơn tổng thể",
       "Part exceeds its whole"},
      {finding_kind::part_denominator_differs, "part_denominator_differs", "Mẫu số của phần khác tổng thể",
       "Part's denominator differs from its whole's"},
  }};
};

/// A finding: the data are usable but disagree with themselves.
///
/// Kinds: `own_vs_aggregate` (an area's own observation differs from the aggregate of its
/// children: `own` is the observation, `aggregate` the children's aggregate; the observation is
/// used), `part_exceeds_whole` (a `part_of` indicator above its whole in the same area and
/// year: `own` is the part's value, `aggregate` the whole's) and `part_denominator_differs`
/// (a part and its whole report different denominators: `own` and `aggregate` are the part's
/// and the whole's denominators).
struct finding {
  finding_kind kind = finding_kind::own_vs_aggregate;  ///< what it is about
  std::string indicator;                               ///< indicator id (the part, for part_of findings)
  std::string area;                                    ///< area id
  int year = 0;                                        ///< calendar year
  double own = 0;                                      ///< the area's own number (see the kinds)
  double aggregate = 0;                                ///< the number it is compared with (see the kinds)
  std::string message;                                 ///< a sentence for reports
};

}  // namespace chitieu

/// @file area_id.hpp
/// @brief The rule for area identifiers (docs/your-data.md "Area ids").
#pragma once

#include <chitieu/export.hpp>

#include <string>
#include <string_view>

namespace chitieu {

/// Why `id` is not a valid area id, or an empty string when it is one.
///
/// An area id (a plan's area, an area table's id, parent and code, an observation's area, a
/// crosswalk's from and to) is any non-empty UTF-8 text in Unicode NFC, without control
/// characters or surrounding white space, at most 64 bytes. Ids are compared byte for byte:
/// GSO codes keep their leading zeros ("01", "00004", "594", "23231"); "VN" and "la-gi" are ids too.
CHITIEU_API std::string area_id_problem(std::string_view id);

/// True when `id` is a valid area id (area_id_problem() is empty).
inline bool is_valid_area_id(std::string_view id) { return area_id_problem(id).empty(); }

/// The rule of area ids in one sentence, for error messages.
inline constexpr const char* area_id_rule =
    "an area id is any non-empty NFC text without control characters or surrounding spaces, at "
    "most 64 bytes, kept exactly as written (e.g. 01, 00004, 594, VN, la-gi)";

}  // namespace chitieu

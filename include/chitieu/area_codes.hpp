/// @file area_codes.hpp
/// @brief Observations keyed by official codes, resolved by year to area ids (docs/your-data.md).
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/error.hpp>
#include <chitieu/export.hpp>
#include <chitieu/panel.hpp>

#include <string>
#include <vector>

namespace chitieu {

/// The unit holding official code `code` on 31 December of `year` in `areas`: its id, or a
/// chitieu::error (field "area") when no unit or two units hold it then (the message names the
/// candidates, and says when `code` is an id or a name of the table instead).
///
/// Codes may be reused after a reform (a new unit takes a dissolved unit's code), so a code names
/// a unit only together with a year; this is the one rule every path uses.
CHITIEU_API std::string unit_of_code(const area_table& areas, const std::string& code, int year);

/// Every observation row whose code does not resolve (see unit_of_code()), in row order;
/// line = 1-based panel row, field "area". Each (code, year) pair is resolved once.
CHITIEU_API std::vector<error> area_code_problems(const panel& obs, const area_table& areas);

/// Rewrites a panel whose area column holds official codes into one holding area ids, each
/// (code, year) resolved by unit_of_code(). Throws the first of area_code_problems().
CHITIEU_API void resolve_area_codes(panel& obs, const area_table& areas);

/// Every observation row whose area is not an id of `areas` or is not a unit of its year (valid
/// on 31 December), in row order; line = 1-based panel row, field "area". An unknown area that is
/// a code or a name of the table is said to be one, with the option that reads codes.
CHITIEU_API std::vector<error> observation_area_problems(const panel& obs, const area_table& areas);

}  // namespace chitieu

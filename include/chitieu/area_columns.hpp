/// @file area_columns.hpp
/// @brief Areas and crosswalk links from columns of text, as a table reader holds them.
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/export.hpp>

#include <string>
#include <vector>

namespace chitieu {

/// The areas of an `id, code, name, level, parent, valid_from, valid_to` table given column by
/// column (dates ISO YYYY-MM-DD, an empty date open). Throws chitieu::error naming `source`, the
/// 1-based data row and the field for a date that does not parse, and naming the column when the
/// columns differ in length. The areas are not yet validated: area_table does that.
CHITIEU_API std::vector<area> make_areas(
    const std::vector<std::string>& ids, const std::vector<std::string>& codes,
    const std::vector<std::string>& names, const std::vector<std::string>& levels,
    const std::vector<std::string>& parents, const std::vector<std::string>& valid_from,
    const std::vector<std::string>& valid_to, const std::string& source = {});

/// The links of a `from, to, share, date` crosswalk given column by column. Throws chitieu::error
/// naming `source`, the 1-based data row and the field `date` for a date that does not parse, and
/// naming the column when the columns differ in length. Validated by crosswalk.
CHITIEU_API std::vector<crosswalk_link> make_links(const std::vector<std::string>& froms,
                                                   const std::vector<std::string>& tos,
                                                   const std::vector<double>& shares,
                                                   const std::vector<std::string>& dates,
                                                   const std::string& source = {});

}  // namespace chitieu

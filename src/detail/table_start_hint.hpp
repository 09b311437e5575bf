/// @file table_start_hint.hpp
/// @brief What to do when a file's table starts below its first line (a title above the header).
#pragma once

namespace chitieu::detail {

/// The fix for a table under a title or notes, added to the errors that suggest it (a header with
/// none of the columns needed, a one-cell header with longer rows below).
inline constexpr const char* table_starts_lower_hint =
    "start each row above its header with # (a comment), delete them, or give the header's line or "
    "sheet row as header_row (CLI --header-row)";

}  // namespace chitieu::detail

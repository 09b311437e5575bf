/// @file column_names.hpp
/// @brief The names of a table's columns: one name, one column (the rule of every reader, C++ and
/// Python: CSV, Excel, Parquet, DataFrames, Arrow tables).
#pragma once

#include <chitieu/export.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace chitieu {

/// Throws chitieu::error when two of `names` that are not empty are the same (an empty name is an
/// unnamed column, which no reader reads, such as the trailing empty cells of a header): "two
/// columns are named 'value' (columns 4 and 5); rename or remove one: chitieu does not choose which
/// to read". The error names `file`, `header_line` (0 for a table without lines), the repeated name
/// as its field and the second column as its column (1-based). `labels`, when given (one per name),
/// say the columns in the message instead of their positions, e.g. the cells of a worksheet's
/// header ("columns Sheet1!D1 and Sheet1!E1").
CHITIEU_API void check_column_names(const std::vector<std::string>& names, const std::string& file,
                                    long header_line, const std::vector<std::string>& labels = {});

/// The message for a table whose header lacks column `name`, one of the columns `needed` that
/// `what` (e.g. "observations") need: "missing column 'year'; observations need the columns
/// indicator, area, year, value (found: indicator, area, value; <how>)". `found` are the header's
/// names ("none" when there are none); `how`, when not empty, says how the header was read ("columns
/// were read as separated by comma ','", "the header is row 3 of sheet 'Sheet1'"). For a header read
/// from the rows of a file (`from_file_rows`: a CSV file, a worksheet) that holds none of `needed`,
/// the table may start lower (a title above it): the message adds "; the header holds none of them:
/// if the table starts lower, start each row above its header with # (a comment), delete them, or
/// give the header's line or sheet row as header_row (CLI --header-row)".
/// The one message of every reader, C++ and Python, and of collect mode.
CHITIEU_API std::string missing_column_message(const std::string& name, const std::string& what,
                                               const std::vector<std::string>& needed,
                                               const std::vector<std::string>& found, const std::string& how,
                                               bool from_file_rows);

/// How many rows below a header header_row_below() looks at.
inline constexpr std::size_t header_search_rows = 50;

/// The line of the first of `rows` (the cells of the rows below a header, their lines in `lines`;
/// the first header_search_rows are looked at) that names at least two of the columns `needed`
/// (each cell trimmed; the one, when one is needed): the table's own header under a title. 0 when
/// none does.
CHITIEU_API long header_row_below(const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<long>& lines, const std::vector<std::string>& needed);

/// header_row_below() for the rows of a CSV file read as separated by `delimiter`: a row of one
/// cell (a line without that delimiter; any further cells empty) is also read at the delimiter
/// detect_delimiter() finds in it, so that the header of a table separated otherwise than the title above it
/// (a comma title over a semicolon table) is found; given as header_row, its own line's delimiter is the
/// file's. `delimiter` 0: as header_row_below() (a worksheet's rows).
CHITIEU_API long header_row_below(const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<long>& lines, const std::vector<std::string>& needed,
                                  char delimiter);

/// missing_column_message(), told `header_below`, the line or sheet row header_row_below() found
/// (0: none). When the header holds none of `needed` and a row below does, the message names that
/// row and the fix instead: "; the header holds none of them, but row 4 names them: if it is the
/// table's header, give header_row=4 (CLI --header-row 4)".
CHITIEU_API std::string missing_column_message(const std::string& name, const std::string& what,
                                               const std::vector<std::string>& needed,
                                               const std::vector<std::string>& found, const std::string& how,
                                               bool from_file_rows, long header_below);

}  // namespace chitieu

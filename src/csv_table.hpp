// A CSV file read into rows of text cells, each with its line: the reading rules shared by the
// observation, area and crosswalk readers (the rules of the Python readers, docs/errors.md).
#pragma once

#include <chitieu/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::detail {

/// A CSV table: UTF-8 (a leading byte-order mark dropped), comma-separated, `"` quoting with
/// `""` for a quote. Leading lines starting with `#` (after spaces) are comments; the next line
/// is the header (names trimmed of spaces); rows whose cells are all empty are skipped.
struct csv_table {
  std::string path;                            ///< the file, named in messages
  long header_line = 0;                        ///< the header's line in the file
  std::vector<std::string> columns;            ///< the header names
  std::vector<std::vector<std::string>> rows;  ///< the cells of each kept row (as many as columns)
  std::vector<long> lines;                     ///< per kept row: its line in the file

  /// The position of column `name`, or nothing.
  std::optional<std::size_t> column(std::string_view name) const;
  /// Throws chitieu::error at the header for the first of `names` missing: "missing column 'x';
  /// <what> need the columns a, b, c (found: ...)".
  void require_columns(const std::vector<std::string>& names, const std::string& what) const;
  /// Throws chitieu::error at the first empty cell of column `name` (which must exist).
  void require_cells(const std::string& name, const std::string& message) const;
  /// Column `name` as numbers: the cells "", "NA", "NaN", "nan", "N/A" (spaces trimmed) are
  /// NaN; throws chitieu::error at the first cell that is not a number. A missing column: NaN.
  std::vector<double> numbers(std::string_view name) const;
  /// Column `name` as text (empty cells ""); a missing column gives empty cells.
  std::vector<std::string> texts(std::string_view name) const;
};

/// Reads `path` as a csv_table; throws chitieu::error naming the file when it cannot be opened
/// ("no such <what> file") or a row has more cells than the header.
csv_table read_csv_table(const std::string& path, const std::string& what);

/// Throws `e` (an error about 1-based data row e.line() of `table`) restated at the file and line.
[[noreturn]] void rethrow_at_line(const error& e, const csv_table& table);

}  // namespace chitieu::detail

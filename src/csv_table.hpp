// A CSV file read into rows of text cells, each with its line: the reading rules shared by the
// observation, area and crosswalk readers (the rules of the Python readers, docs/errors.md).
#pragma once

#include <chitieu/csv_files.hpp>
#include <chitieu/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::detail {

/// A CSV table: its bytes decoded by decode_text(), its cells separated by the delimiter given or
/// detected, its records split as detail/csv_records.hpp says (`"` quoting with `""` for a quote, lines
/// ended by `\r\n`, `\n` or a lone `\r`; a quoted cell keeps its line ends, and counts them). Leading
/// lines starting with `#` (after spaces) are comments; the next line is the header (names trimmed of
/// spaces); rows whose cells are all empty are skipped.
struct csv_table {
  std::string path;                            ///< the file, named in messages
  std::string encoding;                        ///< the encoding read ("utf-8", "cp1258")
  char delimiter = ',';                        ///< the column delimiter read
  char decimal = '.';                          ///< the decimal mark of number cells
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
  /// Column `name` as numbers read by number_cell() (missing cells NaN); throws chitieu::error
  /// at the first cell that is not a number (not_a_number_message()). A missing column: NaN.
  std::vector<double> numbers(std::string_view name) const;
  /// Column `name` as text (empty cells ""); a missing column gives empty cells.
  std::vector<std::string> texts(std::string_view name) const;
};

/// Reads `path` as a csv_table written as `options` say; throws chitieu::error naming the file
/// when it cannot be opened ("no such <what> file"), an option is unknown, the bytes cannot be
/// decoded, a quoted cell is never closed, or a row has more cells than the header (named as the
/// table's header when it names `key_columns` and the header none: csv_source::key_columns).
csv_table read_csv_table(const std::string& path, const std::string& what, const csv_options& options,
                         const std::vector<std::string>& key_columns);

/// Throws `e` (an error about 1-based data row e.line() of `table`) restated at the file and line.
[[noreturn]] void rethrow_at_line(const error& e, const csv_table& table);

}  // namespace chitieu::detail

/// @file csv_files.hpp
/// @brief Reading the observation, area and crosswalk CSV files, and reviewing them, in C++ alone
/// (the file formats of docs/python.md "Inputs"; the same rules and messages as the Python readers,
/// which call the same functions: text_files.hpp, number_cell.hpp).
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/error.hpp>
#include <chitieu/export.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/review.hpp>

#include <string>
#include <vector>

namespace chitieu {

/// How a CSV file is written; the defaults detect the encoding and the delimiter (docs/cpp.md).
struct csv_options {
  /// The encoding of the bytes ("utf-8", "utf-8-sig", "cp1258"); empty: UTF-8 (byte-order mark or
  /// not), else Windows-1258, as decode_text() detects it.
  std::string encoding;
  /// The column delimiter: ',', ';' or a tab; 0: detected from the header line (detect_delimiter()).
  char delimiter = 0;
  /// The decimal mark of number cells: '.' or ',' (which reads "85,3"; see number_cell()).
  char decimal = '.';
  /// The line of the header (1-based, as an editor numbers lines): the lines above it, such as a
  /// yearbook table's title and notes, are not read. 0: the first line that is not a `#` comment.
  long header_row = 0;
};

/// Observations read from a CSV file: the panel and the file line of each of its rows.
struct observations_file {
  chitieu::panel panel;     ///< the observations, in file order
  std::string path;         ///< the file read
  std::vector<long> lines;  ///< per panel row: its line in the file (comments and header counted)

  /// `e`, an error about the 1-based panel row e.line() (as review() reports it), restated at
  /// this file and the row's line (a row the review added, such as a parent's, keeps its number).
  CHITIEU_API error at_line(const error& e) const;
};

/// Reads an observation file `indicator, area, year, value` (and optionally `numerator,
/// denominator, weight, se`; `value` may be left out when numerator and denominator are given;
/// other columns are ignored). The encoding and delimiter as `options` give or detect them,
/// leading `#` comment lines, `"` quoting, blank rows skipped; number cells as number_cell() reads
/// them with `options.decimal` (empty, `NA`, `NaN`, `nan`, `N/A` are missing). Throws
/// chitieu::error naming the file, line and column (or option): no such file, bytes that cannot
/// be decoded, a cell that is not a number, a missing column, a year that is not a whole number,
/// an empty id. The values are checked against the plan by review().
CHITIEU_API observations_file read_observations(const std::string& path, const csv_options& options = {});

/// Reads and validates an area file `id, code, name, level, parent, valid_from, valid_to` (every
/// column text; ISO dates, empty = open), encoded and delimited as `options` give or detect.
/// Throws chitieu::error naming the file, line and column: bytes that cannot be decoded, a missing
/// column, an empty id, a date that does not parse, and every rule of area_problems().
CHITIEU_API area_table read_areas(const std::string& path, const csv_options& options = {});

/// Reads and validates a crosswalk file `from, to, share, date` against `areas`, encoded,
/// delimited and with the decimal mark as `options` give or detect. Throws chitieu::error naming
/// the file, line and column: bytes that cannot be decoded, a missing column or cell, a share that
/// is not a number, a date that does not parse, and every rule of crosswalk_problems().
CHITIEU_API crosswalk read_crosswalk(const std::string& path, const area_table& areas,
                                     const csv_options& options = {});

/// review() of observations read from a file: its errors name the file and line of the row.
CHITIEU_API review_result review(const plan& p, const observations_file& observations,
                                 const review_options& options = {});

/// The review of a file with its optional inputs as pointers (null: none), the 0.1.0 signature.
/// Deprecated in 0.2.0, kept through 0.3.x; forwards to review(plan, observations_file, review_options).
[[deprecated("use review(plan, observations_file, review_options)")]] CHITIEU_API review_result
review(const plan& p, const observations_file& observations, const area_table* areas, const crosswalk* cw,
       const review_options& options = {});

}  // namespace chitieu

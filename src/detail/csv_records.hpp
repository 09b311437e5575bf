/// @file csv_records.hpp
/// @brief The records of a CSV text and the line each starts on (namespace chitieu::detail): the one
/// splitting rule of the C++ CSV table (csv_table.hpp) and of csv_row_lines(), which numbers the rows
/// the Python readers read (docs/your-data.md "How lines are counted").
///
/// A record is split as pandas splits it: a cell that starts with `"` is quoted up to the next lone
/// `"` (`""` inside it is one `"`), may hold the delimiter and line ends, and runs on unquoted after
/// its closing quote; a `"` anywhere else is an ordinary character. Lines end with `\r\n`, `\n` or a
/// lone `\r` (line_ends.hpp), each counted once, inside a quoted cell too: a record's line is the
/// physical line it starts on, as an editor numbers it.
#pragma once

#include <chitieu/column_names.hpp>
#include <chitieu/error.hpp>
#include <chitieu/text_files.hpp>

#include "line_ends.hpp"
#include "table_start_hint.hpp"
#include "white_space.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chitieu::detail {

/// The cells of a record as text.
struct cell_texts {
  std::vector<std::string> cells;  ///< the cells of the last record read

  void start() { cells.assign(1, std::string()); }   ///< a record begins
  void next_cell() { cells.emplace_back(); }         ///< a delimiter: a new cell begins
  void add(char c) { cells.back() += c; }            ///< a character of the current cell
  std::size_t size() const { return cells.size(); }  ///< the record's cells
  /// True when every cell of the record is empty.
  bool blank() const {
    for (const std::string& c : cells)
      if (!c.empty()) return false;
    return true;
  }
};

/// The shape of a record without its text: how many cells, and whether any holds a character.
struct cell_counts {
  std::size_t count = 1;  ///< the cells of the last record read
  bool filled = false;    ///< whether a cell of the last record holds a character

  void start() { count = 1, filled = false; }  ///< a record begins
  void next_cell() { ++count; }                ///< a delimiter: a new cell begins
  void add(char) { filled = true; }            ///< a character of the current cell
  std::size_t size() const { return count; }   ///< the record's cells
  bool blank() const { return !filled; }       ///< true when every cell is empty
};

/// Where a CSV text comes from, named in the messages about it.
struct csv_source {
  std::string path;      ///< the file
  std::string what;      ///< what the file holds: "observations", "areas", "crosswalk"
  std::string encoding;  ///< the encoding the text was read with
  char delimiter = ',';  ///< the column delimiter
  long header_row = 0;   ///< the header's line (csv_options::header_row); 0: after the leading comments
  /// Columns a header of this file names (empty: not known); a row with more cells than a header that
  /// names none of them, but naming them itself, is named as the likely header (too_many_cells_message()).
  std::vector<std::string> key_columns;
};

/// Reads the records of `text` from `pos` on, counting lines from `line`.
class record_reader {
 public:
  /// A reader of `text`, its cells separated by `delimiter`.
  record_reader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  /// Skips the leading lines starting with `#` (after spaces): the comments before the header.
  void skip_comments() {
    while (pos_ < text_.size()) {
      const std::size_t eol = find_line_end(text_, pos_);
      if (trim_white_space(text_.substr(pos_, eol - pos_)).substr(0, 1) != "#") return;
      pos_ = eol + line_end_length(text_, eol);
      ++line_;
    }
  }

  /// Skips every line before line `header_row` (a title or notes above the table), whatever it
  /// holds. Throws chitieu::error naming `source` and the field "header_row" when the text has fewer
  /// lines.
  void skip_to_line(long header_row, const csv_source& source) {
    while (line_ < header_row) {
      if (pos_ >= text_.size())
        throw error("header_row is " + std::to_string(header_row) + " but the file has " +
                        std::to_string(line_ - 1) +
                        " lines; give the line of the table's header, as an editor " + "numbers it",
                    source.path, {}, "header_row");
      const std::size_t eol = find_line_end(text_, pos_);
      pos_ = eol + line_end_length(text_, eol);
      ++line_;
    }
  }

  /// Reads the next record into `cells` and its first line into `first_line`; false at the end of
  /// the text. Throws chitieu::error naming `source` and the line of a quote never closed.
  template <class Cells>
  bool next(Cells& cells, long& first_line, const csv_source& source) {
    if (pos_ >= text_.size()) return false;
    enum class state { start, plain, quoted, quote_in_quoted } at = state::start;
    cells.start();
    first_line = line_;
    long quote_line = line_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (at == state::quoted) {
        if (c == '"') {
          at = state::quote_in_quoted;
        } else {
          if (line_end_length(text_, pos_ - 1) == 1) ++line_;  // the end of a `\r\n` counts once
          cells.add(c);
        }
      } else if (at == state::quote_in_quoted && c == '"') {
        cells.add('"');
        at = state::quoted;
      } else if (at == state::start && c == '"') {
        at = state::quoted;
        quote_line = line_;
      } else if (c == delimiter_) {
        cells.next_cell();
        at = state::start;
      } else if (const std::size_t end = line_end_length(text_, pos_ - 1); end != 0) {
        pos_ += end - 1;
        ++line_;
        return true;
      } else {
        cells.add(c);
        at = state::plain;
      }
    }
    if (at == state::quoted)
      throw error("cannot read the " + source.what + " CSV: the cell opened with a double quote \" on this " +
                      "line is never closed; end it with \" (write a \" inside a quoted cell as \"\")",
                  source.path, quote_line);
    return true;
  }

 private:
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  long line_ = 1;
};

/// `line` when the header `columns` names none of `source.key_columns` and the record of `text` at
/// `line` names them (header_row_below()): the table's own header under a title of fewer cells. 0
/// otherwise, and when no key columns are known.
inline long header_at(std::string_view text, const csv_source& source,
                      const std::vector<std::string>& columns, long line) {
  const std::vector<std::string>& keys = source.key_columns;
  if (keys.empty() || std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
        return std::find(columns.begin(), columns.end(), k) != columns.end();
      }))
    return 0;
  record_reader reader(text, source.delimiter);
  reader.skip_to_line(line, source);
  cell_texts row;
  long first = 0;
  reader.next(row, first, source);
  return header_row_below({row.cells}, {first}, keys);
}

/// The message for a row with `cells` cells under the header `columns` (fewer), read at line
/// `header_line`: quote a cell that holds the delimiter. When the row at `header_at` (header_at(); 0:
/// none) names the key columns the header lacks, it is named as the table's header with its
/// header_row; otherwise a header of one cell with no other delimiter in it (not a header read with
/// the wrong delimiter) may be a title above the table.
inline std::string too_many_cells_message(const csv_source& source, std::size_t cells,
                                          const std::vector<std::string>& columns, long header_line,
                                          long header_at) {
  std::string message = "cannot read the " + source.what + " CSV (columns separated by " +
                        delimiter_name(source.delimiter) + ", " + source.encoding + "): the row has " +
                        std::to_string(cells) + " cells but the header " + std::to_string(columns.size()) +
                        " (quote a cell that contains the delimiter";
  if (header_at > 0) {
    const std::string at = std::to_string(header_at);
    message += "; the header's line " + std::to_string(header_line) +
               " names none of the columns needed, but " +
               "this row names them: if it is the table's header, give header_row=" + at +
               " (CLI --header-row " + at + ")";
  } else if (columns.size() == 1 && columns[0].find_first_of(",;\t") == std::string::npos) {
    message += "; if the header's line " + std::to_string(header_line) + " is a title above the table, " +
               table_starts_lower_hint;
  }
  return message + ")";
}

/// Reads the CSV `text` of `source`: its leading `#` comments (or every line before
/// `source.header_row`, when given; a negative one is refused), its header (whose trimmed names go to
/// `columns`; its line is returned), then calls `row(cells, line)` for each record that is not
/// blank. Throws chitieu::error naming the file and line: no header, a header naming a column twice
/// (check_column_names()), a quote never closed, a row with more cells than the header (a blank one
/// too, as pandas refuses it).
template <class Cells, class Row>
long read_csv_records(std::string_view text, const csv_source& source, std::vector<std::string>& columns,
                      Cells& cells, Row&& row) {
  if (source.header_row < 0)
    throw error("header_row is " + std::to_string(source.header_row) +
                    "; give the header's line (1 is the first line), or 0 for the first line that is not a "
                    "# comment",
                source.path, {}, "header_row");
  record_reader reader(text, source.delimiter);
  if (source.header_row > 0)
    reader.skip_to_line(source.header_row, source);
  else
    reader.skip_comments();
  cell_texts header;
  long header_line = 0;
  if (!reader.next(header, header_line, source))
    throw error("cannot read the " + source.what + " CSV: the file has no header line", source.path);
  if (source.header_row > 0 && header.blank())
    throw error("cannot read the " + source.what + " CSV: line " + std::to_string(header_line) +
                    " (header_row) is blank; give the line of the table's header, as an editor numbers it",
                source.path, header_line, "header_row");
  for (const std::string& name : header.cells) columns.emplace_back(trim_white_space(name));
  check_column_names(columns, source.path, header_line);
  long line = 0;
  while (reader.next(cells, line, source)) {
    if (cells.size() > columns.size())
      throw error(too_many_cells_message(source, cells.size(), columns, header_line,
                                         header_at(text, source, columns, line)),
                  source.path, line);
    if (!cells.blank()) row(cells, line);
  }
  return header_line;
}

}  // namespace chitieu::detail

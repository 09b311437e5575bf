// The CSV reading rules of the observation, area and crosswalk readers.
#include "csv_table.hpp"

#include <chitieu/column_names.hpp>
#include <chitieu/number_cell.hpp>
#include <chitieu/text_files.hpp>

#include "detail/csv_records.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

namespace chitieu::detail {
namespace {

/// The options checked: a delimiter and a decimal mark chitieu reads.
void check_options(const csv_options& options) {
  if (options.delimiter != 0) delimiter_name(options.delimiter);  // throws for an unknown one
  check_decimal_mark(std::string_view(&options.decimal, 1));
}

}  // namespace

std::optional<std::size_t> csv_table::column(std::string_view name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end()) return std::nullopt;
  return static_cast<std::size_t>(it - columns.begin());
}

void csv_table::require_columns(const std::vector<std::string>& names, const std::string& what) const {
  for (const std::string& name : names) {
    if (column(name)) continue;
    throw error(missing_column_message(name, what, names, columns,
                                       "columns were read as separated by " + delimiter_name(delimiter), true,
                                       header_row_below(rows, lines, names, delimiter)),
                path, header_line, name);
  }
}

void csv_table::require_cells(const std::string& name, const std::string& message) const {
  const std::size_t c = *column(name);
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (rows[r][c].empty()) throw error(message, path, lines[r], name);
}

std::vector<double> csv_table::numbers(std::string_view name) const {
  std::vector<double> out(rows.size(), std::numeric_limits<double>::quiet_NaN());
  const auto c = column(name);
  if (!c) return out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::string& cell = rows[r][*c];
    const auto v = number_cell(cell, decimal);
    if (!v) throw error(not_a_number_message(cell, decimal, delimiter), path, lines[r], std::string(name));
    out[r] = *v;
  }
  return out;
}

std::vector<std::string> csv_table::texts(std::string_view name) const {
  std::vector<std::string> out(rows.size());
  const auto c = column(name);
  if (c)
    for (std::size_t r = 0; r < rows.size(); ++r) out[r] = rows[r][*c];
  return out;
}

csv_table read_csv_table(const std::string& path, const std::string& what, const csv_options& options,
                         const std::vector<std::string>& key_columns) {
  check_options(options);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error("no such " + what + " file", path);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  decoded_text decoded = decode_text(bytes, path, options.encoding);
  const std::string& text = decoded.text;
  csv_table table;
  table.path = path;
  table.encoding = std::move(decoded.encoding);
  table.delimiter = options.delimiter != 0 ? options.delimiter : detect_delimiter(text, options.header_row);
  table.decimal = options.decimal;
  const csv_source source{path, what, table.encoding, table.delimiter, options.header_row, key_columns};
  cell_texts cells;
  table.header_line = read_csv_records(text, source, table.columns, cells, [&](cell_texts& row, long line) {
    row.cells.resize(table.columns.size());
    table.rows.push_back(std::move(row.cells));
    table.lines.push_back(line);
  });
  return table;
}

void rethrow_at_line(const error& e, const csv_table& table) {
  const long row = e.line();
  const long line = row >= 1 && static_cast<std::size_t>(row) <= table.lines.size()
                        ? table.lines[static_cast<std::size_t>(row - 1)]
                        : row;
  throw error(e.message(), table.path, line, e.field());
}

}  // namespace chitieu::detail

// csv_row_lines(): the lines of a CSV text's header and rows, for the Python readers.
#include <chitieu/text_files.hpp>

#include "detail/csv_records.hpp"

namespace chitieu {

csv_lines csv_row_lines(std::string_view text, char delimiter, const std::string& path,
                        const std::string& what, const std::string& encoding) {
  return csv_row_lines(text, delimiter, path, what, encoding, 0);
}

csv_lines csv_row_lines(std::string_view text, char delimiter, const std::string& path,
                        const std::string& what, const std::string& encoding, long header_row) {
  return csv_row_lines(text, delimiter, path, what, encoding, header_row, {});
}

csv_lines csv_row_lines(std::string_view text, char delimiter, const std::string& path,
                        const std::string& what, const std::string& encoding, long header_row,
                        const std::vector<std::string>& key_columns) {
  delimiter_name(delimiter);  // throws for a delimiter chitieu does not read
  const detail::csv_source source{path, what, encoding, delimiter, header_row, key_columns};
  csv_lines out;
  std::vector<std::string> columns;
  detail::cell_counts cells;
  out.header_line = detail::read_csv_records(
      text, source, columns, cells, [&](const detail::cell_counts&, long line) { out.rows.push_back(line); });
  return out;
}

}  // namespace chitieu

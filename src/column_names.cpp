// One name, one column: a header that names a column twice is refused (include/chitieu/column_names.hpp).
#include <chitieu/column_names.hpp>
#include <chitieu/error.hpp>
#include <chitieu/text_files.hpp>

#include "detail/table_start_hint.hpp"
#include "detail/white_space.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

namespace {

/// How the message names column `at`: its label when given, else its 1-based position.
std::string column_label(const std::vector<std::string>& labels, std::size_t at) {
  return at < labels.size() ? labels[at] : std::to_string(at + 1);
}

/// How many of `needed` the cells name (each cell trimmed).
std::size_t named_columns(const std::vector<std::string>& cells, const std::vector<std::string>& needed) {
  std::size_t named = 0;
  for (const std::string& n : needed)
    named += std::any_of(cells.begin(), cells.end(),
                         [&](const std::string& cell) { return detail::trim_white_space(cell) == n; });
  return named;
}

/// The parts of a CSV row's first cell (its only one: a line without the file's delimiter `delimiter`, its
/// other cells empty padding) at the delimiter detect_delimiter() finds in it, each without a pair of
/// enclosing double quotes; empty when that is `delimiter` itself.
std::vector<std::string> cells_at_own_delimiter(const std::string& cell, char delimiter) {
  const char own = detect_delimiter(cell);
  std::vector<std::string> parts;
  if (own == delimiter) return parts;
  for (std::size_t at = 0;;) {
    const std::size_t end = std::min(cell.find(own, at), cell.size());
    std::string_view part = detail::trim_white_space(std::string_view(cell).substr(at, end - at));
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') part = part.substr(1, part.size() - 2);
    parts.emplace_back(part);
    if (end == cell.size()) return parts;
    at = end + 1;
  }
}

}  // namespace

void check_column_names(const std::vector<std::string>& names, const std::string& file, long header_line,
                        const std::vector<std::string>& labels) {
  // Positions sorted by name, then by position: a repeat is next to its first use.
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
  std::size_t first = names.size(), second = names.size();
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (names[order[k]].empty() || names[order[k]] != names[order[k - 1]] || order[k] >= second) continue;
    first = order[k - 1];
    second = order[k];
  }
  if (second == names.size()) return;
  throw error("two columns are named '" + names[second] + "' (columns " + column_label(labels, first) +
                  " and " + column_label(labels, second) +
                  "); rename or remove one: chitieu does not choose which to read",
              file, header_line, names[second], static_cast<long>(second) + 1);
}

std::string missing_column_message(const std::string& name, const std::string& what,
                                   const std::vector<std::string>& needed,
                                   const std::vector<std::string>& found, const std::string& how,
                                   bool from_file_rows) {
  return missing_column_message(name, what, needed, found, how, from_file_rows, 0);
}

long header_row_below(const std::vector<std::vector<std::string>>& rows, const std::vector<long>& lines,
                      const std::vector<std::string>& needed) {
  return header_row_below(rows, lines, needed, 0);
}

long header_row_below(const std::vector<std::vector<std::string>>& rows, const std::vector<long>& lines,
                      const std::vector<std::string>& needed, char delimiter) {
  const std::size_t enough = std::min<std::size_t>(2, needed.size());
  const std::size_t searched = std::min({rows.size(), lines.size(), header_search_rows});
  for (std::size_t r = 0; r < searched; ++r) {
    std::size_t named = named_columns(rows[r], needed);
    const auto filled_after_first = [](const std::string& cell) { return !cell.empty(); };
    if (named < enough && delimiter != 0 && !rows[r].empty() &&
        std::none_of(rows[r].begin() + 1, rows[r].end(), filled_after_first))
      named = named_columns(cells_at_own_delimiter(rows[r].front(), delimiter), needed);
    if (enough > 0 && named >= enough) return lines[r];
  }
  return 0;
}

std::string missing_column_message(const std::string& name, const std::string& what,
                                   const std::vector<std::string>& needed,
                                   const std::vector<std::string>& found, const std::string& how,
                                   bool from_file_rows, long header_below) {
  const auto listed = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  const bool none_needed =
      from_file_rows && std::none_of(needed.begin(), needed.end(), [&](const std::string& n) {
        return std::find(found.begin(), found.end(), n) != found.end();
      });
  std::string hint;
  if (none_needed && header_below > 0) {
    const std::string row = std::to_string(header_below);
    hint = "; the header holds none of them, but row " + row + " names them: if it is the table's header, " +
           "give header_row=" + row + " (CLI --header-row " + row + ")";
  } else if (none_needed) {
    hint = std::string("; the header holds none of them: if the table starts lower, ") +
           detail::table_starts_lower_hint;
  }
  return "missing column '" + name + "'; " + what + " need the columns " + listed(needed) +
         " (found: " + (found.empty() ? "none" : listed(found)) + (how.empty() ? "" : "; " + how) + ")" +
         hint;
}

}  // namespace chitieu

// One name, one column: a header that names a column twice is refused (include/chitieu/column_names.hpp).
#include <chitieu/column_names.hpp>
#include <chitieu/error.hpp>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <vector>

namespace chitieu {

namespace {

/// How the message names column `at`: its label when given, else its 1-based position.
std::string column_label(const std::vector<std::string>& labels, std::size_t at) {
  return at < labels.size() ? labels[at] : std::to_string(at + 1);
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
  const auto listed = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  const bool none_needed =
      from_file_rows && std::none_of(needed.begin(), needed.end(), [&](const std::string& n) {
        return std::find(found.begin(), found.end(), n) != found.end();
      });
  return "missing column '" + name + "'; " + what + " need the columns " + listed(needed) +
         " (found: " + (found.empty() ? "none" : listed(found)) + (how.empty() ? "" : "; " + how) + ")" +
         (none_needed
              ? "; the header holds none of them: if the table starts lower, start each row above its "
                "header with # (a comment) or delete it"
              : "");
}

}  // namespace chitieu

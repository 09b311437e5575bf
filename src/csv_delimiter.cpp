// detect_delimiter() and delimiter_name(): the column delimiters of a CSV file.
#include <chitieu/error.hpp>
#include <chitieu/text_files.hpp>

#include "detail/line_ends.hpp"
#include "detail/white_space.hpp"

#include <array>
#include <cstddef>

namespace chitieu {
namespace {

/// The delimiters recognised, in the order that breaks a tie.
constexpr std::array<char, 3> delimiters = {',', ';', '\t'};

/// How many times `ch` occurs in `line` outside double quotes.
std::size_t count_outside_quotes(std::string_view line, char ch) {
  std::size_t n = 0;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (c == ch && !quoted)
      ++n;
  }
  return n;
}

}  // namespace

char detect_delimiter(std::string_view text) { return detect_delimiter(text, 0); }

char detect_delimiter(std::string_view text, long header_row) {
  std::size_t at = 0;
  for (long line_number = 1; at < text.size(); ++line_number) {
    const std::size_t eol = detail::find_line_end(text, at);
    const std::string_view line = text.substr(at, eol - at);
    at = eol + detail::line_end_length(text, eol);
    const std::string_view content = detail::trim_white_space(line);
    if (header_row > 0 ? line_number < header_row : content.empty() || content.front() == '#') continue;
    char best = delimiters.front();
    std::size_t most = 0;
    for (const char d : delimiters) {
      const std::size_t n = count_outside_quotes(line, d);
      if (n > most) {
        best = d;
        most = n;
      }
    }
    return best;
  }
  return delimiters.front();
}

std::string delimiter_name(char delimiter) {
  switch (delimiter) {
    case ',': return "comma ','";
    case ';': return "semicolon ';'";
    case '\t': return "tab";
    default:
      throw error(std::string("unknown delimiter '") + delimiter + "'; give ',', ';' or a tab", {}, 0,
                  "delimiter");
  }
}

}  // namespace chitieu

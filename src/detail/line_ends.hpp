/// @file line_ends.hpp
/// @brief The line ends of a text file as pandas reads a CSV file (namespace chitieu::detail):
/// `\r\n`, `\n` and a lone `\r` (old Mac Excel) each end a line, so that C++ and Python readers
/// split the same lines and number them alike.
#pragma once

#include <cstddef>
#include <string_view>

namespace chitieu::detail {

/// The length of the line end at `pos` of `text`: 2 for `\r\n`, 1 for `\n` or a lone `\r`, 0 when
/// there is none (or `pos` is past the end).
constexpr std::size_t line_end_length(std::string_view text, std::size_t pos) noexcept {
  if (pos >= text.size()) return 0;
  if (text[pos] == '\n') return 1;
  if (text[pos] != '\r') return 0;
  return pos + 1 < text.size() && text[pos + 1] == '\n' ? 2 : 1;
}

/// The position of the first line end of `text` at or after `from`; text.size() when none.
constexpr std::size_t find_line_end(std::string_view text, std::size_t from) noexcept {
  const std::size_t at = text.find_first_of("\r\n", from);
  return at == std::string_view::npos ? text.size() : at;
}

/// The 1-based line of `text` holding byte `offset`.
constexpr long line_of(std::string_view text, std::size_t offset) noexcept {
  long line = 1;
  for (std::size_t at = find_line_end(text, 0); at < offset; at = find_line_end(text, at)) {
    const std::size_t n = line_end_length(text, at);
    if (at + n > offset) break;  // `offset` is the `\n` of a `\r\n`: still on this line
    ++line;
    at += n;
  }
  return line;
}

}  // namespace chitieu::detail

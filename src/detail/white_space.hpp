/// @file white_space.hpp
/// @brief White space around a cell or line, as Python's str.strip() sees it (namespace
/// chitieu::detail), so that C++ and Python readers trim the same characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chitieu::detail {

/// True for the code points Python's str.isspace() accepts (ASCII spaces and controls 0x1C-0x1F,
/// NEL, no-break space, the Unicode spaces and line/paragraph separators).
constexpr bool is_white_space(std::uint32_t cp) noexcept {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

/// The length of the UTF-8 sequence that begins with byte `lead` (1 for a stray byte).
constexpr std::size_t sequence_length(unsigned char lead) noexcept {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/// The code point of the UTF-8 sequence of `n` bytes at `s`; U+FFFD (not white space) for bytes
/// that are not one well-formed sequence, so that text that is not UTF-8 loses nothing.
inline std::uint32_t code_point(const unsigned char* s, std::size_t n) noexcept {
  if (n == 1) return s[0] < 0x80 ? s[0] : 0xFFFD;
  if (n > 4 || sequence_length(s[0]) != n) return 0xFFFD;
  std::uint32_t cp = s[0] & (0x7Fu >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((s[k] & 0xC0u) != 0x80u) return 0xFFFD;
    cp = (cp << 6) | (s[k] & 0x3Fu);
  }
  return cp;
}

/// `s` (UTF-8) without leading and trailing white space (is_white_space()).
inline std::string_view trim_white_space(std::string_view s) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t begin = 0, end = s.size();
  while (begin < end) {
    const std::size_t n = sequence_length(b[begin]);
    if (begin + n > end || !is_white_space(code_point(b + begin, n))) break;
    begin += n;
  }
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (b[start] & 0xC0) == 0x80) --start;
    if (!is_white_space(code_point(b + start, end - start))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

}  // namespace chitieu::detail

/// @file number_text.hpp
/// @brief Numbers as chitieu's messages write them, whatever the locale.
#pragma once

#include <charconv>
#include <string>

namespace chitieu {

/// `v` as every message writes it: printf's `%.15g` form ("96.2", "1000000", "1e-12", "inf",
/// "nan"), always with a decimal point, whatever the global or C locale (std::to_chars).
inline std::string number_text(double v) {
  char text[32];  // %.15g needs at most 22 characters ("-1.23456789012345e-308")
  const auto end = std::to_chars(text, text + sizeof text, v, std::chars_format::general, 15).ptr;
  return std::string(text, end);
}

}  // namespace chitieu

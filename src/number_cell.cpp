// number_cell() and not_a_number_message(): the number-cell rule of every reader.
#include <chitieu/error.hpp>
#include <chitieu/number_cell.hpp>

#include "detail/white_space.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace chitieu {
namespace {

bool missing(std::string_view t) { return t.empty() || t == "NA" || t == "NaN" || t == "nan" || t == "N/A"; }

/// True for "inf" or "infinity" in any case, after an optional sign.
bool infinity_word(std::string_view t) {
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) t.remove_prefix(1);
  std::string lower(t);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "inf" || lower == "infinity";
}

bool number_character(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
}

}  // namespace

std::optional<double> number_cell(std::string_view cell, char decimal) {
  const std::string_view t = detail::trim_white_space(cell);
  if (missing(t)) return std::nan("");
  std::string text(t);
  if (decimal == ',') std::replace(text.begin(), text.end(), ',', '.');
  if (!std::all_of(text.begin(), text.end(), number_character) && !infinity_word(text)) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

void check_decimal_mark(std::string_view decimal) {
  if (decimal != "." && decimal != ",")
    throw error("unknown decimal mark '" + std::string(decimal) + "'; expected '.' or ','", {}, 0, "decimal");
}

std::string not_a_number_message(std::string_view cell, char decimal, char delimiter) {
  std::string hint =
      decimal == ',' ? "write digits with a comma for decimals as chosen by decimal=',' (CLI: --decimal ,), "
                       "or leave the cell empty"
                     : "write digits with a dot for decimals, or leave the cell empty";
  if (decimal != ',' && cell.find(',') != std::string_view::npos && delimiter != ',')
    hint += "; decimal=',' (CLI: --decimal ,) reads a decimal comma such as 85,3";
  return "'" + std::string(cell) + "' is not a number (" + hint + ")";
}

}  // namespace chitieu

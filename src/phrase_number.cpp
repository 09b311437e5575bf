// Numbers written the Vietnamese way (docs/phrase-grammar.md "Numbers"): a comma is the decimal
// mark; a dot followed by exactly three digits groups thousands; any other dot is a decimal point.
#include "phrase_text.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace chitieu {

namespace detail {

std::optional<number_token> phrase_cursor::accept_number() {
  skip_space();
  const std::u32string& s = text_.folded;
  const std::size_t begin = pos_;
  std::size_t p = pos_;
  std::string ascii;
  if (p + 1 < s.size() && (s[p] == U'-' || s[p] == U'\u2212') && is_digit(s[p + 1])) {
    ascii += '-';
    ++p;
  }
  if (p == s.size() || !is_digit(s[p])) return std::nullopt;
  auto read_digits = [&] {
    const std::size_t from = p;
    while (p < s.size() && is_digit(s[p])) ascii += static_cast<char>(s[p++]);
    return p - from;
  };
  read_digits();
  bool decimal = false;
  while (p + 1 < s.size() && (s[p] == U'.' || s[p] == U',') && is_digit(s[p + 1])) {
    const bool dot = s[p] == U'.';
    const std::size_t mark = p++;
    const std::size_t digits_from = ascii.size();
    const std::size_t group = read_digits();
    if (decimal)
      fail(begin, "a number with at most one decimal mark and no separator after it (position " +
                      std::to_string(mark) +
                      "): a comma is the decimal mark, a dot followed by "
                      "exactly three digits groups thousands, any other dot is a decimal point");
    if (!(dot && group == 3)) {
      ascii.insert(digits_from, ".");
      decimal = true;
    }
  }
  double value = 0;
  const auto [end_ptr, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
  if (ec != std::errc() || end_ptr != ascii.data() + ascii.size() || !std::isfinite(value))
    fail(begin, "a finite number");
  pos_ = p;
  return number_token{value, begin};
}

}  // namespace detail

double parse_number(std::string_view text) {
  const detail::phrase_text t = detail::normalise_phrase(text, "number");
  detail::phrase_cursor c(t, "number");
  const auto n = c.accept_number();
  if (!n)
    c.fail(c.pos(),
           "a number (digits, a comma as decimal mark, dots grouping thousands, e.g. "
           "13.500 or 65,11)");
  if (!c.at_end()) c.fail(c.pos(), "the end of the number");
  return n->value;
}

}  // namespace chitieu

// format_target: a target written back as the canonical phrase parse_target reads to the same target.
#include "phrase_change.hpp"

#include <chitieu/phrase.hpp>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

namespace chitieu {

namespace {

/// Shortest digits that read back to x, written positionally (no exponent, no thousands marks):
/// a decimal comma in Vietnamese; in English a decimal point, and a fraction of exactly three
/// digits gets a trailing 0 ("0.1250"), since a dot before three digits groups thousands.
std::string format_number(double x, bool vi) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  const std::string sci(buf, res.ptr);  // e.g. "-1.25e-01", "1.35e+04", "nan"
  const std::size_t e = sci.find('e');
  if (res.ec != std::errc() || e == std::string::npos) return sci;  // inf / nan: refused on re-read
  const bool negative = sci[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  const long exponent = std::strtol(sci.c_str() + e + 1, nullptr, 10);
  std::string whole, fraction;
  if (exponent >= 0) {
    const auto int_len = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= int_len) {
      whole = digits + std::string(int_len - digits.size(), '0');
    } else {
      whole = digits.substr(0, int_len);
      fraction = digits.substr(int_len);
    }
  } else {
    whole = "0";
    fraction = std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  }
  std::string out = (negative ? "-" : "") + whole;
  if (fraction.empty()) return out;
  if (!vi && fraction.size() == 3) fraction += '0';
  return out + (vi ? "," : ".") + fraction;
}

/// The unit as appended to a number: "%", "‰" and "/…" attach, words follow a space.
std::string unit_suffix(const std::string& unit) {
  if (unit.empty()) return {};
  if (unit[0] == '%' || unit[0] == '/' || unit.rfind("‰", 0) == 0) return unit;
  return " " + unit;
}

using detail::change_form;

/// The shortest magnitude, as written, that change_bound maps exactly to `bound`.
std::string change_number(double bound, change_form form, bool increase, bool vi) {
  const double guess = detail::change_magnitude(form, increase, bound);
  for (int precision = 1; precision <= 17; ++precision) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, guess, std::chars_format::general, precision);
    double x = 0;
    std::from_chars(buf, res.ptr, x);
    if (detail::change_bound(form, increase, x) == bound) return format_number(x, vi);
  }
  return format_number(guess, vi);  // no magnitude gives the bound: the read-back check refuses it
}

/// "tăng|giảm [bình quân] … %[/năm] [so với năm Y]": a relative target in percent or an
/// annual_change target, written as the size of the change with the verb giving its sign.
std::string change_phrase(const target& t, bool vi, change_form form) {
  const bool annual = form == change_form::annual;
  const double no_change = detail::change_bound(form, true, 0.0);
  // The direction says which verb (a zero-size "giảm 0 - 0" is a decrease although its bounds
  // are -0); only a direction of none leaves it to the bounds.
  const bool increase =
      t.dir != direction::none ? t.dir == direction::higher : t.lower && (!t.upper || *t.lower >= no_change);
  auto num = [&](double bound) { return change_number(bound, form, increase, vi); };
  std::string size;
  if (t.lower && t.upper) {
    size = (vi ? "từ " : "from ") + num(increase ? *t.lower : *t.upper) + (vi ? " đến " : " to ") +
           num(increase ? *t.upper : *t.lower);
  } else {
    const std::optional<double>& bound = increase ? t.lower : t.upper;
    if (!bound)
      throw std::invalid_argument("a " + std::string(to_string(t.kind)) +
                                  " target without bounds cannot be written as a phrase");
    const bool inclusive = increase ? t.lower_inclusive : t.upper_inclusive;
    size = (inclusive ? (vi ? "tối thiểu " : "at least ") : (vi ? "trên " : "above ")) + num(*bound);
  }
  const std::string verb = increase ? (vi ? "tăng " : "increase ") : (vi ? "giảm " : "decrease ");
  if (annual) return verb + (vi ? "bình quân " : "on average ") + size + (vi ? "%/năm" : "%/year");
  const std::string year = t.base_year ? std::to_string(*t.base_year) : std::string("?");
  return verb + size + (vi ? "% so với năm " + year : "% on the " + year + " level");
}

/// The numeric part of a threshold, range, approx or relative target.
std::string quantity_text(const target& t, bool vi) {
  const bool relative = t.kind == target_kind::relative;
  const std::string unit = unit_suffix(relative && !vi && t.unit == "lần" ? "times" : t.unit);
  auto num = [&](double x) { return format_number(x, vi) + unit; };
  const bool centred = t.kind == target_kind::approx || (relative && t.value && t.lower && t.upper);
  if (centred && t.value) return (vi ? "khoảng " : "about ") + num(*t.value);
  if (t.lower && t.upper)
    return (vi ? "từ " : "from ") + format_number(*t.lower, vi) + (vi ? " đến " : " to ") + num(*t.upper);
  if (t.lower)
    return (t.lower_inclusive ? (vi ? "tối thiểu " : "at least ") : (vi ? "trên " : "above ")) +
           num(*t.lower);
  if (t.upper)
    return (t.upper_inclusive ? (vi ? "tối đa " : "at most ") : (vi ? "dưới " : "below ")) + num(*t.upper);
  throw std::invalid_argument("a " + std::string(to_string(t.kind)) +
                              " target without bounds cannot be written as a phrase");
}

std::string body(const target& t, bool vi) {
  switch (t.kind) {
    case target_kind::milestone: return vi ? "hoàn thành" : "completed";
    case target_kind::sustained:
      if (t.lower || t.upper) return (vi ? "duy trì " : "sustained ") + quantity_text(t, vi);
      return vi ? "duy trì" : "sustained";
    case target_kind::annual_change: return change_phrase(t, vi, change_form::annual);
    case target_kind::qualitative: return vi ? "định tính" : "qualitative";
    case target_kind::cumulative: {
      if (!t.period || !t.lower)
        throw std::invalid_argument("a cumulative target needs a period and a lower bound to be written");
      const std::string from = std::to_string(t.period->first), to = std::to_string(t.period->second);
      return (vi ? "giai đoạn " + from + " - " + to + ": " : "total over " + from + "-" + to + ": ") +
             format_number(*t.lower, vi) + unit_suffix(t.unit);
    }
    case target_kind::relative: {
      if (t.unit == "%") return change_phrase(t, vi, change_form::relative_percent);
      const std::string year = t.base_year ? std::to_string(*t.base_year) : std::string("?");
      return quantity_text(t, vi) + (vi ? " so với năm " + year : " the " + year + " level");
    }
    default: return quantity_text(t, vi);
  }
}

}  // namespace

std::string format_target(const target& t, std::string_view lang) {
  if (lang != "vi" && lang != "en")
    throw std::invalid_argument("unknown language '" + std::string(lang) + "'; expected vi or en");
  const bool vi = lang == "vi";
  const std::string phrase = (t.aspirational ? (vi ? "phấn đấu " : "strive for ") : "") + body(t, vi);
  // The phrase is canonical only if it reads back to the same target: check, never guess.
  target back;
  try {
    back = parse_target(phrase, t.dir, t.tolerance);
  } catch (const error& e) {
    throw std::invalid_argument("target cannot be written as a phrase: \"" + phrase +
                                "\" does not read back (" + e.message() + ")");
  }
  back.text = t.text;
  if (back != t)
    throw std::invalid_argument("target cannot be written as a phrase: \"" + phrase +
                                "\" reads back as a different target (check its bounds, "
                                "inclusive flags, value, tolerance and unit against its kind)");
  return phrase;
}

}  // namespace chitieu

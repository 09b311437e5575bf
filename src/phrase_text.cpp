// NFC normalisation (utf8proc), character classes and the phrase cursor.
#include "phrase_text.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace chitieu::detail {

namespace {

const utf8proc_uint8_t* bytes(std::string_view s) noexcept {
  return reinterpret_cast<const utf8proc_uint8_t*>(s.data());
}

/// Decodes valid UTF-8 (already checked) into code points.
std::u32string decode(std::string_view s) {
  std::u32string out;
  utf8proc_ssize_t at = 0;
  const auto n = static_cast<utf8proc_ssize_t>(s.size());
  while (at < n) {
    utf8proc_int32_t cp = 0;
    at += utf8proc_iterate(bytes(s) + at, n - at, &cp);
    out.push_back(static_cast<char32_t>(cp));
  }
  return out;
}

/// Throws phrase_error at the first invalid UTF-8 sequence, if any.
void check_utf8(std::string_view s, const std::string& field) {
  utf8proc_ssize_t at = 0;
  std::size_t count = 0;
  const auto n = static_cast<utf8proc_ssize_t>(s.size());
  while (at < n) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(bytes(s) + at, n - at, &cp);
    if (len < 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X",
                    static_cast<unsigned>(static_cast<unsigned char>(s[static_cast<std::size_t>(at)])));
      throw phrase_error(std::string(s.substr(0, static_cast<std::size_t>(at))), count, hex,
                         "valid UTF-8 text", field);
    }
    at += len;
    ++count;
  }
}

}  // namespace

phrase_text normalise_phrase(std::string_view utf8, const std::string& field) {
  check_utf8(utf8, field);
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t len =
      utf8proc_map(bytes(utf8), static_cast<utf8proc_ssize_t>(utf8.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (len < 0)
    throw phrase_error(std::string(utf8), 0, "",
                       std::string("NFC-normalisable text (utf8proc: ") + utf8proc_errmsg(len) + ")", field);
  phrase_text t;
  t.nfc.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
  t.chars = decode(t.nfc);
  t.folded.reserve(t.chars.size());
  for (char32_t c : t.chars)
    t.folded.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
  return t;
}

bool is_space(char32_t c) noexcept {
  if (c == U'\t' || c == U'\n' || c == U'\v' || c == U'\f' || c == U'\r') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return true;
    default: return false;
  }
}

bool is_letter(char32_t c) noexcept {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return true;
    default: return false;
  }
}

std::string to_utf8(std::u32string_view cps) {
  std::string out;
  utf8proc_uint8_t buf[4];
  for (char32_t c : cps) {
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
  return out;
}

void phrase_cursor::skip_space() noexcept {
  while (pos_ < text_.folded.size() && is_space(text_.folded[pos_])) ++pos_;
}

bool phrase_cursor::at_end() noexcept {
  skip_space();
  return pos_ == text_.folded.size();
}

bool phrase_cursor::accept(std::u32string_view pattern) noexcept {
  skip_space();
  const std::u32string& s = text_.folded;
  std::size_t p = pos_;
  for (char32_t want : pattern) {
    if (want == U' ') {
      if (p == s.size() || !is_space(s[p])) return false;
      while (p < s.size() && is_space(s[p])) ++p;
    } else {
      if (p == s.size() || s[p] != want) return false;
      ++p;
    }
  }
  if (!pattern.empty() && is_letter(pattern.back()) && p < s.size() && is_letter(s[p])) return false;
  pos_ = p;
  return true;
}

std::optional<std::u32string> phrase_cursor::accept_letters() noexcept {
  skip_space();
  const std::u32string& s = text_.folded;
  std::size_t p = pos_;
  while (p < s.size() && is_letter(s[p])) ++p;
  if (p == pos_) return std::nullopt;
  std::u32string word = s.substr(pos_, p - pos_);
  pos_ = p;
  return word;
}

void phrase_cursor::fail(std::size_t at, const std::string& expected) const {
  throw phrase_error(text_.nfc, at, word_at(at), expected, field_);
}

std::string phrase_cursor::word_at(std::size_t at) const {
  const std::u32string& s = text_.chars;
  std::size_t p = at;
  auto is_sign = [&](std::size_t i) {
    return i + 1 < s.size() && (s[i] == U'-' || s[i] == U'\u2212') && is_digit(s[i + 1]);
  };
  auto is_number_char = [&](std::size_t i) {
    return is_digit(s[i]) ||
           ((s[i] == U'.' || s[i] == U',') && i > at && i + 1 < s.size() && is_digit(s[i + 1]));
  };
  if (p >= s.size()) return {};
  if (is_letter(s[p])) {
    while (p < s.size() && is_letter(s[p])) ++p;
  } else if (is_digit(s[p]) || is_sign(p)) {
    ++p;
    while (p < s.size() && is_number_char(p)) ++p;
  } else {
    while (p < s.size() && !is_space(s[p]) && !is_letter(s[p]) && !is_digit(s[p])) ++p;
  }
  return to_utf8(std::u32string_view(s).substr(at, p - at));
}

}  // namespace chitieu::detail

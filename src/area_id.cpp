// The area id rule (utf8proc for UTF-8, categories and NFC).
#include <chitieu/area_id.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace chitieu {

namespace {

constexpr std::size_t max_area_id_bytes = 64;

const utf8proc_uint8_t* bytes(std::string_view s) noexcept {
  return reinterpret_cast<const utf8proc_uint8_t*>(s.data());
}

bool is_white(utf8proc_int32_t cp) noexcept {
  const auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
         (cp >= 0x09 && cp <= 0x0D);
}

std::string hex(utf8proc_int32_t cp) {
  char out[16];
  std::snprintf(out, sizeof out, "U+%04X", static_cast<unsigned>(cp));
  return out;
}

/// True when the (valid UTF-8) text is unchanged by NFC normalisation. ASCII text always is (no
/// ASCII character decomposes or composes), so only other text goes through utf8proc.
bool is_nfc(std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return true;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t len =
      utf8proc_map(bytes(s), static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return len >= 0 &&
         std::string_view(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len)) == s;
}

}  // namespace

std::string area_id_problem(std::string_view id) {
  if (id.empty()) return "an area id cannot be empty";
  if (id.size() > max_area_id_bytes)
    return "'" + std::string(id) + "' is " + std::to_string(id.size()) +
           " bytes long; an area id has at most 64 bytes";
  const auto n = static_cast<utf8proc_ssize_t>(id.size());
  utf8proc_ssize_t at = 0;
  bool first = true;
  utf8proc_int32_t last = 0;
  while (at < n) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(bytes(id) + at, n - at, &cp);
    if (len < 0) return "the area id is not valid UTF-8 text (byte " + std::to_string(at + 1) + ")";
    if (first && is_white(cp))
      return "'" + std::string(id) + "' begins with white space; write the id without surrounding spaces";
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC)
      return "the area id contains the control character " + hex(cp) + "; remove it (ids are plain text)";
    first = false;
    last = cp;
    at += len;
  }
  if (is_white(last))
    return "'" + std::string(id) + "' ends with white space; write the id without surrounding spaces";
  if (!is_nfc(id))
    return "'" + std::string(id) +
           "' is not in Unicode NFC (composed) form; save the text as NFC (the same letters, "
           "composed), so that equal-looking ids are equal";
  return {};
}

}  // namespace chitieu

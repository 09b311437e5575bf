// decode_text(): the bytes of a text file as UTF-8 (given or detected encoding, Windows-1258 by
// its code page, NFC by utf8proc, TCVN3 refused).
#include <chitieu/error.hpp>
#include <chitieu/text_files.hpp>

#include <utf8proc.h>

#include "detail/line_ends.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

namespace chitieu {
namespace {

enum class text_encoding { utf8, cp1258 };

// Windows-1258 (the published code page of Vietnamese Windows), bytes 0x80-0xFF as Unicode code
// points; 0 marks the nine bytes the code page leaves undefined. Bytes below 0x80 are ASCII.
// 0xCC, 0xD2, 0xDE, 0xEC and 0xF2 are the combining tone marks (grave, hook, tilde, acute, dot).
constexpr std::array<std::uint16_t, 128> cp1258_upper = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
    0x02C6, 0x2030, 0x0000, 0x2039, 0x0152, 0x0000, 0x0000, 0x0000,  // 0x88
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
    0x02DC, 0x2122, 0x0000, 0x203A, 0x0153, 0x0000, 0x0000, 0x0178,  // 0x98
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,  // 0xA0
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // 0xA8
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  // 0xB0
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,  // 0xB8
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,  // 0xC0
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,  // 0xC8
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,  // 0xD0
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,  // 0xD8
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,  // 0xE0
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,  // 0xE8
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,  // 0xF0
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,  // 0xF8
};

// TCVN3 (ABC) letters read as Windows-1258: ¸ (á), µ (à), ¶ (ả), · (ã), ¹ (ạ), Ë (ế), ª (ê),
// © (â), ® (đ), « (ô), ¬ (ơ), soft hyphen (ư). Many of them among the non-ASCII letters is TCVN3.
constexpr std::string_view tcvn3_marks = "\xB8\xB5\xB6\xB7\xB9\xCB\xAA\xA9\xAE\xAB\xAC\xAD";

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// The encoding named `name` ("utf-8", "UTF8", "utf_8_sig", "cp1258", "windows-1258", ...).
std::optional<text_encoding> encoding_named(const std::string& name) {
  std::string key;
  for (const char c : name)
    key += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key == "utf-8" || key == "utf8" || key == "u8" || key == "utf" || key == "utf-8-sig" ||
      key == "utf8-sig")
    return text_encoding::utf8;
  if (key == "cp1258" || key == "windows-1258" || key == "1258") return text_encoding::cp1258;
  return std::nullopt;
}

const utf8proc_uint8_t* as_utf8proc(std::string_view s) noexcept {
  return reinterpret_cast<const utf8proc_uint8_t*>(s.data());
}

/// How many bytes from the start of `bytes` are ASCII (read eight at a time: the bulk of a CSV).
std::size_t ascii_prefix(std::string_view bytes) noexcept {
  std::size_t at = 0;
  for (std::uint64_t word = 0; at + 8 <= bytes.size(); at += 8) {
    std::memcpy(&word, bytes.data() + at, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (at < bytes.size() && static_cast<unsigned char>(bytes[at]) < 0x80) ++at;
  return at;
}

/// The offset of the first byte of `bytes` that does not begin valid UTF-8, or nothing.
std::optional<std::size_t> invalid_utf8_at(std::string_view bytes) {
  std::size_t at = 0;
  while ((at += ascii_prefix(bytes.substr(at))) < bytes.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len =
        utf8proc_iterate(as_utf8proc(bytes) + at, static_cast<utf8proc_ssize_t>(bytes.size() - at), &cp);
    if (len < 0) return at;
    at += static_cast<std::size_t>(len);
  }
  return std::nullopt;
}

/// `bytes` read as Windows-1258 into UTF-8, or the offset of the first undefined byte.
std::optional<std::size_t> cp1258_to_utf8(std::string_view bytes, std::string& out) {
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 4);
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    const auto b = static_cast<unsigned char>(bytes[k]);
    if (b < 0x80) {
      out += static_cast<char>(b);
      continue;
    }
    const std::uint16_t cp = cp1258_upper[b - 0x80];
    if (cp == 0) return k;
    utf8proc_uint8_t encoded[4];
    const utf8proc_ssize_t len = utf8proc_encode_char(cp, encoded);
    out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(len));
  }
  return std::nullopt;
}

/// True when the bytes, read as Windows-1258, carry many letters TCVN3 uses for Vietnamese ones:
/// at least three, and at least a quarter of the non-ASCII characters.
bool looks_tcvn3(std::string_view bytes) {
  std::size_t marks = 0, non_ascii = 0;
  for (const char c : bytes) {
    if (static_cast<unsigned char>(c) < 0x80) continue;
    ++non_ascii;
    if (tcvn3_marks.find(c) != std::string_view::npos) ++marks;
  }
  return marks >= 3 && marks * 4 >= non_ascii;
}

/// `text` (valid UTF-8) in Unicode normalisation form C.
std::string nfc(const std::string& text) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t len =
      utf8proc_map(as_utf8proc(text), static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (len < 0) return text;  // cannot happen: the text was just encoded from code points
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
}

[[noreturn]] void throw_undecodable(std::string_view bytes, std::size_t offset, const std::string& tried,
                                    const std::string& path) {
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X",
                static_cast<unsigned>(static_cast<unsigned char>(bytes[offset])));
  throw error(std::string("byte ") + byte + " cannot be read as " + tried +
                  "; the file is in another encoding: give it with encoding= (CLI: --encoding), e.g. utf-8 "
                  "or cp1258 (Windows-1258, Vietnamese Windows), or save the file as UTF-8",
              path, detail::line_of(bytes, offset), "encoding");
}

/// `bytes` read as Windows-1258, NFC; TCVN3-looking text refused.
decoded_text from_cp1258(std::string_view bytes, const std::string& path, const std::string& tried) {
  decoded_text out{{}, "cp1258"};
  if (const auto bad = cp1258_to_utf8(bytes, out.text)) throw_undecodable(bytes, *bad, tried, path);
  if (looks_tcvn3(bytes))
    throw error(
        "the text looks like the legacy TCVN3 (ABC) encoding, which chitieu does not read; convert the file "
        "to Unicode (e.g. with UniKey's converter) and save it as UTF-8",
        path, 0, "encoding");
  out.text = nfc(out.text);
  return out;
}

}  // namespace

decoded_text decode_text(std::string_view bytes, const std::string& path, const std::string& encoding) {
  std::optional<text_encoding> chosen;
  if (!encoding.empty()) {
    chosen = encoding_named(encoding);
    if (!chosen)
      throw error("unknown encoding '" + encoding + "'; give utf-8, utf-8-sig or cp1258 (Windows-1258)", path,
                  0, "encoding");
  }
  if (chosen == text_encoding::cp1258) return from_cp1258(bytes, path, "Windows-1258");
  const std::string_view body = bytes.substr(0, byte_order_mark.size()) == byte_order_mark
                                    ? bytes.substr(byte_order_mark.size())
                                    : bytes;
  const auto bad = invalid_utf8_at(body);
  if (!bad) return decoded_text{std::string(body), "utf-8"};
  if (chosen == text_encoding::utf8)
    throw_undecodable(bytes, *bad + (bytes.size() - body.size()), "UTF-8", path);
  return from_cp1258(bytes, path, "UTF-8 or Windows-1258");
}

}  // namespace chitieu

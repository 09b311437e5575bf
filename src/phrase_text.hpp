// Internals of the target-phrase parser: NFC text, a cursor over it, number scanning.
#pragma once

#include <chitieu/phrase.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chitieu::detail {

/// A phrase normalised to NFC: its UTF-8, its code points, and the code points lower-cased
/// one for one (so positions in `folded` are positions in `chars`).
struct phrase_text {
  std::string nfc;        ///< NFC UTF-8
  std::u32string chars;   ///< code points of nfc
  std::u32string folded;  ///< lower-cased code points, same length as chars
};

/// Normalises UTF-8 to NFC and lower-cases it; throws phrase_error (with `field`) on bad UTF-8.
phrase_text normalise_phrase(std::string_view utf8, const std::string& field);

/// Unicode white space (category Z* and the ASCII controls \t \n \v \f \r).
bool is_space(char32_t c) noexcept;
/// Unicode letters and combining marks (categories L* and M*).
bool is_letter(char32_t c) noexcept;
/// ASCII digits 0-9.
constexpr bool is_digit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }
/// UTF-8 of a run of code points.
std::string to_utf8(std::u32string_view cps);

/// A number read from a phrase: its value and where it stood.
struct number_token {
  double value;       ///< the number
  std::size_t begin;  ///< first code point
};

/// A reading position in a phrase, with the matching and error helpers of the grammar.
class phrase_cursor {
 public:
  /// A cursor at the start of `text`; errors name `field`.
  phrase_cursor(const phrase_text& text, std::string field) : text_(text), field_(std::move(field)) {}

  /// The current position (code points).
  std::size_t pos() const noexcept { return pos_; }
  /// Moves to a position.
  void seek(std::size_t p) noexcept { pos_ = p; }
  /// Skips white space.
  void skip_space() noexcept;
  /// True at the end of the phrase (after skipping white space).
  bool at_end() noexcept;
  /// After white space, matches `pattern` (lower case; a space matches any white-space run;
  /// a pattern ending in a letter must end a word) and moves past it. False leaves pos unchanged.
  bool accept(std::u32string_view pattern) noexcept;
  /// After white space, reads a run of letters (one word) and moves past it.
  std::optional<std::u32string> accept_letters() noexcept;
  /// After white space, reads a number (docs/phrase-grammar.md "Numbers") and moves past it;
  /// empty when no number starts here; throws phrase_error for a malformed one.
  std::optional<number_token> accept_number();
  /// Throws phrase_error at `at` naming the word there and what was `expected`.
  [[noreturn]] void fail(std::size_t at, const std::string& expected) const;
  /// The word (letters, a number, or a run of symbols) starting at `at`; empty at the end.
  std::string word_at(std::size_t at) const;

 private:
  const phrase_text& text_;
  std::string field_;
  std::size_t pos_ = 0;
};

}  // namespace chitieu::detail

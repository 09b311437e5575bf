/// @file phrase.hpp
/// @brief Target phrases: reading a plan's words into a target and writing a target back
/// (grammar and semantics in docs/phrase-grammar.md).
#pragma once

#include <chitieu/direction.hpp>
#include <chitieu/error.hpp>
#include <chitieu/export.hpp>
#include <chitieu/target.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace chitieu {

/// A phrase that could not be read: where, which word, what was expected.
///
/// what() reads `target: cannot read "abc" at position 13 of "…": expected …`.
class CHITIEU_API phrase_error : public error {
 public:
  /// Builds the error for `phrase` (NFC-normalised) at code-point `position`, where `word` stood
  /// (empty at the end of the phrase) and `expected` says what would have been readable there.
  phrase_error(const std::string& phrase, std::size_t position, std::string word, std::string expected,
               std::string field = "target")
      : error(compose(phrase, position, word, expected), {}, 0, std::move(field)),
        position_(position),
        word_(std::move(word)),
        expected_(std::move(expected)) {}

  /// 0-based character (code point) offset in the NFC-normalised phrase.
  std::size_t position() const noexcept { return position_; }
  /// The word that could not be read; empty when the phrase ended too early.
  const std::string& word() const noexcept { return word_; }
  /// What would have been readable at that position.
  const std::string& expected() const noexcept { return expected_; }

 private:
  static std::string compose(const std::string& phrase, std::size_t position, const std::string& word,
                             const std::string& expected) {
    const std::string what = word.empty() ? "the end of the phrase" : "\"" + word + "\"";
    return "cannot read " + what + " at position " + std::to_string(position) + " of \"" + phrase +
           "\": expected " + expected;
  }

  std::size_t position_;
  std::string word_;
  std::string expected_;
};

/// Parses a target phrase as a plan words it (docs/phrase-grammar.md). `dir` is the indicator's
/// direction: it gives a bare number its sense, and a comparator or verb that contradicts it is
/// refused. Without it the words imply the direction (dưới, giảm → lower; trên, tăng → higher;
/// a range or band → none) and a bare number is refused. `tolerance` overrides the approx
/// half-width (default 1 % of |x|) and is refused for other forms.
/// Throws phrase_error for a phrase it cannot read, chitieu::error for a bad tolerance.
CHITIEU_API target parse_target(std::string_view phrase, std::optional<direction> dir = std::nullopt,
                                std::optional<double> tolerance = std::nullopt);

/// Writes a target back as a canonical phrase, lang "vi" or "en", that parse_target reads back
/// to the same target (all fields but `text`). Throws std::invalid_argument for an unknown
/// language or a target no phrase can express (e.g. a threshold with two bounds).
CHITIEU_API std::string format_target(const target& t, std::string_view lang = "vi");

/// Parses a number written the Vietnamese way: a comma is the decimal mark, a dot followed by
/// exactly three digits groups thousands, any other dot is a decimal point; an optional leading
/// minus sign. Throws phrase_error (field "number") when the text is not exactly one number.
CHITIEU_API double parse_number(std::string_view text);

}  // namespace chitieu

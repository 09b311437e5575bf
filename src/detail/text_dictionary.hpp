/// @file text_dictionary.hpp
/// @brief The dictionary of an id column: texts numbered 0, 1, 2, … in order of first
/// appearance (as pandas.factorize and Arrow's dictionary_encode number them), one hash lookup
/// a text and none for a text equal to the one before it.
#pragma once

#include "parallel.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::detail {

/// Texts numbered in order of first appearance (an open-addressing hash table over a buffer of
/// the distinct texts). Aligned to a cache line: dictionaries side by side, each written by its
/// own thread (number_texts), share no line.
class alignas(64) text_dictionary {
 public:
  /// The code of `t`: the next free code the first time it is seen, its code after that. Tried
  /// first without hashing: the text looked up last, then the text that followed it the last
  /// time (ids repeating in a cycle, as the indicators of one area in a table, hit it).
  std::int32_t code(std::string_view t) {
    if (last_ >= 0) {
      if (same(t, text(static_cast<std::size_t>(last_)))) return last_;
      const std::int32_t next = next_[static_cast<std::size_t>(last_)];
      if (next >= 0 && same(t, text(static_cast<std::size_t>(next)))) return last_ = next;
    }
    const std::int32_t c = hashed_code(t);
    if (last_ >= 0) next_[static_cast<std::size_t>(last_)] = c;
    return last_ = c;
  }

  /// The number of distinct texts seen.
  std::size_t size() const noexcept { return starts_.size() - 1; }

  /// The text of code `c` (below size()).
  std::string_view text(std::size_t c) const noexcept {
    return {chars_.data() + starts_[c], starts_[c + 1] - starts_[c]};
  }

  /// The texts, by code.
  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    out.reserve(size());
    for (std::size_t c = 0; c < size(); ++c) out.emplace_back(text(c));
    return out;
  }

 private:
  struct slot {
    std::uint64_t hash = 0;  // the text's hash
    std::int32_t code = -1;  // -1: empty
  };

  /// Eight bytes of memory, as one number.
  static std::uint64_t word(const char* p) noexcept {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }

  /// Four bytes of memory, as one number.
  static std::uint64_t half_word(const char* p) noexcept {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  }

  /// True when two texts are equal, compared eight bytes (or four) at a time in line: ids are
  /// short, and a call to memcmp costs more than the comparison.
  static bool same(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char *p = a.data(), *q = b.data();
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8)
        if (word(p + i) != word(q + i)) return false;
      return word(p + n - 8) == word(q + n - 8);
    }
    if (n >= 4) return half_word(p) == half_word(q) && half_word(p + n - 4) == half_word(q + n - 4);
    for (std::size_t i = 0; i < n; ++i)
      if (p[i] != q[i]) return false;
    return true;
  }

  /// A 64-bit hash of a text: eight bytes at a time, each folded in by one multiplication, the
  /// last (partial) word read as the eight bytes ending the text (or two overlapping four-byte
  /// reads, or three bytes), so no read has a length known only at run time; then mixed so that
  /// every byte reaches the low bits (the slot).
  static std::uint64_t hash(std::string_view text) noexcept {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
    const char* p = text.data();
    const std::size_t n = text.size();
    std::uint64_t h = (n + 1) * k;
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) h = (h ^ word(p + i)) * k;
      h = (h ^ word(p + n - 8)) * k;
    } else if (n >= 4) {
      h = (h ^ (half_word(p) | half_word(p + n - 4) << 32)) * k;
    } else if (n > 0) {
      h = (h ^ (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
                static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
                static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16)) *
          k;
    }
    h ^= h >> 32;
    h *= k;
    return h ^ (h >> 29);
  }

  /// The code of `t` found (or added) in the hash table.
  std::int32_t hashed_code(std::string_view t) {
    if (2 * (size() + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(t);
    for (std::size_t s = static_cast<std::size_t>(h) & (slots_.size() - 1);;
         s = (s + 1) & (slots_.size() - 1)) {
      const slot& at = slots_[s];
      if (at.code < 0) {
        slots_[s] = {h, static_cast<std::int32_t>(size())};
        chars_.append(t);
        starts_.push_back(chars_.size());
        next_.push_back(-1);
        return slots_[s].code;
      }
      if (at.hash == h && same(t, text(static_cast<std::size_t>(at.code)))) return at.code;
    }
  }

  /// Doubles the table (at least 64 slots) and puts every code back.
  void grow() {
    std::vector<slot> bigger(slots_.empty() ? 64 : 2 * slots_.size());
    for (const slot& at : slots_) {
      if (at.code < 0) continue;
      std::size_t s = static_cast<std::size_t>(at.hash) & (bigger.size() - 1);
      while (bigger[s].code >= 0) s = (s + 1) & (bigger.size() - 1);
      bigger[s] = at;
    }
    slots_.swap(bigger);
  }

  std::vector<slot> slots_;
  std::string chars_;                   // the distinct texts, one after another
  std::vector<std::size_t> starts_{0};  // text c is chars_[starts_[c], starts_[c + 1])
  std::vector<std::int32_t> next_;      // per code: the code looked up after it last time (-1: none)
  std::int32_t last_ = -1;              // the code of the text looked up last (-1: none)
};

/// Numbers the n rows of a text column in order of first appearance on up to `threads` threads
/// and returns the dictionary (the texts by code). `number_rows(first, last, dictionary, out)`
/// writes the codes of rows [first, last) to out[first..last) from `dictionary` (-1 for a
/// missing row). Each thread numbers a contiguous share of the rows in a dictionary of its own;
/// the shares' dictionaries are then merged in order (a text keeps the code of its first share)
/// and the later shares' codes renumbered, so the codes are those of one pass over the rows.
template <class NumberRows>
std::vector<std::string> number_texts(std::size_t n, unsigned threads, NumberRows&& number_rows,
                                      std::int32_t* out) {
  const unsigned shares = thread_count(threads, n, 65536);
  const auto first_row = [&](std::size_t share) { return n * share / shares; };
  std::vector<text_dictionary> dictionaries(shares);
  run_chunks(shares, shares,
             [&](std::size_t c) { number_rows(first_row(c), first_row(c + 1), dictionaries[c], out); });
  text_dictionary& merged = dictionaries[0];
  std::vector<std::vector<std::int32_t>> renumbered(shares);
  for (std::size_t c = 1; c < shares; ++c)
    for (std::size_t code = 0; code < dictionaries[c].size(); ++code)
      renumbered[c].push_back(merged.code(dictionaries[c].text(code)));
  run_chunks(shares, shares, [&](std::size_t c) {
    if (c == 0) return;
    for (std::size_t r = first_row(c); r < first_row(c + 1); ++r)
      if (out[r] >= 0) out[r] = renumbered[c][static_cast<std::size_t>(out[r])];
  });
  return merged.ids();
}

}  // namespace chitieu::detail

/// @file arrow_c_data.hpp
/// @brief The two structs of the Arrow C data interface (an ABI fixed by Arrow's specification,
/// declared as the specification asks, under its include guard), and the text columns read
/// through them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

/// The type of an exported Arrow array (Arrow C data interface).
struct ArrowSchema {
  const char* format;
  const char* name;
  const char* metadata;
  int64_t flags;
  int64_t n_children;
  struct ArrowSchema** children;
  struct ArrowSchema* dictionary;
  void (*release)(struct ArrowSchema*);
  void* private_data;
};

/// The buffers of an exported Arrow array (Arrow C data interface).
struct ArrowArray {
  int64_t length;
  int64_t null_count;
  int64_t offset;
  int64_t n_buffers;
  int64_t n_children;
  const void** buffers;
  struct ArrowArray** children;
  struct ArrowArray* dictionary;
  void (*release)(struct ArrowArray*);
  void* private_data;
};

#endif  // ARROW_C_DATA_INTERFACE

namespace chitieu::python {

/// True when row i (the array's offset applied) of an exported Arrow array is null.
inline bool arrow_is_null(const ArrowArray& a, std::int64_t i) noexcept {
  const auto* validity = static_cast<const std::uint8_t*>(a.buffers[0]);
  if (validity == nullptr) return false;
  const std::int64_t bit = a.offset + i;
  return ((validity[bit >> 3] >> (bit & 7)) & 1) == 0;
}

/// The layouts of Arrow text: utf8 (32-bit offsets, format "u"), large_utf8 (64-bit offsets,
/// "U") and utf8_view (16-byte views, "vu").
enum class arrow_text_layout { utf8, large_utf8, utf8_view };

/// Reads the texts of one exported Arrow text array, row by row (the array's offset applied).
class arrow_text_reader {
 public:
  /// Binds an array of `layout`.
  arrow_text_reader(const ArrowArray& a, arrow_text_layout layout) : a_(a), layout_(layout) {}

  /// True when row i is null.
  bool is_null(std::int64_t i) const noexcept { return arrow_is_null(a_, i); }

  /// The text of row i (not null).
  std::string_view text(std::int64_t i) const noexcept {
    const std::int64_t at = a_.offset + i;
    if (layout_ == arrow_text_layout::utf8) {
      const auto* offsets = static_cast<const std::int32_t*>(a_.buffers[1]);
      return {static_cast<const char*>(a_.buffers[2]) + offsets[at],
              static_cast<std::size_t>(offsets[at + 1] - offsets[at])};
    }
    if (layout_ == arrow_text_layout::large_utf8) {
      const auto* offsets = static_cast<const std::int64_t*>(a_.buffers[1]);
      return {static_cast<const char*>(a_.buffers[2]) + offsets[at],
              static_cast<std::size_t>(offsets[at + 1] - offsets[at])};
    }
    // A view: length, then the text itself when it has at most 12 bytes, else a 4-byte prefix,
    // the index of the data buffer (after the validity and view buffers) and the offset in it.
    const char* view = static_cast<const char*>(a_.buffers[1]) + 16 * at;
    std::int32_t length, buffer, offset;
    std::memcpy(&length, view, 4);
    if (length <= 12) return {view + 4, static_cast<std::size_t>(length)};
    std::memcpy(&buffer, view + 8, 4);
    std::memcpy(&offset, view + 12, 4);
    return {static_cast<const char*>(a_.buffers[2 + buffer]) + offset, static_cast<std::size_t>(length)};
  }

 private:
  const ArrowArray& a_;
  arrow_text_layout layout_;
};

}  // namespace chitieu::python

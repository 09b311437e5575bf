/// @file arrow_chunks.hpp
/// @brief The chunks of an Arrow column handed over as the pairs of capsules that
/// `__arrow_c_array__()` gives (Arrow PyCapsule interface), checked and opened; number chunks
/// read into doubles.
#pragma once

#include "arrow_c_data.hpp"

#include <chitieu/error.hpp>

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::python {

/// One chunk of an Arrow column: its type and its buffers.
struct arrow_chunk {
  const ArrowSchema* schema;  ///< the chunk's type
  const ArrowArray* array;    ///< the chunk's buffers
};

/// The chunks of a column given as a list of (arrow_schema, arrow_array) capsule pairs;
/// chitieu::error (its message starting with `what`, its field `field`) at the first chunk that is
/// not such a pair.
inline std::vector<arrow_chunk> arrow_chunks(const pybind11::list& chunks, const std::string& what,
                                             const char* field) {
  std::vector<arrow_chunk> out;
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    const pybind11::handle c = chunks[k];
    const bool pair = pybind11::isinstance<pybind11::tuple>(c) && pybind11::len(c) == 2;
    const pybind11::tuple capsules = pair ? c.cast<pybind11::tuple>() : pybind11::tuple();
    if (!pair || !PyCapsule_IsValid(capsules[0].ptr(), "arrow_schema") ||
        !PyCapsule_IsValid(capsules[1].ptr(), "arrow_array"))
      throw error(what + ": chunk " + std::to_string(k) +
                      " is not the pair of capsules (arrow_schema, arrow_array) that __arrow_c_array__() "
                      "gives; pass chunk.__arrow_c_array__() for each chunk",
                  {}, 0, field);
    out.push_back({static_cast<const ArrowSchema*>(PyCapsule_GetPointer(capsules[0].ptr(), "arrow_schema")),
                   static_cast<const ArrowArray*>(PyCapsule_GetPointer(capsules[1].ptr(), "arrow_array"))});
  }
  return out;
}

/// The rows of all the chunks.
inline std::size_t arrow_rows(const std::vector<arrow_chunk>& chunks) noexcept {
  std::size_t rows = 0;
  for (const arrow_chunk& c : chunks) rows += static_cast<std::size_t>(c.array->length);
  return rows;
}

/// Writes the rows of an Arrow array of element type T to out[0, length) as doubles, NaN for nulls.
template <class T>
void read_arrow_numbers(const ArrowArray& a, double* out) noexcept {
  const T* data = static_cast<const T*>(a.buffers[1]) + a.offset;
  const bool nulls = a.null_count != 0 && a.buffers[0] != nullptr;
  for (std::int64_t i = 0; i < a.length; ++i)
    out[i] = nulls && arrow_is_null(a, i) ? std::numeric_limits<double>::quiet_NaN()
                                          : static_cast<double>(data[i]);
}

/// A reader of an Arrow number array into doubles (read_arrow_numbers<T>).
using arrow_number_reader = void (*)(const ArrowArray&, double*) noexcept;

/// The reader of an Arrow number format (int8–64, uint8–64, float32, float64); chitieu::error
/// (its message starting with `what`, its field `field`) for any other format.
inline arrow_number_reader number_reader_of(const ArrowSchema& schema, const std::string& what,
                                            const char* field) {
  const std::string_view format = schema.format;
  if (format == "c") return &read_arrow_numbers<std::int8_t>;
  if (format == "s") return &read_arrow_numbers<std::int16_t>;
  if (format == "i") return &read_arrow_numbers<std::int32_t>;
  if (format == "l") return &read_arrow_numbers<std::int64_t>;
  if (format == "C") return &read_arrow_numbers<std::uint8_t>;
  if (format == "S") return &read_arrow_numbers<std::uint16_t>;
  if (format == "I") return &read_arrow_numbers<std::uint32_t>;
  if (format == "L") return &read_arrow_numbers<std::uint64_t>;
  if (format == "f") return &read_arrow_numbers<float>;
  if (format == "g") return &read_arrow_numbers<double>;
  throw error(what + ": an Arrow array of format '" + std::string(format) +
                  "' is not numbers; give integers (8 to 64 bits) or floats (32 or 64 bits)",
              {}, 0, field);
}

}  // namespace chitieu::python

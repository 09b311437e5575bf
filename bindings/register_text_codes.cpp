// Python binding of the dictionary codes of Arrow text columns: ids numbered in order of first
// appearance by the C++ text dictionary (the one the CSV reader numbers ids with), read straight
// from the Arrow buffers (the Arrow C data interface), without a Python object per row; and codes
// renumbered into another dictionary order (the frames' sorted categories) on the cores.
#include "arrow_chunks.hpp"
#include "cached_array.hpp"
#include "register.hpp"

#include "detail/parallel.hpp"
#include "detail/text_dictionary.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {
namespace {

/// The text layout of an exported Arrow type; chitieu::error for a type that is not text.
arrow_text_layout layout_of(const ArrowSchema& schema) {
  const std::string_view format = schema.format;
  if (format == "u") return arrow_text_layout::utf8;
  if (format == "U") return arrow_text_layout::large_utf8;
  if (format == "vu") return arrow_text_layout::utf8_view;
  throw error("text_codes: an Arrow array of format '" + std::string(format) +
                  "' is not text; give utf8, large_utf8 or utf8_view arrays",
              {}, 0, "chunks");
}

/// pandas' own code types (coerce_indexer_dtype): a Categorical with fewer categories than
/// pandas_int8_codes keeps int8 codes, with fewer than pandas_int16_codes int16, else int32. Codes
/// made in that type are taken by the Categorical as they are, without a narrowing copy.
constexpr std::int64_t pandas_int8_codes = 127, pandas_int16_codes = 32767;

/// new_codes[codes] as an array of T on a column of the memory cache, on the cores without the GIL;
/// chitieu::error naming the 1-based row of the first code outside [0, new_codes.size()).
template <class T>
py::array_t<T> renumbered(const py::array_t<std::int32_t, py::array::c_style>& codes,
                          const py::array_t<std::int32_t, py::array::c_style>& new_codes) {
  const auto n = static_cast<std::size_t>(codes.size());
  const auto m = static_cast<std::int64_t>(new_codes.size());
  py::array_t<T> out = cached_array<T>(n);
  const std::int32_t *from = codes.data(), *to = new_codes.data();
  T* put = out.mutable_data();
  std::vector<std::size_t> bad;  // per share: its first code outside [0, m), or n
  {
    py::gil_scoped_release release;
    const unsigned threads = detail::thread_count(0, n, 65536);
    bad.assign(threads, n);
    detail::run_chunks(threads, threads, [&](std::size_t c) {
      for (std::size_t r = n * c / threads, end = n * (c + 1) / threads; r < end; ++r) {
        const std::int32_t code = from[r];
        if (code < 0 || code >= m) {
          bad[c] = r;
          return;
        }
        put[r] = static_cast<T>(to[code]);
      }
    });
  }
  for (const std::size_t r : bad)
    if (r < n)
      throw error("renumber_codes: code " + std::to_string(from[r]) + " is outside [0, " + std::to_string(m) +
                      "); give codes of the dictionary renumbered",
                  {}, static_cast<long>(r + 1), "codes");
  return out;
}

}  // namespace

void register_text_codes(py::module_& m) {
  m.def(
      "text_codes",
      [](const py::list& chunks) {
        std::vector<std::pair<const ArrowArray*, arrow_text_layout>> arrays;
        const std::vector<arrow_chunk> given = arrow_chunks(chunks, "text_codes", "chunks");
        for (const arrow_chunk& c : given) arrays.emplace_back(c.array, layout_of(*c.schema));
        const auto rows = static_cast<py::ssize_t>(arrow_rows(given));
        py::array_t<std::int32_t> codes = cached_array<std::int32_t>(static_cast<std::size_t>(rows));
        std::int32_t* out = codes.mutable_data();
        // Rows [first, last) of the column, chunk by chunk.
        const auto number_rows = [&](std::size_t first, std::size_t last, detail::text_dictionary& dictionary,
                                     std::int32_t* codes_out) {
          std::size_t chunk_start = 0;
          for (const auto& [array, layout] : arrays) {
            const auto length = static_cast<std::size_t>(array->length);
            const std::size_t from = std::max(first, chunk_start), to = std::min(last, chunk_start + length);
            const arrow_text_reader reader(*array, layout);
            for (std::size_t r = from; r < to; ++r) {
              const auto i = static_cast<std::int64_t>(r - chunk_start);
              codes_out[r] = reader.is_null(i) ? -1 : dictionary.code(reader.text(i));
            }
            chunk_start += length;
          }
        };
        std::vector<std::string> ids;
        {
          py::gil_scoped_release release;
          ids = detail::number_texts(static_cast<std::size_t>(rows), 0, number_rows, out);
        }
        const auto texts = static_cast<std::int64_t>(ids.size());
        py::array narrow = texts < pandas_int8_codes
                               ? py::array(cached_copy<std::int8_t>(out, static_cast<std::size_t>(rows)))
                           : texts < pandas_int16_codes
                               ? py::array(cached_copy<std::int16_t>(out, static_cast<std::size_t>(rows)))
                               : py::array(codes);
        return std::make_pair(std::move(narrow), std::move(ids));
      },
      py::arg("chunks"),
      "(codes, the list of distinct texts) of an Arrow text column given as its chunks, each the pair of "
      "capsules of __arrow_c_array__() (utf8, large_utf8 or utf8_view): texts numbered in order of first "
      "appearance across the chunks (numbered on both cores), -1 for a null; the codes in the integer type "
      "pandas keeps a Categorical's codes in for that many texts (int8 below 127, int16 below 32 767, else "
      "int32), on columns of the memory cache");
  m.def(
      "renumber_codes",
      [](const py::array_t<std::int32_t, py::array::c_style>& codes,
         const py::array_t<std::int32_t, py::array::c_style>& new_codes) -> py::array {
        // pandas' own code type for that many categories (coerce_indexer_dtype), so that a Categorical takes
        // the array as it is, without a narrowing copy; wider when a new code would not fit.
        const auto categories = static_cast<std::int64_t>(new_codes.size());
        const std::int32_t* to = new_codes.data();
        const auto [low, high] = std::minmax_element(to, to + categories);
        const auto fits = [&](std::int64_t limit) {
          return categories < limit && (categories == 0 || (*low >= -limit && *high <= limit));
        };
        if (fits(pandas_int8_codes)) return renumbered<std::int8_t>(codes, new_codes);
        if (fits(pandas_int16_codes)) return renumbered<std::int16_t>(codes, new_codes);
        return renumbered<std::int32_t>(codes, new_codes);
      },
      py::arg("codes"), py::arg("new_codes"),
      "new_codes[codes] as a new array (numpy.take, on the cores without the GIL) of the integer type "
      "pandas keeps a Categorical's codes in for len(new_codes) categories: int8 below 127, int16 below "
      "32 767, else int32 (wider when a new code would not fit; its storage from the memory cache); both "
      "int32 (an array numpy cannot cast to "
      "int32 safely is refused, never truncated); a code outside [0, len(new_codes)) raises ChitieuError "
      "naming its 1-based row");
}

}  // namespace chitieu::python

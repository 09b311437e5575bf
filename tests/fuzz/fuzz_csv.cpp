// libFuzzer target: the CSV readers (chitieu::decode_text, detect_delimiter, csv_row_lines, number_cell and
// the observation, area and crosswalk readers of csv_files.hpp), each with the header found by itself
// and with a header row given (csv_options::header_row, 1 to 4, taken from the input's first byte).
//
// A file may be refused only with a chitieu::error that names it; any other exception, crash or
// sanitizer report is a bug. Decoded text is UTF-8 that decodes to itself; the delimiter detected
// is one the readers know; a cell without a comma reads the same with either decimal mark.
#include <chitieu/csv_files.hpp>
#include <chitieu/number_cell.hpp>
#include <chitieu/text_files.hpp>

#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace {

/// A file of this process for the readers, which read paths; removed when the process exits.
struct scratch_file {
  std::string path =
      (std::filesystem::temp_directory_path() / ("fuzz_csv_" + std::to_string(::getpid()) + ".csv")).string();
  ~scratch_file() { std::remove(path.c_str()); }
};

/// The path of the scratch file.
const std::string& scratch_path() {
  static const scratch_file file;
  return file.path;
}

/// True when `a` and `b` are the same reading of a cell (both not a number, both NaN or equal).
bool same_reading(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (std::isnan(*a) || std::isnan(*b)) return std::isnan(*a) && std::isnan(*b);
  return *a == *b;
}

/// The header row given to the readers beside 0 (found by themselves): 1 to 4, from the first byte.
long given_header_row(std::string_view bytes) {
  return bytes.empty() ? 1 : 1 + static_cast<long>(static_cast<unsigned char>(bytes.front()) % 4);
}

/// Checks csv_row_lines() with the header on `header_row` (0: found): the header is there when given,
/// and the rows' lines follow it, increasing.
void check_row_lines(const std::string& text, char delimiter, long header_row) {
  try {
    const chitieu::csv_lines lines =
        chitieu::csv_row_lines(text, delimiter, "fuzz.csv", "fuzz", "utf-8", header_row);
    if (header_row > 0 && lines.header_line != header_row) std::abort();
    long last = lines.header_line;
    for (const long line : lines.rows) {
      if (line <= last) std::abort();
      last = line;
    }
  } catch (const chitieu::error& e) {
    if (e.file() != "fuzz.csv") std::abort();
  }
}

/// Checks decode_text(), detect_delimiter() and csv_row_lines() on `bytes`.
void check_text(std::string_view bytes) {
  std::optional<chitieu::decoded_text> decoded;
  try {
    decoded = chitieu::decode_text(bytes, "fuzz.csv");
  } catch (const chitieu::error& e) {
    if (e.file() != "fuzz.csv") std::abort();
  }
  if (!decoded) return;
  if (decoded->encoding != "utf-8" && decoded->encoding != "cp1258") std::abort();
  const bool bom = decoded->text.rfind("\xEF\xBB\xBF", 0) == 0;  // a second mark is dropped again
  try {
    if (chitieu::decode_text(decoded->text, "fuzz.csv", "utf-8").text != decoded->text && !bom) std::abort();
  } catch (const chitieu::error&) {
    std::abort();  // the text is not UTF-8
  }
  for (const long header_row : {0L, given_header_row(bytes)}) {
    const char delimiter = chitieu::detect_delimiter(decoded->text, header_row);
    chitieu::delimiter_name(delimiter);  // throws for an unknown one
    check_row_lines(decoded->text, delimiter, header_row);
  }
}

/// Checks number_cell() and not_a_number_message() on `cell`, with both decimal marks.
void check_number(std::string_view cell) {
  const auto dot = chitieu::number_cell(cell, '.');
  const auto comma = chitieu::number_cell(cell, ',');
  if (cell.find(',') == std::string_view::npos && !same_reading(dot, comma)) std::abort();
  for (const char decimal : {'.', ','})
    for (const char delimiter : {',', ';', '\t', '\0'})
      if (!chitieu::number_cell(cell, decimal)) chitieu::not_a_number_message(cell, decimal, delimiter);
}

/// Runs `read` and accepts only a chitieu::error naming the scratch file.
template <typename Read>
void read_or_refuse(Read read) {
  try {
    read();
  } catch (const chitieu::error& e) {
    if (e.file() != scratch_path()) std::abort();
  }
}

/// Reads `bytes` as observations, areas and crosswalk, with both decimal marks, the header found and
/// the header given.
void check_readers(std::string_view bytes) {
  const std::string& path = scratch_path();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();
  if (std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) std::abort();
  std::fclose(f);
  for (const long header_row : {0L, given_header_row(bytes)})
    for (const char decimal : {'.', ','}) {
      chitieu::csv_options options;
      options.decimal = decimal;
      options.header_row = header_row;
      read_or_refuse([&] { chitieu::read_observations(path, options); });
      std::optional<chitieu::area_table> areas;
      read_or_refuse([&] { areas = chitieu::read_areas(path, options); });
      if (!areas) areas.emplace(std::vector<chitieu::area>{});
      read_or_refuse([&] { chitieu::read_crosswalk(path, *areas, options); });
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_text(bytes);
  if (size <= 64) check_number(bytes);
  check_readers(bytes);
  return 0;
}

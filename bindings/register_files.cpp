// Python bindings of the C++ CSV readers and of the text rules they share with the Python readers
// (decoding, delimiter, number cells): Python calls these, never a copy of them.
#include "register.hpp"

#include <chitieu/column_names.hpp>
#include <chitieu/csv_files.hpp>
#include <chitieu/number_cell.hpp>
#include <chitieu/text_files.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {
namespace {

/// One character given from Python ("," or ";" or "\t"), or `fallback` for None.
char one_char(const std::optional<std::string>& text, char fallback, const char* field) {
  if (!text) return fallback;
  if (text->size() != 1) throw error("'" + *text + "' is not one character", {}, 0, field);
  return (*text)[0];
}

csv_options options_of(const std::optional<std::string>& encoding,
                       const std::optional<std::string>& delimiter, const std::string& decimal) {
  csv_options out;
  out.encoding = encoding.value_or("");
  out.delimiter = one_char(delimiter, 0, "delimiter");
  out.decimal = one_char(decimal, '.', "decimal");
  return out;
}

/// number_cell() of every cell of a list (None or any other non-str: missing): the numbers (NaN
/// for a missing cell or one that is not a number), and the positions of the cells that are not.
std::pair<py::array_t<double>, std::vector<long>> number_cells(const py::list& cells, char decimal) {
  const auto n = static_cast<std::size_t>(cells.size());
  py::array_t<double> out(static_cast<py::ssize_t>(n));
  double* values = out.mutable_data();
  std::vector<long> bad;
  for (std::size_t k = 0; k < n; ++k) {
    PyObject* cell = PyList_GET_ITEM(cells.ptr(), static_cast<py::ssize_t>(k));
    values[k] = std::nan("");
    if (!PyUnicode_Check(cell)) continue;
    Py_ssize_t size = 0;
    const char* text = PyUnicode_AsUTF8AndSize(cell, &size);
    if (text == nullptr) throw py::error_already_set();
    if (const auto v = number_cell(std::string_view(text, static_cast<std::size_t>(size)), decimal))
      values[k] = *v;
    else
      bad.push_back(static_cast<long>(k));
  }
  return {std::move(out), std::move(bad)};
}

}  // namespace

void register_files(py::module_& m) {
  m.def(
      "decode_text",
      [](const py::bytes& data, const std::string& path, const std::optional<std::string>& encoding) {
        decoded_text d = decode_text(std::string_view(data), path, encoding.value_or(""));
        return std::make_pair(py::str(d.text), d.encoding);
      },
      py::arg("data"), py::arg("path"), py::arg("encoding") = py::none(),
      "The text of a file's bytes and the encoding read ('utf-8' or 'cp1258'): `encoding` if given, else "
      "UTF-8 (byte-order mark or not), else Windows-1258 (then NFC); ChitieuError naming the file, line and "
      "the field 'encoding' for an unknown encoding, an undecodable byte or TCVN3-looking text");
  m.def(
      "detect_delimiter",
      [](const py::str& text, long header_row) {  // the str's own UTF-8, not a copy of the file
        Py_ssize_t size = 0;
        const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
        if (utf8 == nullptr) throw py::error_already_set();
        return std::string(
            1, detect_delimiter(std::string_view(utf8, static_cast<std::size_t>(size)), header_row));
      },
      py::arg("text"), py::arg("header_row") = 0,
      "The delimiter of the line header_row (1-based), or with 0 of the first line that is neither blank "
      "nor a # comment: the most frequent of , ; tab outside quotes (, when none)");
  m.def(
      "csv_row_lines",
      [](const py::str& text, const std::string& delimiter, const std::string& path, const std::string& what,
         const std::string& encoding, long header_row, const std::vector<std::string>& key_columns) {
        Py_ssize_t size = 0;
        const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
        if (utf8 == nullptr) throw py::error_already_set();
        const csv_lines lines = csv_row_lines(std::string_view(utf8, static_cast<std::size_t>(size)),
                                              one_char(delimiter, ',', "delimiter"), path, what, encoding,
                                              header_row, key_columns);
        py::array_t<std::int32_t> rows(static_cast<py::ssize_t>(lines.rows.size()));
        std::copy(lines.rows.begin(), lines.rows.end(), rows.mutable_data());
        return std::make_pair(lines.header_line, std::move(rows));
      },
      py::arg("text"), py::arg("delimiter"), py::arg("path"), py::arg("what"), py::arg("encoding"),
      py::arg("header_row") = 0, py::arg("key_columns") = std::vector<std::string>{},
      "(the header's line, an int32 array of the line each row that is not blank starts on) of a CSV text "
      "whose header is on line header_row (0: after the leading # comments), by the C++ reader's rules (a "
      "line end inside a quoted cell counts); ChitieuError naming the file and line for no header, a quote "
      "never closed, a row with more cells than the header (named as the table's header when it names "
      "key_columns and the header none), or a header_row past the end or on a blank line");
  m.def("check_column_names", &check_column_names, py::arg("names"), py::arg("file"), py::arg("header_line"),
        py::arg("labels") = std::vector<std::string>{},
        "ChitieuError naming the file, the header's line and the repeated name when two names that are not "
        "empty are the same; `labels` (one per name, e.g. worksheet letters) say the columns in the message");
  m.def("missing_column_message",
        static_cast<std::string (*)(const std::string&, const std::string&, const std::vector<std::string>&,
                                    const std::vector<std::string>&, const std::string&, bool, long)>(
            &missing_column_message),
        py::arg("name"), py::arg("what"), py::arg("needed"), py::arg("found"), py::arg("how"),
        py::arg("from_file_rows"), py::arg("header_below") = 0,
        "The message for a table whose header lacks column `name` of the columns `needed` (the one message "
        "of every reader); `how` says how the header was read, or ''; `from_file_rows` for a CSV file or a "
        "worksheet, where a title above the table may have been read as the header; `header_below` the row "
        "header_row_below() found, or 0");
  m.attr("header_search_rows") = header_search_rows;
  m.def(
      "header_row_below",
      [](const std::vector<std::vector<std::string>>& rows, const std::vector<long>& lines,
         const std::vector<std::string>& needed, const std::optional<std::string>& delimiter) {
        return header_row_below(rows, lines, needed, one_char(delimiter, 0, "delimiter"));
      },
      py::arg("rows"), py::arg("lines"), py::arg("needed"), py::arg("delimiter") = py::none(),
      "The line of the first of the rows below a header (their cells and lines; the first 50) that names "
      "at least two of the columns `needed`, or 0; `delimiter`, a CSV file's: a row of one cell is also "
      "read at the delimiter found in it (a comma title over a semicolon table)");
  m.def(
      "delimiter_name", [](const std::string& d) { return delimiter_name(one_char(d, ',', "delimiter")); },
      py::arg("delimiter"),
      "The name of a delimiter in messages: \"comma ','\", \"semicolon ';'\" or \"tab\"");
  m.def(
      "number_cells",
      [](const py::list& cells, const std::string& decimal) {
        return number_cells(cells, one_char(decimal, '.', "decimal"));
      },
      py::arg("cells"), py::arg("decimal") = ".",
      "The number in each cell of a list as float64 (None, an empty or NA cell: NaN), and the positions of "
      "the "
      "cells that are not a number (NaN too); the number-cell rule of every reader");
  m.def("check_decimal_mark", &check_decimal_mark, py::arg("decimal"),
        "ChitieuError (field 'decimal') unless `decimal` is '.' or ','");
  m.def(
      "not_a_number_message",
      [](const std::string& cell, const std::string& decimal, const std::optional<std::string>& delimiter) {
        return not_a_number_message(cell, one_char(decimal, '.', "decimal"),
                                    one_char(delimiter, 0, "delimiter"));
      },
      py::arg("cell"), py::arg("decimal") = ".", py::arg("delimiter") = py::none(),
      "The message for a cell that is not a number, with the hint for a decimal comma where it applies "
      "(delimiter None: a table that is not CSV)");
  m.def(
      "read_observations_file",
      [](const std::string& path, const std::optional<std::string>& encoding,
         const std::optional<std::string>& delimiter, const std::string& decimal) {
        observations_file f = read_observations(path, options_of(encoding, delimiter, decimal));
        return std::make_pair(std::move(f.panel), std::move(f.lines));
      },
      py::arg("path"), py::arg("encoding") = py::none(), py::arg("delimiter") = py::none(),
      py::arg("decimal") = ".",
      "The C++ reader of an observation CSV file: (Panel, the file line of each row); ChitieuError naming "
      "the file, line and column");
  m.def(
      "read_areas_file",
      [](const std::string& path, const std::optional<std::string>& encoding,
         const std::optional<std::string>& delimiter) {
        return read_areas(path, options_of(encoding, delimiter, "."));
      },
      py::arg("path"), py::arg("encoding") = py::none(), py::arg("delimiter") = py::none(),
      "The C++ reader of an area CSV file: a validated AreaTable; ChitieuError naming the file, line and "
      "column");
  m.def(
      "read_crosswalk_file",
      [](const std::string& path, const area_table& areas, const std::optional<std::string>& encoding,
         const std::optional<std::string>& delimiter, const std::string& decimal) {
        return read_crosswalk(path, areas, options_of(encoding, delimiter, decimal));
      },
      py::arg("path"), py::arg("areas"), py::arg("encoding") = py::none(), py::arg("delimiter") = py::none(),
      py::arg("decimal") = ".",
      "The C++ reader of a crosswalk CSV file over `areas`: a validated Crosswalk; ChitieuError naming the "
      "file, line and column");
}

}  // namespace chitieu::python

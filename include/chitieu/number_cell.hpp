/// @file number_cell.hpp
/// @brief A number cell of a CSV file or a text column: what it holds, and the message when it is
/// not a number (the rule of every reader, C++ and Python; docs/your-data.md).
#pragma once

#include <chitieu/export.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace chitieu {

/// The number in `cell`, NaN for a missing one, or nothing when the cell is not a number. White
/// space around the cell is ignored; "", "NA", "NaN", "nan" and "N/A" are missing; a number is
/// decimal digits with an optional sign, decimal mark and exponent ("85.3", "-.5", "1e3"), or
/// "inf"/"infinity" in any case. With `decimal` ',' every comma is read as the decimal mark
/// ("85,3"; a dot still reads as one). No thousands separators.
CHITIEU_API std::optional<double> number_cell(std::string_view cell, char decimal = '.');

/// Throws chitieu::error (field "decimal") unless `decimal` is a decimal mark the readers know:
/// "." or ",".
CHITIEU_API void check_decimal_mark(std::string_view decimal);

/// The message for `cell`, which is not a number: "'<cell>' is not a number (<how to write
/// one>)". With `decimal` '.', a cell holding a comma, in a table whose columns are not
/// comma-separated (`delimiter` ';', tab, or 0 for a table that is not CSV), adds that decimal=','
/// (CLI: --decimal ,) reads a decimal comma.
CHITIEU_API std::string not_a_number_message(std::string_view cell, char decimal, char delimiter);

}  // namespace chitieu

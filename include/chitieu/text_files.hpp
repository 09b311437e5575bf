/// @file text_files.hpp
/// @brief Text files as a statistician's computer writes them: the encoding of the bytes and the
/// delimiter of the columns (the rules of every CSV reader, C++ and Python; docs/your-data.md).
///
/// A CSV saved by Excel on Vietnamese Windows is in Windows-1258, one saved elsewhere in UTF-8
/// (with or without a byte-order mark); columns are separated by a comma, a semicolon (where the
/// comma is the decimal mark) or a tab.
#pragma once

#include <chitieu/export.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

/// The text of a file (UTF-8, without a byte-order mark) and the encoding it was read with.
struct decoded_text {
  std::string text;      ///< the text, UTF-8; NFC when it was read from Windows-1258
  std::string encoding;  ///< "utf-8" or "cp1258"
};

/// The text of the bytes of file `path`: read with `encoding` when it is given ("utf-8" — a
/// leading byte-order mark dropped —, "utf-8-sig", "cp1258" or "windows-1258", any case, `_` for
/// `-`), else detected: UTF-8 (byte-order mark or not) first, then Windows-1258. Text read as
/// Windows-1258 is normalised to NFC (its letters carry the tone as a combining mark). Throws
/// chitieu::error naming `path` and the field "encoding": an unknown encoding; a byte that cannot
/// be read (with the line it is on and the fix: give the encoding, or save the file as UTF-8);
/// text read as Windows-1258 that looks like the legacy TCVN3 (ABC) encoding, which is refused.
CHITIEU_API decoded_text decode_text(std::string_view bytes, const std::string& path,
                                     const std::string& encoding = {});

/// The delimiter of `text`: the most frequent of `,` `;` and tab (outside double quotes; the
/// first of them on a tie) on the first line (ended by `\r\n`, `\n` or a lone `\r`) that is
/// neither blank nor a `#` comment; `,` when
/// that line holds none of them or there is no such line.
CHITIEU_API char detect_delimiter(std::string_view text);

/// detect_delimiter() read on line `header_row` (1-based; the lines above it, a title or notes, are
/// not looked at); `header_row` 0: on the first line that is neither blank nor a `#` comment.
CHITIEU_API char detect_delimiter(std::string_view text, long header_row);

/// The name of a delimiter in messages: "comma ','", "semicolon ';'" or "tab". Throws
/// chitieu::error (field "delimiter") for any other character.
CHITIEU_API std::string delimiter_name(char delimiter);

/// The lines of a CSV text's header and rows, as an editor numbers them (docs/your-data.md).
struct csv_lines {
  long header_line = 0;    ///< the header's line: 1 + the leading `#` comment lines
  std::vector<long> rows;  ///< per row that is not blank, in order: the line it starts on
};

/// Where the header and each row of the CSV `text` (decoded, read with `encoding`, its cells
/// separated by `delimiter`) start, by the C++ CSV reader's rules: lines end with `\r\n`, `\n` or
/// a lone `\r`, each counted, inside a quoted cell too; leading `#` lines are comments; blank rows
/// are skipped (their lines counted). The Python readers number their rows with it. Throws
/// chitieu::error naming `path` and the line, with `what` the file holds ("observations"): no
/// header, a quoted cell never closed, a row with more cells than the header.
CHITIEU_API csv_lines csv_row_lines(std::string_view text, char delimiter, const std::string& path,
                                    const std::string& what, const std::string& encoding);

/// csv_row_lines() of a table whose header is on line `header_row` (1-based; csv_options::header_row):
/// the lines above it are not read. `header_row` 0: after the leading `#` comments. Throws
/// chitieu::error (field "header_row") when the text has fewer lines or that line is blank.
CHITIEU_API csv_lines csv_row_lines(std::string_view text, char delimiter, const std::string& path,
                                    const std::string& what, const std::string& encoding, long header_row);

/// csv_row_lines() told `key_columns`, the columns the table's header names (the ones its reader
/// requires). When a row has more cells than a header that names none of them, and the row names
/// them (header_row_below()), the error names it as the table's header under a title: "; the header's
/// line 1 names none of the columns needed, but this row names them: if it is the table's header,
/// give header_row=4 (CLI --header-row 4)".
CHITIEU_API csv_lines csv_row_lines(std::string_view text, char delimiter, const std::string& path,
                                    const std::string& what, const std::string& encoding, long header_row,
                                    const std::vector<std::string>& key_columns);

}  // namespace chitieu

#include <boost/test/unit_test.hpp>

#include <chitieu/column_names.hpp>
#include <chitieu/csv_files.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/text_files.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

const std::string root = CHITIEU_SOURCE_DIR;
const std::string sample = root + "/data/sample/la-gi-observations.csv";
const std::string areas_file = root + "/data/areas/la-gi.csv";
const std::string crosswalk_file = root + "/data/areas/la-gi-crosswalk-2025.csv";

/// Writes `text` to a file of the test's temporary folder; returns its path.
std::string write_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "chitieu_test_csv_files";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

/// The what() of the chitieu::error `read` throws (fails the test when it throws none).
template <class Read>
std::string error_of(Read read) {
  try {
    read();
  } catch (const chitieu::error& e) {
    return e.what();
  }
  BOOST_FAIL("expected a chitieu::error");
  return {};
}

/// Lines of a file that are data rows (neither comments nor the header nor blank).
std::size_t data_lines(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::size_t n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    ++n;
  }
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_the_la_gi_sample_files) {
  const chitieu::observations_file obs = chitieu::read_observations(sample);
  BOOST_TEST(obs.panel.size() == data_lines(sample));
  BOOST_TEST(obs.lines.front() == 7);  // five comment lines and the header before it
  const chitieu::area_table areas = chitieu::read_areas(areas_file);
  BOOST_TEST(areas.areas().size() == data_lines(areas_file));
  BOOST_TEST(areas.at("la-gi").code == "594");
  BOOST_TEST(areas.at("phuong-phuoc-hoi").parent == "la-gi");
  BOOST_TEST(areas.at("binh-thuan").valid_to->iso() == "2025-06-30");
  const chitieu::crosswalk cw = chitieu::read_crosswalk(crosswalk_file, areas);
  BOOST_TEST(cw.links().size() == data_lines(crosswalk_file));
  BOOST_TEST(cw.successors("xa-tan-binh").front().to == "phuong-la-gi-2025");

  const chitieu::plan plan = chitieu::load_plan("la-gi-2024");
  const chitieu::review_result result =
      chitieu::review(plan, obs, chitieu::review_options{}.with_areas(areas));
  const auto row = result.evaluation.find("trained_labour", "la-gi", 2024);
  BOOST_REQUIRE(row);
  BOOST_TEST(row->indicator() == "trained_labour");
  BOOST_TEST(row->year() == 2024);
  BOOST_TEST(std::isfinite(row->value()));
  BOOST_TEST(!result.evaluation.find("trained_labour", "la-gi", 1999));
  BOOST_TEST(!result.evaluation.find("no_such_indicator", "la-gi", 2024));
}

BOOST_AUTO_TEST_CASE(cells_quotes_bom_comments_and_blank_rows) {
  const std::string path = write_file("quoted.csv",
                                      "\xEF\xBB\xBF# a comment\n"
                                      " indicator ,area,year,value,note\r\n"
                                      "trained_labour,la-gi,2024,\"81.5\",\"a note, with a comma\"\r\n"
                                      "\n"
                                      ",,,,\n"
                                      "trained_labour,la-gi,2023,NA,\n");
  const chitieu::observations_file obs = chitieu::read_observations(path);
  BOOST_TEST(obs.panel.size() == 2u);
  BOOST_TEST(obs.lines[0] == 3);
  BOOST_TEST(obs.lines[1] == 6);
  BOOST_TEST(obs.panel.value[0] == 81.5);
  BOOST_TEST(std::isnan(obs.panel.value[1]));
  BOOST_TEST(std::isnan(obs.panel.numerator[0]));  // a column left out is missing
}

BOOST_AUTO_TEST_CASE(lines_end_with_a_lone_carriage_return_as_with_a_line_feed) {
  // Excel on an old Mac ends lines with a lone \r; \r\n, \n and \r are all line ends, counted alike.
  const std::string mac = write_file("mac.csv",
                                     "# a comment\r"
                                     "indicator,area,year,value,note\r"
                                     "trained_labour,la-gi,2024,81.5,\"two\rlines\"\r\n"
                                     "\r"
                                     "trained_labour,la-gi,2023,80,\"a\r\nb\"\n"
                                     "trained_labour,la-gi,2022,79,\r");
  const chitieu::observations_file obs = chitieu::read_observations(mac);
  BOOST_TEST(obs.panel.size() == 3u);
  BOOST_TEST(obs.lines == (std::vector<long>{3, 6, 8}), boost::test_tools::per_element());
  BOOST_TEST(obs.panel.value[0] == 81.5);
  BOOST_TEST(obs.panel.year[2] == 2022);
  // A refusal names the line counted so, not the one of \n alone.
  const std::string bad =
      write_file("mac_bad.csv", "indicator,area,year,value\rx,a,2024,1\r\rx,a,2025,abc\r");
  BOOST_TEST(error_of([&] { chitieu::read_observations(bad); }) ==
             bad +
                 ":4: value: 'abc' is not a number (write digits with a dot for decimals, or leave the cell "
                 "empty)");
  // The delimiter is detected from the header line alone.
  const std::string semicolons = write_file("mac_semicolons.csv", "id;name\rx,y,z;a\r");
  BOOST_TEST(error_of([&] { chitieu::read_areas(semicolons); }).find("separated by semicolon ';'") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_line_break_in_a_quoted_cell_counts_as_an_editor_counts_it) {
  // A quoted area name holding a line break: the rows after it keep the lines an editor shows, with
  // \r\n, \n or a lone \r ending the lines.
  for (const std::string end : {"\r\n", "\n", "\r"}) {
    const std::string header = "id,code,name,level,parent,valid_from,valid_to" + end;
    const std::string path =
        write_file("quoted_break.csv", header + "la-gi,594,\"Thị xã" + end + "La Gi\",town,,," + end +
                                           "b,2,B,x,la-gi,," + end + "c,3,C,x,la-gi,2025-02-30," + end);
    BOOST_TEST(error_of([&] { chitieu::read_areas(path); }) ==
               path +
                   ":5: valid_from: '2025-02-30' is not a date: no such day in that month; expected an ISO "
                   "date YYYY-MM-DD such as 2025-07-01");
    const chitieu::csv_lines lines =
        chitieu::csv_row_lines("# c" + end + header + "a,\"x" + end + end + "y\"" + end + end + "b" + end,
                               ',', "t.csv", "areas", "utf-8");
    BOOST_TEST(lines.header_line == 2);
    BOOST_TEST(lines.rows == (std::vector<long>{3, 7}), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(a_quote_opens_a_cell_only_at_its_start) {
  // As pandas reads it: a quote inside a cell is a character; a quote opening a cell must close.
  const std::string path = write_file("inch.csv",
                                      "id,code,name,level,parent,valid_from,valid_to\n"
                                      "a,1,Screen 5\" wide,x,,,\na,2,B,x,,,\n");
  BOOST_TEST(error_of([&] { chitieu::read_areas(path); }).find(path + ":3: id:") == 0);
  const std::string open = write_file("open.csv", "indicator,area,year,value\nx,a,2024,1\nx,\"a,2025,2\n\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(open); }) ==
             open +
                 ":3: cannot read the observations CSV: the cell opened with a double quote \" on this line "
                 "is never closed; end it with \" (write a \" inside a quoted cell as \"\")");
  // A blank row with more cells than the header is refused, as pandas refuses it.
  const std::string wide = write_file("wide_blank.csv", "indicator,area,year,value\nx,a,2024,1\n,,,,\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(wide); }) ==
             wide +
                 ":3: cannot read the observations CSV (columns separated by comma ',', utf-8): the row has "
                 "5 cells but the header 4 (quote a cell that contains the delimiter)");
}

BOOST_AUTO_TEST_CASE(observation_errors_name_file_line_and_column) {
  const std::string bad_number = write_file("bad_number.csv", "indicator,area,year,value\nx,a,2024,12,5\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(bad_number); }) ==
             bad_number +
                 ":2: cannot read the observations CSV (columns separated by comma ',', utf-8): the row has "
                 "5 cells but the header 4 (quote a cell that contains the delimiter)");
  const std::string comma = write_file("comma.csv", "indicator,area,year,value\nx,a,2024,\"12,5\"\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(comma); }) ==
             comma +
                 ":2: value: '12,5' is not a number (write digits with a dot for decimals, or leave the cell "
                 "empty)");
  const std::string no_value = write_file("no_value.csv", "# c\nindicator,area,year\nx,a,2024\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(no_value); }) ==
             no_value +
                 ":2: value: missing column 'value'; observations need the columns indicator, area, year, "
                 "value (found: indicator, area, year; columns were read as separated by comma ',')");
  const std::string half_year = write_file("half_year.csv", "indicator,area,year,value\nx,a,2024.5,1\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(half_year); }) ==
             half_year + ":2: year: '2024.5' is not a year (a whole number such as 2024)");
  const std::string no_area = write_file("no_area.csv", "indicator,area,year,value\nx,a,2024,1\nx,,2024,1\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(no_area); }) ==
             no_area + ":3: area: empty cell; every row needs an indicator and an area id");
  BOOST_TEST(error_of([&] { chitieu::read_observations(root + "/no/such.csv"); }) ==
             root + "/no/such.csv: no such observations file");
  // Ratio rows may leave out the value column.
  const std::string ratio =
      write_file("ratio.csv", "indicator,area,year,numerator,denominator\nx,a,2024,3,4\n");
  BOOST_TEST(chitieu::read_observations(ratio).panel.denominator[0] == 4.0);
}

BOOST_AUTO_TEST_CASE(a_column_named_twice_is_refused_by_name_and_columns) {
  try {
    chitieu::check_column_names({"indicator", "value", "area", "", "", "value", "area"}, "t.csv", 3);
    BOOST_FAIL("expected a chitieu::error");
  } catch (const chitieu::error& e) {
    // The repeat met first, left to right, is named; empty names (unnamed columns) are not compared.
    BOOST_TEST(e.message() ==
               "two columns are named 'value' (columns 2 and 6); rename or remove one: chitieu does not "
               "choose which to read");
    BOOST_TEST(e.file() == "t.csv");
    BOOST_TEST(e.line() == 3);
    BOOST_TEST(e.field() == "value");
    BOOST_TEST(e.column() == 6);
  }
  BOOST_TEST(
      error_of([] {
        chitieu::check_column_names({"a", "b", "a"}, "book.xlsx", 1, {"S!A1", "S!B1", "S!C1"});
      }) ==
      "book.xlsx:1: a: two columns are named 'a' (columns S!A1 and S!C1); rename or remove one: chitieu "
      "does not choose which to read");
  BOOST_CHECK_NO_THROW(
      chitieu::check_column_names({"indicator", "area", "year", "value", "", ""}, "t.csv", 1));
  BOOST_CHECK_NO_THROW(chitieu::check_column_names({}, "t.csv", 1));
  // The readers: names are compared trimmed, at the header's line (after a comment).
  const std::string twice =
      write_file("twice.csv", "# note\nindicator,area,year,value, value\nx,a,2024,1,2\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(twice); }) ==
             twice +
                 ":2: value: two columns are named 'value' (columns 4 and 5); rename or remove one: chitieu "
                 "does not choose which to read");
  const std::string areas = write_file("areas_twice.csv", "id,code,name,level,parent,name\n");
  BOOST_TEST(error_of([&] { chitieu::read_areas(areas); }).find(":1: name: two columns are named 'name'") !=
             std::string::npos);
  const std::string trailing = write_file("trailing.csv", "indicator,area,year,value,,\nx,a,2024,1,,\n");
  BOOST_TEST(chitieu::read_observations(trailing).panel.value[0] == 1.0);
}

BOOST_AUTO_TEST_CASE(a_title_above_the_table_is_named_as_the_likely_cause) {
  const std::vector<std::string> needed{"indicator", "area"};
  const std::string title_hint =
      "; the header holds none of them: if the table starts lower, start each row above its header with # (a "
      "comment), delete them, or give the header's line or sheet row as header_row (CLI --header-row)";
  BOOST_TEST(
      chitieu::missing_column_message("indicator", "wide observations", needed, {"Bảng 5", ""}, "how",
                                      true) ==
      "missing column 'indicator'; wide observations need the columns indicator, area (found: Bảng 5, ; "
      "how)" +
          title_hint);
  // One of the columns found: a column is missing, the header is the table's.
  BOOST_TEST(chitieu::missing_column_message("area", "wide observations", needed, {"indicator"}, "", true) ==
             "missing column 'area'; wide observations need the columns indicator, area (found: indicator)");
  BOOST_TEST(chitieu::missing_column_message("area", "areas", needed, {}, "", true) ==
             "missing column 'area'; areas need the columns indicator, area (found: none)" + title_hint);
  // A table not read from a file's rows (a DataFrame, Parquet, Arrow) has no rows above its header.
  BOOST_TEST(chitieu::missing_column_message("area", "areas", needed, {"chi_tieu"}, "", false) ==
             "missing column 'area'; areas need the columns indicator, area (found: chi_tieu)");
  // The readers: a title line of its own cells, and a title alone on its line.
  const std::string wide_title =
      write_file("title_cells.csv", "Bảng 5,,,\nindicator,area,year,value\nx,a,2024,1\n");
  BOOST_TEST(
      error_of([&] { chitieu::read_observations(wide_title); })
          .find("; the header holds none of them, but row 2 names them: if it is the table's header, give "
                "header_row=2 (CLI --header-row 2)") != std::string::npos);
  const std::string no_header = write_file("title_only.csv", "Bảng 5,,,\nx,a,2024,1\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(no_header); }).find(title_hint) != std::string::npos);
  // A title alone on its line, above a table whose header names the columns: that line is named.
  const std::string title = write_file("title.csv", "Bảng 5\n\nindicator,area,year,value\nx,a,2024,1\n");
  const std::string header_named =
      "; the header's line 1 names none of the columns needed, but this row names them: if it is the "
      "table's header, give header_row=3 (CLI --header-row 3))";
  BOOST_TEST(
      error_of([&] { chitieu::read_observations(title); }) ==
      title +
          ":3: cannot read the observations CSV (columns separated by comma ',', utf-8): the row has 4 "
          "cells but the header 1 (quote a cell that contains the delimiter" +
          header_named);
  // A title of fewer cells than the table, its text holding commas: the same.
  const std::string commas = write_file(
      "title_commas.csv", "Bảng 5, lao động, 2024\n\nindicator,area,year,value,note\nx,a,2024,1,\n");
  BOOST_TEST(
      error_of([&] { chitieu::read_observations(commas); }) ==
      commas +
          ":3: cannot read the observations CSV (columns separated by comma ',', utf-8): the row has 5 "
          "cells but the header 3 (quote a cell that contains the delimiter" +
          header_named);
  // The areas and crosswalk readers name their own columns; the lines only (Python's reader) too.
  const std::string areas = write_file("title_areas.csv", "Danh mục, 2025\nid,code,name,level,parent\n");
  BOOST_TEST(error_of([&] { chitieu::read_areas(areas); }).find("give header_row=2 (CLI --header-row 2)") !=
             std::string::npos);
  const std::string lines_text = "Bảng 5, lao động\nindicator,area,2020\n";
  BOOST_TEST(
      error_of([&] {
        chitieu::csv_row_lines(lines_text, ',', "t.csv", "observations", "utf-8", 0, {"indicator", "area"});
      }).find("give header_row=2 (CLI --header-row 2)") != std::string::npos);
  BOOST_TEST(error_of([&] {
               chitieu::csv_row_lines(lines_text, ',', "t.csv", "observations", "utf-8", 0);
             }).find("header_row=") == std::string::npos);
  // A data row with an unquoted decimal comma names no column: only the quoting is suggested.
  const std::string decimal = write_file("decimal_row.csv", "Bảng 5, 2024\nx,a,2024,12,5\n");
  BOOST_TEST(
      error_of([&] { chitieu::read_observations(decimal); }) ==
      decimal +
          ":2: cannot read the observations CSV (columns separated by comma ',', utf-8): the row has 5 "
          "cells but the header 2 (quote a cell that contains the delimiter)");
}

BOOST_AUTO_TEST_CASE(the_header_below_a_title_is_found) {
  const std::vector<std::string> needed{"indicator", "area", "year", "value"};
  const std::vector<std::vector<std::string>> rows{
      {"Nguồn: GSO", "", ""}, {" indicator", "area ", "year"}, {"x", "a", "2024"}};
  BOOST_TEST(chitieu::header_row_below(rows, {2, 4, 5}, needed) == 4);
  BOOST_TEST(chitieu::header_row_below(rows, {2, 4, 5}, {"id", "code"}) == 0);
  BOOST_TEST(chitieu::header_row_below({{"x", "area"}}, {2}, needed) == 0);    // one name of four: not enough
  BOOST_TEST(chitieu::header_row_below({{"x", "area"}}, {2}, {"area"}) == 2);  // the one name needed
  // Only the first header_search_rows rows are looked at.
  std::vector<std::vector<std::string>> late(chitieu::header_search_rows, {"x", "a"});
  std::vector<long> late_lines(late.size() + 1);
  for (std::size_t k = 0; k < late_lines.size(); ++k) late_lines[k] = static_cast<long>(k) + 2;
  late.push_back({"indicator", "area"});
  BOOST_TEST(chitieu::header_row_below(late, late_lines, needed) == 0);
  late.insert(late.begin(), {"indicator", "area"});
  BOOST_TEST(chitieu::header_row_below(late, late_lines, needed) == 2);
  // A title with as many cells as the table (a spreadsheet's CSV export): the header is at line 4.
  const std::string path = write_file(
      "export.csv", "Bảng 12. Lao động,,,\nĐơn vị: %,,,\n,,,\nindicator,area,year,value\nx,a,2024,1\n");
  const std::string message = error_of([&] { chitieu::read_observations(path); });
  BOOST_TEST(message.find(path + ":1: indicator: missing column 'indicator'") == 0u);
  BOOST_TEST(
      message.find("; the header holds none of them, but row 4 names them: if it is the table's header, "
                   "give header_row=4 (CLI --header-row 4)") != std::string::npos);
  chitieu::csv_options options;
  options.header_row = 4;
  BOOST_TEST(chitieu::read_observations(path, options).panel.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_header_separated_otherwise_than_its_title_is_found) {
  const std::vector<std::string> needed{"indicator", "area", "year", "value"};
  // Rows of a CSV file read at ',': the semicolon header is one cell, read at its own ';'.
  const std::vector<std::vector<std::string>> rows{{"", ""}, {"indicator;area; \"year\";value"}};
  BOOST_TEST(chitieu::header_row_below(rows, {2, 3}, needed, ',') == 3);
  BOOST_TEST(chitieu::header_row_below(rows, {2, 3}, needed) == 0);  // a worksheet's cell is not split
  BOOST_TEST(chitieu::header_row_below({{"indicator\tarea"}}, {2}, needed, ',') == 2);  // a tab table
  BOOST_TEST(chitieu::header_row_below({{"indicator,area"}}, {2}, needed, ';') == 2);   // and the other way
  // The reader pads a short row with empty cells; a row with a second cell is not split.
  BOOST_TEST(chitieu::header_row_below({{"indicator;area", "", ""}}, {2}, needed, ',') == 2);
  BOOST_TEST(chitieu::header_row_below({{"indicator;area", "x"}}, {2}, needed, ',') == 0);
  // A line without any other delimiter stays one cell: one name is not enough.
  BOOST_TEST(chitieu::header_row_below({{"indicator"}}, {2}, needed, ',') == 0);
  // The reader: a comma title over a semicolon table names the table's header, which then reads.
  const std::string path = write_file(
      "comma_title.csv", "Báo cáo chỉ tiêu, thị xã La Gi, 2024\nindicator;area;year;value\nx;a;2024;80,5\n");
  BOOST_TEST(error_of([&] { chitieu::read_observations(path); }) ==
             path +
                 ":1: indicator: missing column 'indicator'; observations need the columns indicator, area, "
                 "year, value (found: Báo cáo chỉ tiêu, thị xã La Gi, 2024; columns were read as separated "
                 "by comma ','); the header holds none of them, but row 2 names them: if it is the table's "
                 "header, give header_row=2 (CLI --header-row 2)");
  chitieu::csv_options options;
  options.header_row = 2;
  options.decimal = ',';
  const auto read = chitieu::read_observations(path, options);
  BOOST_TEST(read.panel.size() == 1u);
  BOOST_TEST(read.panel.value[0] == 80.5);
}

BOOST_AUTO_TEST_CASE(header_row_reads_a_table_under_a_title_and_notes) {
  // A yearbook export: a title with a comma, a blank line, a note, then a table separated by ';'.
  const std::string path =
      write_file("yearbook.csv",
                 "Bảng 5. Tỷ lệ lao động qua đào tạo, 2023-2024\n\nĐơn vị: %\nindicator;area;year;value\n"
                 "trained_labour;la-gi;2023;78\n\ntrained_labour;la-gi;2024;79,5\n");
  const std::string text = "Bảng 5, 2024\nindicator;area;year;value\n";
  BOOST_TEST(chitieu::detect_delimiter(text) == ',');  // the title's line
  BOOST_TEST(chitieu::detect_delimiter(text, 2) == ';');
  chitieu::csv_options options;
  options.header_row = 4;
  options.decimal = ',';
  const chitieu::observations_file obs = chitieu::read_observations(path, options);
  BOOST_TEST(obs.panel.size() == 2u);
  BOOST_TEST(obs.panel.value[1] == 79.5);
  BOOST_TEST(obs.lines == (std::vector<long>{5, 7}), boost::test_tools::per_element());
  const chitieu::csv_lines lines = chitieu::csv_row_lines(
      "Title, 2024\nindicator,area,year,value\nx,a,2024,1\n", ',', "t.csv", "observations", "utf-8", 2);
  BOOST_TEST(lines.header_line == 2);
  BOOST_TEST(lines.rows == (std::vector<long>{3}), boost::test_tools::per_element());
  // Without header_row the title is taken for the header, and the error names the table's own
  // (one cell at the title's ',', read at its ';').
  BOOST_TEST(
      error_of([&] {
        chitieu::read_observations(path);
      }).find("but row 4 names them: if it is the table's header, give header_row=4 (CLI --header-row 4)") !=
      std::string::npos);
  // A header_row past the end, on a blank line, or below 1.
  options.header_row = 9;
  BOOST_TEST(
      error_of([&] { chitieu::read_observations(path, options); }) ==
      path +
          ": header_row: header_row is 9 but the file has 7 lines; give the line of the table's header, "
          "as an editor numbers it");
  options.header_row = 2;
  BOOST_TEST(
      error_of([&] { chitieu::read_observations(path, options); }) ==
      path +
          ":2: header_row: cannot read the observations CSV: line 2 (header_row) is blank; give the line "
          "of the table's header, as an editor numbers it");
  options.header_row = -1;
  BOOST_TEST(error_of([&] { chitieu::read_observations(path, options); }) ==
             path +
                 ": header_row: header_row is -1; give the header's line (1 is the first line), or 0 for the "
                 "first line that is not a # comment");
  BOOST_TEST(
      error_of([&] { chitieu::csv_row_lines("a,b\n", ',', "t.csv", "observations", "utf-8", -1); }) ==
      "t.csv: header_row: header_row is -1; give the header's line (1 is the first line), or 0 for the "
      "first line that is not a # comment");
  // The area reader takes it too.
  const std::string areas =
      write_file("areas_titled.csv",
                 "Danh mục\nid,code,name,level,parent,valid_from,valid_to\nvn,VN,Việt Nam,country,,,\n");
  chitieu::csv_options area_options;
  area_options.header_row = 2;
  BOOST_TEST(chitieu::read_areas(areas, area_options).areas().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_percentage_of_178_is_refused_at_its_line) {
  const chitieu::plan plan = chitieu::load_plan("la-gi-2024");
  const std::string path =
      write_file("178.csv",
                 "# one bad value\nindicator,area,year,value\ntrained_labour,la-gi,2023,78\n"
                 "trained_labour,la-gi,2024,178\n");
  const chitieu::observations_file obs = chitieu::read_observations(path);
  const std::string message = error_of([&] { chitieu::review(plan, obs); });
  BOOST_TEST(message.rfind(path + ":4: value: ", 0) == 0, message);
  BOOST_TEST(message.find("178") != std::string::npos, message);
  // evaluate() itself checks too: the one-call path never returns `met` for it.
  const std::string unchecked = error_of([&] { chitieu::evaluate(plan, obs.panel); });
  BOOST_TEST(unchecked.rfind("line 2: value: ", 0) == 0, unchecked);  // panel row 2
}

BOOST_AUTO_TEST_CASE(area_and_crosswalk_errors_name_file_line_and_column) {
  const std::string header = "id,code,name,level,parent,valid_from,valid_to\n";
  const std::string bad_date = write_file("bad_date.csv", header + "a,1,A,x,,,\nb,2,B,x,a,2025-02-30,\n");
  BOOST_TEST(error_of([&] { chitieu::read_areas(bad_date); }) ==
             bad_date +
                 ":3: valid_from: '2025-02-30' is not a date: no such day in that month; expected an ISO "
                 "date YYYY-MM-DD such as 2025-07-01");
  const std::string twice = write_file("twice.csv", "# areas\n" + header + "a,1,A,x,,,\n\na,2,B,x,,,\n");
  BOOST_TEST(
      error_of([&] { chitieu::read_areas(twice); }) ==
      twice +
          ":5: id: duplicate area id 'a' (first on row 1); ids are unique: give a changed unit a new id "
          "and a crosswalk link");
  const std::string no_id = write_file("no_id.csv", header + ",1,A,x,,,\n");
  BOOST_TEST(error_of([&] { chitieu::read_areas(no_id); }) ==
             no_id + ":2: id: empty cell; this column is required in every row");
  const std::string no_parent = write_file("no_parent.csv", "id,code,name,level,valid_from,valid_to\n");
  BOOST_TEST(
      error_of([&] { chitieu::read_areas(no_parent); })
          .find("parent: missing column 'parent'; areas need the columns id, code, name, level, parent, "
                "valid_from, valid_to (found: id, code, name, level, valid_from, valid_to; columns were read "
                "as "
                "separated by comma ',')") != std::string::npos);

  const chitieu::area_table areas = chitieu::read_areas(areas_file);
  const std::string no_date =
      write_file("no_date.csv", "from,to,share,date\nxa-tan-binh,phuong-la-gi-2025,1,\n");
  BOOST_TEST(error_of([&] { chitieu::read_crosswalk(no_date, areas); }) ==
             no_date + ":2: date: empty cell; this column is required in every row");
  const std::string half =
      write_file("half.csv", "from,to,share,date\nxa-tan-binh,phuong-la-gi-2025,0.5,2025-07-01\n");
  BOOST_TEST(error_of([&] { chitieu::read_crosswalk(half, areas); }) ==
             half +
                 ":2: share: shares of 'xa-tan-binh' sum to 0.500000; the shares of one unit must sum to 1 "
                 "(within 1e-9)");
}

BOOST_AUTO_TEST_CASE(windows_1258_semicolons_and_decimal_commas) {
  // Excel on Vietnamese Windows: Windows-1258, semicolons, a decimal comma ("Phước Hội" in a note).
  const std::string path = write_file("excel_vn.csv",
                                      "indicator;area;year;value;note\n"
                                      "trained_labour;la-gi;2024;85,3;Ph\xFD\xF5\xEC"
                                      "c H\xF4\xF2i\n");
  chitieu::csv_options decimal_comma;
  decimal_comma.decimal = ',';
  const chitieu::observations_file obs = chitieu::read_observations(path, decimal_comma);
  BOOST_TEST(obs.panel.value[0] == 85.3);
  BOOST_TEST(obs.lines[0] == 2);
  BOOST_TEST(error_of([&] { chitieu::read_observations(path); }) ==
             path +
                 ":2: value: '85,3' is not a number (write digits with a dot for decimals, or leave the cell "
                 "empty; decimal=',' (CLI: --decimal ,) reads a decimal comma such as 85,3)");
  // The delimiter given is used as it is: the header is then one column, "85,3" two cells.
  chitieu::csv_options commas = decimal_comma;
  commas.delimiter = ',';
  BOOST_TEST(error_of([&] { chitieu::read_observations(path, commas); }) ==
             path +
                 ":2: cannot read the observations CSV (columns separated by comma ',', cp1258): the row has "
                 "2 cells but the header 1 (quote a cell that contains the delimiter)");
  chitieu::csv_options pipe;
  pipe.delimiter = '|';
  BOOST_TEST(error_of([&] { chitieu::read_observations(path, pipe); }) ==
             "delimiter: unknown delimiter '|'; give ',', ';' or a tab");
  chitieu::csv_options utf8;
  utf8.encoding = "utf-8";
  BOOST_TEST(error_of([&] {
               chitieu::read_observations(path, utf8);
             }).rfind(path + ":2: encoding: byte 0xFD", 0) == 0);
}

BOOST_AUTO_TEST_CASE(tab_separated_area_names_in_windows_1258) {
  const std::string path = write_file("areas_tab.csv",
                                      "id\tcode\tname\tlevel\tparent\tvalid_from\tvalid_to\n"
                                      "phuong-phuoc-hoi\t22924\tPh\xFD\xF5\xCCng Ph\xFD\xF5\xEC"
                                      "c H\xF4\xF2i\tph\xFD\xF5\xCCng\t\t\t\n");
  const chitieu::area_table areas = chitieu::read_areas(path);
  BOOST_TEST(areas.at("phuong-phuoc-hoi").name ==
             "Ph\xC6\xB0\xE1\xBB\x9Dng Ph\xC6\xB0\xE1\xBB\x9B"
             "c H\xE1\xBB\x99i");
  const std::string tcvn3 = write_file("areas_tcvn3.csv",
                                       "id,code,name,level,parent,valid_from,valid_to\n"
                                       "x,1,Ph\xAD\xEAng Ph\xAD\xED"
                                       "c H\xE9i,T\xB8n \xB5n \xB6n,,,\n");
  BOOST_TEST(error_of([&] {
               chitieu::read_areas(tcvn3);
             }).rfind(tcvn3 + ": encoding: the text looks like the legacy TCVN3", 0) == 0);
}

#include <boost/test/unit_test.hpp>

#include <chitieu/error.hpp>
#include <chitieu/number_cell.hpp>
#include <chitieu/text_files.hpp>

#include <cmath>
#include <string>

namespace {

// "Phường Phước Hội" as Vietnamese Windows saves it (Windows-1258: ư = 0xFD, ơ = 0xF5, ô = 0xF4,
// the tones as combining marks after the letter: grave 0xCC, acute 0xEC, dot below 0xF2) ...
const std::string phuoc_hoi_cp1258 =
    "Ph\xFD\xF5\xCCng Ph\xFD\xF5\xEC"
    "c H\xF4\xF2i";
// ... and in UTF-8, NFC: ư U+01B0, ờ U+1EDD, ớ U+1EDB, ộ U+1ED9 precomposed.
const std::string phuoc_hoi_utf8 =
    "Ph\xC6\xB0\xE1\xBB\x9Dng Ph\xC6\xB0\xE1\xBB\x9B"
    "c H\xE1\xBB\x99i";

/// The chitieu::error `decode` throws (fails the test when it throws none).
template <class Call>
chitieu::error error_of(Call call) {
  try {
    call();
  } catch (const chitieu::error& e) {
    return e;
  }
  BOOST_FAIL("expected a chitieu::error");
  return chitieu::error("");
}

}  // namespace

BOOST_AUTO_TEST_CASE(windows_1258_is_detected_and_normalised_to_nfc) {
  const std::string bytes = "id,name\nphuong-phuoc-hoi," + phuoc_hoi_cp1258 + "\n";
  const chitieu::decoded_text got = chitieu::decode_text(bytes, "a.csv");
  BOOST_TEST(got.encoding == "cp1258");
  BOOST_TEST(got.text == "id,name\nphuong-phuoc-hoi," + phuoc_hoi_utf8 + "\n");
  // Given by name (any spelling Python accepts), the same text.
  BOOST_TEST(chitieu::decode_text(bytes, "a.csv", "Windows_1258").text == got.text);
  // The euro sign and a quotation mark of the code page's upper half.
  BOOST_TEST(chitieu::decode_text("\x80\x93", "b.csv").text == "\xE2\x82\xAC\xE2\x80\x9C");
}

BOOST_AUTO_TEST_CASE(utf8_is_read_first_and_its_byte_order_mark_dropped) {
  const std::string text = "id,name\nx," + phuoc_hoi_utf8 + "\n";
  const chitieu::decoded_text plain = chitieu::decode_text(text, "a.csv");
  BOOST_TEST(plain.encoding == "utf-8");
  BOOST_TEST(plain.text == text);
  const chitieu::decoded_text bom = chitieu::decode_text("\xEF\xBB\xBF" + text, "a.csv");
  BOOST_TEST(bom.encoding == "utf-8");
  BOOST_TEST(bom.text == text);
  BOOST_TEST(chitieu::decode_text("\xEF\xBB\xBF" + text, "a.csv", "utf-8-sig").text == text);
  // UTF-8 text is kept as written (not normalised): a decomposed letter stays decomposed.
  BOOST_TEST(chitieu::decode_text("o\xCC\x81", "a.csv").text == "o\xCC\x81");
}

BOOST_AUTO_TEST_CASE(bytes_neither_utf8_nor_windows_1258_name_file_line_and_option) {
  // 0x81 is undefined in Windows-1258, and a stray continuation byte in UTF-8.
  const chitieu::error e = error_of([] { chitieu::decode_text("indicator\nx\ny\x81z\n", "o.csv"); });
  BOOST_TEST(e.file() == "o.csv");
  BOOST_TEST(e.line() == 3);
  BOOST_TEST(e.field() == "encoding");
  BOOST_TEST(e.message() ==
             "byte 0x81 cannot be read as UTF-8 or Windows-1258; the file is in another encoding: give it "
             "with encoding= (CLI: --encoding), e.g. utf-8 or cp1258 (Windows-1258, Vietnamese Windows), or "
             "save the file as UTF-8");
  // UTF-8 given: the first byte that does not begin valid UTF-8 (a truncated sequence), its line.
  const chitieu::error given = error_of(
      [] { chitieu::decode_text("\xEF\xBB\xBFindicator\nx,y\nx,\xE2\x80,2025\n", "o.csv", "utf-8"); });
  BOOST_TEST(given.line() == 3);
  BOOST_TEST(given.message().rfind("byte 0xE2 cannot be read as UTF-8; ", 0) == 0, given.message());
  // Lines end with \r\n, \n or a lone \r (old Mac Excel), each counted once.
  BOOST_TEST(error_of([] { chitieu::decode_text("a\r\nb\rc\nd\r\xE2\x80", "o.csv", "utf-8"); }).line() == 5);
  // Surrogates and overlong forms are not UTF-8 either (then read as Windows-1258 when detecting).
  BOOST_TEST(error_of([] { chitieu::decode_text("\xED\xA0\x80", "s.csv", "utf-8"); }).line() == 1);
  BOOST_TEST(chitieu::decode_text("\xC0\xAF", "s.csv").encoding == "cp1258");
  const chitieu::error unknown = error_of([] { chitieu::decode_text("x", "o.csv", "latin-9"); });
  BOOST_TEST(std::string(unknown.what()) ==
             "o.csv: encoding: unknown encoding 'latin-9'; give utf-8, utf-8-sig or cp1258 (Windows-1258)");
}

BOOST_AUTO_TEST_CASE(tcvn3_text_is_refused) {
  // "Phường Phước Hội" and "Tán àn ản" typed in TCVN3 (ABC), read as Windows-1258.
  const std::string tcvn3 =
      "id,name\nx,Ph\xAD\xEAng Ph\xAD\xED"
      "c H\xE9i\ny,T\xB8n \xB5n \xB6n\n";
  const chitieu::error e = error_of([&] { chitieu::decode_text(tcvn3, "a.csv"); });
  BOOST_TEST(std::string(e.what()) ==
             "a.csv: encoding: the text looks like the legacy TCVN3 (ABC) encoding, which chitieu does not "
             "read; convert the file to Unicode (e.g. with UniKey's converter) and save it as UTF-8");
  BOOST_TEST(e.line() == 0);
  // Three such letters among 19 non-ASCII ones (under a quarter): Windows-1258, read.
  BOOST_TEST(chitieu::decode_text("\xB8\xB5\xB6 " + phuoc_hoi_cp1258 + phuoc_hoi_cp1258, "b.csv").encoding ==
             "cp1258");
}

BOOST_AUTO_TEST_CASE(the_delimiter_is_detected_from_the_header_line) {
  BOOST_TEST(chitieu::detect_delimiter("a,b,c\n1;2;3;4;5\n") == ',');
  BOOST_TEST(chitieu::detect_delimiter("# a;b;c;d\n\n  \r\nindicator;area;year;value\n") == ';');
  BOOST_TEST(chitieu::detect_delimiter("indicator\tarea\tyear\tvalue\n") == '\t');
  BOOST_TEST(chitieu::detect_delimiter("\"a;b;c\",d,e\n") == ',');  // quoted delimiters do not count
  BOOST_TEST(chitieu::detect_delimiter("a;b,c\n") == ',');          // a tie: the comma
  BOOST_TEST(chitieu::detect_delimiter("a;b\r1,2,3\r") == ';');     // a lone \r ends the line
  BOOST_TEST(chitieu::detect_delimiter("value\n") == ',');
  BOOST_TEST(chitieu::detect_delimiter("") == ',');
  BOOST_TEST(chitieu::delimiter_name(';') == "semicolon ';'");
  BOOST_TEST(chitieu::delimiter_name('\t') == "tab");
  BOOST_TEST(error_of([] { chitieu::delimiter_name('|'); }).field() == "delimiter");
}

BOOST_AUTO_TEST_CASE(number_cells_with_either_decimal_mark) {
  BOOST_TEST(*chitieu::number_cell(" 85.3 ") == 85.3);
  BOOST_TEST(*chitieu::number_cell("-.5e-3") == -0.0005);
  BOOST_TEST(*chitieu::number_cell("+5.") == 5.0);
  BOOST_TEST(std::isinf(*chitieu::number_cell("-Infinity")));
  BOOST_TEST(*chitieu::number_cell("\xC2\xA0"
                                   "12\xE2\x80\x83") == 12.0);  // no-break and em spaces
  for (const char* missing : {"", "  ", "NA", "NaN", "nan", "N/A"})
    BOOST_TEST(std::isnan(*chitieu::number_cell(missing)), missing);
  for (const char* words : {"NAN", "1e", ".", "1,5", "1 000", "1_000", "0x10", "infinite", "+-5", "abc"})
    BOOST_TEST(!chitieu::number_cell(words), words);
  // Bytes that are not UTF-8 are never taken for white space (a stray 0x85 is not NEL, 0xC2 0x20
  // not a no-break space), and a long run of continuation bytes is read safely (found by fuzzing).
  BOOST_TEST(
      !chitieu::number_cell("\x85"
                            "5"));
  BOOST_TEST(!chitieu::number_cell("\xC2 5"));
  BOOST_TEST(!chitieu::number_cell("5\xE2\x80\x80\x80\x80\x80\x80\x80\x80\x80"));
  BOOST_TEST(*chitieu::number_cell("85,3", ',') == 85.3);
  BOOST_TEST(*chitieu::number_cell("85.3", ',') == 85.3);  // a dot still reads with decimal ','
  BOOST_TEST(!chitieu::number_cell("1,234,5", ','));
  chitieu::check_decimal_mark(",");
  BOOST_TEST(std::string(error_of([] { chitieu::check_decimal_mark(";"); }).what()) ==
             "decimal: unknown decimal mark ';'; expected '.' or ','");
  BOOST_TEST(chitieu::not_a_number_message("85,3", '.', ';') ==
             "'85,3' is not a number (write digits with a dot for decimals, or leave the cell empty; "
             "decimal=',' (CLI: --decimal ,) reads a decimal comma such as 85,3)");
  BOOST_TEST(chitieu::not_a_number_message("85,3", '.', ',') ==
             "'85,3' is not a number (write digits with a dot for decimals, or leave the cell empty)");
  BOOST_TEST(chitieu::not_a_number_message("abc", ',', ';') ==
             "'abc' is not a number (write digits with a comma for decimals as chosen by decimal=',' (CLI: "
             "--decimal ,), or leave the cell empty)");
}

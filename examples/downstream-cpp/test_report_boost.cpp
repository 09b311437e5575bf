// chitieu-report's core under Boost.Test, checked with chitieu/testing/boost_test.hpp.
#define BOOST_TEST_MODULE report
#include <chitieu/testing/boost_test.hpp>

#include "report.hpp"
#include "sample_files.hpp"

#include <fstream>
#include <sstream>
#include <string>

BOOST_AUTO_TEST_CASE(the_last_value_decides_the_status) {
  chitieu::plan plan;
  const auto short_of = report::run({"la-gi-2024", sample::labour_file("short", 79.9), {}, {}, {}}, plan);
  CHITIEU_CHECK_STATUS(short_of.evaluation, "trained_labour", "la-gi", 2024, chitieu::status::not_met, &plan);
  const auto above = report::run({"la-gi-2024", sample::labour_file("above", 80.5), {}, {}, {}}, plan);
  CHITIEU_CHECK_STATUS(above.evaluation, "trained_labour", "la-gi", 2024, chitieu::status::met, &plan);
  CHITIEU_CHECK_PACE(above.evaluation, "trained_labour", "la-gi", 2024, chitieu::pace::achieved, &plan);
  CHITIEU_CHECK_STATUS(above.evaluation, "trained_labour", "la-gi", 2023, chitieu::status::not_met, &plan);
}

BOOST_AUTO_TEST_CASE(the_file_and_a_panel_of_the_same_values_agree) {
  chitieu::plan plan;
  const auto from_file = report::run({"la-gi-2024", sample::labour_file("same", 74), {}, {}, {}}, plan);
  chitieu::panel obs;
  const double values[] = {70, 71, 72.5, 73, 74};
  for (int i = 0; i < 5; ++i) obs.add("trained_labour", "la-gi", 2020 + i, values[i]);
  CHITIEU_CHECK_EVALUATIONS_EQUAL(from_file.evaluation, chitieu::evaluate(plan, obs),
                                  chitieu::testing::exactly());
}

BOOST_AUTO_TEST_CASE(the_json_report_has_every_row) {
  chitieu::plan plan;
  const auto result = report::run({"la-gi-2024", sample::observations, sample::areas, {}, {}}, plan);
  std::ostringstream json;
  report::write_json(json, plan, result);
  const std::string text = json.str();
  std::size_t rows = 0;
  for (std::size_t at = text.find("{\"indicator\""); at != std::string::npos;
       at = text.find("{\"indicator\"", at + 1))
    ++rows;
  BOOST_TEST(rows == result.evaluation.size() + result.findings.size());
  BOOST_TEST(text.rfind("{\"plan\": \"la-gi-2024\",\n \"rows\": [\n  {\"indicator\": ", 0) == 0);
  BOOST_TEST(text.find("\"coverage\": null") != std::string::npos);  // the town's own rows
}

BOOST_AUTO_TEST_CASE(the_sample_saved_by_excel_on_vietnamese_windows_reviews_alike) {
  // The sample as Excel on Vietnamese Windows saves it: Windows-1258 (a comment holding
  // "Phường Phước Hội", its tones as combining marks), semicolons, decimal commas, CRLF.
  std::ifstream in(sample::observations);
  std::ostringstream excel;
  excel << "# Ph\xFD\xF5\xCCng Ph\xFD\xF5\xEC"
           "c H\xF4\xF2i\r\n";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind('#', 0) != 0)
      for (char& c : line) c = c == ',' ? ';' : c == '.' ? ',' : c;
    excel << line << "\r\n";
  }
  const std::string path = sample::write("excel_vn", excel.str());
  chitieu::plan plan;
  const auto utf8 = report::run({"la-gi-2024", sample::observations, sample::areas, {}, {}}, plan);
  chitieu::csv_options decimal_comma;
  decimal_comma.decimal = ',';
  const auto excel_vn = report::run({"la-gi-2024", path, sample::areas, {}, {}}, plan, decimal_comma);
  CHITIEU_CHECK_EVALUATIONS_EQUAL(excel_vn.evaluation, utf8.evaluation, chitieu::testing::exactly());
  BOOST_TEST(excel_vn.findings.size() == utf8.findings.size());
}

#include <boost/test/unit_test.hpp>

#include <chitieu/date.hpp>

#include <stdexcept>
#include <string>

using chitieu::date;
using chitieu::parse_date;

BOOST_AUTO_TEST_CASE(parses_iso_dates) {
  const date d = parse_date("2025-07-01");
  BOOST_TEST(d.year == 2025);
  BOOST_TEST(d.month == 7);
  BOOST_TEST(d.day == 1);
  BOOST_TEST(d.iso() == "2025-07-01");
  BOOST_TEST(parse_date("2024-02-29").day == 29);  // 2024 is a leap year
  BOOST_TEST(parse_date("2000-02-29").day == 29);  // divisible by 400: leap
}

BOOST_AUTO_TEST_CASE(refuses_bad_dates_quoting_them) {
  for (const char* bad : {"2025-7-1", "2025/07/01", "2025-13-01", "2025-06-31", "2023-02-29", "1900-02-29",
                          "", "2025-07-01x", "20a5-07-01"}) {
    try {
      parse_date(bad);
      BOOST_FAIL(std::string("accepted ") + bad);
    } catch (const std::invalid_argument& e) {
      BOOST_TEST(std::string(e.what()).find(std::string("'") + bad + "'") != std::string::npos);
      BOOST_TEST(std::string(e.what()).find("YYYY-MM-DD") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(orders_chronologically) {
  const date a = parse_date("2025-06-30"), b = parse_date("2025-07-01");
  BOOST_TEST((a < b));
  BOOST_TEST((b > a));
  BOOST_TEST((a <= a));
  BOOST_TEST((a != b));
  BOOST_TEST((parse_date("2024-12-31") < parse_date("2025-01-01")));
  BOOST_TEST((parse_date("2025-02-01") > parse_date("2025-01-31")));
}

BOOST_AUTO_TEST_CASE(year_end_is_31_december) {
  BOOST_TEST(chitieu::year_end(2025).iso() == "2025-12-31");
  BOOST_TEST((chitieu::year_end(2024) < parse_date("2025-06-30")));
}

// Inputs found by fuzzing (tests/fuzz/) that crashed or tripped a sanitizer, kept as tests.
// Each case names the fuzz target, what went wrong and the fix; the input is also in the seed
// corpus, so the fuzzers start from it.
#include <boost/test/unit_test.hpp>

#include <chitieu/phrase.hpp>

#include <string>

namespace {

/// True when parsing `phrase` with direction higher is refused with a message containing `words`.
bool refused_with(const std::string& phrase, const std::string& words) {
  try {
    (void)chitieu::parse_target(phrase);
  } catch (const chitieu::phrase_error& e) {
    BOOST_TEST_MESSAGE(e.what());
    return e.message().find(words) != std::string::npos;
  }
  return false;
}

}  // namespace

// fuzz_phrase: a base year of 20 digits overflowed the int accumulating it (UBSan: signed integer
// overflow in need_year). Fixed by reading at most four digits; the longer year is refused.
BOOST_AUTO_TEST_CASE(long_year_in_relative_target) {
  BOOST_TEST(refused_with("from 2 to 3 times the 99919999999999999999 level", "four digits"));
  BOOST_TEST(refused_with("2 lần so với năm 99999999999", "four digits"));
  BOOST_TEST(refused_with("giai đoạn 2026 - 99999999999: 100", "four digits"));
  BOOST_TEST(refused_with("giai đoạn 99999999999 - 2030: 100", "four digits"));
}

// fuzz_phrase: "total over 0026-2030: 10" was read with period [26, 2030], which format_target
// wrote as "26" and could not read back (round trip broken). Fixed: a year is four digits from
// 1000 to 9999, so a leading zero is refused, as plan files refuse such years.
BOOST_AUTO_TEST_CASE(year_with_leading_zero) {
  BOOST_TEST(refused_with("total over 0026-2030: 10 ver ", "1000 to 9999"));
  BOOST_TEST(refused_with("giai đoạn 2026 - 0030: 100", "1000 to 9999"));
  BOOST_TEST(refused_with("2 lần so với năm 0999", "1000 to 9999"));
  const auto t = chitieu::parse_target("giai đoạn 1000 - 2030: 100");
  BOOST_TEST(t.period->first == 1000);
}

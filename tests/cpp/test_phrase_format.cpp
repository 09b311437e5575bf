#include <boost/test/unit_test.hpp>

#include <chitieu/phrase.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using chitieu::direction;
using chitieu::format_target;
using chitieu::parse_target;
using chitieu::target;
using chitieu::target_kind;

namespace {

struct sample {
  const char* phrase;
  direction dir;
  std::optional<double> tolerance;
};

// Targets of every kind and shape, read from phrases (the formatter's input is a parsed target).
const std::vector<sample> samples = {
    {"đạt trên 80%", direction::higher, {}},
    {"đạt 40%", direction::higher, {}},
    {"2%", direction::lower, {}},
    {"dưới 15%", direction::lower, {}},
    {"trên 5", direction::none, {}},
    {"tối thiểu 0,125", direction::higher, {}},  // en must not write "0.125" (= 125)
    {"tối đa 1,5 người", direction::lower, {}},
    {"trên -3,25", direction::higher, {}},
    {"tối thiểu 1.234.567 lao động", direction::higher, {}},
    {"khoảng 60%", direction::higher, {}},
    {"khoảng 76,5 tuổi", direction::higher, {}},
    {"khoảng 14,8 ha", direction::higher, 0.5},  // explicit tolerance
    {"khoảng -50", direction::none, {}},
    {"12-15 bác sĩ/10.000 dân", direction::higher, {}},
    {"30 - 32 m²/người", direction::none, {}},
    {"trên 35 giường bệnh/10.000 dân", direction::higher, {}},
    {"tăng từ 2,0 đến 2,6 lần so với năm 2020", direction::higher, {}},
    {"tối thiểu 2 lần so với năm 2020", direction::higher, {}},
    {"dưới 0,5 lần so với năm 2015", direction::lower, {}},
    {"khoảng 2 lần so với năm 2020", direction::higher, {}},
    {"khoảng 2 lần so với năm 2020", direction::higher, 0.1},
    {"giai đoạn 2026 - 2030: 13.500 lao động", direction::higher, {}},
    {"giai đoạn 2026 - 2030: 2,5", direction::none, {}},
    {"Hoàn thành phổ cập giáo dục mầm non cho trẻ mẫu giáo từ 3 đến 5 tuổi", direction::none, {}},
    {"duy trì bền vững kết quả loại trừ sốt rét", direction::none, {}},
    {"định tính", direction::none, {}},
    {"phấn đấu đạt trên 97,5%", direction::higher, {}},
    {"Phần đầu hoàn thành", direction::higher, {}},
    {"phấn đấu giai đoạn 2026 - 2030: 13.500 lao động", direction::higher, {}},
};

/// parse_target(format_target(t, lang), t.dir, t.tolerance) equals t but for `text`.
void check_round_trip(const target& t, const char* lang) {
  const std::string phrase = format_target(t, lang);
  target back = parse_target(phrase, t.dir, t.tolerance);
  BOOST_TEST(back.text == phrase);
  back.text = t.text;
  BOOST_TEST((back == t),
             "\"" << t.text << "\" -> " << lang << " \"" << phrase << "\" reads back differently");
}

target parsed(const char* phrase, direction d = direction::higher) { return parse_target(phrase, d); }

}  // namespace

BOOST_AUTO_TEST_CASE(round_trip_vi_and_en_every_kind) {
  for (const auto& s : samples) {
    const target t = parse_target(s.phrase, s.dir, s.tolerance);
    check_round_trip(t, "vi");
    check_round_trip(t, "en");
  }
}

BOOST_AUTO_TEST_CASE(round_trip_awkward_numbers) {
  // numbers built by hand, not read: shortest digits must still read back exactly
  for (double x : {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 123456789.125, 1e20, 0.001, 1.005, 99.999}) {
    target t;
    t.kind = target_kind::threshold;
    t.dir = direction::higher;
    t.lower = x;
    t.lower_inclusive = false;
    t.value = x;
    check_round_trip(t, "vi");
    check_round_trip(t, "en");
  }
}

BOOST_AUTO_TEST_CASE(canonical_vi) {
  BOOST_TEST(format_target(parsed("đạt trên 80%")) == "trên 80%");
  BOOST_TEST(format_target(parsed("đạt từ 95% trở lên")) == "tối thiểu 95%");
  BOOST_TEST(format_target(parsed("2%", direction::lower)) == "tối đa 2%");
  BOOST_TEST(format_target(parsed("dưới 15%", direction::lower)) == "dưới 15%");
  BOOST_TEST(format_target(parsed("30 - 32 m2/người")) == "từ 30 đến 32 m²/người");
  BOOST_TEST(format_target(parsed("khoảng 76.5 tuổi")) == "khoảng 76,5 tuổi");
  BOOST_TEST(format_target(parsed("trên 35 giường bệnh / 10000 dân")) == "trên 35 giường bệnh/10.000 dân");
  BOOST_TEST(format_target(parsed("tăng từ 2,0 đến 2,6 lần so với năm 2020")) ==
             "từ 2 đến 2,6 lần so với năm 2020");
  BOOST_TEST(format_target(parsed("giai đoạn 2026-2030: 13.500 lao động")) ==
             "giai đoạn 2026 - 2030: 13500 lao động");  // no thousands dots: 13500 reads back the same
  BOOST_TEST(format_target(parsed("Hoàn thành phổ cập", direction::none)) == "hoàn thành");
  BOOST_TEST(format_target(parsed("duy trì loại trừ sốt rét", direction::none)) == "duy trì");
  BOOST_TEST(format_target(parsed("định tính", direction::none)) == "định tính");
  BOOST_TEST(format_target(parsed("Phân đầu đạt trên 45% dân số")) == "phấn đấu trên 45%");
  BOOST_TEST(format_target(parsed("tối thiểu 0,125")) == "tối thiểu 0,125");
}

BOOST_AUTO_TEST_CASE(canonical_en) {
  BOOST_TEST(format_target(parsed("đạt trên 80%"), "en") == "above 80%");
  BOOST_TEST(format_target(parsed("đạt 40%"), "en") == "at least 40%");
  BOOST_TEST(format_target(parsed("2%", direction::lower), "en") == "at most 2%");
  BOOST_TEST(format_target(parsed("dưới 15%", direction::lower), "en") == "below 15%");
  BOOST_TEST(format_target(parsed("12-15 bác sĩ/10.000 dân"), "en") == "from 12 to 15 bác sĩ/10.000 dân");
  BOOST_TEST(format_target(parsed("khoảng 60%"), "en") == "about 60%");
  BOOST_TEST(format_target(parsed("tăng từ 2,0 đến 2,6 lần so với năm 2020"), "en") ==
             "from 2 to 2.6 times the 2020 level");
  BOOST_TEST(format_target(parsed("giai đoạn 2026 - 2030: 13.500 lao động"), "en") ==
             "total over 2026-2030: 13500 lao động");
  BOOST_TEST(format_target(parsed("hoàn thành", direction::none), "en") == "completed");
  BOOST_TEST(format_target(parsed("duy trì", direction::none), "en") == "sustained");
  BOOST_TEST(format_target(parsed("định tính", direction::none), "en") == "qualitative");
  BOOST_TEST(format_target(parsed("phấn đấu trên 80%"), "en") == "strive for above 80%");
  // a dot before exactly three digits groups thousands, so three decimals get a fourth digit
  BOOST_TEST(format_target(parsed("tối thiểu 0,125"), "en") == "at least 0.1250");
  BOOST_TEST(format_target(parsed("tối thiểu 1234,5"), "en") == "at least 1234.5");
  BOOST_TEST(format_target(parsed("tối thiểu 76,25"), "en") == "at least 76.25");
}

BOOST_AUTO_TEST_CASE(refuses_what_no_phrase_expresses) {
  target two_bounds;  // a threshold with both bounds is a range in every phrase
  two_bounds.lower = 1.0;
  two_bounds.upper = 2.0;
  BOOST_CHECK_THROW(format_target(two_bounds), std::invalid_argument);
  target no_bounds;  // a threshold without a bound
  BOOST_CHECK_THROW(format_target(no_bounds), std::invalid_argument);
  target exclusive_range = parsed("từ 1 đến 2");
  exclusive_range.upper_inclusive = false;  // "từ a đến b" is inclusive
  BOOST_CHECK_THROW(format_target(exclusive_range), std::invalid_argument);
  target relative_no_year = parsed("tối thiểu 2 lần so với năm 2020");
  relative_no_year.base_year.reset();
  BOOST_CHECK_THROW(format_target(relative_no_year), std::invalid_argument);
  target over_100 = parsed("trên 80%");
  over_100.lower = 120.0;
  over_100.value = 120.0;
  BOOST_CHECK_THROW(format_target(over_100), std::invalid_argument);
  BOOST_CHECK_THROW(format_target(parsed("trên 80%"), "fr"), std::invalid_argument);
}

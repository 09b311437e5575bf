#include <boost/test/unit_test.hpp>

#include "test_phrase_support.hpp"

#include <chitieu/phrase.hpp>

#include <optional>
#include <string>

using chitieu::direction;
using chitieu::format_target;
using chitieu::parse_target;
using chitieu::phrase_error;
using chitieu::target;
using chitieu::target_kind;
using chitieu::test::refusal;

namespace {

const std::optional<double> none_;

std::string kind_of(const target& t) { return std::string(to_string(t.kind)); }
std::string dir_of(const target& t) { return std::string(to_string(t.dir)); }

/// Checks kind, direction, bounds with their inclusiveness and unit.
void check(const target& t, const std::string& kind, const std::string& dir, std::optional<double> lower,
           bool lower_inc, std::optional<double> upper, bool upper_inc, const std::string& unit) {
  BOOST_TEST(kind_of(t) == kind);
  BOOST_TEST(dir_of(t) == dir);
  BOOST_TEST(t.lower.has_value() == lower.has_value());
  if (lower && t.lower) BOOST_TEST(*t.lower == *lower);
  if (lower) BOOST_TEST(t.lower_inclusive == lower_inc);
  BOOST_TEST(t.upper.has_value() == upper.has_value());
  if (upper && t.upper) BOOST_TEST(*t.upper == *upper);
  if (upper) BOOST_TEST(t.upper_inclusive == upper_inc);
  BOOST_TEST(t.unit == unit);
}

}  // namespace

// ---- verbs set the direction -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(decrease_verbs_read_lower) {
  check(parse_target("giảm xuống dưới 1,5%"), "threshold", "lower", none_, true, 1.5, false, "%");
  check(parse_target("giảm còn 1,2%"), "threshold", "lower", none_, true, 1.2, true, "%");
  check(parse_target("giảm xuống còn 10%"), "threshold", "lower", none_, true, 10.0, true, "%");
  check(parse_target("xuống còn 8 ‰"), "threshold", "lower", none_, true, 8.0, true, "‰");
  check(parse_target("hạ xuống dưới 3%"), "threshold", "lower", none_, true, 3.0, false, "%");
  check(parse_target("giảm 2%"), "threshold", "lower", none_, true, 2.0, true, "%");
  check(parse_target("Giảm còn 1-1,5%"), "range", "lower", 1.0, true, 1.5, true, "%");
  // with the indicator's direction given, the verb agrees with it
  check(parse_target("giảm còn 1,2%", direction::lower), "threshold", "lower", none_, true, 1.2, true, "%");
}

BOOST_AUTO_TEST_CASE(increase_verbs_read_higher) {
  check(parse_target("tăng lên 70%"), "threshold", "higher", 70.0, true, none_, true, "%");
  check(parse_target("nâng lên trên 50%"), "threshold", "higher", 50.0, false, none_, true, "%");
  check(parse_target("nâng 45%"), "threshold", "higher", 45.0, true, none_, true, "%");
  check(parse_target("tăng gấp 2 lần so với năm 2020"), "relative", "higher", 2.0, true, none_, true, "lần");
}

BOOST_AUTO_TEST_CASE(verb_contradicting_the_direction_is_refused) {
  const phrase_error e = refusal("giảm còn 1,2%", direction::higher);
  BOOST_TEST(e.position() == 0u);
  BOOST_TEST(e.word() == "giảm");
  BOOST_TEST(e.expected().find("\"giảm còn\" says lower values are better") != std::string::npos);
  BOOST_TEST(refusal("tăng lên 70%", direction::lower).word() == "tăng");
  // a comparator that contradicts the verb
  const phrase_error c = refusal("giảm xuống trên 5%");
  BOOST_TEST(c.position() == 11u);
  BOOST_TEST(c.expected().find("agrees with \"giảm xuống\"") != std::string::npos);
  // direction none accepts a verb; the verb gives a bare number its sense
  check(parse_target("giảm còn 1,2%", direction::none), "threshold", "none", none_, true, 1.2, true, "%");
}

// ---- the words imply the direction when none is given ------------------------------------------

BOOST_AUTO_TEST_CASE(direction_implied_by_the_words) {
  BOOST_TEST(dir_of(parse_target("dưới 15%")) == "lower");
  BOOST_TEST(dir_of(parse_target("không quá 5")) == "lower");
  BOOST_TEST(dir_of(parse_target("tối đa 2%")) == "lower");
  BOOST_TEST(dir_of(parse_target("từ 5% trở xuống")) == "lower");
  BOOST_TEST(dir_of(parse_target("trên 80%")) == "higher");
  BOOST_TEST(dir_of(parse_target("tối thiểu 95%")) == "higher");
  BOOST_TEST(dir_of(parse_target("ít nhất 3")) == "higher");
  BOOST_TEST(dir_of(parse_target("không dưới 3")) == "higher");
  BOOST_TEST(dir_of(parse_target("từ 96% trở lên")) == "higher");
  BOOST_TEST(dir_of(parse_target("giai đoạn 2026 - 2030: 13.500 lao động")) == "higher");
  BOOST_TEST(dir_of(parse_target("12-15 bác sĩ/10.000 dân")) == "none");
  BOOST_TEST(dir_of(parse_target("khoảng 60%")) == "none");
  BOOST_TEST(dir_of(parse_target("hoàn thành")) == "none");
  BOOST_TEST(dir_of(parse_target("tăng từ 2,0 đến 2,6 lần so với năm 2020")) == "higher");
}

BOOST_AUTO_TEST_CASE(bare_number_without_direction_asks_for_it) {
  const phrase_error e = refusal("80%");
  BOOST_TEST(e.position() == 0u);
  BOOST_TEST(e.word() == "80");
  BOOST_TEST(e.expected().find("a bare number has no sense without one") != std::string::npos);
  BOOST_TEST(e.expected().find("the indicator's direction") != std::string::npos);
  BOOST_TEST(refusal("đạt 65,11%").position() == 4u);
  BOOST_TEST(refusal("duy trì 100%").position() == 8u);
}

// ---- relative change in percent --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(relative_change_in_percent) {
  const target up = parse_target("tăng 10% so với năm 2020");
  check(up, "relative", "higher", 1.0 + 10.0 / 100.0, true, none_, true, "%");
  BOOST_TEST(*up.base_year == 2020);
  BOOST_TEST(*up.value == 1.1);
  const target down = parse_target("giảm 15% so với năm 2019");
  check(down, "relative", "lower", none_, true, 1.0 - 15.0 / 100.0, true, "%");
  BOOST_TEST(*down.base_year == 2019);
  check(parse_target("giảm ít nhất 30% so với năm 2020"), "relative", "lower", none_, true, 0.7, true, "%");
  check(parse_target("tăng trên 5% so với năm 2020"), "relative", "higher", 1.05, false, none_, true, "%");
  check(parse_target("giảm từ 20 đến 30% so với năm 2020"), "relative", "lower", 0.7, true, 0.8, true, "%");
  check(parse_target("tăng 150% so với năm 2020"), "relative", "higher", 2.5, true, none_, true, "%");
  check(parse_target("increase at least 10% on the 2020 level"), "relative", "higher", 1.1, true, none_, true,
        "%");
}

BOOST_AUTO_TEST_CASE(relative_change_refusals) {
  BOOST_TEST(refusal("5% so với năm 2020").expected().find("tăng or giảm") != std::string::npos);
  BOOST_TEST(refusal("giảm 120% so với năm 2020").word() == "120");
  BOOST_TEST(refusal("giảm tối đa 10% so với năm 2020").word() == "tối");
  BOOST_TEST(refusal("giảm khoảng 10% so với năm 2020").word() == "khoảng");
  BOOST_TEST(refusal("giảm 2 lần so với năm 2020").word() == "giảm");
  BOOST_TEST(refusal("tăng 5 người so với năm 2020").word() == "so");
  BOOST_TEST(refusal("tăng 10% so với năm 2020", direction::lower).word() == "tăng");
}

// ---- yearly rates: annual_change ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(annual_change_increase) {
  check(parse_target("tăng bình quân 7%/năm"), "annual_change", "higher", 7.0, true, none_, true, "%/năm");
  check(parse_target("tăng bình quân 7 %/ năm"), "annual_change", "higher", 7.0, true, none_, true, "%/năm");
  check(parse_target("tăng bình quân 7-8%/năm"), "annual_change", "higher", 7.0, true, 8.0, true, "%/năm");
  check(parse_target("tăng 8% mỗi năm"), "annual_change", "higher", 8.0, true, none_, true, "%/năm");
  check(parse_target("tăng bình quân hằng năm từ 6,5 đến 7%"), "annual_change", "higher", 6.5, true, 7.0,
        true, "%/năm");
  check(parse_target("tăng bình quân trên 10%/năm"), "annual_change", "higher", 10.0, false, none_, true,
        "%/năm");
  check(parse_target("tăng bình quân khoảng 6,5-7%/năm"), "annual_change", "higher", 6.5, true, 7.0, true,
        "%/năm");
  check(parse_target("increase on average at least 7%/year"), "annual_change", "higher", 7.0, true, none_,
        true, "%/năm");
  BOOST_TEST(*parse_target("tăng bình quân 7%/năm").value == 7.0);
}

BOOST_AUTO_TEST_CASE(annual_change_decrease) {
  // giảm X → ≤ −X (lower); giảm X-Y → [−Y, −X]
  const target one = parse_target("giảm bình quân 1%/năm");
  check(one, "annual_change", "lower", none_, true, -1.0, true, "%/năm");
  BOOST_TEST(*one.value == -1.0);
  check(parse_target("giảm bình quân 1-1,5%/năm"), "annual_change", "lower", -1.5, true, -1.0, true, "%/năm");
  check(parse_target("giảm bình quân mỗi năm 1 - 1,5%"), "annual_change", "lower", -1.5, true, -1.0, true,
        "%/năm");
  check(parse_target("giảm 2% hàng năm", direction::lower), "annual_change", "lower", none_, true, -2.0, true,
        "%/năm");
  check(parse_target("phấn đấu giảm bình quân trên 1%/năm"), "annual_change", "lower", none_, true, -1.0,
        false, "%/năm");
  BOOST_TEST(parse_target("phấn đấu giảm bình quân trên 1%/năm").aspirational);
}

BOOST_AUTO_TEST_CASE(annual_change_refusals) {
  BOOST_TEST(refusal("bình quân 7%/năm").expected().find("tăng or giảm before a yearly rate") !=
             std::string::npos);
  BOOST_TEST(refusal("tăng bình quân 7%").expected().find("%/năm") != std::string::npos);
  BOOST_TEST(refusal("tăng bình quân 500 lao động/năm").word() == "lao");
  BOOST_TEST(refusal("tăng bình quân khoảng 7%/năm").word() == "khoảng");
  BOOST_TEST(refusal("tăng bình quân dưới 7%/năm").word() == "dưới");
  BOOST_TEST(refusal("tăng bình quân -1%/năm").word() == "-1");
  BOOST_TEST(refusal("giảm còn bình quân 1%/năm").word() == "giảm");
  BOOST_TEST(refusal("tăng bình quân 7%/năm", direction::lower).position() == 0u);
  BOOST_TEST(refusal("tăng bình quân 8-7%/năm").word() == "7");
}

// ---- per thousand ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(per_thousand_units) {
  check(parse_target("ít nhất 3,5 bác sĩ/1.000 dân"), "threshold", "higher", 3.5, true, none_, true,
        "bác sĩ/1.000 dân");
  check(parse_target("dưới 10‰"), "threshold", "lower", none_, true, 10.0, false, "‰");
  check(parse_target("trên 30 giường bệnh / 1000 dân"), "threshold", "higher", 30.0, false, none_, true,
        "giường bệnh/1.000 dân");
  check(parse_target("tối đa 12 /1.000 dân"), "threshold", "lower", none_, true, 12.0, true, "/1.000 dân");
  BOOST_TEST(refusal("trên 3 bác sĩ/100 dân").word() == "/");
}

// ---- bounded duy trì ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(sustained_with_a_bound) {
  check(parse_target("duy trì 100%", direction::higher), "sustained", "higher", 100.0, true, none_, true,
        "%");
  check(parse_target("duy trì từ 95% trở lên"), "sustained", "higher", 95.0, true, none_, true, "%");
  check(parse_target("duy trì dưới 5%"), "sustained", "lower", none_, true, 5.0, false, "%");
  check(parse_target("duy trì ở mức dưới 1,5%"), "sustained", "lower", none_, true, 1.5, false, "%");
  check(parse_target("duy trì khoảng 45-50%"), "sustained", "none", 45.0, true, 50.0, true, "%");
  check(parse_target("sustained at least 100%"), "sustained", "higher", 100.0, true, none_, true, "%");
  BOOST_TEST(*parse_target("duy trì 100%", direction::higher).value == 100.0);
  // bare duy trì stays the boolean kind
  const target b = parse_target("duy trì bền vững kết quả loại trừ sốt rét");
  check(b, "sustained", "none", none_, true, none_, true, "");
}

BOOST_AUTO_TEST_CASE(sustained_refusals) {
  // a number in the description would be dropped unread
  const phrase_error e = refusal("duy trì tỷ lệ tiêm chủng trên 95%");
  BOOST_TEST(e.position() == 30u);
  BOOST_TEST(e.word() == "95");
  BOOST_TEST(refusal("duy trì khoảng 100%").word() == "khoảng");
  BOOST_TEST(refusal("duy trì trên 120%").word() == "120");
  BOOST_TEST(refusal("duy trì dưới 5%", direction::higher).word() == "dưới");
}

// ---- khoảng a-b -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(about_a_range) {
  check(parse_target("khoảng 45-50%"), "range", "none", 45.0, true, 50.0, true, "%");
  check(parse_target("khoảng từ 45 đến 50%", direction::higher), "range", "higher", 45.0, true, 50.0, true,
        "%");
  check(parse_target("khoảng 2 - 2,5 lần so với năm 2020"), "relative", "none", 2.0, true, 2.5, true, "lần");
  BOOST_TEST(refusal("khoảng từ 45%").expected().find("\"đến\"") != std::string::npos);
  BOOST_TEST(refusal("khoảng 50-45%").word() == "45");
}

// ---- canonical phrases of the new forms --------------------------------------------------------

BOOST_AUTO_TEST_CASE(canonical_phrases) {
  auto vi = [](const char* p, std::optional<direction> d = std::nullopt) {
    return format_target(parse_target(p, d), "vi");
  };
  auto en = [](const char* p, std::optional<direction> d = std::nullopt) {
    return format_target(parse_target(p, d), "en");
  };
  BOOST_TEST(vi("giảm còn 1,2%") == "tối đa 1,2%");
  BOOST_TEST(vi("tăng 10% so với năm 2020") == "tăng tối thiểu 10% so với năm 2020");
  BOOST_TEST(en("tăng 10% so với năm 2020") == "increase at least 10% on the 2020 level");
  BOOST_TEST(vi("giảm từ 20 đến 30% so với năm 2020") == "giảm từ 20 đến 30% so với năm 2020");
  BOOST_TEST(en("giảm 15% so với năm 2019") == "decrease at least 15% on the 2019 level");
  BOOST_TEST(vi("tăng bình quân 7%/năm") == "tăng bình quân tối thiểu 7%/năm");
  BOOST_TEST(en("tăng bình quân 7%/năm") == "increase on average at least 7%/year");
  BOOST_TEST(vi("giảm bình quân 1-1,5%/năm") == "giảm bình quân từ 1 đến 1,5%/năm");
  BOOST_TEST(en("giảm bình quân 1-1,5%/năm") == "decrease on average from 1 to 1.5%/year");
  BOOST_TEST(vi("giảm bình quân trên 1%/năm") == "giảm bình quân trên 1%/năm");
  BOOST_TEST(vi("dưới 10‰") == "dưới 10‰");
  BOOST_TEST(en("ít nhất 3,5 bác sĩ/1.000 dân") == "at least 3.5 bác sĩ/1.000 dân");
  BOOST_TEST(vi("duy trì 100%", direction::higher) == "duy trì tối thiểu 100%");
  BOOST_TEST(en("duy trì dưới 5%") == "sustained below 5%");
  BOOST_TEST(vi("khoảng 45-50%") == "từ 45 đến 50%");
}

BOOST_AUTO_TEST_CASE(round_trip_of_the_new_forms) {
  for (const char* p : {"giảm xuống dưới 1,5%",
                        "giảm còn 1,2%",
                        "tăng lên 70%",
                        "tăng 10% so với năm 2020",
                        "giảm 15% so với năm 2019",
                        "giảm ít nhất 33,3% so với năm 2020",
                        "tăng trên 0,7% so với năm 2020",
                        "giảm từ 20 đến 30% so với năm 2020",
                        "tăng 0,1% so với năm 2020",
                        "tăng bình quân 7%/năm",
                        "tăng bình quân 6,5-7%/năm",
                        "giảm bình quân 1-1,5%/năm",
                        "giảm bình quân trên 0,3%/năm",
                        "phấn đấu tăng bình quân 8%/năm",
                        "ít nhất 3,5 bác sĩ/1.000 dân",
                        "dưới 10‰",
                        "duy trì dưới 5%",
                        "duy trì từ 95% trở lên",
                        "duy trì khoảng 45-50%",
                        "khoảng 45-50%"}) {
    const target t = parse_target(p);
    for (const char* lang : {"vi", "en"}) {
      const std::string phrase = format_target(t, lang);
      target back = parse_target(phrase, t.dir);
      back.text = t.text;
      BOOST_TEST((back == t),
                 "\"" << p << "\" -> " << lang << " \"" << phrase << "\" reads back differently");
    }
  }
}

#include <boost/test/unit_test.hpp>

#include "test_phrase_support.hpp"

#include <chitieu/phrase.hpp>

#include <optional>
#include <string>

using chitieu::direction;
using chitieu::parse_number;
using chitieu::parse_target;
using chitieu::phrase_error;
using chitieu::target;
using chitieu::target_kind;
using chitieu::test::refusal;

namespace {

const std::optional<double> none_;

/// Checks kind, bounds with their inclusiveness, value and unit of a parsed target.
void check(const target& t, target_kind kind, std::optional<double> lower, bool lower_inc,
           std::optional<double> upper, bool upper_inc, std::optional<double> value,
           const std::string& unit) {
  BOOST_TEST(std::string(to_string(t.kind)) == std::string(to_string(kind)));
  BOOST_TEST(t.lower.has_value() == lower.has_value());
  if (lower && t.lower) BOOST_TEST(*t.lower == *lower);
  BOOST_TEST(t.lower_inclusive == lower_inc);
  BOOST_TEST(t.upper.has_value() == upper.has_value());
  if (upper && t.upper) BOOST_TEST(*t.upper == *upper);
  BOOST_TEST(t.upper_inclusive == upper_inc);
  BOOST_TEST(t.value.has_value() == value.has_value());
  if (value && t.value) BOOST_TEST(*t.value == *value);
  BOOST_TEST(t.unit == unit);
}

}  // namespace

// ---- the seed's table, rows 1–38, each with its direction -------------------------------------

BOOST_AUTO_TEST_CASE(seed_row_01_relative_range) {
  const target t = parse_target("tăng từ 2,0 đến 2,6 lần so với năm 2020", direction::higher);
  check(t, target_kind::relative, 2.0, true, 2.6, true, none_, "lần");
  BOOST_TEST(*t.base_year == 2020);
  BOOST_TEST(t.text == "tăng từ 2,0 đến 2,6 lần so với năm 2020");
  BOOST_TEST(!t.aspirational);
}

BOOST_AUTO_TEST_CASE(seed_row_02_bare_number_lower_is_ceiling) {
  // "2%" with direction lower -> <= 2
  check(parse_target("2%", direction::lower), target_kind::threshold, none_, true, 2.0, true, 2.0, "%");
}

BOOST_AUTO_TEST_CASE(seed_rows_03_to_10_labour_and_security) {
  const auto h = direction::higher;
  check(parse_target("đạt trên 80%", h), target_kind::threshold, 80.0, false, none_, true, 80.0, "%");
  check(parse_target("đạt 40%", h), target_kind::threshold, 40.0, true, none_, true, 40.0, "%");
  const target jobs = parse_target("giai đoạn 2026 - 2030: 13.500 lao động", h);
  check(jobs, target_kind::cumulative, 13500.0, true, none_, true, 13500.0, "lao động");
  BOOST_TEST(jobs.period->first == 2026);
  BOOST_TEST(jobs.period->second == 2030);
  // khoảng 60%: tol = 60/100 = 0.6 -> [59.4, 60.6]
  const target bhxh = parse_target("khoảng 60% lực lượng lao động trong độ tuổi tham gia BHXH", h);
  check(bhxh, target_kind::approx, 60.0 - 0.6, true, 60.0 + 0.6, true, 60.0, "%");
  BOOST_TEST(!bhxh.tolerance.has_value());
  // khoảng 5%: tol = 0.05 -> [4.95, 5.05]
  check(parse_target("khoảng 5%", h), target_kind::approx, 5.0 - 0.05, true, 5.0 + 0.05, true, 5.0, "%");
  check(parse_target("47% lực lượng lao động trong độ tuổi tham gia BHTN", h), target_kind::threshold, 47.0,
        true, none_, true, 47.0, "%");
  check(parse_target("60%", h), target_kind::threshold, 60.0, true, none_, true, 60.0, "%");
  check(parse_target("100%", h), target_kind::threshold, 100.0, true, none_, true, 100.0, "%");
}

BOOST_AUTO_TEST_CASE(seed_rows_11_12_qualitative) {
  const target t = parse_target("định tính", direction::none);
  check(t, target_kind::qualitative, none_, true, none_, true, none_, "");
  BOOST_TEST((t.dir == direction::none));
  const target t2 = parse_target("định tính: bảo đảm mức sống tối thiểu", direction::none);
  BOOST_TEST(std::string(to_string(t2.kind)) == "qualitative");
}

BOOST_AUTO_TEST_CASE(seed_rows_13_to_19_education_and_health) {
  const auto h = direction::higher;
  check(parse_target("đạt 65,11%", h), target_kind::threshold, 65.11, true, none_, true, 65.11, "%");
  // the numbers in the description are not a range
  const target pcgd =
      parse_target("Hoàn thành phổ cập giáo dục mầm non cho trẻ mẫu giáo từ 3 đến 5 tuổi", direction::none);
  check(pcgd, target_kind::milestone, none_, true, none_, true, none_, "");
  check(parse_target("đạt trên 97,5%", h), target_kind::threshold, 97.5, false, none_, true, 97.5, "%");
  check(parse_target("tối thiểu đạt 95%", h), target_kind::threshold, 95.0, true, none_, true, 95.0, "%");
  check(parse_target("tối thiểu đạt 75%", h), target_kind::threshold, 75.0, true, none_, true, 75.0, "%");
  // khoảng 76,5 tuổi: tol = 76.5/100 = 0.765 -> [75.735, 77.265]
  check(parse_target("khoảng 76,5 tuổi", h), target_kind::approx, 76.5 - 0.765, true, 76.5 + 0.765, true,
        76.5, "tuổi");
  check(parse_target("đạt tối thiểu 68 năm", h), target_kind::threshold, 68.0, true, none_, true, 68.0,
        "năm");
}

BOOST_AUTO_TEST_CASE(seed_rows_20_to_28_health) {
  const auto h = direction::higher;
  check(parse_target("12-15 bác sĩ/10.000 dân", h), target_kind::range, 12.0, true, 15.0, true, none_,
        "bác sĩ/10.000 dân");
  check(parse_target("trên 35 giường bệnh/10.000 dân", h), target_kind::threshold, 35.0, false, none_, true,
        35.0, "giường bệnh/10.000 dân");
  for (const char* p :
       {"trên 95% dân số tham gia BHYT",
        "trên 95% người dân sử dụng dịch vụ chăm sóc ban đầu tại y tế cơ sở được BHYT chi trả",
        "trên 95% dân số được quản lý sức khỏe", "đạt trên 95%"})
    check(parse_target(p, h), target_kind::threshold, 95.0, false, none_, true, 95.0, "%");
  check(parse_target("dưới 15%", direction::lower), target_kind::threshold, none_, true, 15.0, false, 15.0,
        "%");
  check(parse_target("hoàn thành: cơ bản chấm dứt các dịch bệnh AIDS, lao", direction::none),
        target_kind::milestone, none_, true, none_, true, none_, "");
  check(parse_target("duy trì bền vững kết quả loại trừ sốt rét", direction::none), target_kind::sustained,
        none_, true, none_, true, none_, "");
}

BOOST_AUTO_TEST_CASE(seed_rows_29_to_38_services_and_environment) {
  const auto h = direction::higher;
  check(parse_target("đạt từ 95% trở lên", h), target_kind::threshold, 95.0, true, none_, true, 95.0, "%");
  check(parse_target("30 - 32 m²/người", h), target_kind::range, 30.0, true, 32.0, true, none_, "m²/người");
  check(parse_target("04 dự án", h), target_kind::threshold, 4.0, true, none_, true, 4.0, "dự án");
  // khoảng 14,8 ha: tol = 0.148 -> [14.652, 14.948]
  check(parse_target("khoảng 14,8 ha", h), target_kind::approx, 14.8 - 0.148, true, 14.8 + 0.148, true, 14.8,
        "ha");
  check(parse_target("100% hộ dân sử dụng nước hợp vệ sinh", h), target_kind::threshold, 100.0, true, none_,
        true, 100.0, "%");
  check(parse_target("98% hộ dân sử dụng nước sạch theo tiêu chuẩn của Bộ Y tế", h), target_kind::threshold,
        98.0, true, none_, true, 98.0, "%");
  check(parse_target("100% hộ gia đình", h), target_kind::threshold, 100.0, true, none_, true, 100.0, "%");
  check(parse_target("25% điểm dân cư nông thôn tập trung có hệ thống thu gom nước thải sinh hoạt", h),
        target_kind::threshold, 25.0, true, none_, true, 25.0, "%");
  check(parse_target("đạt ≥ 60%", h), target_kind::threshold, 60.0, true, none_, true, 60.0, "%");
  check(parse_target("đạt từ 96% trở lên", h), target_kind::threshold, 96.0, true, none_, true, 96.0, "%");
  check(parse_target("đạt trên 45% dân số", h), target_kind::threshold, 45.0, false, none_, true, 45.0, "%");
}

// ---- every comparator -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(comparators_words_and_symbols) {
  const auto h = direction::higher, l = direction::lower;
  for (const char* p :
       {"tối thiểu 5", "ít nhất 5", "không dưới 5", "từ 5 trở lên", "5 trở lên", ">= 5", "≥5", "at least 5"})
    check(parse_target(p, h), target_kind::threshold, 5.0, true, none_, true, 5.0, "");
  for (const char* p : {"trên 5", "> 5", "above 5"})
    check(parse_target(p, h), target_kind::threshold, 5.0, false, none_, true, 5.0, "");
  for (const char* p : {"tối đa 5", "không quá 5", "từ 5 trở xuống", "<=5", "≤ 5", "at most 5"})
    check(parse_target(p, l), target_kind::threshold, none_, true, 5.0, true, 5.0, "");
  for (const char* p : {"dưới 5", "< 5", "below 5"})
    check(parse_target(p, l), target_kind::threshold, none_, true, 5.0, false, 5.0, "");
  // an explicit comparator needs no direction
  check(parse_target("trên 5", direction::none), target_kind::threshold, 5.0, false, none_, true, 5.0, "");
}

BOOST_AUTO_TEST_CASE(ranges_every_separator) {
  for (const char* p : {"từ 30 đến 32 m²/người", "30 - 32 m2/người", "30–32 m²/người", "30..32 m²/người",
                        "30-32m² / người", "30 m²/người - 32 m²/người", "from 30 to 32 m²/người"})
    check(parse_target(p, direction::none), target_kind::range, 30.0, true, 32.0, true, none_, "m²/người");
  check(parse_target("12 - 12 người", direction::higher), target_kind::range, 12.0, true, 12.0, true, none_,
        "người");
}

BOOST_AUTO_TEST_CASE(approx_symbols_and_tolerance) {
  for (const char* p : {"khoảng 200", "≈ 200", "~200", "about 200"})  // tol = 2 -> [198, 202]
    check(parse_target(p), target_kind::approx, 198.0, true, 202.0, true, 200.0, "");
  const target t = parse_target("khoảng 60%", direction::higher, 5.0);  // [55, 65]
  check(t, target_kind::approx, 55.0, true, 65.0, true, 60.0, "%");
  BOOST_TEST(*t.tolerance == 5.0);
  // tol = |-50|/100 = 0.5 -> [-50.5, -49.5]
  check(parse_target("khoảng -50", direction::none), target_kind::approx, -50.5, true, -49.5, true, -50.0,
        "");
}

BOOST_AUTO_TEST_CASE(relative_forms) {
  const target t = parse_target("tối thiểu 2 lần so với năm 2020", direction::higher);
  check(t, target_kind::relative, 2.0, true, none_, true, 2.0, "lần");
  BOOST_TEST(*t.base_year == 2020);
  const target g = parse_target("tăng gấp 2 lần so với năm 2015", direction::higher);  // bare: >= 2
  check(g, target_kind::relative, 2.0, true, none_, true, 2.0, "lần");
  BOOST_TEST(*g.base_year == 2015);
  // khoảng 2 lần: tol = 0.02 -> [1.98, 2.02]
  check(parse_target("khoảng 2 lần so với năm 2020"), target_kind::relative, 2.0 - 0.02, true, 2.0 + 0.02,
        true, 2.0, "lần");
  const target en = parse_target("from 2 to 2.6 times the 2020 level", direction::higher);
  check(en, target_kind::relative, 2.0, true, 2.6, true, none_, "lần");
  BOOST_TEST(*en.base_year == 2020);
  // "lần" without "so với năm" is a plain unit
  check(parse_target("tối thiểu 3 lần"), target_kind::threshold, 3.0, true, none_, true, 3.0, "lần");
}

BOOST_AUTO_TEST_CASE(cumulative_forms) {
  for (const char* p : {"giai đoạn 2026-2030: 13.500 lao động", "Giai đoạn 2026 – 2030 : đạt 13.500 lao động",
                        "total over 2026-2030: 13500 lao động"}) {
    const target t = parse_target(p, direction::higher);
    check(t, target_kind::cumulative, 13500.0, true, none_, true, 13500.0, "lao động");
    BOOST_TEST(t.period->first == 2026);
    BOOST_TEST(t.period->second == 2030);
  }
}

BOOST_AUTO_TEST_CASE(aspirational_and_ocr_variants) {
  for (const char* p :
       {"phấn đấu đạt trên 80%", "Phần đầu đạt trên 80%", "Phân đầu trên 80%", "strive for above 80%"}) {
    const target t = parse_target(p);
    BOOST_TEST(t.aspirational);
    check(t, target_kind::threshold, 80.0, false, none_, true, 80.0, "%");
  }
  BOOST_TEST(parse_target("phấn đấu hoàn thành phổ cập", direction::none).aspirational);
}

BOOST_AUTO_TEST_CASE(english_keywords_for_boolean_kinds) {
  BOOST_TEST(std::string(to_string(parse_target("completed", direction::none).kind)) == "milestone");
  BOOST_TEST(std::string(to_string(parse_target("sustained", direction::none).kind)) == "sustained");
  BOOST_TEST(std::string(to_string(parse_target("qualitative", direction::none).kind)) == "qualitative");
}

BOOST_AUTO_TEST_CASE(units_normalised) {
  BOOST_TEST(parse_target("13.500 Lao  Động", direction::higher).unit == "lao động");  // folded, one space
  BOOST_TEST(parse_target("30 M2/Người", direction::higher).unit == "m²/người");       // m2 written m²
  BOOST_TEST(parse_target("trên 35 /10.000 dân").unit == "/10.000 dân");               // rate alone
  BOOST_TEST(parse_target("trên 35 giường bệnh / 10000 dân").unit == "giường bệnh/10.000 dân");
  BOOST_TEST(parse_target("tối thiểu 5 người").unit == "người");
}

// ---- Unicode: NFD equals NFC, case-insensitive, white space ------------------------------------

BOOST_AUTO_TEST_CASE(nfd_input_reads_as_nfc) {
  // "đạt trên 80%" decomposed: ạ = a + U+0323, ê = e + U+0302
  const std::string nfd =
      "\xC4\x91"
      "a\xCC\xA3t tre\xCC\x82n 80%";
  BOOST_TEST(nfd != "đạt trên 80%");
  target a = parse_target(nfd), b = parse_target("đạt trên 80%");
  BOOST_TEST(a.text == nfd);  // text is the phrase as given
  a.text = b.text;
  BOOST_TEST((a == b));
  // "tối thiểu 95%": ố = o + U+0302 + U+0301, ể = e + U+0302 + U+0309
  const std::string nfd2 = "to\xCC\x82\xCC\x81i thie\xCC\x82\xCC\x89u 95%";
  check(parse_target(nfd2), target_kind::threshold, 95.0, true, none_, true, 95.0, "%");
  // positions count NFC code points: "trên 80% x1" -> '1' at 10 (11 in the NFD input)
  const phrase_error e = refusal("tre\xCC\x82n 80% x1", direction::higher);
  BOOST_TEST(e.position() == 10u);
  BOOST_TEST(e.word() == "1");
  // "dưới" decomposed: ư = u + U+031B, ớ = o + U+031B + U+0301; contradicts higher
  BOOST_TEST(refusal("du\xCC\x9Bo\xCC\x9B\xCC\x81i 15%", direction::higher).word() == "dưới");
}

BOOST_AUTO_TEST_CASE(case_insensitive_and_spaces) {
  target a = parse_target("TRÊN 80%"), b = parse_target("trên 80%");
  a.text = b.text;
  BOOST_TEST((a == b));
  check(parse_target("ĐẠT TỪ 95 % TRỞ LÊN"), target_kind::threshold, 95.0, true, none_, true, 95.0, "%");
  check(parse_target("  trên\t 80 %  "), target_kind::threshold, 80.0, false, none_, true, 80.0, "%");
  check(parse_target(">=60%"), target_kind::threshold, 60.0, true, none_, true, 60.0, "%");
}

// ---- numbers ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(number_rules) {
  BOOST_TEST(parse_number("13.500") == 13500.0);  // dot + three digits: thousands
  BOOST_TEST(parse_number("1.234.567") == 1234567.0);
  BOOST_TEST(parse_number("76.5") == 76.5);  // any other dot: decimal point
  BOOST_TEST(parse_number("2,0") == 2.0);    // comma: decimal mark
  BOOST_TEST(parse_number("65,11") == 65.11);
  BOOST_TEST(parse_number("04") == 4.0);          // leading zeros
  BOOST_TEST(parse_number("1.234,5") == 1234.5);  // thousands then decimal comma
  BOOST_TEST(parse_number("0,125") == 0.125);
  BOOST_TEST(parse_number("0.125") == 125.0);  // the rule, literally: 0.125 is 125
  BOOST_TEST(parse_number("1.2345") == 1.2345);
  BOOST_TEST(parse_number(" -3,5 ") == -3.5);
  BOOST_TEST(parse_number("\xE2\x88\x92"
                          "2") == -2.0);  // U+2212 minus sign
}

BOOST_AUTO_TEST_CASE(number_refusals) {
  for (const char* bad : {"1,5.000", "1.5.3", "2,5,1"}) {
    try {
      parse_number(bad);
      BOOST_ERROR(std::string(bad) + " was read");
    } catch (const phrase_error& e) {
      BOOST_TEST(e.position() == 0u);
      BOOST_TEST(e.word() == bad);
      BOOST_TEST(e.field() == "number");
    }
  }
  try {
    parse_number("12 ha");
    BOOST_ERROR("12 ha was read");
  } catch (const phrase_error& e) {
    BOOST_TEST(e.position() == 3u);
    BOOST_TEST(e.word() == "ha");
  }
  BOOST_CHECK_THROW(parse_number(""), phrase_error);
  BOOST_CHECK_THROW(parse_number("abc"), phrase_error);
}

// ---- refusals, with their messages and positions ----------------------------------------------

BOOST_AUTO_TEST_CASE(refuses_empty) {
  const phrase_error e = refusal("", direction::higher);
  BOOST_TEST(e.position() == 0u);
  BOOST_TEST(e.word().empty());
  BOOST_TEST(e.field() == "target");
  BOOST_TEST(e.message().rfind(
                 "cannot read the end of the phrase at position 0 of \"\": expected a target phrase", 0) ==
             0u);
  BOOST_TEST(refusal("   ", direction::higher).position() == 3u);
  BOOST_TEST(refusal("phấn đấu", direction::higher).position() == 8u);
}

BOOST_AUTO_TEST_CASE(refuses_no_number) {
  const phrase_error e = refusal("trên %", direction::higher);
  BOOST_TEST(e.position() == 5u);
  BOOST_TEST(e.word() == "%");
  BOOST_TEST(e.message() ==
             "cannot read \"%\" at position 5 of \"trên %\": expected a number after \"trên\"");
  const phrase_error w = refusal("abc", direction::higher);
  BOOST_TEST(w.position() == 0u);
  BOOST_TEST(w.word() == "abc");
  BOOST_TEST(refusal("tối thiểu", direction::higher).word().empty());
  BOOST_TEST(refusal("tối thiểu", direction::higher).position() == 9u);
}

BOOST_AUTO_TEST_CASE(refuses_reversed_range_and_period) {
  // "từ 20 đến 10": "10" starts at 10
  const phrase_error e = refusal("từ 20 đến 10", direction::higher);
  BOOST_TEST(e.position() == 10u);
  BOOST_TEST(e.word() == "10");
  BOOST_TEST(e.message() ==
             "cannot read \"10\" at position 10 of \"từ 20 đến 10\": expected a number "
             "not below 20 (a range is written from low to high)");
  BOOST_TEST(refusal("32-30 m²/người", direction::higher).position() == 3u);
  // "giai đoạn 2030 - 2026: 100": "2026" at 10 + 4 + 3 = 17
  const phrase_error p = refusal("giai đoạn 2030 - 2026: 100", direction::higher);
  BOOST_TEST(p.position() == 17u);
  BOOST_TEST(p.word() == "2026");
}

BOOST_AUTO_TEST_CASE(refuses_percent_outside_0_100) {
  const phrase_error e = refusal("trên 120%", direction::higher);
  BOOST_TEST(e.position() == 5u);
  BOOST_TEST(e.word() == "120");
  BOOST_TEST(e.expected() == "a percentage in [0, 100]");
  BOOST_TEST(refusal("90 - 100,5%", direction::higher).word() == "100,5");
  BOOST_TEST(refusal("-1%", direction::lower).position() == 0u);
  BOOST_TEST(refusal("giai đoạn 2026 - 2030: 150%", direction::higher).position() ==
             23u);  // 10 + 4 + 3 + 4 + 2
}

BOOST_AUTO_TEST_CASE(refuses_trailing_garbage) {
  // đạt(0-2) trên(4-7) 80%(9-11) dân(13-15) số(17-18) 2030(20-23)
  const phrase_error e = refusal("đạt trên 80% dân số 2030", direction::higher);
  BOOST_TEST(e.position() == 20u);
  BOOST_TEST(e.word() == "2030");
  BOOST_TEST(e.message() ==
             "cannot read \"2030\" at position 20 of \"đạt trên 80% dân số 2030\": "
             "expected the end of the phrase after the unit");
  BOOST_TEST(std::string(e.what()) == "target: " + e.message());
  const phrase_error pp = refusal("80%%", direction::higher);
  BOOST_TEST(pp.position() == 3u);
  BOOST_TEST(pp.word() == "%");
  const phrase_error two = refusal("80 90", direction::higher);
  BOOST_TEST(two.position() == 3u);
  BOOST_TEST(two.expected() == "the end of the phrase after the number (or a unit)");
  BOOST_TEST(refusal("12 - 15 - 18", direction::higher).position() == 8u);
  BOOST_TEST(refusal("100% hộ gia đình, trường học", direction::higher).word() == ",");
  BOOST_TEST(refusal("tối thiểu 2 lần so với năm 2020 x", direction::higher).expected() ==
             "the end of the phrase after the base year");
  BOOST_TEST(refusal("trên 80% trở lên", direction::higher).word() == "trở");
  // a unit never swallows a keyword of the grammar
  BOOST_TEST(refusal("2,5 trên", direction::higher).position() == 4u);
  BOOST_TEST(refusal("tối thiểu 5 lần đạt khoảng", direction::higher).word() == "đạt");
  BOOST_TEST(refusal("trên 95% dân số tối thiểu", direction::higher).word() == "tối");
}

BOOST_AUTO_TEST_CASE(refuses_comparator_contradicting_direction) {
  const phrase_error up = refusal("trên 80%", direction::lower);
  BOOST_TEST(up.position() == 0u);
  BOOST_TEST(up.word() == "trên");
  BOOST_TEST(up.expected().find("direction lower") != std::string::npos);
  BOOST_TEST(up.expected().find("\"trên\" sets a lower bound") != std::string::npos);
  const phrase_error down = refusal("đạt dưới 15%", direction::higher);
  BOOST_TEST(down.position() == 4u);
  BOOST_TEST(down.expected().find("direction higher") != std::string::npos);
  BOOST_TEST(refusal("≤ 5", direction::higher).word() == "≤");
  BOOST_TEST(
      refusal("không  quá 5", direction::higher).expected().find("\"không quá\" sets an upper bound") !=
      std::string::npos);
  const phrase_error tail = refusal("từ 95% trở lên", direction::lower);
  BOOST_TEST(tail.position() == 7u);
  BOOST_TEST(tail.expected().find("\"trở lên\"") != std::string::npos);
  BOOST_TEST(refusal("giai đoạn 2026 - 2030: 5", direction::lower).position() == 0u);
}

BOOST_AUTO_TEST_CASE(refuses_bare_number_without_direction) {
  const phrase_error e = refusal("80%", direction::none);
  BOOST_TEST(e.position() == 0u);
  BOOST_TEST(e.word() == "80");
  BOOST_TEST(e.expected().find("with direction none a bare number has no sense") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_other_misreadings) {
  BOOST_TEST(refusal("tăng 5%", direction::higher).word() == "tăng");  // a growth, not a level
  BOOST_TEST(refusal("từ 5", direction::higher).expected().find("\"đến\"") != std::string::npos);
  BOOST_TEST(refusal("30% - 40 người", direction::higher).position() == 9u);     // different units
  BOOST_TEST(refusal("2 lần so với năm 20", direction::higher).word() == "20");  // a year has four digits
  BOOST_TEST(refusal("trên \xFF", direction::higher).word() == "\\xFF");  // invalid UTF-8, at code point 5
  BOOST_TEST(refusal("trên \xFF", direction::higher).position() == 5u);
}

BOOST_AUTO_TEST_CASE(tolerance_only_for_approx) {
  BOOST_CHECK_THROW(parse_target("trên 80%", direction::higher, 1.0), chitieu::error);
  BOOST_CHECK_THROW(parse_target("hoàn thành", direction::none, 1.0), chitieu::error);
  BOOST_CHECK_THROW(parse_target("khoảng 80%", direction::higher, -1.0), chitieu::error);
  try {
    parse_target("trên 80%", direction::higher, 1.0);
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.field() == "tolerance");
    BOOST_TEST(dynamic_cast<const phrase_error*>(&e) == nullptr);
  }
}

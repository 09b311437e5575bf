#include <boost/test/unit_test.hpp>

#include <chitieu/phrase.hpp>

#include <optional>
#include <string>
#include <vector>

// Target phrases as Vietnamese national and provincial plans word them, after the indicator's
// name (the part a plan file's `target` holds), each with the document and item it comes from.
// The direction is given where the plan file would give it (the indicator's); empty where the
// words alone must say it.

using chitieu::direction;
using chitieu::parse_target;

namespace {

const std::optional<double> open_;
const std::optional<direction> implied;
const auto higher = std::optional<direction>(direction::higher);
const auto lower = std::optional<direction>(direction::lower);

struct real_phrase {
  const char* source;  // document, item
  const char* phrase;  // as written
  std::optional<direction> given;
  const char* kind;
  const char* dir;
  std::optional<double> lower;
  bool lower_inclusive;
  std::optional<double> upper;
  bool upper_inclusive;
  const char* unit;
};

const char* const hue_2015 =
    "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Thừa Thiên Huế lần thứ XV (2015-2020), Các chỉ tiêu chủ yếu";
const char* const congress_13 =
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng (2021), chỉ tiêu chủ yếu 2021-2025";
const char* const nq_16_qh15 =
    "Nghị quyết số 16/2021/QH15 của Quốc hội về Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025";
const char* const nq_81_qh15 =
    "Nghị quyết số 81/2023/QH15 của Quốc hội về Quy hoạch tổng thể quốc gia thời kỳ 2021-2030";
const char* const nq_42 =
    "Nghị quyết số 42-NQ/TW ngày 24/11/2023 (Hội nghị Trung ương 8 khóa XIII), mục tiêu đến năm 2030";
const char* const nq_21 =
    "Nghị quyết số 21-NQ/TW ngày 25/10/2017 (Hội nghị Trung ương 6 khóa XII) về công tác dân số trong "
    "tình hình mới, mục tiêu đến năm 2030";
const char* const qd_1679 =
    "Quyết định số 1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ phê duyệt Chiến lược Dân số "
    "Việt Nam đến năm 2030";
const char* const nq_20 =
    "Nghị quyết số 20-NQ/TW ngày 25/10/2017 (Hội nghị Trung ương 6 khóa XII) về bảo vệ, chăm sóc và "
    "nâng cao sức khỏe nhân dân, mục tiêu đến năm 2030";
const char* const la_gi = "Nghị quyết Đại hội đại biểu Đảng bộ thị xã La Gi (Bình Thuận) nhiệm kỳ 2020-2025";

// clang-format off
const std::vector<real_phrase> phrases = {
    // Thừa Thiên Huế, 2015-2020
    {hue_2015, "tăng bình quân trên 9%/năm", implied, "annual_change", "higher", 9.0, false, open_, true, "%/năm"},        // GRDP
    {hue_2015, "tăng bình quân 15%/năm", implied, "annual_change", "higher", 15.0, true, open_, true, "%/năm"},            // kim ngạch xuất khẩu
    {hue_2015, "tăng bình quân từ 15 - 20%/năm", implied, "annual_change", "higher", 15.0, true, 20.0, true, "%/năm"},     // vốn đầu tư toàn xã hội
    {hue_2015, "tăng bình quân từ 10 - 12%/năm", implied, "annual_change", "higher", 10.0, true, 12.0, true, "%/năm"},     // thu ngân sách
    {hue_2015, "từ 60 - 65%", higher, "range", "higher", 60.0, true, 65.0, true, "%"},                                     // đô thị hóa
    {hue_2015, "khoảng 1 - 1,1%/năm", implied, "range", "none", 1.0, true, 1.1, true, "%/năm"},                            // phát triển dân số tự nhiên
    {hue_2015, "đạt 65 - 70%", higher, "range", "higher", 65.0, true, 70.0, true, "%"},                                    // lao động qua đào tạo
    {hue_2015, "từ 15.000 - 17.000 lao động/năm", higher, "range", "higher", 15000.0, true, 17000.0, true, "lao động/năm"}, // việc làm mới
    {hue_2015, "giảm bình quân từ 1,5 - 2%/năm", implied, "annual_change", "lower", -2.0, true, -1.5, true, "%/năm"},      // hộ nghèo
    {hue_2015, "50 - 60%", higher, "range", "higher", 50.0, true, 60.0, true, "%"},                                        // xã đạt chuẩn nông thôn mới
    {hue_2015, "đạt trên 95%", implied, "threshold", "higher", 95.0, false, open_, true, "%"},                             // nước sạch, hợp vệ sinh
    {hue_2015, "từ 57 - 58%", implied, "range", "none", 57.0, true, 58.0, true, "%"},                                      // độ che phủ rừng
    {hue_2015, "100%", higher, "threshold", "higher", 100.0, true, open_, true, "%"},                                      // chất thải y tế xử lý
    // Đại hội XIII, 2021-2025
    {congress_13, "tăng bình quân khoảng 6,5 - 7%/năm", implied, "annual_change", "higher", 6.5, true, 7.0, true, "%/năm"}, // GDP
    {congress_13, "khoảng 4.700 - 5.000 USD", higher, "range", "higher", 4700.0, true, 5000.0, true, "usd"},               // GDP bình quân đầu người 2025
    {congress_13, "đạt trên 25%", implied, "threshold", "higher", 25.0, false, open_, true, "%"},                          // công nghiệp chế biến, chế tạo trong GDP
    {congress_13, "khoảng 45%", implied, "approx", "none", 45.0 - 0.45, true, 45.0 + 0.45, true, "%"},                     // tỷ lệ đô thị hóa
    {congress_13, "đạt 70%", higher, "threshold", "higher", 70.0, true, open_, true, "%"},                                 // lao động qua đào tạo
    {congress_13, "dưới 4%", implied, "threshold", "lower", open_, true, 4.0, false, "%"},                                 // thất nghiệp thành thị
    {congress_13, "duy trì mức giảm 1 - 1,5%/năm", implied, "annual_change", "lower", -1.5, true, -1.0, true, "%/năm"},    // nghèo đa chiều
    {congress_13, "đạt 95% dân số", higher, "threshold", "higher", 95.0, true, open_, true, "%"},                          // bảo hiểm y tế
    {congress_13, "khoảng 74,5 tuổi", implied, "approx", "none", 74.5 - 0.745, true, 74.5 + 0.745, true, "tuổi"},          // tuổi thọ bình quân
    {congress_13, "tối thiểu 80%", implied, "threshold", "higher", 80.0, true, open_, true, "%"},                          // xã đạt chuẩn nông thôn mới
    {congress_13, "95 - 100%", higher, "range", "higher", 95.0, true, 100.0, true, "%"},                                   // nước sạch, thành thị
    {congress_13, "93 - 95%", higher, "range", "higher", 93.0, true, 95.0, true, "%"},                                     // nước hợp vệ sinh, nông thôn
    {congress_13, "đạt 90%", higher, "threshold", "higher", 90.0, true, open_, true, "%"},                                 // chất thải rắn đô thị xử lý
    // Quốc hội, kế hoạch 2021-2025
    {nq_16_qh15, "khoảng 25%", implied, "approx", "none", 25.0 - 0.25, true, 25.0 + 0.25, true, "%"},                      // lao động nông nghiệp
    {nq_16_qh15, "đạt khoảng 45%", implied, "approx", "none", 45.0 - 0.45, true, 45.0 + 0.45, true, "%"},                  // đóng góp của TFP
    {nq_16_qh15, "duy trì mức giảm 1-1,5%/năm", lower, "annual_change", "lower", -1.5, true, -1.0, true, "%/năm"},         // nghèo đa chiều
    // Quy hoạch tổng thể quốc gia
    {nq_81_qh15, "đạt 15%", higher, "threshold", "higher", 15.0, true, open_, true, "%"},                                  // giường bệnh tư nhân
    {nq_81_qh15, "đạt tối thiểu 68 năm", implied, "threshold", "higher", 68.0, true, open_, true, "năm"},                  // thời gian sống khỏe mạnh
    {nq_81_qh15, "giảm xuống dưới 20%", implied, "threshold", "lower", open_, true, 20.0, false, "%"},                     // lao động nông nghiệp
    {nq_81_qh15, "đạt 75 tuổi", higher, "threshold", "higher", 75.0, true, open_, true, "tuổi"},                           // tuổi thọ bình quân
    // Nghị quyết 42-NQ/TW
    {nq_42, "dưới 3%", implied, "threshold", "lower", open_, true, 3.0, false, "%"},                                       // thất nghiệp
    {nq_42, "45%", higher, "threshold", "higher", 45.0, true, open_, true, "%"},                                           // bảo hiểm thất nghiệp
    {nq_42, "trên 95%", implied, "threshold", "higher", 95.0, false, open_, true, "%"},                                    // bảo hiểm y tế
    {nq_42, "duy trì mức giảm 1 - 1,5%/năm", implied, "annual_change", "lower", -1.5, true, -1.0, true, "%/năm"},          // nghèo đa chiều
    // Chiến lược Dân số
    {qd_1679, "xuống còn 12‰", implied, "threshold", "lower", open_, true, 12.0, true, "‰"},                              // tử vong trẻ em dưới 1 tuổi
    {qd_1679, "xuống còn 18,5‰", implied, "threshold", "lower", open_, true, 18.5, true, "‰"},                            // tử vong trẻ em dưới 5 tuổi
    {nq_21, "đạt 75 tuổi", higher, "threshold", "higher", 75.0, true, open_, true, "tuổi"},                                // tuổi thọ bình quân
    // Nghị quyết 20-NQ/TW
    {nq_20, "dưới 15%", implied, "threshold", "lower", open_, true, 15.0, false, "%"},                                    // trẻ em dưới 5 tuổi thấp còi
    {nq_20, "đạt 19 bác sĩ/10.000 dân", higher, "threshold", "higher", 19.0, true, open_, true, "bác sĩ/10.000 dân"},      // bác sĩ
    {nq_20, "trên 95%", implied, "threshold", "higher", 95.0, false, open_, true, "%"},                                    // bảo hiểm y tế
    // La Gi
    {la_gi, "tăng từ 2,0 đến 2,6 lần so với năm 2020", implied, "relative", "higher", 2.0, true, 2.6, true, "lần"},      // thu nhập bình quân đầu người
    {la_gi, "giai đoạn 2026 - 2030: 13.500 lao động", implied, "cumulative", "higher", 13500.0, true, open_, true, "lao động"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_CASE(at_least_forty_real_phrases) { BOOST_TEST(phrases.size() >= 40u); }

BOOST_AUTO_TEST_CASE(every_real_phrase_reads_as_its_plan_means) {
  for (const auto& r : phrases) {
    BOOST_TEST_CONTEXT(r.source << ": \"" << r.phrase << "\"") {
      const chitieu::target t = parse_target(r.phrase, r.given);
      BOOST_TEST(std::string(to_string(t.kind)) == r.kind);
      BOOST_TEST(std::string(to_string(t.dir)) == r.dir);
      BOOST_TEST(t.lower.has_value() == r.lower.has_value());
      if (t.lower && r.lower) {
        BOOST_TEST(*t.lower == *r.lower, boost::test_tools::tolerance(1e-12));
        BOOST_TEST(t.lower_inclusive == r.lower_inclusive);
      }
      BOOST_TEST(t.upper.has_value() == r.upper.has_value());
      if (t.upper && r.upper) {
        BOOST_TEST(*t.upper == *r.upper, boost::test_tools::tolerance(1e-12));
        BOOST_TEST(t.upper_inclusive == r.upper_inclusive);
      }
      BOOST_TEST(t.unit == r.unit);
    }
  }
}

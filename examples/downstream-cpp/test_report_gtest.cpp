// chitieu-report's core under GoogleTest, checked with chitieu/testing/gtest.hpp.
#include <chitieu/testing/gtest.hpp>

#include "report.hpp"
#include "sample_files.hpp"

TEST(Report, TodaysUnitsThroughTheCrosswalk) {
  chitieu::plan plan;
  const auto historical = report::run({"la-gi-2024", sample::observations, sample::areas, {}, {}}, plan);
  const auto today =
      report::run({"la-gi-2024", sample::observations, sample::areas, sample::crosswalk, "2025-07-01"}, plan);
  // The old wards are re-expressed in the 2025 units: none of them keeps a row.
  EXPECT_FALSE(today.evaluation.find("trained_labour", "phuong-tan-an", 2024));
  ASSERT_TRUE(historical.evaluation.find("trained_labour", "la-gi", 2024));
  // La Gi is the same territory on both geographies: its verdict does not change.
  const chitieu::status town = historical.evaluation.find("trained_labour", "la-gi", 2024)->status();
  EXPECT_CHITIEU_STATUS(today.evaluation, "trained_labour", "la-gi", 2024, town, &plan);
}

TEST(Report, BadInputNamesTheFileAndLine) {
  chitieu::plan plan;
  try {
    report::run({"la-gi-2024", sample::areas, {}, {}, {}}, plan);
    FAIL() << "an area file read as observations was accepted";
  } catch (const chitieu::error& e) {
    EXPECT_EQ(e.file(), sample::areas);
    EXPECT_EQ(e.line(), 1);
    EXPECT_EQ(e.field(), "indicator");
  }
}

TEST(Report, SameFilesSameEvaluation) {
  chitieu::plan plan;
  const auto a = report::run({"la-gi-2024", sample::observations, sample::areas, {}, {}}, plan);
  const auto b = report::run({"la-gi-2024", sample::observations, sample::areas, {}, {}}, plan);
  EXPECT_CHITIEU_EVALUATIONS_EQUAL(a.evaluation, b.evaluation, chitieu::testing::exactly());
}

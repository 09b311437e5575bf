// Checks that fail on purpose: CTest expects their messages (the row; the differing cells).
#include <chitieu/testing/gtest.hpp>

#include "report.hpp"
#include "sample_files.hpp"

TEST(FailingOnPurpose, StatusShowsTheRow) {
  chitieu::plan plan;
  const auto result = report::run({"la-gi-2024", sample::labour_file("failing", 74), {}, {}, {}}, plan);
  EXPECT_CHITIEU_STATUS(result.evaluation, "trained_labour", "la-gi", 2024, chitieu::status::no_data, &plan);
}

TEST(FailingOnPurpose, EvaluationsShowTheCells) {
  chitieu::plan plan;
  const auto a = report::run({"la-gi-2024", sample::labour_file("left", 74), {}, {}, {}}, plan);
  const auto b = report::run({"la-gi-2024", sample::labour_file("right", 81), {}, {}, {}}, plan);
  EXPECT_CHITIEU_EVALUATIONS_EQUAL(a.evaluation, b.evaluation);
}

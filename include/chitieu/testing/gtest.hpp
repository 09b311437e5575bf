/// @file gtest.hpp
/// @brief GoogleTest assertions on chitieu evaluations: EXPECT_/ASSERT_CHITIEU_STATUS,
/// _PACE and _EVALUATIONS_EQUAL, failing with chitieu/testing.hpp's message.
#pragma once

#include <chitieu/testing.hpp>

#include <gtest/gtest.h>

#include <string>

namespace chitieu::testing::gtest {

/// Success when `failure` is empty, else a failure carrying it.
inline ::testing::AssertionResult result(const std::string& failure) {
  if (failure.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\n" << failure;
}

}  // namespace chitieu::testing::gtest

/// Expects the status of a row (ev, indicator, area, year, chitieu::status, optional plan pointer).
#define EXPECT_CHITIEU_STATUS(...) \
  EXPECT_TRUE(::chitieu::testing::gtest::result(::chitieu::testing::check_status(__VA_ARGS__)))
/// As EXPECT_CHITIEU_STATUS, returning from the test on failure.
#define ASSERT_CHITIEU_STATUS(...) \
  ASSERT_TRUE(::chitieu::testing::gtest::result(::chitieu::testing::check_status(__VA_ARGS__)))
/// Expects the pace of a row (ev, indicator, area, year, chitieu::pace, optional plan pointer).
#define EXPECT_CHITIEU_PACE(...) \
  EXPECT_TRUE(::chitieu::testing::gtest::result(::chitieu::testing::check_pace(__VA_ARGS__)))
/// As EXPECT_CHITIEU_PACE, returning from the test on failure.
#define ASSERT_CHITIEU_PACE(...) \
  ASSERT_TRUE(::chitieu::testing::gtest::result(::chitieu::testing::check_pace(__VA_ARGS__)))
/// Expects two evaluations to agree (left, right, optional chitieu::testing::tolerance).
#define EXPECT_CHITIEU_EVALUATIONS_EQUAL(...) \
  EXPECT_TRUE(::chitieu::testing::gtest::result(::chitieu::testing::compare(__VA_ARGS__)))
/// As EXPECT_CHITIEU_EVALUATIONS_EQUAL, returning from the test on failure.
#define ASSERT_CHITIEU_EVALUATIONS_EQUAL(...) \
  ASSERT_TRUE(::chitieu::testing::gtest::result(::chitieu::testing::compare(__VA_ARGS__)))

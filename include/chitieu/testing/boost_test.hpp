/// @file boost_test.hpp
/// @brief Boost.Test checks of chitieu evaluations: CHITIEU_CHECK_STATUS, CHITIEU_CHECK_PACE,
/// CHITIEU_CHECK_EVALUATIONS_EQUAL and their REQUIRE forms, failing with chitieu/testing.hpp's
/// message (the row, or the differing cells).
#pragma once

#include <chitieu/testing.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

/// Checks the status of a row (ev, indicator, area, year, chitieu::status, optional plan pointer).
#define CHITIEU_CHECK_STATUS(...) \
  CHITIEU_BOOST_TEST_MESSAGE(BOOST_TEST, ::chitieu::testing::check_status(__VA_ARGS__))
/// As CHITIEU_CHECK_STATUS, ending the test case on failure.
#define CHITIEU_REQUIRE_STATUS(...) \
  CHITIEU_BOOST_TEST_MESSAGE(BOOST_TEST_REQUIRE, ::chitieu::testing::check_status(__VA_ARGS__))
/// Checks the pace of a row (ev, indicator, area, year, chitieu::pace, optional plan pointer).
#define CHITIEU_CHECK_PACE(...) \
  CHITIEU_BOOST_TEST_MESSAGE(BOOST_TEST, ::chitieu::testing::check_pace(__VA_ARGS__))
/// As CHITIEU_CHECK_PACE, ending the test case on failure.
#define CHITIEU_REQUIRE_PACE(...) \
  CHITIEU_BOOST_TEST_MESSAGE(BOOST_TEST_REQUIRE, ::chitieu::testing::check_pace(__VA_ARGS__))
/// Checks two evaluations agree (left, right, optional chitieu::testing::tolerance).
#define CHITIEU_CHECK_EVALUATIONS_EQUAL(...) \
  CHITIEU_BOOST_TEST_MESSAGE(BOOST_TEST, ::chitieu::testing::compare(__VA_ARGS__))
/// As CHITIEU_CHECK_EVALUATIONS_EQUAL, ending the test case on failure.
#define CHITIEU_REQUIRE_EVALUATIONS_EQUAL(...) \
  CHITIEU_BOOST_TEST_MESSAGE(BOOST_TEST_REQUIRE, ::chitieu::testing::compare(__VA_ARGS__))

/// Passes when `message` (a std::string) is empty, else fails with it through `tool`.
#define CHITIEU_BOOST_TEST_MESSAGE(tool, message)             \
  do {                                                        \
    const std::string chitieu_failure_ = (message);           \
    tool(chitieu_failure_.empty(), "\n" << chitieu_failure_); \
  } while (false)

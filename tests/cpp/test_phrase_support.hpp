// Test helper shared by the phrase tests (include after <boost/test/unit_test.hpp>).
#pragma once

#include <chitieu/phrase.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace chitieu::test {

/// The phrase_error parse_target(phrase, d) throws (fails the test when the phrase is read).
/// As in parse_target, no direction given means the words must imply one.
inline phrase_error refusal(const std::string& phrase, std::optional<direction> d = std::nullopt) {
  try {
    (void)parse_target(phrase, d);
  } catch (const phrase_error& e) {
    return e;
  }
  BOOST_FAIL("\"" + phrase + "\" was read, but should be refused");
  throw std::logic_error("unreachable");
}

}  // namespace chitieu::test

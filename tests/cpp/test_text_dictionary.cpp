// Tests of detail::text_dictionary and detail::number_texts: texts numbered in order of first
// appearance, as a std::map-based reference numbers them, over texts of every length (the hash
// reads words, halves and bytes), a table that grows, and rows split over 1 to 8 threads.
#include <boost/test/unit_test.hpp>

#include "detail/text_dictionary.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

using chitieu::detail::number_texts;
using chitieu::detail::text_dictionary;

namespace {

/// `n` random texts: lengths 0 to 40 of a few letters (so texts repeat and share prefixes and
/// lengths), a run of repeats now and then, and "" among them.
std::vector<std::string> random_texts(std::size_t n, unsigned seed) {
  std::mt19937 g(seed);
  std::vector<std::string> out;
  while (out.size() < n) {
    const std::size_t length = g() % 41 < 30 ? g() % 6 : g() % 41;
    std::string t;
    for (std::size_t i = 0; i < length; ++i) t.push_back("abcÀ-"[g() % 5]);
    const std::size_t repeats = g() % 8 == 0 ? 1 + g() % 20 : 1;
    for (std::size_t k = 0; k < repeats && out.size() < n; ++k) out.push_back(t);
  }
  return out;
}

/// The codes and dictionary of `texts` by a std::map, in order of first appearance.
std::pair<std::vector<std::int32_t>, std::vector<std::string>> reference(
    const std::vector<std::string>& texts) {
  std::map<std::string, std::int32_t> seen;
  std::pair<std::vector<std::int32_t>, std::vector<std::string>> out;
  for (const auto& t : texts) {
    const auto [it, fresh] = seen.emplace(t, static_cast<std::int32_t>(out.second.size()));
    if (fresh) out.second.push_back(t);
    out.first.push_back(it->second);
  }
  return out;
}

/// Numbers `texts` in one dictionary and checks the codes and ids against reference().
void check_numbered_as_a_map(const std::vector<std::string>& texts) {
  const auto [codes, ids] = reference(texts);
  text_dictionary d;
  std::vector<std::int32_t> got;
  for (const auto& t : texts) got.push_back(d.code(t));
  BOOST_TEST(got == codes, boost::test_tools::per_element());
  BOOST_TEST(d.ids() == ids, boost::test_tools::per_element());
}

}  // namespace

BOOST_AUTO_TEST_CASE(texts_are_numbered_in_order_of_first_appearance) {
  text_dictionary d;
  BOOST_TEST(d.code("b") == 0);
  BOOST_TEST(d.code("a") == 1);
  BOOST_TEST(d.code("b") == 0);
  BOOST_TEST(d.code("") == 2);
  BOOST_TEST(d.code("a") == 1);
  BOOST_TEST(d.code("ab") == 3);
  BOOST_TEST(d.size() == 4u);
  BOOST_TEST(d.text(3) == "ab");
  const std::vector<std::string> ids{"b", "a", "", "ab"};
  BOOST_TEST(d.ids() == ids, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(random_texts_get_the_codes_of_a_map) {
  for (unsigned seed = 1; seed <= 5; ++seed) check_numbered_as_a_map(random_texts(50000, seed));
}

BOOST_AUTO_TEST_CASE(ids_repeating_in_cycles_get_the_codes_of_a_map) {
  // The indicators of one area after another: the text that followed the last one is tried
  // first. A cycle that skips ids, changes order now and then and holds look-alikes (one byte
  // apart, or a prefix) still gets the map's codes.
  std::vector<std::string> cycle{"poverty_rate", "poverty_ratf", "poverty_rat", "trained_labour", "a", ""};
  std::mt19937 g(3);
  std::vector<std::string> texts;
  for (int area = 0; area < 5000; ++area) {
    for (const auto& t : cycle)
      if (g() % 10 != 0) texts.push_back(t);
    if (area % 500 == 499) std::shuffle(cycle.begin(), cycle.end(), g);
  }
  check_numbered_as_a_map(texts);
}

BOOST_AUTO_TEST_CASE(a_dictionary_grows_to_many_texts) {
  text_dictionary d;
  for (int i = 0; i < 200000; ++i) BOOST_REQUIRE(d.code("area-" + std::to_string(i)) == i);
  for (int i = 199999; i >= 0; i -= 7) BOOST_REQUIRE(d.code("area-" + std::to_string(i)) == i);
  BOOST_TEST(d.size() == 200000u);
}

BOOST_AUTO_TEST_CASE(rows_split_over_threads_get_the_codes_of_one_pass) {
  const auto texts = random_texts(300000, 42);
  const auto [codes, ids] = reference(texts);
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    std::vector<std::int32_t> got(texts.size(), -2);
    const auto number_rows = [&](std::size_t first, std::size_t last, text_dictionary& d, std::int32_t* out) {
      for (std::size_t r = first; r < last; ++r) out[r] = r % 1000 == 999 ? -1 : d.code(texts[r]);
    };
    const auto got_ids = number_texts(texts.size(), threads, number_rows, got.data());
    // The rows marked missing (-1) stay missing; the others get the reference's codes, and the
    // dictionary lists the texts of the rows not missing in order of first appearance.
    std::vector<std::string> kept;
    for (std::size_t r = 0; r < texts.size(); ++r)
      if (r % 1000 != 999) kept.push_back(texts[r]);
    const auto [kept_codes, kept_ids] = reference(kept);
    std::vector<std::int32_t> expected;
    for (std::size_t r = 0, k = 0; r < texts.size(); ++r)
      expected.push_back(r % 1000 == 999 ? -1 : kept_codes[k++]);
    BOOST_TEST(got == expected, boost::test_tools::per_element());
    BOOST_TEST(got_ids == kept_ids, boost::test_tools::per_element());
  }
  BOOST_TEST(ids.size() > 100u);  // the texts repeat but are many
}

// libFuzzer target: the target-phrase parser (chitieu::parse_target) and its inverse.
//
// Every input is read as a phrase with each direction, and with none given. A phrase may be refused only with
// a chitieu::error (phrase_error, or a plain error); any other exception, crash or sanitizer report is a bug.
// A phrase that is read must format back ("vi" and "en") to a phrase that reads to the same target:
// format_target's guarantee.
#include <chitieu/phrase.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

void check_round_trip(const chitieu::target& t, chitieu::direction dir, const char* lang) {
  const std::string phrase = chitieu::format_target(t, lang);  // throws only on a bug here
  chitieu::target back = chitieu::parse_target(phrase, dir, t.tolerance);
  back.text = t.text;
  if (!(back == t)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view phrase(reinterpret_cast<const char*>(data), size);
  // each direction given, and none given (the words imply it)
  for (const auto given :
       {std::optional<chitieu::direction>(chitieu::direction::higher),
        std::optional<chitieu::direction>(chitieu::direction::lower),
        std::optional<chitieu::direction>(chitieu::direction::none), std::optional<chitieu::direction>()}) {
    chitieu::target t;
    try {
      t = chitieu::parse_target(phrase, given);
    } catch (const chitieu::error&) {
      continue;  // a refusal with a message: fine
    }
    check_round_trip(t, t.dir, "vi");
    check_round_trip(t, t.dir, "en");
  }
  try {
    (void)chitieu::parse_number(phrase);
  } catch (const chitieu::error&) {}
  return 0;
}

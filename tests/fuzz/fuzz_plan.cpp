// libFuzzer target: the plan loader (chitieu::parse_plan, plan_file_problems, write_plan).
//
// A plan file may be refused only with a chitieu::error; any other exception, crash or
// sanitizer report is a bug. Collect mode must agree with the first-error mode: no problems
// exactly when the plan loads, and the first problem when it does not. A plan that loads
// writes back to TOML that loads to the same plan.
#include <chitieu/plan_file.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<chitieu::plan> p;
  try {
    p = chitieu::parse_plan(text, "fuzz.toml");
  } catch (const chitieu::error& e) {
    if (e.file() != "fuzz.toml") std::abort();  // every error names the file
  }
  const auto problems = chitieu::plan_file_problems(text, "fuzz.toml");
  if (problems.empty() != p.has_value()) std::abort();
  if (p) {
    const chitieu::plan again = chitieu::parse_plan(chitieu::write_plan(*p), "written.toml");
    if (!(again == *p)) std::abort();
  }
  return 0;
}

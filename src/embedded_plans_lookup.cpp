// Lookup of plan files compiled into the library: load_plan by id, else by path.
#include "embedded_plans.hpp"

#include <chitieu/plan_file.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace chitieu {

std::vector<std::string> embedded_plan_ids() {
  std::vector<std::string> ids;
  for (const auto& f : detail::embedded_plan_files()) ids.emplace_back(f.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

plan load_plan(std::string_view id_or_path) {
  for (const auto& f : detail::embedded_plan_files()) {
    if (f.id != id_or_path) continue;
    plan p = parse_plan(f.text, "plans/" + std::string(f.id) + ".toml (embedded)");
    if (p.id != f.id)
      throw error("the embedded plan file declares id '" + p.id + "'; its file stem must equal its id",
                  "plans/" + std::string(f.id) + ".toml (embedded)", 0, "plan.id");
    return p;
  }
  const std::string path(id_or_path);
  if (std::ifstream(path).good()) return read_plan(path);
  std::string ids;
  for (const auto& id : embedded_plan_ids()) ids += (ids.empty() ? "" : ", ") + id;
  throw error("no embedded plan with this id and no readable file at this path; embedded plans: " +
                  (ids.empty() ? std::string("(none)") : ids),
              path);
}

}  // namespace chitieu

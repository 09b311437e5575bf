// evaluate_la_gi: the La Gi plan's trained-labour target ("đạt trên 80%") evaluated on
// illustrative town values 2020–2024 under the three pace methods (see docs/evaluation.md).
#include <chitieu/chitieu.hpp>
#include <chitieu/plan_file.hpp>

#include <cstdio>
#include <string>

int main() {
  const chitieu::plan plan = chitieu::load_plan("la-gi-2024");
  chitieu::panel obs;
  const double values[] = {70, 71, 72.5, 73, 74};  // illustrative, not official figures
  for (int i = 0; i < 5; ++i) obs.add("trained_labour", "la-gi", 2020 + i, values[i]);
  chitieu::check_observations(plan, obs);

  for (auto method :
       {chitieu::pace_method::chitieu, chitieu::pace_method::open_sdg, chitieu::pace_method::sdsn}) {
    chitieu::evaluate_options opt;
    opt.method = method;
    const chitieu::evaluation e = chitieu::evaluate(plan, obs, opt);
    std::printf("method %s\n", std::string(chitieu::to_string(method)).c_str());
    std::printf("  year  value  status   margin progress elapsed projected p_meet pace\n");
    for (std::size_t r = 0; r < e.size(); ++r)
      std::printf("  %d %6.1f  %-8s %6.2f %8.2f %7.2f %9.2f %6.3f %s\n", e.year[r], e.value[r],
                  std::string(chitieu::to_string(e.status[r])).c_str(), e.margin[r], e.progress[r],
                  e.elapsed[r], e.projected[r], e.p_meet[r],
                  std::string(chitieu::to_string(e.pace[r])).c_str());
  }
  return 0;
}

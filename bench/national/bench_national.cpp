// bench_national: the national review in C++ directly, stage by stage, on the files written by
// bench/national/generate.py. Usage:
//   bench_national PLAN.toml OBSERVATIONS.csv AREAS.csv [RUNS] [THREADS] [STAGE]
// Reads the files once (not timed), then times RUNS runs (default 5) of each stage and prints one
// JSON object: medians in milliseconds of check (complete_values + check_observations of a copy
// made untimed), copy (a plain copy of the panel), roll_up,
// evaluate (fresh output, and evaluate_into the same evaluation run after run), the whole review(), the
// whole review() of a panel given away (review_moved: the copy made untimed), the four public
// steps review() of a given-away panel runs, each timed on its own (review_steps: check_and_complete,
// check_observation_areas, roll_up, evaluate; their sum is about review_moved), the
// physical floor (floor_pass), the row counts, and the peak resident memory (ru_maxrss). STAGE (one
// of check, copy, roll_up, evaluate, evaluate_into, review, review_moved, review_steps, floor) times
// that stage alone, the others reported as 0: for `perf record` of one stage.
#include "detail/huge_pages.hpp"  // the core's own huge-page advice (src/, private)
#include "detail/panel_room.hpp"  // the copy review(const panel&) makes, for review(panel&&)

#include <chitieu/areas.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/review.hpp>
#include <chitieu/roll_up.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Splits a CSV line (no quoting: the generated files have none) into fields.
void split(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == ',') {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
}

double number(std::string_view f) {
  if (f.empty()) return std::numeric_limits<double>::quiet_NaN();
  return std::strtod(std::string(f).c_str(), nullptr);
}

// Reads observations.csv (indicator, area, year, value, numerator, denominator, weight).
chitieu::panel read_observations(const std::string& path) {
  const std::string text = slurp(path);
  chitieu::panel p;
  std::unordered_map<std::string, std::int32_t> indicators, areas;
  const auto code = [](std::unordered_map<std::string, std::int32_t>& dict, std::vector<std::string>& ids,
                       std::string_view id) {
    const auto [it, fresh] = dict.emplace(std::string(id), static_cast<std::int32_t>(ids.size()));
    if (fresh) ids.emplace_back(id);
    return it->second;
  };
  std::vector<std::string_view> f;
  std::size_t pos = text.find('\n') + 1;  // skip the header
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    split(std::string_view(text).substr(pos, end - pos), f);
    pos = end + 1;
    if (f.size() != 7) continue;
    p.indicator.push_back(code(indicators, p.indicator_ids, f[0]));
    p.area.push_back(code(areas, p.area_ids, f[1]));
    p.year.push_back(static_cast<std::int32_t>(std::strtol(std::string(f[2]).c_str(), nullptr, 10)));
    p.value.push_back(number(f[3]));
    p.numerator.push_back(number(f[4]));
    p.denominator.push_back(number(f[5]));
    p.weight.push_back(number(f[6]));
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  p.se.assign(p.size(), nan);
  p.coverage.assign(p.size(), nan);
  return p;
}

// Reads areas.csv (id, code, name, level, parent, valid_from, valid_to), open validity.
chitieu::area_table read_areas(const std::string& path) {
  const std::string text = slurp(path);
  std::vector<chitieu::area> out;
  std::vector<std::string_view> f;
  std::size_t pos = text.find('\n') + 1;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    split(std::string_view(text).substr(pos, end - pos), f);
    pos = end + 1;
    if (f.size() < 5) continue;
    chitieu::area a;
    a.id = std::string(f[0]);
    a.code = std::string(f[1]);
    a.name = std::string(f[2]);
    a.level = std::string(f[3]);
    a.parent = std::string(f[4]);
    out.push_back(std::move(a));
  }
  return chitieu::area_table(std::move(out), path);
}

/// Milliseconds since t0.
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// The median of `ms` (reordered).
double median_of(std::vector<double>& ms) {
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

template <class F>
double median_ms(int runs, F&& f) {
  std::vector<double> ms;
  for (int k = 0; k < runs; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(ms_since(t0));
  }
  return median_of(ms);
}

/// As median_ms, timing f(prepare()) with prepare() itself untimed (the input a call consumes).
template <class P, class F>
double median_ms_of(int runs, P&& prepare, F&& f) {
  std::vector<double> ms;
  for (int k = 0; k < runs; ++k) {
    auto input = prepare();
    const auto t0 = std::chrono::steady_clock::now();
    f(std::move(input));
    ms.push_back(ms_since(t0));
  }
  return median_of(ms);
}

/// Medians in milliseconds of the four steps review() runs on a panel it is given (a fresh copy
/// of `obs` each run, not timed), each timed on its own.
struct review_step_times {
  double check = 0.0;     ///< check_and_complete()
  double areas = 0.0;     ///< check_observation_areas()
  double roll_up = 0.0;   ///< roll_up() of the panel given away
  double evaluate = 0.0;  ///< evaluate() of the rolled-up rows given away, checked
};

/// Times review()'s steps over `runs` runs, as review(plan, panel&&, options) takes them.
review_step_times time_review_steps(const chitieu::plan& plan, const chitieu::panel& obs,
                                    const chitieu::area_table& areas, const chitieu::review_options& opt,
                                    int runs) {
  std::vector<double> check, area, roll, eval;
  chitieu::evaluate_options checked = opt.evaluation;
  checked.checked = true;
  for (int k = 0; k < runs; ++k) {
    chitieu::panel p = chitieu::detail::copy_with_room(obs, chitieu::detail::parent_row_bound(obs, areas));
    auto t0 = std::chrono::steady_clock::now();
    chitieu::check_and_complete(plan, p);
    check.push_back(ms_since(t0));
    t0 = std::chrono::steady_clock::now();
    chitieu::check_observation_areas(p, areas);
    area.push_back(ms_since(t0));
    t0 = std::chrono::steady_clock::now();
    chitieu::roll_up_result rolled = chitieu::roll_up(plan, std::move(p), areas);
    roll.push_back(ms_since(t0));
    t0 = std::chrono::steady_clock::now();
    const chitieu::evaluation e = chitieu::evaluate(plan, std::move(rolled.rows), checked);
    eval.push_back(ms_since(t0));
    if (e.size() == 0) throw std::runtime_error("review_steps: no evaluation rows");
  }
  return {median_of(check), median_of(area), median_of(roll), median_of(eval)};
}

/// The fourteen output columns of an evaluation as plain arrays (the floor's destination).
struct floor_columns {
  std::unique_ptr<std::int32_t[]> indicator, area, year;
  std::unique_ptr<double[]> value, assessed, margin, baseline, progress, elapsed, projected, p_meet, coverage;
  std::unique_ptr<std::uint8_t[]> status, pace;
  explicit floor_columns(std::size_t n)
      : indicator(new std::int32_t[n]),
        area(new std::int32_t[n]),
        year(new std::int32_t[n]),
        value(new double[n]),
        assessed(new double[n]),
        margin(new double[n]),
        baseline(new double[n]),
        progress(new double[n]),
        elapsed(new double[n]),
        projected(new double[n]),
        p_meet(new double[n]),
        coverage(new double[n]),
        status(new std::uint8_t[n]),
        pace(new std::uint8_t[n]) {
    // huge pages, as the core's fresh columns get them
    for (const void* p : {static_cast<const void*>(indicator.get()), static_cast<const void*>(area.get()),
                          static_cast<const void*>(year.get())})
      chitieu::detail::advise_huge_pages(p, n * sizeof(std::int32_t));
    for (const double* p : {value.get(), assessed.get(), margin.get(), baseline.get(), progress.get(),
                            elapsed.get(), projected.get(), p_meet.get(), coverage.get()})
      chitieu::detail::advise_huge_pages(p, n * sizeof(double));
    chitieu::detail::advise_huge_pages(status.get(), n);
    chitieu::detail::advise_huge_pages(pace.get(), n);
  }
};

/// The physical floor of the review: one pass reading every input column of the panel (codes,
/// year, value, numerator, denominator, weight) and writing every output column of the
/// evaluation once (rows rows; the rows past the panel's read it again from the start, as the
/// parent rows read their children). No sort, no arithmetic beyond a copy or one operation a
/// cell: the least any implementation must move through memory. Returns a checksum (of the years).
double floor_pass(const chitieu::panel& in, floor_columns& out, std::size_t rows) {
  const std::size_t n = in.size();
  double sum = 0.0;
  for (std::size_t i = 0, j = 0; i < rows; ++i, j = j + 1 == n ? 0 : j + 1) {
    const double v = in.value[j], num = in.numerator[j], den = in.denominator[j], w = in.weight[j];
    out.indicator[i] = in.indicator[j];
    out.area[i] = in.area[j];
    out.year[i] = in.year[j];
    out.value[i] = v;
    out.assessed[i] = v;
    out.margin[i] = v - num;
    out.baseline[i] = den;
    out.progress[i] = w;
    out.elapsed[i] = num;
    out.projected[i] = v + w;
    out.p_meet[i] = den - v;
    out.coverage[i] = w - num;
    out.status[i] = static_cast<std::uint8_t>(in.year[j]);
    out.pace[i] = static_cast<std::uint8_t>(in.area[j]);
    sum += out.year[i];  // finite (values may be NaN): the JSON stays valid
  }
  return sum;
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: bench_national PLAN.toml OBSERVATIONS.csv AREAS.csv [RUNS] [THREADS] [STAGE]\n");
    return 2;
  }
  const int runs = argc > 4 ? std::atoi(argv[4]) : 5;
  const chitieu::plan plan = chitieu::read_plan(argv[1]);
  const chitieu::panel obs = read_observations(argv[2]);
  const chitieu::area_table areas = read_areas(argv[3]);
  const long input_rss = peak_rss_kib();
  chitieu::review_options opt;
  opt.with_areas(areas);
  if (argc > 5) opt.evaluation.threads = static_cast<unsigned>(std::atoi(argv[5]));

  const std::string only = argc > 6 ? argv[6] : "";  // one stage alone, or every stage
  const auto timed = [&](const char* stage, auto&& f) {
    return only.empty() || only == stage ? median_ms(runs, f) : 0.0;
  };

  chitieu::panel completed = obs;
  chitieu::complete_values(plan, completed);
  std::size_t rolled_rows = 0, evaluated_rows = 0, review_rows = 0;
  // The check of a copy made untimed each run (the copy is the copy stage's).
  const auto check = [&](chitieu::panel&& p) {
    chitieu::complete_values(plan, p);
    chitieu::check_observations(plan, p);
  };
  const double check_ms = only.empty() || only == "check"
                              ? median_ms_of(
                                    runs, [&] { return chitieu::panel(obs); }, check)
                              : 0.0;
  const double copy_ms = timed("copy", [&] {
    chitieu::panel p = obs;
    rolled_rows += p.size() == 0;
  });
  chitieu::panel rolled;
  chitieu::roll_up_options roll_opt;  // the roll-up on as many threads as the evaluation
  roll_opt.threads = opt.evaluation.threads;
  const double roll_ms =
      timed("roll_up", [&] { rolled = chitieu::roll_up(plan, completed, areas, roll_opt).rows; });
  if (rolled.size() == 0) rolled = chitieu::roll_up(plan, completed, areas, roll_opt).rows;  // not timed
  rolled_rows = rolled.size();
  const double eval_ms =
      timed("evaluate", [&] { evaluated_rows = chitieu::evaluate(plan, rolled, opt.evaluation).size(); });
  chitieu::evaluation reused_evaluation;  // evaluate_into: the same columns run after run
  if (only.empty() || only == "evaluate_into")
    chitieu::evaluate_into(plan, rolled, reused_evaluation, opt.evaluation);
  const double eval_into_ms = timed(
      "evaluate_into", [&] { chitieu::evaluate_into(plan, rolled, reused_evaluation, opt.evaluation); });
  review_rows = rolled.size();  // review() gives the rolled-up rows, each evaluated once
  const double review_ms =
      timed("review", [&] { review_rows = chitieu::review(plan, obs, opt).evaluation.size(); });
  // review() of a panel the caller gives away (review(panel&&)): no copy of the observations.
  const double review_moved_ms =
      only.empty() || only == "review_moved"
          ? median_ms_of(
                runs,
                [&] {
                  return chitieu::detail::copy_with_room(obs, chitieu::detail::parent_row_bound(obs, areas));
                },
                [&](chitieu::panel&& p) {
                  review_rows = chitieu::review(plan, std::move(p), opt).evaluation.size();
                })
          : 0.0;
  const review_step_times steps = only.empty() || only == "review_steps"
                                      ? time_review_steps(plan, obs, areas, opt, runs)
                                      : review_step_times{};
  // The floor: into fresh memory each run (as review() writes its evaluation), and into columns
  // reused from run to run (no page faults: what an evaluation into caller-owned buffers pays).
  double checksum = 0.0;
  const double floor_ms = timed("floor", [&] {
    floor_columns out(review_rows);
    checksum += floor_pass(obs, out, review_rows);
  });
  floor_columns reused(review_rows);
  checksum += floor_pass(obs, reused, review_rows);
  const double floor_reused_ms = timed("floor", [&] { checksum += floor_pass(obs, reused, review_rows); });
  std::printf(
      "{\"observations\": %zu, \"rolled_rows\": %zu, \"evaluated_rows\": %zu, \"review_rows\": %zu, "
      "\"runs\": %d, \"check_ms\": %.3f, \"copy_ms\": %.3f, \"roll_up_ms\": %.3f, \"evaluate_ms\": %.3f, "
      "\"evaluate_into_ms\": %.3f, \"review_ms\": %.3f, \"review_moved_ms\": %.3f, \"floor_ms\": %.3f, "
      "\"floor_reused_ms\": %.3f, \"step_check_ms\": %.3f, \"step_areas_ms\": %.3f, "
      "\"step_roll_up_ms\": %.3f, \"step_evaluate_ms\": %.3f, "
      "\"floor_checksum\": %g, "
      "\"input_rss_kib\": %ld, \"peak_rss_kib\": %ld}\n",
      obs.size(), rolled_rows, evaluated_rows, review_rows, runs, check_ms, copy_ms, roll_ms, eval_ms,
      eval_into_ms, review_ms, review_moved_ms, floor_ms, floor_reused_ms, steps.check, steps.areas,
      steps.roll_up, steps.evaluate, checksum, input_rss, peak_rss_kib());
  return 0;
}

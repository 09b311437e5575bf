// chitieu-report: reviews observation, area and crosswalk CSV files against a plan and writes
// the evaluation and the findings as JSON, with chitieu's C++ library alone (no Python).
//   chitieu-report --plan ID|FILE --data OBS.csv [--areas AREAS.csv]
//                  [--crosswalk CW.csv --geography YYYY-MM-DD] [--output REPORT.json]
//                  [--encoding utf-8|cp1258] [--decimal .|,]
#include "report.hpp"

#include <chitieu/error.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>

namespace {

constexpr const char* usage =
    "usage: chitieu-report --plan ID|FILE --data OBS.csv [--areas AREAS.csv] "
    "[--crosswalk CW.csv --geography YYYY-MM-DD] [--output REPORT.json] [--encoding utf-8|cp1258] "
    "[--decimal .|,]\n";

/// The flags given, or an error message (empty when the command line is good).
std::string parse(int argc, char** argv, std::map<std::string, std::string>& flags) {
  const std::map<std::string, bool> known = {
      {"--plan", true},       {"--data", true},    {"--areas", false},    {"--crosswalk", false},
      {"--geography", false}, {"--output", false}, {"--encoding", false}, {"--decimal", false}};
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (!known.count(flag)) return "unknown argument '" + flag + "'";
    if (i + 1 >= argc) return flag + " needs a value";
    flags[flag] = argv[i + 1];
  }
  for (const auto& [flag, required] : known)
    if (required && !flags.count(flag)) return flag + " is required";
  if (flags.count("--crosswalk") && (!flags.count("--geography") || !flags.count("--areas")))
    return "--crosswalk needs --areas and --geography";
  if (flags.count("--decimal") && flags["--decimal"].size() != 1) return "--decimal is '.' or ','";
  return {};
}

std::optional<std::string> optional_flag(const std::map<std::string, std::string>& flags, const char* name) {
  const auto it = flags.find(name);
  return it == flags.end() ? std::nullopt : std::optional<std::string>(it->second);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  if (const std::string problem = parse(argc, argv, flags); !problem.empty()) {
    std::cerr << "chitieu-report: " << problem << "\n" << usage;
    return 2;
  }
  const report::request request{flags["--plan"], flags["--data"], optional_flag(flags, "--areas"),
                                optional_flag(flags, "--crosswalk"), optional_flag(flags, "--geography")};
  chitieu::csv_options csv;  // the files' encoding and delimiter detected unless given
  csv.encoding = flags["--encoding"];
  if (flags.count("--decimal")) csv.decimal = flags["--decimal"][0];
  try {
    chitieu::plan plan;
    const chitieu::review_result result = report::run(request, plan, csv);
    if (const auto path = optional_flag(flags, "--output")) {
      std::ofstream out(*path);
      report::write_json(out, plan, result);
      if (!out) throw chitieu::error("cannot write the report", *path);
      std::cout << "wrote " << result.evaluation.size() << " rows and " << result.findings.size()
                << " findings to " << *path << "\n";
    } else {
      report::write_json(std::cout, plan, result);
    }
  } catch (const std::invalid_argument& e) {  // chitieu::error and the library's argument errors
    std::cerr << "chitieu-report: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

// Test-only readers of the data/ CSV files (plain CSV, no quoted commas; leading '#' lines
// skipped). The library itself reads files in Python; these exist so C++ tests can use them.
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/date.hpp>
#include <chitieu/panel.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace csv_helpers {

/// The data rows of a CSV file as fields (header and leading '#' lines dropped).
inline std::vector<std::vector<std::string>> read_rows(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header && !line.empty() && line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream s(line);
    std::string f;
    while (std::getline(s, f, ',')) fields.push_back(f);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

inline std::optional<chitieu::date> opt_date(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return chitieu::parse_date(s);
}

inline double number(const std::string& s) {
  return s.empty() ? std::numeric_limits<double>::quiet_NaN() : std::stod(s);
}

inline std::vector<chitieu::area> read_areas(const std::string& path) {
  std::vector<chitieu::area> out;
  for (const auto& f : read_rows(path))
    out.push_back({f.at(0), f.at(1), f.at(2), f.at(3), f.at(4), opt_date(f.at(5)), opt_date(f.at(6))});
  return out;
}

inline std::vector<chitieu::crosswalk_link> read_crosswalk(const std::string& path) {
  std::vector<chitieu::crosswalk_link> out;
  for (const auto& f : read_rows(path))
    out.push_back({f.at(0), f.at(1), std::stod(f.at(2)), chitieu::parse_date(f.at(3))});
  return out;
}

inline chitieu::panel read_observations(const std::string& path) {
  chitieu::panel p;
  for (const auto& f : read_rows(path))
    p.add(f.at(0), f.at(1), std::stoi(f.at(2)), number(f.at(3)), number(f.at(4)), number(f.at(5)),
          number(f.at(6)), number(f.at(7)));
  return p;
}

}  // namespace csv_helpers
